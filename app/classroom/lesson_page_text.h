// SPDX-License-Identifier: MIT
// A lesson page as the classroom sends it (msg::Page): the lesson's title and the page number,
// the page's narration, and the kernel notes it cites (its "facts" and the IDs in its text) with
// their one-line titles from docs/kernel/notes.md (core/kernel_notes.h).
#pragma once

#include "app/classroom/messages.h"
#include "core/lesson.h"

namespace msb::classroom {

/// page indexes lesson.pages; position is where the page opens in the session.
msg::Page lessonPageMessage(const core::Lesson& lesson, int page, int position);

} // namespace msb::classroom
