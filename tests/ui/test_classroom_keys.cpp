// The keyboard and the screen reader reach everything, in the whole window as the program builds it (every
// dock, menu and panel): every tool bar action has a key, named in its tooltip and listed in Help →
// Keyboard shortcuts; every control (button, tool button, check box, slider, spin box, combo box, line edit)
// has a non-empty name as a screen reader reads it. Presentation mode: F11, the zoom and the high-contrast
// theme.
#include "ui/desktop_integration.h"
#include "ui/lesson_ui.h"
#include "ui/main_window.h"
#include "ui/presentation_mode.h"
#include "ui/sequence_diagram.h"
#include "ui/sequence_view.h"
#include "ui/session_controller.h"
#include "ui/shortcuts_dialog.h"
#include "ui/window_assembly.h"

#include <QAbstractButton>
#include <QAbstractScrollArea>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QLineEdit>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QToolBar>
#include <QWidgetAction>
#include <QtTest>

#include <algorithm>

using namespace tcplab;
using namespace tcplab::ui;

namespace {

// Buttons Qt makes for itself (a tool bar's overflow arrow, a dock's float and close buttons) are named to
// screen readers by Qt's own accessible interfaces, not by accessibleName.
// A scroll area's own scroll bars sit in a Qt-made container; the area itself carries the name.
bool isScrollAreaBar(const QWidget *widget)
{
    const auto *bar = qobject_cast<const QScrollBar *>(widget);
    if (!bar) return false;
    for (const QWidget *up = bar->parentWidget(); up; up = up->parentWidget())
        if (const auto *area = qobject_cast<const QAbstractScrollArea *>(up))
            return area->horizontalScrollBar() == bar || area->verticalScrollBar() == bar;
    return false;
}

bool isQtInternal(const QWidget *widget)
{
    const QByteArray type = widget->metaObject()->className();
    // QLineEditIconButton is the clear button Qt adds to a line edit with clearButtonEnabled.
    return type == "QToolBarExtension" || type == "QDockWidgetTitleButton" || type == "QTableCornerButton" ||
           type == "QLineEditIconButton" || isScrollAreaBar(widget) ||
           widget->objectName().startsWith(QLatin1String("qt_"));
}

} // namespace

