#include "ui/about_dialog.h"

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QVBoxLayout>
#include <QtGlobal>

namespace tcplab::ui {

namespace {
constexpr const char *kHelpMenuName = "helpMenu";
constexpr int kIconSize = 96;
} // namespace

AboutDialog::AboutDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    m_icon = new QLabel(this);
    const QIcon icon = QApplication::windowIcon();
    if (!icon.isNull()) m_icon->setPixmap(icon.pixmap(kIconSize, kIconSize));
    m_icon->setAlignment(Qt::AlignTop);
    m_text = new QLabel(this);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::RichText);
    m_text->setOpenExternalLinks(true);
    m_text->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_text->setMinimumWidth(420);
    auto *row = new QHBoxLayout;
    row->addWidget(m_icon);
    row->addWidget(m_text, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(buttons);
    retranslateUi();
}

QAction *AboutDialog::install(QMainWindow &window)
{
    QMenuBar *bar = window.menuBar();
    auto *help = bar->findChild<QMenu *>(QLatin1String(kHelpMenuName));
    if (!help) {
        help = new QMenu(bar);
        help->setObjectName(QLatin1String(kHelpMenuName));
        help->setTitle(tr("&Help"));
        bar->addMenu(help);
    }
    help->addSeparator();
    auto *action = help->addAction(QString());
    action->setObjectName(QStringLiteral("aboutAction"));
    action->setMenuRole(QAction::AboutRole);
    auto *dialog = new AboutDialog(&window);
    QObject::connect(action, &QAction::triggered, dialog, [dialog] {
        dialog->show();
        dialog->raise();
    });
    const auto retranslate = [action] { action->setText(tr("&About tcplab")); };
    retranslate();
    QObject::connect(dialog, &AboutDialog::windowTitleChanged, action, retranslate);
    return action;
}

QString AboutDialog::text() const
{
    return m_text->text();
}

void AboutDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QDialog::changeEvent(event);
}

void AboutDialog::retranslateUi()
{
    setWindowTitle(tr("About tcplab"));
    const QString version = QApplication::applicationVersion().isEmpty() ? tr("(version unknown)")
                                                                         : QApplication::applicationVersion();
    m_text->setText(
        QStringLiteral("<h2>tcplab %1</h2><p>%2</p><p>%3</p><p>%4</p>")
            .arg(version.toHtmlEscaped(),
                 tr("A teaching lab for TCP connection management: the three-way handshake, the close, "
                    "retransmission timers and every RFC 9293 state, drawn as sequence and state diagrams "
                    "and stepped through one segment at a time."),
                 tr("Licence: GNU General Public License, version 3 or later. This program comes with "
                    "ABSOLUTELY NO WARRANTY."),
                 tr("Built with Qt %1, running on Qt %2.").arg(QStringLiteral(QT_VERSION_STR), qVersion())));
}

} // namespace tcplab::ui
