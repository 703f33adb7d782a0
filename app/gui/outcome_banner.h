// SPDX-License-Identifier: MIT
// The strip above the scene: what just happened and why, or what to try next while running.
#pragma once

#include "app/gui/outcome.h"

#include <QFrame>

class QLabel;

namespace msb::app {

class OutcomeBanner : public QFrame
{
    Q_OBJECT

public:
    explicit OutcomeBanner(QWidget* parent = nullptr);

    /*! hint is shown while the run has no outcome yet. */
    void showOutcome(const OutcomeDescription& outcome, const QString& hint);
    QString title() const;
    QString text() const;
    core::Outcome outcome() const { return m_outcome; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void updateTitleFont();

    QLabel* m_title;
    QLabel* m_text;
    core::Outcome m_outcome = core::Outcome::Running;
};

} // namespace msb::app
