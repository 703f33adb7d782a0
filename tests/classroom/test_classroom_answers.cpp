// SPDX-License-Identifier: MIT
// Students' checkpoint answers in the host protocol, without sockets: one answer per student per
// question (a change replaces it, a reconnect keeps one), the tally and its reveal, the lesson
// page's text for late joiners, and bad, oversize or flooding answers closing only that follower.
#include "app/classroom/answer_tally.h"
#include "app/classroom/host_protocol.h"
#include "app/classroom/lesson_page_text.h"
#include "core/builtin_scenarios.h"
#include "core/lesson.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <map>

using namespace msb::classroom;
namespace core = msb::core;
using namespace std::chrono_literals;
using nlohmann::json;

namespace {

struct RecordingTransport : HostTransport
{
    std::map<ConnectionId, std::vector<json>> sent;
    std::map<ConnectionId, std::string> closedWhy;
    bool send(ConnectionId id, const FramePtr& frame) override
    {
        sent[id].push_back(json::parse(frame->substr(kFrameHeaderBytes)));
        return true;
    }
    void close(ConnectionId id, const std::string& reason, Close) override { closedWhy[id] = reason; }
    std::vector<json> ofType(ConnectionId id, const std::string& type)
    {
        std::vector<json> out;
        for (const auto& body : sent[id]) {
            if (body["type"] == type)
                out.push_back(body);
        }
        return out;
    }
};

CheckpointEvent question()
{
    return {0, "What is page_count now?", {"1", "2", "3"}, 1};
}

struct ClassroomAnswers : ::testing::Test
{
    RecordingTransport transport;
    HostProtocolOptions options = [] {
        HostProtocolOptions o;
        o.code = "QWE234";
        o.sessionId = "s1";
        return o;
    }();
    HostProtocol host {options, transport};
    Clock::time_point now = Clock::now();
    std::vector<QuestionTally> tallies;

    void SetUp() override
    {
        host.onTally = [this](const QuestionTally& tally, int) { tallies.push_back(tally); };
        ASSERT_TRUE(host.publish(msg::Session {core::loadBuiltinScenario("two-faults").value(), {}}, now));
        ASSERT_TRUE(host.publish(question(), now));
    }

    void join(ConnectionId id, FollowerKind kind = FollowerKind::Web)
    {
        host.connected(id, now, "peer" + std::to_string(id), kind);
        const std::string role = kind == FollowerKind::Web ? "web" : "follower";
        host.receivedMessage(id,
            R"({"type":"hello","protocol":"migration-sandbox-classroom","version":1,"code":"QWE234","role":")" + role
                + R"("})",
            now);
        ASSERT_TRUE(host.snapshot().hasSession);
    }

    void answer(ConnectionId id, const std::string& student, const std::string& text, const std::string& nick = "")
    {
        host.receivedMessage(id, encodeMessage(msg::Answer {student, 0, text, nick}), now);
    }

    bool open(ConnectionId id) const { return !transport.closedWhy.count(id); }
};

TEST_F(ClassroomAnswers, OneAnswerPerStudentAChangeReplacesIt)
{
    join(1);
    join(2);
    answer(1, "student-aaaa", "2", "Ana");
    answer(2, "student-bbbb", "1");
    answer(1, "student-aaaa", "3", "Ana"); // Ana changes her mind
    ASSERT_TRUE(open(1) && open(2));
    const QuestionTally tally = host.answers().tally(question());
    EXPECT_EQ(tally.answered, 2);
    EXPECT_EQ(tally.counts, (std::vector<int> {1, 0, 1}));
    EXPECT_EQ(tally.correct, 0);
    EXPECT_EQ(tallies.size(), 3u);
    EXPECT_EQ(AnswerTally::line(tally, 2),
        "tally \"What is page_count now?\": 2/2 answered; \"1\" 1 (50%); \"2\" 0 (0%) *; \"3\" 1 (50%); correct 0%");
}

TEST_F(ClassroomAnswers, ReconnectWithTheSameIdKeepsOneAnswer)
{
    join(1, FollowerKind::Native);
    answer(1, "student-aaaa", "1");
    host.disconnected(1, "wifi dropped");
    join(7, FollowerKind::Native);
    answer(7, "student-aaaa", "2"); // the lesson checker's rule: text or 1-based number
    const QuestionTally tally = host.answers().tally(question());
    EXPECT_EQ(tally.answered, 1);
    EXPECT_EQ(tally.counts, (std::vector<int> {0, 1, 0}));
    EXPECT_EQ(tally.correct, 1);
}

