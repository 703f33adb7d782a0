// SPDX-License-Identifier: MIT
#include "app/gui/classroom_dialog.h"

#include "app/gui/classroom_bridge.h"
#include "app/gui/gui_error.h"
#include "app/gui/translate.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSysInfo>
#include <QVBoxLayout>

namespace msb::app {

std::pair<QString, quint16> splitHostPort(const QString& text)
{
    const QString t = text.trimmed();
    const int colon = t.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return {t, 0};
    QString host = t.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint port = t.mid(colon + 1).toUInt(&ok);
    return {host, ok && port <= 65535 ? static_cast<quint16>(port) : quint16(0)};
}

ClassroomDialog::ClassroomDialog(ClassroomBridge* bridge, Role role, QWidget* parent)
    : QDialog(parent)
    , m_bridge(bridge)
    , m_role(role)
{
    if (role == Role::Host)
        buildHost();
    else
        buildJoin();
}

void ClassroomDialog::buildHost()
{
    setWindowTitle(tr("Host a class"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    m_interface = new QComboBox(this);
    m_interface->addItem(tr("This computer only (127.0.0.1)"), QStringLiteral("127.0.0.1"));
    m_interface->addItem(tr("Open to the LAN (all interfaces, 0.0.0.0)"), QStringLiteral("0.0.0.0"));
    m_interface->setToolTip(tr("Loopback until you choose to let students on other machines join"));
    m_port = new QSpinBox(this);
    m_port->setRange(0, 65535);
    m_port->setValue(7331);
    m_port->setSpecialValueText(tr("any free port"));
    m_code = new QLineEdit(this);
    m_code->setPlaceholderText(tr("leave empty for a random code"));
    form->addRow(tr("Listen on"), m_interface);
    form->addRow(tr("Port"), m_port);
    form->addRow(tr("Join code"), m_code);
    layout->addLayout(form);

    // Large enough to read from the back of the room.
    m_address = new QLabel(this);
    m_bigCode = new QLabel(this);
    for (auto* label : {m_address, m_bigCode}) {
        QFont f = label->font();
        f.setPointSizeF(f.pointSizeF() * (label == m_bigCode ? 3.2 : 2.0));
        f.setBold(true);
        label->setFont(f);
        label->setAlignment(Qt::AlignCenter);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_bigCode->setObjectName(QStringLiteral("joinCode"));
    m_hint = new QLabel(this);
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setWordWrap(true);
    m_followers = new QLabel(this);
    m_followers->setObjectName(QStringLiteral("followers"));
    m_followers->setAlignment(Qt::AlignCenter);
    // The follow page: the same address and port, for students without the app.
    m_pageUrl = new QLabel(this);
    m_pageUrl->setObjectName(QStringLiteral("followPageUrl"));
    m_pageUrl->setAccessibleName(tr("Follow page for browsers"));
    m_pageUrl->setAlignment(Qt::AlignCenter);
    m_pageUrl->setTextFormat(Qt::RichText);
    m_pageUrl->setOpenExternalLinks(true);
    m_pageUrl->setTextInteractionFlags(Qt::TextBrowserInteraction);
    QFont urlFont = m_pageUrl->font();
    urlFont.setPointSizeF(urlFont.pointSizeF() * 1.4); // read from the back of the room too
    m_pageUrl->setFont(urlFont);
    m_log = new QPlainTextEdit(this);
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(200);
    m_log->setMaximumHeight(90);
    m_log->setAccessibleName(tr("Class log"));
    m_log->setTabChangesFocus(true); // read-only: Tab moves on instead of typing a tab
    m_start = new QPushButton(this);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_start, QDialogButtonBox::ActionRole);
    layout->addWidget(m_address);
    layout->addWidget(m_hint);
    layout->addWidget(m_bigCode);
    layout->addWidget(m_pageUrl);
    layout->addWidget(m_followers);
    layout->addWidget(m_log);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_start, &QPushButton::clicked, this, &ClassroomDialog::toggleHosting);
    connect(m_bridge, &ClassroomBridge::followerCountChanged, this, &ClassroomDialog::refreshHost);
    connect(m_bridge, &ClassroomBridge::modeChanged, this, &ClassroomDialog::refreshHost);
    connect(m_bridge, &ClassroomBridge::logged, m_log, &QPlainTextEdit::appendPlainText);
    refreshHost();
}

void ClassroomDialog::refreshHost()
{
    const bool hosting = m_bridge->mode() == ClassroomBridge::Mode::Hosting;
    m_start->setText(hosting ? tr("Stop the class") : tr("Start the class"));
    m_interface->setEnabled(!hosting);
    m_port->setEnabled(!hosting);
    m_code->setEnabled(!hosting);
    if (!hosting) {
        m_address->setText(tr("Not hosting"));
        m_bigCode->clear();
        m_hint->setText(tr("Start the class, then put this window on the projector."));
        m_followers->clear();
        m_pageUrl->clear();
        return;
    }
    const bool lan = m_bridge->bindAddress() == QLatin1String("0.0.0.0");
    const QString where = lan ? QSysInfo::machineHostName() : m_bridge->bindAddress();
    m_address->setText(QStringLiteral("%1:%2").arg(where).arg(m_bridge->port()));
    m_address->setToolTip(
        lan ? tr("Students on the LAN use this machine's name or IP address") : tr("Only this computer can join"));
    m_bigCode->setText(m_bridge->code());
    const QString url = m_bridge->followPageUrl(where);
    m_pageUrl->setText(tr("In a browser: <a href=\"%1\">%1</a>").arg(url.toHtmlEscaped()));
    m_hint->setText(tr("Students: Classroom ▸ Join a class… with the address above and this code, "
                       "or open the page below in any browser and type the code"));
    m_followers->setText(followersText(m_bridge->followerCounts()));
}

QString followersText(const classroom::FollowerCounts& counts)
{
    const int n = counts.total();
    if (n == 0)
        return tr("No students following yet");
    const QString students = n == 1 ? tr("1 student follows") : tr("%1 students follow").arg(n);
    return tr("%1: %2 app, %3 browser").arg(students).arg(counts.native).arg(counts.web);
}

void ClassroomDialog::toggleHosting()
{
    if (m_bridge->mode() == ClassroomBridge::Mode::Hosting) {
        m_bridge->stopHosting();
        return;
    }
    const auto hosting = m_bridge->startHosting(
        m_interface->currentData().toString(), static_cast<quint16>(m_port->value()), m_code->text());
    if (!hosting)
        m_log->appendPlainText(tr("Could not start: %1").arg(errorText(hosting.error())));
    refreshHost();
}

void ClassroomDialog::buildJoin()
{
    setWindowTitle(tr("Join a class"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    m_host = new QLineEdit(QStringLiteral("127.0.0.1:7331"), this);
    m_host->setPlaceholderText(tr("host:port, as on the teacher's screen"));
    m_code = new QLineEdit(this);
    m_code->setPlaceholderText(tr("the code on the projector"));
    form->addRow(tr("Teacher"), m_host);
    form->addRow(tr("Join code"), m_code);
    layout->addLayout(form);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    m_join = new QPushButton(tr("Join"), this);
    m_join->setDefault(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_join, QDialogButtonBox::AcceptRole);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_join, &QPushButton::clicked, this, &ClassroomDialog::joinClass);
    connect(m_bridge, &ClassroomBridge::joined, this, [this] {
        m_status->setText(tr("Joined: following the teacher."));
        accept();
    });
    connect(m_bridge, &ClassroomBridge::connectionFailed, this, [this](const QString& message, bool persistent) {
        m_status->setText(persistent
                ? tr("<b style='color:#b3261e'>Could not join.</b> %1").arg(message.toHtmlEscaped())
                : tr("Retrying: %1").arg(message.toHtmlEscaped()));
        if (persistent)
            m_join->setEnabled(true);
    });
}

void ClassroomDialog::joinClass()
{
    const auto [host, port] = splitHostPort(m_host->text());
    if (host.isEmpty() || port == 0) {
        m_status->setText(tr("Type the teacher's address as host:port, e.g. 192.168.1.20:7331."));
        return;
    }
    if (m_code->text().trimmed().isEmpty()) {
        m_status->setText(tr("Type the join code shown on the teacher's screen."));
        return;
    }
    m_status->setText(tr("Connecting to %1:%2…").arg(host).arg(port));
    m_join->setEnabled(false);
    m_bridge->join(host, port, m_code->text());
}

} // namespace msb::app
