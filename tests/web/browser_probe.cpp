// SPDX-License-Identifier: MIT
// msb_browser_probe: drives a headless Chromium through the DevTools protocol on a pipe
// (--remote-debugging-pipe: NUL-terminated JSON on the child's fds 3 and 4), so a test can wait
// for a live page to reach a state instead of guessing a time budget. No network port, no
// WebSocket client, nothing but the browser.
//
//   msb_browser_probe CHROMIUM [--size WxH] [--mobile] [--dark] [--timeout-ms N] ACTION...
//   ACTION: --open URL | --wait JS (until truthy) | --eval JS (prints the JSON value on a line)
//           | --screenshot FILE.png
// Exit: 0 every action done, 1 a --wait timed out or the page threw, 2 bad usage, 3 browser error.
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <poll.h>
#include <signal.h>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

using nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

struct Action
{
    std::string kind; // open, wait, eval, screenshot
    std::string arg;
};

std::string base64Decode(const std::string& in)
{
    static const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    unsigned value = 0;
    int bits = -8;
    for (char c : in) {
        const auto at = alphabet.find(c);
        if (at == std::string::npos)
            continue; // padding
        value = (value << 6) + static_cast<unsigned>(at);
        bits += 6;
        if (bits >= 0) {
            out += static_cast<char>((value >> bits) & 0xFF);
            bits -= 8;
        }
    }
    return out;
}

