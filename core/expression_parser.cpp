// SPDX-License-Identifier: MIT
// Recursive-descent parser of the state expressions (expression.h, docs/expressions.md). Names
// are resolved while parsing: a bare name next to a comparison takes the kind of the other side
// (step(T1) == F4 makes F4 a step), so a typo is an error at parse time, never a comparison that
// is silently false.
#include "core/expression_detail.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>

namespace msb::core::expression_detail {

namespace {

enum class Tok : unsigned char { End, Number, Name, LParen, RParen, Not, And, Or, Compare, Bad };

struct Token
{
    Tok kind = Tok::End;
    int begin = 0; // offset into the text
    int end = 0;
    std::string text; // a name without its quotes
    int number = 0;
    Cmp cmp = Cmp::Eq;
};

bool nameStart(char c)
{
    return std::isalpha(static_cast<unsigned char>(c)) || c == '_';
}
bool nameChar(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.';
}

std::string joined(const std::vector<std::string>& names)
{
    std::string out;
    for (const auto& name : names)
        out += (out.empty() ? "" : ", ") + name;
    return out;
}

using Node = Expression::Node;

using Node = Expression::Node;

class Parser
{
public:
    Parser(std::string_view text, const Scenario& scenario)
        : m_text(text)
        , m_scenario(scenario)
    {
        advance();
    }

    Result<std::vector<Node>> run()
    {
        if (m_token.kind == Tok::End)
            return fail(column(m_token), "expected an expression");
        const int root = parseOr();
        if (!m_error && m_token.kind != Tok::End)
            fail(column(m_token), "unexpected " + describe(m_token) + " after the expression");
        if (!m_error && m_nodes[root].op == Node::Op::Literal && m_pendingName[root])
            unknownName(root);
        if (m_error)
            return *m_error;
        return std::move(m_nodes);
    }

private:
    // Tokens ---------------------------------------------------------------------------------
    void advance()
    {
        m_previous = m_token;
        m_token = lex();
    }

    Token lex()
    {
        while (m_pos < m_text.size() && std::isspace(static_cast<unsigned char>(m_text[m_pos])))
            ++m_pos;
        Token token;
        token.begin = static_cast<int>(m_pos);
        auto finish = [&](Tok kind, std::size_t length) {
            m_pos += length;
            token.kind = kind;
            token.end = static_cast<int>(m_pos);
            return token;
        };
        if (m_pos >= m_text.size())
            return finish(Tok::End, 0);
        const char c = m_text[m_pos];
        const char next = m_pos + 1 < m_text.size() ? m_text[m_pos + 1] : '\0';
        if (std::isdigit(static_cast<unsigned char>(c))) {
            std::size_t n = m_pos;
            long long value = 0;
            while (n < m_text.size() && std::isdigit(static_cast<unsigned char>(m_text[n]))) {
                value = std::min<long long>(value * 10 + (m_text[n] - '0'), kMaxLiteral + 1LL);
                ++n;
            }
            token.number = static_cast<int>(value);
            if (n < m_text.size() && nameStart(m_text[n])) {
                while (n < m_text.size() && nameChar(m_text[n]))
                    ++n;
                return finish(Tok::Bad, n - m_pos);
            }
            return finish(Tok::Number, n - m_pos);
        }
        if (nameStart(c)) {
            std::size_t n = m_pos;
            while (n < m_text.size() && nameChar(m_text[n]))
                ++n;
            token.text = std::string(m_text.substr(m_pos, n - m_pos));
            return finish(Tok::Name, n - m_pos);
        }
        if (c == '\'' || c == '"') {
            const std::size_t close = m_text.find(c, m_pos + 1);
            if (close == std::string_view::npos)
                return finish(Tok::Bad, m_text.size() - m_pos);
            token.text = std::string(m_text.substr(m_pos + 1, close - m_pos - 1));
            return finish(Tok::Name, close + 1 - m_pos);
        }
        switch (c) {
        case '(':
            return finish(Tok::LParen, 1);
        case ')':
            return finish(Tok::RParen, 1);
        case '&':
            return next == '&' ? finish(Tok::And, 2) : finish(Tok::Bad, 1);
        case '|':
            return next == '|' ? finish(Tok::Or, 2) : finish(Tok::Bad, 1);
        case '!':
            if (next == '=') {
                token.cmp = Cmp::Ne;
                return finish(Tok::Compare, 2);
            }
            return finish(Tok::Not, 1);
        case '=':
            token.cmp = Cmp::Eq;
            return next == '=' ? finish(Tok::Compare, 2) : finish(Tok::Bad, 1);
        case '<':
            token.cmp = next == '=' ? Cmp::Le : Cmp::Lt;
            return finish(Tok::Compare, next == '=' ? 2 : 1);
        case '>':
            token.cmp = next == '=' ? Cmp::Ge : Cmp::Gt;
            return finish(Tok::Compare, next == '=' ? 2 : 1);
        default:
            return finish(Tok::Bad, 1);
        }
    }

