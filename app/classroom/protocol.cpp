// SPDX-License-Identifier: MIT
#include "app/classroom/protocol.h"

#include "core/scenario_io.h"

#include <nlohmann/json.hpp>

#include <array>
#include <cctype>
#include <charconv>
#include <initializer_list>
#include <random>
#include <set>
#include <stdexcept>

namespace msb::classroom {

using nlohmann::json;

std::string randomJoinCode(std::size_t length)
{
    std::random_device device;
    std::uniform_int_distribution<std::size_t> pick(0, kJoinCodeAlphabet.size() - 1);
    std::string code;
    for (std::size_t i = 0; i < length; ++i)
        code += kJoinCodeAlphabet[pick(device)];
    return code;
}

std::string normalizeJoinCode(std::string_view code)
{
    std::string out;
    for (const char c : code)
        out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

std::string_view refusalName(Refusal refusal)
{
    switch (refusal) {
    case Refusal::WrongCode:
        return "code";
    case Refusal::Version:
        return "version";
    case Refusal::Protocol:
        return "protocol";
    case Refusal::ReadOnly:
        return "read-only";
    case Refusal::Full:
        return "full";
    }
    return "protocol";
}

namespace {

constexpr std::array<std::string_view, std::variant_size_v<Message>> kTypeNames = {"hello", "welcome", "refused",
    "ping", "resync", "snapshot", "session", "step", "jump", "settings", "narration", "checkpoint", "end"};

// nlohmann's parser recurses per nesting level; a 1 MiB frame of '[' would overflow the stack,
// so nesting is bounded before parsing. Our deepest message nests about 6 levels.
constexpr int kMaxNesting = 32;

bool nestingWithin(std::string_view text, int limit)
{
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    for (const char c : text) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > limit)
                return false;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return true;
}

std::string hashToHex(std::uint64_t hash)
{
    static constexpr char digits[] = "0123456789abcdef";
    std::string out(16, '0');
    for (int i = 15; i >= 0; --i) {
        out[static_cast<std::size_t>(i)] = digits[hash & 0xf];
        hash >>= 4;
    }
    return out;
}

struct DecodeError : std::runtime_error
{
    DecodeError(const std::string& field, const std::string& message)
        : std::runtime_error(message)
        , field(field)
    {
    }
    std::string field;
};

[[noreturn]] void fail(const std::string& field, const std::string& message)
{
    throw DecodeError(field, message);
}

// Reads the members of one object and insists that nothing else is there.
class ObjectReader
{
public:
    ObjectReader(const json& value, std::string path, std::initializer_list<std::string_view> allowed)
        : m_value(value)
        , m_path(std::move(path))
    {
        if (!value.is_object())
            fail(m_path, "expected an object");
        for (const auto& item : value.items()) {
            bool known = false;
            for (const auto name : allowed)
                known = known || item.key() == name;
            if (!known)
                fail(field(item.key()), "unknown member");
        }
    }

    std::string field(std::string_view name) const
    {
        return m_path.empty() ? std::string(name) : m_path + "." + std::string(name);
    }
    const json& member(std::string_view name) const
    {
        const auto it = m_value.find(name);
        if (it == m_value.end())
            fail(field(name), "missing");
        return *it;
    }
    bool has(std::string_view name) const { return m_value.contains(name); }
    std::string string(std::string_view name) const
    {
        const json& v = member(name);
        if (!v.is_string())
            fail(field(name), "expected a string");
        return v.get<std::string>();
    }
    int integer(std::string_view name, int min, int max) const
    {
        const json& v = member(name);
        if (!v.is_number_integer())
            fail(field(name), "expected an integer");
        const auto n = v.get<std::int64_t>();
        if (n < min || n > max)
            fail(field(name), "out of range [" + std::to_string(min) + ", " + std::to_string(max) + "]");
        return static_cast<int>(n);
    }
    bool boolean(std::string_view name) const
    {
        const json& v = member(name);
        if (!v.is_boolean())
            fail(field(name), "expected true or false");
        return v.get<bool>();
    }

private:
    const json& m_value;
    std::string m_path;
};

constexpr int kMaxIndex = 1 << 24; // far beyond any session, small enough for int arithmetic

json settingsToJson(const core::Settings& settings)
{
    json out = json::object();
    for (const auto& knob : core::knobs())
        out[std::string(knob.key)] = std::string(core::knobValue(settings, knob.key));
    return out;
}

core::Settings settingsFromJson(const json& value, const std::string& path)
{
    if (!value.is_object())
        fail(path, "expected an object");
    core::Settings settings;
    for (const auto& knob : core::knobs()) {
        const auto it = value.find(knob.key);
        if (it == value.end())
            fail(path + "." + std::string(knob.key), "missing");
        if (!it->is_string())
            fail(path + "." + std::string(knob.key), "expected a string");
        auto changed = core::withKnob(settings, knob.key, it->get<std::string>());
        if (!changed)
            fail(path + "." + std::string(knob.key), changed.error().message);
        settings = changed.value();
    }
    if (value.size() != core::knobs().size())
        fail(path, "unknown member");
    return settings;
}

json scenarioToJsonValue(const core::Scenario& scenario)
{
    return json::parse(core::scenarioToJson(scenario));
}

core::Scenario scenarioFromJson(const json& value, const std::string& path)
{
    if (!value.is_object())
        fail(path, "expected an object");
    auto scenario = core::parseScenario(value.dump(), "message");
    if (!scenario) {
        const auto& error = scenario.error();
        fail(error.field.empty() ? path : path + "." + error.field, error.message);
    }
    return scenario.value();
}

json stepToJson(const StepEvent& step)
{
    json out = json::object();
    out["index"] = step.index;
    out["thread"] = step.thread;
    out["step"] = std::string(core::stepInfo(step.step).id);
    out["hash"] = hashToHex(step.hash);
    return out;
}

StepEvent stepFromJson(const json& value, const std::string& path, bool typed)
{
    const ObjectReader r(value, path,
        typed ? std::initializer_list<std::string_view> {"type", "index", "thread", "step", "hash"}
              : std::initializer_list<std::string_view> {"index", "thread", "step", "hash"});
    StepEvent step;
    step.index = r.integer("index", 0, kMaxIndex);
    step.thread = r.integer("thread", 0, core::kMaxThreads - 1);
    const std::string label = r.string("step");
    step.step = core::stepFromLabel(label);
    if (step.step == core::StepId::Count)
        fail(r.field("step"), "unknown step '" + label + "'");
    const std::string hash = r.string("hash");
    if (hash.size() != 16)
        fail(r.field("hash"), "expected 16 hexadecimal digits");
    for (const char c : hash) {
        if (!std::isxdigit(static_cast<unsigned char>(c)) || std::isupper(static_cast<unsigned char>(c)))
            fail(r.field("hash"), "expected 16 lower-case hexadecimal digits");
    }
    std::from_chars(hash.data(), hash.data() + hash.size(), step.hash, 16);
    return step;
}

json narrationToJson(const NarrationEvent& narration)
{
    json out = json::object();
    out["index"] = narration.index;
    out["text"] = narration.text;
    return out;
}

NarrationEvent narrationFromJson(const json& value, const std::string& path, bool typed)
{
    const ObjectReader r(value, path,
        typed ? std::initializer_list<std::string_view> {"type", "index", "text"}
              : std::initializer_list<std::string_view> {"index", "text"});
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

CheckpointEvent checkpointFromJson(const json& value, const std::string& path, bool typed)
{
    const ObjectReader r(value, path,
        typed ? std::initializer_list<std::string_view> {"type", "index", "question", "choices", "answer"}
              : std::initializer_list<std::string_view> {"index", "question", "choices", "answer"});
    CheckpointEvent checkpoint;
    checkpoint.index = r.integer("index", 0, kMaxIndex);
    checkpoint.question = r.string("question");
    const json& choices = r.member("choices");
    if (!choices.is_array())
        fail(r.field("choices"), "expected an array");
    for (const auto& choice : choices) {
        if (!choice.is_string())
            fail(r.field("choices"), "expected strings");
        checkpoint.choices.push_back(choice.get<std::string>());
    }
    checkpoint.answer = r.integer("answer", -1, static_cast<int>(checkpoint.choices.size()) - 1);
    return checkpoint;
}

json snapshotToJson(const Snapshot& snapshot)
{
    json out = json::object();
    if (snapshot.hasSession) {
        out["scenario"] = scenarioToJsonValue(snapshot.scenario);
        out["settings"] = settingsToJson(snapshot.settings);
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

Snapshot snapshotFromJson(const json& value, const std::string& path)
{
    const ObjectReader r(
        value, path, {"scenario", "settings", "steps", "position", "narration", "checkpoints", "ended"});
    Snapshot snapshot;
    const json& scenario = r.member("scenario");
    const json& settings = r.member("settings");
    if (scenario.is_null() != settings.is_null())
        fail(r.field("scenario"), "scenario and settings must both be null or both be set");
    if (!scenario.is_null()) {
        snapshot.hasSession = true;
        snapshot.scenario = scenarioFromJson(scenario, r.field("scenario"));
        snapshot.settings = settingsFromJson(settings, r.field("settings"));
    }
    const auto list = [&](std::string_view name) -> const json& {
        const json& v = r.member(name);
        if (!v.is_array())
            fail(r.field(name), "expected an array");
        return v;
    };
    const json& steps = list("steps");
    if (!snapshot.hasSession && !steps.empty())
        fail(r.field("steps"), "steps without a session");
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const std::string at = r.field("steps") + "[" + std::to_string(i) + "]";
        snapshot.steps.push_back(stepFromJson(steps[i], at, false));
        // Consumers index scenario.threads with these: a snapshot is checked like a live event.
        if (snapshot.steps.back().index != static_cast<int>(i))
            fail(at + ".index", "expected " + std::to_string(i));
        if (snapshot.steps.back().thread >= static_cast<int>(snapshot.scenario.threads.size()))
            fail(at + ".thread", "no such thread in the session's scenario");
    }
    snapshot.position = r.integer("position", 0, static_cast<int>(snapshot.steps.size()));
    const json& narration = list("narration");
    for (std::size_t i = 0; i < narration.size(); ++i)
        snapshot.narration.push_back(
            narrationFromJson(narration[i], r.field("narration") + "[" + std::to_string(i) + "]", false));
    const json& checkpoints = list("checkpoints");
    for (std::size_t i = 0; i < checkpoints.size(); ++i)
        snapshot.checkpoints.push_back(
            checkpointFromJson(checkpoints[i], r.field("checkpoints") + "[" + std::to_string(i) + "]", false));
    snapshot.ended = r.boolean("ended");
    return snapshot;
}

Refusal refusalFromName(const std::string& name, const std::string& field)
{
    for (const auto r : {Refusal::WrongCode, Refusal::Version, Refusal::Protocol, Refusal::ReadOnly, Refusal::Full}) {
        if (refusalName(r) == name)
            return r;
    }
    fail(field, "unknown refusal '" + name + "'");
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
                       out["settings"] = settingsToJson(m.settings);
                   },
                   [&](const StepEvent& m) { out.update(stepToJson(m)); },
                   [&](const msg::Jump& m) { out["position"] = m.position; },
                   [&](const msg::SettingsChange& m) { out["settings"] = settingsToJson(m.settings); },
                   [&](const NarrationEvent& m) { out.update(narrationToJson(m)); },
                   [&](const CheckpointEvent& m) { out.update(checkpointToJson(m)); },
                   [&](const msg::End&) {},
               },
        message);
    return out;
}

Message messageFromJson(const json& value)
{
    if (!value.is_object())
        fail("", "expected an object");
    const auto typeIt = value.find("type");
    if (typeIt == value.end() || !typeIt->is_string())
        fail("type", "missing or not a string");
    const std::string type = typeIt->get<std::string>();
    if (type == "hello") {
        const ObjectReader r(value, "", {"type", "protocol", "version", "code", "role"});
        msg::Hello m;
        m.protocol = r.string("protocol");
        m.version = r.integer("version", 0, 1 << 30);
        m.code = r.string("code");
        m.role = r.string("role");
        return m;
    }
    if (type == "welcome") {
        const ObjectReader r(value, "", {"type", "session", "snapshot"});
        return msg::Welcome {r.string("session"), snapshotFromJson(r.member("snapshot"), "snapshot")};
    }
    if (type == "refused") {
        const ObjectReader r(value, "", {"type", "why", "reason"});
        return msg::Refused {refusalFromName(r.string("why"), "why"), r.string("reason")};
    }
    if (type == "ping") {
        const ObjectReader r(value, "", {"type"});
        return msg::Ping {};
    }
    if (type == "resync") {
        const ObjectReader r(value, "", {"type"});
        return msg::Resync {};
    }
    if (type == "snapshot") {
        const ObjectReader r(value, "", {"type", "snapshot"});
        return msg::SnapshotReply {snapshotFromJson(r.member("snapshot"), "snapshot")};
    }
    if (type == "session") {
        const ObjectReader r(value, "", {"type", "scenario", "settings"});
        return msg::Session {
            scenarioFromJson(r.member("scenario"), "scenario"), settingsFromJson(r.member("settings"), "settings")};
    }
    if (type == "step")
        return stepFromJson(value, "", true);
    if (type == "jump") {
        const ObjectReader r(value, "", {"type", "position"});
        return msg::Jump {r.integer("position", 0, kMaxIndex)};
    }
    if (type == "settings") {
        const ObjectReader r(value, "", {"type", "settings"});
        return msg::SettingsChange {settingsFromJson(r.member("settings"), "settings")};
    }
    if (type == "narration")
        return narrationFromJson(value, "", true);
    if (type == "checkpoint")
        return checkpointFromJson(value, "", true);
    if (type == "end") {
        const ObjectReader r(value, "", {"type"});
        return msg::End {};
    }
    fail("type", "unknown message type '" + type + "'");
}

} // namespace

