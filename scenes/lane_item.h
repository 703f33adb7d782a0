// SPDX-License-Identifier: MIT
// One thread's lane: name, role, page, the step chip and why it can or cannot run.
#pragma once

#include "scenes/ref_attribution.h"
#include "scenes/styled_item.h"

#include <QFontMetricsF>
#include <QPointF>
#include <QRectF>
#include <QString>

#include <vector>

namespace msb::scenes {

/*! One past step of the thread in its lane's trail. */
struct TrailStep
{
    QString label;         // "M0"
    int index = 0;         // 0-based step of the run
    bool faded = false;    // outside the causal slice of the outcome shown
    bool deciding = false; // a deciding step of that outcome
    friend bool operator==(const TrailStep&, const TrailStep&) = default;
};

class LaneItem : public StyledItem
{
    Q_OBJECT
public:
    enum { Type = LaneType };
    LaneItem(const SceneStyle* style, int thread);
    int type() const override { return Type; }
    int thread() const { return m_thread; }
    struct Data
    {
        QRectF rect, avatar, name, stepChip, reason, trailArea; // scene coordinates
        bool away = false;                                      // the avatar sits in a wait queue: draw its empty seat
        QString threadName, role, page, step, text;
        Role roleKind = Role::Cpu;
        bool enabled = false;
        bool lastActor = false;
        bool highlighted = false;
        std::vector<TrailStep> trail; // oldest first
        friend bool operator==(const Data&, const Data&) = default;
    };
    void setData(const Data& data);
    void setHighlighted(bool on);
    const Data& content() const { return m_data; }
    /*! The trail steps that fit the lane's width, the newest ones (what paint() draws). */
    std::vector<TrailStep> visibleTrail() const;
    bool stepChipContains(QPointF scenePos) const { return m_data.stepChip.contains(scenePos); }
    QRectF boundingRect() const override { return m_data.rect.adjusted(-3, -3, 3, 3); }
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    void paintTrail(QPainter* painter) const;
    double trailChipWidth(const QFontMetricsF& fm, const TrailStep& step) const;

    int m_thread;
    Data m_data;
};

} // namespace msb::scenes
