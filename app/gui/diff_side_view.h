// SPDX-License-Identifier: MIT
// One side of the "Compare two kernels" dialog: its title (side, preset and knobs), a line saying
// what it did at the current choice (ran a step, or stuttered), and its race scene in a frame
// that turns the divergence colour, with a "first divergence" badge, at the first diverged choice.
#pragma once

#include "core/model.h"
#include "core/simulator.h"
#include "core/state.h"

#include <QWidget>

class QFrame;
class QLabel;

namespace msb::scenes {
class RaceScene;
class RaceView;
} // namespace msb::scenes

namespace msb::app {

class DiffSideView : public QWidget
{
    Q_OBJECT

public:
    explicit DiffSideView(const QString& side, QWidget* parent = nullptr);

    scenes::RaceScene* scene() const { return m_scene; }
    scenes::RaceView* view() const { return m_view; }
    QString title() const;
    QString statusText() const;
    /*! Whether the frame and badge show the first divergence. */
    bool showsDivergence() const { return m_divergence; }

    void setTitle(const QString& label);
    /*! Shows state; lastStep (may be null) is highlighted in the scene. status says what the side
        did at this choice. */
    void showState(const core::Model& model, const core::State& state, const core::StepRecord* lastStep,
        const QString& status, bool firstDivergence);
    /*! No result: an empty frame with a hint. */
    void clear(const QString& hint);
    /*! The scene follows the application palette (light, dark, high contrast). */
    void applyPalette(bool highContrast);

private:
    void setDivergence(bool on);

    QString m_side;
    QLabel* m_title;
    QLabel* m_status;
    QLabel* m_badge;
    QFrame* m_frame;
    scenes::RaceScene* m_scene;
    scenes::RaceView* m_view;
    bool m_divergence = false;
};

} // namespace msb::app
