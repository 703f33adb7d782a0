// SPDX-FileCopyrightText: Migration Sandbox authors
// SPDX-License-Identifier: MIT
#include "scenes/race_scene.h"

namespace msb::scenes {

RaceScene::RaceScene(QObject* parent)
    : QGraphicsScene(parent)
{
    // Placeholder item so that an empty scene is distinguishable from a broken one.
    addText(QStringLiteral("Migration Sandbox"));
}

} // namespace msb::scenes
