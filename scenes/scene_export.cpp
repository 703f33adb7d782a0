// SPDX-License-Identifier: MIT
#include "scenes/scene_export.h"

#include <QFileInfo>
#include <QGraphicsScene>
#include <QPainter>
#include <QSvgGenerator>

namespace msb::scenes {

QImage renderToImage(QGraphicsScene* scene, QSize size)
{
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(scene->backgroundBrush().color());
    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    scene->render(&painter, QRectF(QPointF(0, 0), QSizeF(size)), scene->sceneRect(), Qt::KeepAspectRatio);
    painter.end();
    return image;
}

bool saveSvg(QGraphicsScene* scene, const QString& path)
{
    const QRectF rect = scene->sceneRect();
    QSvgGenerator generator;
    generator.setFileName(path);
    generator.setSize(rect.size().toSize());
    generator.setViewBox(QRectF(QPointF(0, 0), rect.size()));
    generator.setTitle(QStringLiteral("Migration Sandbox"));
    QPainter painter;
    if (!painter.begin(&generator))
        return false;
    scene->render(&painter, QRectF(QPointF(0, 0), rect.size()), rect);
    painter.end();
    return QFileInfo(path).size() > 0;
}

} // namespace msb::scenes
