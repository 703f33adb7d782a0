// SPDX-License-Identifier: MIT
// The pair search and the paired replays of kernel_diff.h.
#include "core/kernel_diff.h"

#include "core/counterexample.h"
#include "core/memory_budget.h"
#include "core/outcome.h"
#include "core/state_store.h"

#include <algorithm>
#include <chrono>
#include <utility>

namespace msb::core {

SideOutcome sideOutcome(const Model& model, const State& state)
{
    return {model.status(state), (state.flags & FlagLostUpdate) != 0, (state.flags & FlagStalePageUse) != 0};
}

std::string sideOutcomeText(const SideOutcome& outcome)
{
    std::string text(outcomeName(outcome.status));
    const auto flags = static_cast<std::uint8_t>(
        (outcome.lostUpdate ? FlagLostUpdate : 0) | (outcome.stalePageUse ? FlagStalePageUse : 0));
    for (const auto& flag : flagNames(flags))
        text += ", " + flag;
    return text;
}

std::optional<int> PairedReplay::firstDivergence() const
{
    for (std::size_t i = 0; i < steps.size(); ++i) {
        if (steps[i].diverged)
            return static_cast<int>(i);
    }
    return std::nullopt;
}

namespace {

enum class Move : std::uint8_t { Step, Stutter, Blocked };

/// One side's state as the choices see it: computed once per state, not once per thread.
struct SideView
{
    bool ended;            // status != Running: every choice stutters
    std::uint32_t enabled; // Model::enabledMask
};

SideView viewOf(const Model& model, const State& state)
{
    return {model.status(state) != Outcome::Running, model.enabledMask(state)};
}

/// What a choice of `thread` does on one side (the stuttering of kernel_diff.h's header).
Move moveOf(const Model& model, const State& state, const SideView& view, int thread)
{
    if (view.ended || model.threadFinished(state, thread))
        return Move::Stutter;
    return (view.enabled >> thread & 1) ? Move::Step : Move::Blocked;
}

Move moveOf(const Model& model, const State& state, int thread)
{
    return moveOf(model, state, viewOf(model, state), thread);
}

/// A paired replay built one choice at a time (replayPaired and the livelock rounds).
class PairedRunner
{
public:
    PairedRunner(const Model& a, const Model& b)
        : m_a(a)
        , m_b(b)
    {
        m_replay.stateA = a.initialState();
        m_replay.stateB = b.initialState();
        updateEnds();
    }

    /// Runs one choice; false (and nothing runs any more) when it is blocked on a side.
    bool choose(int thread)
    {
        if (m_replay.blockedAt)
            return false;
        if (thread < 0 || thread >= m_a.threadCount()) {
            block(0, "there is no thread " + std::to_string(thread));
            return false;
        }
        const Move moveA = moveOf(m_a, m_replay.stateA, thread);
        const Move moveB = moveOf(m_b, m_replay.stateB, thread);
        if (moveA == Move::Blocked || moveB == Move::Blocked) {
            const bool onA = moveA == Move::Blocked;
            block(onA ? 0 : 1, (onA ? m_a : m_b).blockedReason(onA ? m_replay.stateA : m_replay.stateB, thread));
            return false;
        }
        PairedStep step;
        step.thread = thread;
        if (moveA == Move::Step) {
            step.stepA = m_a.apply(m_replay.stateA, thread);
            m_replay.scheduleA.push_back(thread);
        }
        if (moveB == Move::Step) {
            step.stepB = m_b.apply(m_replay.stateB, thread);
            m_replay.scheduleB.push_back(thread);
        }
        step.diverged = step.stepA != step.stepB || !(m_replay.stateA == m_replay.stateB);
        m_replay.steps.push_back(step);
        updateEnds();
        return true;
    }

