// SPDX-License-Identifier: MIT
#include "scenes/lane_item.h"

#include "scenes/scene_painting.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>

namespace msb::scenes {

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

double LaneItem::trailChipWidth(const QFontMetricsF& fm, const TrailStep& step) const
{
    return fm.horizontalAdvance(step.label) + m_style->fontPx * 0.6;
}

std::vector<TrailStep> LaneItem::visibleTrail() const
{
    if (m_data.trail.empty() || m_data.trailArea.isEmpty())
        return {};
    const QFontMetricsF fm(m_style->font(0.72, true));
    const double gap = m_style->fontPx * 0.25;
    // Newest last: walk back from the newest while they fit, keeping room for the "…" marker.
    const double room = m_data.trailArea.width() - fm.horizontalAdvance(QStringLiteral("\u2026")) - gap;
    double used = 0;
    std::size_t first = m_data.trail.size();
    while (first > 0) {
        const double w = trailChipWidth(fm, m_data.trail[first - 1]) + gap;
        if (used + w > room)
            break;
        used += w;
        --first;
    }
    return {m_data.trail.begin() + static_cast<std::ptrdiff_t>(first), m_data.trail.end()};
}

void LaneItem::paintTrail(QPainter* p) const
{
    const std::vector<TrailStep> shown = visibleTrail();
    if (shown.empty())
        return;
    const ScenePalette& pal = m_style->palette;
    const QRectF area = m_data.trailArea;
    p->setFont(m_style->font(0.72, true));
    const QFontMetricsF fm(p->font());
    const double gap = m_style->fontPx * 0.25;
    double x = area.left();
    if (shown.size() < m_data.trail.size()) {
        // Older steps went off the left edge.
        p->setPen(pal.mutedText);
        const double w = fm.horizontalAdvance(QStringLiteral("\u2026"));
        p->drawText(QRectF(x, area.top(), w, area.height()), Qt::AlignCenter, QStringLiteral("\u2026"));
        x += w + gap;
    }
    for (const TrailStep& step : shown) {
        const QRectF chip(x, area.top() + 1, trailChipWidth(fm, step), area.height() - 2);
        p->save();
        // Faded twice over: see-through and without an outline, so it reads without colour too.
        if (step.faded)
            p->setOpacity(0.35);
        const QColor border = step.deciding ? pal.warning : (step.faded ? QColor() : pal.border);
        drawChip(p, *m_style, chip, pal.surfaceRaised, border, chip.height() / 2);
        if (step.deciding) {
            p->setPen(QPen(pal.warning, m_style->line(2)));
            p->setBrush(Qt::NoBrush);
            p->drawRoundedRect(chip, chip.height() / 2, chip.height() / 2);
        }
        p->setPen(step.faded ? pal.mutedText : pal.text);
        p->drawText(chip, Qt::AlignCenter, step.label);
        p->restore();
        x = chip.right() + gap;
    }
}

void LaneItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*)
{
    const ScenePalette& pal = m_style->palette;
    const double rad = m_style->radius();
    const double pad = m_style->fontPx * 0.5;
    p->setRenderHint(QPainter::Antialiasing);
    QColor fill = m_data.highlighted ? mix(pal.surface, pal.highlight, 0.16) : pal.surface;
    drawChip(p, *m_style, m_data.rect, fill, QColor(), rad);
    if (m_data.lastActor || m_data.highlighted) {
        p->setPen(QPen(pal.highlight, m_style->line(m_data.highlighted ? 3 : 2.2)));
        p->setBrush(Qt::NoBrush);
        p->drawRoundedRect(m_data.rect.adjusted(1, 1, -1, -1), rad, rad);
    } else {
        p->setPen(QPen(pal.border, m_style->line(1)));
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
        p->setPen(QPen(pal.border, m_style->line(1.4), Qt::DashLine));
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
        drawChip(p, *m_style, pill, role, QColor(), pillH / 2);
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
        drawChip(p, *m_style, chip, pal.highlight, QColor(), chip.height() / 2);
        p->setPen(pal.highlightText);
    } else {
        drawChip(p, *m_style, chip, pal.surfaceRaised, pal.border, chip.height() / 2);
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
    paintTrail(p);
}

} // namespace msb::scenes
