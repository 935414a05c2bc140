#pragma once
// A lesson's contrast: its second scenario (a hypothetical protocol, or another HTTP version) in a second
// sequence diagram, driven to the same virtual time as the lesson's own session, under a caption that says
// what it is. A hypothetical protocol is labelled as not TCP, so that no one takes it for the real thing.
#include "lesson/lesson.h"

#include <QWidget>

class QLabel;

namespace tcplab::ui {

class SequenceView;
class SessionController;

class ContrastView : public QWidget {
    Q_OBJECT

public:
    // `leader` is the lesson's controller: this view follows its time.
    ContrastView(SessionController &leader, const Lesson &lesson, QWidget *parent = nullptr);

    SessionController &controller() const { return *m_controller; }
    SequenceView &sequenceView() const { return *m_view; }
    QString captionText() const;
    // The contrast is a made-up protocol (not TCP), as opposed to TCP used differently (HTTP versions).
    bool isHypothetical() const { return m_hypothetical; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    SessionController &m_leader;
    SessionController *m_controller = nullptr; // a child
    SequenceView *m_view = nullptr;
    QLabel *m_caption = nullptr;
    LocalizedText m_title;
    bool m_hypothetical = false; // Lesson::contrastHypothetical
    bool m_twoWay = false;       // the hypothetical protocol is the two-way handshake variant
};

} // namespace tcplab::ui
