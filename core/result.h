// SPDX-License-Identifier: MIT
// Structured errors for user input (scenario and recording files, command-line settings, classroom
// events, commands the GUI refuses). The core never prints: it returns an Error that names the
// file, the place and the problem, and the front ends (CLI, GUI) decide how to show it. GCC 12 has
// no std::expected, hence Result; Result<void> is an operation that only succeeds or fails. Both
// are [[nodiscard]]: a dropped result does not compile (the build has -Werror).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace msb::core {

struct Error
{
    std::string file;  // may be empty for input that did not come from a file
    int line = 0;      // 1-based; 0 when unknown
    int column = 0;    // 1-based; 0 when unknown
    std::string field; // JSON pointer-like path, e.g. "threads[1].kind"; may be empty
    std::string message;

    /// One line: "file:line:column: field: message" with the unknown parts left out.
    std::string toString() const;
};

/// An Error with only a message (input that has no file or field, e.g. a refused command).
Error errorMessage(std::string message);

template <typename T>
class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_data(std::move(value))
    {
    }
    Result(Error error)
        : m_data(std::move(error))
    {
    }

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }
    const T& value() const& { return std::get<0>(m_data); }
    T& value() & { return std::get<0>(m_data); }
    T&& value() && { return std::get<0>(std::move(m_data)); }
    const T* operator->() const { return &value(); }
    T* operator->() { return &value(); }
    const Error& error() const { return std::get<1>(m_data); }

private:
    std::variant<T, Error> m_data;
};

template <>
class [[nodiscard]] Result<void>
{
public:
    Result() = default; // success
    Result(Error error)
        : m_error(std::move(error))
    {
    }

    bool ok() const { return !m_error; }
    explicit operator bool() const { return ok(); }
    const Error& error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

} // namespace msb::core
