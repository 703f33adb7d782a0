// SPDX-License-Identifier: MIT
#include "app/web/standalone_page.h"

#include "app/web/embedded_files.h"

#include <stdexcept>

namespace msb::web {

namespace {

std::string_view embedded(std::string_view name)
{
    const EmbeddedFile* file = findEmbeddedFile(name);
    if (!file)
        throw std::logic_error("the web viewer is not embedded: " + std::string(name));
    return file->bytes;
}

void replaceAll(std::string& text, std::string_view marker, std::string_view with)
{
    for (std::size_t at = text.find(marker); at != std::string::npos; at = text.find(marker, at + with.size()))
        text.replace(at, marker.size(), with);
}

} // namespace

std::string escapeHtml(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string escapeJsonForScript(std::string_view json)
{
    std::string out;
    out.reserve(json.size());
    for (char c : json) {
        if (c == '<')
            out += "\\u003c";
        else
            out += c;
    }
    return out;
}

std::string standalonePage(const ViewerPage& page)
{
    std::string data =
        "<script type=\"application/json\" id=\"msb-data\">" + escapeJsonForScript(page.dataJson) + "</script>\n";
    if (!page.sharedSvgDefs.empty()) {
        // Outside the templates, so the frames' <use> references resolve once a frame is shown.
        data += "<svg class=\"msb-shared\" width=\"0\" height=\"0\" aria-hidden=\"true\" "
                "style=\"position:absolute\" xmlns=\"http://www.w3.org/2000/svg\" "
                "xmlns:xlink=\"http://www.w3.org/1999/xlink\"><defs>"
            + page.sharedSvgDefs + "</defs></svg>\n";
    }
    for (std::size_t i = 0; i < page.svgFrames.size(); ++i) {
        data += "<template class=\"msb-frame\" data-position=\"" + std::to_string(i) + "\">";
        data += page.svgFrames[i];
        data += "</template>\n";
    }
    // Markers are replaced in order, the data last, so text inside the data is never scanned.
    std::string html(embedded("viewer.html"));
    replaceAll(html, "<!--MSB_TITLE-->", escapeHtml(page.title));
    replaceAll(html, "/*MSB_VIEWER_CSS*/", embedded("viewer.css"));
    replaceAll(html, "/*MSB_VIEWER_JS*/", embedded("viewer.js"));
    replaceAll(html, "<!--MSB_DATA-->", data);
    return html;
}

} // namespace msb::web
