#pragma once
// Each endpoint's states as a timeline: one row per endpoint (client and server of every connection), one
// horizontal bar per stretch of time spent in one state, coloured as on the sequence diagram's lifelines and
// labelled with the state's RFC name. Read from the trace's state changes; a current state grows with time.
#include "ui/sequence_model.h"

#include <qcustomplot.h>

#include <vector>

namespace tcplab::ui {

class SessionController;

class StateTimelinePlot : public QCustomPlot {
    Q_OBJECT

public:
    explicit StateTimelinePlot(SessionController &controller, QWidget *parent = nullptr);

    // The stretches drawn, one bar each.
    const std::vector<SequenceStateBand> &stretches() const { return m_stretches; }
    int barCount() const { return int(m_stretches.size()); }
    // The bars wide enough to carry their state's name.
    int labelCount() const { return m_labelCount; }

public slots:
    void rebuild();

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void retranslateUi();
    QString rowName(Side side, int conn) const;

    SessionController &m_controller;
    std::vector<SequenceStateBand> m_stretches;
    std::vector<std::pair<Side, int>> m_rows;
    int m_labelCount = 0;
};

} // namespace tcplab::ui
