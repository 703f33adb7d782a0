// SPDX-License-Identifier: MIT
// OutcomeProspects against brute force: on every built-in scenario (default size) under every
// preset and both fairness notions, with symmetry off and on, for each state (every state of small graphs, a spread of
// them otherwise) a search from that state alone, without SCC condensation or propagation,
// must give the same possible and inevitable outcomes; from the initial state both must agree
// with explore()'s verdict. Along runs, possible only shrinks and inevitable only grows, and
// the turning points name the steps where they change.
#include "core/builtin_scenarios.h"
#include "core/explorer.h"
#include "core/outcome_prospects.h"
#include "core/simulator.h"

#include <gtest/gtest.h>

#include <atomic>
#include <deque>
#include <map>
#include <string>
#include <vector>

namespace msb::core {
namespace {

/// The plain state graph by breadth-first search keyed by core::pack.
struct PlainGraph
{
    explicit PlainGraph(const Model& model)
    {
        std::map<std::array<std::uint64_t, PackedState::kWords>, int> ids;
        auto add = [&](const State& state) {
            const auto [it, inserted] = ids.emplace(model.pack(state).words, static_cast<int>(states.size()));
            if (inserted)
                states.push_back(state);
            return it->second;
        };
        add(model.initialState());
        for (std::size_t v = 0; v < states.size(); ++v) {
            const State state = states[v];
            const std::uint32_t enabled = model.enabledMask(state);
            enabledMasks.push_back(enabled);
            status.push_back(model.status(state));
            edges.emplace_back();
            for (int t = 0; t < model.threadCount(); ++t) {
                if (!(enabled >> t & 1))
                    continue;
                State next = state;
                model.apply(next, t);
                const int to = add(next);
                edges[v].push_back({to, t});
            }
        }
        reverse.resize(states.size());
        for (std::size_t v = 0; v < states.size(); ++v) {
            for (const auto& [to, thread] : edges[v])
                reverse[static_cast<std::size_t>(to)].push_back(static_cast<int>(v));
        }
    }

    std::vector<State> states;
    std::vector<std::uint32_t> enabledMasks;
    std::vector<Outcome> status;
    std::vector<std::vector<std::pair<int, int>>> edges; // (to, thread)
    std::vector<std::vector<int>> reverse;
};

class BruteForce
{
public:
    BruteForce(const PlainGraph& graph, Fairness fairness)
        : m_graph(graph)
        , m_fairness(fairness)
    {
    }

    Prospects at(int s) const
    {
        const std::vector<char> all(m_graph.states.size(), 1);
        Prospects p;
        const std::vector<char> reach = search(s, all, false);
        for (std::size_t u = 0; u < reach.size(); ++u) {
            if (!reach[u])
                continue;
            const State& state = m_graph.states[u];
            if (state.flags & FlagLostUpdate)
                p.possible |= outcomeBit(Outcome::LostUpdate);
            if (state.flags & FlagStalePageUse)
                p.possible |= outcomeBit(Outcome::StalePageUse);
            if (state.flags & FlagSigbus)
                p.possible |= outcomeBit(Outcome::Sigbus);
            if (m_graph.enabledMasks[u] == 0 && m_graph.status[u] != Outcome::Sigbus)
                p.possible |= outcomeBit(m_graph.status[u]);
            if (fairCycleThrough(static_cast<int>(u), 0))
                p.possible |= outcomeBit(Outcome::Livelock);
        }
        for (const Outcome outcome : kProspectOutcomes) {
            if (!avoidable(s, outcome))
                p.inevitable |= outcomeBit(outcome);
        }
        return p;
    }

private:
    /// States reachable from s inside `allowed` (s itself must be allowed), forwards or backwards.
    std::vector<char> search(int s, const std::vector<char>& allowed, bool backwards) const
    {
        std::vector<char> seen(m_graph.states.size(), 0);
        if (!allowed[static_cast<std::size_t>(s)])
            return seen;
        std::deque<int> queue {s};
        seen[static_cast<std::size_t>(s)] = 1;
        while (!queue.empty()) {
            const int v = queue.front();
            queue.pop_front();
            auto visit = [&](int w) {
                if (allowed[static_cast<std::size_t>(w)] && !seen[static_cast<std::size_t>(w)]) {
                    seen[static_cast<std::size_t>(w)] = 1;
                    queue.push_back(w);
                }
            };
            if (backwards) {
                for (const int w : m_graph.reverse[static_cast<std::size_t>(v)])
                    visit(w);
            } else {
                for (const auto& edge : m_graph.edges[static_cast<std::size_t>(v)])
                    visit(edge.first);
            }
        }
        return seen;
    }

