// SPDX-License-Identifier: MIT
#include "scenes/race_items.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace msb::scenes {

namespace {

QColor mix(const QColor& a, const QColor& b, double t)
{
    return QColor::fromRgbF(static_cast<float>(a.redF() * (1 - t) + b.redF() * t),
        static_cast<float>(a.greenF() * (1 - t) + b.greenF() * t),
        static_cast<float>(a.blueF() * (1 - t) + b.blueF() * t));
}

double radius(const SceneStyle* style)
{
    return style->fontPx * 0.45;
}

void drawChip(QPainter* p, const QRectF& r, const QColor& fill, const QColor& border, double rad)
{
    p->setPen(border.isValid() ? QPen(border, 1.2) : Qt::NoPen);
    p->setBrush(fill.isValid() ? QBrush(fill) : Qt::NoBrush);
    p->drawRoundedRect(r, rad, rad);
}

// Draws text elided to the rect width, in one line, with the given alignment.
void drawElided(QPainter* p, const QRectF& r, const QString& text, Qt::Alignment align)
{
    const QFontMetricsF fm(p->font());
    p->drawText(r, static_cast<int>(align | Qt::AlignVCenter), fm.elidedText(text, Qt::ElideRight, r.width()));
}

} // namespace

ScenePalette ScenePalette::fromPalette(const QPalette& palette)
{
    ScenePalette s;
    s.background = palette.color(QPalette::Window);
    s.dark = s.background.lightnessF() < 0.45;
    s.text = palette.color(QPalette::WindowText);
    s.surface = palette.color(QPalette::Base);
    s.surfaceRaised = mix(s.surface, s.text, s.dark ? 0.06 : 0.025);
    s.mutedText = mix(s.text, s.background, 0.38);
    s.border = mix(s.text, s.background, 0.62);
    s.highlight = palette.color(QPalette::Highlight);
    s.highlightText = palette.color(QPalette::HighlightedText);
    // Fixed accents: one hue per reference kind, the same in every theme; on dark backgrounds
    // they are lifted so they keep their contrast against the surface.
    const std::array<QColor, 7> accents {QColor(0x60, 0x70, 0x86), QColor(0x1f, 0x6f, 0xd1), QColor(0xc8, 0x5a, 0x00),
        QColor(0x8e, 0x44, 0xc4), QColor(0x1e, 0x8a, 0x4c), QColor(0x00, 0x83, 0x8f), QColor(0xd0, 0x1f, 0x32)};
    for (size_t i = 0; i < accents.size(); ++i)
        s.refColors[i] = s.dark ? accents[i].lighter(118) : accents[i];
    s.pass = s.dark ? QColor(0x3c, 0xb3, 0x6e) : QColor(0x1e, 0x8a, 0x4c);
    s.fail = s.dark ? QColor(0xf0, 0x55, 0x5f) : QColor(0xc6, 0x1a, 0x2b);
    s.warning = s.dark ? QColor(0xf2, 0xb1, 0x3d) : QColor(0x9a, 0x5b, 0x00);
    s.pageBand = mix(s.background, QColor(0x80, 0x80, 0x80), s.dark ? 0.10 : 0.07);
    s.deviceBand = mix(s.background, QColor(0x3a, 0x7b, 0xd5), s.dark ? 0.16 : 0.09);
    s.systemBand = mix(s.background, QColor(0x2e, 0x9e, 0x5b), s.dark ? 0.14 : 0.08);
    s.devPriv = s.refColors[static_cast<int>(RefKind::Mapping)];
    s.migr = s.dark ? QColor(0xe8, 0x9a, 0x2c) : QColor(0xb0, 0x62, 0x00);
    s.present = s.pass;
    return s;
}

QColor ScenePalette::roleColor(Role role) const
{
    switch (role) {
    case Role::Migrator:
        return refColor(RefKind::Collect);
    case Role::Waiter:
        return refColor(RefKind::Waiter);
    case Role::Holder:
        return refColor(RefKind::Holder);
    case Role::Sigbus:
        return fail;
    case Role::Cpu:
        return refColor(RefKind::Base);
    case Role::Done:
        return border;
    }
    return border;
}

QColor ScenePalette::onColor(const QColor& fill)
{
    // Relative luminance threshold: white text on the saturated accents, black on light fills.
    const double l = 0.2126 * fill.redF() + 0.7152 * fill.greenF() + 0.0722 * fill.blueF();
    return l > 0.55 ? QColor(0x11, 0x11, 0x11) : QColor(Qt::white);
}