std::string_view messageType(const Message& message)
{
    return kTypeNames[message.index()];
}

bool isSessionEvent(const Message& message)
{
    return std::holds_alternative<msg::Session>(message) || std::holds_alternative<StepEvent>(message)
        || std::holds_alternative<msg::Jump>(message) || std::holds_alternative<msg::SettingsChange>(message)
        || std::holds_alternative<NarrationEvent>(message) || std::holds_alternative<CheckpointEvent>(message)
        || std::holds_alternative<msg::End>(message);
}

std::string encodeMessage(const Message& message)
{
    // Invalid UTF-8 in narration (e.g. from a hand-edited lesson) is replaced, never thrown.
    return messageToJson(message).dump(-1, ' ', false, json::error_handler_t::replace);
}

core::Result<Message> decodeMessage(std::string_view body)
{
    core::Error error;
    error.file = "classroom message";
    if (!nestingWithin(body, kMaxNesting)) {
        error.message = "nested more than " + std::to_string(kMaxNesting) + " levels";
        return error;
    }
    const json value = json::parse(body, nullptr, false);
    if (value.is_discarded()) {
        error.message = "not valid JSON";
        return error;
    }
    try {
        return messageFromJson(value);
    } catch (const DecodeError& e) {
        error.field = e.field;
        error.message = e.what();
    } catch (const json::exception& e) {
        error.message = e.what();
    }
    return error;
}

