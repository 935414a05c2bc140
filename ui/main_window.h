#pragma once
// The main window: the sequence diagram in the centre, a transport bar above it (start, step back,
// play/pause, step forward, end, a speed slider, the current time), the view's controls (zoom, follow,
// relative numbers) and the network's (drop the next segment from a side), and the timeline below.
// Every action has a key, shown in its tooltip; every text is set again on a language change.
#include <QMainWindow>

class QAction;
class QLabel;
class QMenu;
class QSlider;
class QToolBar;

namespace tcplab::ui {

class SequenceView;
class SessionController;
class TimelineScrubber;

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(SessionController &controller, QWidget *parent = nullptr);

    // QSettings key of the relative-numbers switch.
    static constexpr const char *kRelativeNumbersKey = "view/relativeSeqNumbers";

    SessionController &controller() const { return m_controller; }
    SequenceView &sequenceView() const { return *m_view; }
    TimelineScrubber &timeline() const { return *m_timeline; }
    // The View menu, where panels beside the diagram can add their toggles.
    QMenu *viewMenu() const { return m_viewMenu; }

    QAction *playAction() const { return m_playAction; }
    QAction *stepBackAction() const { return m_stepBackAction; }
    QAction *stepForwardAction() const { return m_stepForwardAction; }
    QAction *startAction() const { return m_startAction; }
    QAction *endAction() const { return m_endAction; }
    QAction *zoomInAction() const { return m_zoomInAction; }
    QAction *zoomOutAction() const { return m_zoomOutAction; }
    QAction *followAction() const { return m_followAction; }
    QAction *relativeNumbersAction() const { return m_relativeAction; }
    QAction *dropNextClientAction() const { return m_dropNextClientAction; }
    QAction *dropNextServerAction() const { return m_dropNextServerAction; }
    QSlider *speedSlider() const { return m_speedSlider; }
    QLabel *speedLabel() const { return m_speedValue; }
    QLabel *timeLabel() const { return m_timeLabel; }

    // The slider's position for a speed and back: logarithmic, 0.1× at 0, 1× in the middle, 10× at the end.
    static int sliderPosition(double speed);
    static double sliderSpeed(int position);

protected:
    void changeEvent(QEvent *event) override;

private:
    void createActions();
    void createToolBars();
    void createMenus();
    void retranslateUi();
    void showPlaying(bool playing);
    void showTime();
    void showTimeline();
    void showSpeed(double speed);
    void showDropped(quint64 segmentId);
    void showFollowing(bool following);
    void setRelativeNumbers(bool relative);

    SessionController &m_controller;
    SequenceView *m_view = nullptr;
    TimelineScrubber *m_timeline = nullptr;
    QToolBar *m_playbackBar = nullptr;
    QToolBar *m_viewBar = nullptr;
    QToolBar *m_timelineBar = nullptr;
    QMenu *m_playbackMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_networkMenu = nullptr;
    QAction *m_playAction = nullptr;
    QAction *m_stepBackAction = nullptr;
    QAction *m_stepForwardAction = nullptr;
    QAction *m_startAction = nullptr;
    QAction *m_endAction = nullptr;
    QAction *m_zoomInAction = nullptr;
    QAction *m_zoomOutAction = nullptr;
    QAction *m_followAction = nullptr;
    QAction *m_pageUpAction = nullptr;
    QAction *m_pageDownAction = nullptr;
    QAction *m_relativeAction = nullptr;
    QAction *m_dropNextClientAction = nullptr;
    QAction *m_dropNextServerAction = nullptr;
    QLabel *m_speedCaption = nullptr;
    QSlider *m_speedSlider = nullptr;
    QLabel *m_speedValue = nullptr;
    QLabel *m_timeLabel = nullptr;
};

} // namespace tcplab::ui