QFont SceneStyle::font(double relative, bool bold) const
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPixelSize(std::max(1, static_cast<int>(std::lround(fontPx * relative))));
    f.setBold(bold);
    f.setHintingPreference(QFont::PreferNoHinting); // scaled by the view: keep glyph shapes
    return f;
}

StyledItem::StyledItem(const SceneStyle* style, QGraphicsItem* parent)
    : QGraphicsObject(parent)
    , m_style(style)
{
}

// ---------------------------------------------------------------------------------------------

void BackdropItem::setData(Data data)
{
    // Unchanged items keep their cached pixmaps: only what a step changed is painted again.
    if (data == m_data)
        return;
    prepareGeometryChange();
    m_data = std::move(data);
    update();
}

void BackdropItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*)
{
    const ScenePalette& pal = m_style->palette;
    const double rad = radius(m_style);
    p->setRenderHint(QPainter::Antialiasing);
    p->fillRect(m_data.sceneRect, pal.background);

    auto band = [&](const QRectF& r, const QColor& fill, const QString& label) {
        drawChip(p, r, fill, QColor(), rad);
        // The name runs up the band's left strip, so it never collides with cards or arrows.
        p->save();
        p->setPen(pal.mutedText);
        p->setFont(m_style->font(m_style->compact ? 0.78 : 0.82, true));
        p->translate(r.left() + m_style->fontPx * 1.2, r.bottom() - m_style->fontPx * 0.3);
        p->rotate(-90);
        drawElided(p, QRectF(0, -m_style->fontPx, r.height() - m_style->fontPx * 0.6, m_style->fontPx * 1.4), label,
            Qt::AlignLeft);
        p->restore();
    };
    for (const QRectF& r : m_data.pageBands)
        band(r, pal.pageBand, QStringLiteral("PTEs"));
    for (const QRectF& r : m_data.deviceBands)
        band(r, pal.deviceBand, m_style->compact ? QStringLiteral("device") : QStringLiteral("device memory"));
    for (const QRectF& r : m_data.systemBands)
        band(r, pal.systemBand, m_style->compact ? QStringLiteral("system") : QStringLiteral("system RAM"));

    // Driver pool.
    const QRectF pool = m_data.pool;
    QPen dashed(pal.border, 1.2, Qt::DashLine);
    p->setPen(dashed);
    p->setBrush(Qt::NoBrush);
    p->drawRoundedRect(pool, rad, rad);
    p->setPen(pal.mutedText);
    p->setFont(m_style->font(0.85, true));
    const double pad = m_style->fontPx * 0.5;
    QRectF title(pool.left() + pad, pool.top() + pad, pool.width() - 2 * pad, m_style->fontPx * 1.4);
    drawElided(p, title, QStringLiteral("driver pool"), Qt::AlignLeft);
    p->setFont(m_style->font(0.72));
    QRectF sub = title.translated(0, title.height());
    drawElided(p, sub, QStringLiteral("free device pages"), Qt::AlignLeft);
    const double chipH = m_style->fontPx * 1.5;
    const double chipW = m_style->fontPx * 2.9;
    double x = pool.left() + pad;
    double y = sub.bottom() + pad;
    p->setFont(m_style->font(0.8, true));
    for (const QString& name : m_data.freePages) {
        if (x + chipW > pool.right() - pad) {
            x = pool.left() + pad;
            y += chipH + pad * 0.6;
        }
        if (y + chipH > pool.bottom())
            break;
        const QRectF chip(x, y, chipW, chipH);
        drawChip(p, chip, pal.surfaceRaised, pal.border, rad * 0.6);
        p->setPen(pal.text);
        p->drawText(chip, Qt::AlignCenter, name);
        x += chipW + pad * 0.6;
    }

    // Safety alerts (sticky flags), right-aligned before the PTL chip.
    p->setFont(m_style->font(0.8, true));
    double alertsLeft = m_data.ptlChip.left() - pad;
    for (auto it = m_data.alerts.rbegin(); it != m_data.alerts.rend(); ++it) {
        const double w = QFontMetricsF(p->font()).horizontalAdvance(*it) + pad * 2.4;
        const QRectF chip(alertsLeft - w, m_data.ptlChip.top(), w, m_data.ptlChip.height());
        drawChip(p, chip, pal.fail, QColor(), rad);
        p->setPen(ScenePalette::onColor(pal.fail));
        p->drawText(chip, Qt::AlignCenter, *it);
        alertsLeft = chip.left() - pad;
    }

    // Legend: one chip per reference kind, then the PTL owner.
    p->setFont(m_style->font(0.8));
    const QFontMetricsF fm(p->font());
    const double legendRight = std::min(m_data.legend.right(), alertsLeft - pad);
    double lx = m_data.legend.left();
    const double swatch = m_style->fontPx * 0.95;
    const double cy = m_data.legend.center().y();
    p->setPen(pal.mutedText);
    const QString head = QStringLiteral("references to D:");
    p->drawText(QRectF(lx, m_data.legend.top(), fm.horizontalAdvance(head) + 2, m_data.legend.height()),
        Qt::AlignVCenter | Qt::AlignLeft, head);
    lx += fm.horizontalAdvance(head) + pad * 1.5;
    for (int k = 0; k <= static_cast<int>(RefKind::Unknown); ++k) {
        const RefKind kind = static_cast<RefKind>(k);
        const QString label = refKindName(kind);
        const double w = swatch + pad * 0.6 + fm.horizontalAdvance(label);
        if (lx + w > legendRight)
            break;
        drawChip(p, QRectF(lx, cy - swatch / 2, swatch, swatch), pal.refColor(kind), QColor(), swatch * 0.3);
        p->setPen(pal.text);
        p->drawText(QRectF(lx + swatch + pad * 0.6, m_data.legend.top(), w, m_data.legend.height()),
            Qt::AlignVCenter | Qt::AlignLeft, label);
        lx += w + pad * 2;
    }
    const bool held = !m_data.ptlOwner.isEmpty();
    drawChip(p, m_data.ptlChip, held ? pal.migr : pal.surfaceRaised, held ? QColor() : pal.border, rad);
    p->setPen(held ? ScenePalette::onColor(pal.migr) : pal.mutedText);
    p->setFont(m_style->font(0.8, held));
    drawElided(p, m_data.ptlChip.adjusted(pad, 0, -pad, 0),
        held ? QStringLiteral("PTL held by %1").arg(m_data.ptlOwner) : QStringLiteral("PTL free"), Qt::AlignHCenter);
}

