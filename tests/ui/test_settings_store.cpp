// What tcplab remembers survives a restart: the window and its settings are built, changed and destroyed,
// then built again over the same settings folder, and read back the speed, theme, zoom, last lesson (opened
// again), recent files and the window's geometry and dock layout. A first start opens no lesson.
#include "ui/desktop_integration.h"
#include "ui/diagram_style.h"
#include "ui/export_menu.h"
#include "ui/lesson_player.h"
#include "ui/lesson_ui.h"
#include "ui/main_window.h"
#include "ui/presentation_mode.h"
#include "ui/session_controller.h"
#include "ui/settings_store.h"
#include "ui/window_assembly.h"

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

// The whole program's window, as app/gui_main.cpp builds it, remembering.
struct App {
    SessionController controller{defaultScenario()};
    MainWindow window{controller};
    DesktopIntegration *desktop = nullptr;
    App()
    {
        assembleMainWindow(window, controller);
        desktop = new DesktopIntegration(window, true);
    }
    LessonUi &lessons() const { return *window.findChild<LessonUi *>(); }
    QString openLesson() const
    {
        const auto &lesson = lessons().player()->lesson();
        return lesson ? QString::fromStdString(lesson->id) : QString();
    }
};

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

    void theWholeWindowComesBackAsItWasLeft()
    {
        QSettings().clear();
        QSize leftSize;
        {
            App first;
            // A first start: nothing to reopen, the default session (the handshake and close) stays.
            QVERIFY(!first.desktop->reopenLastLesson());
            QVERIFY(first.openLesson().isEmpty());
            first.window.resize(1500, 950);
            first.window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&first.window));
            QVERIFY(first.lessons().openLesson(QStringLiteral("close")));
            first.desktop->presentation().setZoom(1.5);
            first.desktop->presentation().setTheme(Theme::Dark);
            first.controller.setSpeed(4.0);
            QDockWidget *plots = first.lessons().plotsDock();
            first.window.addDockWidget(Qt::LeftDockWidgetArea, plots);
            plots->show();
            const QString exported = m_dir.filePath(QStringLiteral("close.svg"));
            QVERIFY(first.desktop->exportMenu().exportTo(exported, ExportFormat::Svg));
            // The docks' minimum may have grown the window past 950 px tall (zoom 1.5, plots on the
            // left): what must come back is the size it had when it was left.
            leftSize = first.window.size();
            QCOMPARE(leftSize.width(), 1500);
            first.window.close();
        }
        // Nothing of the first window is left: a new one reads it all back.
        style::setCurrent({});
        App second;
        QCOMPARE(second.desktop->presentation().zoom(), 1.5);
        QCOMPARE(style::zoom(), 1.5);
        QCOMPARE(second.desktop->presentation().theme(), Theme::Dark);
        QCOMPARE(style::scheme(), DiagramScheme::Dark);
        QCOMPARE(second.controller.speed(), 4.0);
        QCOMPARE(second.window.dockWidgetArea(second.lessons().plotsDock()), Qt::LeftDockWidgetArea);
        QCOMPARE(second.window.size(), leftSize);
        QCOMPARE(second.desktop->settings().recentFiles(),
                 QStringList{m_dir.filePath(QStringLiteral("close.svg"))});
        QVERIFY(second.openLesson().isEmpty());
        QVERIFY(second.desktop->reopenLastLesson());
        QCOMPARE(second.openLesson(), QStringLiteral("close"));
        second.desktop->presentation().setTheme(Theme::System);
        second.desktop->presentation().setZoom(1.0);
    }

    void aScriptedRunNeitherReadsNorChangesTheSettings()
    {
        QSettings().clear();
        QSettings().setValue(QLatin1String(SettingsStore::kZoomKey), 2.0);
        QSettings().setValue(QLatin1String(SettingsStore::kLastLessonKey), QStringLiteral("close"));
        SessionController controller(defaultScenario());
        MainWindow window(controller);
        assembleMainWindow(window, controller);
        DesktopIntegration desktop(window, false);
        QCOMPARE(desktop.presentation().zoom(), 1.0);
        QVERIFY(!desktop.reopenLastLesson());
        desktop.presentation().setTheme(Theme::HighContrast);
        QVERIFY(window.findChild<LessonUi *>()->openLesson(QStringLiteral("handshake")));
        QCOMPARE(QSettings().value(QLatin1String(SettingsStore::kThemeKey)), QVariant());
        QCOMPARE(QSettings().value(QLatin1String(SettingsStore::kLastLessonKey)).toString(),
                 QStringLiteral("close"));
        desktop.presentation().setTheme(Theme::System);
    }

    void aLessonNoLongerBuiltInIsForgotten()
    {
        QSettings().clear();
        QSettings().setValue(QLatin1String(SettingsStore::kLastLessonKey), QStringLiteral("no-such-lesson"));
        App app;
        QVERIFY(!app.desktop->reopenLastLesson());
        QVERIFY(app.desktop->settings().lastLesson().isEmpty());
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
