#pragma once
// The main window: the sequence diagram in the centre and a transport bar (play/pause, steps, start, end,
// speed, the current time) above it. Keys: Space plays or pauses, Right/Left step to the next/previous event,
// Home/End jump to the start/end.
#include <QMainWindow>

class QAction;
class QComboBox;
class QLabel;

namespace tcplab::ui {

class SequenceView;
class SessionController;

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(SessionController &controller, QWidget *parent = nullptr);

    SequenceView &sequenceView() const { return *m_view; }
    QAction *playAction() const { return m_playAction; }
    QAction *stepBackAction() const { return m_stepBackAction; }
    QAction *stepForwardAction() const { return m_stepForwardAction; }
    QAction *startAction() const { return m_startAction; }
    QAction *endAction() const { return m_endAction; }
    QComboBox *speedBox() const { return m_speedBox; }
    QLabel *timeLabel() const { return m_timeLabel; }

private:
    void createActions();
    void createToolBar();
    void showPlaying(bool playing);
    void showTime();
    void showSpeed(double speed);
    void showDropped(quint64 segmentId);

    SessionController &m_controller;
    SequenceView *m_view = nullptr;
    QAction *m_playAction = nullptr;
    QAction *m_stepBackAction = nullptr;
    QAction *m_stepForwardAction = nullptr;
    QAction *m_startAction = nullptr;
    QAction *m_endAction = nullptr;
    QComboBox *m_speedBox = nullptr;
    QLabel *m_timeLabel = nullptr;
};

} // namespace tcplab::ui