    static int column(const Token& token) { return token.begin + 1; }
    std::string spelled(const Token& token) const
    {
        return std::string(m_text.substr(token.begin, token.end - token.begin));
    }
    std::string describe(const Token& token) const
    {
        if (token.kind == Tok::End)
            return "end of input";
        if (token.kind == Tok::Bad && token.begin < static_cast<int>(m_text.size())) {
            const char c = m_text[token.begin];
            if (c == '=')
                return "'=' (compare with '==')";
            if (c == '&' || c == '|')
                return std::string("'") + c + "' (write '" + c + c + "')";
            if (c == '\'' || c == '"')
                return "an unterminated quoted name";
        }
        return "'" + spelled(token) + "'";
    }

    // Errors ---------------------------------------------------------------------------------
    Error fail(int col, const std::string& message)
    {
        if (!m_error)
            m_error = Error {{}, 0, col, {}, "column " + std::to_string(col) + ": " + message};
        return *m_error;
    }

    void unknownName(int node)
    {
        const Node& n = m_nodes[node];
        for (const auto& f : kFunctions) {
            if (f.name == m_names[node] && f.arg != Arg::None) {
                fail(n.end + 1, "expected '(' after '" + m_names[node] + "': it takes " + argumentWords(f.arg));
                return;
            }
        }
        std::vector<std::string> names;
        for (const auto& f : kFunctions)
            names.emplace_back(f.name);
        fail(n.begin + 1,
            "unknown name '" + std::string(m_text.substr(n.begin, n.end - n.begin))
                + "': a name stands alone only as a function without arguments, and compares only with a thread, "
                  "step or PTE kind (functions: "
                + joined(names) + "; true, false)");
    }

    // Nodes ----------------------------------------------------------------------------------
    static bool isNameKind(ValueKind kind)
    {
        return kind == ValueKind::Thread || kind == ValueKind::Step || kind == ValueKind::Pte;
    }

    int add(Node node)
    {
        m_nodes.push_back(node);
        m_pendingName.push_back(false);
        m_callOrName.push_back(false);
        return static_cast<int>(m_nodes.size()) - 1;
    }
    std::string nodeText(int node) const
    {
        return std::string(m_text.substr(m_nodes[node].begin, m_nodes[node].end - m_nodes[node].begin));
    }

    /// A true-or-false operand of !, && or ||.
    bool requireBoolean(int node, std::string_view op)
    {
        if (m_error)
            return false;
        if (m_pendingName[node]) {
            unknownName(node);
            return false;
        }
        if (m_nodes[node].kind != ValueKind::Boolean) {
            fail(m_nodes[node].begin + 1,
                std::string(op) + " needs true or false, but '" + nodeText(node) + "' is "
                    + std::string(valueKindName(m_nodes[node].kind)));
            return false;
        }
        return true;
    }

    // Grammar --------------------------------------------------------------------------------
    int parseOr()
    {
        int left = parseAnd();
        while (!m_error && m_token.kind == Tok::Or) {
            advance();
            const int right = parseAnd();
            if (!requireBoolean(left, "'||'") || !requireBoolean(right, "'||'"))
                return left;
            left = add(binary(Node::Op::Or, left, right));
        }
        return left;
    }

