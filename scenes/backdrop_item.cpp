// SPDX-License-Identifier: MIT
#include "scenes/backdrop_item.h"

#include "scenes/scene_painting.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>

namespace msb::scenes {

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
    const double rad = m_style->radius();
    p->setRenderHint(QPainter::Antialiasing);
    p->fillRect(m_data.sceneRect, pal.background);

    auto band = [&](const QRectF& r, const QColor& fill, const QString& label) {
        drawChip(p, *m_style, r, fill, QColor(), rad);
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
        band(r, pal.deviceBand, m_style->compact ? QStringLiteral("device") : tr("device memory"));
    for (const QRectF& r : m_data.systemBands)
        band(r, pal.systemBand, m_style->compact ? QStringLiteral("system") : tr("system RAM"));

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
    drawElided(p, title, tr("driver pool"), Qt::AlignLeft);
    p->setFont(m_style->font(0.72));
    QRectF sub = title.translated(0, title.height());
    drawElided(p, sub, tr("free device pages"), Qt::AlignLeft);
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
        drawChip(p, *m_style, chip, pal.surfaceRaised, pal.border, rad * 0.6);
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
        drawChip(p, *m_style, chip, pal.fail, QColor(), rad);
        p->setPen(ScenePalette::onColor(pal.fail));
        p->drawText(chip, Qt::AlignCenter, *it);
        alertsLeft = chip.left() - pad;
    }

    // Legend: one chip per reference kind, then the PTL owner.
    p->setFont(m_style->font(0.8));
    const QFontMetricsF fm(p->font());
    // Alerts share the legend's row unless the PTL chip has a row of its own (portrait).
    const bool ptlBelow = m_data.ptlChip.top() >= m_data.legend.bottom();
    const double legendRight = ptlBelow ? m_data.legend.right() : std::min(m_data.legend.right(), alertsLeft - pad);
    const int rows = std::max(1, m_data.legendRows);
    const double rowH = m_data.legend.height() / rows;
    int row = 0;
    double lx = m_data.legend.left();
    const double swatch = m_style->fontPx * 0.95;
    p->setPen(pal.mutedText);
    const QString head = tr("references to D:");
    p->drawText(
        QRectF(lx, m_data.legend.top(), fm.horizontalAdvance(head) + 2, rowH), Qt::AlignVCenter | Qt::AlignLeft, head);
    lx += fm.horizontalAdvance(head) + pad * 1.5;
    for (int k = 0; k <= static_cast<int>(RefKind::Unknown); ++k) {
        const RefKind kind = static_cast<RefKind>(k);
        const QString label = refKindName(kind);
        const double w = swatch + pad * 0.6 + fm.horizontalAdvance(label);
        if (lx + w > legendRight && row + 1 < rows) {
            ++row;
            lx = m_data.legend.left();
        }
        if (lx + w > legendRight)
            break;
        const double rowTop = m_data.legend.top() + row * rowH;
        const double cy = rowTop + rowH / 2;
        const QRectF swatchRect(lx, cy - swatch / 2, swatch, swatch);
        drawChip(p, *m_style, swatchRect, pal.refColor(kind), QColor(), swatch * 0.3);
        // The kind's letter, as on compact tokens: the legend never relies on colour alone.
        p->save();
        p->setPen(ScenePalette::onColor(pal.refColor(kind)));
        p->setFont(m_style->font(0.66, true));
        p->drawText(swatchRect, Qt::AlignCenter, refKindLetter(kind));
        p->restore();
        p->setPen(pal.text);
        p->drawText(QRectF(lx + swatch + pad * 0.6, rowTop, w, rowH), Qt::AlignVCenter | Qt::AlignLeft, label);
        lx += w + pad * 2;
    }
    const bool held = !m_data.ptlOwner.isEmpty();
    drawChip(p, *m_style, m_data.ptlChip, held ? pal.migr : pal.surfaceRaised, held ? QColor() : pal.border, rad);
    p->setPen(held ? ScenePalette::onColor(pal.migr) : pal.mutedText);
    p->setFont(m_style->font(0.8, held));
    drawElided(p, m_data.ptlChip.adjusted(pad, 0, -pad, 0),
        held ? tr("PTL held by %1").arg(m_data.ptlOwner) : tr("PTL free"), Qt::AlignHCenter);
}

} // namespace msb::scenes
