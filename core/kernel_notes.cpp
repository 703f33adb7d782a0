// SPDX-License-Identifier: MIT
#include "core/kernel_notes.h"

#include <cctype>

namespace msb::core {

const std::vector<KernelNote>& kernelNotes()
{
    // Titles and ranges as in docs/kernel/notes.md and docs/kernel/not-modelled.md (the test
    // compares them).
    static const std::vector<KernelNote> table = {
        {"K1", "Device-private refcounts are one-based up to v5.17", "v4.14 – v5.17"},
        {"K2", "The driver's allocation takes a reference and the page lock", "v5.11 – v5.17"},
        {"K3", "Restoring a migration entry adds the mapping reference; the steady state", "v5.11 and later"},
        {"K4", "`migrate_vma_setup` runs collect, then prepare and unmap", "v5.11 – v5.15"},
        {"K5", "Collect on a device-private entry (v5.11)", "v5.11 – v5.15"},
        {"K6", "Prepare retries the lock once (up to v5.15)", "v5.11 – v5.15"},
        {"K7", "v5.11's pre-copy check never fails a device-private page", "v4.14 – v5.16"},
        {"K8", "Unmap, and its restore path", "v5.11 and later"},
        {"K9", "The last check: `migrate_page_move_mapping`",
            "v5.11 – v5.17 with the device-private +1; from v5.18 without it"},
        {"K10", "Finalize", "v5.11 and later"},
        {"K11", "`do_swap_page` calls `migrate_to_ram` holding nothing (up to v6.0)", "v4.14 – v6.0"},
        {"K12", "The migration-entry waiter's transient reference (v5.0 – v5.16)", "v5.0 – v5.16"},
        {"K13", "Before v5.0 the waiter held its reference while sleeping", "up to v4.20"},
        {"K14", "The fault path from v6.1: a counted reference, then a trylock",
            "counted reference v6.1 – v6.14; trylock v6.15 and later"},
        {"K15", "GUP cannot pin a device-private page", "v5.11 and later"},
        {"K16", "nouveau's `migrate_to_ram` retries, it does not fail", "v5.11"},
        {"K17", "test_hmm's fault handler retries too", "v5.11 and later"},
        {"K18", "powerpc's secure-memory driver retries too", "v5.11 and later"},
        {"K19", "The documented contract asks for SIGBUS", "v5.11 and later"},
        {"K20", "The 2021 patch: no count test for device-private pages", "never merged; posted against v5.11"},
        {"K21", "Jason Gunthorpe's objection", "the 2021 review thread"},
        {"K22", "The patch was dropped", "v2"},
        {"K23", "v5.17: waiters stop taking a reference; the pre-copy check returns", "v5.17 and later"},
        {"K24", "v6.1: free device-private pages have count 0", "v6.1 and later"},
        {"K25", "The checks' arithmetic in a modern kernel", "v6.15 and later"},
        {"K26", "Reported livelocks", "the reports' releases, given per item"},
        {"K27", "Other ways a device-private page gains a reference", "per item"},
        {"K28", "v5.16: collect gives up a page it cannot lock", "v5.16 and later"},
        {"K29", "v5.18: zero-based in-use counts, and what that does to each check", "v5.18 and later"},
        {"K30", "How the model's rounds arise", "every preset"},
        {"K31", "Outcome with the strict check (v5.11 as shipped)", "v5.11; the lost-update window reopens from v5.18"},
        {"K32", "Outcome with the 2021 patch", "v5.11 + K20"},
        {"K33", "Counting waiter references (Jason's proposal)", "a proposal, never merged"},
        {"K34", "Waiters without a reference (v5.17)", "v5.17 and later"},
        {"K35", "A naive fix: wait for the extra references to drain", "a thought experiment"},
        {"K36", "Before v5.9 a woken waiter could sleep again, still holding its reference", "up to v5.8"},
        {"K37", "v7.0: a fault that loses the trylock waits for the unlock", "v7.0 and later"},
        {"N1", "Driver locks inside `migrate_to_ram`, beyond the one modelled", "not modelled (one lock is: K26)"},
        {"N2", "Multi-page ranges", "not modelled"},
        {"N3", "The 2026 `hmm_range_fault` starvation", "not modelled"},
        {"N4", "`mmu_notifier` invalidation", "not modelled"},
        {"N5", "Pages shared after fork (mapcount > 1)", "not modelled"},
        {"N6", "The asynchronous device copy", "not modelled"},
        {"N7", "Large device-private folios (v6.19)", "not modelled"},
    };
    return table;
}

const KernelNote* findKernelNote(std::string_view id)
{
    for (const auto& note : kernelNotes()) {
        if (note.id == id)
            return &note;
    }
    return nullptr;
}

std::string_view kernelNoteDocument(std::string_view id)
{
    return !id.empty() && id.front() == 'N' ? "docs/kernel/not-modelled.md" : "docs/kernel/notes.md";
}

namespace {

bool isWordChar(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
}

/// A citation "K12" starting at `at`: its letter and number, and where it ends; number < 0 if none.
struct Token
{
    char letter = 0;
    int number = -1;
    std::size_t end = 0;
};

Token tokenAt(std::string_view text, std::size_t at)
{
    Token token;
    if (at >= text.size() || (text[at] != 'K' && text[at] != 'N'))
        return token;
    if (at > 0 && isWordChar(text[at - 1]))
        return token;
    std::size_t end = at + 1;
    int number = 0;
    while (end < text.size() && std::isdigit(static_cast<unsigned char>(text[end])) && end - at <= 4)
        number = number * 10 + (text[end++] - '0');
    if (end == at + 1 || (end < text.size() && isWordChar(text[end])))
        return token;
    token.letter = text[at];
    token.number = number;
    token.end = end;
    return token;
}

} // namespace

std::vector<std::string> citedKernelNotes(std::string_view text)
{
    std::vector<std::string> ids;
    auto add = [&ids](char letter, int number) {
        std::string id = letter + std::to_string(number);
        for (const auto& known : ids) {
            if (known == id)
                return;
        }
        ids.push_back(std::move(id));
    };
    for (std::size_t at = 0; at < text.size(); ++at) {
        const Token first = tokenAt(text, at);
        if (first.number < 0)
            continue;
        add(first.letter, first.number);
        at = first.end - 1;
        // A range: "K16-K19" or "K16–K19" (en dash, three bytes in UTF-8).
        std::size_t next = first.end;
        if (text.substr(next, 1) == "-")
            next += 1;
        else if (text.substr(next, 3) == "\u2013")
            next += 3;
        else
            continue;
        const Token last = tokenAt(text, next);
        if (last.number < 0 || last.letter != first.letter || last.number < first.number)
            continue;
        for (int n = first.number + 1; n <= last.number; ++n)
            add(first.letter, n);
        at = last.end - 1;
    }
    return ids;
}

} // namespace msb::core