    const PairedReplay& replay() const { return m_replay; }
    PairedReplay take() { return std::move(m_replay); }

private:
    void block(int side, std::string reason)
    {
        m_replay.blockedAt = static_cast<int>(m_replay.steps.size());
        m_replay.blockedSide = side;
        m_replay.blockedReason = std::move(reason);
    }
    void updateEnds()
    {
        m_replay.endA = sideOutcome(m_a, m_replay.stateA);
        m_replay.endB = sideOutcome(m_b, m_replay.stateB);
    }

    const Model& m_a;
    const Model& m_b;
    PairedReplay m_replay;
};

using Clock = std::chrono::steady_clock;

/// Breadth-first search over pairs of states joined by the same choice. Each pair is stored once
/// as the two packed states side by side; ids are dense in insertion order, so the BFS queue is a
/// cursor over the ids and the parent links (counterexample.h's parentLink) give the schedule.
class PairSearch
{
public:
    PairSearch(const Model& a, const Model& b, const KernelDiffOptions& options, KernelDiff& diff)
        : m_a(a)
        , m_b(b)
        , m_options(options)
        , m_diff(diff)
        , m_threads(a.threadCount())
        , m_words(packing::wordsFor(a.pageCount(), a.threadCount()))
        , m_packer(a.pageCount(), a.threadCount(), m_words)
        , m_maxPairs(std::min<std::uint64_t>(std::max<std::uint64_t>(options.explore.maxStates, 1), kMaxPairs))
        , m_budget(options.explore.memoryBudget.value_or(defaultMemoryBudget()))
    {
        m_table.assign(1024, 0);
        m_diff.memoryBudget = m_budget;
    }

    void run()
    {
        const auto start = Clock::now();
        insert(m_a.initialState(), m_b.initialState(), 0, 0);
        std::uint32_t outcomeAt = kNone;
        std::uint32_t partingAt = kNone;
        int partingThread = 0;
        for (std::uint64_t id = 0; id < size(); ++id) {
            if ((id & 1023) == 1023 && m_options.explore.cancel
                && m_options.explore.cancel->load(std::memory_order_relaxed)) {
                m_cancelled = true;
                break;
            }
            State a;
            State b;
            m_packer.unpack(key(id), a);
            m_packer.unpack(key(id) + m_words, b);
            const SideOutcome outA = sideOutcome(m_a, a);
            const SideOutcome outB = sideOutcome(m_b, b);
            if (outA.status != Outcome::Running && outB.status != Outcome::Running && !(outA == outB)) {
                outcomeAt = static_cast<std::uint32_t>(id);
                break; // every pair nearer than this one was expanded: the schedule is a shortest one
            }
            const SideView viewA {outA.status != Outcome::Running, m_a.enabledMask(a)};
            const SideView viewB {outB.status != Outcome::Running, m_b.enabledMask(b)};
            for (int t = 0; t < m_threads; ++t) {
                const Move moveA = moveOf(m_a, a, viewA, t);
                const Move moveB = moveOf(m_b, b, viewB, t);
                if (moveA == Move::Blocked || moveB == Move::Blocked) {
                    if (partingAt == kNone && (moveA == Move::Step || moveB == Move::Step)) {
                        partingAt = static_cast<std::uint32_t>(id);
                        partingThread = t;
                    }
                    continue;
                }
                if (moveA == Move::Stutter && moveB == Move::Stutter)
                    continue;
                State nextA = a;
                State nextB = b;
                if (moveA == Move::Step)
                    m_a.apply(nextA, t);
                if (moveB == Move::Step)
                    m_b.apply(nextB, t);
                ++m_diff.pairTransitions;
                insert(nextA, nextB, static_cast<std::uint32_t>(id), t);
            }
        }
        m_diff.pairStates = size();
        m_diff.complete = !m_cancelled && !m_dropped;
        m_diff.stoppedBy = m_cancelled ? ExploreStop::Cancelled : m_dropped ? m_fullReason : ExploreStop::None;
        if (outcomeAt != kNone) {
            m_diff.outcomeSchedule = scheduleTo(outcomeAt);
            m_diff.outcome = replayPaired(m_a, m_b, *m_diff.outcomeSchedule);
        }
        if (partingAt != kNone) {
            m_diff.partingSchedule = scheduleTo(partingAt);
            m_diff.partingThread = partingThread;
        }
        m_diff.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    }

private:
    static constexpr std::uint32_t kNone = StateStore::kNone;
    // parentLink keeps the parent id in 28 bits.
    static constexpr std::uint64_t kMaxPairs = (std::uint64_t {1} << (32 - kLinkThreadBits)) - 1;
    static constexpr std::uint64_t kBoundStep = 4096;

