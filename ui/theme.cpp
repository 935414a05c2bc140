#include "ui/theme.h"

#include "ui/sequence_diagram.h"
#include "ui/sequence_view.h"

#include <qcustomplot.h>

namespace tcplab::ui {

namespace {
// Below this HSL lightness (0–255) a window colour reads as dark.
constexpr int kDarkLightness = 128;

QPalette lightPalette()
{
    QPalette p(QColor(0xef, 0xef, 0xef));
    p.setColor(QPalette::Base, Qt::white);
    p.setColor(QPalette::Text, Qt::black);
    p.setColor(QPalette::WindowText, Qt::black);
    p.setColor(QPalette::ButtonText, Qt::black);
    p.setColor(QPalette::Highlight, QColor(0x30, 0x8c, 0xc6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    return p;
}

QPalette darkPalette()
{
    QPalette p(QColor(0x35, 0x35, 0x35));
    p.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    p.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    p.setColor(QPalette::AlternateBase, QColor(0x2b, 0x2b, 0x2b));
    p.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    p.setColor(QPalette::Button, QColor(0x3a, 0x3a, 0x3a));
    p.setColor(QPalette::ButtonText, QColor(0xee, 0xee, 0xee));
    p.setColor(QPalette::ToolTipBase, QColor(0x20, 0x20, 0x20));
    p.setColor(QPalette::ToolTipText, QColor(0xee, 0xee, 0xee));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x8e, 0xe6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
    return p;
}

// WCAG's highest contrast (21:1) for text; the selection a saturated blue with white text (8.6:1).
QPalette highContrastPalette()
{
    QPalette p(Qt::white);
    for (QPalette::ColorRole role : {QPalette::Window, QPalette::Base, QPalette::AlternateBase,
                                     QPalette::Button, QPalette::Light, QPalette::Midlight})
        p.setColor(role, Qt::white);
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText,
                                     QPalette::Dark, QPalette::Shadow, QPalette::Mid})
        p.setColor(role, Qt::black);
    p.setColor(QPalette::Highlight, QColor(0x00, 0x33, 0xcc));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::ToolTipBase, QColor(0xff, 0xff, 0x00));
    p.setColor(QPalette::ToolTipText, Qt::black);
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x55, 0x55, 0x55));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x55, 0x55, 0x55));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x55, 0x55, 0x55));
    return p;
}
} // namespace

std::optional<Theme> parseTheme(const QString &name)
{
    if (name == QLatin1String("system")) return Theme::System;
    if (name == QLatin1String("light")) return Theme::Light;
    if (name == QLatin1String("dark")) return Theme::Dark;
    if (name == QLatin1String("high-contrast") || name == QLatin1String("contrast"))
        return Theme::HighContrast;
    return std::nullopt;
}

Theme themeFromName(const QString &name)
{
    return parseTheme(name).value_or(Theme::System);
}

QString themeName(Theme theme)
{
    switch (theme) {
    case Theme::System:
        return QStringLiteral("system");
    case Theme::Light:
        return QStringLiteral("light");
    case Theme::Dark:
        return QStringLiteral("dark");
    case Theme::HighContrast:
        return QStringLiteral("high-contrast");
    }
    return QStringLiteral("system");
}

bool systemPrefersDark(const QPalette &systemPalette)
{
    return systemPalette.color(QPalette::Window).lightness() < kDarkLightness;
}

QPalette themePalette(Theme theme, const QPalette &systemPalette)
{
    switch (theme) {
    case Theme::System:
        // The platform's palette is already light or dark as the desktop is; keep it.
        return systemPalette;
    case Theme::Light:
        return lightPalette();
    case Theme::Dark:
        return darkPalette();
    case Theme::HighContrast:
        return highContrastPalette();
    }
    return systemPalette;
}

DiagramScheme diagramScheme(Theme theme, const QPalette &systemPalette)
{
    switch (theme) {
    case Theme::System:
        return systemPrefersDark(systemPalette) ? DiagramScheme::Dark : DiagramScheme::Light;
    case Theme::Light:
        return DiagramScheme::Light;
    case Theme::Dark:
        return DiagramScheme::Dark;
    case Theme::HighContrast:
        return DiagramScheme::HighContrast;
    }
    return DiagramScheme::Light;
}

void styleCustomPlot(QCustomPlot &plot)
{
    plot.setBackground(style::backgroundColor());
    const QColor text = style::textColor();
    const QPen line(text, style::zoomed(1.0), Qt::SolidLine, Qt::SquareCap);
    for (QCPAxisRect *rect : plot.axisRects()) {
        for (QCPAxis *axis : rect->axes()) {
            axis->setBasePen(line);
            axis->setTickPen(line);
            axis->setSubTickPen(line);
            axis->setLabelColor(text);
            axis->setTickLabelColor(text);
            QPen grid = axis->grid()->pen();
            grid.setColor(style::gridColor());
            grid.setWidthF(style::zoomed(1.0));
            axis->grid()->setPen(grid);
            axis->grid()->setZeroLinePen(grid);
        }
    }
    if (plot.legend) {
        plot.legend->setBrush(style::labelGround(235));
        plot.legend->setBorderPen(QPen(style::mutedTextColor(), style::zoomed(1.0)));
        plot.legend->setTextColor(text);
    }
}

void styleSequenceView(SequenceView &view)
{
    styleCustomPlot(view);
    // The two side headers: white on the side's colour (dark text on the dark theme's lighter hues).
    for (int i = 0; i < view.itemCount(); ++i) {
        auto *header = qobject_cast<QCPItemText *>(view.item(i));
        if (!header) continue;
        const bool client = header->position->coords().x() == SequenceDiagram::kClientValue;
        header->setColor(style::onSideColor());
        header->setBrush(style::sideColor(client ? Side::Client : Side::Server));
    }
}

} // namespace tcplab::ui
