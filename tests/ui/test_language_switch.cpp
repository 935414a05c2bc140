// The whole window, built as the tcplab program builds it, switches language while it runs: after a switch
// to Chinese through the Language menu no visible text is still English (RFC names, numbers, units and a few
// proper names aside); after the switch back no Chinese is left (the Language menu's 中文 and the glossary's
// Chinese column aside); and a second switch to Chinese works as the first. Switching back and forth leaves
// nothing stale: each language reads exactly as it did the first time. The choice is remembered.
// "Visible text" is what the widgets hold (labels, buttons, menus, tool tips, dock and dialog titles, item
// models such as the packet inspector's fields and explanations, the plots' axes, legends and text items)
// and what the painters draw (the state diagram's labels, the sequence diagram's arrows, states and timers),
// which the painted-text record catches while every widget is grabbed.
#include "ui/desktop_integration.h"
#include "ui/glossary_panel.h"
#include "ui/language_menu.h"
#include "ui/lesson_picker.h"
#include "ui/lesson_ui.h"
#include "ui/main_window.h"
#include "ui/painted_text.h"
#include "ui/session_controller.h"
#include "ui/shortcuts_dialog.h"
#include "ui/translation_loader.h"
#include "ui/window_assembly.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QComboBox>
#include <QDialog>
#include <QDockWidget>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTextDocumentFragment>
#include <QTextEdit>
#include <QToolBar>
#include <QtTest>
#include <qcustomplot.h>

using namespace tcplab;
using namespace tcplab::ui;

namespace {

struct VisibleText {
    QString where;
    QString text;
    bool glossaryChinese = false; // the glossary's Chinese column: Chinese in every language
    bool glossaryOther = false;   // the glossary's term and English columns: English in every language
};

bool hasCjk(const QString &text)
{
    static const QRegularExpression cjk(
        QStringLiteral("[\\x{3000}-\\x{303f}\\x{4e00}-\\x{9fff}\\x{ff00}-\\x{ffef}]"));
    return text.contains(cjk);
}

// An English word left in a Chinese text: letters with two lower-case ones in a row, except units, the
// header's field abbreviations and proper names, which a Chinese textbook also writes in Latin letters.
QString englishWord(const QString &text)
{
    static const QRegularExpression word(QStringLiteral("[A-Za-z]*[a-z]{2,}[A-Za-z]*"));
    static const QSet<QString> allowed = {
        QStringLiteral("tcplab"),      QStringLiteral("English"), QStringLiteral("ms"),
        QStringLiteral("us"),          QStringLiteral("min"),     QStringLiteral("seq"),
        QStringLiteral("ack"),         QStringLiteral("len"),     QStringLiteral("win"),
        QStringLiteral("wnd"),         QStringLiteral("mss"),     QStringLiteral("isn"),
        QStringLiteral("rto"),         QStringLiteral("srtt"),    QStringLiteral("rttvar"),
        QStringLiteral("wscale"),      QStringLiteral("sackOK"),  QStringLiteral("nop"),
        QStringLiteral("eol"),         QStringLiteral("Linux"),   QStringLiteral("linux"),
        QStringLiteral("teaching"),    QStringLiteral("Ctrl"),    QStringLiteral("Shift"),
        QStringLiteral("Alt"),         QStringLiteral("Space"),   QStringLiteral("Home"),
        QStringLiteral("End"),         QStringLiteral("Left"),    QStringLiteral("Right"),
        QStringLiteral("Up"),          QStringLiteral("Down"),    QStringLiteral("PgUp"),
        QStringLiteral("PgDown"),      QStringLiteral("Esc"),     QStringLiteral("Wireshark"),
        QStringLiteral("packetdrill"), QStringLiteral("tshark"),  QStringLiteral("pcap"),
        QStringLiteral("Qt")};
    static const QRegularExpression hex(QStringLiteral("\\b0x[0-9a-fA-F]+\\b"));
    auto it = word.globalMatch(QString(text).remove(hex));
    while (it.hasNext()) {
        const QString found = it.next().captured();
        if (!allowed.contains(found)) return found;
    }
    return {};
}

QString plain(const QString &text)
{
    return Qt::mightBeRichText(text) ? QTextDocumentFragment::fromHtml(text).toPlainText() : text;
}

QString describe(const QObject *object)
{
    QStringList chain;
    for (const QObject *o = object; o; o = o->parent())
        chain.prepend(o->objectName().isEmpty() ? QString::fromLatin1(o->metaObject()->className())
                                                : o->objectName());
    return chain.join(QLatin1Char('/'));
}

class Walker {
public:
    QList<VisibleText> texts;

