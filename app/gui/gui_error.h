// SPDX-License-Identifier: MIT
// The GUI's side of the one error type (core/result.h, docs/architecture.md §8): a command or a
// write that can fail returns core::Result<T> (Result<void> when there is no value), never an
// empty-string-means-OK or a bool with a QString out-parameter; the text is made at the edge
// that shows it (a status bar, a dialog, stderr).
#pragma once

#include "core/result.h"

#include <QString>

namespace msb::app {

/*! An Error with only a message, for failures the GUI words itself (already through tr()). */
inline core::Error guiError(const QString& message)
{
    return core::errorMessage(message.toStdString());
}

/*! The one line a user reads: "file:line: field: message" with the unknown parts left out. */
inline QString errorText(const core::Error& error)
{
    return QString::fromStdString(error.toString());
}

/*! The error's text, or an empty string for success (for tests and logs). */
template <typename T>
QString errorText(const core::Result<T>& result)
{
    return result ? QString() : errorText(result.error());
}

} // namespace msb::app
