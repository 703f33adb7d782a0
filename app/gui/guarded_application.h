// SPDX-License-Identifier: MIT
// The last line of defence for the user's work: an exception that escapes an event handler or a
// slot is caught where Qt delivers the event, reported, and the application goes on (the session
// stays in memory, and the autosave keeps writing it) instead of terminate() taking the window.
#pragma once

#include <QApplication>

#include <functional>

namespace msb::app {

class GuardedApplication : public QApplication
{
    Q_OBJECT

public:
    /*! What happens with a caught exception's message; by default it goes to stderr and, once
        the event is over, into a message box over the active window. */
    using Reporter = std::function<void(const QString& message)>;

    GuardedApplication(int& argc, char** argv);

    void setReporter(Reporter reporter) { m_reporter = std::move(reporter); }
    /*! Exceptions caught so far. */
    int caughtCount() const { return m_caught; }

    bool notify(QObject* receiver, QEvent* event) override;

private:
    void report(const QString& message);

    Reporter m_reporter;
    int m_caught = 0;
};

} // namespace msb::app
