// SPDX-License-Identifier: MIT
// Above the History list: a line to type a watch expression (Enter adds it), the watches as
// removable chips (their tooltip gives the value in the initial state), and a line for parse
// errors and for watches dropped when another scenario no longer has what they name.
#pragma once

#include "app/gui/watch_list.h"

#include <QWidget>

class QHBoxLayout;
class QLabel;
class QLineEdit;
class QToolButton;

namespace msb::app {

class SimulationController;

class WatchBar : public QWidget
{
    Q_OBJECT

public:
    explicit WatchBar(SimulationController* controller, QWidget* parent = nullptr);

    const WatchList& watches() const { return m_watches; }
    QLineEdit* input() const { return m_input; }
    /*! The parse error of the last Enter, or the note about dropped watches (empty when neither). */
    QString message() const;
    /*! The chip (remove button) of watch `index`. */
    QToolButton* chip(int index) const;

    /*! Adds a watch as Enter does; false when it does not parse, and then lastError() is the
        parser's message ("column 14: expected ')' …") and message() shows it. */
    bool addWatch(const QString& text);
    void removeWatch(int index);
    QString lastError() const { return m_lastError; }

Q_SIGNALS:
    void watchesChanged();

private:
    void onScenarioChanged();
    void rebuildChips();
    void refreshInitialValues();
    void showMessage(const QString& text, bool error);

    SimulationController* m_controller;
    WatchList m_watches;
    QLineEdit* m_input;
    QLabel* m_message;
    QHBoxLayout* m_chips;
    QList<QToolButton*> m_chipButtons;
    QString m_lastError;
};

} // namespace msb::app