// ---------------------------------------------------------------------------------------------

LaneItem::LaneItem(const SceneStyle* style, int thread)
    : StyledItem(style)
    , m_thread(thread)
{
    setAcceptHoverEvents(false);
}

void LaneItem::setData(const Data& data)
{
    if (data == m_data)
        return;
    prepareGeometryChange();
    m_data = data;
    update();
}

void LaneItem::setHighlighted(bool on)
{
    if (m_data.highlighted == on)
        return;
    m_data.highlighted = on;
    update();
}

void LaneItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*)
{
    const ScenePalette& pal = m_style->palette;
    const double rad = radius(m_style);
    const double pad = m_style->fontPx * 0.5;
    p->setRenderHint(QPainter::Antialiasing);
    QColor fill = m_data.highlighted ? mix(pal.surface, pal.highlight, 0.16) : pal.surface;
    drawChip(p, m_data.rect, fill, QColor(), rad);
    if (m_data.lastActor || m_data.highlighted) {
        p->setPen(QPen(pal.highlight, m_data.highlighted ? 3 : 2.2));
        p->setBrush(Qt::NoBrush);
        p->drawRoundedRect(m_data.rect.adjusted(1, 1, -1, -1), rad, rad);
    } else {
        p->setPen(QPen(pal.border, 1));
        p->setBrush(Qt::NoBrush);
        p->drawRoundedRect(m_data.rect, rad, rad);
    }
    // Role stripe on the left edge.
    const QColor role = pal.roleColor(m_data.roleKind);
    p->setPen(Qt::NoPen);
    p->setBrush(role);
    p->drawRoundedRect(
        QRectF(m_data.rect.left() + 2, m_data.rect.top() + rad, pad * 0.5, m_data.rect.height() - 2 * rad), pad * 0.25,
        pad * 0.25);

    if (m_data.away) {
        p->setPen(QPen(pal.border, 1.4, Qt::DashLine));
        p->setBrush(Qt::NoBrush);
        p->drawEllipse(m_data.avatar.adjusted(2, 2, -2, -2));
    }

    // Name line: "T1" then the role pill and the page.
    p->setFont(m_style->font(1.15, true));
    QFontMetricsF fm(p->font());
    p->setPen(pal.text);
    const double nameW = std::min(m_data.name.width() * 0.4, fm.horizontalAdvance(m_data.threadName) + 2);
    drawElided(p, QRectF(m_data.name.left(), m_data.name.top(), nameW, m_data.name.height()), m_data.threadName,
        Qt::AlignLeft);
    p->setFont(m_style->font(0.78, true));
    fm = QFontMetricsF(p->font());
    const QString roleText = m_data.role;
    const double pillW = fm.horizontalAdvance(roleText) + pad * 1.4;
    const double pillH = m_style->fontPx * 1.3;
    const QRectF pill(m_data.name.left() + nameW + pad, m_data.name.center().y() - pillH / 2,
        std::min(pillW, std::max(0.0, m_data.name.right() - m_data.name.left() - nameW - pad)), pillH);
    if (pill.width() > pad) {
        drawChip(p, pill, role, QColor(), pillH / 2);
        p->setPen(ScenePalette::onColor(role));
        drawElided(p, pill.adjusted(pad * 0.5, 0, -pad * 0.5, 0), roleText, Qt::AlignHCenter);
    }
    if (!m_data.page.isEmpty()) {
        p->setFont(m_style->font(0.8));
        p->setPen(pal.mutedText);
        const QRectF pageRect(pill.right() + pad * 0.8, m_data.name.top(),
            m_data.name.right() - pill.right() - pad * 0.8, m_data.name.height());
        if (pageRect.width() > m_style->fontPx)
            drawElided(p, pageRect, m_data.page, Qt::AlignLeft);
    }

    // Step chip: what this thread runs next; filled when it can run (click to step).
    const QRectF chip = m_data.stepChip;
    if (m_data.enabled) {
        drawChip(p, chip, pal.highlight, QColor(), chip.height() / 2);
        p->setPen(pal.highlightText);
    } else {
        drawChip(p, chip, pal.surfaceRaised, pal.border, chip.height() / 2);
        p->setPen(pal.mutedText);
    }
    p->setFont(m_style->font(0.85, true));
    drawElided(p, chip.adjusted(pad * 0.4, 0, -pad * 0.4, 0),
        m_data.step.isEmpty() ? QStringLiteral("-")
                              : (m_style->compact ? m_data.step : QStringLiteral("\u25B6 %1").arg(m_data.step)),
        Qt::AlignHCenter);

    // What it does next, or why it cannot: wraps over the remaining lines, elided at the end.
    p->setFont(m_style->font(m_style->compact ? 0.78 : 0.82, false));
    fm = QFontMetricsF(p->font());
    p->setPen(m_data.enabled ? pal.mutedText : pal.warning);
    const int lines = std::max(1, static_cast<int>(m_data.reason.height() / fm.lineSpacing()));
    QString rest = m_data.text;
    double y = m_data.reason.top();
    for (int line = 0; line < lines && !rest.isEmpty(); ++line) {
        int cut = rest.size();
        if (fm.horizontalAdvance(rest) > m_data.reason.width()) {
            // Longest prefix that fits, broken at a space.
            int fit = 0;
            while (fit < rest.size() && fm.horizontalAdvance(rest.left(fit + 1)) <= m_data.reason.width())
                ++fit;
            const int space = rest.lastIndexOf(QLatin1Char(' '), fit);
            cut = space > 0 ? space : fit;
        }
        QString text = rest.left(cut);
        rest = rest.mid(cut).trimmed();
        if (line == lines - 1 && !rest.isEmpty())
            text = fm.elidedText(text + QLatin1Char(' ') + rest, Qt::ElideRight, m_data.reason.width());
        p->drawText(QRectF(m_data.reason.left(), y, m_data.reason.width(), fm.lineSpacing()),
            Qt::AlignLeft | Qt::AlignVCenter, text);
        y += fm.lineSpacing();
    }
}

