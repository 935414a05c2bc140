#pragma once
// The two captions over a sequence diagram's lifelines ("Client :40000", "Server :80"): a box in the side's
// colour, centred on the lifeline, its bottom at the plot's top. Shared by the main view and the kernel lab.
#include <qcustomplot.h>

#include <array>

namespace tcplab::ui {

// Adds the client's and the server's header items to `plot` (which owns them), client first.
std::array<QCPItemText *, 2> addSideHeaders(QCustomPlot &plot, const QFont &font, const QColor &textColour,
                                            const QMargins &padding);

} // namespace tcplab::ui
