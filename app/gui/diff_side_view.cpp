// SPDX-License-Identifier: MIT
#include "app/gui/diff_side_view.h"

#include "app/gui/paired_step_model.h"
#include "scenes/race_scene.h"
#include "scenes/race_view.h"

#include <QApplication>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace msb::app {

DiffSideView::DiffSideView(const QString& side, QWidget* parent)
    : QWidget(parent)
    , m_side(side)
    , m_title(new QLabel(this))
    , m_status(new QLabel(this))
    , m_badge(new QLabel(tr("▶ first divergence"), this))
    , m_frame(new QFrame(this))
    , m_scene(new scenes::RaceScene(this))
    , m_view(new scenes::RaceView(m_scene, m_frame))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* header = new QHBoxLayout;
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    header->addWidget(m_title, 1);
    m_badge->setAutoFillBackground(true);
    QPalette badge = m_badge->palette();
    badge.setColor(QPalette::Window, PairedStepModel::divergenceColor());
    badge.setColor(QPalette::WindowText, Qt::black);
    m_badge->setPalette(badge);
    m_badge->setFont(bold);
    m_badge->setContentsMargins(6, 1, 6, 1);
    m_badge->setVisible(false);
    header->addWidget(m_badge);
    layout->addLayout(header);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    // The frame's border is the divergence highlight: a thick coloured line, or none.
    m_frame->setObjectName(QStringLiteral("diffSideFrame"));
    auto* frameLayout = new QVBoxLayout(m_frame);
    frameLayout->setContentsMargins(4, 4, 4, 4);
    frameLayout->addWidget(m_view);
    m_view->setAccessibleName(tr("Race scene, side %1").arg(side));
    m_view->setMinimumSize(360, 260);
    layout->addWidget(m_frame, 1);
    m_scene->setReduceMotion(true);
    setDivergence(false);
    setTitle(QString());
}

QString DiffSideView::title() const
{
    return m_title->text();
}

QString DiffSideView::statusText() const
{
    return m_status->text();
}

void DiffSideView::setTitle(const QString& label)
{
    m_title->setText(label.isEmpty() ? tr("Side %1").arg(m_side) : tr("Side %1: %2").arg(m_side, label));
}

void DiffSideView::showState(const core::Model& model, const core::State& state, const core::StepRecord* lastStep,
    const QString& status, bool firstDivergence)
{
    m_scene->showState(model, state, lastStep, false);
    m_status->setText(status);
    setDivergence(firstDivergence);
}

void DiffSideView::clear(const QString& hint)
{
    m_status->setText(hint);
    setDivergence(false);
}

void DiffSideView::applyPalette(bool highContrast)
{
    m_scene->setHighContrast(highContrast);
    m_scene->setPalette(QApplication::palette());
}

void DiffSideView::setDivergence(bool on)
{
    m_divergence = on;
    m_badge->setVisible(on);
    m_frame->setStyleSheet(on ? QStringLiteral("#diffSideFrame { border: 4px solid %1; border-radius: 4px; }")
                                    .arg(PairedStepModel::divergenceColor().name())
                              : QStringLiteral("#diffSideFrame { border: 4px solid transparent; }"));
}

} // namespace msb::app
