#pragma once
// The kernel-against-core differences (io/kernel_compare.h) said in the interface's language: one sentence
// each that names the difference and explains it.
#include "io/kernel_compare.h"

#include <QCoreApplication>
#include <QString>

namespace tcplab::ui {

class KernelDifferenceText {
    Q_DECLARE_TR_FUNCTIONS(tcplab::ui::KernelDifferenceText)

public:
    static QString explain(const KernelDifference &difference);
    // "client ACK len 5" with the side translated.
    static QString segmentName(const KernelDifference &difference);
};

} // namespace tcplab::ui
