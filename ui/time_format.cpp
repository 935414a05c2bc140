#include "ui/time_format.h"

#include <QLocale>

namespace tcplab::ui {

QString formatTime(TimeUs t)
{
    const QLocale c = QLocale::c();
    if (t == 0) return QStringLiteral("0 ms");
    if (t < kSecond && t > -kSecond)
        return c.toString(double(t) / kMillisecond, 'f', 1) + QStringLiteral(" ms");
    return c.toString(double(t) / kSecond, 'f', 3) + QStringLiteral(" s");
}

} // namespace tcplab::ui
