#pragma once
// The lesson picker: every built-in lesson with its title and summary in the current language, and a way to
// open a lesson file of one's own. A file that does not parse is reported with FILE:LINE:COLUMN and the
// parser's message, never taken further.
#include "lesson/lesson.h"

#include <QDialog>

#include <optional>
#include <vector>

class QLabel;
class QListWidget;
class QPushButton;

namespace tcplab::ui {

class LessonPicker : public QDialog {
    Q_OBJECT

public:
    explicit LessonPicker(QWidget *parent = nullptr);

    // The built-in lessons that parsed, in picker order (the list's rows).
    const std::vector<Lesson> &lessons() const { return m_lessons; }
    QListWidget *list() const { return m_list; }
    // The lesson the user chose (after accept()).
    const std::optional<Lesson> &chosen() const { return m_chosen; }
    // Chooses the built-in lesson in `row` and accepts.
    void openRow(int row);

    // The built-in lessons, parsed, sorted by their order; a built-in file that fails to parse is left out
    // (the lesson tests catch it).
    static std::vector<Lesson> builtinLessons();
    static std::optional<Lesson> builtinLesson(const QString &id);
    // Parses a lesson text; on failure, `error` gets the message a user sees.
    static std::optional<Lesson> parseLessonText(const QByteArray &text, const QString &fileName,
                                                 QString *error);
    // Reads and parses a file; on failure (unreadable, malformed), `error` gets the message.
    static std::optional<Lesson> loadLessonFile(const QString &path, QString *error);
    // "FILE:LINE:COLUMN: MESSAGE" with a sentence around it: what the message box says.
    static QString parseErrorMessage(const QString &fileName, const ParseError &error);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void fillList();
    void openFile();

    std::vector<Lesson> m_lessons;
    std::optional<Lesson> m_chosen;
    QLabel *m_heading = nullptr;
    QListWidget *m_list = nullptr;
    QPushButton *m_openButton = nullptr;
    QPushButton *m_fileButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
};

} // namespace tcplab::ui
