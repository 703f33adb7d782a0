// SPDX-License-Identifier: MIT
// Tab reach for controls in a window with single-key shortcuts. The main window steps threads
// with 1-9, plays with Space and resets with R, so a control that takes the focus on a click
// would swallow nothing, but one reached by Tab must keep the keys it needs: Space and Return
// for a button, every typed character for a combo box or list (they search as you type).
#pragma once

#include <QAbstractButton>
#include <QEvent>
#include <QKeyEvent>
#include <QWidget>

namespace msb::app {

namespace detail {

class KeepKeysWhileFocused final : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() != QEvent::ShortcutOverride && event->type() != QEvent::KeyPress)
            return false;
        auto* key = static_cast<QKeyEvent*>(event);
        if (key->modifiers() & ~(Qt::ShiftModifier | Qt::KeypadModifier))
            return false; // Ctrl/Alt chords stay the window's
        auto* button = qobject_cast<QAbstractButton*>(watched);
        const bool activation =
            key->key() == Qt::Key_Space || key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;
        const bool typed = !button && !key->text().isEmpty() && key->text().at(0).isPrint();
        if (!activation && !typed)
            return false;
        if (event->type() == QEvent::ShortcutOverride) {
            event->accept(); // the focused control gets the key, not the window's shortcut
            return true;
        }
        // A plain QPushButton ignores Return outside dialogs; a keyboard user expects it to press.
        if (button && key->key() != Qt::Key_Space) {
            button->click();
            return true;
        }
        return false;
    }
};

} // namespace detail

/*! Tab reaches the control (a click still leaves the focus where it was, so mouse users keep
    their shortcuts), and while it has the focus it keeps the keys it needs. */
inline void makeTabReachable(QWidget* control)
{
    control->setFocusPolicy(Qt::TabFocus);
    control->installEventFilter(new detail::KeepKeysWhileFocused(control));
}

} // namespace msb::app
