// SPDX-License-Identifier: MIT
#include "app/gui/kernel_diff_dialog.h"

#include "app/gui/diff_side_view.h"
#include "app/gui/gui_error.h"
#include "app/gui/kernel_diff_run.h"
#include "app/gui/kernel_diff_text.h"
#include "app/gui/paired_step_model.h"
#include "app/gui/simulation_controller.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSlider>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

namespace msb::app {

namespace {

constexpr int kOutcomeReplay = 0;
constexpr int kLivelockReplay = 1;

QString sideName(int side)
{
    return side == 0 ? QStringLiteral("A") : QStringLiteral("B");
}

} // namespace

KernelDiffDialog::KernelDiffDialog(SimulationController* controller, QWidget* parent)
    : QDialog(parent)
    , m_controller(controller)
    , m_diffRun(new KernelDiffRun(this))
    , m_steps(new PairedStepModel(this))
    , m_fairness(new QComboBox(this))
    , m_run(new QPushButton(tr("Compare"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_result(new QLabel(this))
    , m_replayChoice(new QComboBox(this))
    , m_slider(new QSlider(Qt::Horizontal, this))
    , m_positionLabel(new QLabel(this))
    , m_first(new QPushButton(tr("Jump to first divergence"), this))
    , m_table(new QTableView(this))
{
    setWindowTitle(tr("Compare two kernels"));
    auto* layout = new QVBoxLayout(this);

    auto* inputs = new QHBoxLayout;
    inputs->addWidget(buildSideInput(0), 1);
    inputs->addWidget(buildSideInput(1), 1);
    layout->addLayout(inputs);

    auto* runRow = new QHBoxLayout;
    auto* fairnessLabel = new QLabel(tr("Fairness:"), this);
    fairnessLabel->setBuddy(m_fairness);
    m_fairness->addItem(tr("weak"));
    m_fairness->addItem(tr("none"));
    m_fairness->setAccessibleName(tr("Fairness"));
    m_fairness->setToolTip(tr("What counts as a livelock when each side is explored: weak (every ready thread "
                              "runs) or none (any cycle in which no access completes)."));
    runRow->addWidget(fairnessLabel);
    runRow->addWidget(m_fairness);
    runRow->addSpacing(12);
    m_run->setDefault(true);
    m_run->setToolTip(tr("Find the shortest schedule of thread choices whose outcomes differ under A and B, "
                         "on the window's scenario, and a livelock only one side has."));
    runRow->addWidget(m_run);
    m_progress->setTextVisible(false);
    runRow->addWidget(m_progress, 1);
    runRow->addWidget(m_cancel);
    layout->addLayout(runRow);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->setAccessibleName(tr("Comparison result"));
    layout->addWidget(m_result);

    auto* scenes = new QSplitter(Qt::Horizontal, this);
    scenes->setChildrenCollapsible(false);
    for (int side = 0; side < 2; ++side) {
        m_sides[std::size_t(side)].view = new DiffSideView(sideName(side), this);
        scenes->addWidget(m_sides[std::size_t(side)].view);
    }
    auto* lower = new QWidget(this);
    auto* lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    lowerLayout->addWidget(buildNavigation());
    m_table->setModel(m_steps);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAccessibleName(tr("Paired steps"));
    lowerLayout->addWidget(m_table, 1);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(scenes);
    split->addWidget(lower);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 0);
    split->setChildrenCollapsible(false);
    split->setSizes({560, 220});
    layout->addWidget(split, 1);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    for (int side = 0; side < 2; ++side) {
        auto* open =
            buttons->addButton(tr("Open side %1 in the main window").arg(sideName(side)), QDialogButtonBox::ActionRole);
        open->setToolTip(tr("Replay side %1's steps under its settings in the main window, at the choice shown "
                            "here.")
                             .arg(sideName(side)));
        m_sides[std::size_t(side)].open = open;
        connect(open, &QPushButton::clicked, this, [this, side] { openSide(side); });
    }
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(m_run, &QPushButton::clicked, this, &KernelDiffDialog::run);
    connect(m_cancel, &QPushButton::clicked, this, &KernelDiffDialog::cancel);
    connect(m_diffRun, &KernelDiffRun::progressed, m_status, &QLabel::setText);
    connect(m_diffRun, &KernelDiffRun::finished, this, &KernelDiffDialog::onFinished);
    connect(m_diffRun, &KernelDiffRun::cancelled, this, [this] {
        setRunning(false);
        m_status->setText(tr("Cancelled."));
    });
    // A result belongs to the scenario it was found on.
    connect(m_controller, &SimulationController::scenarioChanged, this, [this] {
        m_diffRun->clear();
        setRunning(false);
        clearResult(tr("The window's scenario changed: Compare runs on %1.")
                        .arg(QString::fromStdString(m_controller->scenario().name)));
    });
    connect(m_replayChoice, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index >= 0)
            showReplay(m_replayChoice->itemData(index).toInt());
    });
    connect(m_slider, &QSlider::valueChanged, this, [this] { showPosition(); });
    connect(m_first, &QPushButton::clicked, this, &KernelDiffDialog::jumpToFirstDivergence);
    connect(
        m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex& current) {
            if (current.isValid())
                setPosition(current.row() + 1);
        });

