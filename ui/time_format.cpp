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

QString formatDuration(TimeUs d)
{
    const QLocale c = QLocale::c();
    if (d >= 120 * kSecond && d % (60 * kSecond) == 0)
        return c.toString(d / (60 * kSecond)) + QStringLiteral(" min");
    if (d >= kSecond) return c.toString(double(d) / kSecond, 'g', 4) + QStringLiteral(" s");
    if (d >= kMillisecond) return c.toString(double(d) / kMillisecond, 'g', 4) + QStringLiteral(" ms");
    return c.toString(d) + QStringLiteral(" µs");
}

} // namespace tcplab::ui
