// SPDX-License-Identifier: MIT
#include "app/gui/explore_panel.h"

#include "app/gui/find_state_box.h"
#include "app/gui/preset_exploration.h"
#include "core/memory_budget.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QStringList>
#include <QTableView>
#include <QVBoxLayout>

#include <optional>

namespace msb::app {

namespace {
QString notExplored()
{
    return QCoreApplication::translate("msb::app::ExplorePanel",
        "Not explored yet: every interleaving of the current scenario, "
        "under each preset, side by side.");
}
} // namespace

ExplorePanel::ExplorePanel(PresetExploration* exploration, QWidget* parent)
    : QWidget(parent)
    , m_exploration(exploration)
    , m_table(new QTableView(this))
    , m_run(new QPushButton(tr("Explore every interleaving"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_compare(new QPushButton(tr("Compare two kernels…"), this))
    , m_progress(new QProgressBar(this))
    , m_memoryBudget(new QSpinBox(this))
    , m_symmetry(new QCheckBox(tr("Fold interchangeable threads"), this))
    , m_fairness(new QComboBox(this))
    , m_status(new QLabel(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* buttons = new QHBoxLayout;
    m_run->setFocusPolicy(Qt::NoFocus);
    m_cancel->setFocusPolicy(Qt::NoFocus);
    m_progress->setTextVisible(false);
    buttons->addWidget(m_run);
    buttons->addWidget(m_progress, 1);
    buttons->addWidget(m_cancel);
    m_compare->setFocusPolicy(Qt::NoFocus);
    m_compare->setToolTip(tr("What tells two presets apart on this scenario: the shortest schedule whose outcomes "
                             "differ, replayed side by side."));
    buttons->addWidget(m_compare);
    layout->addLayout(buttons);
    auto* budget = new QHBoxLayout;
    auto* budgetLabel = new QLabel(tr("Memory budget per preset:"), this);
    budgetLabel->setBuddy(m_memoryBudget);
    m_memoryBudget->setRange(0, 1024 * 1024);
    m_memoryBudget->setSuffix(tr(" MiB"));
    m_memoryBudget->setSpecialValueText(tr("automatic"));
    m_memoryBudget->setAccessibleName(tr("Memory budget per preset"));
    m_memoryBudget->setToolTip(tr("A run that would need more stops with an incomplete verdict instead "
                                  "of being killed for lack of memory. Automatic: three quarters of "
                                  "the memory available when the run starts."));
    budget->addWidget(budgetLabel);
    budget->addWidget(m_memoryBudget);
    budget->addSpacing(16);
    m_symmetry->setChecked(m_exploration->symmetry());
    m_symmetry->setToolTip(tr("Threads with the same program are interchangeable: one state per "
                              "renaming is explored. The verdicts are the same and counterexamples "
                              "still name real threads; only the state counts shrink."));
    budget->addWidget(m_symmetry);
    budget->addSpacing(16);
    auto* fairnessLabel = new QLabel(tr("Fairness:"), this);
    fairnessLabel->setBuddy(m_fairness);
    m_fairness->addItem(tr("weak"));
    m_fairness->addItem(tr("none"));
    m_fairness->setCurrentIndex(m_exploration->fairness() == core::Fairness::None ? 1 : 0);
    m_fairness->setAccessibleName(tr("Fairness"));
    m_fairness->setToolTip(tr("Weak: a livelock is a cycle in which every ready thread gets to run. "
                              "None: any cycle in which no access completes; a thread may never get "
                              "a CPU again, as when the lock holder waits for work queued behind a "
                              "spinning CPU."));
    budget->addWidget(fairnessLabel);
    budget->addWidget(m_fairness);
    budget->addStretch(1);
    layout->addLayout(budget);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    m_table->setModel(model());
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setFocusPolicy(Qt::NoFocus);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setWordWrap(false);
    layout->addWidget(m_table, 1);

    connect(m_run, &QPushButton::clicked, m_exploration, &PresetExploration::start);
    connect(m_cancel, &QPushButton::clicked, this, &ExplorePanel::cancel);
    connect(m_compare, &QPushButton::clicked, this, &ExplorePanel::compareKernelsRequested);
    connect(m_memoryBudget, &QSpinBox::valueChanged, this, [this](int mebibytes) {
        m_exploration->setMemoryBudget(
            mebibytes > 0 ? std::optional<std::uint64_t>(std::uint64_t(mebibytes) << 20) : std::nullopt);
    });
    connect(m_symmetry, &QCheckBox::toggled, m_exploration, &PresetExploration::setSymmetry);
    connect(m_fairness, &QComboBox::currentIndexChanged, this,
        [this](int index) { m_exploration->setFairness(index == 1 ? core::Fairness::None : core::Fairness::Weak); });
    connect(m_table, &QTableView::clicked, this, [this](const QModelIndex& index) {
        const auto cx = model()->counterexample(index);
        if (!cx)
            return;
        Q_EMIT counterexampleRequested(model()->settings(index.column()), cx->schedule(), int(cx->prefix.size()));
    });
    connect(m_exploration, &PresetExploration::started, this, [this] {
        setRunning(true);
        m_status->setText(tr("Exploring…"));
    });
    connect(m_exploration, &PresetExploration::progressed, this,
        [this](int column, qulonglong states, qulonglong transitions, const QString& phase, double) {
            onProgress(column, states, transitions, phase);
        });
    connect(m_exploration, &PresetExploration::finished, this, &ExplorePanel::onFinished);
    connect(m_exploration, &PresetExploration::cancelled, this, [this] {
        setRunning(false);
        m_status->setText(tr("Cancelled. Columns marked … were not explored."));
        Q_EMIT explorationFinished(false);
    });
    connect(m_exploration, &PresetExploration::cleared, this, [this] {
        setRunning(false);
        m_status->setText(notExplored());
    });
    setRunning(m_exploration->isRunning());
    m_status->setText(m_exploration->isRunning() ? tr("Exploring…") : notExplored());
}

VerdictModel* ExplorePanel::model() const
{
    return m_exploration->verdicts();
}

bool ExplorePanel::isRunning() const
{
    return m_exploration->isRunning();
}

QString ExplorePanel::statusText() const
{
    return m_status->text();
}

void ExplorePanel::setFindBox(FindStateBox* box)
{
    m_findBox = box;
    box->setParent(this);
    static_cast<QVBoxLayout*>(layout())->insertWidget(0, box);
}

void ExplorePanel::setRunning(bool running)
{
    m_run->setEnabled(!running && m_exploration->hasScenario());
    m_cancel->setEnabled(running);
    // Busy while running: the number of states is not known in advance.
    m_progress->setRange(0, running ? 0 : 1);
    m_progress->setValue(running ? 0 : 1);
}

void ExplorePanel::start(const core::Scenario& scenario)
{
    m_exploration->setScenario(scenario);
    m_exploration->start();
}

void ExplorePanel::cancel()
{
    m_exploration->cancel();
}

void ExplorePanel::onProgress(int column, qulonglong states, qulonglong transitions, const QString& phase)
{
    m_status->setText(tr("Exploring %1: %2 states, %3 transitions (%4)…")
                          .arg(model()->headerData(column, Qt::Horizontal).toString())
                          .arg(states)
                          .arg(transitions)
                          .arg(phase));
}

void ExplorePanel::onFinished(bool complete)
{
    setRunning(false);
    std::uint64_t states = 0;
    core::Fairness fairness = m_exploration->fairness();
    QStringList overBudget;
    std::uint64_t budget = 0;
    bool stateLimit = false;
    for (int c = 0; c < model()->columnCount(); ++c) {
        const auto& result = model()->result(c);
        if (!result)
            continue;
        states += result->states;
        fairness = result->fairness;
        if (result->stoppedBy == core::ExploreStop::MemoryBudget) {
            overBudget << model()->headerData(c, Qt::Horizontal).toString();
            budget = result->memoryBudget;
        }
        stateLimit = stateLimit || result->stoppedBy == core::ExploreStop::MaxStates;
    }
    QString text = tr("Done: %1 states in total, livelock under fairness %2%3. Click a red “YES ▸” to "
                      "load its counterexample.")
                       .arg(states)
                       .arg(QString::fromUtf8(core::fairnessName(fairness).data()))
                       .arg(fairness == core::Fairness::None ? tr(" (a thread may never run again)")
                                                             : tr(" (every ready thread runs)"));
    if (!overBudget.isEmpty()) {
        // Say which runs are unfinished and what to change: the "?" cells alone do not.
        text += tr(" Incomplete: %1 stopped at the memory budget (%2), so their “?” cells are unknown. "
                   "Raise the memory budget or explore a smaller scenario.")
                    .arg(overBudget.join(QStringLiteral(", ")), QString::fromStdString(core::formatBytes(budget)));
    } else if (stateLimit || !complete) {
        text += tr(" Incomplete: some runs hit the state limit, so their “?” cells are unknown.");
    }
    m_status->setText(text);
    Q_EMIT explorationFinished(complete);
}

} // namespace msb::app
