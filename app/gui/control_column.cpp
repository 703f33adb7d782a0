// SPDX-License-Identifier: MIT
#include "app/gui/control_column.h"

#include "app/gui/prospects_strip.h"
#include "app/gui/run_prospects.h"
#include "app/gui/session_gate.h"
#include "app/gui/settings_panel.h"
#include "app/gui/simulation_controller.h"
#include "app/gui/thread_buttons_widget.h"
#include "core/steps.h"

#include <QAction>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace msb::app {

ControlColumn::ControlColumn(SessionGate* gate, const TransportActions& transport, QWidget* parent)
    : QScrollArea(parent)
    , m_gate(gate)
    , m_controller(gate->controller())
    , m_threadButtons(new ThreadButtonsWidget(this))
    , m_settingsPanel(new SettingsPanel(this))
    , m_speed(new QSlider(Qt::Horizontal, this))
    , m_scheduleMode(new QComboBox(this))
    , m_seed(new QSpinBox(this))
    , m_timelineSlider(new QSlider(Qt::Horizontal, this))
    , m_timelineLabel(new QLabel(this))
    , m_narrationTitle(new QLabel(this))
    , m_narrationEdit(new QPlainTextEdit(this))
{
    auto* column = new QWidget(this);
    auto* layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 6, 0);
    layout->addWidget(buildThreads(column));
    layout->addWidget(buildTimeline(column, transport));
    auto* patch = new QGroupBox(tr("The check"), column);
    auto* patchLayout = new QVBoxLayout(patch);
    patchLayout->addWidget(m_settingsPanel);
    layout->addWidget(patch);
    layout->addWidget(buildNarration(column));
    layout->addStretch(1);

    setWidget(column);
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    // Refusals are the gate's to report (SessionGate::refused).
    connect(m_threadButtons, &ThreadButtonsWidget::stepRequested, m_gate, [this](int t) { (void)m_gate->step(t); });
    connect(m_settingsPanel, &SettingsPanel::settingsRequested, m_gate,
        [this](const core::Settings& settings) { (void)m_gate->setSettings(settings); });
    connect(m_controller, &SimulationController::settingsChanged, m_settingsPanel, &SettingsPanel::setSettings);
    m_settingsPanel->setSettings(m_controller->settings());
    connect(m_controller, &SimulationController::stateChanged, this, &ControlColumn::refresh);
    connect(m_gate, &SessionGate::changed, this, &ControlColumn::refresh);
    refresh();
}

QWidget* ControlColumn::buildThreads(QWidget* parent)
{
    auto* threads = new QGroupBox(tr("Step a thread"), parent);
    auto* threadsLayout = new QVBoxLayout(threads);
    threadsLayout->addWidget(m_threadButtons);
    return threads;
}

QWidget* ControlColumn::buildTimeline(QWidget* parent, const TransportActions& transport)
{
    auto* timeline = new QGroupBox(tr("Timeline"), parent);
    auto* timelineLayout = new QVBoxLayout(timeline);
    auto* buttons = new QHBoxLayout;
    for (QAction* action : {transport.back, transport.play, transport.forward, transport.reset}) {
        auto* button = new QToolButton(timeline);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        // Out of the Tab chain: Space and the arrows are the window's step keys, so a focused
        // button would only confuse them; each action has its own key (tooltip, Run menu).
        button->setFocusPolicy(Qt::NoFocus);
        button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        buttons->addWidget(button);
    }
    timelineLayout->addLayout(buttons);
    // Scrub over every position of the run, the redo tail included (an opened recording).
    // Reachable by Tab; Home/End and PageUp/PageDown move it (the arrows stay undo/redo).
    m_timelineSlider->setFocusPolicy(Qt::TabFocus);
    m_timelineSlider->setToolTip(tr("Drag to move through the run; steps after the handle stay for redo"));
    m_timelineSlider->setAccessibleName(tr("Timeline position"));
    connect(m_timelineSlider, &QSlider::valueChanged, this, [this](int value) {
        // Dragged past the limit: as far as the gate lets the run go.
        value = std::min(value, m_gate->reachablePosition());
        if (value != m_controller->position())
            (void)m_gate->jumpTo(value);
        if (m_timelineSlider->value() != m_controller->position())
            refresh(); // held (or refused): the handle goes back
    });
    auto* scrub = new QHBoxLayout;
    // Under the slider, the run's turning points; under both, what is still possible from here.
    auto* sliderAndMarks = new QVBoxLayout;
    sliderAndMarks->setSpacing(0);
    sliderAndMarks->addWidget(m_timelineSlider);
    m_prospectsStrip = new ProspectsStrip(m_timelineSlider, timeline);
    sliderAndMarks->addWidget(m_prospectsStrip);
    scrub->addLayout(sliderAndMarks, 1);
    m_timelineLabel->setAccessibleName(tr("Position in the run"));
    scrub->addWidget(m_timelineLabel, 0, Qt::AlignTop);
    timelineLayout->addLayout(scrub);
    m_prospectsLine = new QLabel(timeline);
    m_prospectsLine->setWordWrap(true);
    m_prospectsLine->setAccessibleName(tr("Still possible from this position"));
    m_prospectsLine->setVisible(false);
    timelineLayout->addWidget(m_prospectsLine);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_speed->setRange(1, 20);
    m_speed->setValue(m_controller->stepsPerSecond());
    m_speed->setFocusPolicy(Qt::TabFocus);
    m_speed->setToolTip(tr("Steps per second while playing"));
    m_speed->setAccessibleName(tr("Playing speed, steps per second"));
    connect(m_speed, &QSlider::valueChanged, m_controller, &SimulationController::setStepsPerSecond);
    form->addRow(tr("Spee&d:"), m_speed);
    m_scheduleMode->addItem(tr("Round robin"));
    m_scheduleMode->addItem(tr("Random (seeded)"));
    m_scheduleMode->setFocusPolicy(Qt::TabFocus);
    m_scheduleMode->setAccessibleName(tr("Auto-schedule"));
    m_seed->setRange(0, 999999);
    m_seed->setValue(1);
    m_seed->setEnabled(false);
    m_seed->setAccessibleName(tr("Random schedule seed"));
    auto applyMode = [this] {
        const bool random = m_scheduleMode->currentIndex() == 1;
        m_seed->setEnabled(random);
        m_controller->setScheduleMode(
            random ? ScheduleMode::Random : ScheduleMode::RoundRobin, quint64(m_seed->value()));
    };
    connect(m_scheduleMode, &QComboBox::currentIndexChanged, this, applyMode);
    connect(m_seed, &QSpinBox::valueChanged, this, applyMode);
    form->addRow(tr("Auto-sc&hedule:"), m_scheduleMode);
    form->addRow(tr("S&eed:"), m_seed);
    timelineLayout->addLayout(form);
    return timeline;
}

