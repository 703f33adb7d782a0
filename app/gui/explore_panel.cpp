// SPDX-License-Identifier: MIT
#include "app/gui/explore_panel.h"

#include "app/gui/outcome_presentation.h"

#include <QCoreApplication>
#include <QHeaderView>
#include <QLabel>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace msb::app {

namespace {
const QString kNotExplored = QStringLiteral("Not explored yet: every interleaving of the current scenario, "
                                            "under each preset, side by side.");
} // namespace

ExplorePanel::ExplorePanel(QWidget* parent)
    : QWidget(parent)
    , m_model(new VerdictModel(this))
    , m_table(new QTableView(this))
    , m_run(new QPushButton(QStringLiteral("Explore every interleaving"), this))
    , m_cancel(new QPushButton(QStringLiteral("Cancel"), this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
{
    m_pool.setMaxThreadCount(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* buttons = new QHBoxLayout;
    m_run->setFocusPolicy(Qt::NoFocus);
    m_cancel->setFocusPolicy(Qt::NoFocus);
    m_progress->setTextVisible(false);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    buttons->addWidget(m_run);
    buttons->addWidget(m_progress, 1);
    buttons->addWidget(m_cancel);
    layout->addLayout(buttons);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    m_table->setModel(m_model);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setFocusPolicy(Qt::NoFocus);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setWordWrap(false);
    layout->addWidget(m_table, 1);

    connect(m_run, &QPushButton::clicked, this, [this] { start(m_scenario); });
    connect(m_cancel, &QPushButton::clicked, this, &ExplorePanel::cancel);
    connect(m_table, &QTableView::clicked, this, [this](const QModelIndex& index) {
        const auto cx = m_model->counterexample(index);
        if (!cx)
            return;
        Q_EMIT counterexampleRequested(m_model->settings(index.column()), cx->schedule(), int(cx->prefix.size()));
    });
    setRunning(false);
    m_status->setText(kNotExplored);
}

ExplorePanel::~ExplorePanel()
{
    if (m_cancelFlag)
        m_cancelFlag->store(true);
    m_pool.waitForDone();
}

QString ExplorePanel::statusText() const
{
    return m_status->text();
}

void ExplorePanel::setRunning(bool running)
{
    m_running = running;
    m_run->setEnabled(!running);
    m_cancel->setEnabled(running);
    if (running)
        m_progress->setRange(0, 0); // busy: the number of states is not known in advance
    else
        m_progress->setRange(0, 1);
    m_progress->setValue(running ? 0 : 1);
}

void ExplorePanel::clear()
{
    cancel();
    m_model->resetColumns({});
    m_status->setText(kNotExplored);
}

void ExplorePanel::cancel()
{
    if (m_cancelFlag)
        m_cancelFlag->store(true);
}

void ExplorePanel::start(const core::Scenario& scenario)
{
    cancel();
    m_scenario = scenario;
    const int job = ++m_jobId;
    auto cancelFlag = std::make_shared<std::atomic<bool>>(false);
    m_cancelFlag = cancelFlag;

    std::vector<std::pair<QString, core::Settings>> columns;
    for (const auto& preset : core::presets())
        columns.emplace_back(QString::fromUtf8(preset.name.data(), qsizetype(preset.name.size())), preset.settings);
    m_model->resetColumns(columns);
    setRunning(true);
    m_status->setText(QStringLiteral("Exploring…"));

    // Results come back through queued calls on the GUI thread; a job id drops stale ones and the
    // QPointer drops them once the panel is gone (STYLE.md 7.3, jobtracker shape).
    QPointer<ExplorePanel> self(this);
    auto deliver = [self, job](auto&& fn) {
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, job, fn = std::forward<decltype(fn)>(fn)] {
                if (self && self->m_jobId == job)
                    fn(self.data());
            },
            Qt::QueuedConnection);
    };
    const std::uint64_t maxStates = m_maxStates;
    (void)QtConcurrent::run(&m_pool, [scenario, columns, cancelFlag, deliver, maxStates] {
        bool cancelled = false;
        for (size_t c = 0; c < columns.size() && !cancelled; ++c) {
            const core::Model model(scenario, columns[c].second);
            core::ExploreOptions options;
            options.cancel = cancelFlag.get();
            options.maxStates = maxStates;
            const int column = int(c);
            options.progress = [&deliver, column](const core::ExploreProgress& p) {
                const QString phase = QString::fromUtf8(p.phase.data(), qsizetype(p.phase.size()));
                deliver([column, states = p.states, transitions = p.transitions, phase, seconds = p.seconds](
                            ExplorePanel* panel) { panel->onProgress(column, states, transitions, phase, seconds); });
            };
            core::ExploreResult result = core::explore(model, options);
            cancelled = result.cancelled || cancelFlag->load();
            if (!result.cancelled)
                deliver([column, result](ExplorePanel* panel) { panel->onResult(column, result); });
        }
        deliver([cancelled](ExplorePanel* panel) { panel->onFinished(cancelled); });
    });
}

void ExplorePanel::onProgress(int column, quint64 states, quint64 transitions, const QString& phase, double seconds)
{
    Q_EMIT progressSnapshot(m_model->headerData(column, Qt::Horizontal).toString(), seconds, states);
    m_status->setText(QStringLiteral("Exploring %1: %2 states, %3 transitions (%4)…")
                          .arg(m_model->headerData(column, Qt::Horizontal).toString())
                          .arg(states)
                          .arg(transitions)
                          .arg(phase));
}

void ExplorePanel::onResult(int column, const core::ExploreResult& result)
{
    m_model->setResult(column, result);
    Q_EMIT presetExplored(m_model->headerData(column, Qt::Horizontal).toString(), result.seconds,
        qulonglong(result.states), verdictSummary(result));
}

void ExplorePanel::onFinished(bool cancelled)
{
    setRunning(false);
    std::uint64_t states = 0;
    bool complete = !cancelled;
    for (int c = 0; c < m_model->columnCount(); ++c) {
        const auto& r = m_model->result(c);
        if (!r) {
            complete = false;
            continue;
        }
        states += r->states;
        complete = complete && r->complete;
    }
    if (cancelled)
        m_status->setText(QStringLiteral("Cancelled. Columns marked … were not explored."));
    else
        m_status->setText(
            QStringLiteral("Done: %1 states in total%2. Click a red “YES ▸” to load its counterexample.")
                .arg(states)
                .arg(complete ? QString() : QStringLiteral(" (some runs hit the state limit: ? = unknown)")));
    Q_EMIT explorationFinished(complete);
}

} // namespace msb::app
