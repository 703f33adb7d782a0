// SPDX-License-Identifier: MIT
// The Explore tab: the verdicts of a PresetExploration (every interleaving of the current scenario,
// under each preset) side by side, with its run/cancel buttons and progress. Clicking a reached
// bad outcome asks for its counterexample.
#pragma once

#include "app/gui/core_metatypes.h"
#include "app/gui/verdict_model.h"
#include "core/scenario.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QCheckBox;
class QComboBox;
class QSpinBox;
class QTableView;

namespace msb::app {

class FindStateBox;
class PresetExploration;

class ExplorePanel : public QWidget
{
    Q_OBJECT

public:
    /*! Shows exploration, which the caller owns (the window shares it with the charts). */
    explicit ExplorePanel(PresetExploration* exploration, QWidget* parent = nullptr);

    PresetExploration* exploration() const { return m_exploration; }
    VerdictModel* model() const;
    QTableView* table() const { return m_table; }
    /*! Each preset's memory budget in MiB; 0 (the default) lets the core choose a safe share of
        the memory available when the run starts. */
    QSpinBox* memoryBudgetBox() const { return m_memoryBudget; }
    QCheckBox* symmetryBox() const { return m_symmetry; }
    /*! Fairness weak (index 0) or none (index 1), as core::kFairnesses. */
    QComboBox* fairnessBox() const { return m_fairness; }
    bool isRunning() const;
    QString statusText() const;
    /*! "Find a state", shown above the exploration's controls once set (null before). */
    void setFindBox(FindStateBox* box);
    FindStateBox* findBox() const { return m_findBox; }

public Q_SLOTS:
    /*! Explores scenario under every preset (it becomes the exploration's scenario). */
    void start(const msb::core::Scenario& scenario);
    void cancel();

Q_SIGNALS:
    /*! The run ended: every preset explored (complete is false when a run hit the state limit),
        or cancelled (complete is false). */
    void explorationFinished(bool complete);
    /*! The user clicked a reached bad outcome: replay schedule under settings. */
    void counterexampleRequested(const msb::core::Settings& settings, const std::vector<int>& schedule, int cycleStart);
    /*! The user clicked "Compare two kernels…". */
    void compareKernelsRequested();

private:
    void onProgress(int column, qulonglong states, qulonglong transitions, const QString& phase);
    void onFinished(bool complete);
    void setRunning(bool running);

    PresetExploration* m_exploration;
    QTableView* m_table;
    QPushButton* m_run;
    QPushButton* m_cancel;
    QPushButton* m_compare;
    QProgressBar* m_progress;
    QSpinBox* m_memoryBudget;
    QCheckBox* m_symmetry;
    QComboBox* m_fairness;
    QLabel* m_status;
    FindStateBox* m_findBox = nullptr;
};

} // namespace msb::app