// ---------------------------------------------------------------------------------------------

AvatarItem::AvatarItem(const SceneStyle* style, int thread, QSizeF size)
    : StyledItem(style)
    , m_thread(thread)
    , m_size(size)
{
}

void AvatarItem::setLook(const QString& name, Role role, bool emphasised)
{
    if (m_name == name && m_role == role && m_emphasised == emphasised)
        return;
    m_name = name;
    m_role = role;
    m_emphasised = emphasised;
    update();
}

void AvatarItem::setSize(QSizeF size)
{
    prepareGeometryChange();
    m_size = size;
}

void AvatarItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*)
{
    const ScenePalette& pal = m_style->palette;
    p->setRenderHint(QPainter::Antialiasing);
    const QColor fill = pal.roleColor(m_role);
    const QRectF r(QPointF(0, 0), m_size);
    p->setPen(m_emphasised ? QPen(pal.highlight, 3) : QPen(pal.surface, 2));
    p->setBrush(fill);
    p->drawEllipse(r.adjusted(1, 1, -1, -1));
    p->setPen(ScenePalette::onColor(fill));
    QFont f = m_style->font(1.0, true);
    f.setPixelSize(std::max(1, static_cast<int>(m_size.height() * (m_name.size() > 2 ? 0.30 : 0.38))));
    p->setFont(f);
    p->drawText(r, Qt::AlignCenter, m_name);
}

// ---------------------------------------------------------------------------------------------

