#include "ui/export_writer.h"

#include "ui/sequence_view.h"
#include "ui/session_controller.h"
#include "ui/theme.h"

#include "trace/json_writer.h"
#include "trace/mermaid_writer.h"
#include "trace/pcap_writer.h"
#include "trace/plantuml_writer.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QTemporaryDir>

#include <algorithm>
#include <vector>

namespace tcplab::ui {

namespace {
// Room the plot keeps above and below the time axis's range (the side headers, the bottom margin).
constexpr int kFramePixels = 160;
// Narrower than this, the state labels beside the lifelines are cut off at the picture's edges.
constexpr int kMinPictureWidth = 1400;
constexpr int kMinPictureHeight = 600;
// The room left before the start and after the end of the session, in pixels: a fraction of a long session
// (a minute of SYN back-off) would be a band of empty paper above time 0.
constexpr int kPadPixels = 36;
// Two segments sent this many pixels apart have room for both labels; a busy session (HTTP's three
// connections) gets more pixels per millisecond than kMinReadableScale, up to kMaxScale.
constexpr double kLabelPixels = 34.0;
constexpr double kMaxScale = 3.0;
// No picture taller than this (a minute of SYN back-off is already ~20 000 px at the readable scale).
constexpr int kMaxPictureHeight = 24000;

// Pixels per millisecond that give the shorter gaps between segments sent (the first quartile: a busy
// stretch, not the quiet waits of a timer) room for a label.
double readableScale(const Trace &trace)
{
    std::vector<TimeUs> sent;
    for (const TraceEvent &event : trace.events())
        if (event.kind == TraceKind::SegmentSent) sent.push_back(event.t);
    std::sort(sent.begin(), sent.end());
    std::vector<double> gapsMs;
    for (std::size_t i = 1; i < sent.size(); ++i)
        if (sent[i] > sent[i - 1]) gapsMs.push_back(double(sent[i] - sent[i - 1]) / kMillisecond);
    if (gapsMs.empty()) return SequenceView::kMinReadableScale;
    const std::size_t quartile = gapsMs.size() / 4;
    std::nth_element(gapsMs.begin(), gapsMs.begin() + std::ptrdiff_t(quartile), gapsMs.end());
    return std::clamp(kLabelPixels / gapsMs[quartile], SequenceView::kMinReadableScale, kMaxScale);
}

QByteArray fromStd(const std::string &text)
{
    return QByteArray(text.data(), qsizetype(text.size()));
}

// Sets the time axis to the whole session while a picture is drawn, and puts the view's range back after.
class WholeSessionRange {
public:
    WholeSessionRange(SequenceView &view, const SessionController &controller, int pictureHeight, bool active)
        : m_view(view), m_saved(view.yAxis->range()), m_active(active)
    {
        if (!m_active) return;
        const double endMs = std::max(1.0, double(controller.endTime()) / kMillisecond);
        const int sessionPixels = std::max(1, pictureHeight - kFramePixels - 2 * kPadPixels);
        const double padMs = endMs * kPadPixels / sessionPixels;
        view.yAxis->setRange(-padMs, endMs + padMs);
    }
    ~WholeSessionRange()
    {
        if (!m_active) return;
        m_view.yAxis->setRange(m_saved);
        m_view.replot(QCustomPlot::rpQueuedReplot);
    }
    WholeSessionRange(const WholeSessionRange &) = delete;
    WholeSessionRange &operator=(const WholeSessionRange &) = delete;

private:
    SequenceView &m_view;
    QCPRange m_saved;
    bool m_active;
};

// Draws the view in the light scheme (at the same zoom) while a picture is made for paper, and puts the
// window's theme back after.
class PrintColours {
public:
    PrintColours(SequenceView &view, bool active) : m_view(view), m_saved(style::current()), m_active(active)
    {
        if (!m_active) return;
        style::setCurrent({DiagramScheme::Light, m_saved.zoom});
        styleSequenceView(m_view);
    }
    ~PrintColours()
    {
        if (!m_active) return;
        style::setCurrent(m_saved);
        styleSequenceView(m_view);
        m_view.replot(QCustomPlot::rpQueuedReplot);
    }
    PrintColours(const PrintColours &) = delete;
    PrintColours &operator=(const PrintColours &) = delete;

private:
    SequenceView &m_view;
    DiagramStyle m_saved;
    bool m_active;
};

} // namespace

ExportWriter::ExportWriter(const SessionController &controller, SequenceView &view)
    : m_controller(controller), m_view(view)
{
}

QString ExportWriter::write(const QString &fileName, ExportFormat format, ExportScope scope)
{
    QString error;
    const QByteArray bytes = render(format, scope, &error);
    if (!error.isEmpty()) return tr("Cannot export %1: %2").arg(QDir::toNativeSeparators(fileName), error);
    return writeAtomically(fileName, bytes);
}

QString ExportWriter::writeAtomically(const QString &fileName, const QByteArray &bytes)
{
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(fileName), file.errorString());
    return {};
}