    int parseAnd()
    {
        int left = parseNot();
        while (!m_error && m_token.kind == Tok::And) {
            advance();
            const int right = parseNot();
            if (!requireBoolean(left, "'&&'") || !requireBoolean(right, "'&&'"))
                return left;
            left = add(binary(Node::Op::And, left, right));
        }
        return left;
    }

    Node binary(Node::Op op, int left, int right) const
    {
        Node node;
        node.op = op;
        node.kind = ValueKind::Boolean;
        node.left = left;
        node.right = right;
        node.begin = m_nodes[left].begin;
        node.end = m_nodes[right].end;
        return node;
    }

    int parseNot()
    {
        if (m_token.kind != Tok::Not)
            return parseComparison();
        const int begin = m_token.begin;
        advance();
        const int operand = parseNot();
        if (!requireBoolean(operand, "'!'"))
            return operand;
        Node node;
        node.op = Node::Op::Not;
        node.kind = ValueKind::Boolean;
        node.left = operand;
        node.begin = begin;
        node.end = m_nodes[operand].end;
        return add(node);
    }

    int parseComparison()
    {
        const int left = parseOperand();
        if (m_error || m_token.kind != Tok::Compare)
            return left;
        const Token op = m_token;
        advance();
        const int right = parseOperand();
        if (m_error)
            return left;
        if (m_token.kind == Tok::Compare) {
            fail(column(m_token), "comparisons do not chain: put one of them in parentheses and join them with &&");
            return left;
        }
        if (!resolveNames(left, right))
            return left;
        const ValueKind kind = m_nodes[left].kind;
        if (kind != m_nodes[right].kind) {
            fail(column(op),
                "cannot compare '" + nodeText(left) + "' (" + std::string(valueKindName(kind)) + ") with '"
                    + nodeText(right) + "' (" + std::string(valueKindName(m_nodes[right].kind)) + ")");
            return left;
        }
        if (kind != ValueKind::Number && op.cmp != Cmp::Eq && op.cmp != Cmp::Ne) {
            fail(column(op),
                "'" + spelled(op) + "' compares numbers; '" + nodeText(left) + "' is "
                    + std::string(valueKindName(kind)) + " (use == or !=)");
            return left;
        }
        Node node;
        node.op = Node::Op::Compare;
        node.kind = ValueKind::Boolean;
        node.cmp = op.cmp;
        node.left = left;
        node.right = right;
        node.begin = m_nodes[left].begin;
        node.end = m_nodes[right].end;
        return add(node);
    }

    /// Gives a bare name the kind of the other side of the comparison; false on error.
    bool resolveNames(int left, int right)
    {
        // sigbus and done are steps too (step(T1) == done): next to a name kind they are names.
        for (const auto& [self, other] : {std::pair {left, right}, std::pair {right, left}}) {
            if (m_callOrName[self] && !m_pendingName[other] && isNameKind(m_nodes[other].kind))
                m_pendingName[self] = true;
        }
        const bool leftName = m_pendingName[left];
        const bool rightName = m_pendingName[right];
        if (leftName && rightName) {
            fail(m_nodes[left].begin + 1,
                "'" + nodeText(left) + "' and '" + nodeText(right)
                    + "' are both names: compare a function's value, e.g. step(T1) == F4");
            return false;
        }
        if (leftName)
            return resolveName(left, m_nodes[right].kind, right);
        if (rightName)
            return resolveName(right, m_nodes[left].kind, left);
        return true;
    }

