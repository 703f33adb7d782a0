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
    void showOutcome(const Outcome& outcome, const QString& hint);
    QString title() const;
    QString text() const;
    OutcomeKind kind() const { return m_kind; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void updateTitleFont();

    QLabel* m_title;
    QLabel* m_text;
    OutcomeKind m_kind = OutcomeKind::Running;
};

} // namespace msb::app
