// SPDX-License-Identifier: MIT
// A small expression language over one model state, for `explore --find` and `run --watch`
// (the grammar and every function are in docs/expressions.md):
//     page_count(D0) == 3 && sleeping(T2)
//     step(T1) == F4 || owner(D0) == nobody
// Expressions are parsed against a scenario, so page and thread names are checked once, when the
// text is parsed (an error names the column and lists the valid names), and evaluating one is a
// walk over a few nodes with no allocation: the breadth-first search of --find runs it on every
// state. Counts are shown as the kernel of the settings reports them (Model::kernelPageCount),
// the numbers every front end shows.
#pragma once

#include "core/model.h"
#include "core/result.h"
#include "core/scenario.h"
#include "core/state.h"

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace msb::core {

/// What an expression or a function yields. Names (threads, steps, PTE kinds) compare only
/// with == and != and only with names of their own kind.
enum class ValueKind : unsigned char {
    Number,
    Boolean,
    Thread, // a thread of the scenario, or nobody
    Step,   // a program counter: the step a thread runs next
    Pte,    // DEVPRIV, MIGR or PRESENT
};

/// "a number", "true or false", "a thread", "a step", "a PTE kind": for error messages.
std::string_view valueKindName(ValueKind kind);

struct Value
{
    ValueKind kind = ValueKind::Number;
    /// The number; 0/1; the thread index or kNobody; the Pc; the Pte.
    int number = 0;

    friend bool operator==(const Value&, const Value&) = default;
};

/// The value as the language writes it: 3, true, T1, nobody, F4, MIGR.
std::string valueText(const Scenario& scenario, const Value& value);

class Expression
{
public:
    /// Parses `text` against the scenario's threads and pages. Errors carry the 1-based column
    /// (Error::column) and say it in the message: "column 17: expected ')' after 'T2'".
    static Result<Expression> parse(std::string_view text, const Scenario& scenario);

    const std::string& text() const { return m_text; }
    ValueKind kind() const;

    /// Precondition: model.scenario() is the scenario the expression was parsed against.
    Value evaluate(const Model& model, const State& state) const;
    /// evaluate() of a true-or-false expression. Precondition: kind() == ValueKind::Boolean.
    bool holds(const Model& model, const State& state) const { return evaluate(model, state).number != 0; }

    /// Each distinct function call in the expression (its text, as written) with its value in
    /// `state`, in the order they appear: what a found state looks like.
    std::vector<std::pair<std::string, Value>> callValues(const Model& model, const State& state) const;

    struct Node;

private:
    Value evaluateNode(int node, const Model& model, const State& state) const;

    std::string m_text;
    std::shared_ptr<const std::vector<Node>> m_nodes; // the root is the last node
};

} // namespace msb::core
