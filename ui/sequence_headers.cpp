#include "ui/sequence_headers.h"

#include "ui/diagram_style.h"
#include "ui/sequence_diagram.h"

namespace tcplab::ui {

std::array<QCPItemText *, 2> addSideHeaders(QCustomPlot &plot, const QFont &font, const QColor &textColour,
                                            const QMargins &padding)
{
    std::array<QCPItemText *, 2> headers{};
    for (Side side : {Side::Client, Side::Server}) {
        // Two fixed captions, not one item per arrow: items are fine here.
        auto *item = new QCPItemText(&plot);
        item->setClipToAxisRect(false);
        item->position->setAxes(plot.xAxis, plot.yAxis);
        item->position->setTypeX(QCPItemPosition::ptPlotCoords);
        item->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
        item->position->setCoords(
            side == Side::Client ? SequenceDiagram::kClientValue : SequenceDiagram::kServerValue, 0.0);
        item->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
        item->setFont(font);
        item->setColor(textColour);
        item->setBrush(style::sideColor(side));
        item->setPen(Qt::NoPen);
        item->setPadding(padding);
        headers[side == Side::Server ? 1 : 0] = item;
    }
    return headers;
}

} // namespace tcplab::ui
