// SPDX-License-Identifier: MIT
// The teacher's view of the room's answers: every question asked so far, each with how many of
// the followers answered, each choice's share as a bar (the model's choice marked), the share
// that agrees with the model, and a Reveal button that shows that question's answer and tally
// to the class. Questions a restored session answered show until they are asked again. Rebuilt
// from the bridge whenever a question is asked or a tally changes.
#pragma once

#include <QWidget>

class QVBoxLayout;

namespace msb::classroom {
struct QuestionTally;
}

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
    /*! Of those, the questions only a restored session's answers know (not asked since). */
    int restoredCount() const { return m_restored; }

private:
    /*! checkpoint: its index into the bridge's askedQuestions(), -1 for a restored question. */
    QWidget* questionBox(const classroom::QuestionTally& tally, int followers, int checkpoint);

    ClassroomBridge* m_bridge;
    QVBoxLayout* m_list;
    int m_questions = 0;
    int m_restored = 0;
};

} // namespace msb::app
