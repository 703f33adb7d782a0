// SPDX-License-Identifier: MIT
#include "app/gui/settings_panel.h"

#include "app/gui/keyboard_reach.h"
#include "app/gui/switch_button.h"
#include "scenes/item_data.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QFrame>
#include <QLabel>
#include <QSignalBlocker>
#include <QToolButton>
#include <QVBoxLayout>

namespace msb::app {

namespace {

using scenes::qs;

} // namespace

SettingsPanel::SettingsPanel(QWidget* parent)
    : QWidget(parent)
    , m_toggle(new SwitchButton(tr("Skip the refcount check for device-private pages (the 2021 patch)"), this))
    , m_toggleState(new QLabel(this))
    , m_preset(new QComboBox(this))
    , m_presetSummary(new QLabel(this))
    , m_advanced(new QToolButton(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    // The switch is the point of the app: large, bold, with its effect spelled out under it.
    m_toggle->setObjectName(QStringLiteral("patchToggle"));
    // A switch does not wrap its text, so the label lives in a wrapped label next to it.
    auto* toggleText = new QLabel(m_toggle->text(), this);
    QFont bold; // only the weight is set, so presenter zoom still reaches the size
    bold.setBold(true);
    toggleText->setFont(bold);
    toggleText->setWordWrap(true);
    toggleText->setBuddy(m_toggle);
    toggleText->setCursor(Qt::PointingHandCursor);
    toggleText->installEventFilter(this);
    m_toggleText = toggleText;
    auto* toggleFrame = new QFrame(this);
    toggleFrame->setObjectName(QStringLiteral("toggleFrame"));
    // Palette roles, not a style sheet, so the frame follows a theme switch.
    toggleFrame->setFrameShape(QFrame::StyledPanel);
    toggleFrame->setAutoFillBackground(true);
    toggleFrame->setBackgroundRole(QPalette::AlternateBase);
    auto* toggleRow = new QHBoxLayout(toggleFrame);
    toggleRow->setContentsMargins(8, 6, 8, 6);
    toggleRow->addWidget(m_toggle, 0, Qt::AlignVCenter);
    toggleRow->addWidget(toggleText, 1);
    toggleText->setParent(toggleFrame);
    m_toggle->setParent(toggleFrame);
    layout->addWidget(toggleFrame);
    m_toggleState->setWordWrap(true);
    layout->addWidget(m_toggleState);
    connect(m_toggle, &QCheckBox::toggled, this, [this](bool on) {
        core::Settings s = m_settings;
        s.check = on ? core::CheckPolicy::SkipDevicePrivate : core::CheckPolicy::Strict;
        request(s);
    });

    auto* presetRow = new QFormLayout;
    for (const auto& preset : core::presets()) {
        // The name stays the item text (recordings and lessons use it); the release it stands for
        // and what that release changed are one hover away.
        m_preset->addItem(qs(preset.name));
        m_preset->setItemData(m_preset->count() - 1,
            QStringLiteral("%1: %2").arg(qs(preset.release), qs(preset.changed)), Qt::ToolTipRole);
    }
    m_preset->addItem(QStringLiteral("custom"));
    makeTabReachable(m_preset);
    presetRow->addRow(tr("Preset:"), m_preset);
    layout->addLayout(presetRow);
    m_presetSummary->setWordWrap(true);
    layout->addWidget(m_presetSummary);
    connect(m_preset, &QComboBox::activated, this, [this](int index) {
        if (index >= 0 && index < int(core::presets().size()))
            request(core::presets()[size_t(index)].settings);
    });

    m_advanced->setText(tr("Advanced: the knobs"));
    m_advanced->setCheckable(true);
    m_advanced->setChecked(false);
    m_advanced->setArrowType(Qt::RightArrow);
    m_advanced->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_advanced->setAutoRaise(true);
    makeTabReachable(m_advanced);
    layout->addWidget(m_advanced);
    auto* advancedBody = new QWidget(this);
    auto* form = new QVBoxLayout(advancedBody);
    form->setContentsMargins(8, 0, 0, 0);
    advancedBody->setVisible(false);
    connect(m_advanced, &QToolButton::toggled, this, [this, advancedBody](bool open) {
        advancedBody->setVisible(open);
        m_advanced->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
    });
    for (const auto& knob : core::knobs()) {
        auto* title = new QLabel(tr("<b>%1</b> <code>%2</code>").arg(qs(knob.title), qs(knob.key)), advancedBody);
        title->setWordWrap(true);
        title->setToolTip(qs(knob.explanation));
        auto* combo = new QComboBox(advancedBody);
        makeTabReachable(combo);
        combo->setAccessibleName(qs(knob.title));
        combo->setAccessibleDescription(qs(knob.explanation));
        for (const auto& value : knob.values)
            combo->addItem(qs(value.name));
        auto* explanation = new QLabel(advancedBody);
        explanation->setWordWrap(true);
        form->addWidget(title);
        form->addWidget(combo);
        form->addWidget(explanation);
        form->addSpacing(4);
        const std::string_view key = knob.key;
        connect(combo, &QComboBox::activated, this, [this, key, combo] {
            auto s = core::withKnob(m_settings, key, combo->currentText().toStdString());
            if (s)
                request(s.value());
        });
        m_knobs.push_back({combo, explanation});
    }
    layout->addWidget(advancedBody);
    refresh();
}

bool SettingsPanel::eventFilter(QObject* watched, QEvent* event)
{
    // Clicking the switch's text flips it, as clicking a checkbox's own text would.
    if (watched == m_toggleText && event->type() == QEvent::MouseButtonRelease) {
        m_toggle->click();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void SettingsPanel::request(const core::Settings& settings)
{
    if (settings == m_settings) {
        refresh(); // undo a half-applied gesture, e.g. the toggle on an already matching check
        return;
    }
    Q_EMIT settingsRequested(settings);
}

void SettingsPanel::setSettings(const core::Settings& settings)
{
    m_settings = settings;
    refresh();
}

void SettingsPanel::refresh()
{
    const QSignalBlocker blockToggle(m_toggle);
    const QSignalBlocker blockPreset(m_preset);
    const bool skip = m_settings.check == core::CheckPolicy::SkipDevicePrivate;
    m_toggle->setChecked(skip);
    m_toggleState->setText(skip ? tr("ON: M7 commits without looking at page_count (v5.11 + the patch).")
                                : tr("OFF: M7 checks page_count(D) against the expected count, as "
                                     "every released kernel does."));
    const std::string_view presetName = core::presetNameFor(m_settings);
    const int presetIndex = m_preset->findText(qs(presetName));
    m_preset->setCurrentIndex(presetIndex >= 0 ? presetIndex : m_preset->count() - 1);
    const core::Preset* preset = core::findPreset(presetName);
    m_presetSummary->setText(preset
            ? tr("%1\nRelease %2 — %3").arg(qs(preset->summary), qs(preset->release), qs(preset->changed))
            : tr("Custom combination of the knobs below."));
    for (size_t k = 0; k < m_knobs.size(); ++k) {
        const auto& knob = core::knobs()[k];
        const std::string_view value = core::knobValue(m_settings, knob.key);
        const QSignalBlocker blockCombo(m_knobs[k].combo);
        m_knobs[k].combo->setCurrentText(qs(value));
        for (const auto& v : knob.values) {
            if (v.name == value)
                m_knobs[k].explanation->setText(
                    tr("%1 <i>(%2; %3)</i>")
                        .arg(qs(v.explanation).toHtmlEscaped(), qs(v.kernels), qs(v.source).toHtmlEscaped()));
        }
    }
}

} // namespace msb::app
