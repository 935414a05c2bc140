#pragma once
// A sequence diagram of a fixed trace in a plot of its own (the kernel lab shows two side by side): the
// same SequenceDiagram plottable as the main window's, a title, the two sides' headers with their ports,
// and a click on an arrow selects it.
#include "trace/trace.h"

#include <qcustomplot.h>

namespace tcplab::ui {

class SequenceDiagram;

class KernelTracePlot : public QCustomPlot {
    Q_OBJECT

public:
    explicit KernelTracePlot(QWidget *parent = nullptr);

    void setTitle(const QString &title);
    void setPorts(std::uint16_t clientPort, std::uint16_t serverPort);
    // Draws `trace` in full (time runs to its last event).
    void setTrace(const Trace &trace);
    void setSelectedSegment(std::uint64_t segmentId);
    SequenceDiagram &diagram() const { return *m_diagram; }

signals:
    void segmentClicked(quint64 segmentId);

protected:
    void mousePressEvent(QMouseEvent *event) override;

private:
    SequenceDiagram *m_diagram = nullptr; // owned by the plot
    QCPTextElement *m_title = nullptr;
    QCPItemText *m_headers[2] = {nullptr, nullptr};
};

} // namespace tcplab::ui