    bool resolveName(int name, ValueKind kind, int other)
    {
        Node& node = m_nodes[name];
        const std::string text = m_names[name];
        std::vector<std::string> valid;
        auto found = [&](int value) {
            node.op = Node::Op::Literal;
            node.kind = kind;
            node.literal = Value {kind, value};
            m_pendingName[name] = false;
            return true;
        };
        switch (kind) {
        case ValueKind::Thread:
            for (std::size_t t = 0; t < m_scenario.threads.size(); ++t) {
                if (m_scenario.threads[t].name == text)
                    return found(static_cast<int>(t));
                valid.push_back(m_scenario.threads[t].name);
            }
            if (text == "nobody")
                return found(kNobody);
            valid.emplace_back("nobody");
            fail(node.begin + 1,
                "unknown thread '" + text + "' (threads of " + m_scenario.name + ": " + joined(valid) + ")");
            return false;
        case ValueKind::Step:
            for (int pc = 0; pc < static_cast<int>(Pc::Count); ++pc) {
                if (pcName(static_cast<Pc>(pc)) == text)
                    return found(pc);
                valid.emplace_back(pcName(static_cast<Pc>(pc)));
            }
            fail(node.begin + 1, "unknown step '" + text + "' (steps: " + joined(valid) + ")");
            return false;
        case ValueKind::Pte:
            for (int p = 0; p < static_cast<int>(kPteNames.size()); ++p) {
                if (kPteNames[p] == text)
                    return found(p);
                valid.emplace_back(kPteNames[p]);
            }
            fail(node.begin + 1, "unknown PTE kind '" + text + "' (PTE kinds: " + joined(valid) + ")");
            return false;
        case ValueKind::Number:
        case ValueKind::Boolean:
            fail(node.begin + 1,
                "'" + text + "' is a name, but '" + nodeText(other) + "' is " + std::string(valueKindName(kind)));
            return false;
        }
        return false;
    }

    int parseOperand()
    {
        if (m_error)
            return 0;
        const Token token = m_token;
        switch (token.kind) {
        case Tok::Number: {
            advance();
            if (token.number > kMaxLiteral) {
                fail(column(token), "number " + spelled(token) + " is too large (at most 1000000)");
                return 0;
            }
            Node node;
            node.kind = ValueKind::Number;
            node.literal = Value {ValueKind::Number, token.number};
            node.begin = token.begin;
            node.end = token.end;
            return add(node);
        }
        case Tok::LParen: {
            advance();
            const int inner = parseOr();
            if (m_error)
                return inner;
            if (m_token.kind != Tok::RParen) {
                fail(column(m_token), "expected ')' after '" + spelled(m_previous) + "', got " + describe(m_token));
                return inner;
            }
            // The parentheses belong to the node's span, so messages quote what was written
            // (a call keeps its own: callValues shows calls).
            if (m_nodes[inner].op != Node::Op::Call) {
                m_nodes[inner].begin = token.begin;
                m_nodes[inner].end = m_token.end;
            }
            advance();
            return inner;
        }
        case Tok::Name:
            advance();
            return parseName(token);
        case Tok::End:
            fail(column(token), "expected a value after '" + spelled(m_previous) + "'");
            return 0;
        default:
            fail(column(token), "expected a value, got " + describe(token));
            return 0;
        }
    }

    int parseName(const Token& name)
    {
        const bool quoted = m_text[name.begin] == '\'' || m_text[name.begin] == '"';
        const FunctionInfo* function = nullptr;
        for (const auto& f : kFunctions) {
            if (!quoted && f.name == name.text)
                function = &f;
        }
        if (!quoted && (name.text == "true" || name.text == "false") && m_token.kind != Tok::LParen) {
            Node node;
            node.kind = ValueKind::Boolean;
            node.literal = Value {ValueKind::Boolean, name.text == "true" ? 1 : 0};
            node.begin = name.begin;
            node.end = name.end;
            return add(node);
        }
        if (m_token.kind != Tok::LParen) {
            if (function && function->arg == Arg::None) {
                const int id = addCall(*function, 0, name.begin, name.end);
                m_callOrName[id] = true;
                m_names[id] = name.text;
                return id;
            }
            bool alsoStep = false;
            for (int pc = 0; pc < static_cast<int>(Pc::Count); ++pc)
                alsoStep = alsoStep || pcName(static_cast<Pc>(pc)) == name.text;
            if (function && !alsoStep) {
                fail(column(m_token),
                    "expected '(' after '" + name.text + "': it takes " + argumentWords(function->arg));
                return 0;
            }
            // A bare name: a thread, step or PTE kind, resolved by the comparison it sits in.
            Node node;
            node.begin = name.begin;
            node.end = name.end;
            const int id = add(node);
            m_pendingName[id] = true;
            m_names[id] = name.text;
            return id;
        }
        if (!function) {
            std::vector<std::string> names;
            for (const auto& f : kFunctions)
                names.emplace_back(f.name);
            fail(column(name), "unknown function '" + name.text + "' (functions: " + joined(names) + ")");
            return 0;
        }
        advance(); // '('
        int arg = 0;
        if (function->arg != Arg::None) {
            if (m_token.kind != Tok::Name) {
                fail(column(m_token),
                    "expected " + argumentWords(function->arg) + " after '" + name.text + "(', got "
                        + describe(m_token));
                return 0;
            }
            const Token argument = m_token;
            const std::optional<int> resolved = resolveArgument(*function, argument);
            if (!resolved)
                return 0;
            arg = *resolved;
            advance();
        }
        if (m_token.kind != Tok::RParen) {
            fail(column(m_token), "expected ')' after '" + spelled(m_previous) + "', got " + describe(m_token));
            return 0;
        }
        const int end = m_token.end;
        advance();
        return addCall(*function, arg, name.begin, end);
    }

