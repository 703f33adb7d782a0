// SPDX-License-Identifier: MIT
#include "app/gui/lesson_panel.h"

#include "app/gui/controller_sync.h"
#include "app/gui/lesson_language.h"
#include "app/gui/session_gate.h"
#include "app/gui/simulation_controller.h"
#include "scenes/item_data.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace msb::app {

namespace {

constexpr double kPresenterScale = 1.6;

using scenes::qs;

} // namespace

LessonPanel::LessonPanel(SimulationController* controller, QWidget* parent)
    : QWidget(parent)
    , m_controller(controller)
{
    setObjectName(QStringLiteral("lessonPanel"));
    m_baseFont = font();
    auto* layout = new QVBoxLayout(this);
    m_title = new QLabel(tr("No lesson open. Choose one from the Lessons menu."), this);
    m_title->setWordWrap(true);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_pageLabel = new QLabel(this);
    m_narration = new QTextBrowser(this);
    m_narration->setOpenExternalLinks(false);
    m_narration->setMinimumHeight(120);
    m_narration->setAccessibleName(tr("Lesson text"));
    layout->addWidget(m_title);
    layout->addWidget(m_pageLabel);
    layout->addWidget(m_narration, 1);

    m_checkpointBox = new QWidget(this);
    auto* cp = new QVBoxLayout(m_checkpointBox);
    cp->setContentsMargins(0, 0, 0, 0);
    m_question = new QLabel(m_checkpointBox);
    m_question->setWordWrap(true);
    QFont questionFont = m_question->font();
    questionFont.setBold(true);
    m_question->setFont(questionFont);
    m_inputs = new CheckpointInput(m_checkpointBox);
    m_submit = new QPushButton(tr("Answer"), m_checkpointBox);
    m_feedback = new QLabel(m_checkpointBox);
    m_feedback->setWordWrap(true);
    m_feedback->setTextFormat(Qt::RichText);
    auto* answerRow = new QHBoxLayout;
    answerRow->addWidget(m_inputs, 1);
    answerRow->addWidget(m_submit);
    cp->addWidget(m_question);
    cp->addLayout(answerRow);
    cp->addWidget(m_feedback);
    layout->addWidget(m_checkpointBox);

    auto* nav = new QHBoxLayout;
    m_back = new QPushButton(tr("◀ Back"), this);
    m_step = new QPushButton(tr("Play step"), this);
    m_step->setToolTip(tr("The page's next step (PageDown or →)"));
    m_next = new QPushButton(tr("Next ▶"), this);
    nav->addWidget(m_back);
    nav->addStretch(1);
    nav->addWidget(m_step);
    nav->addWidget(m_next);
    layout->addLayout(nav);

    connect(m_submit, &QPushButton::clicked, this, [this] { submitAnswer(); });
    connect(m_next, &QPushButton::clicked, this, [this] { goNext(); });
    connect(m_back, &QPushButton::clicked, this, [this] { goBack(); });
    connect(m_step, &QPushButton::clicked, this, [this] { stepPage(); });
    connect(m_controller, &SimulationController::stateChanged, this, [this] {
        refreshButtons();
        Q_EMIT highlightChanged(nextThread());
    });
    m_checkpointBox->hide();
    refreshButtons();
}

LessonPanel::~LessonPanel() = default;

void LessonPanel::setSettingsFile(const QString& path)
{
    m_settingsFile = path;
}

std::unique_ptr<QSettings> LessonPanel::settings() const
{
    if (!m_settingsFile.isEmpty())
        return std::make_unique<QSettings>(m_settingsFile, QSettings::IniFormat);
    return std::make_unique<QSettings>(QStringLiteral("migration-sandbox"), QStringLiteral("migration-sandbox"));
}

QString LessonPanel::key(const QString& leaf) const
{
    return QStringLiteral("lessons/%1/%2").arg(qs(m_runner->lesson().id), leaf);
}