TEST_F(ClassroomAnswers, AnswersNeverChangeTheSession)
{
    join(1);
    const Snapshot before = host.snapshot();
    answer(1, "student-aaaa", "2");
    EXPECT_EQ(host.snapshot(), before);
    EXPECT_TRUE(transport.ofType(1, "step").empty());
}

TEST_F(ClassroomAnswers, FloodClosesOnlyThatConnection)
{
    join(1);
    join(2);
    for (int i = 0; i < 50 && open(1); ++i)
        answer(1, "student-aaaa", i % 2 ? "1" : "2");
    EXPECT_FALSE(open(1));
    EXPECT_NE(transport.closedWhy[1].find("faster"), std::string::npos) << transport.closedWhy[1];
    answer(2, "student-bbbb", "2");
    EXPECT_TRUE(open(2));
    EXPECT_EQ(host.answers().tally(question()).answered, 2);
    // The bucket refills: a person changing an answer every few seconds is never closed.
    join(3);
    for (int i = 0; i < 30; ++i) {
        now += 2s;
        answer(3, "student-cccc", i % 2 ? "1" : "3");
    }
    EXPECT_TRUE(open(3));
}

TEST_F(ClassroomAnswers, OversizeAndBadAnswersCloseOnlyThatConnection)
{
    join(9);
    const std::vector<std::pair<std::string, std::string>> bad = {
        {encodeMessage(msg::Answer {"student-aaaa", 0, "2", std::string(33, 'n')}), "nickname of 33"},
        {encodeMessage(msg::Answer {"short", 0, "2", ""}), "student id"},
        {encodeMessage(msg::Answer {"student/../aa", 0, "2", ""}), "characters"},
        {encodeMessage(msg::Answer {"student-aaaa", 0, std::string(65, '2'), ""}), "answer of 65"},
        {encodeMessage(msg::Answer {"student-aaaa", 0, "7", ""}), "none of the question's choices"},
        {R"({"type":"answer","student":"student-aaaa","checkpoint":0,"answer":"2","nickname":"","x":1})", "malformed"},
        {R"({"type":"answer","student":"student-aaaa","checkpoint":0,"answer":"2","nickname":")" + std::string(600, 'z')
                + R"("})",
            "bytes"},
        {R"({"type":"step","index":0,"thread":0,"step":"A0","hash":"0000000000000000"})", "read-only"},
    };
    ConnectionId id = 10;
    for (const auto& [body, why] : bad) {
        join(id);
        host.receivedMessage(id, body, now);
        EXPECT_FALSE(open(id)) << body;
        EXPECT_NE(transport.closedWhy[id].find(why), std::string::npos) << transport.closedWhy[id];
        ++id;
    }
    EXPECT_TRUE(open(9));
    EXPECT_EQ(host.answers().tally(question()).answered, 0);
    // A second student on one connection is a forgery.
    answer(9, "student-aaaa", "2");
    answer(9, "student-zzzz", "2");
    EXPECT_FALSE(open(9));
    EXPECT_EQ(host.answers().tally(question()).answered, 1);
}

TEST_F(ClassroomAnswers, AStaleAnswerIsIgnoredNotFatal)
{
    join(1);
    host.receivedMessage(1, encodeMessage(msg::Answer {"student-aaaa", 5, "2", ""}), now);
    EXPECT_TRUE(open(1));
    EXPECT_TRUE(host.answers().empty());
}

TEST_F(ClassroomAnswers, RevealReachesEveryFollowerAndLateJoiners)
{
    join(1);
    join(2, FollowerKind::Native);
    answer(1, "student-aaaa", "2");
    answer(2, "student-bbbb", "3");
    ASSERT_TRUE(host.reveal(-1, now));
    for (const ConnectionId id : {1, 2}) {
        const auto reveals = transport.ofType(id, "reveal");
        ASSERT_EQ(reveals.size(), 1u);
        EXPECT_EQ(reveals[0].dump(),
            R"({"answer":1,"answered":2,"checkpoint":0,"choices":["1","2","3"],"correct":1,"counts":[0,1,1],)"
            R"("followers":2,"question":"What is page_count now?","type":"reveal"})");
    }
    join(3);
    EXPECT_EQ(transport.ofType(3, "reveal").size(), 1u);
    EXPECT_FALSE(host.reveal(4, now));
}

