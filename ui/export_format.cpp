#include "ui/export_format.h"

#include <QFileInfo>

#include <array>
#include <utility>

namespace tcplab::ui {

namespace {
// The first extension of a format is the one a new file gets.
constexpr std::array<std::pair<const char *, ExportFormat>, 8> kSuffixes{{
    {"png", ExportFormat::Png},
    {"svg", ExportFormat::Svg},
    {"pdf", ExportFormat::Pdf},
    {"jsonl", ExportFormat::JsonLines},
    {"json", ExportFormat::JsonLines},
    {"pcap", ExportFormat::Pcap},
    {"mmd", ExportFormat::Mermaid},
    {"puml", ExportFormat::PlantUml},
}};
} // namespace

std::optional<ExportFormat> exportFormatForFile(const QString &fileName)
{
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    for (const auto &[name, format] : kSuffixes)
        if (suffix == QLatin1String(name)) return format;
    return std::nullopt;
}

QString exportSuffix(ExportFormat format)
{
    for (const auto &[name, known] : kSuffixes)
        if (known == format) return QLatin1String(name);
    return {};
}

QStringList exportSuffixes()
{
    QStringList suffixes;
    for (const auto &entry : kSuffixes)
        suffixes << QLatin1Char('.') + QLatin1String(entry.first);
    return suffixes;
}

bool isDiagramPicture(ExportFormat format)
{
    return format == ExportFormat::Png || format == ExportFormat::Svg || format == ExportFormat::Pdf;
}

} // namespace tcplab::ui
