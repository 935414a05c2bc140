#include "ui/lesson_picker.h"

#include "ui/diagram_style.h"
#include "ui/lesson_text.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace tcplab::ui {

LessonPicker::LessonPicker(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("lessonPicker"));
    setMinimumSize(720, 520);
    m_heading = new QLabel(this);
    m_heading->setFont(style::scaledFont(font(), 1.3, true));
    m_list = new QListWidget(this);
    m_list->setWordWrap(true);
    m_list->setFont(style::scaledFont(font(), 1.1));
    m_list->setAlternatingRowColors(true);
    m_list->setSpacing(4);

    auto *buttons = new QDialogButtonBox(this);
    m_openButton = buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_fileButton = buttons->addButton(QString(), QDialogButtonBox::ActionRole);
    m_cancelButton = buttons->addButton(QString(), QDialogButtonBox::RejectRole);
    m_openButton->setDefault(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);

    connect(m_openButton, &QPushButton::clicked, this, [this] { openRow(m_list->currentRow()); });
    connect(m_fileButton, &QPushButton::clicked, this, &LessonPicker::openFile);
    connect(m_cancelButton, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_list, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { openRow(m_list->row(item)); });

    m_lessons = builtinLessons();
    retranslateUi();
    if (m_list->count() > 0) m_list->setCurrentRow(0);
}

std::vector<Lesson> LessonPicker::builtinLessons()
{
    std::vector<Lesson> lessons;
    for (const BuiltinLesson &file : builtinLessonFiles()) {
        LessonParseResult result = parseLesson(file.text);
        if (result.ok()) lessons.push_back(std::move(*result.lesson));
    }
    std::stable_sort(lessons.begin(), lessons.end(),
                     [](const Lesson &a, const Lesson &b) { return a.order < b.order; });
    return lessons;
}

std::optional<Lesson> LessonPicker::builtinLesson(const QString &id)
{
    for (Lesson &lesson : builtinLessons())
        if (QString::fromStdString(lesson.id) == id) return std::move(lesson);
    return std::nullopt;
}

QString LessonPicker::parseErrorMessage(const QString &fileName, const ParseError &error)
{
    const QString where = QString::fromStdString(formatParseError(fileName.toStdString(), error));
    return tr("The lesson file could not be read:\n%1").arg(where);
}

std::optional<Lesson> LessonPicker::parseLessonText(const QByteArray &text, const QString &fileName,
                                                    QString *error)
{
    LessonParseResult result = parseLesson(std::string_view(text.constData(), std::size_t(text.size())));
    if (result.ok()) return std::move(result.lesson);
    if (error) *error = parseErrorMessage(fileName, result.error);
    return std::nullopt;
}

std::optional<Lesson> LessonPicker::loadLessonFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error) *error = tr("Cannot open %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    return parseLessonText(file.readAll(), QFileInfo(path).fileName(), error);
}

void LessonPicker::openRow(int row)
{
    if (row < 0 || row >= int(m_lessons.size())) return;
    m_chosen = m_lessons[std::size_t(row)];
    accept();
}

void LessonPicker::openFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open lesson file"), QString(),
                                                      tr("Lessons (*.lesson);;All files (*)"));
    if (path.isEmpty()) return;
    QString error;
    std::optional<Lesson> lesson = loadLessonFile(path, &error);
    if (!lesson) {
        QMessageBox::warning(this, tr("Lesson file"), error);
        return;
    }
    m_chosen = std::move(lesson);
    accept();
}

void LessonPicker::fillList()
{
    const int current = m_list->currentRow();
    m_list->clear();
    for (const Lesson &lesson : m_lessons) {
        const QString title = localized(lesson.title);
        const QString summary = localized(lesson.summary);
        auto *item = new QListWidgetItem(QStringLiteral("%1\n%2").arg(title, summary), m_list);
        item->setToolTip(summary);
        item->setData(Qt::UserRole, QString::fromStdString(lesson.id));
        QFont bold = m_list->font();
        item->setFont(bold);
    }
    if (current >= 0 && current < m_list->count()) m_list->setCurrentRow(current);
}

void LessonPicker::retranslateUi()
{
    setWindowTitle(tr("Lessons"));
    m_heading->setText(tr("Choose a lesson"));
    m_openButton->setText(tr("&Open"));
    m_fileButton->setText(tr("Open lesson &file…"));
    m_cancelButton->setText(tr("Cancel"));
    m_list->setAccessibleName(tr("Built-in lessons"));
    fillList();
}

void LessonPicker::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QDialog::changeEvent(event);
}

} // namespace tcplab::ui