    const auto [presetA, presetB] = defaultDiffPresets(m_controller->settings());
    setSides(presetA, {}, presetB, {});
    applyPalette(false);
    setRunning(false);
    clearResult(tr("Compare two kernels on %1: the shortest schedule whose outcomes differ, or a livelock only "
                   "one side has, replayed here side by side.")
                    .arg(QString::fromStdString(m_controller->scenario().name)));
    resize(1300, 900);
}

KernelDiffDialog::~KernelDiffDialog() = default;

QWidget* KernelDiffDialog::buildSideInput(int side)
{
    SideControls& controls = m_sides[std::size_t(side)];
    auto* box = new QGroupBox(tr("Side %1").arg(sideName(side)), this);
    auto* form = new QFormLayout(box);
    controls.preset = new QComboBox(box);
    for (const core::Preset& preset : core::presets()) {
        const QString name = QString::fromUtf8(preset.name.data(), qsizetype(preset.name.size()));
        controls.preset->addItem(name);
        controls.preset->setItemData(controls.preset->count() - 1,
            QString::fromUtf8(preset.summary.data(), qsizetype(preset.summary.size())), Qt::ToolTipRole);
    }
    controls.preset->setAccessibleName(tr("Preset of side %1").arg(sideName(side)));
    form->addRow(tr("Preset:"), controls.preset);
    controls.knobs = new QLineEdit(box);
    controls.knobs->setPlaceholderText(tr("knob overrides, e.g. driver_lock=exclusive fault_ref=counted"));
    controls.knobs->setAccessibleName(tr("Knob overrides of side %1").arg(sideName(side)));
    controls.knobs->setToolTip(tr("key=value pairs, separated by spaces or commas: the words of the CLI's "
                                  "--set-a and --set-b."));
    form->addRow(tr("Knobs:"), controls.knobs);
    controls.error = new QLabel(box);
    controls.error->setWordWrap(true);
    QPalette palette = controls.error->palette();
    palette.setColor(QPalette::WindowText, QColor(0xc6, 0x28, 0x28));
    controls.error->setPalette(palette);
    controls.error->setVisible(false);
    form->addRow(controls.error);
    connect(controls.knobs, &QLineEdit::textEdited, controls.error, [error = controls.error] {
        error->clear();
        error->setVisible(false);
    });
    connect(controls.knobs, &QLineEdit::returnPressed, this, &KernelDiffDialog::run);
    return box;
}

