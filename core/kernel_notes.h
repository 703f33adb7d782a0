// SPDX-License-Identifier: MIT
// The kernel notes the model follows (docs/kernel/notes.md and not-modelled.md), by ID.
//
// Code comments, lesson pages, the code panel, exports and the CLI cite a note as "K12"; a note the
// model leaves out is "N3". This table is the index of those documents: a cited ID that is not here
// is a broken citation (tests/core/test_kernel_notes.cpp checks the documents and every citation in
// the repository against it).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace msb::core {

struct KernelNote
{
    std::string_view id;       // "K12" or "N3"
    std::string_view title;    // the heading's text after the ID, as in the document
    std::string_view releases; // the "Holds for" range, e.g. "v5.0 – v5.16"
};

/// Every note, K1.. then N1.., in document order.
const std::vector<KernelNote>& kernelNotes();
const KernelNote* findKernelNote(std::string_view id);
/// The document a note lives in, relative to the repository root.
std::string_view kernelNoteDocument(std::string_view id);

/// The note IDs cited in a text, in order of first appearance, without duplicates. A citation is
/// "K" or "N" followed by digits, not preceded or followed by a letter or digit; a range "K16-K19"
/// (hyphen or en dash) cites every note from the first to the last.
std::vector<std::string> citedKernelNotes(std::string_view text);

} // namespace msb::core