int LessonPanel::page() const
{
    return m_runner ? m_runner->position() : -1;
}

void LessonPanel::openLesson(const core::Lesson& lesson)
{
    m_remote.reset();
    m_inputs->setOpenEnded(false);
    m_runner = std::make_unique<core::LessonRunner>(lesson);
    m_results.assign(static_cast<std::size_t>(m_runner->pageCount()), std::nullopt);
    // Restore this user's answers (which also unlocks Next on those pages) and page.
    auto store = settings();
    for (int p = 0; p < m_runner->pageCount(); ++p) {
        const QVariant answer = store->value(key(QStringLiteral("answers/%1").arg(p)));
        if (answer.isValid() && lesson.pages[static_cast<std::size_t>(p)].checkpoint)
            m_results[static_cast<std::size_t>(p)] = m_runner->checkAnswer(p, answer.toString().toStdString()).correct;
    }
    const int saved = store->value(key(QStringLiteral("page")), 0).toInt();
    int reachable = 0; // never past an unanswered checkpoint
    while (reachable < saved && reachable + 1 < m_runner->pageCount() && m_runner->answered(reachable))
        ++reachable;
    m_runner->jumpTo(reachable);
    m_title->setText(qs(lesson.title));
    showPage();
    Q_EMIT lessonOpened(qs(lesson.id));
}

core::Result<void> LessonPanel::openBuiltin(const QString& name)
{
    auto lesson = core::loadBuiltinLesson(name.toStdString(), lessonLanguage());
    if (!lesson.ok())
        return lesson.error();
    openLesson(lesson.value());
    return {};
}

void LessonPanel::closeLesson()
{
    m_runner.reset();
    m_title->setText(tr("No lesson open. Choose one from the Lessons menu."));
    m_pageLabel->clear();
    m_narration->clear();
    m_checkpointBox->hide();
    refreshButtons();
    Q_EMIT highlightChanged(-1);
    Q_EMIT checkpointHoldChanged(-1);
}

void LessonPanel::showPage()
{
    const int p = m_runner->position();
    const core::LessonPage& page = m_runner->page();
    const core::PageRun& run = m_runner->run(p);
    m_pageLabel->setText(tr("Page %1 of %2").arg(p + 1).arg(m_runner->pageCount()));

    QString html = QStringLiteral("<p>%1</p>").arg(qs(page.narration).toHtmlEscaped());
    if (!page.facts.empty()) {
        QStringList facts;
        for (const auto& fact : page.facts)
            facts << QStringLiteral("<b>%1</b>").arg(qs(fact).toHtmlEscaped());
        html += tr("<p style='color:gray'>Sources: kernel notes %1</p>").arg(facts.join(QStringLiteral(", ")));
    }
    m_narration->setHtml(html);

    // The page opens before its steps, with them as the redo tail (Forward / PageDown plays them).
    const bool done = m_results[static_cast<std::size_t>(p)].has_value();
    SessionPosition target = sessionPosition(run.after);
    target.position = done ? run.after.position() : run.before.position();
    if (!m_gate || !m_gate->isReadOnly())
        driveController(*m_controller, target);

    m_feedback->clear();
    if (page.checkpoint) {
        const core::Checkpoint& checkpoint = *page.checkpoint;
        m_question->setText(qs(checkpoint.question));
        m_inputs->setQuestion(m_question->text());
        QStringList choices;
        for (const auto& option : checkpoint.options)
            choices << qs(option);
        std::vector<std::string> threads;
        for (const auto& thread : m_runner->lesson().scenario.threads)
            threads.push_back(thread.name);
        m_inputs->prepare(checkpoint.kind, choices, threads);
        m_checkpointBox->show();
        if (done) {
            const QString answer = settings()->value(key(QStringLiteral("answers/%1").arg(p))).toString();
            setAnswerText(answer);
            showFeedback(m_runner->checkAnswer(p, answer.toStdString()));
        }
        const std::string expected = core::computedAnswer(checkpoint, run);
        // Students pick from the same list as here (outcome questions get the usual outcomes).
        if (choices.isEmpty() && checkpoint.kind == core::CheckpointKind::Outcome)
            choices = CheckpointInput::outcomeChoices();
        int answerIndex = -1;
        for (int i = 0; i < choices.size(); ++i) {
            if (QString::compare(choices[i], qs(expected), Qt::CaseInsensitive) == 0)
                answerIndex = i;
        }
        Q_EMIT checkpointShown(qs(checkpoint.question), choices, answerIndex);
    } else {
        m_checkpointBox->hide();
    }
    saveProgress();
    refreshButtons();
    Q_EMIT pageShown(p);
    Q_EMIT highlightChanged(nextThread());
    Q_EMIT checkpointHoldChanged(checkpointHold());
}

