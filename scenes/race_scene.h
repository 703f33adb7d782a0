// SPDX-FileCopyrightText: Migration Sandbox authors
// SPDX-License-Identifier: MIT
// Placeholder for the scene that draws one core snapshot (threads, PTEs, struct page, wait queue).
#pragma once

#include <QGraphicsScene>

namespace msb::scenes {

class RaceScene : public QGraphicsScene
{
    Q_OBJECT

public:
    explicit RaceScene(QObject* parent = nullptr);
};

} // namespace msb::scenes
