#pragma once
// Writes a session to a file in one of the export formats: the diagram as the view draws it (PNG, SVG, PDF),
// the trace (JSON lines, pcap) and the sequence as text (Mermaid, PlantUML). Every file is written
// atomically (QSaveFile): a failed export never leaves half a file where a good one was.
#include "ui/export_format.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QSize>
#include <QString>

namespace tcplab::ui {

class SequenceView;
class SessionController;

class ExportWriter {
    Q_DECLARE_TR_FUNCTIONS(ExportWriter)

public:
    ExportWriter(const SessionController &controller, SequenceView &view);

    // Print (light) unless told otherwise.
    void setColours(ExportColours colours) { m_colours = colours; }

    // Writes `fileName`; returns an empty string on success, otherwise a sentence that names the file.
    QString write(const QString &fileName, ExportFormat format,
                  ExportScope scope = ExportScope::WholeSession);

    // The bytes of a format as they would be written (for tests and previews).
    QByteArray render(ExportFormat format, ExportScope scope, QString *error = nullptr);
    // The pixel size a picture of the diagram gets: the view's own for the visible part; for the whole
    // session, tall enough that the arrows' labels stay as readable as on screen.
    QSize pictureSize(ExportScope scope) const;

    // Writes `bytes` to `fileName` through QSaveFile; empty on success, else the error naming the file.
    static QString writeAtomically(const QString &fileName, const QByteArray &bytes);

private:
    QByteArray renderPicture(ExportFormat format, ExportScope scope, QString *error);

    const SessionController &m_controller;
    SequenceView &m_view;
    ExportColours m_colours = ExportColours::Print;
};

} // namespace tcplab::ui