QString LessonPanel::answerText() const
{
    const auto kind = checkpointKind();
    return kind ? m_inputs->answerText(*kind) : QString();
}

void LessonPanel::setAnswerText(const QString& answer)
{
    if (const auto kind = checkpointKind())
        m_inputs->setAnswerText(*kind, answer);
}

std::optional<core::CheckpointKind> LessonPanel::checkpointKind() const
{
    if (m_runner)
        return m_runner->page().checkpoint ? std::optional(m_runner->page().checkpoint->kind) : std::nullopt;
    if (m_remote)
        return m_remote->kind().value_or(core::CheckpointKind::Choice);
    return std::nullopt;
}

void LessonPanel::showRemoteCheckpoint(const QString& question, const QStringList& choices, int answer)
{
    if (m_runner)
        return; // this user's own lesson keeps the panel
    m_remote.emplace(question, choices, answer, m_controller->simulator());
    m_title->setText(tr("Your teacher asks"));
    m_pageLabel->clear();
    m_narration->setHtml(tr("<p>Answer here: it is checked on this computer and only you see the "
                            "result.</p>"));
    m_question->setText(question);
    std::vector<std::string> threads;
    for (const auto& thread : m_controller->scenario().threads)
        threads.push_back(thread.name);
    m_inputs->prepare(m_remote->kind().value_or(core::CheckpointKind::Choice), choices, threads);
    m_inputs->setOpenEnded(!m_remote->kind() && choices.isEmpty()); // an open question from a lesson file
    m_feedback->clear();
    m_checkpointBox->show();
    refreshButtons();
}

void LessonPanel::clearRemoteCheckpoint()
{
    if (!m_remote)
        return;
    m_remote.reset();
    m_inputs->setOpenEnded(false);
    if (!m_runner)
        closeLesson();
}

int LessonPanel::checkpointHold() const
{
    if (!m_runner || !m_runner->page().checkpoint)
        return -1;
    const int p = m_runner->position();
    if (m_results[static_cast<std::size_t>(p)].has_value() || m_runner->answered(p))
        return -1;
    return m_runner->run(p).before.position();
}

bool LessonPanel::submitAnswer()
{
    if (!m_runner && m_remote) {
        Q_EMIT remoteAnswerGiven(answerText()); // to the teacher's tally (ClassroomBridge::sendAnswer)
        const auto check = m_remote->grade(answerText());
        if (!check) {
            m_feedback->setText(tr("Noted. The answer to this one is in your teacher's lesson."));
            m_feedback->setProperty("correct", QVariant());
            return false;
        }
        showFeedback(*check);
        return check->correct;
    }
    if (!m_runner || !m_runner->page().checkpoint)
        return false;
    const int p = m_runner->position();
    const QString answer = answerText();
    const core::AnswerCheck check = m_runner->checkAnswer(p, answer.toStdString());
    m_results[static_cast<std::size_t>(p)] = check.correct;
    settings()->setValue(key(QStringLiteral("answers/%1").arg(p)), answer);
    showFeedback(check);
    if (!m_presenter)
        finishPage();
    refreshButtons();
    Q_EMIT checkpointHoldChanged(checkpointHold());
    return check.correct;
}

