// SPDX-License-Identifier: MIT
// One self-contained viewer page: viewer.html with viewer.css and viewer.js inlined and the data
// (a JSON blob and one <template> per SVG frame) in place, so it opens offline from a file.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace msb::web {

struct ViewerPage
{
    std::string title;                  // plain text; escaped here
    std::string dataJson;               // the viewer's data (see assets/web/viewer.js); escaped here
    std::vector<std::string> svgFrames; // one <svg> element per position, frame i = position i
    std::string sharedSvgDefs;          // elements the frames <use> by id, placed once in the page
};

/// Text safe inside HTML element content and attribute values.
std::string escapeHtml(std::string_view text);
/// JSON text safe inside <script type="application/json">: every '<' becomes \u003c, so neither
/// "</script>" nor "<!--" can end or confuse the element (still the same JSON value).
std::string escapeJsonForScript(std::string_view json);

std::string standalonePage(const ViewerPage& page);

} // namespace msb::web
