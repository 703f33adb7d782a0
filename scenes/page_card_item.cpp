// SPDX-License-Identifier: MIT
#include "scenes/page_card_item.h"

#include "scenes/race_layout.h"
#include "scenes/scene_painting.h"

#include <QFontMetricsF>
#include <QPainter>

namespace msb::scenes {

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
    const double rad = m_style->radius();
    const double pad = m_style->fontPx * 0.5;
    const Data& d = m_data;
    p->setRenderHint(QPainter::Antialiasing);
    drawChip(p, *m_style, d.card, d.free ? pal.surfaceRaised : pal.surface, QColor(), rad);
    p->setPen(d.emphasised ? QPen(pal.highlight, m_style->line(2.4))
                           : QPen(pal.border, m_style->line(1.2), d.free ? Qt::DashLine : Qt::SolidLine));
    p->setBrush(Qt::NoBrush);
    p->drawRoundedRect(d.card.adjusted(1, 1, -1, -1), rad, rad);

    // Header: "struct page D0" and the data version.
    p->setFont(m_style->font(m_style->compact ? 0.92 : 1.0, true));
    p->setPen(pal.text);
    const QString title = m_style->compact ? QStringLiteral("D%1").arg(m_page) : tr("struct page D%1").arg(m_page);
    const double titleW = QFontMetricsF(p->font()).horizontalAdvance(title) + pad;
    drawElided(p, QRectF(d.header.left(), d.header.top(), titleW, d.header.height()), title, Qt::AlignLeft);
    p->setFont(m_style->font(0.78));
    p->setPen(pal.mutedText);
    QString status = tr("data v%1").arg(d.dataVersion);
    if (d.free)
        status = tr("free (in pool) · ") + status;
    drawElided(p, QRectF(d.header.left() + titleW, d.header.top(), d.header.width() - titleW, d.header.height()),
        status, Qt::AlignRight);

    // The large refcount, red with a "?" when attribution does not add up.
    p->setFont(m_style->font(refcountRelative(m_style->compact), true));
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
    QString text = d.checkSkipped
        ? (m_style->compact ? tr("no check") : tr("check skipped"))
        : (m_style->compact ? tr("exp %1").arg(d.expectedAtCheck) : tr("check wants %1").arg(d.expectedAtCheck));
    if (d.checkResult != 0) {
        fill = d.checkResult > 0 ? pal.pass : pal.fail;
        border = QColor();
        textColor = ScenePalette::onColor(fill);
        if (!d.checkSkipped) {
            text = d.checkResult > 0 ? QStringLiteral("\u2713 %1 = %2").arg(d.dRef).arg(d.expectedAtCheck)
                                     : QStringLiteral("\u2717 %1 \u2260 %2").arg(d.dRef).arg(d.expectedAtCheck);
        } else {
            text = tr("✓ skipped");
        }
    }
    drawChip(p, *m_style, pill, fill, border, pill.height() / 2);
    p->setPen(textColor);
    p->setFont(m_style->font(m_style->compact ? 0.68 : 0.74, d.checkResult != 0));
    drawElided(p, pill.adjusted(pad * 0.3, 0, -pad * 0.3, 0), text, Qt::AlignHCenter);

    // Flags line: mapcount and PG_waiters (the PG_locked badge is its own item, on the right).
    p->setFont(m_style->font(m_style->compact ? 0.72 : 0.8));
    p->setPen(pal.text);
    QString flags = QStringLiteral("mapcount %1").arg(d.mapcount);
    flags += d.waiters ? tr("  ·  PG_waiters") : QString();
    QRectF flagRect(d.flags.left(), d.flags.top(), d.lockBadge.left() - d.flags.left() - pad * 0.5, d.flags.height());
    drawElided(p, flagRect, flags, Qt::AlignLeft);
    // Empty lock slot: "unlocked" in muted text; the badge covers it when locked.
    p->setPen(QPen(pal.border, m_style->line(1), Qt::DotLine));
    p->setBrush(Qt::NoBrush);
    p->drawRoundedRect(d.lockBadge, d.lockBadge.height() / 2, d.lockBadge.height() / 2);
    p->setPen(pal.mutedText);
    p->setFont(m_style->font(m_style->compact ? 0.66 : 0.72));
    drawElided(p, d.lockBadge.adjusted(pad * 0.4, 0, -pad * 0.4, 0), QStringLiteral("unlocked"), Qt::AlignHCenter);

    // Wait queue row.
    const QRectF q = d.waitQueue;
    p->setPen(QPen(pal.border, m_style->line(1), Qt::DashLine));
    p->setBrush(mix(pal.surface, pal.text, 0.04));
    p->drawRoundedRect(q, rad * 0.8, rad * 0.8);
    p->setPen(pal.mutedText);
    p->setFont(m_style->font(0.72));
    if (!m_style->compact) {
        p->drawText(QRectF(q.left() + pad, q.top(), m_style->fontPx * 6, q.height() / 2),
            Qt::AlignLeft | Qt::AlignBottom, QStringLiteral("page-lock"));
        p->drawText(QRectF(q.left() + pad, q.center().y(), m_style->fontPx * 6, q.height() / 2),
            Qt::AlignLeft | Qt::AlignTop, tr("wait queue"));
    } else {
        p->drawText(
            q.adjusted(pad * 0.4, 0, -pad * 0.4, 0), Qt::AlignRight | Qt::AlignVCenter, QStringLiteral("queue"));
    }
}

} // namespace msb::scenes
