#pragma once
// The sequence diagram as ONE QCustomPlot plottable that draws every arrow itself (no QCPItem per arrow),
// as Wireshark's flow graph does, so that long traces stay fast. Time runs down a proportional axis (the key
// axis, in milliseconds); the client's lifeline is at value 0 and the server's at value 1. Each segment is
// an arrow slanting from its send time to its arrival time, a segment on the wire is drawn up to the
// current time with the packet at its head, and a lost one ends in a red cross where it was lost.
#include "ui/sequence_model.h"

#include <qcustomplot.h>

#include <QFont>

#include <array>
#include <cstdint>
#include <optional>

namespace tcplab::ui {

class LabelPlacer;

class SequenceDiagram : public QCPAbstractPlottable {
    Q_OBJECT

public:
    static constexpr double kClientValue = 0.0;
    static constexpr double kServerValue = 1.0;

    // timeAxis is the key axis (vertical, reversed so that time runs down), sideAxis the value axis.
    SequenceDiagram(QCPAxis *timeAxis, QCPAxis *sideAxis);

    void setModel(SequenceModel model);
    const SequenceModel &model() const { return m_model; }
    void setNow(TimeUs now);
    TimeUs now() const { return m_now; }
    void setLabelFont(const QFont &font) { m_labelFont = font; }
    void setStateFont(const QFont &font) { m_stateFont = font; }
    void setTimerFont(const QFont &font) { m_timerFont = font; }
    // The arrow drawn highlighted (0: none).
    void setSelectedSegment(std::uint64_t segmentId) { m_selected = segmentId; }
    std::uint64_t selectedSegment() const { return m_selected; }
    // Arrows closer together than this many pixels on average get no labels (they would be a smear).
    static constexpr double kMinPixelsPerLabel = 9.0;
    // How many arrows and labels the last draw painted (for tests and the benchmark).
    int drawnArrowCount() const { return m_drawnArrows; }
    int drawnLabelCount() const { return m_drawnLabels; }
    // The arrow labels' boxes as the last draw placed them, for tests.
    const std::vector<QPolygonF> &labelBoxes() const { return m_labelBoxes; }

    // The latest time the diagram has something to show at (an event, a planned arrival, now).
    TimeUs contentEnd() const;
    // What the eye should follow: now while a segment is on the wire, otherwise the last moment a segment
    // was sent, arrived or was lost (quiet waits such as TIME_WAIT do not pull the view along).
    TimeUs focusTime() const;

    // Pixel positions, valid once the plot has laid out its axes (after a replot).
    QPointF pixelAt(TimeUs t, Side from, double fraction) const;
    // The packet at the head of a segment on the wire now, if it is.
    std::optional<QPointF> packetPixel(std::uint64_t segmentId) const;
    // The segment on the wire now that is nearest to `pixel`, within `tolerance` pixels of its drawn line
    // or packet. Only segments still travelling can be dropped, so only they are hit.
    std::optional<std::uint64_t> segmentAt(const QPointF &pixel, double tolerance = 14.0) const;
    // Any arrow as drawn now (on the wire or not) nearest to `pixel`, within `tolerance` pixels.
    std::optional<std::uint64_t> arrowAt(const QPointF &pixel, double tolerance = 10.0) const;
    // The timer bar under `pixel`, if any (index into model().timers).
    std::optional<std::size_t> timerAt(const QPointF &pixel) const;
    // A drop's reason from the trace (fixed English wording) in the interface's language.
    static QString dropReasonText(const QString &reason);
    // Pixels a side needs beyond its lifeline for the widest state label and the timer lanes.
    double sideRoom() const;
    // The times the axis shows now.
    std::pair<TimeUs, TimeUs> visibleTimes() const;

    double selectTest(const QPointF &pos, bool onlySelectable, QVariant *details = nullptr) const override;
    QCPRange getKeyRange(bool &foundRange, QCP::SignDomain inSignDomain = QCP::sdBoth) const override;
    QCPRange getValueRange(bool &foundRange, QCP::SignDomain inSignDomain = QCP::sdBoth,
                           const QCPRange &inKeyRange = QCPRange()) const override;

protected:
    void draw(QCPPainter *painter) override;
    void drawLegendIcon(QCPPainter *painter, const QRectF &rect) const override;

private:
    struct Hit {
        std::uint64_t segmentId;
        double distance;
    };
    std::optional<Hit> nearestTravelling(const QPointF &pixel) const;
    // From the band's edge to the state labels: room for the timer lanes when there are timers (at the
    // presentation zoom, each lane wide enough for its name in the timer font).
    double stateLabelOffset() const;
    double sideValue(Side side) const { return side == Side::Client ? kClientValue : kServerValue; }

    void drawBands(QCPPainter *painter) const;
    void drawTimers(QCPPainter *painter) const;
    void drawLifelines(QCPPainter *painter) const;
    void drawNowLine(QCPPainter *painter) const;
    // The state labels beside the lifelines, laid out before anything is drawn so that the arrows' labels
    // can keep clear of them.
    struct StateLabel {
        QRectF box;
        QPointF anchor; // where the state changed on the lifeline
        Side side;
        TcpState state;
        QString text;
        bool belowView; // the latest change, further down than the view shows
    };
    std::vector<StateLabel> layoutStateLabels() const;
    void drawStateLabels(QCPPainter *painter, const std::vector<StateLabel> &labels) const;
    static QString stateText(TcpState state);
    // Where "▼ now: …" is written when now is below the view (an empty rect when it is not).
    QRectF nowNoteRect() const;
    void drawArrows(QCPPainter *painter, const std::vector<QRectF> &obstacles);
    // Too many arrows to label: thin lines batched by pen (the benchmark's case).
    void drawDenseArrows(QCPPainter *painter, std::size_t first, std::size_t last);
    static Qt::PenStyle linePattern(const SequenceArrow &arrow);
    void drawArrowHead(QCPPainter *painter, const QPointF &tail, const QPointF &tip,
                       const QColor &colour) const;
    void drawArrowLabel(QCPPainter *painter, LabelPlacer &placer, const SequenceArrow &arrow,
                        const QLineF &along, int line);

    SequenceModel m_model;
    TimeUs m_now = 0;
    QFont m_labelFont;
    QFont m_stateFont;
    QFont m_timerFont;
    std::uint64_t m_selected = 0;
    int m_timerLaneCount = 0;
    std::array<int, kTimerKindCount> m_timerLanes{};
    // Reused from frame to frame so that drawing allocates nothing once warm: a batch of lines per side and
    // pattern (solid, dashed, dotted), the crosses, and the tips already drawn from one pixel row.
    std::array<std::vector<QLineF>, 6> m_denseBatches;
    std::array<std::vector<QRect>, 2> m_denseRuns; // solid hairlines as runs of pixels, per side
    std::vector<QLineF> m_denseCrosses;
    std::vector<int> m_denseTips;
    std::vector<QPolygonF> m_labelBoxes;
    int m_drawnArrows = 0;
    int m_drawnLabels = 0;
};

} // namespace tcplab::ui
