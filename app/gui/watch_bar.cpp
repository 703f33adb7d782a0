// SPDX-License-Identifier: MIT
#include "app/gui/watch_bar.h"

#include "app/gui/simulation_controller.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>
#include <QVBoxLayout>

namespace msb::app {

WatchBar::WatchBar(SimulationController* controller, QWidget* parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_input(new QLineEdit(this))
    , m_message(new QLabel(this))
    , m_chips(new QHBoxLayout)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    auto* row = new QHBoxLayout;
    auto* label = new QLabel(tr("&Watch:"), this);
    label->setBuddy(m_input);
    row->addWidget(label);
    m_input->setPlaceholderText(tr("an expression, e.g. page_count(D0) or sleeping(T2); Enter adds it"));
    m_input->setAccessibleName(tr("Watch expression"));
    m_input->setToolTip(tr("A number or true/false over the state (docs/expressions.md); every History row then "
                           "shows its value after that step."));
    m_input->setClearButtonEnabled(true);
    row->addWidget(m_input, 2);
    m_chips->setSpacing(4);
    row->addLayout(m_chips, 3);
    layout->addLayout(row);
    m_message->setWordWrap(true);
    m_message->setVisible(false);
    m_message->setAccessibleName(tr("Watch message"));
    layout->addWidget(m_message);

    connect(m_input, &QLineEdit::returnPressed, this, [this] {
        if (addWatch(m_input->text()))
            m_input->clear();
    });
    connect(m_input, &QLineEdit::textEdited, this, [this] {
        if (m_message->property("error").toBool())
            showMessage({}, false);
    });
    connect(m_controller, &SimulationController::scenarioChanged, this, &WatchBar::onScenarioChanged);
    // The initial state's values depend on the settings too (page counts as the kernel reports them).
    connect(m_controller, &SimulationController::settingsChanged, this, &WatchBar::refreshInitialValues);
}

QString WatchBar::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

QToolButton* WatchBar::chip(int index) const
{
    return index >= 0 && index < m_chipButtons.size() ? m_chipButtons[index] : nullptr;
}

bool WatchBar::addWatch(const QString& text)
{
    const QString error = m_watches.add(text, m_controller->scenario());
    m_lastError = error;
    if (!error.isEmpty()) {
        showMessage(tr("Not added: %1").arg(error), true);
        return false;
    }
    showMessage({}, false);
    rebuildChips();
    Q_EMIT watchesChanged();
    return true;
}

void WatchBar::removeWatch(int index)
{
    m_watches.remove(index);
    rebuildChips();
    Q_EMIT watchesChanged();
}

void WatchBar::onScenarioChanged()
{
    if (m_watches.isEmpty())
        return;
    const QStringList dropped = m_watches.rebind(m_controller->scenario());
    if (!dropped.isEmpty())
        showMessage(tr("Dropped for this scenario: %1").arg(dropped.join(QStringLiteral("; "))), false);
    rebuildChips();
    Q_EMIT watchesChanged();
}

void WatchBar::rebuildChips()
{
    // deleteLater: the chip whose click removed a watch is still in its clicked() handler.
    for (QToolButton* old : m_chipButtons) {
        m_chips->removeWidget(old);
        old->hide();
        old->deleteLater();
    }
    m_chipButtons.clear();
    for (int i = 0; i < m_watches.size(); ++i) {
        auto* chip = new QToolButton(this);
        chip->setText(m_watches.text(i) + QStringLiteral("  ×"));
        chip->setAutoRaise(false);
        chip->setAccessibleName(tr("Remove watch %1").arg(m_watches.text(i)));
        // Only the expression is captured: indexes shift as chips go.
        connect(chip, &QToolButton::clicked, this, [this, text = m_watches.text(i)] {
            for (int w = 0; w < m_watches.size(); ++w) {
                if (m_watches.text(w) == text) {
                    removeWatch(w);
                    return;
                }
            }
        });
        m_chips->addWidget(chip);
        m_chipButtons << chip;
    }
    refreshInitialValues();
}

void WatchBar::refreshInitialValues()
{
    const core::Simulator& sim = m_controller->simulator();
    for (int i = 0; i < m_chipButtons.size(); ++i) {
        m_chipButtons[i]->setToolTip(tr("Initially %1 = %2 (before step 1). Click to stop watching it.")
                                         .arg(m_watches.text(i), m_watches.valueAt(i, sim.model(), sim.stateAt(0))));
    }
}

void WatchBar::showMessage(const QString& text, bool error)
{
    m_message->setText(text);
    m_message->setProperty("error", error);
    m_message->setStyleSheet(error ? QStringLiteral("color: #c62828;") : QString());
    m_message->setVisible(!text.isEmpty());
}

} // namespace msb::app
