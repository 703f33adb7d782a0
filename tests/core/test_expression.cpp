// SPDX-License-Identifier: MIT
// The state expression language (core/expression.h, docs/expressions.md): what parses, the
// column and names each error gives, and values on hand-built states.
#include "core/expression.h"
#include "core/model.h"
#include "support/fixtures.h"

#include <gtest/gtest.h>

namespace {

using msb::core::Expression;
using msb::core::Model;
using msb::core::Pc;
using msb::core::State;
using msb::core::ValueKind;
namespace testing = msb::testing;

std::string parseError(const std::string& text, const msb::core::Scenario& scenario = testing::twoFaults())
{
    auto parsed = Expression::parse(text, scenario);
    EXPECT_FALSE(parsed.ok()) << text;
    return parsed.ok() ? std::string() : parsed.error().message;
}

int parseErrorColumn(const std::string& text)
{
    auto parsed = Expression::parse(text, testing::twoFaults());
    return parsed.ok() ? -1 : parsed.error().column;
}

TEST(Expression, ParsesTheDocumentedForms)
{
    const auto scenario = testing::faultVsHolder();
    for (const char* text : {"page_count(D0) == 3 && sleeping(H)", "step(T1) == F4", "!(locked(D0) || free(D0))",
             "owner(D0) == nobody", "ptl_owner == T1 || ptl_owner() != H", "pte(X0) == MIGR", "pte(D0) != PRESENT",
             "data(D0) > data(S0)", "mapcount(D0) <= 1 && waiters(D0) >= 0 && expected_count(D0) < 9", "lost_update",
             "!stale_page_use && !sigbus", "step(T1) == done", "step(H) == 'H1'", "true || false",
             "runnable(T1) == done(H)", "driver_lock_owner == nobody", "pg_waiters(D0) == false"}) {
        auto parsed = Expression::parse(text, scenario);
        ASSERT_TRUE(parsed.ok()) << text << ": " << parsed.error().message;
        EXPECT_EQ(parsed.value().kind(), ValueKind::Boolean) << text;
        EXPECT_EQ(parsed.value().text(), text);
    }
    EXPECT_EQ(Expression::parse("page_count(D0)", scenario).value().kind(), ValueKind::Number);
    EXPECT_EQ(Expression::parse("step(T1)", scenario).value().kind(), ValueKind::Step);
    EXPECT_EQ(Expression::parse("owner(D0)", scenario).value().kind(), ValueKind::Thread);
    EXPECT_EQ(Expression::parse("pte(X0)", scenario).value().kind(), ValueKind::Pte);
}

TEST(Expression, ErrorsNameTheColumnAndWhatWasExpected)
{
    EXPECT_EQ(parseError("page_count(D0) == 3 && sleeping(T2"), "column 35: expected ')' after 'T2', got end of input");
    EXPECT_EQ(parseError("sleeping(T2 && locked(D0)"), "column 13: expected ')' after 'T2', got '&&'");
    EXPECT_EQ(parseErrorColumn("(page_count(D0) == 3"), 21);
    EXPECT_EQ(parseError(""), "column 1: expected an expression");
    EXPECT_EQ(parseError("page_count(D0) = 3"), "column 16: unexpected '=' (compare with '==') after the expression");
    EXPECT_EQ(parseError("locked(D0) & sleeping(T1)"), "column 12: unexpected '&' (write '&&') after the expression");
    EXPECT_EQ(parseError("1 == 2 == 3"),
        "column 8: comparisons do not chain: put one of them in parentheses and join them with &&");
    EXPECT_EQ(parseError("page_count(D0) =="), "column 18: expected a value after '=='");
    EXPECT_EQ(parseError("sleeping T2"), "column 10: expected '(' after 'sleeping': it takes a thread");
    EXPECT_EQ(parseError("page_count(D0) == 3x"), "column 19: expected a value, got '3x'");
    EXPECT_EQ(parseError("page_count(D0) == 1000001"), "column 19: number 1000001 is too large (at most 1000000)");
}

TEST(Expression, UnknownNamesAreListed)
{
    EXPECT_EQ(parseError("pagecount(D0) == 2"),
        "column 1: unknown function 'pagecount' (functions: page_count, mapcount, locked, owner, waiters, "
        "pg_waiters, free, expected_count, pte, data, step, sleeping, runnable, done, ptl_owner, "
        "driver_lock_owner, lost_update, stale_page_use, sigbus)");
    EXPECT_EQ(parseError("page_count(D1) == 2"),
        "column 12: unknown page 'D1': page_count takes a device page (D0, D1, ...), and two-faults has D0");
    EXPECT_EQ(parseError("pte(S0) == MIGR"),
        "column 5: unknown page 'S0': pte takes a virtual page (X0, X1, ...), and two-faults has X0");
    EXPECT_EQ(parseError("sleeping(T3)"), "column 10: unknown thread 'T3' (threads of two-faults: T1, T2)");
    EXPECT_EQ(parseError("owner(D0) == T3"), "column 14: unknown thread 'T3' (threads of two-faults: T1, T2, nobody)");
    const std::string steps = parseError("step(T1) == F9");
    EXPECT_EQ(steps.rfind("column 13: unknown step 'F9' (steps: Access, M1, M2,", 0), 0u) << steps;
    EXPECT_NE(steps.find("F4, F5, L1, L2)"), std::string::npos) << steps;
    EXPECT_EQ(
        parseError("pte(X0) == MAPPED"), "column 12: unknown PTE kind 'MAPPED' (PTE kinds: DEVPRIV, MIGR, PRESENT)");
    const auto twoPages = msb::core::makeNFaults(2, 2);
    EXPECT_EQ(parseError("locked(D2)", twoPages),
        "column 8: unknown page 'D2': locked takes a device page (D0, D1, ...), and n-faults has D0, D1");
}

TEST(Expression, KindsMustMatch)
{
    EXPECT_EQ(parseError("page_count(D0) == T1"), "column 19: 'T1' is a name, but 'page_count(D0)' is a number");
    EXPECT_EQ(parseError("step(T1) == owner(D0)"),
        "column 10: cannot compare 'step(T1)' (a step) with 'owner(D0)' (a thread)");
    EXPECT_EQ(parseError("step(T1) < F4"), "column 10: '<' compares numbers; 'step(T1)' is a step (use == or !=)");
    EXPECT_EQ(parseError("!page_count(D0)"), "column 2: '!' needs true or false, but 'page_count(D0)' is a number");
    EXPECT_EQ(parseError("locked(D0) && (page_count(D0))"),
        "column 16: '&&' needs true or false, but 'page_count(D0)' is a number");
    EXPECT_EQ(parseError("T1 == F4"),
        "column 1: 'T1' and 'F4' are both names: compare a function's value, e.g. "
        "step(T1) == F4");
    EXPECT_EQ(parseError("T1").rfind("column 1: unknown name 'T1'", 0), 0u);
}

TEST(Expression, EvaluatesAHandBuiltState)
{
    const Model model(testing::twoFaults(), testing::preset("v5.11"));
    State state = model.initialState();
    auto value = [&](const std::string& text) {
        auto parsed = Expression::parse(text, model.scenario());
        EXPECT_TRUE(parsed.ok()) << text << ": " << (parsed.ok() ? "" : parsed.error().message);
        return parsed.ok() ? msb::core::valueText(model.scenario(), parsed.value().evaluate(model, state)) : "";
    };
    EXPECT_EQ(value("page_count(D0)"), "2");
    EXPECT_EQ(value("step(T1)"), "Access");
    EXPECT_EQ(value("pte(X0)"), "DEVPRIV");
    EXPECT_EQ(value("owner(D0)"), "nobody");
    EXPECT_EQ(value("sleeping(T2) || locked(D0)"), "false");
    EXPECT_EQ(value("runnable(T1) && !done(T2)"), "true");

    // T1 migrates (PG_locked, migration entry, one extra reference), T2 sleeps on the page lock.
    state.pages[0].dRef = 3;
    state.pages[0].pte = msb::core::Pte::Migr;
    state.pages[0].dLockOwner = 0;
    state.pages[0].dWaiters = 1;
    state.pages[0].dData = 2;
    state.pages[0].sData = 1;
    state.threads[0].pc = Pc::M7;
    state.threads[1].pc = Pc::W5;
    state.threads[1].queued = 1;
    state.ptlOwner = 1;
    EXPECT_EQ(value("page_count(D0) == 3 && sleeping(T2)"), "true");
    EXPECT_EQ(value("owner(D0)"), "T1");
    EXPECT_EQ(value("owner(D0) == T2"), "false");
    EXPECT_EQ(value("ptl_owner"), "T2");
    EXPECT_EQ(value("waiters(D0)"), "1");
    EXPECT_EQ(value("pg_waiters(D0)"), "true");
    EXPECT_EQ(value("step(T1) == M7 && step(T2) != M7"), "true");
    EXPECT_EQ(value("pte(X0) == MIGR"), "true");
    EXPECT_EQ(value("data(D0) > data(S0)"), "true");
    EXPECT_EQ(value("runnable(T2)"), "false");
    EXPECT_EQ(value("!(runnable(T1) || sleeping(T1))"), "false");
    EXPECT_EQ(value("1 < 2 && 2 <= 2 && 3 > 2 && 2 >= 3"), "false");
    state.flags = msb::core::FlagStalePageUse;
    EXPECT_EQ(value("stale_page_use && !lost_update && !sigbus"), "true");
}

TEST(Expression, CountsAreTheOnesTheKernelOfThePresetShows)
{
    // Stored counts are one-based; from v5.18 the kernel's count is one less (K29).
    const auto scenario = testing::twoFaults();
    const auto text = Expression::parse("page_count(D0)", scenario).value();
    for (const auto& [presetName, shown] : {std::pair {"v5.11", 2}, std::pair {"v5.18", 1}, std::pair {"v6.1", 1}}) {
        const Model model(scenario, testing::preset(presetName));
        EXPECT_EQ(text.evaluate(model, model.initialState()).number, shown) << presetName;
        EXPECT_EQ(text.evaluate(model, model.initialState()).number,
            model.kernelPageCount(model.initialState().pages[0].dRef));
    }
}

TEST(Expression, CallValuesListEachCallOnce)
{
    const Model model(testing::twoFaults(), testing::preset("v5.11"));
    const auto expression =
        Expression::parse("page_count(D0) == 2 && (sleeping(T2) || page_count(D0) > 5)", model.scenario()).value();
    const auto values = expression.callValues(model, model.initialState());
    ASSERT_EQ(values.size(), 2u);
    EXPECT_EQ(values[0].first, "page_count(D0)");
    EXPECT_EQ(values[0].second.number, 2);
    EXPECT_EQ(values[1].first, "sleeping(T2)");
    EXPECT_EQ(values[1].second.kind, ValueKind::Boolean);
}

TEST(Expression, EveryPrefixAndMutationParsesOrNamesAColumnInside)
{
    // Truncated and mangled input never crashes, and each error points into the text (or just
    // past its end).
    const auto scenario = testing::faultVsHolder();
    const std::string valid = "!(page_count(D0) >= 3 && step(T1) == M8s.1) || owner(D0) != 'H' && pte(X0) == MIGR";
    std::uint64_t random = 7;
    auto next = [&random] {
        random = random * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::size_t>(random >> 33);
    };
    const std::string alphabet = "()!&|=<>' \"DSXT01H_.-9azMF";
    int errors = 0;
    for (std::size_t round = 0; round < 2000; ++round) {
        std::string text = valid.substr(0, round % (valid.size() + 1));
        if (round >= valid.size() + 1) {
            text = valid;
            for (int k = 0; k < 3; ++k)
                text[next() % text.size()] = alphabet[next() % alphabet.size()];
        }
        auto parsed = Expression::parse(text, scenario);
        if (parsed.ok())
            continue;
        ++errors;
        const int column = parsed.error().column;
        EXPECT_GE(column, 1) << text;
        EXPECT_LE(column, static_cast<int>(text.size()) + 1) << text;
        EXPECT_EQ(parsed.error().message.rfind("column " + std::to_string(column) + ": ", 0), 0u) << text;
    }
    EXPECT_GT(errors, 1000);
    EXPECT_TRUE(Expression::parse(valid, scenario).ok());
}

} // namespace
