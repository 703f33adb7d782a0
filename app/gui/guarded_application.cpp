// SPDX-License-Identifier: MIT
#include "app/gui/guarded_application.h"

#include "app/gui/translate.h"

#include <QMessageBox>
#include <QTimer>

#include <cstdio>
#include <exception>

namespace msb::app {

namespace {

void showMessage(const QString& message)
{
    std::fprintf(stderr, "migration-sandbox: internal error: %s\n", qPrintable(message));
    // Not from inside the failed event: the box gets its own turn of the event loop.
    QTimer::singleShot(0, qApp, [message] {
        auto* box = new QMessageBox(QMessageBox::Critical, tr("Internal error"),
            tr("Something went wrong inside Migration Sandbox, and the last action was stopped:\n\n%1\n\n"
               "Your session is still here. Saving a recording now is a good idea.")
                .arg(message),
            QMessageBox::Ok, QApplication::activeWindow());
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
}

} // namespace

GuardedApplication::GuardedApplication(int& argc, char** argv)
    : QApplication(argc, argv)
    , m_reporter(showMessage)
{
}

bool GuardedApplication::notify(QObject* receiver, QEvent* event)
{
    try {
        return QApplication::notify(receiver, event);
    } catch (const std::exception& e) {
        report(QString::fromLocal8Bit(e.what()));
    } catch (...) {
        report(tr("an unknown exception"));
    }
    return false;
}

void GuardedApplication::report(const QString& message)
{
    ++m_caught;
    // A reporter that throws would leave notify() with nothing to catch it.
    try {
        m_reporter(message);
    } catch (...) {
        std::fprintf(stderr, "migration-sandbox: internal error: %s\n", qPrintable(message));
    }
}

} // namespace msb::app
