// SPDX-License-Identifier: MIT
#include "scenes/item_data.h"

#include "scenes/translate.h"

namespace msb::scenes {

using core::Pc;

QString qs(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

QString threadName(const core::Model& model, int thread)
{
    return qs(model.scenario().threads[thread].name);
}

QString tokenLabel(const RefToken& token, const QString& name, bool compact)
{
    // Full labels start with the kind's word; compact ones with its letter. Either way the kind
    // can be read without telling the token colours apart.
    const QString letter = refKindLetter(token.kind) + QChar(0x2009); // thin space
    switch (token.kind) {
    case RefKind::Base:
        return QStringLiteral("base");
    case RefKind::Mapping:
        return compact ? QStringLiteral("map") : QStringLiteral("mapping");
    case RefKind::Collect:
        return compact ? letter + name : tr("collect %1").arg(name);
    case RefKind::Waiter:
        return compact ? letter + name : tr("waiter %1").arg(name);
    case RefKind::Holder:
        return compact ? letter + name : tr("holder %1").arg(name);
    case RefKind::Fault:
        return compact ? letter + name : tr("fault %1").arg(name);
    case RefKind::Unknown:
        return QStringLiteral("?");
    }
    return {};
}

BackdropItem::Data backdropData(const core::Model& model, const core::State& s, const RaceLayout& layout)
{
    BackdropItem::Data backdrop;
    backdrop.sceneRect = layout.sceneRect;
    backdrop.legend = layout.legend;
    backdrop.legendRows = layout.legendRows;
    backdrop.ptlChip = layout.ptlChip;
    backdrop.pool = layout.pool;
    backdrop.pageBands = layout.pageBands;
    backdrop.deviceBands = layout.deviceBands;
    backdrop.systemBands = layout.systemBands;
    if (s.ptlOwner != core::kNobody)
        backdrop.ptlOwner = threadName(model, s.ptlOwner);
    for (int p = 0; p < model.pageCount(); ++p) {
        if (s.pages[p].dFree)
            backdrop.freePages.push_back(QStringLiteral("D%1").arg(p));
    }
    if (s.flags & core::FlagLostUpdate)
        backdrop.alerts.push_back(tr("lost update"));
    if (s.flags & core::FlagStalePageUse)
        backdrop.alerts.push_back(tr("stale page use"));
    if (s.flags & core::FlagSigbus)
        backdrop.alerts.push_back(QStringLiteral("SIGBUS"));
    return backdrop;
}

LaneItem::Data laneData(const core::Model& model, const core::State& s, int t, const LaneGeometry& g, bool compact)
{
    const core::ThreadState& th = s.threads[t];
    const Role role = roleOf(th.pc);
    const bool enabled = model.enabled(s, t);
    const int page = model.currentPage(s, t);
    LaneItem::Data lane;
    lane.rect = g.rect;
    lane.avatar = g.avatar;
    lane.away = th.queued != 0;
    lane.name = g.name;
    lane.stepChip = g.stepChip;
    lane.reason = g.reason;
    lane.trailArea = g.trail;
    lane.threadName = threadName(model, t);
    lane.roleKind = role;
    const bool named = role == Role::Migrator || role == Role::Waiter || role == Role::Holder;
    lane.role = compact || !named ? roleLetter(role) : roleLetter(role) + QStringLiteral(" \u00B7 ") + roleTitle(role);
    const bool finished = th.pc == Pc::Done || th.pc == Pc::Sigbus;
    lane.page = finished ? QString() : QStringLiteral("X%1").arg(page);
    lane.step = th.pc == Pc::Done ? QStringLiteral("done")
        : th.pc == Pc::Sigbus     ? QStringLiteral("killed")
                                  : qs(core::pcName(th.pc));
    lane.enabled = enabled;
    // Neutral about the branch: the Step buttons say the same before the step runs.
    lane.text = enabled ? qs(core::nextStepText(th.pc)) : QString::fromStdString(model.blockedReason(s, t));
    return lane;
}

PageCardItem::Data pageCardData(const core::Model& model, const core::State& s, int p, const PageGeometry& g,
    const Attribution& attribution, const core::StepRecord* last)
{
    const core::PageState& ps = s.pages[p];
    const bool onPage = last && last->page == p;
    PageCardItem::Data card;
    card.card = g.dCard;
    card.header = g.dHeader;
    card.refcount = g.refcount;
    card.expected = g.expected;
    card.flags = g.flags;
    card.lockBadge = g.lockBadge;
    card.waitQueue = g.waitQueue;
    card.dRef = model.kernelPageCount(ps.dRef); // the count the release reports (K29)
    card.mapcount = ps.dMapcount;
    card.expectedAtCheck = model.kernelPageCount(model.expectedCountAtCheck(s, p));
    card.dataVersion = ps.dData;
    card.waiters = ps.dWaiters != 0;
    card.free = ps.dFree != 0;
    card.balanced = attribution.balanced;
    card.emphasised = onPage;
    card.checkSkipped = model.settings().check == core::CheckPolicy::SkipDevicePrivate;
    card.delta = onPage ? last->refAfter - last->refBefore : 0;
    if (onPage && last->id == core::StepId::M7)
        card.checkResult = 1;
    else if (onPage && last->id == core::StepId::M7Fail)
        card.checkResult = -1;
    return card;
}

SystemPageItem::Data systemPageData(const core::State& s, int p, const PageGeometry& g, bool onPage)
{
    const core::PageState& ps = s.pages[p];
    SystemPageItem::Data system;
    system.rect = g.sCard;
    system.allocated = ps.sAllocated != 0;
    system.locked = ps.sLocked != 0;
    system.refcount = ps.sRef;
    system.dataVersion = ps.sData;
    system.deviceDataVersion = ps.dData;
    system.emphasised = onPage && ps.sAllocated;
    return system;
}

} // namespace msb::scenes