    void add(const QString &where, const QString &text, bool chinese = false, bool other = false)
    {
        const QString shown = plain(text).trimmed();
        if (!shown.isEmpty()) texts.append({where, shown, chinese, other});
    }

    void actions(const QString &where, const QList<QAction *> &list, bool toolTips)
    {
        for (QAction *action : list) {
            if (action->isSeparator()) continue;
            const QString here = where + QStringLiteral(" > ") + action->text();
            add(here, action->text());
            if (toolTips) add(here + QStringLiteral(" (tooltip)"), action->toolTip());
            if (QMenu *menu = action->menu()) actions(here, menu->actions(), false);
        }
    }

    void model(QAbstractItemView *view, const QString &where)
    {
        QAbstractItemModel *model = view->model();
        if (!model) return;
        const bool glossary = view->objectName() == QLatin1String("glossaryTable");
        const auto isChinese = [glossary](int column) {
            return glossary && column == GlossaryPanel::kChineseColumn;
        };
        for (int column = 0; column < model->columnCount(); ++column)
            add(where + QStringLiteral(" header %1").arg(column),
                model->headerData(column, Qt::Horizontal).toString(), isChinese(column), false);
        // Every cell and its tool tip in the first rows and their children (a tree's fields and what they
        // mean), enough to see each kind.
        std::function<void(const QModelIndex &, const QString &, int)> cells =
            [&](const QModelIndex &parent, const QString &path, int depth) {
                for (int row = 0; row < std::min(model->rowCount(parent), 60); ++row) {
                    const QString here = path + QStringLiteral("/%1").arg(row);
                    for (int column = 0; column < model->columnCount(parent); ++column) {
                        const QModelIndex index = model->index(row, column, parent);
                        const bool chinese = isChinese(column);
                        add(where + QStringLiteral(" cell %1,%2").arg(here).arg(column),
                            index.data().toString(), chinese, glossary && !chinese);
                        add(where + QStringLiteral(" cell %1,%2 (tooltip)").arg(here).arg(column),
                            index.data(Qt::ToolTipRole).toString(), chinese, glossary && !chinese);
                    }
                    if (depth < 3) cells(model->index(row, 0, parent), here, depth + 1);
                }
            };
        cells({}, QString(), 0);
    }

    void plot(QCustomPlot *plot, const QString &where)
    {
        for (QCPAxisRect *rect : plot->axisRects())
            for (QCPAxis *axis : rect->axes()) {
                add(where + QStringLiteral(" axis"), axis->label());
                if (auto text = axis->ticker().dynamicCast<QCPAxisTickerText>())
                    for (const QString &tick : text->ticks())
                        add(where + QStringLiteral(" tick"), tick);
            }
        for (int i = 0; i < plot->plottableCount(); ++i)
            add(where + QStringLiteral(" legend"), plot->plottable(i)->name());
        for (int i = 0; i < plot->itemCount(); ++i)
            if (auto *text = qobject_cast<QCPItemText *>(plot->item(i)))
                add(where + QStringLiteral(" text item"), text->text());
    }

