// SPDX-License-Identifier: MIT
// A small editor for the common shapes: N fault threads over P pages, with or without a holder H.
#pragma once

#include "core/scenario.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QSpinBox;

namespace msb::app {

class ScenarioEditorDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ScenarioEditorDialog(const core::Scenario& current, QWidget* parent = nullptr);

    /*! The scenario the fields describe (not necessarily valid: see validationMessage()). */
    core::Scenario scenario() const;
    /*! Empty when the scenario is valid, else core::validateScenario's message. */
    QString validationMessage() const;

    QSpinBox* threadsBox() const { return m_threads; }
    QSpinBox* pagesBox() const { return m_pages; }
    QCheckBox* holderBox() const { return m_holder; }

private:
    void validate();

    QSpinBox* m_threads;
    QSpinBox* m_pages;
    QCheckBox* m_holder;
    QSpinBox* m_holderPage;
    QLabel* m_message;
    QDialogButtonBox* m_buttons;
};

} // namespace msb::app
