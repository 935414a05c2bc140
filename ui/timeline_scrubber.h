#pragma once
// The timeline under the diagram: a track from time 0 to the session's end with a mark for every event
// time (those still ahead paler), a handle at the current time, and the time written beside it. Pressing
// or dragging on it asks to seek there; it never changes the session itself.
#include "tcp/time.h"

#include <QWidget>

#include <vector>

namespace tcplab::ui {

class TimelineScrubber : public QWidget {
    Q_OBJECT

public:
    explicit TimelineScrubber(QWidget *parent = nullptr);

    void setEnd(TimeUs end);
    void setTime(TimeUs now);
    void setEventTimes(std::vector<TimeUs> times);
    TimeUs end() const { return m_end; }
    TimeUs time() const { return m_now; }
    const std::vector<TimeUs> &eventTimes() const { return m_events; }

    // The time under a horizontal pixel position, snapped to an event mark within a few pixels (so that a
    // drag to a mark lands exactly on that event), and the pixel of a time.
    TimeUs timeAt(double x) const;
    double xOf(TimeUs t) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void seekRequested(qint64 t);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    QRectF track() const;

    TimeUs m_end = 1;
    TimeUs m_now = 0;
    std::vector<TimeUs> m_events; // ascending
    bool m_dragging = false;
};

} // namespace tcplab::ui
