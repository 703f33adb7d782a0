// SPDX-License-Identifier: MIT
// The teacher's view of the room's answers: every question asked so far, each with how many of
// the followers answered, each choice's share as a bar (the model's choice marked), the share
// that agrees with the model, and a Reveal button that shows that question's answer and tally
// to the class. Rebuilt from the bridge whenever a question is asked or a tally changes.
#pragma once

#include <QWidget>

class QVBoxLayout;

namespace msb::app {

class ClassroomBridge;

class TallyPanel : public QWidget
{
    Q_OBJECT

public:
    explicit TallyPanel(ClassroomBridge* bridge, QWidget* parent = nullptr);

    /*! Reads the questions and the tally again (the bridge's signals call it). */
    void refresh();
    /*! The questions shown, for tests. */
    int questionCount() const { return m_questions; }

private:
    ClassroomBridge* m_bridge;
    QVBoxLayout* m_list;
    int m_questions = 0;
};

} // namespace msb::app
