#include "ui/glossary_panel.h"

#include "ui/glossary_terms.h"

#include <QAction>
#include <QEvent>
#include <QHeaderView>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QTableWidget>
#include <QVBoxLayout>

namespace tcplab::ui {

namespace {

constexpr auto kHelpMenuName = "helpMenu";

QMenu *findHelpMenu(QMainWindow &window)
{
    return window.menuBar()->findChild<QMenu *>(QLatin1String(kHelpMenuName));
}

} // namespace

GlossaryPanel *GlossaryPanel::install(QMainWindow &window)
{
    auto *panel = new GlossaryPanel(window);
    window.addDockWidget(Qt::RightDockWidgetArea, panel);
    panel->hide(); // on demand: the teaching panels keep the space by default

    QMenu *help = findHelpMenu(window);
    if (!help) {
        help = window.menuBar()->addMenu(QString());
        help->setObjectName(QLatin1String(kHelpMenuName));
        panel->m_ownHelpMenu = help;
    }
    help->addAction(panel->m_action);
    window.addAction(panel->m_action); // the keys work wherever the focus is in the window
    panel->retranslateUi();
    return panel;
}

GlossaryPanel::GlossaryPanel(QMainWindow &window) : QDockWidget(&window)
{
    setObjectName(QStringLiteral("glossaryDock"));
    setFeatures(DockWidgetClosable | DockWidgetMovable | DockWidgetFloatable);

    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    m_filter = new QLineEdit(content);
    m_filter->setClearButtonEnabled(true);
    layout->addWidget(m_filter);
    m_table = new QTableWidget(content);
    m_table->setObjectName(QStringLiteral("glossaryTable"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(true);
    m_table->verticalHeader()->hide();
    layout->addWidget(m_table);
    setWidget(content);
    fillTable();

    // F1 is the usual help key; Ctrl+G ("glossary") for keyboards whose F1 the desktop takes.
    m_action = new QAction(this);
    m_action->setShortcuts({QKeySequence(Qt::Key_F1), QKeySequence(Qt::CTRL | Qt::Key_G)});
    m_action->setShortcutContext(Qt::WindowShortcut);
    m_action->setCheckable(true);
    connect(m_action, &QAction::toggled, this, [this](bool on) {
        setVisible(on);
        if (on) {
            raise();
            m_filter->setFocus();
        }
    });
    connect(this, &QDockWidget::visibilityChanged, this, [this] { m_action->setChecked(!isHidden()); });
    connect(m_filter, &QLineEdit::textChanged, this, &GlossaryPanel::setFilter);
    retranslateUi();
}

void GlossaryPanel::fillTable()
{
    const auto terms = glossaryTerms();
    m_table->setColumnCount(3);
    m_table->setRowCount(int(terms.size()));
    for (int row = 0; row < int(terms.size()); ++row) {
        const GlossaryTerm &term = terms[std::size_t(row)];
        auto *name = new QTableWidgetItem(QString::fromUtf8(term.term));
        QFont bold = name->font();
        bold.setBold(true);
        name->setFont(bold);
        m_table->setItem(row, kTermColumn, name);
        m_table->setItem(row, kEnglishColumn, new QTableWidgetItem(QString::fromUtf8(term.english)));
        m_table->setItem(row, kChineseColumn, new QTableWidgetItem(QString::fromUtf8(term.chinese)));
        // A row is as tall as its longest explanation, often taller than a docked table: centred, the
        // one-line term would sit below the visible part and the column look empty.
        for (int column : {kTermColumn, kEnglishColumn, kChineseColumn})
            m_table->item(row, column)->setTextAlignment(kCellAlignment);
    }
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(kTermColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(kEnglishColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(kChineseColumn, QHeaderView::Stretch);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
}

void GlossaryPanel::setFilter(const QString &text)
{
    for (int row = 0; row < m_table->rowCount(); ++row) {
        bool match = text.isEmpty();
        for (int column = 0; column < m_table->columnCount() && !match; ++column)
            match = m_table->item(row, column)->text().contains(text, Qt::CaseInsensitive);
        m_table->setRowHidden(row, !match);
    }
}

void GlossaryPanel::retranslateUi()
{
    setWindowTitle(tr("Glossary"));
    m_filter->setPlaceholderText(tr("Filter terms (e.g. TIME_WAIT, window, half-close)"));
    m_filter->setAccessibleName(tr("Filter terms"));
    // The explanation columns are named in their own language, like the languages in the Language menu.
    m_table->setHorizontalHeaderLabels({tr("Term"), QStringLiteral("English"), QStringLiteral("中文")});
    if (!m_action) return;
    m_action->setText(tr("&Glossary"));
    m_action->setToolTip(tr("Terms of TCP connection management in English and Chinese (F1, Ctrl+G)"));
    m_action->setStatusTip(m_action->toolTip());
    if (m_ownHelpMenu) m_ownHelpMenu->setTitle(tr("&Help"));
}

void GlossaryPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QDockWidget::changeEvent(event);
}

} // namespace tcplab::ui