class Browser
{
public:
    explicit Browser(const std::string& chromium, const std::string& profile)
    {
        int toChild[2];
        int fromChild[2];
        if (pipe(toChild) != 0 || pipe(fromChild) != 0)
            throw std::runtime_error("pipe failed");
        m_pid = fork();
        if (m_pid < 0)
            throw std::runtime_error("fork failed");
        if (m_pid == 0) {
            // The child reads commands on fd 3 and writes replies on fd 4.
            dup2(toChild[0], 3);
            dup2(fromChild[1], 4);
            for (int fd : {toChild[0], toChild[1], fromChild[0], fromChild[1]})
                if (fd > 4)
                    close(fd);
            const int devnull = open("/dev/null", O_WRONLY);
            if (devnull >= 0 && !std::getenv("MSB_PROBE_VERBOSE"))
                dup2(devnull, 2);
            const std::string userData = "--user-data-dir=" + profile;
            // --no-sandbox: CI containers have no user namespaces; the pages are our own.
            std::vector<const char*> argv {chromium.c_str(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--hide-scrollbars", "--remote-debugging-pipe", userData.c_str(), "about:blank", nullptr};
            execv(chromium.c_str(), const_cast<char* const*>(argv.data()));
            _exit(127);
        }
        close(toChild[0]);
        close(fromChild[1]);
        m_out = toChild[1];
        m_in = fromChild[0];
        signal(SIGPIPE, SIG_IGN);
    }

    ~Browser()
    {
        if (m_pid > 0) {
            try {
                call("Browser.close", json::object(), false);
            } catch (...) {
            }
            for (int i = 0; i < 50 && waitpid(m_pid, nullptr, WNOHANG) == 0; ++i)
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
            if (waitpid(m_pid, nullptr, WNOHANG) == 0) {
                kill(m_pid, SIGKILL);
                waitpid(m_pid, nullptr, 0);
            }
        }
        close(m_out);
        close(m_in);
    }

    /// Sends a command (to the page's session unless browserLevel) and waits for its reply.
    json call(const std::string& method, const json& params, bool onPage = true)
    {
        json message = {{"id", ++m_id}, {"method", method}, {"params", params}};
        if (onPage && !m_session.empty())
            message["sessionId"] = m_session;
        const std::string text = message.dump() + '\0';
        if (write(m_out, text.data(), text.size()) != static_cast<ssize_t>(text.size()))
            throw std::runtime_error("the browser closed its pipe");
        for (;;) {
            const json reply = read(std::chrono::seconds(60));
            if (reply.contains("id") && reply["id"] == m_id) {
                if (reply.contains("error"))
                    throw std::runtime_error(method + ": " + reply["error"].dump());
                return reply.value("result", json::object());
            }
        }
    }

    void attachToPage()
    {
        const json targets = call("Target.getTargets", json::object(), false);
        std::string target;
        for (const auto& info : targets["targetInfos"])
            if (info["type"] == "page")
                target = info["targetId"];
        if (target.empty())
            target = call("Target.createTarget", {{"url", "about:blank"}}, false)["targetId"];
        m_session = call("Target.attachToTarget", {{"targetId", target}, {"flatten", true}}, false)["sessionId"];
    }

private:
    json read(std::chrono::seconds timeout)
    {
        const auto deadline = Clock::now() + timeout;
        for (;;) {
            const auto end = m_buffer.find('\0');
            if (end != std::string::npos) {
                json message = json::parse(m_buffer.substr(0, end));
                m_buffer.erase(0, end + 1);
                return message;
            }
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
            if (left <= 0)
                throw std::runtime_error("the browser did not answer");
            pollfd pfd {m_in, POLLIN, 0};
            if (poll(&pfd, 1, static_cast<int>(left)) <= 0)
                continue;
            char chunk[65536];
            const ssize_t n = ::read(m_in, chunk, sizeof chunk);
            if (n <= 0)
                throw std::runtime_error("the browser exited");
            m_buffer.append(chunk, static_cast<std::size_t>(n));
        }
    }

    pid_t m_pid = -1;
    int m_out = -1;
    int m_in = -1;
    int m_id = 0;
    std::string m_session;
    std::string m_buffer;
};

/// The value of a JS expression (awaited if a promise); nullopt when it threw.
std::optional<json> evaluate(Browser& browser, const std::string& expression)
{
    const json result =
        browser.call("Runtime.evaluate", {{"expression", expression}, {"returnByValue", true}, {"awaitPromise", true}});
    if (result.contains("exceptionDetails"))
        return std::nullopt;
    return result["result"].value("value", json());
}

bool truthy(const json& value)
{
    if (value.is_boolean())
        return value.get<bool>();
    if (value.is_number())
        return value.get<double>() != 0;
    if (value.is_string())
        return !value.get<std::string>().empty();
    return !value.is_null();
}

int usage()
{
    std::cerr << "usage: msb_browser_probe CHROMIUM [--size WxH] [--mobile] [--dark] [--timeout-ms N]\n"
                 "       (--open URL | --wait JS | --eval JS | --resize WxH | --screenshot FILE)...\n";
    return 2;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 3)
        return usage();
    const std::string chromium = argv[1];
    int width = 1280;
    int height = 800;
    bool mobile = false;
    bool dark = false;
    int timeoutMs = 20000;
    std::vector<Action> actions;
    for (int i = 2; i < argc; ++i) {
        const std::string option = argv[i];
        const bool hasValue = i + 1 < argc;
        if (option == "--mobile") {
            mobile = true;
        } else if (option == "--dark") {
            dark = true;
        } else if (option == "--size" && hasValue) {
            if (std::sscanf(argv[++i], "%dx%d", &width, &height) != 2)
                return usage();
        } else if (option == "--timeout-ms" && hasValue) {
            timeoutMs = std::atoi(argv[++i]);
        } else if ((option == "--open" || option == "--wait" || option == "--eval" || option == "--screenshot"
                       || option == "--resize")
            && hasValue) {
            actions.push_back({option.substr(2), argv[++i]});
        } else {
            return usage();
        }
    }

    char profile[] = "/tmp/msb-probe-XXXXXX";
    if (!mkdtemp(profile)) {
        std::perror("mkdtemp");
        return 3;
    }
    int status = 0;
    try {
        Browser browser(chromium, profile);
        browser.attachToPage();
        browser.call("Page.enable", json::object());
        browser.call("Emulation.setDeviceMetricsOverride",
            {{"width", width}, {"height", height}, {"deviceScaleFactor", 1}, {"mobile", mobile}});
        if (dark)
            browser.call("Emulation.setEmulatedMedia",
                {{"features", json::array({{{"name", "prefers-color-scheme"}, {"value", "dark"}}})}});
        for (const Action& action : actions) {
            if (action.kind == "open") {
                browser.call("Page.navigate", {{"url", action.arg}});
            } else if (action.kind == "wait") {
                const auto deadline = Clock::now() + std::chrono::milliseconds(timeoutMs);
                std::optional<json> value;
                while (!(value = evaluate(browser, action.arg)) || !truthy(*value)) {
                    if (Clock::now() > deadline) {
                        std::cerr << "timed out waiting for: " << action.arg << "\n";
                        status = 1;
                        break;
                    }
                    std::this_thread::sleep_for(std::chrono::milliseconds(50));
                }
                if (status)
                    break;
            } else if (action.kind == "eval") {
                const auto value = evaluate(browser, action.arg);
                if (!value) {
                    std::cerr << "the page threw on: " << action.arg << "\n";
                    status = 1;
                    break;
                }
                std::cout << value->dump() << std::endl;
            } else if (action.kind == "resize") {
                // The window changes size in place (a phone turned), as resize events see it.
                int w = 0;
                int h = 0;
                if (std::sscanf(action.arg.c_str(), "%dx%d", &w, &h) != 2) {
                    std::cerr << "--resize: expected WxH, got " << action.arg << "\n";
                    status = 2;
                    break;
                }
                browser.call("Emulation.setDeviceMetricsOverride",
                    {{"width", w}, {"height", h}, {"deviceScaleFactor", 1}, {"mobile", mobile}});
            } else if (action.kind == "screenshot") {
                const json shot = browser.call("Page.captureScreenshot", {{"format", "png"}});
                std::ofstream out(action.arg, std::ios::binary);
                out << base64Decode(shot["data"].get<std::string>());
                if (!out) {
                    std::cerr << "cannot write " << action.arg << "\n";
                    status = 3;
                    break;
                }
            }
        }
    } catch (const std::exception& error) {
        std::cerr << "browser: " << error.what() << "\n";
        status = 3;
    }
    std::error_code ignored;
    std::filesystem::remove_all(profile, ignored);
    return status;
}