    int addCall(const FunctionInfo& function, int arg, int begin, int end)
    {
        Node node;
        node.op = Node::Op::Call;
        node.kind = function.result;
        node.fn = function.fn;
        node.arg = arg;
        node.begin = begin;
        node.end = end;
        return add(node);
    }

    static std::string argumentWords(Arg arg)
    {
        switch (arg) {
        case Arg::DevicePage:
            return "a device page (D0, D1, ...)";
        case Arg::VirtualPage:
            return "a virtual page (X0, X1, ...)";
        case Arg::DataPage:
            return "a device or system page (D0, S0, ...)";
        case Arg::Thread:
            return "a thread";
        case Arg::None:
            break;
        }
        return "no argument";
    }

    std::optional<int> resolveArgument(const FunctionInfo& function, const Token& argument)
    {
        const std::string& text = argument.text;
        if (function.arg == Arg::Thread) {
            const int t = m_scenario.threadIndex(text);
            if (t >= 0)
                return t;
            std::vector<std::string> names;
            for (const auto& spec : m_scenario.threads)
                names.push_back(spec.name);
            fail(column(argument),
                "unknown thread '" + text + "' (threads of " + m_scenario.name + ": " + joined(names) + ")");
            return std::nullopt;
        }
        std::string letters;
        switch (function.arg) {
        case Arg::DevicePage:
            letters = "D";
            break;
        case Arg::VirtualPage:
            letters = "XD";
            break;
        default:
            letters = "DS";
            break;
        }
        const char letter = text.empty() ? '\0' : text[0];
        int page = -1;
        if (text.size() >= 2 && text.size() <= 3 && letters.find(letter) != std::string::npos) {
            page = 0;
            for (std::size_t i = 1; i < text.size() && page >= 0; ++i)
                page = std::isdigit(static_cast<unsigned char>(text[i])) ? page * 10 + (text[i] - '0') : -1;
            if (text.size() == 3 && text[1] == '0')
                page = -1; // D01 is no page name
        }
        if (page >= 0 && page < m_scenario.pages)
            return letter == 'S' ? kMaxPages + page : page; // data(S0): evaluate tells them apart

        std::vector<std::string> names;
        for (int p = 0; p < m_scenario.pages; ++p)
            names.push_back(std::string(1, letters[0]) + std::to_string(p));
        fail(column(argument),
            "unknown page '" + text + "': " + std::string(function.name) + " takes " + argumentWords(function.arg)
                + ", and " + m_scenario.name + " has " + joined(names));
        return std::nullopt;
    }

    std::string_view m_text;
    const Scenario& m_scenario;
    std::size_t m_pos = 0;
    Token m_token;
    Token m_previous;
    std::vector<Node> m_nodes;
    std::vector<bool> m_pendingName;    // a bare name whose kind the comparison decides
    std::vector<bool> m_callOrName;     // a function without arguments that is also a step name
    std::map<int, std::string> m_names; // the text of each bare name
    std::optional<Error> m_error;
};

} // namespace

Result<std::vector<Expression::Node>> parseNodes(std::string_view text, const Scenario& scenario)
{
    return Parser(text, scenario).run();
}

} // namespace msb::core::expression_detail
