// SPDX-License-Identifier: MIT
#include "app/gui/app_translator.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace msb::app {

QLocale uiLocale(const QString& language)
{
    return language.isEmpty() ? QLocale::system() : QLocale(language);
}

bool installTranslators(QCoreApplication& app, const QLocale& locale)
{
    QLocale::setDefault(locale);
    auto* qt = new QTranslator(&app);
    if (qt->load(
            locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    auto* own = new QTranslator(&app);
    if (!own->load(locale, QStringLiteral("migration-sandbox"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        delete own;
        return false;
    }
    QCoreApplication::installTranslator(own);
    return true;
}

} // namespace msb::app
