// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>
#include <QString>

namespace msb::app {

/// tr() for free functions of msb::app. lupdate files a tr() call outside a class under the
/// enclosing namespace, so this looks the text up under that same context; inside a QObject's
/// member the class's own tr() is found first.
inline QString tr(const char* sourceText, const char* disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("msb::app", sourceText, disambiguation, n);
}

} // namespace msb::app
