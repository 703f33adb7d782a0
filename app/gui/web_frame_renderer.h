// SPDX-License-Identifier: MIT
// The teacher's pictures for the browsers that follow: each position's scene as SVG (the HTML
// export's renderer, inlineSvg, on offscreen RaceScenes), twice: 1280x720 and, for phones held
// upright, the portrait layout at 390x844. The teacher's position first, then the rest of the
// schedule, one position per turn of the event loop so the teacher's window stays responsive;
// only while a browser follows. Remembers which state each position's frame showed, and forgets
// the frames a published event makes stale by the host's own rule (stale_frames.h).
#pragma once

#include "app/classroom/messages.h"

#include <QObject>
#include <QString>

#include <cstdint>
#include <map>
#include <memory>

namespace msb::classroom {
class ClassroomHost;
} // namespace msb::classroom

namespace msb::scenes {
class RaceScene;
} // namespace msb::scenes

namespace msb::app {

class SimulationController;

class WebFrameRenderer : public QObject
{
    Q_OBJECT

public:
    explicit WebFrameRenderer(const SimulationController* controller, QObject* parent = nullptr);
    ~WebFrameRenderer() override;

    /*! Frames go to host from now on (none sent yet). */
    void start(classroom::ClassroomHost* host);
    /*! No more frames; the offscreen scenes go. framesPublished() keeps its count. */
    void stop();
    /*! How many browsers follow: frames are drawn only while there is one. */
    void setWebFollowers(int count);
    /*! The host published event: forget the frames it made stale (the host dropped them too). */
    void eventPublished(const classroom::Message& event);
    /*! Draws the next position without a current frame on a later turn of the event loop. */
    void schedule();
    /*! Positions whose scene went to the web followers since start(). */
    int framesPublished() const { return m_framesPublished; }

Q_SIGNALS:
    void logged(const QString& text);

private:
    void publishNext();

    const SimulationController* m_controller;
    classroom::ClassroomHost* m_host = nullptr;
    int m_webFollowers = 0;
    std::unique_ptr<scenes::RaceScene> m_landscape; // offscreen, 1280x720
    std::unique_ptr<scenes::RaceScene> m_portrait;  // the same state in one column, for phones
    std::map<int, std::uint64_t> m_framed;          // position -> state hash of the frame sent
    bool m_queued = false;
    int m_framesPublished = 0;
};

} // namespace msb::app
