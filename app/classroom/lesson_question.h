// SPDX-License-Identifier: MIT
// A lesson page's question as the classroom sends it (CheckpointEvent): its choices with the
// model's answer marked, so a follower without the lesson (the follow page, the CLI) can grade
// it. An open question becomes a choice list: a page count offers 0..max(4, answer + 1), a
// "which thread can step" question every set of threads and "none", an outcome question the
// usual outcomes. The teacher's app and `classroom host --lesson` both publish it.
#pragma once

#include "app/classroom/messages.h"
#include "core/lesson.h"

#include <optional>
#include <string>
#include <vector>

namespace msb::classroom {

/// The outcomes an outcome question offers when the lesson lists none.
const std::vector<std::string>& outcomeChoices();

/// The question of the runner's current page, asked at `position`; nullopt when it has none.
std::optional<CheckpointEvent> lessonQuestion(const core::LessonRunner& runner, int position);

} // namespace msb::classroom
