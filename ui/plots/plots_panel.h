#pragma once
// The lesson's plots as tabs: the Stevens graph (when the lesson carries data), the states of each endpoint
// over time, and HTTP/1.0 against HTTP/1.1 (lesson 12's chart).
#include <QTabWidget>

namespace tcplab::ui {

class SessionController;
class HttpChart;
class StateTimelinePlot;
class StevensPlot;

class PlotsPanel : public QTabWidget {
    Q_OBJECT

public:
    explicit PlotsPanel(SessionController &controller, QWidget *parent = nullptr);

    StevensPlot *stevensPlot() const { return m_stevens; }
    StateTimelinePlot *stateTimeline() const { return m_states; }
    HttpChart *httpChart() const { return m_http; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    StevensPlot *m_stevens = nullptr;
    StateTimelinePlot *m_states = nullptr;
    HttpChart *m_http = nullptr;
};

} // namespace tcplab::ui
