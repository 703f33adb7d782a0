// SPDX-License-Identifier: MIT
#include "app/classroom/lesson_page_text.h"

#include "core/kernel_notes.h"

#include <algorithm>
#include <cctype>

namespace msb::classroom {

msg::Page lessonPageMessage(const core::Lesson& lesson, int page, int position)
{
    const core::LessonPage& p = lesson.pages.at(static_cast<std::size_t>(page));
    msg::Page out;
    out.position = position;
    out.title =
        lesson.title + " \u00B7 page " + std::to_string(page + 1) + " of " + std::to_string(lesson.pages.size());
    out.body = p.narration;
    std::vector<std::string> ids;
    for (const auto& fact : p.facts) {
        // A bare number in "facts" is a K note (core/lesson_reader.cpp).
        const bool number = !fact.empty() && std::all_of(fact.begin(), fact.end(), [](char c) {
            return std::isdigit(static_cast<unsigned char>(c)) != 0;
        });
        ids.push_back(number ? "K" + fact : fact);
    }
    for (auto& id : core::citedKernelNotes(p.narration))
        ids.push_back(std::move(id));
    for (const auto& id : ids) {
        if (std::any_of(out.notes.begin(), out.notes.end(), [&](const msg::PageNote& n) { return n.id == id; }))
            continue;
        const core::KernelNote* note = core::findKernelNote(id);
        out.notes.push_back({id, note ? std::string(note->title) : std::string()});
    }
    return out;
}

} // namespace msb::classroom
