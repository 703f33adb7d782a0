// SPDX-License-Identifier: MIT
// The one way the classroom's io-thread callbacks reach a Qt object (docs/architecture.md §7): a
// copy of the arguments is posted to the receiver with a queued invokeMethod, and the receiver is
// re-checked through a QPointer on the GUI thread, so nothing Qt is touched on the io thread and a
// callback posted just before the receiver went is dropped.
#pragma once

#include <QMetaObject>
#include <QObject>
#include <QPointer>

#include <utility>

namespace msb::app {

/// Runs fn(receiver) on receiver's (GUI) thread later; dropped if the receiver is gone by then.
template <typename Receiver, typename Fn>
void postToGui(Receiver* receiver, Fn fn)
{
    QMetaObject::invokeMethod(
        receiver,
        [guard = QPointer<Receiver>(receiver), fn = std::move(fn)]() mutable {
            if (guard)
                fn(guard.data());
        },
        Qt::QueuedConnection);
}

} // namespace msb::app
