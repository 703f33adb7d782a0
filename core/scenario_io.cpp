// SPDX-License-Identifier: MIT
#include "core/scenario_io.h"

#include "core/json_fields.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

namespace msb::core {

namespace detail {

Scenario readScenarioObject(
    const JsonInput& input, const nlohmann::json& value, const std::string& path, const ScenarioParameters& parameters)
{
    using J = JsonInput;
    const auto& object = input.object(value, path);
    const bool isRoot = path.empty();
    const bool parametric = object.contains("generator");
    if (parametric) {
        input.onlyKnownMembers(object, path, {"format", "version", "name", "title", "description", "generator"});
    } else {
        input.onlyKnownMembers(object, path, {"format", "version", "name", "title", "description", "pages", "threads"});
        if (!isRoot && (object.contains("format") || object.contains("version")))
            input.fail(
                J::join(path, object.contains("format") ? "format" : "version"), "not allowed in an embedded scenario");
    }

    Scenario scenario;
    scenario.name = input.string(*input.member(object, path, "name", true), J::join(path, "name"));
    if (const auto* title = input.member(object, path, "title", false))
        scenario.title = input.string(*title, J::join(path, "title"));
    if (const auto* description = input.member(object, path, "description", false))
        scenario.description = input.string(*description, J::join(path, "description"));

    if (parametric) {
        const std::string at = J::join(path, "generator");
        const auto& generator = input.object(object["generator"], at);
        input.onlyKnownMembers(generator, at, {"kind", "threads", "pages"});
        const std::string kind = input.string(*input.member(generator, at, "kind", true), J::join(at, "kind"));
        if (kind != "n-faults")
            input.fail(J::join(at, "kind"), "unknown generator \"" + kind + "\" (known: n-faults)");
        int threads = input.integer(*input.member(generator, at, "threads", true), J::join(at, "threads"));
        int pages = input.integer(*input.member(generator, at, "pages", true), J::join(at, "pages"));
        for (const auto& [key, number] : parameters) {
            if (key == "threads")
                threads = number;
            else if (key == "pages")
                pages = number;
            else
                throw JsonInputFailure {
                    Error {input.fileName(), 0, 0, key, "unknown parameter (known: threads, pages)"}};
        }
        // Range checks before expanding, so an absurd number never allocates.
        if (threads < 1 || threads > kMaxThreads)
            throw JsonInputFailure {Error {input.fileName(), 0, 0, "threads",
                "must be between 1 and " + std::to_string(kMaxThreads) + ", got " + std::to_string(threads)}};
        if (pages < 1 || pages > kMaxPages || pages > kMaxAccessesPerThread)
            throw JsonInputFailure {Error {input.fileName(), 0, 0, "pages",
                "must be between 1 and " + std::to_string(kMaxPages) + ", got " + std::to_string(pages)}};
        Scenario expanded = makeNFaults(threads, pages);
        expanded.name = scenario.name;
        if (!scenario.title.empty())
            expanded.title = scenario.title + " (" + expanded.title + ")";
        if (!scenario.description.empty())
            expanded.description = scenario.description;
        scenario = std::move(expanded);
    } else {
        if (!parameters.empty())
            throw JsonInputFailure {Error {input.fileName(), 0, 0, parameters.begin()->first,
                "applies only to parametric scenarios (such as n-faults); \"" + scenario.name
                    + "\" lists its threads and pages explicitly"}};
        scenario.pages = input.integer(*input.member(object, path, "pages", true), J::join(path, "pages"));
        const std::string threadsAt = J::join(path, "threads");
        const auto& threads = input.array(*input.member(object, path, "threads", true), threadsAt);
        if (threads.size() > static_cast<std::size_t>(kMaxThreads))
            input.fail(threadsAt, "at most " + std::to_string(kMaxThreads) + " threads are supported");
        for (std::size_t i = 0; i < threads.size(); ++i) {
            const std::string at = J::index(threadsAt, i);
            const auto& thread = input.object(threads[i], at);
            input.onlyKnownMembers(thread, at, {"name", "kind", "pages"});
            ThreadSpec spec;
            spec.name = input.string(*input.member(thread, at, "name", true), J::join(at, "name"));
            const std::string kind = input.string(*input.member(thread, at, "kind", true), J::join(at, "kind"));
            if (kind == "fault")
                spec.kind = ThreadKind::Fault;
            else if (kind == "holder")
                spec.kind = ThreadKind::Holder;
            else
                input.fail(J::join(at, "kind"), "unknown thread kind \"" + kind + "\" (known: fault, holder)");
            const std::string pagesAt = J::join(at, "pages");
            const auto& pages = input.array(*input.member(thread, at, "pages", true), pagesAt);
            if (pages.size() > static_cast<std::size_t>(kMaxAccessesPerThread))
                input.fail(pagesAt, "at most " + std::to_string(kMaxAccessesPerThread) + " accesses per thread");
            for (std::size_t p = 0; p < pages.size(); ++p)
                spec.pages.push_back(input.integer(pages[p], J::index(pagesAt, p)));
            scenario.threads.push_back(std::move(spec));
        }
    }

    auto valid = validateScenario(std::move(scenario));
    if (!valid) {
        const Error& error = valid.error();
        // validateScenario names fields relative to the scenario; place them in this document.
        const std::string field = error.field.empty() ? path : J::join(path, error.field);
        if (parametric)
            throw JsonInputFailure {Error {input.fileName(), 0, 0, field, error.message}};
        throw JsonInputFailure {input.errorAt(field, error.message)};
    }
    return std::move(valid).value();
}

} // namespace detail

Result<Scenario> parseScenario(std::string_view text, const std::string& fileName, const ScenarioParameters& parameters)
{
    return detail::readJsonDocument<Scenario>(text, fileName, [&](const detail::JsonInput& input) {
        detail::checkFormat(input, kScenarioFormat, kScenarioFormatVersion);
        return detail::readScenarioObject(input, input.root(), {}, parameters);
    });
}

Result<Scenario> loadScenarioFile(const std::string& path, const ScenarioParameters& parameters)
{
    auto text = readInputFile(path);
    if (!text)
        return text.error();
    return parseScenario(text.value(), path, parameters);
}

std::string scenarioToJson(const Scenario& scenario)
{
    nlohmann::ordered_json out;
    out["format"] = kScenarioFormat;
    out["version"] = kScenarioFormatVersion;
    out["name"] = scenario.name;
    out["title"] = scenario.title;
    out["description"] = scenario.description;
    out["pages"] = scenario.pages;
    auto threads = nlohmann::ordered_json::array();
    for (const auto& thread : scenario.threads) {
        nlohmann::ordered_json entry;
        entry["name"] = thread.name;
        entry["kind"] = thread.kind == ThreadKind::Holder ? "holder" : "fault";
        entry["pages"] = thread.pages;
        threads.push_back(std::move(entry));
    }
    out["threads"] = std::move(threads);
    return out.dump(2) + "\n";
}

Result<bool> saveScenarioFile(const Scenario& scenario, const std::string& path)
{
    return writeFileAtomically(path, scenarioToJson(scenario));
}

Result<std::string> readInputFile(const std::string& path, std::size_t maxBytes)
{
    auto fail = [&](std::string message) { return Error {path, 0, 0, {}, std::move(message)}; };
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (ec || !std::filesystem::exists(status))
        return fail("cannot open: no such file");
    if (std::filesystem::is_directory(status))
        return fail("cannot open: is a directory");
    if (std::filesystem::is_regular_file(status)) {
        const auto size = std::filesystem::file_size(path, ec);
        if (!ec && size > maxBytes)
            return fail(
                "file too large (" + std::to_string(size) + " bytes, the limit is " + std::to_string(maxBytes) + ")");
    }
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return fail(std::string("cannot open: ") + std::strerror(errno));
    // Read at most one byte past the limit: pipes and special files have no size up front.
    std::string text(maxBytes + 1, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    if (in.bad())
        return fail("read error");
    text.resize(static_cast<std::size_t>(in.gcount()));
    if (text.size() > maxBytes)
        return fail("file too large (more than " + std::to_string(maxBytes) + " bytes)");
    return text;
}

Result<bool> writeFileAtomically(const std::string& path, std::string_view contents)
{
    auto fail = [&](std::string message) {
        return Error {path, 0, 0, {}, std::move(message) + ": " + std::strerror(errno)};
    };
    const std::filesystem::path target(path);
    const std::filesystem::path directory = target.has_parent_path() ? target.parent_path() : ".";
    std::string temp = (directory / ("." + target.filename().string() + ".XXXXXX")).string();
    const int fd = ::mkstemp(temp.data());
    if (fd < 0)
        return fail("cannot create a temporary file next to it");
    const char* data = contents.data();
    std::size_t left = contents.size();
    while (left > 0) {
        const ssize_t written = ::write(fd, data, left);
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0) {
            auto error = fail("write failed");
            ::close(fd);
            ::unlink(temp.c_str());
            return error;
        }
        data += written;
        left -= static_cast<std::size_t>(written);
    }
    // mkstemp creates the file 0600; a saved scenario or recording is a document, like any other.
    ::fchmod(fd, 0644);
    const bool synced = ::fsync(fd) == 0;
    if (::close(fd) != 0 || !synced) {
        auto error = fail("write failed");
        ::unlink(temp.c_str());
        return error;
    }
    if (::rename(temp.c_str(), path.c_str()) != 0) {
        auto error = fail("cannot replace the file");
        ::unlink(temp.c_str());
        return error;
    }
    return true;
}

} // namespace msb::core
