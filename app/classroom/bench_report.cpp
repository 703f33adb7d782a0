// SPDX-License-Identifier: MIT
#include "app/classroom/bench_report.h"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <sys/resource.h>

namespace msb::classroom {

std::string BenchFollowersCommand::toString() const
{
    std::string command = (via.empty() ? "" : via + " ") + "'" + cli + "' classroom bench-followers --host " + host
        + " --port " + std::to_string(port) + " --code " + code + " --followers " + std::to_string(followers)
        + " --join-spread " + std::to_string(joinSpreadMs);
    if (web)
        command += std::string(" --web") + (deflate ? "" : " --no-deflate") + (deltas ? "" : " --no-deltas")
            + (framesFile.empty() ? "" : " --frames '" + framesFile + "'");
    return command;
}

BenchFollowersReport readBenchFollowers(std::FILE* child)
{
    BenchFollowersReport report;
    char line[256];
    while (std::fgets(line, sizeof line, child)) {
        int follower = 0;
        std::size_t index = 0;
        long long ns = 0;
        unsigned long long bytes = 0;
        unsigned long long wire = 0;
        unsigned long long count = 0;
        unsigned long long deltas = 0;
        int flag = 0;
        int right = 0;
        int bad = 0;
        if (std::sscanf(line, "R %d %zu %lld", &follower, &index, &ns) == 3 && ns > 0) {
            report.stepAt[{follower, index}] = ns;
        } else if (std::sscanf(line, "F %d %zu %lld", &follower, &index, &ns) == 3 && ns > 0) {
            report.frameAt[{follower, index}] = ns;
        } else if (std::sscanf(line, "B %d %llu %llu %llu %llu %d", &follower, &bytes, &wire, &count, &deltas, &flag)
            == 6) {
            report.payloadBytes += bytes;
            report.wireBytes += wire;
            report.frames += count;
            report.deltaFrames += deltas;
            report.deflateNegotiated += flag;
        } else if (std::sscanf(line, "V %d %d %d", &follower, &right, &bad) == 3) {
            report.framesVerified += right;
            report.framesWrong += bad;
        }
    }
    return report;
}

double BenchLatency::quantile(double q) const
{
    if (sortedMs.empty())
        return 0;
    const auto at = static_cast<std::size_t>(q * static_cast<double>(sortedMs.size()));
    return sortedMs[std::min(sortedMs.size() - 1, at)];
}

BenchLatency benchLatency(
    const BenchFollowersReport& report, int followers, const std::vector<std::int64_t>& published, bool withFrames)
{
    BenchLatency latency;
    for (int f = 0; f < followers; ++f) {
        for (std::size_t i = 0; i < published.size(); ++i) {
            const auto step = report.stepAt.find({f, i});
            const auto frame = report.frameAt.find({f, i + 1});
            if (step == report.stepAt.end() || (withFrames && frame == report.frameAt.end())) {
                ++latency.missing;
                continue;
            }
            const long long at = withFrames ? std::max(step->second, frame->second) : step->second;
            latency.sortedMs.push_back(static_cast<double>(at - published[i]) / 1e6);
        }
    }
    std::sort(latency.sortedMs.begin(), latency.sortedMs.end());
    return latency;
}

std::int64_t benchNowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

double processCpuSeconds()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

std::pair<long, long> processResidentKiB()
{
    std::ifstream status("/proc/self/status");
    std::string line;
    long rss = 0;
    long peak = 0;
    while (std::getline(status, line)) {
        if (line.rfind("VmRSS:", 0) == 0)
            rss = std::atol(line.c_str() + 6);
        else if (line.rfind("VmHWM:", 0) == 0)
            peak = std::atol(line.c_str() + 6);
    }
    return {rss, peak};
}

} // namespace msb::classroom