    // What the painters draw: every plot replotted (its layers draw into its buffer then) and every widget
    // grabbed, the pages behind tabs and the docks behind other docks included.
    void painted(QMainWindow &window)
    {
        clearPaintedTexts();
        for (QCustomPlot *plot : window.findChildren<QCustomPlot *>())
            plot->replot(QCustomPlot::rpImmediateRefresh);
        window.grab();
        for (QWidget *widget : window.findChildren<QWidget *>()) {
            const QWidget *parent = widget->parentWidget();
            if (!widget->isVisible() && (!parent || parent->isVisible())) widget->grab();
        }
        for (const QString &text : paintedTexts())
            add(QStringLiteral("painted"), text);
    }

    void window(QMainWindow &window)
    {
        add(QStringLiteral("window title"), window.windowTitle());
        actions(QStringLiteral("menu bar"), window.menuBar()->actions(), false);
        for (QToolBar *bar : window.findChildren<QToolBar *>()) {
            add(describe(bar) + QStringLiteral(" title"), bar->windowTitle());
            actions(describe(bar), bar->actions(), true);
        }
        for (QWidget *widget : window.findChildren<QWidget *>()) {
            const QString where = describe(widget);
            add(where + QStringLiteral(" (tooltip)"), widget->toolTip());
            // Qt's own dock and tab-bar buttons name themselves once, in Qt's language; not ours to fix.
            const bool qtInternal = widget->objectName().startsWith(QLatin1String("qt_")) ||
                                    widget->objectName().startsWith(QLatin1String("Scroll"));
            if (!qtInternal) add(where + QStringLiteral(" (accessible name)"), widget->accessibleName());
            if (auto *dock = qobject_cast<QDockWidget *>(widget)) add(where, dock->windowTitle());
            if (qobject_cast<QDialog *>(widget)) add(where + QStringLiteral(" title"), widget->windowTitle());
            if (auto *label = qobject_cast<QLabel *>(widget)) add(where, label->text());
            if (auto *button = qobject_cast<QAbstractButton *>(widget)) add(where, button->text());
            if (auto *group = qobject_cast<QGroupBox *>(widget)) add(where, group->title());
            if (auto *edit = qobject_cast<QLineEdit *>(widget)) add(where, edit->placeholderText());
            if (auto *edit = qobject_cast<QTextEdit *>(widget)) add(where, edit->toPlainText());
            if (auto *edit = qobject_cast<QPlainTextEdit *>(widget)) add(where, edit->toPlainText());
            if (auto *combo = qobject_cast<QComboBox *>(widget))
                for (int i = 0; i < combo->count(); ++i)
                    add(where, combo->itemText(i));
            if (auto *tabs = qobject_cast<QTabWidget *>(widget))
                for (int i = 0; i < tabs->count(); ++i)
                    add(where, tabs->tabText(i));
            if (auto *tabs = qobject_cast<QTabBar *>(widget))
                for (int i = 0; i < tabs->count(); ++i)
                    add(where, tabs->tabText(i));
            // A header view shares its table's model: the table walks it.
            if (auto *view = qobject_cast<QAbstractItemView *>(widget);
                view && !qobject_cast<QHeaderView *>(view))
                model(view, where);
            if (auto *plot = qobject_cast<QCustomPlot *>(widget)) this->plot(plot, where);
        }
        painted(window);
    }
};

QList<VisibleText> visibleTexts(QMainWindow &window)
{
    // The LanguageChange events are posted, and some widgets queue a second pass: let the loop settle.
    for (int i = 0; i < 3; ++i)
        QCoreApplication::processEvents();
    Walker walker;
    walker.window(window);
    return walker.texts;
}

QString report(const QStringList &problems)
{
    return QStringLiteral("%1 text(s):\n  ").arg(problems.size()) + problems.join(QStringLiteral("\n  "));
}

// "where: text" of each text, sorted: two walks of the same language must give the same list.
QStringList fingerprint(const QList<VisibleText> &texts)
{
    QStringList lines;
    for (const VisibleText &text : texts)
        lines << text.where + QStringLiteral(": ") + text.text;
    lines.sort();
    return lines;
}

// The lines only one of two fingerprints has, marked - (before) and + (now).
QStringList difference(const QStringList &before, const QStringList &now)
{
    QStringList lines;
    const QSet<QString> a(before.begin(), before.end()), b(now.begin(), now.end());
    for (const QString &line : before)
        if (!b.contains(line)) lines << QStringLiteral("- ") + line;
    for (const QString &line : now)
        if (!a.contains(line)) lines << QStringLiteral("+ ") + line;
    return lines;
}

} // namespace

