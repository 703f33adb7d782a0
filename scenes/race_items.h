// SPDX-License-Identifier: MIT
// The graphics items of the race scene. Each one draws plain data the scene pushes into it (no
// core calls here) and exposes what animates as a Q_PROPERTY, so QPropertyAnimation can drive it.
#pragma once

#include "scenes/ref_attribution.h"

#include <QColor>
#include <QFont>
#include <QGraphicsObject>
#include <QPalette>
#include <QPointF>
#include <QRectF>
#include <QString>

#include <array>
#include <vector>

namespace msb::scenes {

/// Colours: neutrals derive from the QPalette, accents are one fixed set (lightened on dark).
struct ScenePalette
{
    bool dark = false;
    QColor background, surface, surfaceRaised, text, mutedText, border, highlight, highlightText;
    QColor pageBand, deviceBand, systemBand;
    QColor pass, fail, warning;
    std::array<QColor, 7> refColors; // indexed by RefKind
    QColor devPriv, migr, present;

    static ScenePalette fromPalette(const QPalette& palette);
    QColor refColor(RefKind kind) const { return refColors[static_cast<int>(kind)]; }
    QColor roleColor(Role role) const;
    /// Black or white, whichever reads better on `fill`.
    static QColor onColor(const QColor& fill);
};

struct SceneStyle
{
    ScenePalette palette;
    double fontPx = 14;
    bool compact = false;
    QFont font(double relative, bool bold = false) const;
};

enum ItemType {
    BackdropType = QGraphicsItem::UserType + 1,
    LaneType,
    AvatarType,
    PteType,
    ArrowType,
    PageCardType,
    TokenType,
    LockBadgeType,
    SystemPageType,
};

class StyledItem : public QGraphicsObject
{
    Q_OBJECT
public:
    StyledItem(const SceneStyle* style, QGraphicsItem* parent = nullptr);

protected:
    const SceneStyle* m_style;
};

/// Bands (page table, device memory, system memory), legend, PTL owner and the driver pool.
class BackdropItem : public StyledItem
{
    Q_OBJECT
public:
    enum { Type = BackdropType };
    using StyledItem::StyledItem;
    int type() const override { return Type; }
    struct Data
    {
        QRectF sceneRect, legend, ptlChip, pool;
        std::vector<QRectF> pageBands, deviceBands, systemBands;
        QString ptlOwner;               // empty: free
        std::vector<QString> freePages; // names of the D pages in the driver pool
        std::vector<QString> alerts;    // sticky safety flags: "lost update", ...
        friend bool operator==(const Data&, const Data&) = default;
    };
    void setData(Data data);
    QRectF boundingRect() const override { return m_data.sceneRect; }
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    Data m_data;
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
        QRectF rect, avatar, name, stepChip, reason; // scene coordinates
        bool away = false;                           // the avatar sits in a wait queue: draw its empty seat
        QString threadName, role, page, step, text;
        Role roleKind = Role::Cpu;
        bool enabled = false;
        bool lastActor = false;
        bool highlighted = false;
        friend bool operator==(const Data&, const Data&) = default;
    };
    void setData(const Data& data);
    void setHighlighted(bool on);
    bool stepChipContains(QPointF scenePos) const { return m_data.stepChip.contains(scenePos); }
    QRectF boundingRect() const override { return m_data.rect.adjusted(-3, -3, 3, 3); }
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    int m_thread;
    Data m_data;
};

/// A thread's avatar: sits in its lane, or in a page's wait queue while it sleeps there.
class AvatarItem : public StyledItem
{
    Q_OBJECT
public:
    enum { Type = AvatarType };
    AvatarItem(const SceneStyle* style, int thread, QSizeF size);
    int type() const override { return Type; }
    int thread() const { return m_thread; }
    void setLook(const QString& name, Role role, bool emphasised);
    void setSize(QSizeF size);
    QRectF boundingRect() const override { return QRectF(QPointF(-2, -2), m_size + QSizeF(4, 4)); }
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    int m_thread;
    QSizeF m_size;
    QString m_name;
    Role m_role = Role::Cpu;
    bool m_emphasised = false;
};

