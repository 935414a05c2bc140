#include "ui/shortcuts_dialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSet>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace tcplab::ui {

namespace {
constexpr const char *kHelpMenuName = "helpMenu";

// "&Play" → "Play", "Diagram as &PNG…" → "Diagram as PNG"; "&&" is a real ampersand.
QString plainText(const QString &text)
{
    QString plain = text;
    plain.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
    plain.remove(QLatin1Char('&'));
    plain.replace(QStringLiteral("\x01"), QStringLiteral("&"));
    plain.remove(QStringLiteral("…"));
    return plain.trimmed();
}
} // namespace

ShortcutsDialog::ShortcutsDialog(QMainWindow &window, QWidget *parent) : QDialog(parent), m_window(window)
{
    setObjectName(QStringLiteral("shortcutsDialog"));
    auto *layout = new QVBoxLayout(this);
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);
    m_table = new QTableWidget(0, 2, this);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    layout->addWidget(m_table);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(640, 560);
    retranslateUi();
}

QList<QPair<QString, QString>> ShortcutsDialog::shortcutsOf(const QMainWindow &window)
{
    QList<QAction *> actions = window.actions();
    actions += window.findChildren<QAction *>();
    QSet<QAction *> seen;
    QList<QPair<QString, QString>> rows;
    for (QAction *action : actions) {
        if (seen.contains(action) || action->shortcuts().isEmpty()) continue;
        seen.insert(action);
        QStringList keys;
        for (const QKeySequence &key : action->shortcuts())
            keys << key.toString(QKeySequence::NativeText);
        // A checkable action's text may say its state; the tooltip says what it does. Either is better than
        // nothing, and the text is shorter.
        QString what = plainText(action->text());
        if (what.isEmpty()) what = plainText(action->toolTip());
        rows.append({what, keys.join(QStringLiteral(", "))});
    }
    std::sort(rows.begin(), rows.end(),
              [](const auto &a, const auto &b) { return a.first.localeAwareCompare(b.first) < 0; });
    return rows;
}

QAction *ShortcutsDialog::install(QMainWindow &window)
{
    QMenuBar *bar = window.menuBar();
    auto *help = bar->findChild<QMenu *>(QLatin1String(kHelpMenuName));
    if (!help) {
        help = new QMenu(bar);
        help->setObjectName(QLatin1String(kHelpMenuName));
        bar->addMenu(help);
    }
    auto *action = new QAction(help);
    action->setObjectName(QStringLiteral("keyboardShortcutsAction"));
    action->setShortcut(QKeySequence(Qt::Key_F1));
    action->setShortcutContext(Qt::WindowShortcut);
    help->addAction(action);
    window.addAction(action);
    auto *dialog = new ShortcutsDialog(window, &window);
    QObject::connect(action, &QAction::triggered, dialog, [dialog] {
        dialog->refresh();
        dialog->show();
        dialog->raise();
    });
    // The menu's title and the action's text change with the language; the dialog hears of it too.
    const auto retranslate = [help, action] {
        help->setTitle(ShortcutsDialog::tr("&Help"));
        action->setText(ShortcutsDialog::tr("&Keyboard shortcuts"));
        action->setToolTip(ShortcutsDialog::tr("Keyboard shortcuts (%1)")
                               .arg(action->shortcut().toString(QKeySequence::NativeText)));
    };
    retranslate();
    QObject::connect(dialog, &ShortcutsDialog::languageChanged, help, retranslate);
    return action;
}

void ShortcutsDialog::refresh()
{
    const auto rows = shortcutsOf(m_window);
    m_table->setRowCount(int(rows.size()));
    for (int i = 0; i < rows.size(); ++i) {
        m_table->setItem(i, 0, new QTableWidgetItem(rows[i].first));
        auto *keys = new QTableWidgetItem(rows[i].second);
        QFont bold = keys->font();
        bold.setBold(true);
        keys->setFont(bold);
        m_table->setItem(i, 1, keys);
    }
}

void ShortcutsDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        // Actions owned by objects that get LanguageChange after this dialog are still in the old language
        // now: list them again once every object has retranslated.
        QMetaObject::invokeMethod(this, &ShortcutsDialog::retranslateUi, Qt::QueuedConnection);
        emit languageChanged();
    }
    QDialog::changeEvent(event);
}

void ShortcutsDialog::retranslateUi()
{
    setWindowTitle(tr("Keyboard shortcuts"));
    m_intro->setText(tr("Every key of the main window. The keys work wherever the focus is in the window."));
    m_table->setHorizontalHeaderLabels({tr("Action"), tr("Keys")});
    m_table->setAccessibleName(tr("Keyboard shortcuts"));
    refresh();
}

} // namespace tcplab::ui
