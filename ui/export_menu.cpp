#include "ui/export_menu.h"

#include "ui/export_writer.h"
#include "ui/sequence_view.h"
#include "ui/session_controller.h"

#include <QAction>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMainWindow>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>

namespace tcplab::ui {

namespace {
constexpr const char *kLastFolderKey = "export/lastFolder";
constexpr const char *kVisiblePartKey = "export/visiblePartOnly";
constexpr const char *kScreenColoursKey = "export/screenColours";
constexpr const char *kFileMenuName = "fileMenu";
} // namespace

ExportMenu::ExportMenu(SessionController &controller, SequenceView &view, QWidget *parent)
    : QMenu(parent), m_controller(controller), m_view(view)
{
    setObjectName(QStringLiteral("exportMenu"));
    const auto add = [this](ExportFormat format) {
        auto *action = addAction(QString());
        action->setObjectName(QStringLiteral("export_") + exportSuffix(format));
        connect(action, &QAction::triggered, this, [this, format] { askAndExport(format); });
        m_actions.emplace_back(format, action);
    };
    add(ExportFormat::Png);
    add(ExportFormat::Svg);
    add(ExportFormat::Pdf);
    m_visiblePart = addAction(QString());
    m_visiblePart->setCheckable(true);
    m_visiblePart->setChecked(QSettings().value(QLatin1String(kVisiblePartKey), false).toBool());
    connect(m_visiblePart, &QAction::toggled, this,
            [](bool on) { QSettings().setValue(QLatin1String(kVisiblePartKey), on); });
    m_screenColours = addAction(QString());
    m_screenColours->setObjectName(QStringLiteral("exportScreenColours"));
    m_screenColours->setCheckable(true);
    m_screenColours->setChecked(QSettings().value(QLatin1String(kScreenColoursKey), false).toBool());
    connect(m_screenColours, &QAction::toggled, this,
            [](bool on) { QSettings().setValue(QLatin1String(kScreenColoursKey), on); });
    addSeparator();
    add(ExportFormat::JsonLines);
    add(ExportFormat::Pcap);
    addSeparator();
    add(ExportFormat::Mermaid);
    add(ExportFormat::PlantUml);
    // The most used export has a key of its own.
    actionFor(ExportFormat::Png)->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    retranslateUi();
}

ExportMenu *ExportMenu::install(QMainWindow &window, SessionController &controller, SequenceView &view)
{
    QMenu *file = fileMenuOf(window);
    auto *menu = new ExportMenu(controller, view, file);
    file->insertMenu(file->actions().value(0), menu);
    // Window-wide keys: the menu's actions work without the menu being open.
    for (QAction *action : menu->actions())
        if (!action->shortcut().isEmpty()) window.addAction(action);
    return menu;
}

QMenu *ExportMenu::fileMenuOf(QMainWindow &window)
{
    if (auto *menu = window.menuBar()->findChild<QMenu *>(QLatin1String(kFileMenuName))) return menu;
    auto *menu = new QMenu(window.menuBar());
    menu->setObjectName(QLatin1String(kFileMenuName));
    menu->setTitle(QCoreApplication::translate("tcplab::ui::ExportMenu", "&File"));
    const QList<QAction *> existing = window.menuBar()->actions();
    window.menuBar()->insertMenu(existing.value(0), menu);
    return menu;
}

QAction *ExportMenu::actionFor(ExportFormat format) const
{
    for (const auto &[known, action] : m_actions)
        if (known == format) return action;
    return nullptr;
}

ExportScope ExportMenu::scope() const
{
    return m_visiblePart->isChecked() ? ExportScope::VisiblePart : ExportScope::WholeSession;
}

ExportColours ExportMenu::colours() const
{
    return m_screenColours->isChecked() ? ExportColours::Screen : ExportColours::Print;
}

void ExportMenu::retranslateUi()
{
    setTitle(tr("&Export"));
    if (auto *file = qobject_cast<QMenu *>(parent());
        file && file->objectName() == QLatin1String(kFileMenuName))
        file->setTitle(tr("&File"));
    actionFor(ExportFormat::Png)->setText(tr("Diagram as &PNG…"));
    actionFor(ExportFormat::Svg)->setText(tr("Diagram as &SVG…"));
    actionFor(ExportFormat::Pdf)->setText(tr("Diagram as P&DF…"));
    m_visiblePart->setText(tr("Pictures show only the &visible part"));
    m_screenColours->setText(tr("Pictures keep the &theme's colours (otherwise light, for printing)"));
    actionFor(ExportFormat::JsonLines)->setText(tr("Trace as &JSON lines…"));
    actionFor(ExportFormat::Pcap)->setText(tr("Trace as p&cap (Wireshark)…"));
    actionFor(ExportFormat::Mermaid)->setText(tr("Sequence as &Mermaid…"));
    actionFor(ExportFormat::PlantUml)->setText(tr("Sequence as Plant&UML…"));
    for (const auto &[format, action] : m_actions) {
        const QString key = action->shortcut().toString(QKeySequence::NativeText);
        const QString text = action->text().remove(QLatin1Char('&')).remove(QStringLiteral("…"));
        action->setToolTip(key.isEmpty() ? text : QStringLiteral("%1 (%2)").arg(text, key));
    }
}

void ExportMenu::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QMenu::changeEvent(event);
}

QString ExportMenu::filterFor(ExportFormat format) const
{
    switch (format) {
    case ExportFormat::Png:
        return tr("PNG pictures (*.png)");
    case ExportFormat::Svg:
        return tr("SVG drawings (*.svg)");
    case ExportFormat::Pdf:
        return tr("PDF documents (*.pdf)");
    case ExportFormat::JsonLines:
        return tr("JSON lines (*.jsonl *.json)");
    case ExportFormat::Pcap:
        return tr("pcap captures (*.pcap)");
    case ExportFormat::Mermaid:
        return tr("Mermaid diagrams (*.mmd)");
    case ExportFormat::PlantUml:
        return tr("PlantUML diagrams (*.puml)");
    }
    return {};
}

void ExportMenu::askAndExport(ExportFormat format)
{
    QSettings settings;
    QString folder = settings.value(QLatin1String(kLastFolderKey)).toString();
    if (folder.isEmpty() || !QFileInfo(folder).isDir())
        folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString suggested = folder + QStringLiteral("/tcplab-session.") + exportSuffix(format);
    QString fileName = QFileDialog::getSaveFileName(window(), tr("Export"), suggested, filterFor(format));
    if (fileName.isEmpty()) return;
    if (exportFormatForFile(fileName) != format) fileName += QLatin1Char('.') + exportSuffix(format);
    settings.setValue(QLatin1String(kLastFolderKey), QFileInfo(fileName).absolutePath());
    exportTo(fileName, format);
}

bool ExportMenu::exportTo(const QString &fileName, ExportFormat format, bool quiet)
{
    ExportWriter writer(m_controller, m_view);
    writer.setColours(colours());
    const QString error = writer.write(fileName, format, scope());
    if (!error.isEmpty()) {
        if (!quiet) QMessageBox::warning(window(), tr("Export failed"), error);
        return false;
    }
    emit exported(fileName);
    return true;
}

} // namespace tcplab::ui
