// SPDX-License-Identifier: MIT
#include "scenes/scene_description.h"

#include "core/check_expectation.h"
#include "scenes/item_data.h"
#include "scenes/ref_attribution.h"
#include "scenes/translate.h"

#include <QStringList>

namespace msb::scenes {

namespace {

QString ownerText(const core::Model& model, int owner)
{
    return owner == core::kNobody ? QStringLiteral("free") : tr("held by %1").arg(threadName(model, owner));
}

QString threadLine(const core::Model& model, const core::State& s, int t)
{
    const core::ThreadState& th = s.threads[t];
    const Role role = roleOf(th.pc);
    QString line = QStringLiteral("%1, %2").arg(threadName(model, t), roleTitle(role));
    if (th.pc == core::Pc::Done)
        return line + tr(": done.");
    if (th.pc == core::Pc::Sigbus)
        return line + tr(": killed by SIGBUS.");
    const int page = model.currentPage(s, t);
    line += tr(": at %1 on page X%2").arg(qs(core::pcName(th.pc))).arg(page);
    if (th.queued)
        line += tr(", asleep in D%1's page-lock wait queue").arg(page);
    if (model.enabled(s, t))
        line += tr("; can run: %1.").arg(qs(core::nextStepText(th.pc)));
    else
        line += tr("; blocked: %1.").arg(QString::fromStdString(model.blockedReason(s, t)));
    return line;
}

QString pageLine(const core::Model& model, const core::State& s, int p, const Attribution& attribution)
{
    const core::PageState& ps = s.pages[p];
    QString line = tr("Page X%1: PTE %2; D%1 page_count %3, check expects %4, mapcount %5, PG_locked %6")
                       .arg(p)
                       .arg(QString::fromStdString(core::pteText(ps.pte, p)))
                       .arg(model.kernelPageCount(ps.dRef))
                       .arg(model.kernelPageCount(model.expectedCountAtCheck(s, p)))
                       .arg(ps.dMapcount)
                       .arg(ownerText(model, ps.dLockOwner));
    if (ps.dWaiters)
        line += tr(", PG_waiters set");
    QStringList holders;
    for (const RefToken& token : attribution.tokens)
        holders << tokenLabel(token, token.thread >= 0 ? threadName(model, token.thread) : QString(), false);
    if (!holders.isEmpty())
        line += tr(", references: %1").arg(holders.join(QStringLiteral(", ")));
    if (ps.dFree)
        line += tr(", free in the driver pool");
    if (ps.sAllocated) {
        line += tr("; S%1 allocated, page_count %2, %3")
                    .arg(p)
                    .arg(ps.sRef)
                    .arg(ps.sLocked ? QStringLiteral("locked") : QStringLiteral("unlocked"));
    } else {
        line += tr("; S%1 not allocated").arg(p);
    }
    return line + QLatin1Char('.');
}

} // namespace

QString describeState(const core::Model& model, const core::State& s)
{
    std::vector<Attribution> attributions;
    for (int p = 0; p < model.pageCount(); ++p)
        attributions.push_back(attributeReferences(model, s, p));
    return describeState(model, s, attributions);
}

QString describeState(const core::Model& model, const core::State& s, const std::vector<Attribution>& attributions)
{
    QStringList lines;
    for (int t = 0; t < model.threadCount(); ++t)
        lines << threadLine(model, s, t);
    for (int p = 0; p < model.pageCount(); ++p)
        lines << pageLine(model, s, p, attributions[static_cast<std::size_t>(p)]);
    lines << QStringLiteral("PTL %1.").arg(ownerText(model, s.ptlOwner));
    QStringList alerts;
    if (s.flags & core::FlagLostUpdate)
        alerts << tr("lost update");
    if (s.flags & core::FlagStalePageUse)
        alerts << tr("stale page use");
    if (s.flags & core::FlagSigbus)
        alerts << QStringLiteral("SIGBUS");
    if (!alerts.isEmpty())
        lines << tr("Alerts: %1.").arg(alerts.join(QStringLiteral(", ")));
    return lines.join(QLatin1Char('\n'));
}

QString pageCardToolTip(const core::Settings& settings, int page)
{
    return tr("struct page D%1. ").arg(page) + QString::fromStdString(core::finalCheckText(settings));
}

} // namespace msb::scenes
