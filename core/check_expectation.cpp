// SPDX-License-Identifier: MIT
#include "core/check_expectation.h"

#include <vector>

namespace msb::core {

int expectedStoredCountAtCheck(const Settings& settings)
{
    // K9: expected_page_refs = 1 + is_device_private_page (base + collect); the mapping
    // reference went in collect (M4). v6.1 (K14): extra_count = 1 for the fault page, which in
    // this model is always the page the migrating thread faulted on.
    return 2 + (settings.faultRef != FaultRef::None ? 1 : 0);
}

int expectedKernelCountAtCheck(const Settings& settings)
{
    return expectedStoredCountAtCheck(settings) - (settings.refcount == RefcountBase::ZeroBased ? 1 : 0);
}

namespace {

// "a", "a and b", "a, b and c": the references the expected count is made of.
std::string referenceList(const Settings& settings)
{
    std::vector<std::string> terms;
    if (settings.refcount == RefcountBase::OneBased)
        terms.emplace_back("the ZONE_DEVICE base reference (K1)");
    terms.emplace_back("collect's reference (K9)");
    if (settings.faultRef != FaultRef::None)
        terms.emplace_back("the faulting thread's own (K14)");
    std::string text;
    for (std::size_t i = 0; i < terms.size(); ++i) {
        if (i > 0)
            text += i + 1 == terms.size() ? " and " : ", ";
        text += terms[i];
    }
    if (settings.refcount == RefcountBase::ZeroBased)
        text += ", in zero-based counts (K29)";
    return text;
}

} // namespace

std::string finalCheckText(const Settings& settings)
{
    const std::string count = std::to_string(expectedKernelCountAtCheck(settings));
    const std::string terms = referenceList(settings);
    switch (settings.check) {
    case CheckPolicy::SkipDevicePrivate:
        return "The check at M7 does not test page_count(D) for a device-private page (the 2021 patch, K20): "
               "it always passes, whoever else holds a reference.";
    case CheckPolicy::CountWaiters:
        return "The check at M7 expects page_count(D) == " + count + ": " + terms
            + ", plus one for each migration-entry waiter holding a reference (K33). Any other reference fails "
              "it with -EAGAIN.";
    case CheckPolicy::DrainRefs:
        return "The check at M7 waits, with D locked, until page_count(D) drops to " + count + ": " + terms
            + ". It never fails; a reference that is never dropped keeps it waiting (K35).";
    case CheckPolicy::Strict:
        break;
    }
    return "The check at M7 expects page_count(D) == " + count + ": " + terms
        + ". Any other reference fails it with -EAGAIN.";
}

} // namespace msb::core
