// SPDX-License-Identifier: MIT
#include "app/gui/web_frame_renderer.h"

#include "app/classroom/classroom_host.h"
#include "app/classroom/stale_frames.h"
#include "app/gui/export/html_export.h"
#include "app/gui/simulation_controller.h"
#include "scenes/race_scene.h"

#include <QTimer>

namespace msb::app {

namespace {

// The exported recording's frame size (RecordingExporter's default): the same picture.
constexpr QSizeF kFrameSize(1280, 720);
// A phone held upright, in CSS px (390 x 844: a common phone's viewport): the scene's portrait
// layout (scenes::isPortraitViewport), whose page_count and PTE text stay 16 px at full width.
constexpr QSizeF kPortraitFrameSize(390, 844);

std::unique_ptr<scenes::RaceScene> frameScene(QSizeF size)
{
    auto scene = std::make_unique<scenes::RaceScene>();
    scene->setReduceMotion(true);
    scene->setViewportSize(size);
    return scene;
}

} // namespace

WebFrameRenderer::WebFrameRenderer(const SimulationController* controller, QObject* parent)
    : QObject(parent)
    , m_controller(controller)
{
}

WebFrameRenderer::~WebFrameRenderer() = default;

void WebFrameRenderer::start(classroom::ClassroomHost* host)
{
    m_host = host;
    m_webFollowers = 0;
    m_framed.clear();
    m_framesPublished = 0;
}

void WebFrameRenderer::stop()
{
    m_host = nullptr;
    m_webFollowers = 0;
    m_landscape.reset();
    m_portrait.reset();
    m_framed.clear();
}

void WebFrameRenderer::setWebFollowers(int count)
{
    m_webFollowers = count;
    schedule(); // a first browser: draw what it has not seen yet
}

void WebFrameRenderer::eventPublished(const classroom::Message& event)
{
    classroom::dropStaleFrames(m_framed, classroom::firstStaleFrame(event));
}

void WebFrameRenderer::schedule()
{
    if (m_queued)
        return;
    m_queued = true;
    QTimer::singleShot(0, this, &WebFrameRenderer::publishNext);
}

void WebFrameRenderer::publishNext()
{
    m_queued = false;
    // Frames cost the teacher's GUI thread a render each: drawn only while a browser follows.
    if (!m_host || m_webFollowers == 0)
        return;
    const core::Simulator& sim = m_controller->simulator();
    const auto hashAt = [&](int position) { return sim.model().hash(sim.stateAt(position)); };
    const auto framed = [&](int position) {
        const auto it = m_framed.find(position);
        return it != m_framed.end() && it->second == hashAt(position);
    };
    // The teacher's position first (what every follower looks at now), then the schedule in order.
    int next = sim.position();
    if (framed(next)) {
        next = 0;
        while (next <= sim.historySize() && framed(next))
            ++next;
        if (next > sim.historySize())
            return; // every position has its frame
    }
    if (!m_landscape) {
        m_landscape = frameScene(kFrameSize);
        m_portrait = frameScene(kPortraitFrameSize);
    }
    // Both layouts of the same state: phones held upright get the portrait one. Portrait first,
    // so that the host never sends a portrait follower the landscape frame for want of one.
    const core::StepRecord* last = next > 0 ? &sim.history()[static_cast<std::size_t>(next - 1)] : nullptr;
    m_portrait->showState(sim.model(), sim.stateAt(next), last, false);
    m_landscape->showState(sim.model(), sim.stateAt(next), last, false);
    const QByteArray portrait = inlineSvg(m_portrait.get());
    const QByteArray svg = inlineSvg(m_landscape.get());
    if (svg.isEmpty() || portrait.isEmpty()) {
        Q_EMIT logged(tr("could not render position %1 for the web followers").arg(next));
        return;
    }
    m_host->publishFrame(next, portrait.toStdString(), classroom::FrameLayout::Portrait);
    m_host->publishFrame(next, svg.toStdString());
    m_framed[next] = hashAt(next);
    ++m_framesPublished;
    schedule(); // the next one on the next turn of the event loop
}

} // namespace msb::app
