#pragma once
// The sequence diagram's widget: a QCustomPlot holding one SequenceDiagram, fed from a SessionController.
// It redraws from the trace when the trace or the time changes, lays the whole session out on a stable
// proportional time axis that follows the current time (until the user zooms or pans it away), selects the
// arrow a click lands on, and turns a click or a right-click menu on a segment in flight into the
// controller's intents (drop, delay, duplicate).
#include "ui/sequence_model.h"

#include <qcustomplot.h>

class QMenu;

namespace tcplab::ui {

class SequenceDiagram;
class SessionController;

class SequenceView : public QCustomPlot {
    Q_OBJECT

public:
    explicit SequenceView(SessionController &controller, QWidget *parent = nullptr);

    // Fewer pixels per millisecond than this (at zoom 1) and neighbouring arrows' labels run into each other.
    static constexpr double kMinReadableScale = 0.55;
    // The same at the presentation zoom: labels twice as tall need arrows twice as far apart.
    static double readableScale();
    // The diagram's fonts, as factors of the widget's (the presentation mode scales the base).
    static constexpr double kArrowLabelFactor = 1.15;
    static constexpr double kStateLabelFactor = 1.1;
    static constexpr double kTimerLabelFactor = 1.1; // read on a projector, across a room
    static constexpr double kAxisLabelFactor = 1.15;
    static constexpr double kTickLabelFactor = 1.1;
    static constexpr double kHeaderFactor = 1.4;
    // What the right-click menu's "delay" holds a segment back by.
    static constexpr TimeUs kMenuDelay = 200 * kMillisecond;

    SequenceDiagram &diagram() const { return *m_diagram; }
    // The view follows the current time unless the user zoomed or dragged it away.
    bool isFollowing() const { return !m_userRange; }
    SeqNumbers seqNumbers() const { return m_seqNumbers; }
    // The menu a right-click on a segment in flight opens (while it is open), for tests.
    QMenu *segmentMenu() const { return m_menu; }

public slots:
    // Back to the automatic time range (after the user zoomed or dragged it).
    void resetTimeRange();
    void follow() { resetTimeRange(); }
    void zoomIn();
    void zoomOut();
    void pageUp();
    void pageDown();
    void setSeqNumbers(tcplab::ui::SeqNumbers numbers);
    // Opens the drop/delay/duplicate menu for a segment in flight at `globalPos`.
    void showSegmentMenu(quint64 segmentId, const QPoint &globalPos);

signals:
    // The user clicked an arrow (after the controller's selection changed).
    void segmentSelected(quint64 segmentId);
    void followingChanged(bool following);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void setUpAxes();
    void setUpHeaders();
    // The room above the plot: the headers' height at their current font, and a gap under them so that
    // the first arrow does not run under a header.
    void fitHeaderRoom();
    void placeHeaders(int room);
    void rebuildModel();
    void showTime(qint64 now);
    void showSelection(quint64 segmentId);
    // The automatic time range: the whole session when it fits at a readable scale (a stable picture in
    // which time flows down), otherwise a readable window that follows the current time.
    void updateTimeRange();
    // Places the lifelines so that each side has room for its state labels and timer lanes: run after
    // every layout, when the axis rect's width is known.
    void fitSides();
    void setUserRange(bool user);
    void scaleTime(double factor);
    void moveTime(double spans);
    void handleMousePress(QMouseEvent *event);
    void handleMouseMove(QMouseEvent *event);

    SessionController &m_controller;
    SequenceDiagram *m_diagram;            // owned by the plot
    QCPItemText *m_clientHeader = nullptr; // owned by the plot
    QCPItemText *m_serverHeader = nullptr; // owned by the plot
    QPointer<QMenu> m_menu;
    bool m_userRange = false; // the user zoomed or dragged: leave the range alone
    SeqNumbers m_seqNumbers = SeqNumbers::Absolute;
    double m_windowStartMs = 0.0;
};

} // namespace tcplab::ui
