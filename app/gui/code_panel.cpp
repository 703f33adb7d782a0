// SPDX-License-Identifier: MIT
#include "app/gui/code_panel.h"

#include "app/gui/keyboard_reach.h"
#include "app/gui/outcome.h"
#include "core/source_link.h"
#include "scenes/item_data.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace msb::app {

namespace {

using scenes::qs;

constexpr int kStepRole = Qt::UserRole;

} // namespace

CodePanel::CodePanel(QWidget* parent)
    : QWidget(parent)
    , m_tree(new QTreeWidget(this))
    , m_detail(new QLabel(this))
    , m_lastStep(new QLabel(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_tree->setColumnCount(3);
    m_tree->setHeaderLabels({tr("Step"), tr("Here"), tr("Pseudo-kernel line")});
    m_tree->setRootIsDecorated(false);
    m_tree->setMouseTracking(true);
    m_tree->setUniformRowHeights(true);
    makeTabReachable(m_tree);
    m_tree->setAccessibleName(tr("Pseudo-kernel code"));
    // Group titles span the row, so the label column is sized for the step labels only.
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Fixed);
    m_tree->header()->resizeSection(0, m_tree->fontMetrics().horizontalAdvance(QStringLiteral("W3-unlocked")) + 36);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(true);

    const std::array<std::pair<char, QString>, 4> groups = {{
        {'A', tr("Every fault: do_swap_page")},
        {'M', tr("M — the migrator: migrate_to_ram, migrate_vma_*")},
        {'W', tr("W — a waiter: migration_entry_wait")},
        {'H', tr("H — a holder of a genuine reference")},
    }};
    for (const auto& [actor, title] : groups) {
        auto* group = new QTreeWidgetItem(m_tree);
        group->setText(0, title);
        group->setFirstColumnSpanned(true);
        QFont bold = group->font(0);
        bold.setBold(true);
        group->setFont(0, bold);
        group->setFlags(Qt::ItemIsEnabled);
        for (int i = 0; i < int(core::StepId::Count); ++i) {
            const auto id = core::StepId(i);
            const auto& info = core::stepInfo(id);
            if (info.actor != actor)
                continue;
            auto* item = new QTreeWidgetItem(group);
            item->setText(0, qs(info.id));
            item->setText(2, qs(info.text));
            item->setData(0, kStepRole, i);
            item->setToolTip(2, QStringLiteral("%1 (%2), %3").arg(qs(info.function), qs(info.file), qs(info.fact)));
            m_items[size_t(i)] = item;
        }
    }
    m_tree->expandAll();
    m_tree->setHeaderHidden(false);
    connect(m_tree, &QTreeWidget::itemEntered, this, [this](QTreeWidgetItem* item) { showDetail(item); });
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) { showDetail(item); });
    layout->addWidget(m_tree, 1);

    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_detail->setTextFormat(Qt::RichText);
    m_detail->setOpenExternalLinks(true);
    m_detail->setText(tr("Hover or select a line to see the kernel function it stands for."));
    layout->addWidget(m_detail);
    m_lastStep->setWordWrap(true);
    layout->addWidget(m_lastStep);
}

void CodePanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::FontChange)
        m_tree->header()->resizeSection(0, m_tree->fontMetrics().horizontalAdvance(QStringLiteral("W3-unlocked")) + 36);
    QWidget::changeEvent(event);
}

void CodePanel::showDetail(QTreeWidgetItem* item)
{
    if (!item || !item->data(0, kStepRole).isValid())
        return;
    const auto id = core::StepId(item->data(0, kStepRole).toInt());
    const auto& info = core::stepInfo(id);
    QString delta = info.refDelta == 0
        ? tr("no change")
        : QStringLiteral("%1%2").arg(info.refDelta > 0 ? QStringLiteral("+") : QString()).arg(info.refDelta);
    const core::SourceLink source = core::sourceLink(id, m_settings);
    QString text = tr("<b>%1</b> stands for <code>%2()</code> in <code>%3</code>")
                       .arg(qs(info.id), qs(info.function).toHtmlEscaped(), qs(info.file).toHtmlEscaped());
    if (!source.releases.empty())
        text += QStringLiteral(" (%1)").arg(qs(source.releases).toHtmlEscaped());
    text +=
        tr(" — kernel notes %1 (docs/kernel/notes.md). Nominal page_count(D) change: %2.").arg(qs(info.fact), delta);
    if (!source.fileUrl.empty()) {
        text += tr("<br>Read it at %1: <a href=\"%2\">%3</a>")
                    .arg(qs(source.tag), qs(source.fileUrl), qs(source.file).toHtmlEscaped());
        if (!source.symbolUrl.empty())
            text += QStringLiteral(" · <a href=\"%1\">%2()</a>").arg(qs(source.symbolUrl), qs(info.function));
    }
    m_detail->setText(text);
}

QString CodePanel::threadsAt(core::StepId id) const
{
    const auto* item = m_items[size_t(id)];
    return item ? item->text(1) : QString();
}

QString CodePanel::detailText() const
{
    return m_detail->text();
}

QString CodePanel::lastStepText() const
{
    return m_lastStep->text();
}

void CodePanel::showState(const core::Simulator& sim)
{
    if (!(sim.model().settings() == m_settings)) {
        // Another release: the links of the line on display must follow it.
        m_settings = sim.model().settings();
        showDetail(m_tree->currentItem());
    }
    std::array<QStringList, size_t(core::StepId::Count)> here;
    for (int t = 0; t < sim.model().threadCount(); ++t) {
        const core::Pc pc = sim.state().threads[size_t(t)].pc;
        if (pc == core::Pc::Done || pc == core::Pc::Sigbus)
            continue;
        here[size_t(nextStep(sim.model(), sim.state(), t))]
            << QString::fromStdString(sim.scenario().threads[size_t(t)].name);
    }
    const QColor highlight = palette().color(QPalette::Highlight);
    QColor soft = highlight;
    soft.setAlpha(60);
    for (size_t i = 0; i < m_items.size(); ++i) {
        auto* item = m_items[i];
        if (!item)
            continue;
        const bool active = !here[i].isEmpty();
        item->setText(1, here[i].join(QLatin1Char(' ')));
        for (int c = 0; c < 3; ++c)
            item->setBackground(c, active ? QBrush(soft) : QBrush());
        QFont f = item->font(0);
        f.setBold(active);
        item->setFont(0, f);
        item->setFont(1, f);
    }

    if (sim.position() == 0) {
        m_lastStep->setText(tr("No step taken yet."));
        return;
    }
    const auto& rec = sim.history()[size_t(sim.position() - 1)];
    const int delta = rec.refAfter - rec.refBefore;
    const auto& info = core::stepInfo(rec.id);
    m_lastStep->setText(
        tr("Last step: <b>%1 %2</b> — page_count(D%3) %4 → %5 (<b>%6%7</b>)%8")
            .arg(QString::fromStdString(sim.scenario().threads[size_t(rec.thread)].name), qs(info.id))
            .arg(rec.page)
            .arg(rec.refBefore)
            .arg(rec.refAfter)
            .arg(delta > 0 ? QStringLiteral("+") : QString())
            .arg(delta)
            .arg(rec.note.empty() ? QString()
                                  : QStringLiteral("<br>") + QString::fromStdString(rec.note).toHtmlEscaped()));
    // Keep the line of the thread that just stepped in view: that is where the eye goes next.
    const int active = int(nextStep(sim.model(), sim.state(), rec.thread));
    if (auto* item = m_items[size_t(active)])
        m_tree->scrollToItem(item, QAbstractItemView::PositionAtCenter);
}

} // namespace msb::app
