// SPDX-License-Identifier: MIT
#pragma once

#include <QLocale>
#include <QString>

class QCoreApplication;

namespace msb::app {

/// The locale the UI speaks: `language` (--lang, e.g. "de") when given, else the system locale
/// (QLocale::system(): LANGUAGE, LC_ALL, LC_MESSAGES, LANG).
QLocale uiLocale(const QString& language);

/// Installs the app's translation for `locale` from the embedded :/i18n/migration-sandbox_<lang>.qm,
/// and Qt's own qtbase translation when Debian's qt6-translations-l10n is installed (the buttons of
/// QMessageBox, QDialogButtonBox). English needs none. True: the app's translation was found.
bool installTranslators(QCoreApplication& app, const QLocale& locale);

} // namespace msb::app
