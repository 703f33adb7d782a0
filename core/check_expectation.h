// SPDX-License-Identifier: MIT
// What the final refcount check (M7: migrate_page_move_mapping, folio_migrate_mapping in later
// releases) expects, derived from the settings alone, so that no text shown to people states a
// count that holds under some presets only (K9, K14, K20, K29, K33, K35).
#pragma once

#include "core/settings.h"

#include <string>

namespace msb::core {

/// The count M7 compares page_count(D) with for the page the migrating thread faulted on, before
/// any waiter references count-waiters adds, as the model stores counts (one-based, K1): the
/// ZONE_DEVICE base and the collect reference, plus the fault's own reference from v6.1 (K14).
int expectedStoredCountAtCheck(const Settings& settings);
/// The same count as the release reports it: one less with zero-based counts (v5.18+, K29).
int expectedKernelCountAtCheck(const Settings& settings);
/// One or two sentences on what M7 does with page_count(D) under these settings, with the count
/// and the references it is made of ("The check at M7 expects page_count(D) == 2: ...").
std::string finalCheckText(const Settings& settings);

} // namespace msb::core