QWidget* KernelDiffDialog::buildNavigation()
{
    auto* row = new QWidget(this);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* showLabel = new QLabel(tr("Replay:"), row);
    showLabel->setBuddy(m_replayChoice);
    m_replayChoice->setAccessibleName(tr("Replay shown"));
    m_replayChoice->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    layout->addWidget(showLabel);
    layout->addWidget(m_replayChoice);
    // Icon and word, as the main window's Back/Forward: the word stays readable in high contrast.
    auto button = [this, row, layout](QStyle::StandardPixmap icon, const QString& text, const QString& tip, auto slot) {
        auto* b = new QPushButton(style()->standardIcon(icon), text, row);
        b->setToolTip(tip);
        b->setAccessibleName(tip);
        connect(b, &QPushButton::clicked, this, slot);
        layout->addWidget(b);
        return b;
    };
    button(QStyle::SP_MediaSkipBackward, tr("Start"), tr("Initial state"), [this] { setPosition(0); });
    button(QStyle::SP_MediaSeekBackward, tr("Back"), tr("Previous choice"), [this] { setPosition(position() - 1); });
    m_slider->setAccessibleName(tr("Choice"));
    m_slider->setPageStep(1);
    layout->addWidget(m_slider, 1);
    button(QStyle::SP_MediaSeekForward, tr("Forward"), tr("Next choice"), [this] { setPosition(position() + 1); });
    button(QStyle::SP_MediaSkipForward, tr("End"), tr("Last choice"), [this] { setPosition(m_slider->maximum()); });
    layout->addWidget(m_first);
    m_positionLabel->setMinimumWidth(140);
    layout->addWidget(m_positionLabel);
    return row;
}

QString KernelDiffDialog::errorText(int side) const
{
    return m_sides[std::size_t(side)].error->text();
}

bool KernelDiffDialog::isRunning() const
{
    return m_diffRun->isRunning();
}

QString KernelDiffDialog::resultText() const
{
    return m_result->text();
}

QString KernelDiffDialog::statusText() const
{
    return m_status->text();
}

int KernelDiffDialog::position() const
{
    return m_slider->value();
}

void KernelDiffDialog::setSides(
    const QString& presetA, const QString& knobsA, const QString& presetB, const QString& knobsB)
{
    const std::array<std::pair<QString, QString>, 2> input {{{presetA, knobsA}, {presetB, knobsB}}};
    for (int side = 0; side < 2; ++side) {
        SideControls& controls = m_sides[std::size_t(side)];
        const int index = controls.preset->findText(input[std::size_t(side)].first);
        if (index >= 0)
            controls.preset->setCurrentIndex(index);
        controls.knobs->setText(input[std::size_t(side)].second);
        controls.error->clear();
        controls.error->setVisible(false);
    }
}

bool KernelDiffDialog::run()
{
    std::array<std::optional<DiffSide>, 2> sides;
    bool ok = true;
    for (int side = 0; side < 2; ++side) {
        SideControls& controls = m_sides[std::size_t(side)];
        DiffSideResult resolved =
            resolveDiffSide(controls.preset->currentText(), controls.knobs->text(), sideName(side));
        controls.error->setText(resolved.error);
        controls.error->setVisible(!resolved.error.isEmpty());
        ok = ok && resolved.side.has_value();
        sides[std::size_t(side)] = std::move(resolved.side);
    }
    if (!ok) {
        m_status->setText(tr("Fix the side marked in red, then compare."));
        return false;
    }
    for (int side = 0; side < 2; ++side) {
        m_settings[std::size_t(side)] = sides[std::size_t(side)]->settings;
        m_labels[std::size_t(side)] = sides[std::size_t(side)]->label;
    }
    clearResult(QString());
    setRunning(true);
    m_status->setText(tr("Comparing %1 with %2 on %3…")
                          .arg(m_labels[0], m_labels[1], QString::fromStdString(m_controller->scenario().name)));
    m_diffRun->start(m_controller->scenario(), m_settings[0], m_settings[1],
        m_fairness->currentIndex() == 1 ? core::Fairness::None : core::Fairness::Weak);
    return true;
}

void KernelDiffDialog::cancel()
{
    m_diffRun->cancel();
}

void KernelDiffDialog::setRunning(bool running)
{
    m_run->setEnabled(!running);
    m_cancel->setEnabled(running);
    m_progress->setRange(0, running ? 0 : 1); // busy: the number of pairs is not known in advance
    m_progress->setValue(running ? 0 : 1);
}

