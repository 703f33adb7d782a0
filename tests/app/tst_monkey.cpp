// SPDX-License-Identifier: MIT
// A GUI monkey: thousands of random events on one main window — clicks on random visible,
// enabled widgets, keys (thread digits, arrows, Tab, Return, Escape, Space), preset flips, valid
// and broken files opened through the File > Open path (SimulationController::openFile), and
// explorations started and cancelled. A sweep closes every dialog or popup that appears, so the
// run never blocks on a modal. Passing means: no crash, no core invariant abort, and the window
// still alive and answering at the end. The seed is fixed, so that CI runs the same events every
// time; MSB_MONKEY_SEED=N replays another run, MSB_MONKEY_SEED=random picks one (and prints it),
// MSB_MONKEY_EVENTS sets the length.
#include "app/gui/explore_panel.h"
#include "app/gui/main_window.h"
#include "app/gui/settings_panel.h"
#include "app/gui/simulation_controller.h"
#include "support/fixtures.h"

#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QElapsedTimer>
#include <QMenu>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <random>

using namespace msb;

namespace {

constexpr std::uint32_t kDefaultSeed = 20261207;

std::uint32_t envNumber(const char* name, std::uint32_t fallback)
{
    bool ok = false;
    const std::uint32_t value = qEnvironmentVariable(name).toUInt(&ok);
    return ok ? value : fallback;
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(bytes), bytes.size());
}

// Closes whatever the monkey opened on top of the window: dialogs are rejected (their exec()
// returns), popups and other top-level windows are closed.
class DialogSweeper : public QObject
{
public:
    explicit DialogSweeper(QWidget* keep)
        : m_keep(keep)
    {
        connect(&m_timer, &QTimer::timeout, this, &DialogSweeper::sweep);
        m_timer.start(25);
    }
    void sweep()
    {
        for (QWidget* w : QApplication::topLevelWidgets()) {
            if (w == m_keep || !w->isVisible())
                continue;
            ++m_closed;
            if (auto* dialog = qobject_cast<QDialog*>(w))
                dialog->reject();
            else
                w->close();
        }
    }
    int closed() const { return m_closed; }

private:
    QWidget* m_keep;
    QTimer m_timer;
    int m_closed = 0;
};

// The offscreen platform warns about every popup it cannot raise or grab; thousands of those
// would bury the lines that matter.
QtMessageHandler previousHandler = nullptr;
void quietOffscreenWarnings(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    if (type == QtWarningMsg && message.startsWith(QLatin1String("This plugin does not support")))
        return;
    previousHandler(type, context, message);
}

} // namespace

