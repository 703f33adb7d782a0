// SPDX-License-Identifier: MIT
#include "core/simulator.h"

#include "core/invariant.h"

#include <bit>

namespace msb::core {

Simulator::Simulator(Scenario scenario, Settings settings)
    : m_model(std::move(scenario), settings)
{
    m_states.push_back(m_model.initialState());
}

std::vector<int> Simulator::schedule() const
{
    std::vector<int> out;
    out.reserve(m_position);
    for (int i = 0; i < m_position; ++i)
        out.push_back(m_steps[i].thread);
    return out;
}

bool Simulator::canStep(int thread) const
{
    return thread >= 0 && thread < m_model.threadCount() && m_model.enabled(state(), thread);
}

StepRecord Simulator::record(int thread, StepId id, const State& before, const State& after) const
{
    StepRecord rec;
    rec.thread = thread;
    rec.id = id;
    rec.page = m_model.currentPage(before, thread);
    // Counts as the kernel of these settings reports them (zero-based from v5.18, K29).
    rec.refBefore = m_model.kernelPageCount(before.pages[rec.page].dRef);
    rec.refAfter = m_model.kernelPageCount(after.pages[rec.page].dRef);
    rec.hash = m_model.hash(after);
    const auto& p = before.pages[rec.page];
    const std::string d = "D" + std::to_string(rec.page);
    const std::string count = std::to_string(m_model.kernelPageCount(p.dRef));
    switch (id) {
    case StepId::M7:
    case StepId::M7Fail:
        if (m_model.settings().check == CheckPolicy::SkipDevicePrivate) {
            rec.note = "device-private: count not checked (page_count(" + d + ") = " + count + ")";
        } else {
            const int expected = m_model.kernelPageCount(m_model.expectedCountAtCheck(before, rec.page));
            rec.note = "page_count(" + d + ") = " + count + (id == StepId::M7 ? " == " : " != ") + "expected "
                + std::to_string(expected);
        }
        break;
    case StepId::M5:
    case StepId::M5Fail:
        if (m_model.settings().precopyCheck == PrecopyCheck::On)
            rec.note = "page_count(" + d + ") = " + count + ", allowed " + std::to_string(m_model.precopyExtra())
                + " + mapcount " + std::to_string(p.dMapcount);
        else
            rec.note = "device-private page: no count test before the copy";
        break;
    case StepId::M2:
        if (p.dLockOwner == thread)
            rec.note = "the fault page: do_swap_page already holds PG_locked(" + d + "), no second trylock";
        break;
    case StepId::M1:
        if (after.flags & FlagStalePageUse && !(before.flags & FlagStalePageUse))
            rec.note = "STALE: " + d + " was already back in the driver pool";
        break;
    case StepId::M1Skip:
        if (after.flags & FlagStalePageUse && !(before.flags & FlagStalePageUse))
            rec.note = "STALE: " + d + "'s migrate_to_ram called after " + d + " was freed to the driver pool";
        break;
    case StepId::M8Commit:
        if (after.flags & FlagLostUpdate && !(before.flags & FlagLostUpdate))
            rec.note =
                "LOST UPDATE: S has version " + std::to_string(p.sData) + ", " + d + " has " + std::to_string(p.dData);
        break;
    case StepId::H2:
        if (after.flags & FlagLostUpdate && !(before.flags & FlagLostUpdate))
            rec.note = "LOST UPDATE: the PTE maps S, nobody will see this write";
        break;
    case StepId::M8Put:
    case StepId::W4:
    case StepId::H3:
        if (after.pages[rec.page].dFree && !p.dFree)
            rec.note = d + " freed to the driver pool";
        break;
    case StepId::M8RPut:
    case StepId::U3Put:
    case StepId::M2Give:
        if (after.flags & FlagSigbus)
            rec.note = "driver returns VM_FAULT_SIGBUS";
        break;
    default:
        break;
    }
    return rec;
}

Result<StepRecord> Simulator::step(int thread)
{
    if (thread < 0 || thread >= m_model.threadCount())
        return Error {{}, 0, 0, "thread", "no thread number " + std::to_string(thread + 1)};
    if (!m_model.enabled(state(), thread)) {
        return Error {
            {}, 0, 0, "thread", m_model.scenario().threads[thread].name + " cannot step: " + blockedReason(thread)};
    }
    State next = state();
    StepId id;
    try {
        id = m_model.apply(next, thread);
    } catch (const InvariantViolation& violation) {
        throw InvariantViolation("at step " + std::to_string(m_position + 1) + ": " + violation.what());
    }
    StepRecord rec = record(thread, id, state(), next);
    const bool sameAsRedo =
        m_position < historySize() && m_steps[m_position].thread == thread && m_steps[m_position].hash == rec.hash;
    if (!sameAsRedo) {
        m_steps.resize(m_position);
        m_states.resize(m_position + 1);
        m_steps.push_back(rec);
        m_states.push_back(next);
    }
    ++m_position;
    return rec;
}

bool Simulator::undo()
{
    if (m_position == 0)
        return false;
    --m_position;
    return true;
}

bool Simulator::redo()
{
    if (m_position >= historySize())
        return false;
    ++m_position;
    return true;
}

void Simulator::jumpTo(int position)
{
    MSB_INVARIANT(position >= 0 && position <= historySize()) << "jump to " << position;
    m_position = position;
}

void Simulator::reset()
{
    m_states.resize(1);
    m_steps.clear();
    m_position = 0;
}

Result<int> Simulator::replay(const std::vector<int>& schedule)
{
    reset();
    for (size_t i = 0; i < schedule.size(); ++i) {
        auto result = step(schedule[i]);
        if (!result) {
            Error error = result.error();
            error.field = "schedule[" + std::to_string(i) + "]";
            return error;
        }
    }
    return static_cast<int>(schedule.size());
}

int Simulator::changeSettings(const Settings& settings)
{
    std::vector<int> all;
    for (const auto& rec : m_steps)
        all.push_back(rec.thread);
    const int oldPosition = m_position;
    m_model = Model(m_model.scenario(), settings);
    reset();
    int replayed = 0;
    for (int thread : all) {
        if (!step(thread))
            break; // the rest no longer applies under the new settings
        ++replayed;
    }
    m_position = std::min(oldPosition, replayed);
    return replayed;
}

std::optional<int> Simulator::repeatsPosition() const
{
    const State& now = state();
    for (int i = 0; i < m_position; ++i) {
        if (m_states[i] == now)
            return i;
    }
    return std::nullopt;
}

std::string Simulator::describe(const StepRecord& rec) const
{
    const StepInfo& info = stepInfo(rec.id);
    std::string out =
        m_model.scenario().threads[rec.thread].name + " " + std::string(info.id) + ": " + std::string(info.text);
    if (rec.refAfter != rec.refBefore) {
        const int delta = rec.refAfter - rec.refBefore;
        out += " [D" + std::to_string(rec.page) + " " + (delta > 0 ? "+" : "") + std::to_string(delta) + "]";
    }
    if (!rec.note.empty())
        out += " (" + rec.note + ")";
    return out;
}

int RoundRobinScheduler::pick(std::uint32_t enabledMask)
{
    MSB_INVARIANT(enabledMask != 0) << "round-robin pick with no enabled thread";
    for (int i = 1; i <= 32; ++i) {
        const int candidate = (m_last + i) % 32;
        if (enabledMask & (1u << candidate)) {
            m_last = candidate;
            return candidate;
        }
    }
    return -1;
}

std::uint64_t RandomScheduler::next()
{
    std::uint64_t z = (m_state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

int RandomScheduler::pick(std::uint32_t enabledMask)
{
    MSB_INVARIANT(enabledMask != 0) << "random pick with no enabled thread";
    const int count = std::popcount(enabledMask);
    int chosen = static_cast<int>(next() % static_cast<std::uint64_t>(count));
    for (int t = 0; t < 32; ++t) {
        if (enabledMask & (1u << t)) {
            if (chosen == 0)
                return t;
            --chosen;
        }
    }
    return -1;
}

int runScheduler(Simulator& simulator, Scheduler& scheduler, int maxSteps)
{
    int taken = 0;
    while (taken < maxSteps && simulator.status() == Outcome::Running) {
        const std::uint32_t mask = simulator.model().enabledMask(simulator.state());
        if (!simulator.step(scheduler.pick(mask)))
            break; // the scheduler picks from the enabled mask, so this is a broken invariant
        ++taken;
    }
    return taken;
}

} // namespace msb::core
