// SPDX-License-Identifier: MIT
#include "scenes/race_view.h"

#include "scenes/race_scene.h"

#include <QAccessible>
#include <QResizeEvent>

#include <algorithm>

namespace msb::scenes {

RaceView::RaceView(RaceScene* scene, QWidget* parent)
    : QGraphicsView(scene, parent)
    , m_scene(scene)
{
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    // Items move all over the scene while animating; repainting the viewport once is cheaper than
    // tracking many small regions.
    setViewportUpdateMode(QGraphicsView::FullViewportUpdate);
    setOptimizationFlags(QGraphicsView::DontSavePainterState);
    setFrameShape(QFrame::NoFrame);
    setAlignment(Qt::AlignCenter);
    setDragMode(QGraphicsView::NoDrag);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    connect(scene, &QGraphicsScene::sceneRectChanged, this, [this] { applyTransform(); });
    // The picture has a text twin for screen readers: the accessible description follows every
    // snapshot, and assistive technology hears that it changed.
    setAccessibleName(tr("Race scene"));
    setAccessibleDescription(scene->description());
    connect(scene, &RaceScene::descriptionChanged, this, [this](const QString& text) {
        setAccessibleDescription(text);
        QAccessibleEvent event(this, QAccessible::DescriptionChanged);
        QAccessible::updateAccessibility(&event);
    });
}

void RaceView::setZoom(double factor)
{
    m_zoom = std::clamp(factor, 0.25, 6.0);
    applyTransform();
}

void RaceView::resizeEvent(QResizeEvent* event)
{
    QGraphicsView::resizeEvent(event);
    m_scene->setViewportSize(event->size());
    applyTransform();
}

void RaceView::applyTransform()
{
    const QRectF rect = m_scene->sceneRect();
    if (rect.isEmpty() || viewport()->width() <= 0)
        return;
    // Presenter zoom never scales past the fit: the scene already takes all the room it has, and
    // zooming further would crop it behind scroll bars. The zoom grows the panels' fonts instead
    // (MainWindow::setZoom), and the scene keeps fitting what is left to it.
    const QSize area = viewport()->size();
    const double fit = std::min(area.width() / rect.width(), area.height() / rect.height()) * 0.995;
    setTransform(QTransform::fromScale(fit, fit));
    centerOn(rect.center());
}

} // namespace msb::scenes