    /// Whether some fair cycle through u avoids the states with `flag`: u's component there is
    /// the states both reachable from u and reaching it; weakly fair iff every thread enabled in
    /// all of them has an edge between two of them. Remembered per (flag, u).
    bool fairCycleThrough(int u, std::uint8_t flag) const
    {
        std::vector<signed char>& memo = m_fair[flag];
        if (memo.empty())
            memo.assign(m_graph.states.size(), -1);
        if (memo[static_cast<std::size_t>(u)] < 0)
            memo[static_cast<std::size_t>(u)] = computeFairCycleThrough(u, flag) ? 1 : 0;
        return memo[static_cast<std::size_t>(u)] == 1;
    }

    bool computeFairCycleThrough(int u, std::uint8_t flag) const
    {
        std::vector<char> allowed(m_graph.states.size(), 1);
        for (std::size_t v = 0; v < allowed.size(); ++v)
            allowed[v] = (m_graph.states[v].flags & flag) == 0;
        const std::vector<char> forward = search(u, allowed, false);
        const std::vector<char> backward = search(u, allowed, true);
        std::uint32_t enabledAll = ~0u;
        std::uint32_t internal = 0;
        bool cycle = false;
        for (std::size_t v = 0; v < forward.size(); ++v) {
            if (!forward[v] || !backward[v])
                continue;
            enabledAll &= m_graph.enabledMasks[v];
            for (const auto& [to, thread] : m_graph.edges[v]) {
                if (forward[static_cast<std::size_t>(to)] && backward[static_cast<std::size_t>(to)]) {
                    internal |= 1u << thread;
                    cycle = true;
                }
            }
        }
        return cycle && (m_fairness == Fairness::None || (enabledAll & ~internal) == 0);
    }

    /// Some fair maximal continuation from s misses the outcome: it ends in a final state of
    /// another status, or (unless the outcome is livelock) circles a fair cycle; for a flag it
    /// must keep to the unflagged states.
    bool avoidable(int s, Outcome outcome) const
    {
        const std::uint8_t flag = outcome == Outcome::LostUpdate ? FlagLostUpdate
            : outcome == Outcome::StalePageUse                   ? FlagStalePageUse
                                                                 : 0;
        std::vector<char> allowed(m_graph.states.size(), 1);
        for (std::size_t v = 0; v < allowed.size(); ++v)
            allowed[v] = (m_graph.states[v].flags & flag) == 0;
        const std::vector<char> reach = search(s, allowed, false);
        for (std::size_t u = 0; u < reach.size(); ++u) {
            if (!reach[u])
                continue;
            if (m_graph.enabledMasks[u] == 0 && (flag != 0 || m_graph.status[u] != outcome))
                return true;
            if (outcome != Outcome::Livelock && fairCycleThrough(static_cast<int>(u), flag))
                return true;
        }
        return false;
    }

