// SPDX-License-Identifier: MIT
// One execution of the model that people drive: step a thread, undo, redo, jump, replay the
// schedule under other settings. Every position keeps a full State snapshot (a State is a few
// hundred bytes), so undo and jumps are O(1) and need no inverse steps.
#pragma once

#include "core/model.h"
#include "core/result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace msb::core {

/// What one step did, for traces, the code panel and recordings.
struct StepRecord
{
    int thread = 0;
    StepId id = StepId::A0;
    int page = 0;      // the virtual page X<page> (and D<page>, S<page>) the step worked on
    int refBefore = 0; // page_count(D<page>) before and after
    int refAfter = 0;
    std::uint64_t hash = 0; // state hash after the step
    std::string note;       // what happened, with the numbers (e.g. "page_count 3 != expected 2")
};

class Simulator
{
public:
    Simulator(Scenario scenario, Settings settings);

    const Model& model() const { return m_model; }
    const Scenario& scenario() const { return m_model.scenario(); }
    const Settings& settings() const { return m_model.settings(); }

    /// The state at the current position.
    const State& state() const { return m_states[m_position]; }
    const State& stateAt(int position) const { return m_states[position]; }
    /// Steps taken up to the current position (undo moves it back; the steps after it stay
    /// available for redo until a different step is taken).
    int position() const { return m_position; }
    int historySize() const { return static_cast<int>(m_steps.size()); }
    const std::vector<StepRecord>& history() const { return m_steps; }
    /// The threads of steps [0, position).
    std::vector<int> schedule() const;

    bool canStep(int thread) const;
    std::string blockedReason(int thread) const { return m_model.blockedReason(state(), thread); }
    Outcome status() const { return m_model.status(state()); }

    /// Runs the thread's next step. Drops the redo tail if it diverges from it. Errors if the
    /// thread cannot step (the message gives the reason).
    Result<StepRecord> step(int thread);
    bool undo();
    bool redo();
    /// Moves to a position in [0, historySize()].
    void jumpTo(int position);
    void reset();

    /// Replays a schedule from the initial state; stops at the first thread that cannot step
    /// and reports it as an error naming the step index.
    Result<int> replay(const std::vector<int>& schedule);
    /// Changes the settings and replays the whole history (the steps before the current position
    /// and the redo tail) from the initial state under them, up to the first step whose thread
    /// cannot step any more; the history from there on is dropped. The position stays where it
    /// was, or moves back to the end of what could be replayed. Returns the number of steps
    /// replayed. Costs one Model (a copy of the scenario) and one step and State snapshot per
    /// history entry. Throws InvariantViolation if a replayed step breaks a model invariant; the
    /// simulator then holds the new settings and the steps replayed before it.
    int changeSettings(const Settings& settings);

    /// The earliest position whose state equals the current one, if the current state repeats
    /// an earlier state of this run: a livelock round.
    std::optional<int> repeatsPosition() const;

    /// A human-readable account of a step (used by traces, panels and recordings).
    std::string describe(const StepRecord& record) const;

private:
    StepRecord record(int thread, StepId id, const State& before, const State& after) const;

    Model m_model;
    std::vector<State> m_states; // m_states[i] is the state after i steps
    std::vector<StepRecord> m_steps;
    int m_position = 0;
};

/// Picks the next thread among the enabled ones (mask bit t = thread t). Deterministic.
class Scheduler
{
public:
    virtual ~Scheduler() = default;
    virtual int pick(std::uint32_t enabledMask) = 0;
};

/// Each enabled thread in turn, starting after the one picked last.
class RoundRobinScheduler final : public Scheduler
{
public:
    int pick(std::uint32_t enabledMask) override;

private:
    int m_last = -1;
};

/// Uniform among enabled threads; the sequence depends only on the seed (splitmix64), so a seed
/// names the same schedule on every machine.
class RandomScheduler final : public Scheduler
{
public:
    explicit RandomScheduler(std::uint64_t seed)
        : m_state(seed)
    {
    }
    int pick(std::uint32_t enabledMask) override;
    std::uint64_t next();

private:
    std::uint64_t m_state;
};

/// Steps with the scheduler until the run ends (completes, deadlock, sigbus) or maxSteps steps
/// were taken. Returns the number of steps taken.
int runScheduler(Simulator& simulator, Scheduler& scheduler, int maxSteps);

} // namespace msb::core