PteItem::PteItem(const SceneStyle* style, int page)
    : StyledItem(style)
    , m_page(page)
{
}

void PteItem::setRect(const QRectF& rect)
{
    if (rect == m_rect)
        return;
    prepareGeometryChange();
    m_rect = rect;
}

void PteItem::setEntry(int kind, const QString& text, bool emphasised)
{
    if (kind == m_kind && text == m_text && emphasised == m_emphasised && m_flip == 1)
        return;
    m_kind = kind;
    m_text = text;
    m_emphasised = emphasised;
    m_flip = 1;
    update();
}

void PteItem::startFlipFrom(int oldKind, const QString& oldText)
{
    m_oldKind = oldKind;
    m_oldText = oldText;
    m_flip = 0;
    update();
}

void PteItem::setFlip(qreal flip)
{
    m_flip = flip;
    update();
}

void PteItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*)
{
    const ScenePalette& pal = m_style->palette;
    const double rad = radius(m_style);
    const double pad = m_style->fontPx * 0.6;
    p->setRenderHint(QPainter::Antialiasing);
    drawChip(p, m_rect, pal.surface, m_emphasised ? QColor() : pal.border, rad);
    if (m_emphasised) {
        p->setPen(QPen(pal.highlight, 2.2));
        p->setBrush(Qt::NoBrush);
        p->drawRoundedRect(m_rect.adjusted(1, 1, -1, -1), rad, rad);
    }
    p->setFont(m_style->font(m_style->compact ? 0.95 : 1.05, true));
    p->setPen(pal.text);
    const QString name = QStringLiteral("X%1").arg(m_page);
    const QFontMetricsF fm(p->font());
    const double nameW = fm.horizontalAdvance(name) + pad;
    p->drawText(
        QRectF(m_rect.left() + pad, m_rect.top(), nameW, m_rect.height()), Qt::AlignVCenter | Qt::AlignLeft, name);

    // The entry tag folds vertically around its centre line while it changes.
    const bool showOld = m_flip < 0.5;
    const int kind = showOld ? m_oldKind : m_kind;
    const QString& text = showOld ? m_oldText : m_text;
    const double fold = std::abs(1 - 2 * m_flip);
    const QColor colors[3] = {pal.devPriv, pal.migr, pal.present};
    QRectF tag(m_rect.left() + pad + nameW, m_rect.top() + m_rect.height() * 0.18,
        m_rect.right() - pad - (m_rect.left() + pad + nameW), m_rect.height() * 0.64);
    const double h = tag.height() * std::max(0.04, fold);
    tag = QRectF(tag.left(), tag.center().y() - h / 2, tag.width(), h);
    drawChip(p, tag, colors[kind], QColor(), rad * 0.7);
    if (fold > 0.35) {
        p->save();
        p->setClipRect(tag);
        p->setPen(ScenePalette::onColor(colors[kind]));
        p->setFont(m_style->font(m_style->compact ? 0.85 : 0.95, true));
        drawElided(p, tag.adjusted(pad * 0.5, 0, -pad * 0.5, 0), text, Qt::AlignHCenter);
        p->restore();
    }
}

// ---------------------------------------------------------------------------------------------

void ArrowItem::setRoute(const Route& route, const QColor& color, bool dashed, bool animateFromCurrent)
{
    if (!animateFromCurrent && m_progress == 1 && route == m_to && color == m_color && dashed == m_dashed)
        return;
    prepareGeometryChange();
    m_from = animateFromCurrent ? current() : route;
    m_to = route;
    m_color = color;
    m_dashed = dashed;
    m_progress = animateFromCurrent ? 0 : 1;
    update();
}

void ArrowItem::setProgress(qreal progress)
{
    prepareGeometryChange();
    m_progress = progress;
    update();
}

ArrowItem::Route ArrowItem::current() const
{
    Route r;
    for (size_t i = 0; i < r.size(); ++i)
        r[i] = m_from[i] + (m_to[i] - m_from[i]) * m_progress;
    return r;
}

QRectF ArrowItem::boundingRect() const
{
    QRectF r;
    for (const Route* route : {&m_from, &m_to}) {
        for (const QPointF& pt : *route)
            r = r.united(QRectF(pt, QSizeF(0.01, 0.01)));
    }
    const double m = m_style->fontPx;
    return r.adjusted(-m, -m, m, m);
}

void ArrowItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*)
{
    const Route r = current();
    p->setRenderHint(QPainter::Antialiasing);
    const double w = m_style->compact ? 1.8 : 2.4;
    QPen pen(m_color, w, m_dashed ? Qt::DashLine : Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    p->setPen(pen);
    p->setBrush(Qt::NoBrush);
    QPainterPath path(r[0]);
    for (size_t i = 1; i < r.size(); ++i)
        path.lineTo(r[i]);
    p->drawPath(path);
    // Head on the last segment that has a length.
    QPointF tip = r[3];
    QPointF from = r[2];
    if (QLineF(from, tip).length() < 0.5)
        from = r[1];
    if (QLineF(from, tip).length() < 0.5)
        from = r[0];
    const QLineF seg(tip, from);
    if (seg.length() < 0.5)
        return;
    const QLineF unit = seg.unitVector();
    const QPointF d = (unit.p2() - unit.p1()) * (m_style->fontPx * 0.75);
    const QPointF n(-d.y() * 0.55, d.x() * 0.55);
    QPolygonF head;
    head << tip << tip + d + n << tip + d - n;
    p->setPen(Qt::NoPen);
    p->setBrush(m_color);
    p->drawPolygon(head);
}

// ---------------------------------------------------------------------------------------------

PageCardItem::PageCardItem(const SceneStyle* style, int page)
    : StyledItem(style)
    , m_page(page)
{
}

void PageCardItem::setData(const Data& data)
{
    if (data == m_data)
        return;
    prepareGeometryChange();
    m_data = data;
    update();
}

void PageCardItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*)
{
    const ScenePalette& pal = m_style->palette;
    const double rad = radius(m_style);
    const double pad = m_style->fontPx * 0.5;
    const Data& d = m_data;
    p->setRenderHint(QPainter::Antialiasing);
    drawChip(p, d.card, d.free ? pal.surfaceRaised : pal.surface, QColor(), rad);
    p->setPen(d.emphasised ? QPen(pal.highlight, 2.4) : QPen(pal.border, 1.2, d.free ? Qt::DashLine : Qt::SolidLine));
    p->setBrush(Qt::NoBrush);
    p->drawRoundedRect(d.card.adjusted(1, 1, -1, -1), rad, rad);

    // Header: "struct page D0" and the data version.
    p->setFont(m_style->font(m_style->compact ? 0.92 : 1.0, true));
    p->setPen(pal.text);
    const QString title =
        m_style->compact ? QStringLiteral("D%1").arg(m_page) : QStringLiteral("struct page D%1").arg(m_page);
    const double titleW = QFontMetricsF(p->font()).horizontalAdvance(title) + pad;
    drawElided(p, QRectF(d.header.left(), d.header.top(), titleW, d.header.height()), title, Qt::AlignLeft);
    p->setFont(m_style->font(0.78));
    p->setPen(pal.mutedText);
    QString status = QStringLiteral("data v%1").arg(d.dataVersion);
    if (d.free)
        status = QStringLiteral("free (in pool) \u00B7 ") + status;
    drawElided(p, QRectF(d.header.left() + titleW, d.header.top(), d.header.width() - titleW, d.header.height()),
        status, Qt::AlignRight);

    // The large refcount, red with a "?" when attribution does not add up.
    p->setFont(m_style->font(m_style->compact ? 2.6 : 3.0, true));
    p->setPen(d.balanced ? pal.text : pal.fail);
    p->drawText(d.refcount.adjusted(0, 0, 0, -pad * 0.6), Qt::AlignCenter, QString::number(d.dRef));
    p->setFont(m_style->font(0.66));
    p->setPen(pal.mutedText);
    p->drawText(
        d.refcount.adjusted(0, 0, 0, pad * 0.2), Qt::AlignHCenter | Qt::AlignBottom, QStringLiteral("page_count"));
    if (d.delta != 0) {
        // What the last step did to the count, top right of the number.
        p->setFont(m_style->font(m_style->compact ? 0.8 : 0.9, true));
        p->setPen(d.delta > 0 ? pal.refColor(RefKind::Mapping) : pal.fail);
        p->drawText(d.refcount.adjusted(0, pad * 0.2, 0, 0), Qt::AlignRight | Qt::AlignTop,
            d.delta > 0 ? QStringLiteral("+%1").arg(d.delta) : QStringLiteral("\u2212%1").arg(-d.delta));
    }

    // Expected count at the check; green/red right after M7 / M7-fail on this page.
    const QRectF pill = d.expected.adjusted(0, pad * 0.35, 0, -pad * 0.15);
    QColor fill = pal.surfaceRaised;
    QColor border = pal.border;
    QColor textColor = pal.text;
    QString text = d.checkSkipped ? (m_style->compact ? QStringLiteral("no check") : QStringLiteral("check skipped"))
                                  : (m_style->compact ? QStringLiteral("exp %1").arg(d.expectedAtCheck)
                                                      : QStringLiteral("check wants %1").arg(d.expectedAtCheck));
    if (d.checkResult != 0) {
        fill = d.checkResult > 0 ? pal.pass : pal.fail;
        border = QColor();
        textColor = ScenePalette::onColor(fill);
        if (!d.checkSkipped) {
            text = d.checkResult > 0 ? QStringLiteral("\u2713 %1 = %2").arg(d.dRef).arg(d.expectedAtCheck)
                                     : QStringLiteral("\u2717 %1 \u2260 %2").arg(d.dRef).arg(d.expectedAtCheck);
        } else {
            text = QStringLiteral("\u2713 skipped");
        }
    }
    drawChip(p, pill, fill, border, pill.height() / 2);
    p->setPen(textColor);
    p->setFont(m_style->font(m_style->compact ? 0.68 : 0.74, d.checkResult != 0));
    drawElided(p, pill.adjusted(pad * 0.3, 0, -pad * 0.3, 0), text, Qt::AlignHCenter);

    // Flags line: mapcount and PG_waiters (the PG_locked badge is its own item, on the right).
    p->setFont(m_style->font(m_style->compact ? 0.72 : 0.8));
    p->setPen(pal.text);
    QString flags = QStringLiteral("mapcount %1").arg(d.mapcount);
    flags += d.waiters ? QStringLiteral("  \u00B7  PG_waiters") : QString();
    QRectF flagRect(d.flags.left(), d.flags.top(), d.lockBadge.left() - d.flags.left() - pad * 0.5, d.flags.height());
    drawElided(p, flagRect, flags, Qt::AlignLeft);
    // Empty lock slot: "unlocked" in muted text; the badge covers it when locked.
    p->setPen(QPen(pal.border, 1, Qt::DotLine));
    p->setBrush(Qt::NoBrush);
    p->drawRoundedRect(d.lockBadge, d.lockBadge.height() / 2, d.lockBadge.height() / 2);
    p->setPen(pal.mutedText);
    p->setFont(m_style->font(m_style->compact ? 0.66 : 0.72));
    drawElided(p, d.lockBadge.adjusted(pad * 0.4, 0, -pad * 0.4, 0), QStringLiteral("unlocked"), Qt::AlignHCenter);

    // Wait queue row.
    const QRectF q = d.waitQueue;
    p->setPen(QPen(pal.border, 1, Qt::DashLine));
    p->setBrush(mix(pal.surface, pal.text, 0.04));
    p->drawRoundedRect(q, rad * 0.8, rad * 0.8);
    p->setPen(pal.mutedText);
    p->setFont(m_style->font(0.72));
    if (!m_style->compact) {
        p->drawText(QRectF(q.left() + pad, q.top(), m_style->fontPx * 6, q.height() / 2),
            Qt::AlignLeft | Qt::AlignBottom, QStringLiteral("page-lock"));
        p->drawText(QRectF(q.left() + pad, q.center().y(), m_style->fontPx * 6, q.height() / 2),
            Qt::AlignLeft | Qt::AlignTop, QStringLiteral("wait queue"));
    } else {
        p->drawText(
            q.adjusted(pad * 0.4, 0, -pad * 0.4, 0), Qt::AlignRight | Qt::AlignVCenter, QStringLiteral("queue"));
    }
}

