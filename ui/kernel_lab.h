#pragma once
// The kernel TCP lab: the operating system's own TCP on 127.0.0.1, driven from buttons (listen, connect,
// send, shut down the write side, close) for a server socket and a client socket, watched live
// (io/kernel_observer.h): each side's state from TCP_INFO, or from sock_diag once its socket is closed
// (TIME_WAIT shows only there), and the segments captured on lo with libpcap when the process may capture
// (otherwise the lab says why it shows states only). Beside the kernel's run, the core's prediction for
// the same calls (the simulator with the Linux profile), and one sentence for each place they differ.
#include "io/kernel_compare.h"
#include "io/kernel_observer.h"

#include <QWidget>

#include <memory>
#include <vector>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTimer;
class QTreeWidget;

namespace tcplab::ui {

class KernelTracePlot;
class MainWindow;

class KernelLab : public QWidget {
    Q_OBJECT

public:
    static constexpr int kPollIntervalMs = 50;

    explicit KernelLab(QWidget *parent = nullptr);
    ~KernelLab() override;
    // Tools ▸ Kernel TCP lab… (Ctrl+K) on `window`; the lab opens in a window of its own.
    static QAction *install(MainWindow &window);

    // The buttons' calls. false when the kernel refused (lastError() says why).
    bool listen();
    bool connectClient();
    bool send(Side side, const QByteArray &data);
    bool shutdownWrite(Side side);
    bool close(Side side);
    // Starts again: both sockets closed, a new observer, nothing recorded.
    void reset();
    // Starts again and makes the default session's calls a few tenths of a second apart: listen, connect,
    // a request, a reply, the client closes, the server closes. finishedPlaying() when done.
    void playDefaultCalls();
    void selectFirstSegment();
    // One poll now (the timer does this every kPollIntervalMs): states, capture, accept, reads.
    void poll();

    const Trace &kernelTrace() const { return m_kernelTrace; }
    const Trace &coreTrace() const { return m_coreTrace; }
    const std::vector<KernelDifference> &differences() const { return m_differences; }
    // The last state seen for a side, and how it was seen ("TCP_INFO", "sock_diag", "inferred ...").
    std::optional<TcpState> kernelState(Side side) const;
    QString stateSource(Side side) const;
    bool capturing() const;
    QString captureText() const;
    const QString &lastError() const { return m_lastError; }
    QString segmentDetails(std::uint64_t segmentId) const;

    QPushButton *button(Side side, CallKind kind) const;
    QPushButton *shutdownButton(Side side) const { return m_shutdown[side == Side::Server]; }
    QTreeWidget *segmentTable() const { return m_segments; }
    QListWidget *differenceList() const { return m_differenceList; }
    KernelTracePlot &kernelPlot() const { return *m_kernelPlot; }
    KernelTracePlot &corePlot() const { return *m_corePlot; }

signals:
    void finishedPlaying();

protected:
    void changeEvent(QEvent *event) override;

private:
    void build();
    void retranslateUi();
    bool record(Side side, CallKind kind, const CallResult &result, std::vector<std::uint8_t> data = {});
    void refresh();
    void predict();
    void showStates();
    void showSegments();
    void showDifferences();
    void selectSegment(std::uint64_t segmentId);

    std::unique_ptr<KernelObserver> m_observer;
    std::vector<ScheduledCall> m_calls; // what was asked of the kernel, for the core's prediction
    bool m_closedWrite[2] = {false, false};
    Trace m_realTrace;   // the observer's, on the wall clock
    Trace m_kernelTrace; // the same drawn one step per segment
    Trace m_coreTrace;   // the core's prediction, drawn one step per segment
    Trace m_coreReal;
    std::vector<KernelDifference> m_differences;
    std::optional<TcpInfoSnapshot> m_info[2];
    std::uint64_t m_selected = 0;
    QString m_lastError;

    QTimer *m_timer = nullptr;
    QLabel *m_intro = nullptr;
    QLabel *m_capture = nullptr;
    QLabel *m_sideTitle[2] = {nullptr, nullptr};
    QLabel *m_state[2] = {nullptr, nullptr};
    QLabel *m_infoLabel[2] = {nullptr, nullptr};
    QPushButton *m_open[2] = {nullptr, nullptr}; // LISTEN, CONNECT
    QPushButton *m_send[2] = {nullptr, nullptr};
    QPushButton *m_shutdown[2] = {nullptr, nullptr};
    QPushButton *m_close[2] = {nullptr, nullptr};
    QLabel *m_dataCaption = nullptr;
    QLineEdit *m_data = nullptr;
    QPushButton *m_reset = nullptr;
    QPushButton *m_play = nullptr;
    QLabel *m_error = nullptr;
    KernelTracePlot *m_kernelPlot = nullptr;
    KernelTracePlot *m_corePlot = nullptr;
    QTreeWidget *m_segments = nullptr;
    QLabel *m_details = nullptr;
    QLabel *m_differenceCaption = nullptr;
    QListWidget *m_differenceList = nullptr;
};

} // namespace tcplab::ui
