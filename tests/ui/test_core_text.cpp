// The core's English texts (discard reasons, errors, refused calls, link-rule labels) reach a Chinese user in
// Chinese: in the narration and on the diagram's lost-segment marks.
#include "sim/session.h"
#include "ui/core_text.h"
#include "ui/lesson_picker.h"
#include "ui/narrator.h"
#include "ui/sequence_diagram.h"
#include "ui/translation_loader.h"

#include <QRegularExpression>
#include <QSet>
#include <QtTest>

using namespace tcplab;
using namespace tcplab::ui;

namespace {

bool hasChinese(const QString &text)
{
    static const QRegularExpression han(QStringLiteral("\\p{Han}"));
    return text.contains(han);
}

// The texts a trace shows the user verbatim from the core.
QStringList coreTextsOf(const Trace &trace)
{
    QStringList texts;
    for (const TraceEvent &event : trace.events()) {
        const bool shown =
            event.kind == TraceKind::SegmentDiscarded || event.kind == TraceKind::ConnectionError ||
            (event.kind == TraceKind::UserCall && !event.callOk) || event.kind == TraceKind::SegmentDropped;
        if (!shown || event.text.empty()) continue;
        const QString text = QString::fromStdString(event.text);
        // Generated rule descriptions and the user's own drops have their own translated wording.
        if (text.startsWith(QLatin1String("rule: ")) || text.startsWith(QLatin1String("dropped"))) continue;
        texts << text;
    }
    return texts;
}

} // namespace

class TestCoreText : public QObject {
    Q_OBJECT

private slots:
    void cleanup() { installTranslation(*QCoreApplication::instance(), QStringLiteral("en")); }

    void everyKnownTextHasAChineseTranslation()
    {
        QVERIFY(installTranslation(*QCoreApplication::instance(), QStringLiteral("zh")));
        for (const QString &text : knownCoreTexts()) {
            const QString shown = coreText(text.toStdString());
            QVERIFY2(hasChinese(shown), qPrintable(text + QStringLiteral(" -> ") + shown));
        }
    }

    void englishShowsTheCoresOwnWords()
    {
        QVERIFY(installTranslation(*QCoreApplication::instance(), QStringLiteral("en")));
        QCOMPARE(coreText("connection refused"), QStringLiteral("connection refused"));
        // A text the table does not know (a user's own lesson label) is shown as it is.
        QVERIFY(installTranslation(*QCoreApplication::instance(), QStringLiteral("zh")));
        QCOMPARE(coreText("my own label"), QStringLiteral("my own label"));
    }

    void everyTextTheBuiltInLessonsShowIsKnown()
    {
        const QStringList known = knownCoreTexts();
        QSet<QString> seen;
        for (const Lesson &lesson : LessonPicker::builtinLessons()) {
            std::vector<Scenario> scenarios{lesson.scenario};
            if (lesson.contrast) scenarios.push_back(*lesson.contrast);
            for (const Scenario &scenario : scenarios) {
                Session session(scenario);
                session.runToEnd();
                for (const QString &text : coreTextsOf(session.trace())) {
                    QVERIFY2(known.contains(text),
                             qPrintable(QString::fromStdString(lesson.id) + QStringLiteral(": ") + text));
                    seen.insert(text);
                }
            }
        }
        // The lessons do show such texts (lost SYNs, refused connections, RSTs), so the check above bites.
        QVERIFY2(seen.size() >= 5, qPrintable(QStringList(seen.values()).join(QLatin1String(" | "))));
    }

    void theNarrationAndTheLostMarkSpeakChinese()
    {
        QVERIFY(installTranslation(*QCoreApplication::instance(), QStringLiteral("zh")));
        QVERIFY(hasChinese(SequenceDiagram::dropReasonText(QStringLiteral("the network loses every SYN"))));
        QVERIFY(!SequenceDiagram::dropReasonText(QStringLiteral("the network loses every SYN"))
                     .contains(QLatin1String("loses")));
        for (const Lesson &lesson : LessonPicker::builtinLessons()) {
            if (lesson.id != "refused") continue;
            Session session(lesson.scenario);
            session.runToEnd();
            const Trace &trace = session.trace();
            bool sawError = false;
            for (std::size_t i = 0; i < trace.events().size(); ++i) {
                if (trace.events()[i].kind != TraceKind::ConnectionError) continue;
                const QString line = Narrator::narrate(trace, i);
                QVERIFY2(!line.contains(QLatin1String("connection refused")), qPrintable(line));
                QVERIFY2(hasChinese(line), qPrintable(line));
                sawError = true;
            }
            QVERIFY(sawError);
            return;
        }
        QFAIL("no built-in lesson 'refused'");
    }
};

QTEST_MAIN(TestCoreText)
#include "test_core_text.moc"