    const PlainGraph& m_graph;
    Fairness m_fairness;
    mutable std::map<std::uint8_t, std::vector<signed char>> m_fair;
};

std::string maskText(OutcomeMask mask)
{
    std::string out;
    for (const Outcome outcome : kProspectOutcomes) {
        if (mask & outcomeBit(outcome))
            out += (out.empty() ? "" : ",") + std::string(outcomeName(outcome));
    }
    return "{" + out + "}";
}

TEST(OutcomeProspects, AgreesWithBruteForceFromEveryState)
{
    int checked = 0;
    for (const std::string& name : builtinScenarioNames()) {
        const Scenario scenario = loadBuiltinScenario(name).value();
        for (const Preset& preset : presets()) {
            const Model model(scenario, preset.settings);
            const PlainGraph graph(model);
            for (const Fairness fairness : kFairnesses) {
                const BruteForce brute(graph, fairness);
                for (const bool symmetry : {false, true}) {
                    ProspectOptions options;
                    options.fairness = fairness;
                    options.symmetry = symmetry;
                    const OutcomeProspects prospects(model, options);
                    ASSERT_TRUE(prospects.complete());
                    if (!symmetry) {
                        ASSERT_EQ(prospects.states(), graph.states.size()) << name << ' ' << preset.name;
                    }
                    const std::string where = name + " " + std::string(preset.name) + " fairness "
                        + std::string(fairnessName(fairness)) + (symmetry ? " symmetry" : "") + " state ";
                    // Every state of small graphs; about 100 spread over a larger one.
                    const std::size_t stride = std::max<std::size_t>(1, graph.states.size() / 100);
                    for (std::size_t s = 0; s < graph.states.size(); s += stride) {
                        const auto got = prospects.at(graph.states[s]);
                        ASSERT_TRUE(got.has_value()) << where << s;
                        const Prospects want = brute.at(static_cast<int>(s));
                        EXPECT_EQ(maskText(got->possible), maskText(want.possible)) << where << s;
                        EXPECT_EQ(maskText(got->inevitable), maskText(want.inevitable)) << where << s;
                        ++checked;
                    }
                }
            }
        }
    }
    EXPECT_GT(checked, 500);
}

TEST(OutcomeProspects, InitialStateMatchesExplore)
{
    for (const std::string& name : builtinScenarioNames()) {
        const Scenario scenario = loadBuiltinScenario(name).value();
        for (const Preset& preset : presets()) {
            const Model model(scenario, preset.settings);
            for (const Fairness fairness : kFairnesses) {
                ExploreOptions exploreOptions;
                exploreOptions.fairness = fairness;
                const ExploreResult verdict = explore(model, exploreOptions);
                ProspectOptions options;
                options.fairness = fairness;
                const Prospects initial = OutcomeProspects(model, options).at(model.initialState()).value();
                for (const Outcome outcome : kProspectOutcomes) {
                    EXPECT_EQ(initial.isPossible(outcome), verdict.reached(outcome))
                        << name << ' ' << preset.name << ' ' << outcomeName(outcome);
                }
                EXPECT_EQ(initial.isInevitable(Outcome::Completes), verdict.completesAlways)
                    << name << ' ' << preset.name;
            }
        }
    }
}

/// The lost update of fault-vs-holder under v5.11-patched (no refcount check): a schedule that
/// loses H's write, and the step from which that cannot be avoided any more.
TEST(OutcomeProspects, TurningPointsAlongALostUpdate)
{
    const Scenario scenario = loadBuiltinScenario("fault-vs-holder").value();
    Simulator sim(scenario, findPreset("v5.11-patched")->settings);
    const OutcomeProspects prospects(sim.model());
    ASSERT_TRUE(prospects.at(sim.state())->isPossible(Outcome::LostUpdate));
    ASSERT_FALSE(prospects.at(sim.state())->isInevitable(Outcome::LostUpdate));
    // The explorer's shortest lost update, replayed step by step.
    const ExploreResult verdict = explore(sim.model());
    ASSERT_TRUE(verdict.counterexample(Outcome::LostUpdate).has_value());
    ASSERT_TRUE(sim.replay(verdict.counterexample(Outcome::LostUpdate)->schedule()));
    ASSERT_TRUE(sim.state().flags & FlagLostUpdate);
    const auto positions = prospectsAlong(prospects, sim);
    ASSERT_EQ(positions.size(), static_cast<std::size_t>(sim.position() + 1));
    for (std::size_t i = 1; i < positions.size(); ++i) {
        ASSERT_TRUE(positions[i].has_value());
        EXPECT_EQ(positions[i]->possible & ~positions[i - 1]->possible, 0) << "step " << i;
        EXPECT_EQ(positions[i - 1]->inevitable & ~positions[i]->inevitable, 0) << "step " << i;
        EXPECT_EQ(positions[i]->inevitable & ~positions[i]->possible, 0) << "step " << i;
    }
    const auto points = turningPoints(positions);
    const auto lost = std::find_if(points.begin(), points.end(),
        [](const TurningPoint& p) { return p.outcome == Outcome::LostUpdate && p.inevitable; });
    ASSERT_NE(lost, points.end());
    EXPECT_FALSE(positions[static_cast<std::size_t>(lost->step - 1)]->isInevitable(Outcome::LostUpdate));
    EXPECT_TRUE(positions[static_cast<std::size_t>(lost->step)]->isInevitable(Outcome::LostUpdate));
    const std::string sentence = describeTurningPoint(*lost, sim);
    EXPECT_NE(sentence.find("after step " + std::to_string(lost->step) + " ("), std::string::npos) << sentence;
    EXPECT_NE(sentence.find("a lost update can no longer be avoided"), std::string::npos) << sentence;
}

TEST(OutcomeProspects, StopsAtTheStateLimitAndAnswersNothing)
{
    const Model model(loadBuiltinScenario("two-faults").value(), presets().front().settings);
    ProspectOptions options;
    options.maxStates = 5;
    const OutcomeProspects prospects(model, options);
    EXPECT_FALSE(prospects.complete());
    EXPECT_FALSE(prospects.at(model.initialState()).has_value());
    EXPECT_NE(prospects.incompleteReason().find("limit on stored states"), std::string::npos);
}

TEST(OutcomeProspects, CancelStopsAndProgressEndsWithDone)
{
    const Model model(loadBuiltinScenario("two-faults").value(), presets().front().settings);
    std::atomic<bool> cancel {true};
    ProspectOptions cancelled;
    cancelled.cancel = &cancel;
    const OutcomeProspects stopped(model, cancelled);
    EXPECT_FALSE(stopped.complete());
    EXPECT_EQ(stopped.incompleteReason().rfind("cancelled after", 0), 0u) << stopped.incompleteReason();

    std::vector<std::string> phases;
    ProspectOptions reporting;
    reporting.progress = [&](const ExploreProgress& progress) { phases.emplace_back(progress.phase); };
    const OutcomeProspects built(model, reporting);
    ASSERT_TRUE(built.complete());
    ASSERT_GE(phases.size(), 2u);
    EXPECT_EQ(phases[phases.size() - 2], "components");
    EXPECT_EQ(phases.back(), "done");
}

} // namespace
} // namespace msb::core