void LessonPanel::showFeedback(const core::AnswerCheck& check)
{
    const QString colour = check.correct ? QStringLiteral("#1b7f3b") : QStringLiteral("#b3261e");
    const QString verdict = check.correct ? tr("Right.") : tr("Not quite.");
    m_feedback->setText(
        tr("<span style='color:%1'><b>%2</b> %3</span>").arg(colour, verdict, qs(check.feedback).toHtmlEscaped()));
    m_feedback->setProperty("correct", check.correct);
}

int LessonPanel::nextThread() const
{
    if (!m_runner)
        return -1;
    const core::PageRun& run = m_runner->run(m_runner->position());
    const int position = m_controller->position();
    if (position < run.before.position() || position >= run.after.position())
        return -1;
    if (m_controller->scenario() != run.after.scenario() || m_controller->settings() != run.after.settings())
        return -1;
    const auto& mine = m_controller->simulator().history();
    const auto& lesson = run.after.history();
    if (static_cast<int>(mine.size()) < position)
        return -1;
    for (int i = 0; i < position; ++i) {
        if (mine[static_cast<std::size_t>(i)].thread != lesson[static_cast<std::size_t>(i)].thread)
            return -1;
    }
    return lesson[static_cast<std::size_t>(position)].thread;
}

bool LessonPanel::stepPage()
{
    const int thread = nextThread();
    const int hold = checkpointHold();
    if (thread < 0 || (hold >= 0 && m_controller->position() >= hold))
        return false;
    return m_gate ? m_gate->step(thread).ok() : m_controller->step(thread).ok();
}

void LessonPanel::finishPage()
{
    if (!m_runner)
        return;
    if (!m_gate || !m_gate->isReadOnly())
        driveController(*m_controller, sessionPosition(m_runner->after()));
}

bool LessonPanel::goNext()
{
    if (!m_runner || !m_runner->answered(m_runner->position()) || m_runner->position() + 1 >= m_runner->pageCount())
        return false;
    finishPage();
    m_runner->next();
    showPage();
    return true;
}

bool LessonPanel::goBack()
{
    if (!m_runner || !m_runner->back())
        return false;
    showPage();
    return true;
}

void LessonPanel::saveProgress()
{
    if (m_runner)
        settings()->setValue(key(QStringLiteral("page")), m_runner->position());
}

void LessonPanel::refreshButtons()
{
    const bool open = m_runner != nullptr;
    m_back->setEnabled(open && m_runner->position() > 0);
    m_next->setEnabled(
        open && m_runner->answered(m_runner->position()) && m_runner->position() + 1 < m_runner->pageCount());
    m_next->setToolTip(open && !m_runner->answered(m_runner->position()) ? tr("Answer the question first") : QString());
    m_step->setEnabled(open && nextThread() >= 0);
    m_submit->setEnabled((open && m_runner->page().checkpoint.has_value()) || (!open && m_remote.has_value()));
}

void LessonPanel::setPresenterMode(bool on)
{
    if (m_presenter == on)
        return;
    m_presenter = on;
    applyFonts();
    Q_EMIT presenterModeChanged(on);
    Q_EMIT highlightChanged(nextThread());
}

void LessonPanel::applyFonts()
{
    QFont f = m_baseFont;
    if (m_presenter)
        f.setPointSizeF(f.pointSizeF() * kPresenterScale);
    setFont(f);
    m_narration->document()->setDefaultFont(f);
}

void LessonPanel::keyPressEvent(QKeyEvent* event)
{
    switch (event->key()) {
    case Qt::Key_PageDown:
        if (!stepPage())
            goNext();
        return;
    case Qt::Key_PageUp:
        goBack();
        return;
    default:
        QWidget::keyPressEvent(event);
    }
}

} // namespace msb::app
