#pragma once
// A Stevens graph: the sequence number of every data segment against the time it was sent, per side, with
// retransmissions in graphs of their own (drawn as crosses) so that a loss stands out. Numbers are
// relative to each side's initial sequence number. Rebuilt from the trace whenever it changes.
#include "trace/trace.h"

#include <qcustomplot.h>

namespace tcplab::ui {

class SessionController;

class StevensPlot : public QCustomPlot {
    Q_OBJECT

public:
    explicit StevensPlot(SessionController &controller, QWidget *parent = nullptr);

    // First transmissions and retransmissions of `side`'s data segments.
    QCPGraph *dataGraph(Side side) const { return side == Side::Client ? m_clientData : m_serverData; }
    QCPGraph *retransmissionGraph(Side side) const
    {
        return side == Side::Client ? m_clientRetransmissions : m_serverRetransmissions;
    }

public slots:
    void rebuild();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    SessionController &m_controller;
    QCPGraph *m_clientData = nullptr; // the four graphs are owned by the plot
    QCPGraph *m_clientRetransmissions = nullptr;
    QCPGraph *m_serverData = nullptr;
    QCPGraph *m_serverRetransmissions = nullptr;
};

} // namespace tcplab::ui
