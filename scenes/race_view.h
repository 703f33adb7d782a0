// SPDX-License-Identifier: MIT
// The view that shows a RaceScene: fits it to the window and renders smoothly. Presenter zoom
// never crops it: the scene always fits (fonts and drawing grow together with the view).
#pragma once

#include <QGraphicsView>

namespace msb::scenes {

class RaceScene;

class RaceView : public QGraphicsView
{
    Q_OBJECT

public:
    explicit RaceView(RaceScene* scene, QWidget* parent = nullptr);
    /*! Kept for the owner's presenter mode; the scene fits the view at every zoom (no cropping,
        no scroll bars), so a larger zoom never magnifies it past the fit. */
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
