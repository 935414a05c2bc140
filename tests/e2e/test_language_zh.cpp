// With the Chinese translation (what --lang zh loads) the window title and the tool bar read in Chinese,
// and the English one keeps them in English.
#include "ui/main_window.h"
#include "ui/session_controller.h"
#include "ui/translation_loader.h"

#include <QAction>
#include <QToolBar>
#include <QtTest>

using namespace tcplab;
using namespace tcplab::ui;

namespace {

bool hasChinese(const QString &text)
{
    return std::any_of(text.begin(), text.end(),
                       [](QChar c) { return c.unicode() >= 0x4e00 && c.unicode() <= 0x9fff; });
}

} // namespace

class TestLanguageZh : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(installTranslation(*QCoreApplication::instance(), QStringLiteral("zh"))); }

    void windowTitleAndToolBarAreChinese()
    {
        SessionController controller(defaultScenario());
        MainWindow window(controller);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY2(window.windowTitle().contains(QStringLiteral("握手")), qPrintable(window.windowTitle()));
        QVERIFY(window.windowTitle().contains(QStringLiteral("TCP")));
        const QList<QAction *> actions = {window.startAction(), window.stepBackAction(), window.playAction(),
                                          window.stepForwardAction(), window.endAction()};
        for (QAction *action : actions)
            QVERIFY2(hasChinese(action->text()), qPrintable(action->text()));
        QCOMPARE(window.playAction()->text(), QStringLiteral("播放"));
    }
};

QTEST_MAIN(TestLanguageZh)
#include "test_language_zh.moc"
