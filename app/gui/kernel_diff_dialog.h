// SPDX-License-Identifier: MIT
// "Compare two kernels…": what tells two presets (or knob settings) apart on the window's
// scenario (core/kernel_diff.h), found in the background, put in words (the CLI's sentences) and
// replayed side by side: side A's scene on the left, side B's on the right, driven by one slider
// over the choices of the schedule, with the step list beside them and the first divergence
// marked in the list and on both scenes. Either side can be opened in the main window.
#pragma once

#include "app/gui/core_metatypes.h"
#include "app/gui/kernel_diff_side.h"
#include "core/kernel_diff.h"
#include "core/simulator.h"

#include <QDialog>

#include <array>
#include <memory>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSlider;
class QTableView;

namespace msb::app {

class DiffSideView;
class KernelDiffRun;
class PairedStepModel;
class SimulationController;

class KernelDiffDialog : public QDialog
{
    Q_OBJECT

public:
    /*! Compares on controller's scenario; the defaults are its preset against the next newer
        kernel (defaultDiffPresets). */
    explicit KernelDiffDialog(SimulationController* controller, QWidget* parent = nullptr);
    ~KernelDiffDialog() override;

    /*! Side 0 = A, 1 = B. */
    QComboBox* presetBox(int side) const { return m_sides[std::size_t(side)].preset; }
    QLineEdit* knobsEdit(int side) const { return m_sides[std::size_t(side)].knobs; }
    /*! The inline error under a side's knobs ("" when its input is fine). */
    QString errorText(int side) const;
    DiffSideView* sideView(int side) const { return m_sides[std::size_t(side)].view; }
    QPushButton* runButton() const { return m_run; }
    QComboBox* replayBox() const { return m_replayChoice; }
    QSlider* slider() const { return m_slider; }
    QTableView* stepTable() const { return m_table; }
    PairedStepModel* stepModel() const { return m_steps; }
    KernelDiffRun* diffRun() const { return m_diffRun; }
    bool isRunning() const;
    /*! The result in words: the CLI's sentences, one a line ("" before a run). */
    QString resultText() const;
    QString statusText() const;
    /*! The replay on show (the outcome difference, or the livelock one), or null. */
    const core::PairedReplay* replay() const { return m_replay ? &*m_replay : nullptr; }
    /*! Choices taken so far on the slider: 0 (initial state) to replay()->steps.size(). */
    int position() const;

    /*! Sets both sides' input (preset names, knob lists as typed). */
    void setSides(const QString& presetA, const QString& knobsA, const QString& presetB, const QString& knobsB);

public Q_SLOTS:
    /*! Reads both sides and compares them in the background; false (and an inline error at the
        side at fault) when a side's input is bad. */
    bool run();
    void cancel();
    void setPosition(int position);
    void jumpToFirstDivergence();
    /*! The scenes follow the application palette; highContrast as the window's theme. */
    void applyPalette(bool highContrast);

Q_SIGNALS:
    /*! A comparison finished and is shown. */
    void comparisonShown();
    /*! "Open side A/B in the main window": replay schedule under settings, then go to position. */
    void openSideRequested(const msb::core::Settings& settings, const std::vector<int>& schedule, int position);

protected:
    void changeEvent(QEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    struct SideControls
    {
        QComboBox* preset = nullptr;
        QLineEdit* knobs = nullptr;
        QLabel* error = nullptr;
        DiffSideView* view = nullptr;
        QPushButton* open = nullptr;
    };
    /*! One side's simulator over its steps of the replay, and how many of them each choice took. */
    struct SideReplay
    {
        std::unique_ptr<core::Simulator> simulator;
        std::vector<int> stepsBefore; // stepsBefore[p]: the side's steps among the first p choices
    };

    QWidget* buildSideInput(int side);
    QWidget* buildNavigation();
    void onFinished();
    void clearResult(const QString& reason);
    void showReplay(int which);
    void showPosition();
    QString sideStatus(int side, int position) const;
    void openSide(int side);
    void setRunning(bool running);

    SimulationController* m_controller;
    KernelDiffRun* m_diffRun;
    PairedStepModel* m_steps;
    std::array<SideControls, 2> m_sides;
    QComboBox* m_fairness;
    QPushButton* m_run;
    QPushButton* m_cancel;
    QProgressBar* m_progress;
    QLabel* m_status;
    QLabel* m_result;
    QComboBox* m_replayChoice;
    QSlider* m_slider;
    QLabel* m_positionLabel;
    QPushButton* m_first;
    QTableView* m_table;
    bool m_highContrast = false;

    std::optional<core::PairedReplay> m_replay;
    std::array<SideReplay, 2> m_sideReplays;
    std::array<core::Settings, 2> m_settings;
    std::array<QString, 2> m_labels;
};

} // namespace msb::app
