// SPDX-License-Identifier: MIT
// Message bodies as JSON. Decoding goes through the core's reader of untrusted JSON
// (core/json_input.h): the same nesting guard, number checks, settings rule and error shape as
// the files.
#include "app/classroom/messages.h"
#include "core/json_fields.h"
#include "core/json_input.h"
#include "core/scenario_io.h"

#include <nlohmann/json.hpp>

namespace msb::classroom {

namespace {

using core::detail::JsonInput;
using core::detail::JsonObject;
using nlohmann::json;

constexpr int kMaxIndex = 1 << 24; // far beyond any session, small enough for int arithmetic

std::string indexed(const std::string& path, std::size_t i)
{
    return JsonInput::index(path, i);
}

json scenarioToJsonValue(const core::Scenario& scenario)
{
    return json::parse(core::scenarioToJson(scenario));
}

core::Scenario scenarioFromJson(const JsonInput& input, const json& value, const std::string& path)
{
    input.object(value, path);
    // A message embeds a whole scenario document (format, version and all): read it as one.
    auto scenario = core::parseScenario(value.dump(), "message");
    if (!scenario) {
        const auto& error = scenario.error();
        input.fail(error.field.empty() ? path : path + "." + error.field, error.message);
    }
    return scenario.value();
}

json stepToJson(const StepEvent& step)
{
    json out = json::object();
    out["index"] = step.index;
    out["thread"] = step.thread;
    out["step"] = std::string(core::stepInfo(step.step).id);
    out["hash"] = core::detail::hashToHex(step.hash);
    return out;
}

StepEvent stepFromJson(const JsonObject& r)
{
    StepEvent step;
    step.index = r.integer("index", 0, kMaxIndex);
    step.thread = r.integer("thread", 0, core::kMaxThreads - 1);
    const std::string label = r.string("step");
    step.step = core::stepFromLabel(label);
    if (step.step == core::StepId::Count)
        r.input().fail(r.field("step"), "unknown step '" + label + "'");
    step.hash = core::detail::readHash(r.input(), r.member("hash"), r.field("hash"));
    return step;
}

json narrationToJson(const NarrationEvent& narration)
{
    json out = json::object();
    out["index"] = narration.index;
    out["text"] = narration.text;
    return out;
}

NarrationEvent narrationFromJson(const JsonObject& r)
{
    return NarrationEvent {r.integer("index", 0, kMaxIndex), r.string("text")};
}

json checkpointToJson(const CheckpointEvent& checkpoint)
{
    json out = json::object();
    out["index"] = checkpoint.index;
    out["question"] = checkpoint.question;
    out["choices"] = checkpoint.choices;
    out["answer"] = checkpoint.answer;
    return out;
}

CheckpointEvent checkpointFromJson(const JsonObject& r)
{
    CheckpointEvent checkpoint;
    checkpoint.index = r.integer("index", 0, kMaxIndex);
    checkpoint.question = r.string("question");
    const json& choices = r.input().array(r.member("choices"), r.field("choices"));
    for (std::size_t i = 0; i < choices.size(); ++i)
        checkpoint.choices.push_back(r.input().string(choices[i], indexed(r.field("choices"), i)));
    checkpoint.answer = r.integer("answer", -1, static_cast<int>(checkpoint.choices.size()) - 1);
    return checkpoint;
}

json snapshotToJson(const Snapshot& snapshot)
{
    json out = json::object();
    if (snapshot.hasSession) {
        out["scenario"] = scenarioToJsonValue(snapshot.scenario);
        out["settings"] = core::detail::settingsToJson(snapshot.settings);
    } else {
        out["scenario"] = nullptr;
        out["settings"] = nullptr;
    }
    json steps = json::array();
    for (const auto& step : snapshot.steps)
        steps.push_back(stepToJson(step));
    out["steps"] = std::move(steps);
    out["position"] = snapshot.position;
    json narration = json::array();
    for (const auto& n : snapshot.narration)
        narration.push_back(narrationToJson(n));
    out["narration"] = std::move(narration);
    json checkpoints = json::array();
    for (const auto& c : snapshot.checkpoints)
        checkpoints.push_back(checkpointToJson(c));
    out["checkpoints"] = std::move(checkpoints);
    out["ended"] = snapshot.ended;
    return out;
}

Snapshot snapshotFromJson(const JsonInput& input, const json& value, const std::string& path)
{
    const JsonObject r(
        input, value, path, {"scenario", "settings", "steps", "position", "narration", "checkpoints", "ended"});
    Snapshot snapshot;
    const json& scenario = r.member("scenario");
    const json& settings = r.member("settings");
    if (scenario.is_null() != settings.is_null())
        input.fail(r.field("scenario"), "scenario and settings must both be null or both be set");
    if (!scenario.is_null()) {
        snapshot.hasSession = true;
        snapshot.scenario = scenarioFromJson(input, scenario, r.field("scenario"));
        snapshot.settings = core::detail::readSettings(input, settings, r.field("settings"));
    }
    const json& steps = input.array(r.member("steps"), r.field("steps"));
    if (!snapshot.hasSession && !steps.empty())
        input.fail(r.field("steps"), "steps without a session");
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const std::string at = indexed(r.field("steps"), i);
        snapshot.steps.push_back(stepFromJson(JsonObject(input, steps[i], at, {"index", "thread", "step", "hash"})));
        // Consumers index scenario.threads with these: a snapshot is checked like a live event.
        if (snapshot.steps.back().index != static_cast<int>(i))
            input.fail(at + ".index", "expected " + std::to_string(i));
        if (snapshot.steps.back().thread >= static_cast<int>(snapshot.scenario.threads.size()))
            input.fail(at + ".thread", "no such thread in the session's scenario");
    }
    snapshot.position = r.integer("position", 0, static_cast<int>(snapshot.steps.size()));
    const json& narration = input.array(r.member("narration"), r.field("narration"));
    for (std::size_t i = 0; i < narration.size(); ++i)
        snapshot.narration.push_back(
            narrationFromJson(JsonObject(input, narration[i], indexed(r.field("narration"), i), {"index", "text"})));
    const json& checkpoints = input.array(r.member("checkpoints"), r.field("checkpoints"));
    for (std::size_t i = 0; i < checkpoints.size(); ++i)
        snapshot.checkpoints.push_back(checkpointFromJson(JsonObject(
            input, checkpoints[i], indexed(r.field("checkpoints"), i), {"index", "question", "choices", "answer"})));
    snapshot.ended = r.boolean("ended");
    return snapshot;
}

std::vector<std::string> stringsFromJson(const JsonObject& r, const char* name)
{
    std::vector<std::string> out;
    const json& array = r.input().array(r.member(name), r.field(name));
    for (std::size_t i = 0; i < array.size(); ++i)
        out.push_back(r.input().string(array[i], indexed(r.field(name), i)));
    return out;
}

msg::Reveal revealFromJson(const JsonObject& r)
{
    msg::Reveal reveal;
    reveal.checkpoint = r.integer("checkpoint", 0, kMaxIndex);
    reveal.question = r.string("question");
    reveal.choices = stringsFromJson(r, "choices");
    reveal.answer = r.integer("answer", -1, static_cast<int>(reveal.choices.size()) - 1);
    reveal.followers = r.integer("followers", 0, kMaxIndex);
    reveal.answered = r.integer("answered", 0, kMaxIndex);
    const json& counts = r.input().array(r.member("counts"), r.field("counts"));
    if (counts.size() != reveal.choices.size())
        r.input().fail(r.field("counts"), "expected one count per choice");
    for (std::size_t i = 0; i < counts.size(); ++i)
        reveal.counts.push_back(r.input().integer(counts[i], indexed(r.field("counts"), i), 0, kMaxIndex));
    reveal.correct = r.integer("correct", 0, reveal.answered);
    return reveal;
}

msg::Page pageFromJson(const JsonObject& r)
{
    msg::Page page;
    page.position = r.integer("position", 0, kMaxIndex);
    page.title = r.string("title");
    page.body = r.string("body");
    const json& notes = r.input().array(r.member("notes"), r.field("notes"));
    for (std::size_t i = 0; i < notes.size(); ++i) {
        const JsonObject note(r.input(), notes[i], indexed(r.field("notes"), i), {"id", "title"});
        page.notes.push_back({note.string("id"), note.string("title")});
    }
    return page;
}

Refusal refusalFromName(const JsonInput& input, const std::string& name, const std::string& field)
{
    for (const auto r : {Refusal::WrongCode, Refusal::Version, Refusal::Protocol, Refusal::ReadOnly, Refusal::Full}) {
        if (refusalName(r) == name)
            return r;
    }
    input.fail(field, "unknown refusal '" + name + "'");
}

template <class... Ts>
struct Overloaded : Ts...
{
    using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

json messageToJson(const Message& message)
{
    json out = json::object();
    out["type"] = std::string(messageType(message));
    std::visit(Overloaded {
                   [&](const msg::Hello& m) {
                       out["protocol"] = m.protocol;
                       out["version"] = m.version;
                       out["code"] = m.code;
                       out["role"] = m.role;
                       if (!m.frames.empty())
                           out["frames"] = m.frames;
                       if (!m.layout.empty())
                           out["layout"] = m.layout;
                   },
                   [&](const msg::Welcome& m) {
                       out["session"] = m.session;
                       out["snapshot"] = snapshotToJson(m.snapshot);
                   },
                   [&](const msg::Refused& m) {
                       out["why"] = std::string(refusalName(m.why));
                       out["reason"] = m.reason;
                   },
                   [&](const msg::Ping&) {},
                   [&](const msg::Resync&) {},
                   [&](const msg::SnapshotReply& m) { out["snapshot"] = snapshotToJson(m.snapshot); },
                   [&](const msg::Session& m) {
                       out["scenario"] = scenarioToJsonValue(m.scenario);
                       out["settings"] = core::detail::settingsToJson(m.settings);
                   },
                   [&](const StepEvent& m) { out.update(stepToJson(m)); },
                   [&](const msg::Jump& m) { out["position"] = m.position; },
                   [&](const msg::SettingsChange& m) { out["settings"] = core::detail::settingsToJson(m.settings); },
                   [&](const NarrationEvent& m) { out.update(narrationToJson(m)); },
                   [&](const CheckpointEvent& m) { out.update(checkpointToJson(m)); },
                   [&](const msg::End&) {},
                   [&](const msg::Answer& m) {
                       out["student"] = m.student;
                       out["checkpoint"] = m.checkpoint;
                       out["answer"] = m.answer;
                       out["nickname"] = m.nickname;
                   },
                   [&](const msg::Reveal& m) {
                       out["checkpoint"] = m.checkpoint;
                       out["question"] = m.question;
                       out["choices"] = m.choices;
                       out["answer"] = m.answer;
                       out["followers"] = m.followers;
                       out["answered"] = m.answered;
                       out["counts"] = m.counts;
                       out["correct"] = m.correct;
                   },
                   [&](const msg::Page& m) {
                       out["position"] = m.position;
                       out["title"] = m.title;
                       out["body"] = m.body;
                       json notes = json::array();
                       for (const auto& note : m.notes)
                           notes.push_back(json {{"id", note.id}, {"title", note.title}});
                       out["notes"] = std::move(notes);
                   },
                   [&](const msg::Layout& m) { out["layout"] = m.layout; },
               },
        message);
    return out;
}

Message messageFromJson(const JsonInput& input)
{
    const json& value = input.object(input.root(), {});
    const std::string type = input.string(*input.member(value, {}, "type", true), "type");
    const MessageTypeInfo* info = findMessageType(type);
    if (!info)
        input.fail("type", "unknown message type '" + type + "'");
    auto members = [&](std::initializer_list<std::string_view> known) { return JsonObject(input, value, {}, known); };
    switch (info->type) {
    case MessageType::Hello: {
        const auto r = members({"type", "protocol", "version", "code", "role", "frames", "layout"});
        return msg::Hello {r.string("protocol"), r.integer("version", 0, 1 << 30), r.string("code"), r.string("role"),
            value.contains("frames") ? r.string("frames") : std::string(),
            value.contains("layout") ? r.string("layout") : std::string()};
    }
    case MessageType::Welcome: {
        const auto r = members({"type", "session", "snapshot"});
        return msg::Welcome {r.string("session"), snapshotFromJson(input, r.member("snapshot"), "snapshot")};
    }
    case MessageType::Refused: {
        const auto r = members({"type", "why", "reason"});
        return msg::Refused {refusalFromName(input, r.string("why"), "why"), r.string("reason")};
    }
    case MessageType::Ping:
        members({"type"});
        return msg::Ping {};
    case MessageType::Resync:
        members({"type"});
        return msg::Resync {};
    case MessageType::Snapshot:
        return msg::SnapshotReply {
            snapshotFromJson(input, members({"type", "snapshot"}).member("snapshot"), "snapshot")};
    case MessageType::Session: {
        const auto r = members({"type", "scenario", "settings"});
        return msg::Session {scenarioFromJson(input, r.member("scenario"), "scenario"),
            core::detail::readSettings(input, r.member("settings"), "settings")};
    }
    case MessageType::Step:
        return stepFromJson(members({"type", "index", "thread", "step", "hash"}));
    case MessageType::Jump:
        return msg::Jump {members({"type", "position"}).integer("position", 0, kMaxIndex)};
    case MessageType::Settings:
        return msg::SettingsChange {
            core::detail::readSettings(input, members({"type", "settings"}).member("settings"), "settings")};
    case MessageType::Narration:
        return narrationFromJson(members({"type", "index", "text"}));
    case MessageType::Checkpoint:
        return checkpointFromJson(members({"type", "index", "question", "choices", "answer"}));
    case MessageType::End:
        members({"type"});
        return msg::End {};
    case MessageType::Answer: {
        const auto r = members({"type", "student", "checkpoint", "answer", "nickname"});
        return msg::Answer {
            r.string("student"), r.integer("checkpoint", 0, kMaxIndex), r.string("answer"), r.string("nickname")};
    }
    case MessageType::Reveal:
        return revealFromJson(members(
            {"type", "checkpoint", "question", "choices", "answer", "followers", "answered", "counts", "correct"}));
    case MessageType::Page:
        return pageFromJson(members({"type", "position", "title", "body", "notes"}));
    case MessageType::Layout:
        return msg::Layout {members({"type", "layout"}).string("layout")};
    }
    input.fail("type", "unknown message type '" + type + "'");
}

} // namespace

std::string encodeMessage(const Message& message)
{
    // Invalid UTF-8 in narration (e.g. from a hand-edited lesson) is replaced, never thrown.
    return messageToJson(message).dump(-1, ' ', false, json::error_handler_t::replace);
}

core::Result<Message> decodeMessage(std::string_view body)
{
    return core::detail::readJsonDocument<Message>(body, "classroom message", messageFromJson);
}

} // namespace msb::classroom
