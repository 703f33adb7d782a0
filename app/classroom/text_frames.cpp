// SPDX-License-Identifier: MIT
#include "app/classroom/text_frames.h"

#include "core/outcome.h"
#include "core/scenario.h"
#include "core/simulator.h"

#include <algorithm>
#include <exception>
#include <sstream>

namespace msb::classroom {

namespace {

std::string threadName(const core::Simulator& sim, int thread)
{
    return thread == core::kNobody ? "-" : sim.scenario().threads[static_cast<std::size_t>(thread)].name;
}

void describeState(const core::Simulator& sim, std::ostringstream& out)
{
    const core::State& state = sim.state();
    const core::Model& model = sim.model();
    for (int p = 0; p < model.pageCount(); ++p) {
        const core::PageState& page = state.pages[static_cast<std::size_t>(p)];
        std::string waiters;
        for (int t = 0; t < model.threadCount(); ++t) {
            if (state.threads[static_cast<std::size_t>(t)].queued && model.currentPage(state, t) == p)
                waiters.append(waiters.empty() ? "" : ",").append(threadName(sim, t));
        }
        out << "X" << p << ": PTE=" << core::pteText(page.pte, p) << "  page_count(D" << p
            << ")=" << model.kernelPageCount(page.dRef) << "  PG_locked(D" << p
            << ")=" << threadName(sim, page.dLockOwner) << "  waiters=" << (waiters.empty() ? "-" : waiters)
            << (page.dFree ? "  D" + std::to_string(p) + " free" : "") << '\n';
    }
    out << "PTL: " << threadName(sim, state.ptlOwner) << '\n';
    for (int t = 0; t < model.threadCount(); ++t) {
        out << threadName(sim, t) << ": ";
        if (model.threadFinished(state, t))
            out << "finished";
        else if (sim.canStep(t))
            out << "can step";
        else
            out << sim.blockedReason(t);
        out << '\n';
    }
    out << "outcome: " << core::outcomeName(sim.status());
    if (state.flags & core::FlagLostUpdate)
        out << ", lost update";
    if (state.flags & core::FlagStalePageUse)
        out << ", stale page use";
    out << '\n';
}

} // namespace

std::string renderPositionText(const Snapshot& snapshot, int position)
{
    std::ostringstream out;
    if (!snapshot.hasSession)
        return "no scenario yet\n";
    core::Simulator sim(snapshot.scenario, snapshot.settings);
    const int end = std::min(position, static_cast<int>(snapshot.steps.size()));
    try {
        for (int i = 0; i < end; ++i) {
            const StepEvent& step = snapshot.steps[static_cast<std::size_t>(i)];
            const auto record = sim.step(step.thread);
            if (!record) {
                out << "step " << i + 1 << " does not replay here: " << record.error().message << '\n';
                return out.str();
            }
        }
    } catch (const std::exception& error) { // a model invariant broke: show it, never take the host down
        out << "the schedule does not replay: " << error.what() << '\n';
        return out.str();
    }
    out << snapshot.scenario.name << " under " << core::presetNameFor(snapshot.settings) << ", after " << end
        << (end == 1 ? " step" : " steps");
    if (end > 0) {
        const core::StepRecord& last = sim.history().back();
        const auto& info = core::stepInfo(last.id);
        out << " (last: " << threadName(sim, last.thread) << ' ' << info.id << "  " << info.text << ')';
    }
    out << "\n\n";
    describeState(sim, out);
    return out.str();
}

} // namespace msb::classroom