class TestLanguageSwitch : public QObject {
    Q_OBJECT

    std::unique_ptr<SessionController> m_controller;
    std::unique_ptr<MainWindow> m_window;
    LanguageMenu *m_menu = nullptr;
    QStringList m_firstEnglish, m_firstChinese;

    void checkChinese()
    {
        m_menu->chineseAction()->trigger();
        QCOMPARE(currentLanguage(), QStringLiteral("zh"));
        QStringList problems;
        const QList<VisibleText> texts = visibleTexts(*m_window);
        QVERIFY(texts.size() > 30);
        // Painted text was seen (the state diagram draws its states and labels).
        QVERIFY(std::any_of(texts.begin(), texts.end(), [](const VisibleText &text) {
            return text.where == QLatin1String("painted") && text.text == QLatin1String("ESTABLISHED");
        }));
        const QStringList print = fingerprint(texts);
        if (m_firstChinese.isEmpty()) m_firstChinese = print;
        const QStringList stale = difference(m_firstChinese, print);
        QVERIFY2(stale.isEmpty(),
                 qPrintable(QStringLiteral("Chinese differs from the first time: ") + report(stale)));
        for (const VisibleText &text : texts) {
            if (text.glossaryChinese || text.glossaryOther || hasCjk(text.text)) continue;
            const QString word = englishWord(text.text);
            if (!word.isEmpty())
                problems << QStringLiteral("%1: \"%2\" (\"%3\")").arg(text.where, text.text, word);
        }
        QVERIFY2(problems.isEmpty(),
                 qPrintable(QStringLiteral("Still English in Chinese: ") + report(problems)));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // QSettings in a throw-away place
        QSettings().clear();
        QVERIFY(installTranslation(*QCoreApplication::instance(), QStringLiteral("en")));
        m_controller = std::make_unique<SessionController>(defaultScenario());
        m_window = std::make_unique<MainWindow>(*m_controller);
        // As gui_main builds it; the lesson UI too, whether or not gui_main has it yet.
        assembleMainWindow(*m_window, *m_controller);
        new DesktopIntegration(*m_window, false);
        if (!m_window->findChild<LessonUi *>()) LessonUi::install(*m_window, *m_controller);
        m_menu = m_window->findChild<LanguageMenu *>();
        QVERIFY(m_menu);
        m_window->findChild<GlossaryPanel *>()->show();
        m_controller->jumpToEnd();
        m_controller->selectSegment(1); // the inspector shows a segment's fields
        m_window->resize(1600, 1000);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        // The dialogs, as their menu entries open them: children of the window, so the walk finds them.
        auto *shortcuts = m_window->findChild<QAction *>(QStringLiteral("keyboardShortcutsAction"));
        QVERIFY(shortcuts);
        shortcuts->trigger();
        new LessonPicker(m_window.get());
        setPaintedTextRecording(true);
        // The first walk shows the pages behind tabs and docks for the first time, and their plots and
        // diagrams lay themselves out (labels elided at a first width, items placed on a later pass):
        // the English to come back to is the settled one.
        // The state timeline places its bar labels only where they fit the width it had when last rebuilt,
        // and a language change rebuilds it: let the plots take their English in at their real size, as
        // they do at the end of the round trip.
        visibleTexts(*m_window);
        for (QCustomPlot *plot : m_window->findChildren<QCustomPlot *>()) {
            QEvent change(QEvent::LanguageChange);
            QCoreApplication::sendEvent(plot, &change);
        }
        m_firstEnglish = fingerprint(visibleTexts(*m_window));
    }