void KernelDiffDialog::clearResult(const QString& reason)
{
    m_replay.reset();
    m_sideReplays = {};
    m_steps->clear();
    m_result->setText(reason);
    {
        const QSignalBlocker blocker(m_replayChoice);
        m_replayChoice->clear();
    }
    m_replayChoice->setEnabled(false);
    {
        const QSignalBlocker blocker(m_slider);
        m_slider->setRange(0, 0);
    }
    m_slider->setEnabled(false);
    m_first->setEnabled(false);
    m_positionLabel->clear();
    for (int side = 0; side < 2; ++side) {
        m_sides[std::size_t(side)].view->clear(tr("No comparison yet."));
        m_sides[std::size_t(side)].open->setEnabled(false);
    }
}

void KernelDiffDialog::onFinished()
{
    setRunning(false);
    const KernelDiffRunResult* result = m_diffRun->result();
    if (!result)
        return;
    const core::KernelDiff& diff = result->diff;
    m_status->setText(diff.complete ? tr("Done.")
                                    : tr("Done, but the pair search is incomplete: %1.")
                                          .arg(QString::fromStdString(core::pairSearchIncompleteReason(diff))));
    m_result->setText(kernelDiffSentences(result->modelA, result->modelB, diff).join(QLatin1Char('\n')));
    for (int side = 0; side < 2; ++side)
        m_sides[std::size_t(side)].view->setTitle(m_labels[std::size_t(side)]);
    {
        const QSignalBlocker blocker(m_replayChoice);
        m_replayChoice->clear();
        if (diff.outcome)
            m_replayChoice->addItem(tr("the shortest differing schedule"), kOutcomeReplay);
        if (diff.livelock)
            m_replayChoice->addItem(tr("the livelock, replayed on both"), kLivelockReplay);
    }
    m_replayChoice->setEnabled(m_replayChoice->count() > 1);
    if (m_replayChoice->count() > 0) {
        showReplay(m_replayChoice->itemData(0).toInt());
    } else {
        for (int side = 0; side < 2; ++side)
            m_sides[std::size_t(side)].view->clear(tr("Nothing to replay: no schedule tells the two apart."));
    }
    Q_EMIT comparisonShown();
}

void KernelDiffDialog::showReplay(int which)
{
    const KernelDiffRunResult* result = m_diffRun->result();
    if (!result)
        return;
    const core::KernelDiff& diff = result->diff;
    m_replay = which == kLivelockReplay ? diff.livelock->replay : *diff.outcome;
    const std::array<const core::Model*, 2> models {&result->modelA, &result->modelB};
    for (int side = 0; side < 2; ++side) {
        SideReplay& replay = m_sideReplays[std::size_t(side)];
        replay.simulator = std::make_unique<core::Simulator>(
            models[std::size_t(side)]->scenario(), models[std::size_t(side)]->settings());
        // The side's own steps of this schedule ran once already (replayPaired): they replay.
        if (const auto replayed = replay.simulator->replay(side == 0 ? m_replay->scheduleA : m_replay->scheduleB);
            !replayed) {
            m_status->setText(app::errorText(replayed.error()));
            return;
        }
        replay.stepsBefore.assign(1, 0);
        for (const core::PairedStep& step : m_replay->steps) {
            const bool ran = (side == 0 ? step.stepA : step.stepB).has_value();
            replay.stepsBefore.push_back(replay.stepsBefore.back() + (ran ? 1 : 0));
        }
        m_sides[std::size_t(side)].open->setEnabled(true);
    }
    m_steps->setReplay(result->modelA.scenario(), *m_replay);
    if (which == kLivelockReplay)
        m_steps->setRounds(int(diff.livelock->livelock.prefix.size()), int(diff.livelock->livelock.cycle.size()));
    m_table->resizeColumnsToContents();
    m_first->setEnabled(m_steps->firstDivergenceRow().has_value());
    {
        const QSignalBlocker blocker(m_slider);
        m_slider->setRange(0, int(m_replay->steps.size()));
        m_slider->setValue(0);
    }
    m_slider->setEnabled(true);
    // Open on the step that matters.
    if (m_steps->firstDivergenceRow())
        jumpToFirstDivergence();
    else
        showPosition();
}

