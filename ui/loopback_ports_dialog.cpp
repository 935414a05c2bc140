#include "ui/loopback_ports_dialog.h"

#include "io/loopback_socket.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace tcplab::ui {

LoopbackPortsDialog::LoopbackPortsDialog(std::uint16_t client, std::uint16_t server,
                                         std::function<bool(std::uint16_t)> ownPort, QWidget *parent)
    : QDialog(parent), m_ownPort(std::move(ownPort))
{
    setObjectName(QStringLiteral("loopbackPortsDialog"));
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    auto row = [this](QSpinBox *&spin, QCheckBox *&any, const char *name) {
        spin = new QSpinBox(this);
        spin->setObjectName(QLatin1String(name) + QStringLiteral("PortSpin"));
        spin->setRange(1, 65535); // 1–1023 can be typed, and is refused with a message that says why
        spin->setValue(40000);
        any = new QCheckBox(this);
        any->setObjectName(QLatin1String(name) + QStringLiteral("AnyPort"));
        connect(any, &QCheckBox::toggled, spin, &QWidget::setDisabled);
        connect(any, &QCheckBox::toggled, this, &LoopbackPortsDialog::revalidate);
        connect(spin, &QSpinBox::valueChanged, this, &LoopbackPortsDialog::revalidate);
        auto *line = new QHBoxLayout;
        line->addWidget(spin);
        line->addWidget(any);
        line->addStretch();
        return line;
    };
    m_clientLabel = new QLabel(this);
    m_serverLabel = new QLabel(this);
    auto *form = new QFormLayout;
    form->addRow(m_clientLabel, row(m_client, m_clientAny, "client"));
    form->addRow(m_serverLabel, row(m_server, m_serverAny, "server"));
    m_clientLabel->setBuddy(m_client);
    m_serverLabel->setBuddy(m_server);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("portsMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &LoopbackPortsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &LoopbackPortsDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);
    setPorts(client, server);
    retranslateUi();
}

std::uint16_t LoopbackPortsDialog::clientPort() const
{
    return m_clientAny->isChecked() ? 0 : static_cast<std::uint16_t>(m_client->value());
}

std::uint16_t LoopbackPortsDialog::serverPort() const
{
    return m_serverAny->isChecked() ? 0 : static_cast<std::uint16_t>(m_server->value());
}

void LoopbackPortsDialog::setPorts(std::uint16_t client, std::uint16_t server)
{
    m_clientAny->setChecked(client == 0);
    m_serverAny->setChecked(server == 0);
    if (client != 0) m_client->setValue(client);
    if (server != 0) m_server->setValue(server);
    revalidate();
}

QString LoopbackPortsDialog::rangeProblem() const
{
    for (const std::uint16_t port : {clientPort(), serverPort()})
        if (port != 0 && port < kLowestPort)
            return tr("Port %1 is below %2: ports below %2 belong to the system. Choose a port from %2 to "
                      "65535, or any free port.")
                .arg(port)
                .arg(kLowestPort);
    if (clientPort() != 0 && clientPort() == serverPort())
        return tr("The client and the server need different ports; both are %1.").arg(clientPort());
    return {};
}

QString LoopbackPortsDialog::inUseProblem() const
{
    for (const auto &[port, isClient] : {std::pair{clientPort(), true}, std::pair{serverPort(), false}}) {
        if (port == 0 || (m_ownPort && m_ownPort(port))) continue;
        detail::UdpSocket probe;
        if (probe.bind(port, isClient ? "client" : "server").empty()) continue;
        return isClient ? tr("UDP port %1 on 127.0.0.1 (client) is already in use by another program. Choose "
                             "another port, or any free port.")
                              .arg(port)
                        : tr("UDP port %1 on 127.0.0.1 (server) is already in use by another program. Choose "
                             "another port, or any free port.")
                              .arg(port);
    }
    return {};
}

QString LoopbackPortsDialog::message() const
{
    return m_message->text();
}

void LoopbackPortsDialog::revalidate()
{
    const QString problem = rangeProblem();
    m_message->setText(problem);
    m_message->setVisible(!problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

void LoopbackPortsDialog::accept()
{
    QString problem = rangeProblem();
    if (problem.isEmpty()) problem = inUseProblem();
    m_message->setText(problem);
    m_message->setVisible(!problem.isEmpty());
    if (problem.isEmpty()) QDialog::accept();
}

void LoopbackPortsDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QDialog::changeEvent(event);
}

void LoopbackPortsDialog::retranslateUi()
{
    setWindowTitle(tr("Loopback ports"));
    m_intro->setText(tr("Loopback mode gives each endpoint its own UDP socket on 127.0.0.1. Choose their "
                        "ports (1024–65535, different), or let the system pick any free port. With several "
                        "connections, pair i uses the port plus i. New ports take effect when the run "
                        "restarts."));
    m_clientLabel->setText(tr("&Client UDP port:"));
    m_serverLabel->setText(tr("&Server UDP port:"));
    for (QCheckBox *any : {m_clientAny, m_serverAny})
        any->setText(tr("any free port"));
    revalidate();
}

} // namespace tcplab::ui
