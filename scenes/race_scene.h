// SPDX-License-Identifier: MIT
// The scene that draws one core snapshot: thread lanes, page table entries, each struct page D
// with the references it holds and who holds them, the page-lock wait queue, the driver pool and
// the system pages. It only reads snapshots (docs/architecture.md §6): the app pushes
// a state in with showState() and hears user intent back through threadActivated/pageClicked.
#pragma once

#include "core/model.h"
#include "core/simulator.h"
#include "core/state.h"
#include "scenes/animation_manager.h"
#include "scenes/arrow_item.h"
#include "scenes/avatar_item.h"
#include "scenes/backdrop_item.h"
#include "scenes/lane_item.h"
#include "scenes/lock_badge_item.h"
#include "scenes/page_card_item.h"
#include "scenes/pte_item.h"
#include "scenes/race_layout.h"
#include "scenes/race_view.h"
#include "scenes/system_page_item.h"
#include "scenes/token_item.h"

#include <QGraphicsScene>
#include <QHash>
#include <QPalette>

#include <optional>
#include <vector>

namespace msb::scenes {

class Transition;

class RaceScene : public QGraphicsScene
{
    Q_OBJECT

public:
    explicit RaceScene(QObject* parent = nullptr);
    ~RaceScene() override;

    /*! Shows a snapshot. lastStep (may be null) is the step that led here: its lane, page and the
        tokens of its thread are highlighted, and with animate (and motion allowed) the change
        from the previous snapshot animates for about 320 ms. */
    void showState(const core::Model& model, const core::State& state, const core::StepRecord* lastStep, bool animate);
    /*! The scenario and settings shown: the items are built anew. A window calls it when its
        scenario or settings change (SimulationController::scenarioChanged), then showState(state)
        with each new state; one-off scenes (exports, frames) pass the model to showState(). */
    void setModel(const core::Model& model);
    /*! As above, under the model last set (nothing before one is). */
    void showState(const core::State& state, const core::StepRecord* lastStep, bool animate);
    /*! The steps of the run up to the shown state (history[0, position)), drawn as a trail in
        each thread's lane at the next showState(). causal (empty: no slice) says per step whether
        it is in the causal slice of the outcome shown; the others are drawn faded and the deciding
        steps outlined. */
    void setStepTrail(const std::vector<core::StepRecord>& history, int position, const std::vector<bool>& causal,
        const std::vector<int>& deciding);
    /*! Thread t's trail as set (tests read what the lane draws through its item). */
    const std::vector<TrailStep>& stepTrail(int thread) const;
    LaneItem* lane(int thread) const { return m_lanes.at(static_cast<std::size_t>(thread)); }
    void setReduceMotion(bool on);
    bool reduceMotion() const { return !m_animations.isEnabled(); }
    /*! -1 = none (e.g. the hovered Step button's thread). */
    void setHighlightedThread(int thread);
    int highlightedThread() const { return m_highlighted; }
    /*! Light/dark: neutrals derive from the palette, accents are a fixed set. */
    void setPalette(const QPalette& palette);
    /*! Black/white/yellow with thick outlines, whatever the widget palette; off returns to it. */
    void setHighContrast(bool on);
    bool highContrast() const { return m_highContrast; }
    /*! The current snapshot in words (see describeState); empty before the first showState(). */
    const QString& description() const { return m_description; }
    const ScenePalette& scenePalette() const { return m_style.palette; }
    /*! The style every item draws with (tests draw extra items with it). */
    const SceneStyle& style() const { return m_style; }
    /*! The view's size, which picks the page grid's shape (RaceView calls it on resize). */
    void setViewportSize(QSizeF size);

    AnimationManager* animations() { return &m_animations; }
    const RaceLayout& layout() const { return m_layout; }
    /*! The attribution drawn for a page in the current snapshot (tests compare it with dRef). */
    const Attribution& attribution(int page) const { return m_attribution[page]; }
    /*! Where to click to step a thread (the lane's step chip), in scene coordinates. */
    QPointF stepChipCenter(int thread) const;
    QPointF avatarPos(int thread) const;

Q_SIGNALS:
    void threadActivated(int thread);
    void pageClicked(int page);
    void descriptionChanged(const QString& description);

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event) override;

private:
    struct Snapshot
    {
        core::State state;
        std::optional<core::StepRecord> lastStep;
    };
    void rebuild();
    void apply(const Snapshot& snapshot, bool animate);
    void applyBackdrop(const core::State& state);
    void applyThreads(const core::State& state, const core::StepRecord* last, Transition& transition);
    void applyPage(int page, const core::State& state, const core::StepRecord* last, Transition& transition);
    void applyTokens(int page, const core::StepRecord* last, Transition& transition);
    void clearItems();
    void applyStyle();
    QPointF holderPoint(const RefToken& token, int page) const;
    static quint64 tokenKey(int page, const RefToken& token);

    SceneStyle m_style;
    AnimationManager m_animations;
    RaceLayout m_layout;
    QSizeF m_viewport {1280, 800};
    std::optional<core::Model> m_model;
    std::optional<Snapshot> m_snapshot;
    QPalette m_widgetPalette;
    bool m_highContrast = false;
    QString m_description;
    int m_highlighted = -1;
    int m_builtThreads = 0;
    int m_builtPages = 0;

    BackdropItem* m_backdrop = nullptr;
    std::vector<LaneItem*> m_lanes;
    std::vector<std::vector<TrailStep>> m_trails; // per thread
    std::vector<AvatarItem*> m_avatars;
    std::vector<QPointF> m_avatarTargets;
    std::vector<PteItem*> m_ptes;
    std::vector<std::optional<core::Pte>> m_pteKinds; // nullopt: not drawn yet
    std::vector<ArrowItem*> m_arrows;
    std::vector<PageCardItem*> m_cards;
    std::vector<SystemPageItem*> m_systemPages;
    std::vector<LockBadgeItem*> m_locks;
    std::vector<int> m_lockOwners;
    std::vector<Attribution> m_attribution;
    QHash<quint64, TokenItem*> m_tokens;
    std::vector<QGraphicsItem*> m_dying; // tokens fading out; deleted at the next snapshot
};

} // namespace msb::scenes