QByteArray ExportWriter::render(ExportFormat format, ExportScope scope, QString *error)
{
    const Trace &trace = m_controller.trace();
    switch (format) {
    case ExportFormat::JsonLines:
        return fromStd(traceToJsonLines(trace));
    case ExportFormat::Pcap: {
        const std::vector<std::uint8_t> bytes = traceToPcap(trace);
        return QByteArray(reinterpret_cast<const char *>(bytes.data()), qsizetype(bytes.size()));
    }
    case ExportFormat::Mermaid:
        return fromStd(traceToMermaid(trace));
    case ExportFormat::PlantUml:
        return fromStd(traceToPlantUml(trace));
    case ExportFormat::Png:
    case ExportFormat::Svg:
    case ExportFormat::Pdf:
        return renderPicture(format, scope, error);
    }
    return {};
}

QSize ExportWriter::pictureSize(ExportScope scope) const
{
    const QSize viewSize = m_view.size();
    if (scope == ExportScope::VisiblePart) return viewSize.expandedTo(QSize(320, 240));
    const double endMs = std::max(1.0, double(m_controller.endTime()) / kMillisecond);
    const int readable =
        int(std::min(endMs * readableScale(m_controller.trace()), double(kMaxPictureHeight))) +
        2 * kPadPixels + kFramePixels;
    return QSize(std::max(viewSize.width(), kMinPictureWidth),
                 std::max({viewSize.height(), readable, kMinPictureHeight}));
}

QByteArray ExportWriter::renderPicture(ExportFormat format, ExportScope scope, QString *error)
{
    const QSize size = pictureSize(scope);
    const WholeSessionRange range(m_view, m_controller, size.height(), scope == ExportScope::WholeSession);
    const PrintColours colours(m_view, m_colours == ExportColours::Print);
    const QString title = tr("TCP sequence diagram");
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (format == ExportFormat::Png) {
        const QImage image = m_view.toPixmap(size.width(), size.height()).toImage();
        if (!image.save(&buffer, "PNG") && error) *error = tr("the picture could not be encoded");
    } else if (format == ExportFormat::Svg) {
        QSvgGenerator generator;
        generator.setOutputDevice(&buffer);
        generator.setSize(size);
        generator.setViewBox(QRect(QPoint(0, 0), size));
        generator.setTitle(title);
        generator.setDescription(QStringLiteral("tcplab %1").arg(QCoreApplication::applicationVersion()));
        QCPPainter painter;
        if (!painter.begin(&generator)) {
            if (error) *error = tr("the SVG could not be drawn");
            return {};
        }
        m_view.toPainter(&painter, size.width(), size.height());
        painter.end();
    } else {
        // savePdf writes only to a named file: draw into a private folder, then the caller writes the bytes
        // atomically to where the user asked.
        const QTemporaryDir dir;
        const QString path = dir.path() + QStringLiteral("/diagram.pdf");
        QFile pdf(path);
        if (!dir.isValid() ||
            !m_view.savePdf(path, size.width(), size.height(), QCP::epNoCosmetic, QStringLiteral("tcplab"),
                            title) ||
            !pdf.open(QIODevice::ReadOnly)) {
            if (error) *error = tr("the PDF could not be drawn");
            return {};
        }
        bytes = pdf.readAll();
    }
    return bytes;
}

} // namespace tcplab::ui
