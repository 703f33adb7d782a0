// SPDX-License-Identifier: MIT
#include "scenes/race_scene.h"

#include "scenes/item_data.h"
#include "scenes/scene_description.h"
#include "scenes/transition.h"

#include <QGraphicsSceneMouseEvent>
#include <QGuiApplication>
#include <QPixmapCache>
#include <QSet>

#include <algorithm>

namespace msb::scenes {

namespace {

using core::Pc;

constexpr int kPixmapCacheKb = 96 * 1024;

} // namespace

RaceScene::RaceScene(QObject* parent)
    : QGraphicsScene(parent)
{
    // Items move every step: a BSP index would be rebuilt constantly (hotspot flamegraph.cpp).
    setItemIndexMethod(QGraphicsScene::NoIndex);
    m_widgetPalette = QGuiApplication::palette();
    m_style.palette = ScenePalette::fromPalette(m_widgetPalette);
    setBackgroundBrush(m_style.palette.background);
    // Item caches live in QPixmapCache (10 MB by default). At 1920x1080 the cards and lanes of
    // 8x16 alone take several MB, more under presenter zoom; a thrashing cache re-renders every
    // item every frame, which costs more than no cache at all.
    if (QPixmapCache::cacheLimit() < kPixmapCacheKb)
        QPixmapCache::setCacheLimit(kPixmapCacheKb);
}

RaceScene::~RaceScene()
{
    m_animations.finish();
}

void RaceScene::clearItems()
{
    m_animations.finish();
    clear(); // deletes every item, dying tokens included
    m_backdrop = nullptr;
    m_lanes.clear();
    m_avatars.clear();
    m_avatarTargets.clear();
    m_ptes.clear();
    m_pteKinds.clear();
    m_arrows.clear();
    m_cards.clear();
    m_systemPages.clear();
    m_locks.clear();
    m_lockOwners.clear();
    m_tokens.clear();
    m_dying.clear();
    m_attribution.clear();
}

void RaceScene::rebuild()
{
    clearItems();
    const int threads = m_model->threadCount();
    const int pages = m_model->pageCount();
    m_layout = computeLayout(threads, pages, m_viewport);
    m_style.fontPx = m_layout.fontPx;
    m_style.compact = m_layout.compact;
    m_builtThreads = threads;
    m_builtPages = pages;
    setSceneRect(m_layout.sceneRect);

    // Items whose pixels rarely change keep a device-resolution cache: moving tokens and avatars
    // then only blit, which is what keeps 8x16 at 60 fps.
    auto cached = [](QGraphicsItem* item, qreal z) {
        item->setCacheMode(QGraphicsItem::DeviceCoordinateCache);
        item->setZValue(z);
    };
    // The backdrop is big flat fills: cheaper to draw than to blit, and it would crowd the cache.
    m_backdrop = new BackdropItem(&m_style);
    m_backdrop->setZValue(-10);
    addItem(m_backdrop);
    for (int t = 0; t < threads; ++t) {
        auto* lane = new LaneItem(&m_style, t);
        cached(lane, 0);
        addItem(lane);
        m_lanes.push_back(lane);
        auto* avatar = new AvatarItem(&m_style, t, m_layout.avatarSize);
        cached(avatar, 6);
        addItem(avatar);
        m_avatars.push_back(avatar);
    }
    m_avatarTargets.resize(threads);
    for (int p = 0; p < pages; ++p) {
        const PageGeometry& g = m_layout.pages[p];
        auto* pte = new PteItem(&m_style, p);
        pte->setRect(g.pte);
        pte->setToolTip(tr("PTE of X%1: DEVPRIV = device-private entry (not present, faults), MIGR = "
                           "migration entry (faulting threads wait), PRESENT = mapped to system page S%1.")
                            .arg(p));
        cached(pte, 0);
        addItem(pte);
        m_ptes.push_back(pte);
        auto* arrow = new ArrowItem(&m_style);
        arrow->setZValue(1);
        addItem(arrow);
        m_arrows.push_back(arrow);
        auto* card = new PageCardItem(&m_style, p);
        card->setToolTip(pageCardToolTip(m_model->settings(), p));
        cached(card, 0);
        addItem(card);
        m_cards.push_back(card);
        auto* system = new SystemPageItem(&m_style, p);
        cached(system, 0);
        addItem(system);
        m_systemPages.push_back(system);
        auto* lock = new LockBadgeItem(&m_style);
        cached(lock, 4);
        lock->setOpacity(0);
        addItem(lock);
        m_locks.push_back(lock);
    }
    m_pteKinds.assign(pages, std::nullopt);
    m_lockOwners.assign(pages, core::kNobody);
    m_attribution.resize(pages);
}

void RaceScene::setViewportSize(QSizeF size)
{
    if (size.isEmpty())
        return;
    m_viewport = size;
    if (!m_model)
        return;
    const RaceLayout next = computeLayout(m_model->threadCount(), m_model->pageCount(), size);
    if (next.columns == m_layout.columns && next.compact == m_layout.compact && next.portrait == m_layout.portrait
        && m_builtPages == m_model->pageCount())
        return;
    rebuild();
    if (m_snapshot)
        apply(*m_snapshot, false);
}

void RaceScene::setModel(const core::Model& model)
{
    // Other settings are another release: the tooltips say what its checks expect, so they are made anew.
    m_model.emplace(model);
    rebuild();
}

void RaceScene::showState(const core::State& state, const core::StepRecord* lastStep, bool animate)
{
    if (!m_model)
        return;
    m_snapshot = Snapshot {state, lastStep ? std::optional<core::StepRecord>(*lastStep) : std::nullopt};
    apply(*m_snapshot, animate);
}

void RaceScene::showState(
    const core::Model& model, const core::State& state, const core::StepRecord* lastStep, bool animate)
{
    const bool sameScenario = m_model && m_model->scenario() == model.scenario();
    const bool sameSettings = m_model && m_model->settings() == model.settings();
    if (!sameSettings || !sameScenario)
        setModel(model);
    showState(state, lastStep, animate && sameScenario);
}

void RaceScene::setReduceMotion(bool on)
{
    m_animations.setEnabled(!on);
}

void RaceScene::setHighlightedThread(int thread)
{
    if (m_highlighted == thread)
        return;
    m_highlighted = thread;
    for (LaneItem* lane : m_lanes)
        lane->setHighlighted(lane->thread() == thread);
    if (m_snapshot && m_model) {
        const int last = m_snapshot->lastStep ? m_snapshot->lastStep->thread : -1;
        for (int t = 0; t < static_cast<int>(m_avatars.size()); ++t) {
            const Pc pc = m_snapshot->state.threads[t].pc;
            m_avatars[t]->setLook(threadName(*m_model, t), roleOf(pc), t == last || t == thread);
        }
    }
}

void RaceScene::setPalette(const QPalette& palette)
{
    QGraphicsScene::setPalette(palette);
    m_widgetPalette = palette;
    applyStyle();
}

void RaceScene::setHighContrast(bool on)
{
    if (m_highContrast == on)
        return;
    m_highContrast = on;
    applyStyle();
}

void RaceScene::applyStyle()
{
    m_style.palette = m_highContrast ? ScenePalette::highContrast() : ScenePalette::fromPalette(m_widgetPalette);
    setBackgroundBrush(m_style.palette.background);
    for (QGraphicsItem* item : items())
        item->update();
}

QPointF RaceScene::stepChipCenter(int thread) const
{
    return m_layout.lanes.at(thread).stepChip.center();
}

QPointF RaceScene::avatarPos(int thread) const
{
    return m_avatars.at(thread)->pos();
}

quint64 RaceScene::tokenKey(int page, const RefToken& token)
{
    return (quint64(page) << 32) | (quint64(token.kind) << 24) | (quint64(token.thread + 1) << 16)
        | quint64(token.index);
}

QPointF RaceScene::holderPoint(const RefToken& token, int page) const
{
    if (token.thread >= 0)
        return m_avatarTargets[token.thread]
            + QPointF(m_layout.avatarSize.width() / 2, m_layout.avatarSize.height() / 2);
    if (token.kind == RefKind::Mapping)
        return m_layout.pages[page].pte.center();
    return m_layout.pages[page].refcount.center();
}

void RaceScene::apply(const Snapshot& snapshot, bool animate)
{
    m_animations.finish();
    for (QGraphicsItem* item : m_dying)
        delete item;
    m_dying.clear();
    Transition transition(
        animate && m_animations.isEnabled() ? m_animations.begin() : nullptr, m_animations.duration());
    const core::StepRecord* last = snapshot.lastStep ? &*snapshot.lastStep : nullptr;
    applyBackdrop(snapshot.state);
    applyThreads(snapshot.state, last, transition);
    for (int p = 0; p < m_model->pageCount(); ++p) {
        applyPage(p, snapshot.state, last, transition);
        applyTokens(p, last, transition);
    }
    if (transition.animated())
        m_animations.start();
    // The pages' references were attributed above: the description reads them, not again.
    QString description = describeState(*m_model, snapshot.state, m_attribution);
    if (description != m_description) {
        m_description = std::move(description);
        Q_EMIT descriptionChanged(m_description);
    }
}

void RaceScene::applyBackdrop(const core::State& s)
{
    m_backdrop->setData(backdropData(*m_model, s, m_layout));
}

void RaceScene::setStepTrail(const std::vector<core::StepRecord>& history, int position,
    const std::vector<bool>& causal, const std::vector<int>& deciding)
{
    int threads = 0;
    for (int i = 0; i < position && i < static_cast<int>(history.size()); ++i)
        threads = std::max(threads, history[static_cast<std::size_t>(i)].thread + 1);
    m_trails.assign(static_cast<std::size_t>(std::max(threads, static_cast<int>(m_trails.size()))), {});
    for (int i = 0; i < position && i < static_cast<int>(history.size()); ++i) {
        const core::StepRecord& rec = history[static_cast<std::size_t>(i)];
        TrailStep step;
        step.label = QString::fromUtf8(core::stepInfo(rec.id).id);
        step.index = i;
        step.faded = static_cast<std::size_t>(i) < causal.size() && !causal[static_cast<std::size_t>(i)];
        step.deciding = std::find(deciding.begin(), deciding.end(), i) != deciding.end();
        m_trails[static_cast<std::size_t>(rec.thread)].push_back(step);
    }
}

const std::vector<TrailStep>& RaceScene::stepTrail(int thread) const
{
    static const std::vector<TrailStep> none;
    return static_cast<std::size_t>(thread) < m_trails.size() ? m_trails[static_cast<std::size_t>(thread)] : none;
}

void RaceScene::applyThreads(const core::State& s, const core::StepRecord* last, Transition& transition)
{
    const core::Model& model = *m_model;
    // Queued threads sit in their page's wait queue, in thread order.
    std::vector<int> queueLength(model.pageCount(), 0);
    for (int t = 0; t < model.threadCount(); ++t) {
        const core::ThreadState& th = s.threads[t];
        const Role role = roleOf(th.pc);
        const int page = model.currentPage(s, t);
        LaneItem::Data lane = laneData(model, s, t, m_layout.lanes[t], m_style.compact);
        lane.lastActor = last && last->thread == t;
        lane.highlighted = m_highlighted == t;
        if (static_cast<std::size_t>(t) < m_trails.size())
            lane.trail = m_trails[static_cast<std::size_t>(t)];
        m_lanes[t]->setData(lane);

        QPointF target = m_layout.lanes[t].avatar.topLeft();
        if (th.queued)
            target = m_layout.waitSlot(page, queueLength[page]++).topLeft();
        m_avatarTargets[t] = target;
        m_avatars[t]->setLook(lane.threadName, role, lane.lastActor || lane.highlighted);
        transition.moveTo(m_avatars[t], target);
    }
}

void RaceScene::applyPage(int p, const core::State& s, const core::StepRecord* last, Transition& transition)
{
    const core::Model& model = *m_model;
    const core::PageState& ps = s.pages[p];
    const PageGeometry& g = m_layout.pages[p];
    const bool onPage = last && last->page == p;
    const core::Pte kind = ps.pte;
    const std::optional<core::Pte> oldKind = m_pteKinds[p];
    const bool rerouted = oldKind && *oldKind != kind;
    m_ptes[p]->setEntry(kind, QString::fromStdString(core::pteText(kind, p)), onPage);
    if (transition.animated() && rerouted) {
        m_ptes[p]->startFlipFrom(*oldKind, QString::fromStdString(core::pteText(*oldKind, p)));
        transition.animate(m_ptes[p], "flip", 0.0, 1.0);
    }
    ArrowItem::Route route;
    QColor color;
    if (ps.pte == core::Pte::Present) {
        const QPointF a(g.pte.right(), g.pte.center().y());
        route = {a, QPointF(g.arrowGutterX, a.y()), QPointF(g.arrowGutterX, g.sCard.center().y()),
            QPointF(g.sCard.right() + 1, g.sCard.center().y())};
        color = m_style.palette.present;
    } else {
        const QPointF a(g.pte.center().x(), g.pte.bottom());
        const QPointF b(g.dCard.center().x(), g.dCard.top() - 1);
        route = {a, a, b, b};
        color = ps.pte == core::Pte::Migr ? m_style.palette.migr : m_style.palette.devPriv;
    }
    m_arrows[p]->setRoute(route, color, ps.pte == core::Pte::Migr, transition.animated() && rerouted);
    if (transition.animated() && rerouted)
        transition.animate(m_arrows[p], "progress", 0.0, 1.0);
    m_pteKinds[p] = kind;

    m_attribution[p] = attributeReferences(model, s, p);
    const Attribution& attribution = m_attribution[p];
    m_cards[p]->setData(pageCardData(model, s, p, g, attribution, last));

    m_systemPages[p]->setData(systemPageData(s, p, g, onPage));

    // PG_locked badge: flies in from the new owner's avatar, fades out on unlock.
    LockBadgeItem* lock = m_locks[p];
    const int owner = ps.dLockOwner;
    if (owner != core::kNobody) {
        lock->setLook(g.lockBadge.size(), threadName(*m_model, owner));
        if (transition.animated() && m_lockOwners[p] != owner) {
            lock->setPos(m_avatarTargets[owner]);
            lock->setOpacity(m_lockOwners[p] == core::kNobody ? 0.0 : lock->opacity());
        }
        transition.moveTo(lock, g.lockBadge.topLeft());
        transition.fadeTo(lock, 1.0);
    } else {
        transition.fadeTo(lock, 0.0);
    }
    m_lockOwners[p] = owner;
}

void RaceScene::applyTokens(int p, const core::StepRecord* last, Transition& transition)
{
    const Attribution& attribution = m_attribution[p];
    const bool onPage = last && last->page == p;
    // Reference tokens: kept by identity (page, kind, holder) so they glide between snapshots.
    QSet<quint64> alive;
    const int count = static_cast<int>(attribution.tokens.size());
    for (int i = 0; i < count; ++i) {
        const RefToken& token = attribution.tokens[i];
        const quint64 key = tokenKey(p, token);
        alive.insert(key);
        const QRectF rect = m_layout.tokenRect(p, i, count);
        TokenItem* item = m_tokens.value(key, nullptr);
        if (!item) {
            item = new TokenItem(&m_style, token,
                tokenLabel(token, token.thread >= 0 ? threadName(*m_model, token.thread) : QString(), m_style.compact));
            item->setCacheMode(QGraphicsItem::DeviceCoordinateCache);
            item->setZValue(5);
            item->setSize(rect.size());
            item->setToolTip(
                refKindName(token.kind) + QStringLiteral(": ") + refKindExplanation(token.kind, m_model->settings()));
            addItem(item);
            m_tokens.insert(key, item);
            if (transition.animated()) {
                item->setPos(holderPoint(token, p) - QPointF(rect.width() / 2, rect.height() / 2));
                item->setOpacity(0);
            }
        }
        item->setSize(rect.size());
        item->setEmphasised(onPage && token.thread >= 0 && token.thread == last->thread);
        transition.moveTo(item, rect.topLeft());
        transition.fadeTo(item, 1.0);
    }
    for (auto it = m_tokens.begin(); it != m_tokens.end();) {
        if (int(it.key() >> 32) != p || alive.contains(it.key())) {
            ++it;
            continue;
        }
        TokenItem* item = it.value();
        it = m_tokens.erase(it);
        if (transition.animated()) {
            // The reference goes back to whoever dropped it, and fades.
            const QPointF to =
                holderPoint(item->token(), p) - QPointF(item->size().width() / 2, item->size().height() / 2);
            transition.moveTo(item, to);
            transition.fadeTo(item, 0.0);
            m_dying.push_back(item);
        } else {
            delete item;
        }
    }
}

void RaceScene::mousePressEvent(QGraphicsSceneMouseEvent* event)
{
    if (event->button() == Qt::LeftButton) {
        const QPointF pos = event->scenePos();
        for (LaneItem* lane : m_lanes) {
            if (lane->stepChipContains(pos)) {
                Q_EMIT threadActivated(lane->thread());
                event->accept();
                return;
            }
        }
        for (QGraphicsItem* item : items(pos)) {
            int page = -1;
            if (auto* card = qgraphicsitem_cast<PageCardItem*>(item))
                page = card->page();
            else if (auto* pte = qgraphicsitem_cast<PteItem*>(item))
                page = pte->page();
            else if (auto* system = qgraphicsitem_cast<SystemPageItem*>(item))
                page = system->page();
            if (page >= 0) {
                Q_EMIT pageClicked(page);
                event->accept();
                return;
            }
        }
    }
    QGraphicsScene::mousePressEvent(event);
}

void RaceScene::mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event)
{
    if (event->button() == Qt::LeftButton) {
        const QPointF pos = event->scenePos();
        for (LaneItem* lane : m_lanes) {
            // The press already stepped when the chip itself was hit.
            if (lane->boundingRect().contains(pos) && !lane->stepChipContains(pos)) {
                Q_EMIT threadActivated(lane->thread());
                event->accept();
                return;
            }
        }
    }
    QGraphicsScene::mouseDoubleClickEvent(event);
}

} // namespace msb::scenes