    void cleanupTestCase()
    {
        setPaintedTextRecording(false);
        m_window.reset();
        m_controller.reset();
    }

    void switchToChineseLeavesNoEnglish() { checkChinese(); }

    void choiceIsRemembered()
    {
        QCOMPARE(QSettings().value(QLatin1String(kLanguageKey)).toString(), QStringLiteral("zh"));
        QCOMPARE(startupLanguage(), QStringLiteral("zh"));
        QVERIFY(m_menu->chineseAction()->isChecked());
        QVERIFY(!m_menu->englishAction()->isChecked());
    }

    void switchBackToEnglishLeavesNoChinese()
    {
        m_menu->englishAction()->trigger();
        QCOMPARE(currentLanguage(), QStringLiteral("en"));
        QStringList problems;
        const QList<VisibleText> texts = visibleTexts(*m_window);
        const QStringList stale = difference(m_firstEnglish, fingerprint(texts));
        QVERIFY2(stale.isEmpty(),
                 qPrintable(QStringLiteral("English differs from the start: ") + report(stale)));
        for (const VisibleText &text : texts) {
            if (text.glossaryChinese) continue;
            if (text.text == QStringLiteral("中文") || text.text == QStringLiteral("Language / 语言"))
                continue;
            if (hasCjk(text.text)) problems << QStringLiteral("%1: \"%2\"").arg(text.where, text.text);
        }
        QVERIFY2(problems.isEmpty(),
                 qPrintable(QStringLiteral("Chinese left in English: ") + report(problems)));
        QCOMPARE(QSettings().value(QLatin1String(kLanguageKey)).toString(), QStringLiteral("en"));
        QVERIFY(m_menu->englishAction()->isChecked());
    }

    void switchToChineseAgain() { checkChinese(); }

    void languageNamesAreInTheirOwnLanguage()
    {
        QCOMPARE(m_menu->chineseAction()->text(), QStringLiteral("中文"));
        QCOMPARE(m_menu->englishAction()->text(), QStringLiteral("English"));
        QCOMPARE(m_menu->menu()->title(), QStringLiteral("Language / 语言"));
    }

    void glossaryShowsBothLanguagesWhateverTheInterface()
    {
        auto *glossary = m_window->findChild<GlossaryPanel *>();
        QTableWidget *table = glossary->table();
        QVERIFY(table->rowCount() >= 33);
        for (int row = 0; row < table->rowCount(); ++row) {
            const QString term = table->item(row, GlossaryPanel::kTermColumn)->text();
            QVERIFY2(!hasCjk(table->item(row, GlossaryPanel::kEnglishColumn)->text()), qPrintable(term));
            QVERIFY2(hasCjk(table->item(row, GlossaryPanel::kChineseColumn)->text()), qPrintable(term));
        }
        for (const char *term :
             {"SYN_SENT", "TIME_WAIT", "RST", "2·MSL", "half-close", "three-way handshake"})
            QVERIFY2(!table->findItems(QString::fromUtf8(term), Qt::MatchExactly).isEmpty(), term);
        glossary->setFilter(QStringLiteral("重传"));
        int shown = 0;
        for (int row = 0; row < table->rowCount(); ++row)
            shown += table->isRowHidden(row) ? 0 : 1;
        QVERIFY(shown >= 1 && shown < table->rowCount());
        glossary->setFilter({});
    }

    void glossaryOpensWithF1AndCtrlG()
    {
        auto *glossary = m_window->findChild<GlossaryPanel *>();
        const QList<QKeySequence> keys = glossary->toggleAction()->shortcuts();
        QVERIFY(keys.contains(QKeySequence(Qt::Key_F1)));
        QVERIFY(keys.contains(QKeySequence(Qt::CTRL | Qt::Key_G)));
        glossary->toggleAction()->setChecked(false);
        QVERIFY(glossary->isHidden());
        glossary->toggleAction()->trigger();
        QVERIFY(!glossary->isHidden());
    }
};

QTEST_MAIN(TestLanguageSwitch)
#include "test_language_switch.moc"
