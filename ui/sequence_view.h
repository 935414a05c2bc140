#pragma once
// The sequence diagram's widget: a QCustomPlot holding one SequenceDiagram, fed from a SessionController.
// It redraws from the trace when the trace or the time changes, lays the whole session out on a stable
// proportional time axis, and turns a click on a segment in flight into the controller's drop intent.
#include <qcustomplot.h>

namespace tcplab::ui {

class SequenceDiagram;
class SessionController;

class SequenceView : public QCustomPlot {
    Q_OBJECT

public:
    explicit SequenceView(SessionController &controller, QWidget *parent = nullptr);

    // Fewer pixels per millisecond than this and neighbouring arrows' labels run into each other.
    static constexpr double kMinReadableScale = 0.55;

    SequenceDiagram &diagram() const { return *m_diagram; }
    // Back to the automatic time range (after the user zoomed or dragged it).
    void resetTimeRange();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void setUpAxes();
    void setUpHeaders();
    void rebuildModel();
    void showTime(qint64 now);
    // The automatic time range: the whole session when it fits at a readable scale (a stable picture in
    // which time flows down), otherwise a readable window that follows the current time.
    void updateTimeRange();
    void handleMousePress(QMouseEvent *event);
    void handleMouseMove(QMouseEvent *event);

    SessionController &m_controller;
    SequenceDiagram *m_diagram; // owned by the plot
    bool m_userRange = false;   // the user zoomed or dragged: leave the range alone
    double m_windowStartMs = 0.0;
};

} // namespace tcplab::ui
