// The glossary's term column shows every term, in both interface languages, even in a short dock whose
// rows are taller than the table (the column once looked empty: the terms were centred below the view).
#include "ui/glossary_panel.h"
#include "ui/glossary_terms.h"
#include "ui/translation_loader.h"

#include <QHeaderView>
#include <QImage>
#include <QMainWindow>
#include <QTableWidget>
#include <QtTest>

using namespace tcplab::ui;

class TestLanguageGlossary : public QObject {
    Q_OBJECT

    // Dark pixels in the first text line of `index`'s cell, scrolled to the top of the view.
    static int inkInFirstLine(QTableWidget &table, const QModelIndex &index)
    {
        table.scrollTo(index, QAbstractItemView::PositionAtTop);
        QCoreApplication::processEvents();
        const QRect cell = table.visualRect(index);
        const int lineHeight = table.fontMetrics().height() + 6;
        const QRect line =
            QRect(cell.left(), cell.top(), cell.width(), lineHeight).intersected(table.viewport()->rect());
        const QImage image = table.viewport()->grab().toImage();
        int ink = 0;
        for (int y = line.top(); y <= line.bottom(); ++y)
            for (int x = line.left() + 1; x < line.right(); ++x)
                ink += qGray(image.pixel(x, y)) < 100 ? 1 : 0;
        return ink;
    }

private slots:
    void termColumnIsFilledAndShown_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("zh") << QStringLiteral("zh");
    }

    void termColumnIsFilledAndShown()
    {
        QFETCH(QString, language);
        QVERIFY(installTranslation(*QCoreApplication::instance(), language));
        QMainWindow window;
        GlossaryPanel *panel = GlossaryPanel::install(window);
        panel->show();
        window.resize(1000, 320); // a short dock: rows are taller than the table shows
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        QTableWidget *table = panel->table();
        const QAbstractItemModel *model = table->model();
        const auto terms = glossaryTerms();
        QCOMPARE(model->rowCount(), int(terms.size()));
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex index = model->index(row, GlossaryPanel::kTermColumn);
            const QString term = index.data().toString();
            QCOMPARE(term, QString::fromUtf8(terms[std::size_t(row)].term));
            QVERIFY2(!term.trimmed().isEmpty(), qPrintable(QStringLiteral("row %1").arg(row)));
            const auto alignment = Qt::Alignment(index.data(Qt::TextAlignmentRole).toInt());
            QVERIFY2(alignment & Qt::AlignTop, qPrintable(term));
            QVERIFY2(inkInFirstLine(*table, index) > 5, qPrintable(term + QStringLiteral(" is not drawn")));
        }
    }
};

QTEST_MAIN(TestLanguageGlossary)
#include "test_language_glossary.moc"