TEST_F(ClassroomAnswers, LessonPageTextReachesLateJoiners)
{
    const core::Lesson lesson = core::loadBuiltinLesson(core::builtinLessonNames().front()).value();
    const msg::Page page = lessonPageMessage(lesson, 0, 0);
    EXPECT_EQ(page.body, lesson.pages[0].narration);
    ASSERT_FALSE(page.notes.empty());
    for (const auto& note : page.notes)
        EXPECT_FALSE(note.title.empty()) << note.id;
    join(1);
    host.publishPage(page, now);
    join(2);
    for (const ConnectionId id : {1, 2}) {
        const auto pages = transport.ofType(id, "page");
        ASSERT_EQ(pages.size(), 1u);
        EXPECT_EQ(decodeMessage(pages[0].dump()).value(), Message(page));
    }
}

// A page count offers "0".."4": the follow page sends the choice's text, which must not be read
// as the 1-based number of another choice; a number counts only when no choice's text matches.
TEST(AnswerTally, AChoicesTextBeatsAnotherChoicesNumber)
{
    const std::vector<CheckpointEvent> asked = {{0, "page_count?", {"3", "2", "1"}, 1}, {1, "Who?", {"T1", "T2"}, 0}};
    AnswerTally tally;
    EXPECT_EQ(tally.record(asked, {"student-aaaa", 0, "1", ""}), AnswerTally::Outcome::Counted);
    EXPECT_EQ(tally.record(asked, {"student-bbbb", 0, "2", ""}), AnswerTally::Outcome::Counted);
    EXPECT_EQ(tally.record(asked, {"student-cccc", 1, "2", ""}), AnswerTally::Outcome::Counted);
    const QuestionTally count = tally.tally(asked[0]);
    EXPECT_EQ(count.counts, (std::vector<int> {0, 1, 1}));
    EXPECT_EQ(count.correct, 1); // only "2", the model's answer
    EXPECT_EQ(tally.tally(asked[1]).counts, (std::vector<int> {0, 1}));
    EXPECT_EQ(tally.tally(asked[1]).correct, 0);
}

TEST(AnswerTally, SavedAndExportedAsCsv)
{
    const std::vector<CheckpointEvent> asked = {question(), {3, "Your guess?", {}, -1}};
    AnswerTally tally;
    EXPECT_EQ(tally.record(asked, {"student-aaaa", 0, "2", "Ana"}), AnswerTally::Outcome::Counted);
    EXPECT_EQ(tally.record(asked, {"student-bbbb", 0, "2", "Bo, Jr."}), AnswerTally::Outcome::Counted);
    EXPECT_EQ(tally.record(asked, {"student-cccc", 0, "1", ""}), AnswerTally::Outcome::Counted);
    EXPECT_EQ(tally.record(asked, {"student-cccc", 0, "1", ""}), AnswerTally::Outcome::Unchanged);
    EXPECT_EQ(tally.record(asked, {"student-aaaa", 1, "It livelocks", "Ana"}), AnswerTally::Outcome::Counted);
    EXPECT_EQ(tally.record(asked, {"student-bbbb", 1, "it  LIVELOCKS", ""}), AnswerTally::Outcome::Counted);
    EXPECT_EQ(tally.csv(),
        "question,choice,model_answer,count,share,nicknames\n"
        "What is page_count now?,1,no,1,0.33,\n"
        "What is page_count now?,2,yes,2,0.67,\"Ana;Bo, Jr.\"\n"
        "What is page_count now?,3,no,0,0.00,\n"
        "Your guess?,It livelocks,no,2,1.00,Ana\n");
    const auto restored = AnswerTally::fromJson(tally.toJson());
    ASSERT_TRUE(restored.ok()) << restored.error().toString();
    EXPECT_EQ(restored.value().csv(), tally.csv());
    EXPECT_EQ(restored.value().tallies(), tally.tallies());
    const auto broken = AnswerTally::fromJson(R"({"format":"migration-sandbox-answers","version":1,"questions":[)"
                                              R"({"question":"q","choices":["a"],"answer":3,"students":[]}]})");
    ASSERT_FALSE(broken.ok());
    EXPECT_EQ(broken.error().field, "questions[0].answer");
}

} // namespace