    std::uint64_t size() const { return m_parents.size(); }
    const std::uint64_t* key(std::uint64_t id) const { return m_keys.data() + id * 2 * m_words; }

    /// What the search holds at `pairs` pairs, counting a doubling of each vector still ahead.
    std::uint64_t projectedBytes(std::uint64_t pairs) const
    {
        std::uint64_t table = m_table.size();
        while (pairs * 2 > table)
            table *= 2;
        return 2 * pairs * (2 * m_words * sizeof(std::uint64_t) + sizeof(std::uint32_t))
            + table * sizeof(std::uint32_t);
    }

    void checkBounds()
    {
        if (size() >= m_maxPairs) {
            m_full = true;
            m_fullReason = ExploreStop::MaxStates;
        } else if (projectedBytes(size() + kBoundStep) > m_budget) {
            m_full = true;
            m_fullReason = ExploreStop::MemoryBudget;
        } else {
            m_nextBoundCheck = std::min(m_maxPairs, size() + kBoundStep);
        }
    }

    void insert(const State& a, const State& b, std::uint32_t parent, int thread)
    {
        std::array<std::uint64_t, 2 * PackedState::kWords> packed {};
        m_packer.pack(a, packed.data());
        m_packer.pack(b, packed.data() + m_words);
        const int words = 2 * m_words;
        const std::uint64_t hash = storeHash(packed.data(), words);
        const std::uint64_t mask = m_table.size() - 1;
        std::uint64_t slot = hash & mask;
        for (; m_table[slot] != 0; slot = (slot + 1) & mask) {
            if (std::equal(packed.begin(), packed.begin() + words, key(m_table[slot] - 1)))
                return;
        }
        if (m_full) {
            m_dropped = true;
            return;
        }
        const auto id = static_cast<std::uint32_t>(size());
        m_keys.insert(m_keys.end(), packed.begin(), packed.begin() + words);
        m_parents.push_back(id == 0 ? 0 : parentLink(parent, thread));
        m_table[slot] = id + 1;
        if (size() * 2 > m_table.size())
            grow();
        if (size() >= m_nextBoundCheck)
            checkBounds();
    }

    void grow()
    {
        std::vector<std::uint32_t> table(m_table.size() * 2, 0);
        const std::uint64_t mask = table.size() - 1;
        for (std::uint64_t id = 0; id < size(); ++id) {
            std::uint64_t slot = storeHash(key(id), 2 * m_words) & mask;
            while (table[slot] != 0)
                slot = (slot + 1) & mask;
            table[slot] = static_cast<std::uint32_t>(id + 1);
        }
        m_table = std::move(table);
    }

    std::vector<int> scheduleTo(std::uint32_t id) const
    {
        std::vector<int> schedule;
        while (id != 0) {
            const std::uint32_t link = m_parents[id];
            schedule.push_back(static_cast<int>(link & ((1u << kLinkThreadBits) - 1)));
            id = link >> kLinkThreadBits;
        }
        std::reverse(schedule.begin(), schedule.end());
        return schedule;
    }

