// SPDX-License-Identifier: MIT
#include "app/cli/spin_runner.h"

#include "core/model.h"
#include "core/promela_export.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <regex>
#include <sstream>
#include <sys/resource.h>
#include <sys/wait.h>
#include <thread>

namespace msb::cli {

namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;

/// CPU seconds of the finished child processes (and theirs): pan's own time, whatever the load.
double childCpuSeconds()
{
    rusage usage {};
    getrusage(RUSAGE_CHILDREN, &usage);
    return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) * 1e-6;
}

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

struct Shell
{
    int status = -1;
    std::string output; // stdout and stderr
};

std::string quoted(const std::string& text)
{
    std::string out = "'";
    for (char c : text)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

Shell runIn(const fs::path& dir, const std::string& command)
{
    Shell result;
    const std::string full = "cd " + quoted(dir.string()) + " && " + command + " 2>&1";
    FILE* pipe = popen(full.c_str(), "r");
    if (!pipe)
        return result;
    char buffer[4096];
    std::size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0)
        result.output.append(buffer, n);
    const int status = pclose(pipe);
    result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

core::Error spinError(const std::string& message)
{
    return core::Error {{}, 0, 0, "spin", message};
}

/// Runs tasks on up to `jobs` threads; each task returns an error message or "".
std::string runParallel(const std::vector<std::function<std::string()>>& tasks, int jobs)
{
    std::vector<std::string> errors(tasks.size());
    std::atomic<std::size_t> next {0};
    auto worker = [&] {
        for (std::size_t i = next++; i < tasks.size(); i = next++)
            errors[i] = tasks[i]();
    };
    std::vector<std::thread> threads;
    for (int j = 1; j < std::max(1, jobs) && static_cast<std::size_t>(j) < tasks.size(); ++j)
        threads.emplace_back(worker);
    worker();
    for (auto& thread : threads)
        thread.join();
    for (const auto& error : errors) {
        if (!error.empty())
            return error;
    }
    return {};
}

std::string tail(const std::string& text, std::size_t lines = 12)
{
    std::size_t at = text.size();
    for (std::size_t i = 0; i < lines && at > 0; ++i)
        at = text.rfind('\n', at - 1);
    return at == std::string::npos ? text : text.substr(at + 1);
}

/// What one pan run printed: its first error line and the counts.
struct PanReport
{
    int errors = -1;
    std::uint64_t states = 0;
    std::string firstError; // "pan:1: invalid end state (at depth 12)"
    std::string limit;      // a bound that makes the search incomplete
};

PanReport parsePan(const std::string& output)
{
    PanReport report;
    std::istringstream in(output);
    std::string line;
    static const std::regex errors(R"(errors:\s*(\d+))");
    static const std::regex states(R"(^\s*(\d+(?:e\+\d+)?)\s+states, stored)");
    std::smatch m;
    while (std::getline(in, line)) {
        if (std::regex_search(line, m, errors))
            report.errors = std::stoi(m[1]);
        else if (std::regex_search(line, m, states))
            report.states = static_cast<std::uint64_t>(std::stod(m[1]));
        if (report.firstError.empty() && line.rfind("pan:1:", 0) == 0)
            report.firstError = line;
        if (line.find("max search depth too small") != std::string::npos
            || line.find("out of memory") != std::string::npos || line.find("MEMLIM") != std::string::npos)
            report.limit = line;
    }
    return report;
}

/// The steps of a `spin -t -p` replay as thread indices; cycleStart set at the "START OF CYCLE"
/// marker. stepLines: the sorted model lines that open a step (":: atomic {").
struct TrailSteps
{
    std::vector<int> threads;
    std::size_t cycleStart = 0;
    bool cycle = false;
};

TrailSteps parseTrail(const std::string& output, const std::vector<int>& stepLines)
{
    TrailSteps trail;
    std::istringstream in(output);
    std::string line;
    static const std::regex step(R"(^\s*\d+:\s+proc\s+\d+\s+\((\w+):\d+\)\s+\S+:(\d+))");
    std::smatch m;
    while (std::getline(in, line)) {
        if (line.find("START OF CYCLE") != std::string::npos) {
            trail.cycle = true;
            trail.cycleStart = trail.threads.size();
            continue;
        }
        // The final process dump repeats the last step number: the trail is over.
        if (line.rfind("spin: trail ends", 0) == 0 || line.rfind("#processes", 0) == 0)
            break;
        if (!std::regex_search(line, m, step))
            continue;
        // A model step begins with the guard of an atomic sequence; the rest of its lines (and the
        // statements SPIN did not merge into one transition) belong to that step.
        if (!std::binary_search(stepLines.begin(), stepLines.end(), std::stoi(m[2])))
            continue;
        trail.threads.push_back(core::threadOfPromelaProcess(m[1].str()));
    }
    return trail;
}

/// Replays a trail through the core model; an error when the core disagrees with SPIN's step.
std::string replayTrail(const core::Model& model, const TrailSteps& trail, SpinRunResult& run)
{
    core::State state = model.initialState();
    core::State cycleState = state;
    for (std::size_t i = 0; i < trail.threads.size(); ++i) {
        if (state.flags & core::FlagSigbus)
            break; // the steps after SIGBUS are the other threads exiting, not model steps
        if (trail.cycle && i == trail.cycleStart)
            cycleState = state;
        const int thread = trail.threads[i];
        if (thread < 0 || thread >= model.threadCount() || !model.enabled(state, thread)) {
            return "the " + run.outcome + " trail's step " + std::to_string(i + 1)
                + " is not enabled in the core model (export and model disagree)";
        }
        run.schedule.push_back(thread);
        run.steps.push_back(model.apply(state, thread));
    }
    if (trail.cycle) {
        run.cycleStart = trail.cycleStart;
        if (!(state == cycleState) || trail.cycleStart >= run.schedule.size())
            return "the livelock trail's cycle does not return to its first state in the core model";
    }
    return {};
}

} // namespace

