#pragma once
// The formats a session exports to, and which one a file name asks for. Pictures of the diagram (PNG, SVG,
// PDF), the trace itself (JSON lines, pcap) and the sequence as text for slides and wikis (Mermaid,
// PlantUML).
#include <QString>
#include <QStringList>

#include <optional>

namespace tcplab::ui {

enum class ExportFormat { Png, Svg, Pdf, JsonLines, Pcap, Mermaid, PlantUml };

// Which part of the diagram a picture shows: the whole session from its start to its end, or what the
// view shows now.
enum class ExportScope { WholeSession, VisiblePart };

// The colours a picture is drawn in: light, for paper and slides, whatever the window's theme (the
// default); or the theme the window shows now (dark, high contrast).
enum class ExportColours { Print, Screen };

// From the file name's extension (case-insensitive): .png .svg .pdf .jsonl/.json .pcap .mmd .puml.
std::optional<ExportFormat> exportFormatForFile(const QString &fileName);
// The extension a new file of the format gets, without the dot ("jsonl").
QString exportSuffix(ExportFormat format);
// Every extension exportFormatForFile knows, with the dot, for error messages.
QStringList exportSuffixes();
// A picture of the diagram, as opposed to the trace or its text.
bool isDiagramPicture(ExportFormat format);

} // namespace tcplab::ui