// ---------------------------------------------------------------------------------------------

TokenItem::TokenItem(const SceneStyle* style, RefToken token, QString label)
    : StyledItem(style)
    , m_token(token)
    , m_label(std::move(label))
{
}

void TokenItem::setSize(QSizeF size)
{
    if (size == m_size)
        return;
    prepareGeometryChange();
    m_size = size;
}

void TokenItem::setEmphasised(bool on)
{
    if (m_emphasised == on)
        return;
    m_emphasised = on;
    update();
}

void TokenItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*)
{
    const ScenePalette& pal = m_style->palette;
    p->setRenderHint(QPainter::Antialiasing);
    const QColor fill = pal.refColor(m_token.kind);
    const QRectF r(QPointF(0, 0), m_size);
    drawChip(p, r, fill, QColor(), r.height() / 2);
    if (m_emphasised) {
        p->setPen(QPen(pal.text, 1.8));
        p->setBrush(Qt::NoBrush);
        p->drawRoundedRect(r.adjusted(-1, -1, 1, 1), r.height() / 2 + 1, r.height() / 2 + 1);
    }
    p->setPen(ScenePalette::onColor(fill));
    QFont f = m_style->font(m_style->compact ? 0.74 : 0.78, true);
    p->setFont(f);
    drawElided(p, r.adjusted(r.height() * 0.25, 0, -r.height() * 0.25, 0), m_label, Qt::AlignHCenter);
}