    const Model& m_a;
    const Model& m_b;
    const KernelDiffOptions& m_options;
    KernelDiff& m_diff;
    int m_threads;
    int m_words;
    StatePacker m_packer;
    std::uint64_t m_maxPairs;
    std::uint64_t m_budget;
    std::uint64_t m_nextBoundCheck = 0;
    std::vector<std::uint64_t> m_keys;    // 2 x m_words a pair
    std::vector<std::uint32_t> m_parents; // parentLink(parent, thread); the root links to itself
    std::vector<std::uint32_t> m_table;   // id + 1, 0 = empty; linear probing, load <= 1/2
    bool m_full = false;
    bool m_dropped = false;
    bool m_cancelled = false;
    ExploreStop m_fullReason = ExploreStop::None;
};

/// The livelocking side's lasso replayed round after round on both sides.
LivelockDiff replayLivelock(const Model& a, const Model& b, int side, const Counterexample& lasso, int maxRounds)
{
    LivelockDiff diff;
    diff.livelockSide = side;
    diff.livelock = lasso;
    PairedRunner runner(a, b);
    auto run = [&](const std::vector<TraceStep>& steps) {
        for (const TraceStep& step : steps) {
            if (!runner.choose(step.thread))
                return false;
            diff.schedule.push_back(step.thread);
        }
        return true;
    };
    auto other = [&]() -> const State& { return side == 0 ? runner.replay().stateB : runner.replay().stateA; };
    auto otherEnded = [&] {
        return (side == 0 ? runner.replay().endB : runner.replay().endA).status != Outcome::Running;
    };
    diff.end = LivelockReplayEnd::Rounds;
    std::vector<State> roundStarts;
    if (!run(lasso.prefix)) {
        diff.end = LivelockReplayEnd::Blocked;
    } else {
        while (diff.rounds < maxRounds) {
            if (otherEnded()) {
                diff.end = LivelockReplayEnd::Ends;
                break;
            }
            if (!roundStarts.empty() && roundStarts.back() == other()) {
                diff.end = LivelockReplayEnd::Stalls; // no state changed in the last round: it took no step
                break;
            }
            if (std::find(roundStarts.begin(), roundStarts.end(), other()) != roundStarts.end()) {
                diff.end = LivelockReplayEnd::Repeats;
                break;
            }
            roundStarts.push_back(other());
            ++diff.rounds;
            if (!run(lasso.cycle)) {
                diff.end = LivelockReplayEnd::Blocked;
                break;
            }
        }
    }
    diff.replay = runner.take();
    return diff;
}

} // namespace

PairedReplay replayPaired(const Model& a, const Model& b, const std::vector<int>& schedule)
{
    PairedRunner runner(a, b);
    for (const int thread : schedule) {
        if (!runner.choose(thread))
            break;
    }
    return runner.take();
}

bool KernelDiff::indistinguishable() const
{
    return complete && !outcomeSchedule && exploreA.complete && exploreB.complete
        && exploreA.livelock == exploreB.livelock;
}

KernelDiff diffKernels(const Model& a, const Model& b, const KernelDiffOptions& options)
{
    KernelDiff diff;
    PairSearch(a, b, options, diff).run();
    diff.exploreA = explore(a, options.explore);
    diff.exploreB = explore(b, options.explore);
    // A livelock found on one side is real; its absence counts only when that side is complete.
    for (int side = 0; side < 2; ++side) {
        const ExploreResult& mine = side == 0 ? diff.exploreA : diff.exploreB;
        const ExploreResult& theirs = side == 0 ? diff.exploreB : diff.exploreA;
        const auto& lasso = mine.counterexample(Outcome::Livelock);
        if (lasso && !theirs.livelock && theirs.complete && !diff.livelock)
            diff.livelock = replayLivelock(a, b, side, *lasso, std::max(options.maxLivelockRounds, 1));
    }
    return diff;
}

std::string pairSearchIncompleteReason(const KernelDiff& diff)
{
    return stopReason(diff.stoppedBy, std::to_string(diff.pairStates) + " pair states", diff.memoryBudget);
}

} // namespace msb::core