const SpinRunResult* SpinVerdict::run(std::string_view outcome) const
{
    for (const auto& r : runs) {
        if (r.outcome == outcome)
            return &r;
    }
    return nullptr;
}

bool spinAvailable()
{
    return std::system("command -v spin >/dev/null 2>&1 && command -v gcc >/dev/null 2>&1") == 0;
}

core::Result<SpinVerdict> runSpin(const ResolvedScenario& resolved, const SpinOptions& options)
{
    const Clock::time_point start = Clock::now();
    const double cpuStart = childCpuSeconds();
    auto model = core::exportPromela(resolved.scenario, resolved.settings, resolved.presetName);
    if (!model)
        return model.error();
    if (!spinAvailable())
        return spinError("`spin` and `gcc` must be on PATH (Debian: apt-get install spin gcc)");

    fs::path dir;
    if (!options.keepDir.empty()) {
        dir = options.keepDir;
        std::error_code ec;
        fs::create_directories(dir, ec);
    } else {
        std::string pattern = (fs::temp_directory_path() / "msb-spin-XXXXXX").string();
        if (!mkdtemp(pattern.data()))
            return spinError("cannot create a temporary directory");
        dir = pattern;
    }
    struct Cleanup
    {
        fs::path dir;
        bool remove;
        ~Cleanup()
        {
            std::error_code ec;
            if (remove)
                fs::remove_all(dir, ec);
        }
    } cleanup {dir, options.keepDir.empty()};

    std::ofstream(dir / "model.pml") << model.value();
    std::vector<int> stepLines;
    {
        std::istringstream lines(model.value());
        std::string line;
        for (int number = 1; std::getline(lines, line); ++number) {
            if (line.find(":: atomic {") != std::string::npos)
                stepLines.push_back(number);
        }
    }
    SpinVerdict verdict;
    verdict.complete = !options.bitstate;
    verdict.weakFairness = options.weakFairness;

    const Shell generated = runIn(dir, "spin -a model.pml");
    if (generated.status != 0)
        return spinError("spin -a model.pml failed:\n" + tail(generated.output));
    const std::string extra = options.bitstate ? " -DBITSTATE" : "";
    std::vector<std::function<std::string()>> builds;
    for (const std::string_view binary : core::panBinaries()) {
        builds.emplace_back([&dir, &extra, &options, &resolved, binary]() -> std::string {
            const std::string command = "gcc -O" + std::to_string(options.optimize) + " "
                + core::panCompileFlags(binary, static_cast<int>(resolved.scenario.threads.size())) + extra + " -o "
                + std::string(binary) + " pan.c";
            const Shell built = runIn(dir, command);
            return built.status == 0 ? std::string() : command + " failed:\n" + tail(built.output);
        });
    }
    if (std::string error = runParallel(builds, options.jobs); !error.empty())
        return spinError(error);
    verdict.secondsBuild = secondsSince(start);
    const double cpuBuilt = childCpuSeconds();
    verdict.cpuSecondsBuild = cpuBuilt - cpuStart;

    const core::Model coreModel(resolved.scenario, resolved.settings);
    const int hashBits = options.hashBits > 0 ? options.hashBits : (options.bitstate ? 30 : 22);
    const auto& runs = core::spinRuns();
    verdict.runs.resize(runs.size());
    std::vector<std::function<std::string()>> tasks;
    for (std::size_t i = 0; i < runs.size(); ++i) {
        tasks.emplace_back([&, i]() -> std::string {
            const core::SpinRun& spec = runs[i];
            SpinRunResult& result = verdict.runs[i];
            result.outcome = spec.outcome;
            const fs::path runDir = dir / ("run-" + std::string(spec.outcome));
            std::error_code ec;
            fs::create_directories(runDir, ec);
            fs::copy_file(dir / "model.pml", runDir / "model.pml", fs::copy_options::overwrite_existing, ec);
            const std::string command = (dir / spec.binary).string() + " -m1000000 " + "-w" + std::to_string(hashBits)
                + " "
                + (spec.outcome == std::string_view("livelock") && !options.weakFairness ? std::string("-l")
                                                                                         : std::string(spec.panArgs));
            const Clock::time_point runStart = Clock::now();
            const double cpuBefore = childCpuSeconds();
            const Shell pan = runIn(runDir, command);
            result.seconds = secondsSince(runStart);
            if (options.jobs == 1) // else other runs' CPU time lands in the same counter
                result.cpuSeconds = childCpuSeconds() - cpuBefore;
            const PanReport report = parsePan(pan.output);
            result.states = report.states;
            if (report.errors < 0)
                return command + " did not finish:\n" + tail(pan.output);
            if (!report.limit.empty())
                return command + " hit a limit, the search is incomplete: " + report.limit;
            if (report.errors == 0)
                return {};
            if (report.firstError.find(spec.finding) == std::string::npos
                || (spec.binary == std::string_view("pan-ltl")
                    && report.firstError.find(spec.outcome == std::string_view("completes_possible")
                               ? std::string("finished")
                               : std::string(spec.outcome))
                        == std::string::npos)) {
                return command + " found something else than " + std::string(spec.outcome)
                    + " (a model invariant?): " + report.firstError;
            }
            result.found = true;
            const Shell replay = runIn(runDir, "spin -t -p model.pml");
            const TrailSteps trail = parseTrail(replay.output, stepLines);
            return replayTrail(coreModel, trail, result);
        });
    }
    if (std::string error = runParallel(tasks, options.jobs); !error.empty())
        return spinError(error);
    verdict.cpuSecondsPan = childCpuSeconds() - cpuBuilt;

    for (const auto& run : verdict.runs) {
        verdict.secondsPanSerial += run.seconds;
        const std::string_view o = run.outcome;
        (o == "deadlock"                ? verdict.deadlock
                : o == "livelock"       ? verdict.livelock
                : o == "sigbus"         ? verdict.sigbus
                : o == "lost_update"    ? verdict.lostUpdate
                : o == "stale_page_use" ? verdict.stalePageUse
                                        : verdict.completesPossible) = run.found;
        if (o == "deadlock")
            verdict.states = run.states;
    }
    verdict.completesAlways =
        verdict.complete && verdict.completesPossible && !verdict.deadlock && !verdict.livelock && !verdict.sigbus;
    verdict.seconds = secondsSince(start);
    return verdict;
}

} // namespace msb::cli
