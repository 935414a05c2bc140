#pragma once
// The window's colours: the system's (light or dark, as the desktop says), or a high-contrast scheme for a
// projector: pure black on pure white, a strong blue selection, readable from the back of a room. The
// diagram itself stays on white paper in every theme, as on a slide.
#include <QPalette>
#include <QString>

namespace tcplab::ui {

enum class Theme { System, Light, Dark, HighContrast };

Theme themeFromName(const QString &name); // "system", "light", "dark", "high-contrast"; System otherwise
QString themeName(Theme theme);

// Qt 6.4 has no QStyleHints::colorScheme (6.5): a dark window colour in the platform's palette is the sign.
bool systemPrefersDark(const QPalette &systemPalette);
// The palette a theme gives the window; System gives `systemPalette` back.
QPalette themePalette(Theme theme, const QPalette &systemPalette);

} // namespace tcplab::ui
