// SPDX-License-Identifier: MIT
// Model invariants that stay on in every build type (rr's CONTRIBUTING asks the same): a broken
// invariant means the simulator no longer follows the kernel, and a teaching tool that silently
// shows a wrong refcount is worse than one that stops. Usage:
//     MSB_INVARIANT(page.refcount > 0) << "step " << n << " thread " << t << " page D" << p;
// On failure the message (condition, location, context) goes to InvariantViolation, which the
// front ends catch and report as an internal error (exit code 3).
#pragma once

#include <sstream>
#include <stdexcept>
#include <string>

namespace msb::core {

class InvariantViolation : public std::logic_error
{
public:
    using std::logic_error::logic_error;
};

namespace detail {

class InvariantFailure
{
public:
    InvariantFailure(const char* condition, const char* file, int line)
    {
        m_stream << "model invariant violated: " << condition << " (" << file << ':' << line << ")";
    }
    InvariantFailure(const InvariantFailure&) = delete;
    InvariantFailure& operator=(const InvariantFailure&) = delete;
    // Throwing from a destructor is deliberate: the temporary dies at the end of the full
    // expression, after every "<<" of context has been streamed in.
    [[noreturn]] ~InvariantFailure() noexcept(false) { throw InvariantViolation(m_stream.str()); }

    template <typename T>
    InvariantFailure& operator<<(const T& value)
    {
        if (!m_hasContext) {
            m_stream << ": ";
            m_hasContext = true;
        }
        m_stream << value;
        return *this;
    }

private:
    std::ostringstream m_stream;
    bool m_hasContext = false;
};

} // namespace detail
} // namespace msb::core

#define MSB_INVARIANT(cond)                                                                                            \
    if (cond) {                                                                                                        \
    } else                                                                                                             \
        ::msb::core::detail::InvariantFailure(#cond, __FILE__, __LINE__)
