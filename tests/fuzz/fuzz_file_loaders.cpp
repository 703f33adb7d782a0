// SPDX-License-Identifier: MIT
// libFuzzer target for the file loaders a user feeds by hand: scenarios, recordings and lessons
// (docs/architecture.md §5: every loader rejects bad input with a clear error and never crashes).
// Properties besides "no crash, no sanitizer report":
//   - an error always carries a message;
//   - a scenario or recording that loads writes back to JSON that loads to the same value;
//   - a recording that loads can be replayed against the model (verifyRecording never throws
//     for a recording that passed the loader);
//   - a lesson that loads can be walked (every checkpoint answered) and each of its recording
//     segments replays identically;
//   - parseDocument (what the app opens files with) agrees with the loader its format names.
#include "core/document_io.h"
#include "core/lesson.h"
#include "core/recording.h"
#include "core/scenario_io.h"

#include <cstdint>
#include <cstdlib>
#include <string>

using namespace msb::core;

namespace {

template <typename T>
void requireMessage(const Result<T>& result)
{
    if (!result.ok() && result.error().message.empty())
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);

    const auto scenario = parseScenario(text, "fuzz.json");
    requireMessage(scenario);
    if (scenario.ok()) {
        const auto again = parseScenario(scenarioToJson(scenario.value()), "again.json");
        if (!again.ok() || !(again.value() == scenario.value()))
            std::abort();
    }

    const auto recording = parseRecording(text, "fuzz.msrec.json");
    requireMessage(recording);
    if (recording.ok()) {
        const auto again = parseRecording(recordingToJson(recording.value()), "again.msrec.json");
        if (!again.ok() || !(again.value() == recording.value()))
            std::abort();
        (void)verifyRecording(recording.value());
    }

    const auto lesson = parseLesson(text, "fuzz.lesson.json");
    requireMessage(lesson);
    if (lesson.ok()) {
        LessonRunner runner(lesson.value());
        for (int page = 0; page < runner.pageCount(); ++page)
            (void)runner.checkAnswer(page, "T1");
        for (int segment = 0; segment < lessonSegmentCount(lesson.value()); ++segment) {
            if (!verifyRecording(lessonRecording(lesson.value(), segment)).identical)
                std::abort();
        }
    }

    const auto document = parseDocument(text, "fuzz.json");
    requireMessage(document);
    if (document.ok() != (scenario.ok() || recording.ok() || lesson.ok()))
        std::abort();
    return 0;
}
