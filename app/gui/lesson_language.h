// SPDX-License-Identifier: MIT
// The language the built-in lessons open in: the one the GUI speaks. QLocale() (the default
// locale, which a --lang option sets with QLocale::setDefault) rather than QLocale::system(), so
// the lessons follow whatever the GUI's own strings were translated to.
#pragma once

#include <string>

namespace msb::app {

/*! The two-letter language of QLocale() ("de", "en"), for core::loadBuiltinLesson(name, language),
    which falls back to English for a language without a translation. */
std::string lessonLanguage();

} // namespace msb::app
