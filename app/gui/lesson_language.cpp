// SPDX-License-Identifier: MIT
#include "app/gui/lesson_language.h"

#include <QLocale>

namespace msb::app {

std::string lessonLanguage()
{
    return QLocale().name().left(2).toStdString();
}

} // namespace msb::app
