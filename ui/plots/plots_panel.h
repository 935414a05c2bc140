#pragma once
// The lesson's plots as tabs: the Stevens graph (when the lesson carries data), the states of each endpoint
// over time.
#include <QTabWidget>

namespace tcplab::ui {

class SessionController;
class StateTimelinePlot;
class StevensPlot;

class PlotsPanel : public QTabWidget {
    Q_OBJECT

public:
    explicit PlotsPanel(SessionController &controller, QWidget *parent = nullptr);

    StevensPlot *stevensPlot() const { return m_stevens; }
    StateTimelinePlot *stateTimeline() const { return m_states; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    StevensPlot *m_stevens = nullptr;
    StateTimelinePlot *m_states = nullptr;
};

} // namespace tcplab::ui
