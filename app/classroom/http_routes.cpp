// SPDX-License-Identifier: MIT
#include "app/classroom/http_routes.h"

#include <algorithm>

namespace msb::classroom {

unsigned HttpRoute::status() const
{
    switch (kind) {
    case Kind::File:
        return 200;
    case Kind::WebSocket:
        return 101;
    case Kind::BadRequest:
        return 400;
    case Kind::NotFound:
        return 404;
    case Kind::MethodNotAllowed:
        return 405;
    case Kind::UpgradeRequired:
        return 426;
    }
    return 500;
}

HttpRoute routeHttpRequest(std::string_view method, std::string_view target, bool websocketUpgrade)
{
    using Kind = HttpRoute::Kind;
    // Origin form only: no absolute URI ("http://..."), no authority or asterisk form.
    if (target.empty() || target.front() != '/')
        return {Kind::BadRequest};
    const std::string_view path = target.substr(0, target.find('?'));
    if (websocketUpgrade) {
        if (method != "GET")
            return {Kind::BadRequest};
        return {path == kWebSocketPath ? Kind::WebSocket : Kind::NotFound};
    }
    if (method != "GET" && method != "HEAD")
        return {Kind::MethodNotAllowed};
    if (path == kWebSocketPath)
        return {Kind::UpgradeRequired};
    const std::string_view name = path == "/" ? kFollowPage : path.substr(1);
    const web::EmbeddedFile* file = web::findEmbeddedFile(name);
    if (!file)
        return {Kind::NotFound};
    return {Kind::File, file};
}

std::string contentSecurityPolicy(std::string_view host)
{
    const bool plain = !host.empty() && host.size() <= 255 && std::all_of(host.begin(), host.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-'
            || c == ':' || c == '[' || c == ']';
    });
    // 'self' covers ws:// of the same origin in current browsers; naming it helps older ones.
    const std::string socket = plain ? " ws://" + std::string(host) : std::string();
    return "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
           "connect-src 'self'"
        + socket + "; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
}

} // namespace msb::classroom