std::string encodeFrame(std::string_view body)
{
    const auto n = static_cast<std::uint32_t>(body.size());
    std::string frame;
    frame.reserve(kFrameHeaderBytes + body.size());
    frame += static_cast<char>((n >> 24) & 0xff);
    frame += static_cast<char>((n >> 16) & 0xff);
    frame += static_cast<char>((n >> 8) & 0xff);
    frame += static_cast<char>(n & 0xff);
    frame.append(body);
    return frame;
}

void FrameDecoder::feed(const char* data, std::size_t size)
{
    if (m_broken)
        return;
    // Compact once the consumed prefix dominates, so a long session does not grow the buffer.
    if (m_offset > 0 && m_offset >= m_buffer.size() / 2) {
        m_buffer.erase(0, m_offset);
        m_offset = 0;
    }
    m_buffer.append(data, size);
}

FrameDecoder::Status FrameDecoder::next(std::string& body)
{
    if (m_broken)
        return Status::Oversize;
    if (buffered() < kFrameHeaderBytes)
        return Status::NeedMore;
    const auto* p = reinterpret_cast<const unsigned char*>(m_buffer.data() + m_offset);
    const std::size_t length =
        (std::size_t {p[0]} << 24) | (std::size_t {p[1]} << 16) | (std::size_t {p[2]} << 8) | std::size_t {p[3]};
    if (length > m_maxFrameBytes) {
        m_broken = true;
        m_announced = length;
        m_buffer.clear();
        m_offset = 0;
        return Status::Oversize;
    }
    if (buffered() < kFrameHeaderBytes + length)
        return Status::NeedMore;
    body.assign(m_buffer, m_offset + kFrameHeaderBytes, length);
    m_offset += kFrameHeaderBytes + length;
    return Status::Frame;
}

bool OutgoingQueue::push(FramePtr frame)
{
    if (m_frames.size() + 1 > m_maxFrames || m_bytes + frame->size() > m_maxBytes)
        return false;
    m_bytes += frame->size();
    m_frames.push_back(std::move(frame));
    return true;
}

void OutgoingQueue::pop()
{
    m_bytes -= m_frames.front()->size();
    m_frames.pop_front();
}

void OutgoingQueue::clear()
{
    m_frames.clear();
    m_bytes = 0;
}

} // namespace msb::classroom
