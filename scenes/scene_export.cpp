// SPDX-License-Identifier: MIT
#include "scenes/scene_export.h"

#include <QBuffer>
#include <QGraphicsItem>
#include <QGraphicsScene>
#include <QPainter>
#include <QSaveFile>
#include <QSvgGenerator>

#include <utility>
#include <vector>

namespace msb::scenes {

namespace {

/// Turns every item's cache off while alive. Items are neither added nor deleted during a render.
class CachesOff
{
public:
    explicit CachesOff(QGraphicsScene* scene)
    {
        const QList<QGraphicsItem*> items = scene->items();
        m_saved.reserve(std::size_t(items.size()));
        for (QGraphicsItem* item : items) {
            if (item->cacheMode() == QGraphicsItem::NoCache)
                continue;
            m_saved.emplace_back(item, item->cacheMode());
            item->setCacheMode(QGraphicsItem::NoCache);
        }
    }
    ~CachesOff()
    {
        for (const auto& [item, mode] : m_saved)
            item->setCacheMode(mode);
    }
    CachesOff(const CachesOff&) = delete;
    CachesOff& operator=(const CachesOff&) = delete;

private:
    std::vector<std::pair<QGraphicsItem*, QGraphicsItem::CacheMode>> m_saved;
};

} // namespace

void renderAsVectors(
    QGraphicsScene* scene, QPainter* painter, const QRectF& target, const QRectF& source, Qt::AspectRatioMode mode)
{
    const CachesOff off(scene);
    scene->render(painter, target, source, mode);
}

QImage renderToImage(QGraphicsScene* scene, QSize size)
{
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(scene->backgroundBrush().color());
    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    // Raster to raster: the device-coordinate caches are made at this image's scale, so they stay
    // sharp and keep video exports (many frames per step) fast.
    scene->render(&painter, QRectF(QPointF(0, 0), QSizeF(size)), scene->sceneRect(), Qt::KeepAspectRatio);
    painter.end();
    return image;
}

QByteArray svgDocument(QGraphicsScene* scene)
{
    const QRectF rect = scene->sceneRect();
    QByteArray svg;
    QBuffer buffer(&svg);
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(rect.size().toSize());
    generator.setViewBox(QRectF(QPointF(0, 0), rect.size()));
    generator.setTitle(QStringLiteral("Migration Sandbox"));
    QPainter painter;
    if (!painter.begin(&generator))
        return {};
    renderAsVectors(scene, &painter, QRectF(QPointF(0, 0), rect.size()), rect);
    painter.end();
    return svg;
}

bool saveSvg(QGraphicsScene* scene, const QString& path)
{
    const QByteArray svg = svgDocument(scene);
    QSaveFile out(path);
    return !svg.isEmpty() && out.open(QIODevice::WriteOnly) && out.write(svg) == svg.size() && out.commit();
}

} // namespace msb::scenes