void KernelDiffDialog::setPosition(int position)
{
    m_slider->setValue(std::clamp(position, m_slider->minimum(), m_slider->maximum()));
}

void KernelDiffDialog::jumpToFirstDivergence()
{
    if (const auto row = m_steps->firstDivergenceRow()) {
        setPosition(*row + 1);
        showPosition(); // also when the slider was there already
    }
}

QString KernelDiffDialog::sideStatus(int side, int position) const
{
    const SideReplay& replay = m_sideReplays[std::size_t(side)];
    const core::Simulator& sim = *replay.simulator;
    const core::State& state = sim.stateAt(replay.stepsBefore[std::size_t(position)]);
    const QString outcome = QString::fromStdString(core::sideOutcomeText(core::sideOutcome(sim.model(), state)));
    if (position == 0)
        return tr("The initial state (%1).").arg(outcome);
    const core::PairedStep& step = m_replay->steps[std::size_t(position - 1)];
    const QString thread = QString::fromStdString(sim.scenario().threads[std::size_t(step.thread)].name);
    const auto& ran = side == 0 ? step.stepA : step.stepB;
    if (!ran) {
        const core::State& before = sim.stateAt(replay.stepsBefore[std::size_t(position - 1)]);
        const bool ended = sim.model().status(before) != core::Outcome::Running;
        return (ended ? tr("Choice %1 (%2): stuttered, the run had ended (%3).")
                      : tr("Choice %1 (%2): stuttered, %2 has finished (%3)."))
            .arg(position)
            .arg(thread, outcome);
    }
    const core::StepRecord& record = sim.history()[std::size_t(replay.stepsBefore[std::size_t(position)] - 1)];
    return tr("Choice %1 (%2): %3 (%4).")
        .arg(position)
        .arg(thread, QString::fromStdString(sim.describe(record)), outcome);
}

void KernelDiffDialog::showPosition()
{
    if (!m_replay || !m_sideReplays[0].simulator)
        return;
    const int p = position();
    const std::optional<int> first = m_steps->firstDivergenceRow();
    const bool atFirst = first && p == *first + 1;
    for (int side = 0; side < 2; ++side) {
        const SideReplay& replay = m_sideReplays[std::size_t(side)];
        const core::Simulator& sim = *replay.simulator;
        const int steps = replay.stepsBefore[std::size_t(p)];
        const bool ran = p > 0 && replay.stepsBefore[std::size_t(p - 1)] < steps;
        const core::StepRecord* last = ran ? &sim.history()[std::size_t(steps - 1)] : nullptr;
        m_sides[std::size_t(side)].view->showState(sim.model(), sim.stateAt(steps), last, sideStatus(side, p), atFirst);
    }
    m_positionLabel->setText(atFirst ? tr("choice %1 of %2: first divergence").arg(p).arg(m_slider->maximum())
                                     : tr("choice %1 of %2").arg(p).arg(m_slider->maximum()));
    const QSignalBlocker blocker(m_table->selectionModel());
    if (p > 0) {
        const QModelIndex row = m_steps->index(p - 1, 0);
        m_table->selectionModel()->setCurrentIndex(
            row, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_table->scrollTo(row);
    } else {
        m_table->selectionModel()->clear();
    }
}

void KernelDiffDialog::openSide(int side)
{
    if (!m_replay)
        return;
    const std::vector<int>& schedule = side == 0 ? m_replay->scheduleA : m_replay->scheduleB;
    Q_EMIT openSideRequested(
        m_settings[std::size_t(side)], schedule, m_sideReplays[std::size_t(side)].stepsBefore[std::size_t(position())]);
}

void KernelDiffDialog::applyPalette(bool highContrast)
{
    m_highContrast = highContrast;
    for (const SideControls& controls : m_sides)
        controls.view->applyPalette(highContrast);
    showPosition();
}

void KernelDiffDialog::hideEvent(QHideEvent* event)
{
    // Closed: a comparison still running is of no use to anyone.
    m_diffRun->cancel();
    QDialog::hideEvent(event);
}

void KernelDiffDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange)
        applyPalette(m_highContrast);
    QDialog::changeEvent(event);
}

} // namespace msb::app
