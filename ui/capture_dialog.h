#pragma once
// The TCP connections of an opened capture, one row each (who talked to whom, packets, bytes, duration);
// the user picks one to step through. Problems of the file are shown above the list, the file still opens.
#include "ui/capture_document.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QTreeWidget;

namespace tcplab::ui {

class CaptureDialog : public QDialog {
    Q_OBJECT

public:
    CaptureDialog(const CaptureFile &file, QWidget *parent = nullptr);

    QTreeWidget *connectionList() const { return m_list; }
    // The row chosen (0-based index into the file's connections), -1 when none.
    int selectedConnection() const;
    void selectConnection(int index);
    CaptureTimeAxis timeAxis() const;
    void setTimeAxis(CaptureTimeAxis axis);
    QString summaryText() const;
    QString problemText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void fillList();

    const CaptureFile &m_file;
    QLabel *m_summary = nullptr;
    QLabel *m_problems = nullptr;
    QTreeWidget *m_list = nullptr;
    QCheckBox *m_captureTimes = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace tcplab::ui