class TestMonkey : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { previousHandler = qInstallMessageHandler(quietOffscreenWarnings); }

    void randomEventsLeaveTheWindowAlive()
    {
        const bool randomSeed = qEnvironmentVariable("MSB_MONKEY_SEED") == QLatin1String("random");
        const std::uint32_t seed = randomSeed ? std::random_device {}() : envNumber("MSB_MONKEY_SEED", kDefaultSeed);
        const std::uint32_t events = envNumber("MSB_MONKEY_EVENTS", 5000);
        qInfo(
            "monkey seed %u, %u events (replay: MSB_MONKEY_SEED=%u MSB_MONKEY_EVENTS=%u)", seed, events, seed, events);
        std::mt19937 random(seed);
        const auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(random); };

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        app::MainWindow window;
        window.resize(1280, 800);
        window.show();
        window.buildPanels();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window)); // the digit shortcuts need an active window
        DialogSweeper sweeper(&window);
        int stepsTaken = 0, loadsRefused = 0;
        connect(window.controller(), &app::SimulationController::stepApplied, this, [&stepsTaken] { ++stepsTaken; });
        connect(window.controller(), &app::SimulationController::loadFailed, this, [&loadsRefused] { ++loadsRefused; });

        // Files: what File > Open may be handed. The valid ones, then broken ones of every kind.
        const QString recording = dir.filePath(QStringLiteral("round.msrec.json"));
        for (int t : msb::testing::schedule(msb::testing::kLivelockRound))
            QVERIFY(window.controller()->step(t));
        QVERIFY(window.saveRecording(recording));
        QStringList files {recording, QStringLiteral(MSB_TEST_DATA_DIR "/scenarios/three-on-two-pages.json")};
        for (const char* bad : {"bad-kind", "bad-page", "bad-truncated", "bad-type", "bad-version"})
            files << QStringLiteral(MSB_TEST_DATA_DIR "/scenarios/%1.json").arg(QLatin1String(bad));
        const QString overflow = dir.filePath(QStringLiteral("overflow.json"));
        writeFile(overflow, R"({"format":"migration-sandbox-scenario","version":1,"pages":1e400})");
        const QString deep = dir.filePath(QStringLiteral("deep.json"));
        writeFile(deep, QByteArray(2000, '[') + QByteArray(2000, ']'));
        const QString garbage = dir.filePath(QStringLiteral("garbage.json"));
        QByteArray noise(4096, '\0');
        for (char& c : noise)
            c = static_cast<char>(pick(256));
        writeFile(garbage, noise);
        files << overflow << deep << garbage << dir.path() << dir.filePath(QStringLiteral("missing.json"));

        const int keys[] = {Qt::Key_1, Qt::Key_2, Qt::Key_3, Qt::Key_Left, Qt::Key_Right, Qt::Key_Up, Qt::Key_Down,
            Qt::Key_Tab, Qt::Key_Backtab, Qt::Key_Return, Qt::Key_Escape, Qt::Key_Space, Qt::Key_Home, Qt::Key_End};
        int clicks = 0, keyPresses = 0, presetFlips = 0, opens = 0, explorations = 0, cancels = 0;
        QElapsedTimer clock;
        clock.start();
        for (std::uint32_t i = 0; i < events; ++i) {
            const int what = pick(100);
            if (what < 45) {
                // A click on a random visible, enabled widget of the window itself (not a popup).
                QList<QWidget*> targets;
                for (QWidget* w : window.findChildren<QWidget*>()) {
                    if (w->isVisible() && w->isEnabled() && w->window() == &window && w->width() > 0 && w->height() > 0)
                        targets << w;
                }
                if (!targets.isEmpty()) {
                    QWidget* target = targets.at(pick(static_cast<int>(targets.size())));
                    const QPoint at(pick(target->width()), pick(target->height()));
                    QTest::mouseClick(target, Qt::LeftButton, Qt::NoModifier, at);
                    ++clicks;
                }
            } else if (what < 80) {
                // Half go to the focus widget (a text field eats digits), half to the window,
                // where the digits are the step shortcuts.
                QWidget* focus = pick(2) == 0 ? QApplication::focusWidget() : nullptr;
                QTest::keyClick(focus ? focus : &window, static_cast<Qt::Key>(keys[pick(std::size(keys))]));
                ++keyPresses;
            } else if (what < 88) {
                QComboBox* presets = window.settingsPanel()->presetCombo();
                if (presets->isEnabled() && presets->count() > 0) {
                    presets->setCurrentIndex(pick(presets->count()));
                    ++presetFlips;
                }
            } else if (what < 94) {
                window.controller()->openFile(files.at(pick(static_cast<int>(files.size()))));
                ++opens;
            } else if (what < 97) {
                window.explorePanel()->start(window.controller()->scenario());
                ++explorations;
            } else {
                window.explorePanel()->cancel();
                ++cancels;
            }
            QCoreApplication::processEvents();
            if (i % 50 == 0) {
                sweeper.sweep();
                window.activateWindow(); // a swept popup may have taken the activation along
            }
            QVERIFY2(window.isVisible(), qPrintable(QStringLiteral("the window closed at event %1").arg(i)));
        }
        const qint64 elapsed = clock.elapsed();
        qInfo("monkey: %u events in %lld ms: %d clicks, %d keys, %d preset flips, %d file opens, %d explorations "
              "started, %d cancels, %d windows swept; the core took %d steps and refused %d loads",
            events, static_cast<long long>(elapsed), clicks, keyPresses, presetFlips, opens, explorations, cancels,
            sweeper.closed(), stepsTaken, loadsRefused);

        // Still alive and answering: the exploration stops when asked, the event loop runs, and
        // the core still steps from a known state.
        window.controller()->setPlaying(false);
        window.explorePanel()->cancel();
        QTRY_VERIFY_WITH_TIMEOUT(!window.explorePanel()->isRunning(), 10000);
        bool answered = false;
        QTimer::singleShot(0, &window, [&answered] { answered = true; });
        QTRY_VERIFY_WITH_TIMEOUT(answered, 2000);
        sweeper.sweep();
        QVERIFY(window.controller()->loadBuiltin(QStringLiteral("two-faults")));
        window.controller()->setSettings(msb::testing::preset("v5.11"));
        QCOMPARE(window.controller()->position(), 0);
        QVERIFY(window.controller()->step(0));
        QCOMPARE(window.controller()->position(), 1);
        QVERIFY(window.isVisible());
    }
};

QTEST_MAIN(TestMonkey)
#include "tst_monkey.moc"
