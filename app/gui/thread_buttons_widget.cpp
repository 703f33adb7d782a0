// SPDX-License-Identifier: MIT
#include "app/gui/thread_buttons_widget.h"

#include "app/gui/keyboard_reach.h"
#include "app/gui/outcome.h"
#include "app/gui/translate.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace msb::app {

namespace {

QString roleOf(core::Pc pc, core::ThreadKind kind)
{
    if (kind == core::ThreadKind::Holder)
        return tr("holder H");
    if (pc == core::Pc::Done)
        return QStringLiteral("done");
    if (pc == core::Pc::Access)
        return QStringLiteral("faulting"); // M or W is decided by the entry the fault reads
    const char actor = core::stepInfo(core::nominalStep(pc)).actor;
    if (actor == 'M')
        return tr("migrator M");
    if (actor == 'W')
        return tr("waiter W");
    return QStringLiteral("faulting");
}

} // namespace

ThreadButtonsWidget::ThreadButtonsWidget(QWidget* parent)
    : QWidget(parent)
    , m_layout(new QVBoxLayout(this))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(2);
}

QPushButton* ThreadButtonsWidget::button(int thread) const
{
    return thread >= 0 && thread < threadCount() ? m_rows[size_t(thread)].button : nullptr;
}

QLabel* ThreadButtonsWidget::reasonLabel(int thread) const
{
    return thread >= 0 && thread < threadCount() ? m_rows[size_t(thread)].reason : nullptr;
}

void ThreadButtonsWidget::rebuild(const core::Scenario& scenario)
{
    for (auto& row : m_rows) {
        delete row.button;
        delete row.reason;
    }
    m_rows.clear();
    for (size_t t = 0; t < scenario.threads.size(); ++t) {
        auto* button = new QPushButton(this);
        // Keys 1-9 step threads from anywhere; Tab reaches the buttons too, and a click leaves
        // the focus where it was.
        makeTabReachable(button);
        button->setMinimumHeight(button->sizeHint().height() + 4);
        QFont bold = button->font();
        bold.setBold(true);
        button->setFont(bold);
        auto* reason = new QLabel(this);
        reason->setWordWrap(true);
        reason->setIndent(8);
        reason->setTextFormat(Qt::PlainText);
        connect(button, &QPushButton::clicked, this, [this, t] { Q_EMIT stepRequested(int(t)); });
        m_layout->addWidget(button);
        m_layout->addWidget(reason);
        m_layout->addSpacing(4);
        m_rows.push_back({button, reason});
    }
}

void ThreadButtonsWidget::showState(const core::Simulator& sim)
{
    QString key = QString::fromStdString(sim.scenario().name) + QString::number(sim.scenario().threads.size());
    if (key != m_scenarioKey || threadCount() != sim.model().threadCount()) {
        m_scenarioKey = key;
        rebuild(sim.scenario());
    }
    const core::State& state = sim.state();
    for (int t = 0; t < threadCount(); ++t) {
        const auto& spec = sim.scenario().threads[size_t(t)];
        const core::Pc pc = state.threads[size_t(t)].pc;
        const bool can = sim.canStep(t);
        auto& row = m_rows[size_t(t)];
        const QString name = QString::fromStdString(spec.name);
        const QString key = t < 9 ? QStringLiteral("   [%1]").arg(t + 1) : QString();
        row.button->setText(tr("Step %1 — %2%3").arg(name, roleOf(pc, spec.kind), key));
        row.button->setEnabled(can);
        QString text;
        if (can) {
            const auto& info = core::stepInfo(nextStep(sim.model(), state, t));
            text = tr("next %1: %2").arg(QString::fromUtf8(info.id), QString::fromUtf8(info.text));
        } else {
            text = tr("cannot step: %1").arg(QString::fromStdString(sim.blockedReason(t)));
        }
        // Long kernel identifiers (MIGRATE_PFN_MIGRATE) may break after '_' instead of running
        // out of the column; the tooltip keeps the plain text.
        QString shown = text;
        shown.replace(QLatin1Char('_'), QStringLiteral("_\u200B"));
        row.reason->setText(shown);
        row.button->setToolTip(text);
        QFont f = row.reason->font();
        f.setItalic(!can);
        row.reason->setFont(f);
    }
}

} // namespace msb::app
