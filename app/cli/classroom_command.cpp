// SPDX-License-Identifier: MIT
// `classroom host --recording FILE` replays a recording to followers at a pace, `classroom follow
// HOST:PORT --code C` prints what a follower receives, `classroom bench` (classroom_bench.h)
// measures fan-out latency and idle CPU with followers in a child process.
// Exit codes: host 0 when the session ran to its end, 1 if the recording does not replay, 2 bad
// input; follow 0 when the host ended the session, 1 when refused or the connection failed for
// good, 2 bad input; bench 0 when the targets were met, 1 otherwise; soak 0 when every check held.
#include "app/cli/classroom_command.h"

#include "app/classroom/classroom_follower.h"
#include "app/classroom/classroom_host.h"
#include "app/classroom/classroom_soak.h"
#include "app/classroom/frames_file.h"
#include "app/classroom/web_bench.h"
#include "app/cli/classroom_bench.h"
#include "app/cli/lesson_host.h"
#include "app/cli/scenario_options.h"
#include "core/builtin_scenarios.h"
#include "core/model.h"
#include "core/recording.h"
#include "core/scenario_io.h"
#include "core/simulator.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <condition_variable>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <sstream>
#include <thread>

namespace msb::cli {

namespace {

using namespace std::chrono_literals;
using classroom::ClassroomFollower;
using classroom::ClassroomHost;

// --- host ----------------------------------------------------------------------------------------

struct HostArgs
{
    std::string recording;
    std::string lesson; // instead of a recording: teach this lesson (lesson_host.h)
    int advanceMs = 0;  // with a lesson: 0 reads the teacher's commands on stdin, else a page's time
    std::uint16_t port = 0;
    std::string bind = "127.0.0.1";
    std::string code;
    int paceMs = 500;
    int waitFor = 0;
    std::string answersCsv; // the room's answers at the end, as CSV
};

int runHost(const HostArgs& args)
{
    if (args.recording.empty() == args.lesson.empty()) {
        std::cerr << "error: classroom host needs either --recording or --lesson\n";
        return ExitBadInput;
    }
    core::Recording recording;
    std::optional<core::Lesson> lesson;
    if (!args.lesson.empty()) {
        auto loadedLesson = resolveLesson(args.lesson);
        if (!loadedLesson)
            return reportBadInput(loadedLesson.error());
        lesson = std::move(loadedLesson).value();
    } else {
        auto loaded = core::loadRecordingFile(args.recording);
        if (!loaded)
            return reportBadInput(loaded.error());
        recording = std::move(loaded).value();
        // Never broadcast a recording the model no longer reproduces: followers would diverge.
        const core::ReplayCheck check = core::verifyRecording(recording);
        if (!check.identical) {
            std::cerr << args.recording << ": does not replay (" << check.what << "); not hosting it\n";
            return ExitPropertyFailed;
        }
    }

    classroom::HostOptions options;
    options.bindAddress = args.bind;
    options.port = args.port;
    options.code = args.code;
    options.textFrames = true; // no scene renderer here: browsers get each position as text
    ClassroomHost host(options);
    host.onFollowerJoined = [](const std::string& peer) { std::cerr << "follower joined: " << peer << '\n'; };
    host.onFollowerLeft = [](const std::string& peer, const std::string& reason) {
        std::cerr << "follower left: " << peer << " (" << reason << ")\n";
    };
    // The room's answers as they arrive, one tally line per change (stdout: the teacher reads it).
    host.onTally = [](const classroom::QuestionTally& tally, int followers) {
        printLine(classroom::AnswerTally::line(tally, followers));
    };
    auto started = host.start();
    if (!started) {
        std::cerr << "error: " << started.error().message << '\n';
        return ExitBadInput;
    }
    printLine("hosting on " + args.bind + ':' + std::to_string(host.port()) + " code " + host.code());
    printLine("browsers: http://" + args.bind + ':' + std::to_string(host.port()) + "/"
        + (args.bind == "0.0.0.0" || args.bind == "::" ? " (with this machine's address)" : ""));

    if (!lesson)
        host.publishSession(recording.scenario, recording.settings);
    if (args.waitFor > 0) {
        std::cerr << "waiting for " << args.waitFor << " follower(s)\n";
        while (host.followerCount() < args.waitFor)
            std::this_thread::sleep_for(10ms);
    }
    if (lesson)
        teachLesson(host, *lesson, {std::chrono::milliseconds(args.paceMs), std::chrono::milliseconds(args.advanceMs)},
            std::cin);
    for (std::size_t i = 0; i < recording.steps.size(); ++i) {
        const core::RecordedStep& step = recording.steps[i];
        const int index = static_cast<int>(i);
        host.publishStep({index, step.thread, step.step, step.hash});
        if (!step.narration.empty())
            host.publishNarration({index + 1, step.narration});
        std::this_thread::sleep_for(std::chrono::milliseconds(args.paceMs));
    }
    host.publishEnd();
    if (!host.flush(5s))
        std::cerr << "warning: some followers did not receive the end of the session\n";
    host.stop();
    if (!args.answersCsv.empty()) {
        // Atomic, like every file we write: a failed write leaves an earlier CSV whole.
        if (const auto written = core::writeFileAtomically(args.answersCsv, host.answers().csv()); !written) {
            std::cerr << args.answersCsv << ": cannot write the answers: " << written.error().message << "\n";
            return ExitBadInput;
        }
    }
    return ExitOk;
}

// --- follow --------------------------------------------------------------------------------------

bool splitHostPort(const std::string& text, std::string& host, std::uint16_t& port)
{
    const auto colon = text.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == text.size())
        return false;
    host = text.substr(0, colon);
    if (host.size() > 2 && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2); // [::1]:4000
    const std::string digits = text.substr(colon + 1);
    if (digits.size() > 5 || !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return false;
    const int value = std::stoi(digits);
    if (value <= 0 || value > 65535)
        return false;
    port = static_cast<std::uint16_t>(value);
    return true;
}

std::string describe(const classroom::Message& message, const classroom::Snapshot& mirror)
{
    using namespace classroom;
    std::ostringstream out;
    const auto threadName = [&](int t) {
        return t < static_cast<int>(mirror.scenario.threads.size())
            ? mirror.scenario.threads[static_cast<std::size_t>(t)].name
            : "T" + std::to_string(t + 1);
    };
    if (const auto* w = std::get_if<msg::Welcome>(&message)) {
        out << "joined session " << w->session;
        if (w->snapshot.hasSession)
            out << ": " << w->snapshot.scenario.name << " under " << core::presetNameFor(w->snapshot.settings) << ", "
                << w->snapshot.steps.size() << " steps, at position " << w->snapshot.position;
        else
            out << ": no scenario yet";
    } else if (const auto* s = std::get_if<msg::Session>(&message)) {
        out << "session: " << s->scenario.name << " under " << core::presetNameFor(s->settings);
    } else if (const auto* step = std::get_if<StepEvent>(&message)) {
        const auto& info = core::stepInfo(step->step);
        out << "step " << step->index + 1 << ": " << threadName(step->thread) << ' ' << info.id << "  " << info.text;
    } else if (const auto* jump = std::get_if<msg::Jump>(&message)) {
        out << "jump to position " << jump->position;
    } else if (const auto* settings = std::get_if<msg::SettingsChange>(&message)) {
        out << "settings: " << core::presetNameFor(settings->settings);
    } else if (const auto* n = std::get_if<NarrationEvent>(&message)) {
        out << "narration at " << n->index << ": " << n->text;
    } else if (const auto* c = std::get_if<CheckpointEvent>(&message)) {
        out << "checkpoint at " << c->index << ": " << c->question;
    } else if (const auto* r = std::get_if<msg::Reveal>(&message)) {
        out << "reveal: " << r->question << ": " << r->answered << " answered";
        if (r->answer >= 0 && r->answer < static_cast<int>(r->choices.size()))
            out << ", " << r->correct << " right; the answer: " << r->choices[static_cast<std::size_t>(r->answer)];
    } else if (const auto* page = std::get_if<msg::Page>(&message)) {
        out << "page: " << page->title;
    } else if (std::holds_alternative<msg::End>(message)) {
        out << "the host ended the session";
    } else if (const auto* r = std::get_if<msg::Refused>(&message)) {
        out << "refused (" << refusalName(r->why) << "): " << r->reason;
    } else if (const auto* snap = std::get_if<msg::SnapshotReply>(&message)) {
        out << "snapshot: " << snap->snapshot.steps.size() << " steps, at position " << snap->snapshot.position;
    } else {
        out << messageType(message);
    }
    return out.str();
}

/// A student's answers from `classroom follow --answer`: the same answer to every question.
struct FollowAnswers
{
    std::string answer; // empty: the follower only watches
    std::string student;
    std::string nickname;
};

std::string randomStudentId()
{
    std::random_device device;
    std::string id = "cli-";
    for (int i = 0; i < 12; ++i)
        id += "0123456789abcdef"[device() % 16];
    return id;
}

int runFollow(const std::string& address, const std::string& code, bool json, const FollowAnswers& answers)
{
    std::string host;
    std::uint16_t port = 0;
    if (!splitHostPort(address, host, port)) {
        std::cerr << "error: expected HOST:PORT, got '" << address << "'\n";
        return ExitBadInput;
    }
    ClassroomFollower follower;
    std::mutex mutex;
    std::condition_variable cv;
    bool finished = false;
    bool ended = false;
    classroom::Snapshot mirror; // io thread only
    const std::string student = answers.student.empty() ? randomStudentId() : answers.student;
    // The question asked last (one asked before we joined, too), answered once.
    const auto answerLatest = [&] {
        if (!answers.answer.empty() && !mirror.checkpoints.empty())
            follower.sendAnswer(
                {student, static_cast<int>(mirror.checkpoints.size()) - 1, answers.answer, answers.nickname});
    };
    follower.callbacks.message = [&](const classroom::Message& message) {
        if (const auto* w = std::get_if<classroom::msg::Welcome>(&message)) {
            mirror = w->snapshot;
            answerLatest();
        } else if (const auto* r = std::get_if<classroom::msg::SnapshotReply>(&message)) {
            mirror = r->snapshot;
        } else if (const auto* s = std::get_if<classroom::msg::Session>(&message)) {
            mirror.scenario = s->scenario;
            mirror.checkpoints.clear(); // a new session asks anew
        } else if (const auto* c = std::get_if<classroom::CheckpointEvent>(&message)) {
            mirror.checkpoints.push_back(*c);
            answerLatest();
        }
        if (std::holds_alternative<classroom::msg::Refused>(message))
            return; // reported through onError
        std::cout << (json ? classroom::encodeMessage(message) : describe(message, mirror)) << '\n' << std::flush;
    };
    follower.callbacks.ended = [&] {
        std::lock_guard lock(mutex);
        ended = true;
    };
    follower.onError = [&](const classroom::ConnectionError& error) {
        std::cerr << (error.kind == classroom::ConnectionError::Kind::Transient ? "warning: " : "error: ")
                  << error.message << '\n';
    };
    follower.onFinished = [&] {
        std::lock_guard lock(mutex);
        finished = true;
        cv.notify_all();
    };
    follower.connect(host, port, code);
    {
        std::unique_lock lock(mutex);
        cv.wait(lock, [&] { return finished; });
    }
    follower.disconnect();
    return ended ? ExitOk : ExitPropertyFailed;
}

// --- capture-frames ------------------------------------------------------------------------------

struct CaptureArgs
{
    std::string address;
    std::string code;
    int positions = 18; // the livelock lesson: 18 steps, positions 0..18
    std::string out;
    std::string source;
};

// One WebSocket follower that keeps the frames of positions 0..N as a running app host renders
// them (the app renders every position of the teacher's history once a browser follows).
int runCaptureFrames(const CaptureArgs& args)
{
    classroom::WebBenchOptions options;
    if (!splitHostPort(args.address, options.host, options.port)) {
        std::cerr << "error: expected HOST:PORT, got '" << args.address << "'\n";
        return ExitBadInput;
    }
    options.code = args.code;
    options.keepFrames = true;
    options.stopAtPositions = args.positions;
    options.timeout = 60s;
    const auto results = classroom::runWebBenchFollowers(options);
    const auto& follower = results.front();
    classroom::FramesFile file {args.source, {}};
    for (int p = 0; p <= args.positions; ++p) {
        const auto it = follower.frameContent.find(p);
        if (it == follower.frameContent.end()) {
            std::cerr << "error: no frame for position " << p << " (" << follower.error << ")\n";
            return ExitPropertyFailed;
        }
        file.frames.push_back(it->second);
    }
    if (auto saved = classroom::saveFramesFile(args.out, file); !saved)
        return reportBadInput(saved.error());
    std::size_t bytes = 0;
    for (const auto& frame : file.frames)
        bytes += frame.size();
    std::printf("%zu frames, %zu bytes on average, written to %s\n", file.frames.size(), bytes / file.frames.size(),
        args.out.c_str());
    return ExitOk;
}

} // namespace

void addClassroomCommand(CLI::App& app, int& exitCode)
{
    auto* classroom = app.add_subcommand("classroom", "Live follow-along: host a session or follow one");
    classroom->require_subcommand(1);

    auto hostArgs = std::make_shared<HostArgs>();
    auto* host = classroom->add_subcommand("host", "Replay a recording, or teach a lesson, to followers");
    host->add_option("--recording", hostArgs->recording, "recording to replay (*.msrec.json)");
    host->add_option("--lesson", hostArgs->lesson,
        "instead: teach this lesson (built-in name or file); commands on stdin: next, reveal, back, end");
    host->add_option("--advance", hostArgs->advanceMs,
            "with --lesson: open the next page after this many milliseconds instead of reading stdin")
        ->check(CLI::Range(0, 3600000));
    host->add_option("--port", hostArgs->port, "TCP port (0: any free port, printed on the first line)");
    host->add_option("--bind", hostArgs->bind, "address to listen on (default 127.0.0.1; 0.0.0.0 opens it to the LAN)");
    host->add_option("--code", hostArgs->code, "join code (default: 6 random characters)");
    host->add_option("--pace", hostArgs->paceMs, "milliseconds between steps")->check(CLI::Range(0, 3600000));
    host->add_option("--wait-for", hostArgs->waitFor, "start once this many followers joined")
        ->check(CLI::Range(0, 10000));
    host->add_option("--answers-csv", hostArgs->answersCsv,
        "write the students' checkpoint answers here at the end (CSV: "
        "question,choice,model_answer,count,share,nicknames)");
    host->callback([hostArgs, &exitCode] { exitCode = runHost(*hostArgs); });

    auto address = std::make_shared<std::string>();
    auto code = std::make_shared<std::string>();
    auto json = std::make_shared<bool>(false);
    auto* follow = classroom->add_subcommand("follow", "Join a session and print every event");
    follow->add_option("HOST:PORT", *address, "the host's address")->required();
    follow->add_option("--code", *code, "join code")->required();
    follow->add_flag("--json", *json, "one JSON object per line, no timestamps");
    auto answers = std::make_shared<FollowAnswers>();
    follow->add_option("--answer", answers->answer,
        "answer every question with this (a choice's 1-based number or text), as a student would");
    follow->add_option("--student", answers->student, "with --answer: the student id (8..64 of A-Z a-z 0-9 _ -)");
    follow->add_option("--nickname", answers->nickname, "with --answer: the name the teacher sees");
    follow->callback(
        [address, code, json, answers, &exitCode] { exitCode = runFollow(*address, *code, *json, *answers); });

    auto benchArgs = std::make_shared<ClassroomBenchArgs>();
    auto* bench = classroom->add_subcommand("bench", "Measure step-to-follower latency and idle host CPU");
    bench->add_option("--followers", benchArgs->followers, "followers (in a child process)")
        ->check(CLI::Range(1, 1000));
    bench->add_option("--steps", benchArgs->steps, "steps to publish")->check(CLI::Range(1, 100000));
    bench->add_option("--pace", benchArgs->paceMs, "milliseconds between steps")->check(CLI::Range(0, 10000));
    bench->add_option("--idle", benchArgs->idleMs, "idle measurement in milliseconds")->check(CLI::Range(100, 600000));
    bench->add_flag(
        "--web", benchArgs->web, "the followers are browsers' WebSocket clients (text frames from the core)");
    bench->add_option("--svg-bytes", benchArgs->svgBytes, "with --web: an SVG frame of this size per step instead")
        ->check(CLI::Range(0, 1000000));
    bench->add_option("--frames", benchArgs->framesFile,
        "with --web: publish these real frames (classroom capture-frames; tests/data/classroom/livelock-frames.json)");
    bench->add_flag("!--no-deflate", benchArgs->deflate, "with --web: no permessage-deflate");
    bench->add_option("--window-bits", benchArgs->windowBits, "deflate window 2^N (default 12)")
        ->check(CLI::Range(9, 15));
    bench->add_option("--mem-level", benchArgs->memLevel, "deflate memLevel (default 3)")->check(CLI::Range(1, 9));
    bench->add_option("--level", benchArgs->compLevel, "deflate level (default 6)")->check(CLI::Range(0, 9));
    bench->add_flag("!--no-context-takeover", benchArgs->contextTakeover, "with --web: a fresh window per message");
    bench->add_flag("!--no-deltas", benchArgs->deltas, "with --web: the followers take whole frames only");
    bench->add_option("--bind", benchArgs->bind, "the host's address (default 127.0.0.1)");
    bench->add_option("--port", benchArgs->port, "the host's port (default: any free one)");
    bench->add_option(
        "--connect", benchArgs->connectAddress, "the address the followers connect to (default 127.0.0.1)");
    bench->add_option("--followers-via", benchArgs->followersVia,
        "run the followers' process through this command prefix (e.g. 'ip netns exec NS')");
    bench->add_option("--join-spread", benchArgs->joinSpreadMs, "spread the joins over this many ms")
        ->check(CLI::Range(0, 600000));
    bench->callback([benchArgs, bench, &exitCode] {
        benchArgs->stepsGiven = bench->count("--steps") > 0;
        exitCode = runClassroomBench(*benchArgs);
    });

    auto captureArgs = std::make_shared<CaptureArgs>();
    auto* capture = classroom->add_subcommand(
        "capture-frames", "Save the frames a running host sends browsers (for bench --web --frames)");
    capture->add_option("HOST:PORT", captureArgs->address, "the host's address (the app: --host PORT)")->required();
    capture->add_option("--code", captureArgs->code, "join code")->required();
    capture->add_option("--positions", captureArgs->positions, "keep positions 0..N (default 18)")
        ->check(CLI::Range(0, 100000));
    capture->add_option("--out", captureArgs->out, "frames file to write (*.json)")->required();
    capture->add_option("--source", captureArgs->source, "how the host was started, kept in the file");
    capture->callback([captureArgs, &exitCode] { exitCode = runCaptureFrames(*captureArgs); });

    auto soakOptions = std::make_shared<classroom::SoakOptions>();
    auto soakMinutes = std::make_shared<double>(10);
    auto* soak = classroom->add_subcommand("soak", "Followers join, leave, stall and reconnect against one host");
    soak->add_option("--minutes", *soakMinutes, "duration (default 10)")->check(CLI::Range(0.1, 1440.0));
    soak->add_option("--followers", soakOptions->followers, "well-behaved followers (default 12)")
        ->check(CLI::Range(1, 200));
    soak->add_option("--seed", soakOptions->seed, "random seed (default: random, printed)");
    soak->callback([soakOptions, soakMinutes, soak, &exitCode] {
        classroom::SoakOptions options = *soakOptions;
        if (soak->count("--seed") == 0)
            options.seed = std::random_device {}();
        options.duration = std::chrono::milliseconds(static_cast<long>(*soakMinutes * 60000));
        options.warmUp = std::min<std::chrono::milliseconds>(60s, options.duration / 4);
        options.progress = [](const std::string& line) { std::cerr << line << '\n'; };
        std::cerr << "soak seed " << options.seed << '\n';
        const classroom::SoakReport report = classroom::runClassroomSoak(options);
        std::cout << classroom::describeSoak(report);
        exitCode = report.ok() ? ExitOk : ExitPropertyFailed;
    });

    auto followerArgs = std::make_shared<BenchFollowerArgs>();
    auto* helper = classroom->add_subcommand("bench-followers", "internal: the follower side of bench");
    helper->group(""); // hidden from --help
    helper->add_option("--host", followerArgs->host);
    helper->add_option("--port", followerArgs->port)->required();
    helper->add_option("--code", followerArgs->code)->required();
    helper->add_option("--followers", followerArgs->followers)->required();
    helper->add_option("--join-spread", followerArgs->joinSpreadMs);
    helper->add_flag("--web", followerArgs->web);
    helper->add_flag("!--no-deflate", followerArgs->deflate);
    helper->add_flag("!--no-deltas", followerArgs->deltas);
    helper->add_option("--frames", followerArgs->framesFile);
    helper->callback([followerArgs, &exitCode] { exitCode = runClassroomBenchFollowers(*followerArgs); });
}

} // namespace msb::cli
