// Help → About tcplab shows the version, what the program teaches, its licence and the Qt it runs on.
#include "ui/about_dialog.h"

#include <QAction>
#include <QApplication>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QtTest>

using namespace tcplab::ui;

class TestAboutDialog : public QObject {
    Q_OBJECT

private slots:
    void helpMenuOpensTheAboutDialog()
    {
        QApplication::setApplicationVersion(QStringLiteral("9.8.7"));
        QMainWindow window;
        QAction *about = AboutDialog::install(window);
        QVERIFY(about);
        auto *help = window.menuBar()->findChild<QMenu *>(QStringLiteral("helpMenu"));
        QVERIFY(help && help->actions().contains(about));
        QVERIFY(!about->text().isEmpty());
        about->trigger();
        auto *dialog = window.findChild<AboutDialog *>();
        QVERIFY(dialog && dialog->isVisible());
        const QString text = dialog->text();
        QVERIFY2(text.contains(QStringLiteral("9.8.7")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("GNU General Public License")), qPrintable(text));
        QVERIFY2(text.contains(QString::fromLatin1(qVersion())), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("TCP")), qPrintable(text));
    }

    void anExistingHelpMenuIsReused()
    {
        QMainWindow window;
        auto *help = window.menuBar()->addMenu(QStringLiteral("Help"));
        help->setObjectName(QStringLiteral("helpMenu"));
        QAction *about = AboutDialog::install(window);
        QCOMPARE(window.menuBar()->findChildren<QMenu *>(QStringLiteral("helpMenu")).size(), 1);
        QVERIFY(help->actions().contains(about));
    }
};

QTEST_MAIN(TestAboutDialog)
#include "test_about_dialog.moc"
