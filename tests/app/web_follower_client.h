// SPDX-License-Identifier: MIT
// A browser's side of the classroom without a browser, for tests: a WebSocket client (Boost.Beast)
// that sends the follow page's hello to /ws and folds what the host sends into a mirror of the
// session, as assets/web/follow.js does, plus every frame received. Runs on its own io thread;
// view() copies the state under a lock. Qt-free, so Qt's keywords never meet Boost's headers.
#pragma once

#include "app/classroom/protocol.h"

#include <cstdint>
#include <map>
#include <memory>
#include <string>

namespace msb::testing {

class WebFollowerClient
{
public:
    struct View
    {
        bool welcomed = false;
        std::string refusal; // the refused message's "why", empty unless refused
        bool closed = false;
        classroom::Snapshot mirror;
        std::map<int, std::string> frames;       // position -> "svg:<svg…>" or "text:…"
        std::map<int, std::string> frameLayouts; // position -> the frame's "layout" ("" for landscape)
        int ignored = 0;                         // events that did not fit the mirror (should stay 0)
    };

    /// layout: the hello's "layout" member ("portrait", "landscape"); empty: none sent.
    WebFollowerClient(
        const std::string& host, std::uint16_t port, const std::string& code, const std::string& layout = {});
    ~WebFollowerClient();
    WebFollowerClient(const WebFollowerClient&) = delete;
    WebFollowerClient& operator=(const WebFollowerClient&) = delete;

    View view() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace msb::testing
