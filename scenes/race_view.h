// SPDX-License-Identifier: MIT
// The view that shows a RaceScene: fits it to the window, renders smoothly, and scales it up for
// presenter mode (fonts and drawing grow together, since they are one scene).
#pragma once

#include <QGraphicsView>

namespace msb::scenes {

class RaceScene;

class RaceView : public QGraphicsView
{
    Q_OBJECT

public:
    explicit RaceView(RaceScene* scene, QWidget* parent = nullptr);
    /// 1.0 = the whole scene fits; larger values zoom in (scroll bars appear).
    void setZoom(double factor);
    double zoom() const { return m_zoom; }
    RaceScene* raceScene() const { return m_scene; }

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void applyTransform();

    RaceScene* m_scene;
    double m_zoom = 1.0;
};

} // namespace msb::scenes
