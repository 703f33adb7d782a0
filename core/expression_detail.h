// SPDX-License-Identifier: MIT
// The parts of the expression language that its parser (expression_parser.cpp) and its evaluator
// (expression.cpp) share: the function table and the node an expression is made of. Internal to
// the core: nothing outside these two files includes it.
#pragma once

#include "core/expression.h"

#include <array>
#include <string_view>
#include <vector>

namespace msb::core {

namespace expression_detail {

enum class Arg : unsigned char {
    None,
    DevicePage,  // D<i>
    VirtualPage, // X<i> (D<i> is accepted too: the PTE that maps it)
    DataPage,    // D<i> or S<i>
    Thread,
};

enum class Fn : unsigned char {
    PageCount,
    Mapcount,
    Locked,
    Owner,
    Waiters,
    PgWaiters,
    Free,
    ExpectedCount,
    Pte,
    Data,
    Step,
    Sleeping,
    Runnable,
    Done,
    PtlOwner,
    DriverLockOwner,
    LostUpdate,
    StalePageUse,
    Sigbus,
};

struct FunctionInfo
{
    std::string_view name;
    Fn fn;
    Arg arg;
    ValueKind result;
};

inline constexpr std::array<FunctionInfo, 19> kFunctions = {{
    {"page_count", Fn::PageCount, Arg::DevicePage, ValueKind::Number},
    {"mapcount", Fn::Mapcount, Arg::DevicePage, ValueKind::Number},
    {"locked", Fn::Locked, Arg::DevicePage, ValueKind::Boolean},
    {"owner", Fn::Owner, Arg::DevicePage, ValueKind::Thread},
    {"waiters", Fn::Waiters, Arg::DevicePage, ValueKind::Number},
    {"pg_waiters", Fn::PgWaiters, Arg::DevicePage, ValueKind::Boolean},
    {"free", Fn::Free, Arg::DevicePage, ValueKind::Boolean},
    {"expected_count", Fn::ExpectedCount, Arg::DevicePage, ValueKind::Number},
    {"pte", Fn::Pte, Arg::VirtualPage, ValueKind::Pte},
    {"data", Fn::Data, Arg::DataPage, ValueKind::Number},
    {"step", Fn::Step, Arg::Thread, ValueKind::Step},
    {"sleeping", Fn::Sleeping, Arg::Thread, ValueKind::Boolean},
    {"runnable", Fn::Runnable, Arg::Thread, ValueKind::Boolean},
    {"done", Fn::Done, Arg::Thread, ValueKind::Boolean},
    {"ptl_owner", Fn::PtlOwner, Arg::None, ValueKind::Thread},
    {"driver_lock_owner", Fn::DriverLockOwner, Arg::None, ValueKind::Thread},
    {"lost_update", Fn::LostUpdate, Arg::None, ValueKind::Boolean},
    {"stale_page_use", Fn::StalePageUse, Arg::None, ValueKind::Boolean},
    {"sigbus", Fn::Sigbus, Arg::None, ValueKind::Boolean},
}};

inline constexpr std::array<std::string_view, 3> kPteNames = {"DEVPRIV", "MIGR", "PRESENT"};
inline constexpr int kMaxLiteral = 1'000'000;

enum class Cmp : unsigned char { Eq, Ne, Lt, Le, Gt, Ge };

} // namespace expression_detail

struct Expression::Node
{
    enum class Op : unsigned char { Literal, Call, Not, And, Or, Compare } op = Op::Literal;
    ValueKind kind = ValueKind::Number;
    Value literal;
    expression_detail::Fn fn = expression_detail::Fn::PageCount;
    int arg = 0; // page or thread index
    expression_detail::Cmp cmp = expression_detail::Cmp::Eq;
    int left = -1;
    int right = -1;
    int begin = 0; // the node's span in the text
    int end = 0;
};

namespace expression_detail {

/// The nodes of `text`, the root last; an error names the column (Expression::parse).
Result<std::vector<Expression::Node>> parseNodes(std::string_view text, const Scenario& scenario);

} // namespace expression_detail

} // namespace msb::core
