// SPDX-License-Identifier: MIT
// Keyboard and screen-reader access to the panels and dialogs: Tab walks the focus chain of each
// one, every control that takes focus is reached and has an accessible name, and the switch
// shows where the focus is.
#include "app/gui/classroom_bridge.h"
#include "app/gui/classroom_dialog.h"
#include "app/gui/code_panel.h"
#include "app/gui/gui_error.h"
#include "app/gui/lesson_panel.h"
#include "app/gui/outcome_banner.h"
#include "app/gui/scenario_editor_dialog.h"
#include "app/gui/settings_panel.h"
#include "app/gui/simulation_controller.h"
#include "app/gui/switch_button.h"
#include "app/gui/thread_buttons_widget.h"
#include "core/scenario.h"
#include "core/settings.h"
#include "core/simulator.h"

#include <QAbstractItemView>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QApplication>
#include <QComboBox>
#include <QImage>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextEdit>
#include <QToolButton>
#include <QTreeWidget>

using namespace msb;

namespace {

bool takesTabFocus(QWidget* w, QWidget* root)
{
    return w->isVisibleTo(root) && w->isEnabled() && (w->focusPolicy() & Qt::TabFocus) && !w->focusProxy();
}

/// The controls under root that take focus from Tab. Parts of a control (a spin box's line
/// edit) are not controls of their own.
QList<QWidget*> tabControls(QWidget* root)
{
    QList<QWidget*> controls;
    for (QWidget* w : root->findChildren<QWidget*>()) {
        if (!takesTabFocus(w, root))
            continue;
        bool part = false;
        for (QWidget* up = w->parentWidget(); up && up != root; up = up->parentWidget())
            part = part || takesTabFocus(up, root);
        if (!part)
            controls << w;
    }
    return controls;
}

/// Widgets a user operates: each of them must be reachable by Tab.
bool isInteractive(QWidget* w)
{
    return qobject_cast<QAbstractButton*>(w) || qobject_cast<QComboBox*>(w) || qobject_cast<QAbstractSpinBox*>(w)
        || qobject_cast<QLineEdit*>(w) || qobject_cast<QAbstractItemView*>(w) || qobject_cast<QAbstractSlider*>(w)
        || qobject_cast<QTextEdit*>(w) || qobject_cast<QPlainTextEdit*>(w);
}

/// A tree's header and scroll bars belong to the tree: the keyboard drives them through it.
bool partOfAControl(QWidget* w, QWidget* root)
{
    for (QWidget* up = w->parentWidget(); up && up != root; up = up->parentWidget()) {
        if (isInteractive(up))
            return true;
    }
    return false;
}

/// The control a focused widget belongs to (the spin box for its line edit).
QWidget* controlOf(QWidget* focused, const QList<QWidget*>& controls)
{
    for (QWidget* w = focused; w; w = w->parentWidget()) {
        if (controls.contains(w))
            return w;
    }
    return focused;
}

QString describe(QWidget* w)
{
    return QStringLiteral("%1 \"%2\"").arg(QString::fromLatin1(w->metaObject()->className()), w->objectName());
}

/// Presses Tab from the first control until the focus comes round again; returns what is wrong.
QStringList keyboardProblems(QWidget* root)
{
    QStringList problems;
    root->show();
    root->activateWindow();
    if (!QTest::qWaitForWindowActive(root))
        return {QStringLiteral("window never became active")};
    const QList<QWidget*> controls = tabControls(root);
    for (QWidget* w : root->findChildren<QWidget*>()) {
        if (isInteractive(w) && !partOfAControl(w, root) && w->isVisibleTo(root) && w->isEnabled()
            && !(w->focusPolicy() & Qt::TabFocus) && !w->focusProxy())
            problems << QStringLiteral("Tab skips it (focus policy): %1").arg(describe(w));
    }
    if (controls.isEmpty())
        return problems;
    for (QWidget* w : controls) {
        QAccessibleInterface* iface = QAccessible::queryAccessibleInterface(w);
        if (!iface || iface->text(QAccessible::Name).trimmed().isEmpty())
            problems << QStringLiteral("no accessible name: %1").arg(describe(w));
    }
    controls.first()->setFocus(Qt::TabFocusReason);
    QSet<QWidget*> reached;
    for (int i = 0; i < 4 * controls.size() + 4; ++i) {
        QWidget* focused = QApplication::focusWidget();
        if (!focused)
            break;
        reached.insert(controlOf(focused, controls));
        QTest::keyClick(focused, Qt::Key_Tab);
    }
    for (QWidget* w : controls) {
        if (!reached.contains(w))
            problems << QStringLiteral("not reached by Tab: %1").arg(describe(w));
    }
    return problems;
}

#define VERIFY_KEYBOARD(widget)                                                                                        \
    do {                                                                                                               \
        const QStringList problems = keyboardProblems(widget);                                                         \
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("; "))));                                 \
    } while (false)

} // namespace