class TestClassroomKeys : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    SessionController *m_controller = nullptr;
    MainWindow *m_window = nullptr;
    DesktopIntegration *m_desktop = nullptr;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.path());
        m_controller = new SessionController(defaultScenario());
        m_window = new MainWindow(*m_controller);
        // As app/gui_main.cpp builds it: every dock, menu and panel.
        assembleMainWindow(*m_window, *m_controller);
        m_desktop = new DesktopIntegration(*m_window, false);
        // A lesson with a contrast: its docks, the narration, the quiz and a second diagram exist too.
        auto *lessons = m_window->findChild<LessonUi *>();
        QVERIFY(lessons);
        QVERIFY(lessons->openLesson(QStringLiteral("http")));
        m_window->resize(1600, 1000);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
    }

    void cleanupTestCase()
    {
        delete m_window;
        delete m_controller;
    }

    void everyToolBarActionHasAKeyNamedInItsTooltip()
    {
        int checked = 0;
        for (QToolBar *bar : m_window->findChildren<QToolBar *>()) {
            for (QAction *action : bar->actions()) {
                if (action->isSeparator() || bar->widgetForAction(action) == nullptr) continue;
                if (qobject_cast<QWidgetAction *>(action)) continue; // a slider or label, not an action
                const QString key = action->shortcut().toString(QKeySequence::NativeText);
                QVERIFY2(!key.isEmpty(), qPrintable(QStringLiteral("no key: ") + action->text()));
                QVERIFY2(action->toolTip().contains(key), qPrintable(action->toolTip()));
                ++checked;
            }
        }
        QVERIFY(checked >= 10);
    }

    void everyToolBarActionIsInTheShortcutsDialog()
    {
        const QList<QPair<QString, QString>> rows = ShortcutsDialog::shortcutsOf(*m_window);
        int checked = 0;
        for (QToolBar *bar : m_window->findChildren<QToolBar *>()) {
            for (QAction *action : bar->actions()) {
                if (action->isSeparator() || qobject_cast<QWidgetAction *>(action)) continue;
                const QString key = action->shortcut().toString(QKeySequence::NativeText);
                const bool listed = std::any_of(rows.begin(), rows.end(), [&](const auto &row) {
                    return row.second.split(QStringLiteral(", ")).contains(key) &&
                           row.first == QString(action->text()).remove(QLatin1Char('&'));
                });
                QVERIFY2(listed,
                         qPrintable(QStringLiteral("not in the dialog: %1 (%2)").arg(action->text(), key)));
                ++checked;
            }
        }
        QVERIFY(checked >= 10);
    }

    void theShortcutsDialogListsEveryActionWithAKey()
    {
        ShortcutsDialog dialog(*m_window);
        dialog.refresh();
        QSet<QAction *> withKeys;
        for (QAction *action : m_window->findChildren<QAction *>())
            if (!action->shortcuts().isEmpty()) withKeys.insert(action);
        for (QAction *action : m_window->actions())
            if (!action->shortcuts().isEmpty()) withKeys.insert(action);
        QCOMPARE(dialog.table()->rowCount(), int(withKeys.size()));
        QStringList keys;
        for (int row = 0; row < dialog.table()->rowCount(); ++row) {
            QVERIFY(!dialog.table()->item(row, 0)->text().isEmpty());
            keys << dialog.table()->item(row, 1)->text();
        }
        for (const QString &expected : {QStringLiteral("Space"), QStringLiteral("F11"), QStringLiteral("F1"),
                                        QStringLiteral("Ctrl+0"), QStringLiteral("Ctrl+Shift+E")})
            QVERIFY2(keys.join(QLatin1Char('|')).contains(expected), qPrintable(expected));
        QVERIFY(m_desktop->shortcutsAction());
    }

    void everyControlHasAnAccessibleName()
    {
        // Every dock is there, with its controls.
        QVERIFY(m_window->findChildren<QDockWidget *>().size() >= 4);
        QStringList unnamed;
        int checked = 0;
        for (QWidget *widget : m_window->findChildren<QWidget *>()) {
            if (isQtInternal(widget)) continue;
            if (!qobject_cast<QAbstractButton *>(widget) && !qobject_cast<QAbstractSlider *>(widget) &&
                !qobject_cast<QAbstractSpinBox *>(widget) && !qobject_cast<QComboBox *>(widget) &&
                !qobject_cast<QLineEdit *>(widget))
                continue;
            if (qobject_cast<QLineEdit *>(widget) && qobject_cast<QAbstractSpinBox *>(widget->parentWidget()))
                continue; // a spin box's own editor: the spin box carries the name
            if (qobject_cast<QLineEdit *>(widget) && qobject_cast<QComboBox *>(widget->parentWidget()))
                continue;
            // What a screen reader says: the accessible name, else the button's text or the buddy label's.
            QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget);
            QVERIFY(accessible);
            ++checked;
            if (accessible->text(QAccessible::Name).remove(QLatin1Char('&')).trimmed().isEmpty())
                unnamed << QStringLiteral("%1 \"%2\" in %3")
                               .arg(widget->metaObject()->className(), widget->objectName(),
                                    widget->parentWidget()->metaObject()->className());
        }
        QVERIFY(checked >= 15);
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
    }

    void zoomScalesTheWindowsTextAndComesBack()
    {
        PresentationMode &presentation = m_desktop->presentation();
        const double before = m_window->font().pointSizeF();
        const double tickBefore = m_window->sequenceView().yAxis->tickLabelFont().pointSizeF();
        presentation.zoomInAction()->trigger();
        presentation.zoomInAction()->trigger();
        QCOMPARE(presentation.zoom(), 1.5);
        QCOMPARE(m_window->font().pointSizeF(), before * 1.5);
        QVERIFY(m_window->sequenceView().yAxis->tickLabelFont().pointSizeF() > tickBefore * 1.4);
        presentation.zoomInAction()->trigger();
        presentation.zoomOutAction()->trigger();
        QCOMPARE(m_window->font().pointSizeF(), before * 1.5); // no drift from repeated zooming
        presentation.resetZoomAction()->trigger();
        QCOMPARE(m_window->font().pointSizeF(), before);
        for (int i = 0; i < 20; ++i)
            presentation.zoomOutAction()->trigger();
        QCOMPARE(presentation.zoom(), PresentationMode::kMinZoom);
        presentation.setZoom(1.0);
    }

    void highContrastIsBlackOnWhiteAndHighlightsTheCurrentSegment()
    {
        PresentationMode &presentation = m_desktop->presentation();
        presentation.highContrastAction()->trigger();
        QCOMPARE(presentation.theme(), Theme::HighContrast);
        QCOMPARE(QApplication::palette().color(QPalette::Window), QColor(Qt::white));
        QCOMPARE(QApplication::palette().color(QPalette::WindowText), QColor(Qt::black));
        m_controller->jumpToStart();
        m_controller->stepForward(); // the SYN leaves
        m_controller->stepForward();
        QVERIFY(m_controller->selectedSegment() != 0);
        presentation.highContrastAction()->trigger();
        QCOMPARE(presentation.theme(), Theme::System);
    }

    void f11TogglesFullScreen()
    {
        PresentationMode &presentation = m_desktop->presentation();
        QCOMPARE(presentation.fullScreenAction()->shortcut(), QKeySequence(Qt::Key_F11));
        presentation.fullScreenAction()->trigger();
        QTRY_VERIFY(m_window->isFullScreen());
        presentation.fullScreenAction()->trigger();
        QTRY_VERIFY(!m_window->isFullScreen());
    }

    void darkSystemPaletteIsRecognised()
    {
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x20, 0x20, 0x20));
        QVERIFY(systemPrefersDark(dark));
        QPalette light;
        light.setColor(QPalette::Window, QColor(0xef, 0xef, 0xef));
        QVERIFY(!systemPrefersDark(light));
        QCOMPARE(themeFromName(themeName(Theme::HighContrast)), Theme::HighContrast);
    }
};

QTEST_MAIN(TestClassroomKeys)
#include "test_classroom_keys.moc"
