#pragma once
// The window's colours: the system's (light or dark, as the desktop says), or a high-contrast scheme for a
// projector: pure black on pure white, a strong blue selection, readable from the back of a room. The
// diagrams follow: dark paper and light text in the dark theme, black on white in high contrast.
#include "ui/diagram_style.h"

#include <QPalette>
#include <QString>

#include <optional>

class QCustomPlot;

namespace tcplab::ui {

class SequenceView;

enum class Theme { System, Light, Dark, HighContrast };

// "system", "light", "dark", "high-contrast" (or "contrast"); nullopt for anything else.
std::optional<Theme> parseTheme(const QString &name);
Theme themeFromName(const QString &name); // as parseTheme, System for anything else
QString themeName(Theme theme);

// Qt 6.4 has no QStyleHints::colorScheme (6.5): a dark window colour in the platform's palette is the sign.
bool systemPrefersDark(const QPalette &systemPalette);
// The palette a theme gives the window; System gives `systemPalette` back.
QPalette themePalette(Theme theme, const QPalette &systemPalette);
// The diagrams' colours for a theme; System follows the lightness of `systemPalette`.
DiagramScheme diagramScheme(Theme theme, const QPalette &systemPalette);

// Paints a plot's paper, axes, grid and legend in the current diagram style (colours and zoomed widths).
void styleCustomPlot(QCustomPlot &plot);
// The same for the sequence diagram, with its two side headers (white on the side's colour).
void styleSequenceView(SequenceView &view);

} // namespace tcplab::ui
