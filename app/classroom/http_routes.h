// SPDX-License-Identifier: MIT
// What the classroom host answers to an HTTP request, with no I/O: "/" is the follow page, "/NAME"
// an embedded file of app/web by exact name (never a path on disk), "/ws" the WebSocket follower;
// GET and HEAD only. Also the response headers every answer carries.
#pragma once

#include "app/web/embedded_files.h"

#include <string>
#include <string_view>

namespace msb::classroom {

inline constexpr std::string_view kFollowPage = "follow.html";
inline constexpr std::string_view kWebSocketPath = "/ws";

struct HttpRoute
{
    enum class Kind { File, WebSocket, BadRequest, NotFound, MethodNotAllowed, UpgradeRequired };
    Kind kind = Kind::NotFound;
    const web::EmbeddedFile* file = nullptr; // for File
    unsigned status() const;                 // 200, 101, 400, 404, 405, 426
};

/// target is the request-target as sent (origin form "/path?query"; anything else is a bad
/// request). Names are compared byte for byte: "%2e%2e", "..", "a/b" simply name no file.
HttpRoute routeHttpRequest(std::string_view method, std::string_view target, bool websocketUpgrade);

/// The Content-Security-Policy of every answer: only this host's scripts, styles (inline style
/// attributes allowed: the scene's SVG uses them), images and WebSocket; no frames, no forms
/// posted anywhere. host is the request's Host header, used only if it is a plain host[:port].
std::string contentSecurityPolicy(std::string_view host);

} // namespace msb::classroom
