// What tcplab remembers survives a restart: the window and its settings are built, changed and destroyed,
// then built again over the same settings folder, and read back the speed, theme, last lesson, recent files
// and the window's geometry and dock layout.
#include "ui/main_window.h"
#include "ui/presentation_mode.h"
#include "ui/session_controller.h"
#include "ui/settings_store.h"

#include <QDockWidget>
#include <QLabel>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace tcplab;
using namespace tcplab::ui;

class TestSettingsStore : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // A window with one dock whose place is remembered by its object name.
    static QDockWidget *addDock(MainWindow &window)
    {
        auto *dock = new QDockWidget(QStringLiteral("Notes"), &window);
        dock->setObjectName(QStringLiteral("testDock"));
        dock->setWidget(new QLabel(QStringLiteral("notes"), dock));
        window.addDockWidget(Qt::RightDockWidgetArea, dock);
        return dock;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("tcplab-test"));
        QCoreApplication::setApplicationName(QStringLiteral("settings-store"));
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.path());
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
        QSettings().clear();
    }

    void settingsSurviveARestart()
    {
        {
            SessionController controller(defaultScenario());
            MainWindow window(controller);
            QDockWidget *dock = addDock(window);
            SettingsStore store(window);
            window.resize(1511, 977);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            controller.setSpeed(2.5);
            store.setTheme(QStringLiteral("high-contrast"));
            store.setLastLesson(QStringLiteral("lost-syn"));
            store.addRecentFile(m_dir.filePath(QStringLiteral("a.png")));
            store.addRecentFile(m_dir.filePath(QStringLiteral("b.pcap")));
            window.addDockWidget(Qt::LeftDockWidgetArea, dock);
            window.close(); // the layout is written when the window closes
        }
        QSettings().sync();
        QVERIFY(QFileInfo::exists(QSettings().fileName()));
        QVERIFY(QSettings().fileName().startsWith(m_dir.path()));

        SessionController controller(defaultScenario());
        MainWindow window(controller);
        QDockWidget *dock = addDock(window);
        SettingsStore store(window);
        QCOMPARE(controller.speed(), SessionController::kDefaultSpeed);
        store.restore();
        QCOMPARE(controller.speed(), 2.5);
        QCOMPARE(store.theme(), QStringLiteral("high-contrast"));
        QCOMPARE(store.lastLesson(), QStringLiteral("lost-syn"));
        QCOMPARE(store.recentFiles(), QStringList({m_dir.filePath(QStringLiteral("b.pcap")),
                                                   m_dir.filePath(QStringLiteral("a.png"))}));
        QCOMPARE(window.dockWidgetArea(dock), Qt::LeftDockWidgetArea);
        QCOMPARE(window.size(), QSize(1511, 977));
    }

    void recentFilesAreNewestFirstOnceEachAndBounded()
    {
        SessionController controller(defaultScenario());
        MainWindow window(controller);
        SettingsStore store(window);
        store.clearRecentFiles();
        for (int i = 0; i < SettingsStore::kMaxRecentFiles + 3; ++i)
            store.addRecentFile(m_dir.filePath(QStringLiteral("f%1.svg").arg(i)));
        store.addRecentFile(m_dir.filePath(QStringLiteral("f5.svg")));
        const QStringList files = store.recentFiles();
        QCOMPARE(files.size(), SettingsStore::kMaxRecentFiles);
        QCOMPARE(files.first(), m_dir.filePath(QStringLiteral("f5.svg")));
        QCOMPARE(files.count(m_dir.filePath(QStringLiteral("f5.svg"))), 1);
        // The menu has one entry per file, then a separator and "clear".
        QCOMPARE(store.recentFilesMenu()->actions().size(), SettingsStore::kMaxRecentFiles + 2);
        QSignalSpy spy(&store, &SettingsStore::recentFileActivated);
        store.recentFilesMenu()->actions().first()->trigger();
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.first().first().toString(), m_dir.filePath(QStringLiteral("f5.svg")));
    }

    void theThemeChosenInTheMenuIsRemembered()
    {
        SessionController controller(defaultScenario());
        MainWindow window(controller);
        SettingsStore store(window);
        PresentationMode presentation(window);
        QObject::connect(&presentation, &PresentationMode::themeChanged, &store,
                         [&store](Theme theme) { store.setTheme(themeName(theme)); });
        presentation.setTheme(Theme::Dark);
        QCOMPARE(store.theme(), QStringLiteral("dark"));
        presentation.setTheme(Theme::System);
    }
};

QTEST_MAIN(TestSettingsStore)
#include "test_settings_store.moc"
