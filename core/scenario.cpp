// SPDX-License-Identifier: MIT
#include "core/scenario.h"

#include <charconv>
#include <set>

namespace msb::core {

Result<std::vector<int>> parseSchedule(std::string_view text, const Scenario& scenario)
{
    std::vector<int> schedule;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto comma = text.find(',', start);
        std::string_view entry =
            text.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
        while (!entry.empty() && entry.front() == ' ')
            entry.remove_prefix(1);
        while (!entry.empty() && entry.back() == ' ')
            entry.remove_suffix(1);
        int thread = scenario.threadIndex(entry);
        if (thread < 0) {
            int number = 0;
            const auto [end, ec] = std::from_chars(entry.data(), entry.data() + entry.size(), number);
            if (ec == std::errc() && end == entry.data() + entry.size() && number >= 1
                && number <= static_cast<int>(scenario.threads.size()))
                thread = number - 1;
        }
        if (thread < 0) {
            std::string known;
            for (const auto& spec : scenario.threads)
                known += (known.empty() ? "" : ", ") + spec.name;
            return Error {{}, 0, 0, "--schedule",
                "entry " + std::to_string(schedule.size() + 1) + " \"" + std::string(entry) + "\" is not a thread of "
                    + scenario.name + " (threads: " + known + ", or 1-" + std::to_string(scenario.threads.size())
                    + ")"};
        }
        schedule.push_back(thread);
        if (comma == std::string_view::npos)
            break;
        start = comma + 1;
    }
    return schedule;
}

int Scenario::threadIndex(std::string_view threadName) const
{
    for (size_t i = 0; i < threads.size(); ++i) {
        if (threads[i].name == threadName)
            return static_cast<int>(i);
    }
    return -1;
}

Result<Scenario> validateScenario(Scenario scenario)
{
    auto fail = [](std::string field, std::string message) {
        return Error {{}, 0, 0, std::move(field), std::move(message)};
    };
    if (scenario.name.empty())
        return fail("name", "must not be empty");
    if (scenario.pages < 1 || scenario.pages > kMaxPages)
        return fail("pages", "must be between 1 and " + std::to_string(kMaxPages));
    if (scenario.threads.empty())
        return fail("threads", "needs at least one thread");
    if (scenario.threads.size() > static_cast<size_t>(kMaxThreads))
        return fail("threads", "at most " + std::to_string(kMaxThreads) + " threads are supported");
    std::set<std::string> names;
    bool hasFault = false;
    for (size_t i = 0; i < scenario.threads.size(); ++i) {
        const auto& thread = scenario.threads[i];
        const std::string at = "threads[" + std::to_string(i) + "]";
        if (thread.name.empty() || thread.name.size() > 16)
            return fail(at + ".name", "must be 1 to 16 characters");
        if (!names.insert(thread.name).second)
            return fail(at + ".name", "duplicate thread name '" + thread.name + "'");
        if (thread.pages.empty())
            return fail(at + ".pages", "needs at least one page");
        if (thread.kind == ThreadKind::Holder && thread.pages.size() != 1)
            return fail(at + ".pages", "a holder holds exactly one page");
        if (thread.pages.size() > static_cast<size_t>(kMaxAccessesPerThread))
            return fail(at + ".pages", "at most " + std::to_string(kMaxAccessesPerThread) + " accesses per thread");
        for (size_t p = 0; p < thread.pages.size(); ++p) {
            if (thread.pages[p] < 0 || thread.pages[p] >= scenario.pages)
                return fail(at + ".pages[" + std::to_string(p) + "]",
                    "page " + std::to_string(thread.pages[p]) + " does not exist (the scenario has "
                        + std::to_string(scenario.pages) + ")");
        }
        hasFault = hasFault || thread.kind == ThreadKind::Fault;
    }
    if (!hasFault)
        return fail("threads", "needs at least one faulting CPU thread");
    return scenario;
}

Scenario makeNFaults(int threads, int pages)
{
    Scenario scenario;
    scenario.name = "n-faults";
    scenario.title = std::to_string(threads) + " threads x " + std::to_string(pages) + " pages";
    scenario.description = "Every thread touches every page in order; all pages start on the device.";
    scenario.pages = pages;
    for (int t = 0; t < threads; ++t) {
        ThreadSpec spec;
        spec.name = "T" + std::to_string(t + 1);
        for (int p = 0; p < pages; ++p)
            spec.pages.push_back(p);
        scenario.threads.push_back(std::move(spec));
    }
    return scenario;
}

} // namespace msb::core
