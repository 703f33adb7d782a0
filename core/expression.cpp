// SPDX-License-Identifier: MIT
// Evaluating a parsed state expression (expression.h): a walk over its nodes, no allocation.
#include "core/expression_detail.h"

namespace msb::core {

using namespace expression_detail;

namespace {

bool sleeping(const Model& model, const State& state, int thread)
{
    const ThreadState& self = state.threads[thread];
    switch (self.pc) {
    case Pc::W5:
    case Pc::F5:
        return self.queued != 0; // on PG_locked's wait queue (K12)
    case Pc::L1:
        return model.driverLockOwner(state) != kNobody; // mutex_lock sleeps (K26)
    case Pc::H1:
        return state.pages[model.currentPage(state, thread)].dLockOwner != kNobody; // lock_page sleeps
    default:
        return false;
    }
}

bool compare(Cmp cmp, int a, int b)
{
    switch (cmp) {
    case Cmp::Eq:
        return a == b;
    case Cmp::Ne:
        return a != b;
    case Cmp::Lt:
        return a < b;
    case Cmp::Le:
        return a <= b;
    case Cmp::Gt:
        return a > b;
    case Cmp::Ge:
        return a >= b;
    }
    return false;
}


} // namespace

std::string_view valueKindName(ValueKind kind)
{
    switch (kind) {
    case ValueKind::Number:
        return "a number";
    case ValueKind::Boolean:
        return "true or false";
    case ValueKind::Thread:
        return "a thread";
    case ValueKind::Step:
        return "a step";
    case ValueKind::Pte:
        return "a PTE kind";
    }
    return "a value";
}

std::string valueText(const Scenario& scenario, const Value& value)
{
    switch (value.kind) {
    case ValueKind::Number:
        return std::to_string(value.number);
    case ValueKind::Boolean:
        return value.number ? "true" : "false";
    case ValueKind::Thread:
        return value.number == kNobody ? "nobody" : scenario.threads[static_cast<std::size_t>(value.number)].name;
    case ValueKind::Step:
        return std::string(pcName(static_cast<Pc>(value.number)));
    case ValueKind::Pte:
        return std::string(kPteNames[static_cast<std::size_t>(value.number)]);
    }
    return {};
}

Result<Expression> Expression::parse(std::string_view text, const Scenario& scenario)
{
    auto nodes = parseNodes(text, scenario);
    if (!nodes)
        return nodes.error();
    Expression expression;
    expression.m_text = std::string(text);
    expression.m_nodes = std::make_shared<const std::vector<Node>>(std::move(nodes).value());
    return expression;
}

ValueKind Expression::kind() const
{
    return m_nodes->back().kind;
}

Value Expression::evaluate(const Model& model, const State& state) const
{
    return evaluateNode(static_cast<int>(m_nodes->size()) - 1, model, state);
}

Value Expression::evaluateNode(int index, const Model& model, const State& state) const
{
    const Node& node = (*m_nodes)[static_cast<std::size_t>(index)];
    auto boolean = [](bool b) { return Value {ValueKind::Boolean, b ? 1 : 0}; };
    switch (node.op) {
    case Node::Op::Literal:
        return node.literal;
    case Node::Op::Not:
        return boolean(evaluateNode(node.left, model, state).number == 0);
    case Node::Op::And:
        return boolean(evaluateNode(node.left, model, state).number && evaluateNode(node.right, model, state).number);
    case Node::Op::Or:
        return boolean(evaluateNode(node.left, model, state).number || evaluateNode(node.right, model, state).number);
    case Node::Op::Compare:
        return boolean(compare(
            node.cmp, evaluateNode(node.left, model, state).number, evaluateNode(node.right, model, state).number));
    case Node::Op::Call:
        break;
    }
    const PageState& page = state.pages[static_cast<std::size_t>(node.arg % kMaxPages)];
    const int thread = node.arg;
    switch (node.fn) {
    case Fn::PageCount:
        return {ValueKind::Number, model.kernelPageCount(page.dRef)};
    case Fn::Mapcount:
        return {ValueKind::Number, page.dMapcount};
    case Fn::Locked:
        return boolean(page.dLockOwner != kNobody);
    case Fn::Owner:
        return {ValueKind::Thread, page.dLockOwner};
    case Fn::Waiters: {
        int queued = 0;
        for (int t = 0; t < model.threadCount(); ++t)
            queued += state.threads[t].queued && model.currentPage(state, t) == node.arg ? 1 : 0;
        return {ValueKind::Number, queued};
    }
    case Fn::PgWaiters:
        return boolean(page.dWaiters != 0);
    case Fn::Free:
        return boolean(page.dFree != 0);
    case Fn::ExpectedCount:
        return {ValueKind::Number, model.kernelPageCount(model.expectedCountAtCheck(state, node.arg))};
    case Fn::Pte:
        return {ValueKind::Pte, static_cast<int>(page.pte)};
    case Fn::Data:
        // The page letter was checked when parsing; S pages are encoded as pages + index.
        if (node.arg >= kMaxPages)
            return {ValueKind::Number, state.pages[static_cast<std::size_t>(node.arg - kMaxPages)].sData};
        return {ValueKind::Number, page.dData};
    case Fn::Step:
        return {ValueKind::Step, static_cast<int>(state.threads[thread].pc)};
    case Fn::Sleeping:
        return boolean(sleeping(model, state, thread));
    case Fn::Runnable:
        return boolean(model.enabled(state, thread));
    case Fn::Done:
        return boolean(model.threadFinished(state, thread));
    case Fn::PtlOwner:
        return {ValueKind::Thread, state.ptlOwner};
    case Fn::DriverLockOwner:
        return {ValueKind::Thread, model.driverLockOwner(state)};
    case Fn::LostUpdate:
        return boolean(state.flags & FlagLostUpdate);
    case Fn::StalePageUse:
        return boolean(state.flags & FlagStalePageUse);
    case Fn::Sigbus:
        return boolean(state.flags & FlagSigbus);
    }
    return {};
}

std::vector<std::pair<std::string, Value>> Expression::callValues(const Model& model, const State& state) const
{
    std::vector<std::pair<std::string, Value>> out;
    for (std::size_t i = 0; i < m_nodes->size(); ++i) {
        const Node& node = (*m_nodes)[i];
        if (node.op != Node::Op::Call)
            continue;
        std::string text =
            m_text.substr(static_cast<std::size_t>(node.begin), static_cast<std::size_t>(node.end - node.begin));
        bool seen = false;
        for (const auto& entry : out)
            seen = seen || entry.first == text;
        if (!seen)
            out.emplace_back(std::move(text), evaluateNode(static_cast<int>(i), model, state));
    }
    return out;
}

} // namespace msb::core
