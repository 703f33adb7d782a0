// SPDX-License-Identifier: MIT
// "Find a state" in the Explore tab: the user types a true-or-false expression (core/expression.h),
// Find searches the current scenario under the current settings breadth-first for the nearest
// state where it holds (core::findState, off the GUI thread), and Load replays the schedule there
// in the main controller. The words are those of `explore --find`.
#pragma once

#include "app/gui/job_tracker.h"
#include "core/find_state.h"

#include <QWidget>

#include <vector>

class QComboBox;
class QLabel;
class QPushButton;

namespace msb::app {

class SimulationController;

class FindStateBox : public QWidget
{
    Q_OBJECT

public:
    /*! Reads the scenario and settings of controller; a search is cancelled (and a result
        dropped) when either changes. */
    explicit FindStateBox(SimulationController* controller, QWidget* parent = nullptr);
    ~FindStateBox() override;

    /*! The expression field, an editable combo that keeps the last expressions searched. */
    QComboBox* expressionBox() const { return m_expression; }
    QPushButton* findButton() const { return m_find; }
    QPushButton* loadButton() const { return m_load; }
    /*! What the last search said: found, unreachable, why it stopped, or the parse error. */
    QString resultText() const;
    bool isRunning() const { return m_jobs.isRunning(); }
    /*! The schedule (thread indices) to the found state; empty before one is found. */
    const std::vector<int>& foundSchedule() const { return m_schedule; }
    /*! The last search found a state (Load is offered). */
    bool hasFound() const { return m_found; }

public Q_SLOTS:
    /*! Searches for the expression in the field (nothing runs when it does not parse). */
    void find();
    void setExpression(const QString& text);
    void cancel();
    /*! Load: asks for the found schedule to be replayed (nothing when none was found). */
    void load();

Q_SIGNALS:
    /*! The search ended (found, not found, cancelled or refused). */
    void searchFinished();
    /*! Load: replay schedule from the initial state under the current settings. */
    void loadRequested(const std::vector<int>& schedule);

private:
    void showResult(const QString& text);
    void onFound(const QString& expression, const core::FindResult& result, const QString& values);
    void dropResult(const QString& why);
    void setRunning(bool running);

    SimulationController* m_controller;
    QComboBox* m_expression;
    QPushButton* m_find;
    QPushButton* m_cancel;
    QPushButton* m_load;
    QLabel* m_result;
    std::vector<int> m_schedule;
    bool m_found = false;
    JobTracker m_jobs {this}; // last: its destructor waits for the worker
};

} // namespace msb::app
