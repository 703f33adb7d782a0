// SPDX-License-Identifier: MIT
#include "app/gui/tally_panel.h"

#include "app/classroom/answer_tally.h"
#include "app/gui/classroom_bridge.h"

#include <QGroupBox>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

#include <cmath>
#include <map>
#include <string>

namespace msb::app {

namespace {

QString percent(int part, int whole)
{
    return QStringLiteral("%1%").arg(whole > 0 ? static_cast<int>(std::lround(100.0 * part / whole)) : 0);
}

} // namespace

TallyPanel::TallyPanel(ClassroomBridge* bridge, QWidget* parent)
    : QWidget(parent)
    , m_bridge(bridge)
{
    setAccessibleName(tr("The room's answers"));
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* content = new QWidget(scroll);
    m_list = new QVBoxLayout(content);
    m_list->addStretch(1);
    scroll->setWidget(content);
    outer->addWidget(scroll);
    connect(bridge, &ClassroomBridge::tallyChanged, this, &TallyPanel::refresh);
    connect(bridge, &ClassroomBridge::questionAsked, this, &TallyPanel::refresh);
    connect(bridge, &ClassroomBridge::followerCountChanged, this, &TallyPanel::refresh);
    connect(bridge, &ClassroomBridge::modeChanged, this, &TallyPanel::refresh);
    refresh();
}

namespace {

// Questions are told apart by their text and choices (AnswerTally's rule): a page revisited asks
// the same question again, and a restored session's question is the live one once asked again.
std::string questionKey(const std::string& question, const std::vector<std::string>& choices)
{
    std::string key = question;
    for (const auto& choice : choices)
        key += '\x1f' + choice;
    return key;
}

} // namespace

QWidget* TallyPanel::questionBox(const classroom::QuestionTally& tally, int followers, int checkpoint)
{
    auto* box = new QGroupBox(QString::fromStdString(tally.question));
    box->setObjectName(QStringLiteral("question%1").arg(m_questions));
    auto* layout = new QVBoxLayout(box);
    auto* summary = new QLabel(
        tr("%1 of %2 answered%3")
            .arg(tally.answered)
            .arg(std::max(followers, tally.answered))
            .arg(tally.answer >= 0 ? tr(" · %1 agree with the model").arg(percent(tally.correct, tally.answered))
                                   : QString()));
    summary->setObjectName(QStringLiteral("summary"));
    layout->addWidget(summary);
    for (std::size_t k = 0; k < tally.choices.size(); ++k) {
        const int count = k < tally.counts.size() ? tally.counts[k] : 0;
        auto* bar = new QProgressBar;
        bar->setRange(0, std::max(1, tally.answered));
        bar->setValue(count);
        const bool model = static_cast<int>(k) == tally.answer;
        bar->setFormat(QStringLiteral("%1%2: %3 (%4)")
                           .arg(QString::fromStdString(tally.choices[k]), model ? tr(" ★ model") : QString())
                           .arg(count)
                           .arg(percent(count, tally.answered)));
        bar->setAccessibleName(bar->format());
        bar->setTextVisible(true);
        layout->addWidget(bar);
    }
    auto* reveal = new QPushButton(tr("Reveal to the class"));
    reveal->setAccessibleName(tr("Reveal: %1").arg(QString::fromStdString(tally.question)));
    if (checkpoint >= 0) {
        reveal->setEnabled(m_bridge->mode() == ClassroomBridge::Mode::Hosting);
        connect(reveal, &QPushButton::clicked, m_bridge,
            [bridge = m_bridge, checkpoint] { bridge->revealQuestion(checkpoint); });
    } else {
        // A restored session's question: followers only know the questions asked since.
        reveal->setEnabled(false);
        box->setTitle(tr("%1 (restored)").arg(box->title()));
        reveal->setToolTip(tr("Asked before the session was restored: show its lesson page again to "
                              "ask it, then reveal it"));
        summary->setToolTip(reveal->toolTip());
    }
    layout->addWidget(reveal, 0, Qt::AlignRight);
    ++m_questions;
    return box;
}

void TallyPanel::refresh()
{
    while (m_list->count() > 1) {
        QLayoutItem* item = m_list->takeAt(0);
        delete item->widget();
        delete item;
    }
    const classroom::AnswerTally answers = m_bridge->answers();
    const auto& asked = m_bridge->askedQuestions();
    // One box per question; its latest asking reveals it.
    std::map<std::string, int> latest;
    std::vector<int> order;
    for (int i = 0; i < static_cast<int>(asked.size()); ++i) {
        const auto& c = asked[static_cast<std::size_t>(i)];
        const std::string key = questionKey(c.question, c.choices);
        if (latest.find(key) == latest.end())
            order.push_back(i);
        latest[key] = i;
    }
    const int followers = m_bridge->followerCount();
    int row = 0;
    m_questions = 0;
    m_restored = 0;
    for (const int first : order) {
        const auto& c = asked[static_cast<std::size_t>(first)];
        const int index = latest[questionKey(c.question, c.choices)];
        m_list->insertWidget(
            row++, questionBox(answers.tally(asked[static_cast<std::size_t>(index)]), followers, index));
    }
    // Answers a restored session brought back for questions not asked again yet.
    for (const classroom::QuestionTally& tally : answers.tallies()) {
        if (latest.count(questionKey(tally.question, tally.choices)) != 0)
            continue;
        m_list->insertWidget(row++, questionBox(tally, followers, -1));
        ++m_restored;
    }
    if (m_questions == 0) {
        auto* empty = new QLabel(tr("No question asked yet: open a lesson page that asks one."));
        empty->setWordWrap(true);
        m_list->insertWidget(0, empty);
    }
}

} // namespace msb::app
