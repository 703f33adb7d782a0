// SPDX-License-Identifier: MIT
#include "app/gui/scenario_editor_dialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>

#include <algorithm>

namespace msb::app {

ScenarioEditorDialog::ScenarioEditorDialog(const core::Scenario& current, QWidget* parent)
    : QDialog(parent)
    , m_threads(new QSpinBox(this))
    , m_pages(new QSpinBox(this))
    , m_holder(new QCheckBox(tr("A holder H with a genuine reference (DMA pin)"), this))
    , m_holderPage(new QSpinBox(this))
    , m_message(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Edit scenario"));
    auto* form = new QFormLayout(this);
    // Generous ranges on purpose: the core's validation, not the spin boxes, says what is allowed.
    m_threads->setRange(0, core::kMaxThreads + 4);
    m_pages->setRange(0, 20);
    m_holderPage->setRange(0, 19);
    int faults = 0;
    bool holder = false;
    int holderPage = 0;
    for (const auto& t : current.threads) {
        if (t.kind == core::ThreadKind::Fault)
            ++faults;
        else {
            holder = true;
            holderPage = t.pages.empty() ? 0 : t.pages.front();
        }
    }
    m_threads->setValue(std::max(faults, 1));
    m_pages->setValue(current.pages);
    m_holder->setChecked(holder);
    m_holderPage->setValue(holderPage);
    form->addRow(tr("Faulting threads:"), m_threads);
    form->addRow(tr("Pages:"), m_pages);
    form->addRow(m_holder);
    form->addRow(tr("Holder's page:"), m_holderPage);
    m_message->setWordWrap(true);
    form->addRow(m_message);
    form->addRow(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (auto* box : {m_threads, m_pages, m_holderPage})
        connect(box, &QSpinBox::valueChanged, this, &ScenarioEditorDialog::validate);
    connect(m_holder, &QCheckBox::toggled, this, &ScenarioEditorDialog::validate);
    validate();
}

core::Scenario ScenarioEditorDialog::scenario() const
{
    core::Scenario s;
    s.name = "custom";
    s.title = tr("%1 faulting threads on %2 pages%3")
                  .arg(m_threads->value())
                  .arg(m_pages->value())
                  .arg(m_holder->isChecked() ? tr(", with a holder") : QString())
                  .toStdString();
    s.pages = m_pages->value();
    for (int t = 0; t < m_threads->value(); ++t) {
        core::ThreadSpec spec;
        spec.name = "T" + std::to_string(t + 1);
        for (int p = 0; p < m_pages->value(); ++p)
            spec.pages.push_back(p);
        s.threads.push_back(spec);
    }
    if (m_holder->isChecked())
        s.threads.push_back({"H", core::ThreadKind::Holder, {m_holderPage->value()}});
    return s;
}

QString ScenarioEditorDialog::validationMessage() const
{
    auto result = core::validateScenario(scenario());
    return result ? QString() : QString::fromStdString(result.error().toString());
}

void ScenarioEditorDialog::validate()
{
    m_holderPage->setEnabled(m_holder->isChecked());
    const QString message = validationMessage();
    m_message->setText(message.isEmpty() ? tr("Valid.") : message);
    m_message->setStyleSheet(message.isEmpty() ? QString() : QStringLiteral("color: #C62828;"));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(message.isEmpty());
}

} // namespace msb::app
