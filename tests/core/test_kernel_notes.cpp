// SPDX-License-Identifier: MIT
// The kernel notes ship with the project (docs/kernel/): every ID cited anywhere in the repository
// must name a note, and the index in core/kernel_notes.cpp must match the documents' headings.
#include "core/kernel_notes.h"
#include "core/steps.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

namespace fs = std::filesystem;
using msb::core::citedKernelNotes;
using msb::core::findKernelNote;
using msb::core::kernelNotes;

namespace {

const fs::path kSource = MSB_SOURCE_DIR;

std::string readFile(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

struct Heading
{
    std::string id;
    std::string title;
    std::string holdsFor;
};

/// "## K12 — title" headings and the "- **Holds for:** ..." line under each.
std::vector<Heading> headings(const fs::path& document)
{
    std::vector<Heading> out;
    std::istringstream in(readFile(document));
    const std::regex heading(R"(^## ([KN][0-9]+) — (.*)$)");
    const std::regex holds(R"(^- \*\*Holds for:\*\* (.*)$)");
    std::smatch match;
    for (std::string line; std::getline(in, line);) {
        if (std::regex_match(line, match, heading))
            out.push_back({match[1], match[2], {}});
        else if (!out.empty() && out.back().holdsFor.empty() && std::regex_match(line, match, holds))
            out.back().holdsFor = match[1];
    }
    return out;
}

/// The files whose text may cite a note: sources, lessons and documentation.
std::vector<fs::path> citingFiles()
{
    std::vector<fs::path> files {kSource / "README.md"};
    for (const char* dir : {"core", "app", "scenes", "tests", "assets", "docs"}) {
        for (const auto& entry : fs::recursive_directory_iterator(kSource / dir)) {
            const auto ext = entry.path().extension();
            if (entry.is_regular_file() && (ext == ".cpp" || ext == ".h" || ext == ".json" || ext == ".md"))
                files.push_back(entry.path());
        }
    }
    return files;
}

} // namespace

TEST(KernelNotes, CitationsAreFoundInText)
{
    EXPECT_EQ(citedKernelNotes("(K12) and (K9, K20)"), (std::vector<std::string> {"K12", "K9", "K20"}));
    EXPECT_EQ(citedKernelNotes("K16-K19"), (std::vector<std::string> {"K16", "K17", "K18", "K19"}));
    EXPECT_EQ(citedKernelNotes("K1\xE2\x80\x93K3, N2"), (std::vector<std::string> {"K1", "K2", "K3", "N2"}));
    EXPECT_EQ(citedKernelNotes("K27(b), K5: collect"), (std::vector<std::string> {"K27", "K5"}));
    // Not citations: part of a word or a number.
    EXPECT_TRUE(citedKernelNotes("4K12 SK1 K12a KN Kb").empty());
    EXPECT_EQ(citedKernelNotes("K12 again K12"), (std::vector<std::string> {"K12"}));
}

TEST(KernelNotes, IndexMatchesTheDocuments)
{
    auto docs = headings(kSource / "docs/kernel/notes.md");
    const auto notModelled = headings(kSource / "docs/kernel/not-modelled.md");
    docs.insert(docs.end(), notModelled.begin(), notModelled.end());
    ASSERT_EQ(docs.size(), kernelNotes().size()) << "docs/kernel/ and core/kernel_notes.cpp list different notes";
    std::set<std::string> seen;
    for (std::size_t i = 0; i < docs.size(); ++i) {
        const auto& note = kernelNotes()[i];
        SCOPED_TRACE(docs[i].id);
        EXPECT_TRUE(seen.insert(docs[i].id).second) << "duplicate heading";
        EXPECT_EQ(docs[i].id, note.id);
        EXPECT_EQ(docs[i].title, note.title);
        if (docs[i].id.front() == 'K') {
            EXPECT_EQ(docs[i].holdsFor.rfind(std::string(note.releases), 0), 0u)
                << "\"Holds for\" is \"" << docs[i].holdsFor << "\", the index says \"" << note.releases << "\"";
        }
    }
}

TEST(KernelNotes, EveryCitedNoteExistsAndNothingPointsOutside)
{
    const std::string oldStyle = std::string("kernel") + "-facts";
    const std::string buildMachine = std::string("/work/") + "shared";
    std::map<std::string, int> citedOutsideNotes;
    std::vector<std::string> broken;
    const fs::path self = fs::path(__FILE__).filename();
    for (const auto& file : citingFiles()) {
        if (file.filename() == self)
            continue;
        const std::string relative = fs::relative(file, kSource).generic_string();
        // The documents and their index name every note; they do not count as citing one.
        const bool isNotes = relative.rfind("docs/kernel/", 0) == 0 || relative.rfind("core/kernel_notes.", 0) == 0;
        std::istringstream in(readFile(file));
        int number = 0;
        for (std::string line; std::getline(in, line);) {
            ++number;
            const std::string where = relative + ":" + std::to_string(number);
            if (line.find(oldStyle) != std::string::npos)
                broken.push_back(where + ": cites the old numbering (" + oldStyle + ")");
            if (line.find(buildMachine) != std::string::npos)
                broken.push_back(where + ": points at a path on a build machine");
            for (const auto& id : citedKernelNotes(line)) {
                if (!findKernelNote(id))
                    broken.push_back(where + ": cites " + id + ", which is not in docs/kernel/");
                else if (!isNotes)
                    ++citedOutsideNotes[id];
            }
        }
    }
    for (const auto& message : broken)
        ADD_FAILURE() << message;

    // Not a failure: a note nothing cites may still explain the model. Listed so it gets a look.
    std::string uncited;
    for (const auto& note : kernelNotes()) {
        if (!citedOutsideNotes.count(std::string(note.id)))
            uncited += (uncited.empty() ? "" : ", ") + std::string(note.id);
    }
    std::cout << "notes cited nowhere outside docs/kernel/: " << (uncited.empty() ? "none" : uncited) << '\n';
    RecordProperty("uncited_notes", uncited);
    EXPECT_GE(citedOutsideNotes.size(), 30u) << "the code, lessons and README cite too few notes";
}

// A step's citation is shown in the code panel and `run --json`: each part must be a note ID
// ("K12, K13"), never a bare number from an older numbering ("12, 13").
TEST(KernelNotes, EveryStepCitesNotesById)
{
    const std::regex noteId(R"([KN][0-9]+(\([a-z]\))?)");
    for (int i = 0; i < static_cast<int>(msb::core::StepId::Count); ++i) {
        const auto& info = msb::core::stepInfo(static_cast<msb::core::StepId>(i));
        SCOPED_TRACE(std::string(info.id));
        ASSERT_FALSE(info.fact.empty());
        std::istringstream parts {std::string(info.fact)};
        for (std::string part; std::getline(parts, part, ',');) {
            part.erase(0, part.find_first_not_of(' '));
            EXPECT_TRUE(std::regex_match(part, noteId)) << "cites \"" << part << "\", not a note ID";
            EXPECT_TRUE(findKernelNote(part.substr(0, part.find('(')))) << part << " is not in docs/kernel/";
        }
    }
}
