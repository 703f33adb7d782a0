// SPDX-License-Identifier: MIT
// One background job at a time for a QObject, its results brought back to the object's thread.
//
// start() supersedes the running job: the old job's cancel flag is set, and whatever it still
// posts is dropped on arrival because its id is no longer the current one; cancel() does the same
// without a successor. The worker is a one-thread pool owned by the tracker, so a superseded job
// finishes before its successor begins (two explorations never hold memory at once), and the
// destructor waits for it: a job never outlives its owner. Keep the tracker a member of the
// owner, so posted calls (queued on the owner) never run after the owner is gone: Qt drops an
// object's pending calls when it is destroyed. Same shape as hotspot's src/jobtracker.h.
#pragma once

#include <QMetaObject>
#include <QObject>
#include <QThreadPool>

#include <atomic>
#include <cstdint>
#include <memory>
#include <type_traits>
#include <utility>

namespace msb::app {

class JobTracker
{
    // Touched only on the owner's thread: the id of the job whose results are wanted.
    struct Current
    {
        std::uint64_t id = 0;
        bool running = false;
    };

public:
    /*! The worker's handle on its job. Cheap to copy into callbacks (explorer progress, ...). */
    class Job
    {
    public:
        /*! Set once the job is superseded or cancelled: the work should stop soon. */
        const std::atomic<bool>* cancelFlag() const { return m_cancel.get(); }
        bool isCancelled() const { return m_cancel->load(std::memory_order_relaxed); }

        /*! Runs fn() on the owner's thread later, unless the job is no longer current by then. */
        template <typename Fn>
        void post(Fn fn) const
        {
            QMetaObject::invokeMethod(
                m_owner,
                [current = m_current, id = m_id, fn = std::move(fn)]() mutable {
                    if (current->id == id)
                        fn();
                },
                Qt::QueuedConnection);
        }

    private:
        friend class JobTracker;
        Job(QObject* owner, std::shared_ptr<const Current> current, std::uint64_t id)
            : m_owner(owner)
            , m_current(std::move(current))
            , m_id(id)
            , m_cancel(std::make_shared<std::atomic<bool>>(false))
        {
        }

        QObject* m_owner;
        std::shared_ptr<const Current> m_current;
        std::uint64_t m_id;
        std::shared_ptr<std::atomic<bool>> m_cancel;
    };

    explicit JobTracker(QObject* owner)
        : m_owner(owner)
    {
        m_pool.setMaxThreadCount(1);
    }
    ~JobTracker()
    {
        cancel();
        m_pool.waitForDone();
    }
    JobTracker(const JobTracker&) = delete;
    JobTracker& operator=(const JobTracker&) = delete;

    /*! True from start() until the job's done() ran or the job was cancelled. */
    bool isRunning() const { return m_current->running; }

    /*! Runs work(job) on the worker thread, then done(result) on the owner's thread, where
        result is what work returned; done() is dropped with every other post of a job that is
        no longer current. A running job is cancelled first. Call on the owner's thread. */
    template <typename Work, typename Done>
    void start(Work work, Done done)
    {
        using Result = std::invoke_result_t<Work&, const Job&>;
        static_assert(!std::is_void_v<Result>, "work returns what done() receives");
        cancel();
        m_current->running = true;
        Job job(m_owner, m_current, ++m_current->id);
        m_cancel = job.m_cancel;
        auto current = m_current;
        m_pool.start([job, current, work = std::move(work), done = std::move(done)]() mutable {
            Result result = work(job);
            job.post([current, done = std::move(done), result = std::move(result)]() mutable {
                current->running = false;
                done(std::move(result));
            });
        });
    }

    /*! Stops the running job (if any) and drops everything it still posts. */
    void cancel()
    {
        if (m_cancel)
            m_cancel->store(true, std::memory_order_relaxed);
        m_cancel.reset();
        ++m_current->id;
        m_current->running = false;
    }

private:
    QObject* m_owner;
    std::shared_ptr<Current> m_current = std::make_shared<Current>();
    std::shared_ptr<std::atomic<bool>> m_cancel;
    QThreadPool m_pool;
};

} // namespace msb::app