class TestWidgetAccessibility : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void settingsPanel()
    {
        app::SettingsPanel panel;
        panel.setSettings(core::findPreset("v5.11")->settings);
        VERIFY_KEYBOARD(&panel);
        panel.advancedButton()->setChecked(true); // the knobs, too
        QVERIFY(tabControls(&panel).size() > 3);
        VERIFY_KEYBOARD(&panel);
    }

    void threadButtons()
    {
        core::Simulator sim(core::makeNFaults(3, 1), core::findPreset("v5.11")->settings);
        app::ThreadButtonsWidget buttons;
        buttons.showState(sim);
        QCOMPARE(tabControls(&buttons).size(), 3);
        VERIFY_KEYBOARD(&buttons);
        // Space on the focused button steps its thread, as a mouse click does.
        QSignalSpy stepped(&buttons, &app::ThreadButtonsWidget::stepRequested);
        buttons.button(1)->setFocus(Qt::TabFocusReason);
        QTest::keyClick(buttons.button(1), Qt::Key_Space);
        QTest::keyClick(buttons.button(1), Qt::Key_Return);
        QCOMPARE(stepped.count(), 2);
        QCOMPARE(stepped.at(0).at(0).toInt(), 1);
    }

    void codePanel()
    {
        core::Simulator sim(core::makeNFaults(2, 1), core::findPreset("v5.11")->settings);
        app::CodePanel panel;
        panel.showState(sim);
        QVERIFY(tabControls(&panel).contains(static_cast<QWidget*>(panel.tree())));
        VERIFY_KEYBOARD(&panel);
    }

    void lessonPanel()
    {
        QTemporaryDir dir;
        app::SimulationController controller;
        app::LessonPanel panel(&controller);
        panel.setSettingsFile(dir.filePath(QStringLiteral("progress.ini")));
        VERIFY_KEYBOARD(&panel);
        QCOMPARE(app::errorText(panel.openBuiltin(QStringLiteral("livelock"))), QString());
        VERIFY_KEYBOARD(&panel);
        // On to the first checkpoint: its answer input must be reachable and named too.
        for (int i = 0; i < 20 && panel.checkpointHold() < 0; ++i) {
            panel.finishPage();
            if (!panel.goNext())
                break;
        }
        QVERIFY(panel.checkpointHold() >= 0);
        VERIFY_KEYBOARD(&panel);
    }

    void outcomeBanner()
    {
        // Nothing in the banner takes focus; what it says must reach a screen reader instead.
        app::OutcomeBanner banner;
        app::OutcomeDescription livelock;
        livelock.outcome = core::Outcome::Livelock;
        livelock.bad = true;
        livelock.title = QStringLiteral("Livelock round: back where everyone started");
        livelock.text = QStringLiteral("T1's check saw page_count(D0) = 3 where it expects 2.");
        banner.showOutcome(livelock, QString());
        VERIFY_KEYBOARD(&banner);
        QStringList spoken;
        QAccessibleInterface* iface = QAccessible::queryAccessibleInterface(&banner);
        QVERIFY(iface);
        for (int i = 0; i < iface->childCount(); ++i)
            spoken << iface->child(i)->text(QAccessible::Name);
        QVERIFY2(spoken.contains(livelock.title), qPrintable(spoken.join(QStringLiteral(" | "))));
        QVERIFY2(spoken.contains(livelock.text), qPrintable(spoken.join(QStringLiteral(" | "))));
    }

    void classroomDialogs()
    {
        app::SimulationController controller;
        app::ClassroomBridge bridge(&controller);
        app::ClassroomDialog host(&bridge, app::ClassroomDialog::Role::Host);
        VERIFY_KEYBOARD(&host);
        app::ClassroomDialog join(&bridge, app::ClassroomDialog::Role::Join);
        VERIFY_KEYBOARD(&join);
    }

    void scenarioEditor()
    {
        app::ScenarioEditorDialog dialog(core::makeNFaults(2, 1));
        QVERIFY(tabControls(&dialog).size() >= 4);
        VERIFY_KEYBOARD(&dialog);
    }

    void switchShowsFocus()
    {
        QWidget window;
        auto* before = new app::SwitchButton(QStringLiteral("Before"), &window);
        auto* toggle = new app::SwitchButton(QStringLiteral("The switch"), &window);
        toggle->move(0, 40);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        for (const bool checked : {false, true}) {
            toggle->setChecked(checked);
            before->setFocus(Qt::TabFocusReason);
            const QImage unfocused = toggle->grab().toImage();
            QTest::keyClick(before, Qt::Key_Tab);
            QCOMPARE(QApplication::focusWidget(), toggle);
            const QImage focused = toggle->grab().toImage();
            QVERIFY2(focused != unfocused, checked ? "on" : "off");
        }
    }
};

QTEST_MAIN(TestWidgetAccessibility)
#include "tst_widget_accessibility.moc"
