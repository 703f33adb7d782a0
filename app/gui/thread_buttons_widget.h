// SPDX-License-Identifier: MIT
// A Step button per thread, with what the thread does next or why it cannot step written under it.
#pragma once

#include "core/simulator.h"

#include <QWidget>

#include <vector>

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace msb::app {

class ThreadButtonsWidget : public QWidget
{
    Q_OBJECT

public:
    explicit ThreadButtonsWidget(QWidget* parent = nullptr);

    void showState(const core::Simulator& simulator);
    QPushButton* button(int thread) const;
    QLabel* reasonLabel(int thread) const;
    int threadCount() const { return static_cast<int>(m_rows.size()); }

Q_SIGNALS:
    void stepRequested(int thread);

private:
    void rebuild(const core::Scenario& scenario);

    struct Row
    {
        QPushButton* button;
        QLabel* reason;
    };
    std::vector<Row> m_rows;
    QVBoxLayout* m_layout;
    QString m_scenarioKey;
};

} // namespace msb::app