// ---------------------------------------------------------------------------------------------

void LockBadgeItem::setLook(QSizeF size, const QString& owner)
{
    if (size == m_size && owner == m_owner)
        return;
    prepareGeometryChange();
    m_size = size;
    m_owner = owner;
    update();
}

void LockBadgeItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*)
{
    const ScenePalette& pal = m_style->palette;
    p->setRenderHint(QPainter::Antialiasing);
    const QRectF r(QPointF(0, 0), m_size);
    drawChip(p, r, pal.migr, QColor(), r.height() / 2);
    const QColor on = ScenePalette::onColor(pal.migr);
    // A small padlock: shackle arc over a body.
    const double h = r.height();
    const QRectF body(h * 0.35, h * 0.45, h * 0.5, h * 0.38);
    p->setPen(QPen(on, std::max(1.0, h * 0.08)));
    p->setBrush(Qt::NoBrush);
    p->drawArc(
        QRectF(body.left() + body.width() * 0.15, h * 0.18, body.width() * 0.7, body.height() * 1.1), 0, 180 * 16);
    p->setPen(Qt::NoPen);
    p->setBrush(on);
    p->drawRoundedRect(body, 1.5, 1.5);
    p->setPen(on);
    p->setFont(m_style->font(m_style->compact ? 0.7 : 0.76, true));
    drawElided(p, r.adjusted(h * 0.95, 0, -h * 0.3, 0),
        m_style->compact ? m_owner : QStringLiteral("PG_locked %1").arg(m_owner), Qt::AlignHCenter);
}

// ---------------------------------------------------------------------------------------------

SystemPageItem::SystemPageItem(const SceneStyle* style, int page)
    : StyledItem(style)
    , m_page(page)
{
}

void SystemPageItem::setData(const Data& data)
{
    if (data == m_data)
        return;
    prepareGeometryChange();
    m_data = data;
    update();
}

void SystemPageItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*)
{
    const ScenePalette& pal = m_style->palette;
    const double rad = radius(m_style);
    const double pad = m_style->fontPx * 0.6;
    const Data& d = m_data;
    p->setRenderHint(QPainter::Antialiasing);
    const QRectF r = d.rect;
    if (!d.allocated) {
        p->setPen(QPen(pal.border, 1.2, Qt::DashLine));
        p->setBrush(Qt::NoBrush);
        p->drawRoundedRect(r.adjusted(1, 1, -1, -1), rad, rad);
        p->setPen(pal.mutedText);
        p->setFont(m_style->font(0.85));
        drawElided(p, r.adjusted(pad, 0, -pad, 0),
            m_style->compact ? QStringLiteral("S%1: none").arg(m_page)
                             : QStringLiteral("S%1: not allocated").arg(m_page),
            Qt::AlignLeft);
        return;
    }
    drawChip(p, r, pal.surface, d.emphasised ? QColor() : pal.border, rad);
    if (d.emphasised) {
        p->setPen(QPen(pal.highlight, 2.4));
        p->setBrush(Qt::NoBrush);
        p->drawRoundedRect(r.adjusted(1, 1, -1, -1), rad, rad);
    }
    const QRectF top(r.left() + pad, r.top() + pad * 0.3, r.width() - 2 * pad, r.height() / 2 - pad * 0.3);
    const QRectF bottom(r.left() + pad, r.center().y(), r.width() - 2 * pad, r.height() / 2 - pad * 0.3);
    p->setPen(pal.text);
    p->setFont(m_style->font(m_style->compact ? 0.92 : 1.0, true));
    const QString title =
        m_style->compact ? QStringLiteral("S%1").arg(m_page) : QStringLiteral("system page S%1").arg(m_page);
    drawElided(p, top, title, Qt::AlignLeft);
    const bool stale = d.dataVersion != d.deviceDataVersion;
    p->setFont(m_style->font(0.78, stale));
    p->setPen(stale ? pal.fail : pal.mutedText);
    drawElided(p, top,
        stale ? QStringLiteral("data v%1 \u2260 D v%2").arg(d.dataVersion).arg(d.deviceDataVersion)
              : QStringLiteral("data v%1").arg(d.dataVersion),
        Qt::AlignRight);
    p->setPen(pal.text);
    p->setFont(m_style->font(m_style->compact ? 0.72 : 0.8));
    QString line = QStringLiteral("page_count %1").arg(d.refcount);
    line += d.locked ? QStringLiteral("  \u00B7  PG_locked") : QStringLiteral("  \u00B7  unlocked");
    drawElided(p, bottom, line, Qt::AlignLeft);
}

} // namespace msb::scenes
