#pragma once
// Mode ▸ Loopback ports…: the UDP ports on 127.0.0.1 that loopback mode binds for the client and the
// server (connection pair i uses port + i), or any free port. A port must be 1024–65535 (below is the
// system's), the two must differ, and a port another program holds is named in the message before the
// dialog closes; the ports a running loopback run holds itself are free for it and not counted as in use.
#include <QDialog>

#include <cstdint>
#include <functional>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QSpinBox;

namespace tcplab::ui {

class LoopbackPortsDialog : public QDialog {
    Q_OBJECT

public:
    static constexpr int kLowestPort = 1024;

    // `ownPort` says whether a port is held by tcplab's own loopback run (which gives it up on restart).
    explicit LoopbackPortsDialog(std::uint16_t client, std::uint16_t server,
                                 std::function<bool(std::uint16_t)> ownPort = {}, QWidget *parent = nullptr);

    // 0: any free port.
    std::uint16_t clientPort() const;
    std::uint16_t serverPort() const;
    void setPorts(std::uint16_t client, std::uint16_t server);
    // What is wrong with the ports as entered ("" when nothing is): range and distinctness only.
    QString rangeProblem() const;
    // The message shown in the dialog ("" when none).
    QString message() const;

    // "" when both ports can be bound on 127.0.0.1 now; otherwise which one is in use.
    QString inUseProblem() const;

public slots:
    void accept() override; // refuses, with the message, while a port is invalid or in use

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void revalidate();

    std::function<bool(std::uint16_t)> m_ownPort;
    QLabel *m_intro = nullptr;
    QLabel *m_clientLabel = nullptr;
    QLabel *m_serverLabel = nullptr;
    QSpinBox *m_client = nullptr;
    QSpinBox *m_server = nullptr;
    QCheckBox *m_clientAny = nullptr;
    QCheckBox *m_serverAny = nullptr;
    QLabel *m_message = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace tcplab::ui
