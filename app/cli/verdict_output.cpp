// SPDX-License-Identifier: MIT
#include "app/cli/verdict_output.h"

namespace msb::cli {

nlohmann::json livenessJson(const core::Verdict& verdict)
{
    return {{"completes_always", verdict.completesAlways}, {"completes_possible", verdict.completesPossible},
        {"deadlock", verdict.deadlock}, {"livelock", verdict.livelock}, {"sigbus", verdict.sigbus}};
}

nlohmann::json safetyJson(const core::Verdict& verdict)
{
    return {{"lost_update", verdict.lostUpdate}, {"stale_page_use", verdict.stalePageUse}};
}

void printVerdictLines(const core::Verdict& verdict, std::ostream& out)
{
    out << "  completes_always " << yesNo(verdict.completesAlways) << "   completes_possible "
        << yesNo(verdict.completesPossible) << "\n  deadlock " << yesNo(verdict.deadlock) << "   livelock "
        << yesNo(verdict.livelock) << "   sigbus " << yesNo(verdict.sigbus) << "\n  lost_update "
        << yesNo(verdict.lostUpdate) << "   stale_page_use " << yesNo(verdict.stalePageUse) << '\n';
}

const char* yesNo(bool value)
{
    return value ? "yes" : "no";
}

} // namespace msb::cli
