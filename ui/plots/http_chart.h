#pragma once
// Lesson 12's chart: total time to fetch a page of N objects (N = 1..10) with HTTP/1.0 short connections,
// HTTP/1.1 persistent connections and HTTP/1.1 pipelining, and a table of what each costs for one N —
// round trips, connections opened, TIME_WAIT sockets left behind, total time. Every number comes from
// running the core's httpScenario and measuring its trace.
#include "lesson/http_lesson.h"

#include <QWidget>

#include <array>

class QCustomPlot;
class QSpinBox;
class QTableWidget;
class QLabel;

namespace tcplab::ui {

class HttpChart : public QWidget {
    Q_OBJECT

public:
    static constexpr int kMaxObjects = 10;
    static constexpr std::array<HttpMode, 3> kModes = {HttpMode::Http10, HttpMode::Http11,
                                                       HttpMode::Http11Pipelined};

    explicit HttpChart(QWidget *parent = nullptr);

    QCustomPlot *plot() const { return m_plot; }
    QTableWidget *table() const { return m_table; }
    void setObjects(int objects);
    // Total time in ms for `mode` and `objects`, as plotted.
    double plottedTotalMs(HttpMode mode, int objects) const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void fillTable();
    static QString modeName(HttpMode mode);

    QCustomPlot *m_plot = nullptr;
    QLabel *m_objectsLabel = nullptr;
    QSpinBox *m_objects = nullptr;
    QTableWidget *m_table = nullptr;
    std::array<std::array<HttpMetrics, kMaxObjects>, 3> m_metrics{};
};

} // namespace tcplab::ui