/// A page table entry X<i>. `flip` runs 0 -> 1 when the entry changes: the old entry folds away
/// and the new one unfolds.
class PteItem : public StyledItem
{
    Q_OBJECT
    Q_PROPERTY(qreal flip READ flip WRITE setFlip)
public:
    enum { Type = PteType };
    PteItem(const SceneStyle* style, int page);
    int type() const override { return Type; }
    int page() const { return m_page; }
    void setRect(const QRectF& rect);
    /// kind: 0 DEVPRIV, 1 MIGR, 2 PRESENT.
    void setEntry(int kind, const QString& text, bool emphasised);
    void startFlipFrom(int oldKind, const QString& oldText);
    qreal flip() const { return m_flip; }
    void setFlip(qreal flip);
    QRectF boundingRect() const override { return m_rect.adjusted(-3, -3, 3, 3); }
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    int m_page;
    QRectF m_rect;
    int m_kind = 0, m_oldKind = 0;
    QString m_text, m_oldText;
    bool m_emphasised = false;
    qreal m_flip = 1;
};

/// The arrow from a PTE to the page it names; `progress` morphs the previous route into the new one.
class ArrowItem : public StyledItem
{
    Q_OBJECT
    Q_PROPERTY(qreal progress READ progress WRITE setProgress)
public:
    enum { Type = ArrowType };
    using Route = std::array<QPointF, 4>;
    using StyledItem::StyledItem;
    int type() const override { return Type; }
    void setRoute(const Route& route, const QColor& color, bool dashed, bool animateFromCurrent);
    qreal progress() const { return m_progress; }
    void setProgress(qreal progress);
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    Route current() const;
    Route m_from {}, m_to {};
    QColor m_color;
    bool m_dashed = false;
    qreal m_progress = 1;
};

/// struct page D<i>: refcount, expected count at the check, flags, the wait-queue row.
class PageCardItem : public StyledItem
{
    Q_OBJECT
public:
    enum { Type = PageCardType };
    PageCardItem(const SceneStyle* style, int page);
    int type() const override { return Type; }
    int page() const { return m_page; }
    struct Data
    {
        QRectF card, header, refcount, expected, flags, lockBadge, waitQueue;
        int dRef = 2, mapcount = 1, expectedAtCheck = 2, dataVersion = 0;
        bool waiters = false, free = false, balanced = true, emphasised = false;
        int checkResult = 0;       // 0 none, 1 pass, -1 fail (last step was M7 / M7-fail here)
        int delta = 0;             // page_count change made by the last step, if it was on this page
        bool checkSkipped = false; // the 2021 patch: no count test at all
        friend bool operator==(const Data&, const Data&) = default;
    };
    void setData(const Data& data);
    QRectF boundingRect() const override { return m_data.card.adjusted(-3, -3, 3, 3); }
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    int m_page;
    Data m_data;
};

/// One reference to D: who holds it, colour-coded by kind.
class TokenItem : public StyledItem
{
    Q_OBJECT
public:
    enum { Type = TokenType };
    TokenItem(const SceneStyle* style, RefToken token, QString label);
    int type() const override { return Type; }
    const RefToken& token() const { return m_token; }
    void setSize(QSizeF size);
    QSizeF size() const { return m_size; }
    void setEmphasised(bool on);
    QRectF boundingRect() const override { return QRectF(QPointF(-2, -2), m_size + QSizeF(4, 4)); }
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    RefToken m_token;
    QString m_label;
    QSizeF m_size;
    bool m_emphasised = false;
};

/// PG_locked with its owner: travels from the owner's lane to the card when it locks.
class LockBadgeItem : public StyledItem
{
    Q_OBJECT
public:
    enum { Type = LockBadgeType };
    using StyledItem::StyledItem;
    int type() const override { return Type; }
    void setLook(QSizeF size, const QString& owner);
    QRectF boundingRect() const override { return QRectF(QPointF(-1, -1), m_size + QSizeF(2, 2)); }
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    QSizeF m_size;
    QString m_owner;
};

/// The system page S<i> the driver allocates to migrate into.
class SystemPageItem : public StyledItem
{
    Q_OBJECT
public:
    enum { Type = SystemPageType };
    SystemPageItem(const SceneStyle* style, int page);
    int type() const override { return Type; }
    int page() const { return m_page; }
    struct Data
    {
        QRectF rect;
        bool allocated = false, locked = false, emphasised = false;
        int refcount = 0, dataVersion = 0;
        int deviceDataVersion = 0; // D's: a differing copy is drawn as stale
        friend bool operator==(const Data&, const Data&) = default;
    };
    void setData(const Data& data);
    QRectF boundingRect() const override { return m_data.rect.adjusted(-3, -3, 3, 3); }
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    int m_page;
    Data m_data;
};

} // namespace msb::scenes