QWidget* ControlColumn::buildNarration(QWidget* parent)
{
    // Narration belongs to the step that led to the current position; Save recording keeps it.
    auto* narration = new QGroupBox(tr("Narration"), parent);
    auto* narrationLayout = new QVBoxLayout(narration);
    m_narrationTitle->setWordWrap(true);
    narrationLayout->addWidget(m_narrationTitle);
    m_narrationEdit->setTabChangesFocus(true);
    m_narrationEdit->setAccessibleName(tr("Narration of the current step"));
    m_narrationEdit->setMinimumHeight(m_narrationEdit->fontMetrics().lineSpacing() * 4);
    m_narrationEdit->setMaximumHeight(m_narrationEdit->fontMetrics().lineSpacing() * 7);
    narrationLayout->addWidget(m_narrationEdit);
    connect(m_narrationEdit, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_updatingNarration && m_controller->position() > 0)
            (void)m_gate->setNarration(m_controller->position() - 1, m_narrationEdit->toPlainText());
    });
    return narration;
}

void ControlColumn::refresh()
{
    const core::Simulator& sim = m_controller->simulator();
    m_threadButtons->showState(sim);
    {
        const QSignalBlocker block(m_timelineSlider);
        m_timelineSlider->setRange(0, sim.historySize());
        m_timelineSlider->setValue(sim.position());
    }
    const bool readOnly = m_gate->isReadOnly();
    m_timelineSlider->setEnabled(!readOnly && sim.historySize() > 0);
    m_threadButtons->setEnabled(!readOnly);
    m_settingsPanel->setEnabled(!readOnly);
    m_narrationEdit->setReadOnly(readOnly);
    m_timelineLabel->setText(QStringLiteral("%1 / %2").arg(sim.position()).arg(sim.historySize()));
    refreshNarration();
    refreshProspects();
}

void ControlColumn::setProspects(RunProspects* prospects)
{
    m_prospects = prospects;
    connect(m_prospects, &RunProspects::updated, this, &ControlColumn::refreshProspects);
    m_prospectsLine->setVisible(true);
    refreshProspects();
}

void ControlColumn::refreshProspects()
{
    if (!m_prospects)
        return;
    std::map<int, ProspectsStrip::Mark> marks;
    for (const core::TurningPoint& point : m_prospects->turningPoints()) {
        ProspectsStrip::Mark& mark = marks[point.step];
        const bool lostCompletion = point.outcome == core::Outcome::Completes && !point.inevitable;
        const bool badCertain = point.outcome != core::Outcome::Completes && point.inevitable;
        mark.bad = mark.bad || lostCompletion || badCertain;
    }
    for (const auto& [step, sentences] : m_prospects->sentences())
        marks[step].sentences = sentences;
    m_prospectsStrip->setMarks(m_controller->historySize(), std::move(marks));
    m_prospectsLine->setText(m_prospects->currentLine());
    m_prospectsLine->setToolTip(m_prospects->statusText());
}

void ControlColumn::refreshNarration()
{
    const int step = m_controller->position() - 1;
    const QString text = m_controller->narration(step);
    if (step < 0) {
        m_narrationTitle->setText(tr("Step first: narration belongs to the step that led here."));
    } else {
        const core::StepRecord& record = m_controller->simulator().history()[size_t(step)];
        m_narrationTitle->setText(
            tr("Step %1: %2 %3")
                .arg(step + 1)
                .arg(QString::fromStdString(m_controller->scenario().threads[size_t(record.thread)].name),
                    QString::fromUtf8(core::stepInfo(record.id).id)));
    }
    m_narrationEdit->setEnabled(step >= 0);
    m_narrationEdit->setPlaceholderText(
        step >= 0 ? tr("What happens at this step, in your words (saved with the recording).") : QString());
    // Only replace the text when it differs, so typing keeps the cursor where it is.
    if (step != m_narrationStep || m_narrationEdit->toPlainText() != text) {
        m_updatingNarration = true;
        m_narrationEdit->setPlainText(text);
        m_updatingNarration = false;
    }
    m_narrationStep = step;
}

int ControlColumn::fittingWidth()
{
    // The column never scrolls sideways: it is as wide as its widest row needs.
    QWidget* column = widget();
    column->adjustSize();
    const int width = column->minimumSizeHint().width() + verticalScrollBar()->sizeHint().width() + 4;
    setMinimumWidth(width);
    return width;
}

} // namespace msb::app
