// Every message of the translation files is finished and not empty (numerus forms included), so that no
// string shows up in English in the Chinese interface. Vanished and obsolete messages are not shown and
// are ignored. A failure names the context and the source text.
#include <QFile>
#include <QXmlStreamReader>
#include <QtTest>

class TestLanguageTsComplete : public QObject {
    Q_OBJECT

private:
    // "context: source" of each unfinished or empty message of a .ts file.
    static QStringList unfinishedMessages(const QString &path, QString *error)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = file.errorString();
            return {};
        }
        QStringList problems;
        QXmlStreamReader xml(&file);
        QString context, source;
        int messages = 0;
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement) continue;
            if (xml.name() == QLatin1String("name")) {
                context = xml.readElementText();
            } else if (xml.name() == QLatin1String("source")) {
                source = xml.readElementText();
            } else if (xml.name() == QLatin1String("translation")) {
                ++messages;
                const QString type = xml.attributes().value(QLatin1String("type")).toString();
                if (type == QLatin1String("vanished") || type == QLatin1String("obsolete")) {
                    xml.skipCurrentElement();
                    continue;
                }
                // Plain text, or numerus forms, each of which must have text.
                QString text;
                bool emptyForm = false;
                while (xml.readNext() != QXmlStreamReader::Invalid) {
                    if (xml.isEndElement() && xml.name() == QLatin1String("translation")) break;
                    if (xml.isCharacters()) {
                        text += xml.text();
                    } else if (xml.isStartElement() && xml.name() == QLatin1String("numerusform")) {
                        const QString form = xml.readElementText();
                        text += form;
                        emptyForm = emptyForm || form.trimmed().isEmpty();
                    }
                }
                const QString where = QStringLiteral("%1: \"%2\"").arg(context, source);
                if (type == QLatin1String("unfinished"))
                    problems << QStringLiteral("unfinished  ") + where;
                else if (text.trimmed().isEmpty() || emptyForm)
                    problems << QStringLiteral("empty       ") + where;
            }
        }
        if (xml.hasError()) *error = xml.errorString();
        if (messages == 0 && error->isEmpty()) *error = QStringLiteral("no messages");
        return problems;
    }

    static void check(const QString &fileName)
    {
        const QString path = QStringLiteral(TCPLAB_TRANSLATIONS_DIR "/") + fileName;
        QString error;
        const QStringList problems = unfinishedMessages(path, &error);
        QVERIFY2(error.isEmpty(), qPrintable(path + QStringLiteral(": ") + error));
        QVERIFY2(
            problems.isEmpty(),
            qPrintable(QStringLiteral("%1: %2 message(s) to translate:\n  ").arg(path).arg(problems.size()) +
                       problems.join(QStringLiteral("\n  "))));
    }

private slots:
    void chineseIsComplete() { check(QStringLiteral("tcplab_zh_CN.ts")); }
    void englishIsComplete() { check(QStringLiteral("tcplab_en.ts")); }
};

QTEST_GUILESS_MAIN(TestLanguageTsComplete)
#include "test_language_ts_complete.moc"
