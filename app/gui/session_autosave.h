// SPDX-License-Identifier: MIT
// The user's session survives a crash or a kill: a few seconds after each change the window's
// session (scenario, settings, every step with the redo tail, narration, the open lesson) is
// written atomically (QSaveFile) to session.json in the application's data directory. A clean
// exit removes it, so a file found at start is one a crashed or killed run left behind, and the
// next start offers it back. A lock file keeps a second instance from writing over the first's.
#pragma once

#include "core/result.h"

#include <QLockFile>
#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>

namespace msb::app {

class MainWindow;

class SessionAutosave : public QObject
{
    Q_OBJECT

public:
    /*! directory: where session.json and its lock live (created if missing). */
    SessionAutosave(MainWindow* window, const QString& directory);
    ~SessionAutosave() override;

    /*! QStandardPaths::AppDataLocation. */
    static QString defaultDirectory();
    /*! How long after a change the session is written. */
    static constexpr int kDelayMs = 2000;

    /*! Takes the lock; false when another running instance holds it (this one then never
        writes). */
    bool lock();
    bool isLocked() const { return m_locked; }
    QString path() const;
    /*! A session file left by a run that did not exit cleanly (only meaningful after lock()). */
    bool hasLeftover() const;
    /*! One line about the leftover ("two-faults under v5.11, step 3 of 5, ..."), for the dialog. */
    QString leftoverSummary() const;
    /*! Loads the leftover into the window, or says why it cannot. The file stays until the next
        save or a clean exit. */
    core::Result<void> restore();
    /*! Deletes the leftover. */
    void discard();

    /*! Starts writing a few seconds after each change (and now, if the window already holds
        more than a fresh start). */
    void start();
    /*! Writes now; false (and a message on stderr) when the file cannot be written. */
    bool saveNow();
    /*! Clean exit: the session file goes and the lock is released. */
    void finish();
    /*! Stops autosaving and releases the lock, leaving the session file for a later start. */
    void release();

private:
    void schedule();

    MainWindow* m_window;
    QString m_directory;
    std::unique_ptr<QLockFile> m_lock;
    bool m_locked = false;
    QString m_lesson; // the built-in lesson open in the lesson panel
    QTimer m_timer;
};

/*! One line describing a window's session: scenario, preset, position, narration, lesson. */
QString sessionSummary(const MainWindow& window);

} // namespace msb::app
