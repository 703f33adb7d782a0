// SPDX-License-Identifier: MIT
// Host a class (start/stop, the address, port and join code shown large for the projector, the
// follow page's URL for browsers, the number of students in the app and in browsers) or join one
// (host:port and code, with the host's refusals spelled out). It only drives a ClassroomBridge;
// closing the dialog leaves the class running.
#pragma once

#include "app/classroom/classroom_host.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace msb::app {

class ClassroomBridge;

class ClassroomDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Role { Host, Join };

    ClassroomDialog(ClassroomBridge* bridge, Role role, QWidget* parent = nullptr);

    Role role() const { return m_role; }
    // Host
    QComboBox* interfaceInput() const { return m_interface; }
    QSpinBox* portInput() const { return m_port; }
    QLineEdit* codeInput() const { return m_code; }
    QPushButton* startButton() const { return m_start; }
    QLabel* addressLabel() const { return m_address; }
    QLabel* codeLabel() const { return m_bigCode; }
    QLabel* followersLabel() const { return m_followers; }
    QLabel* followPageLabel() const { return m_pageUrl; }
    // Join
    QLineEdit* hostInput() const { return m_host; }
    QPushButton* joinButton() const { return m_join; }
    QLabel* statusLabel() const { return m_status; }

    /*! Start or stop hosting with the inputs as they are. */
    void toggleHosting();
    /*! Join with the inputs as they are. */
    void joinClass();

private:
    void buildHost();
    void buildJoin();
    void refreshHost();

    ClassroomBridge* m_bridge;
    Role m_role;
    QComboBox* m_interface = nullptr;
    QSpinBox* m_port = nullptr;
    QLineEdit* m_code = nullptr;
    QPushButton* m_start = nullptr;
    QLabel* m_address = nullptr;
    QLabel* m_bigCode = nullptr;
    QLabel* m_hint = nullptr;
    QLabel* m_followers = nullptr;
    QLabel* m_pageUrl = nullptr;
    QPlainTextEdit* m_log = nullptr;
    QLineEdit* m_host = nullptr;
    QPushButton* m_join = nullptr;
    QLabel* m_status = nullptr;
};

/*! "3 students follow: 2 app, 1 browser" (or that nobody follows yet). */
QString followersText(const classroom::FollowerCounts& counts);

/*! Splits "host:port" ("[::1]:7000" too); port 0 when missing or bad. */
std::pair<QString, quint16> splitHostPort(const QString& text);

} // namespace msb::app
