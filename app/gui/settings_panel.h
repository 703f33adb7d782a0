// SPDX-License-Identifier: MIT
// The toggle (the 2021 patch), the preset picker and the knobs with their explanations.
#pragma once

#include "app/gui/core_metatypes.h"
#include "core/settings.h"

#include <QWidget>

#include <vector>

class QCheckBox;
class QComboBox;
class QToolButton;
class QLabel;

namespace msb::app {

class SettingsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit SettingsPanel(QWidget* parent = nullptr);

    void setSettings(const core::Settings& settings);
    core::Settings settings() const { return m_settings; }

    QCheckBox* patchToggle() const { return m_toggle; }
    QComboBox* presetCombo() const { return m_preset; }
    QComboBox* knobCombo(int knob) const { return m_knobs[size_t(knob)].combo; }
    QToolButton* advancedButton() const { return m_advanced; }

Q_SIGNALS:
    /*! The user asked for other settings; the panel shows them once the controller confirms. */
    void settingsRequested(const msb::core::Settings& settings);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void request(const core::Settings& settings);
    void refresh();

    struct KnobRow
    {
        QComboBox* combo;
        QLabel* explanation;
    };
    core::Settings m_settings;
    QCheckBox* m_toggle;
    QLabel* m_toggleText = nullptr;
    QLabel* m_toggleState;
    QComboBox* m_preset;
    QLabel* m_presetSummary;
    QToolButton* m_advanced;
    std::vector<KnobRow> m_knobs;
};

} // namespace msb::app
