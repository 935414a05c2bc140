#pragma once
// A packetdrill script played against the core: the script is the peer (drawn where the client stands), the
// core's endpoint is the one under test. The trace of the run is drawn by the same sequence-diagram
// plottable as a session; beside it, every script line with its outcome. A mismatch is marked on the diagram
// at the arrow the endpoint sent instead (or at the moment nothing came) and listed with its line number.
#include "script/packetdrill_runner.h"

#include <QDialog>

#include <optional>

class QCPItemText;
class QCustomPlot;
class QLabel;
class QListWidget;

namespace tcplab::ui {

class SequenceDiagram;

class PacketdrillPlayer : public QDialog {
    Q_OBJECT

public:
    PacketdrillPlayer(packetdrill::Script script, packetdrill::RunResult result, QWidget *parent = nullptr);

    // Parses and runs `text`; nullptr when it does not parse, and then `error` says where and why.
    static PacketdrillPlayer *fromText(const QByteArray &text, const QString &fileName, QWidget *parent,
                                       QString *error);
    // Asks for a file, then opens it in a new window; a malformed one gets a message box instead.
    static PacketdrillPlayer *openFromDialog(QWidget *parent);
    // What the message box says for a script that does not parse: FILE:LINE:COLUMN and the message.
    static QString parseErrorMessage(const QString &fileName, const packetdrill::ParseError &error);

    const packetdrill::RunResult &result() const { return m_result; }
    QString summaryText() const;
    QListWidget *lineList() const { return m_lines; }
    SequenceDiagram &diagram() const { return *m_diagram; }
    // The arrow marked as the mismatch (0: none, or nothing was sent).
    quint64 mismatchSegment() const { return m_mismatchSegment; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    // The plot's paper, axes and headers in the current theme's colours.
    void applyStyle();
    void buildPlot();
    void markMismatch();
    QString lineText(const packetdrill::LineOutcome &outcome) const;

    packetdrill::Script m_script;
    packetdrill::RunResult m_result;
    QCustomPlot *m_plot = nullptr;
    SequenceDiagram *m_diagram = nullptr; // owned by the plot
    QCPItemText *m_peerHeader = nullptr;  // owned by the plot
    QCPItemText *m_testedHeader = nullptr;
    QCPItemText *m_mismatchLabel = nullptr;
    QLabel *m_summary = nullptr;
    QListWidget *m_lines = nullptr;
    quint64 m_mismatchSegment = 0;
    std::optional<TimeUs> m_mismatchAt;
};

} // namespace tcplab::ui
