// SPDX-License-Identifier: MIT
#include "app/gui/find_state_box.h"

#include "app/gui/simulation_controller.h"
#include "core/expression.h"
#include "core/model.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <memory>

namespace msb::app {

namespace {

constexpr int kRememberedExpressions = 10;

/// "T1:M0 T1:M1 ...", as `explore --find` prints a schedule.
QString stepsText(const core::Scenario& scenario, const std::vector<core::TraceStep>& steps)
{
    QStringList out;
    for (const core::TraceStep& step : steps) {
        out << QStringLiteral("%1:%2").arg(QString::fromStdString(scenario.threads[size_t(step.thread)].name),
            QString::fromUtf8(core::stepInfo(step.step).id));
    }
    return out.join(QLatin1Char(' '));
}

} // namespace

FindStateBox::FindStateBox(SimulationController* controller, QWidget* parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_expression(new QComboBox(this))
    , m_find(new QPushButton(tr("Find"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_load(new QPushButton(tr("Load"), this))
    , m_result(new QLabel(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* row = new QHBoxLayout;
    auto* label = new QLabel(tr("Find a &state:"), this);
    label->setBuddy(m_expression);
    m_expression->setEditable(true);
    m_expression->setInsertPolicy(QComboBox::NoInsert); // find() keeps the history itself
    m_expression->setMaxCount(kRememberedExpressions);
    m_expression->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_expression->setMinimumContentsLength(24);
    m_expression->lineEdit()->setPlaceholderText(tr("page_count(D0) == 3 && sleeping(T2)"));
    m_expression->lineEdit()->setClearButtonEnabled(true);
    m_expression->setAccessibleName(tr("Expression to find"));
    m_expression->setToolTip(tr("A true-or-false expression about one state (docs/expressions.md): page_count(D0), "
                                "owner(D0), sleeping(T2), step(T1), pte(X0), ... compared with == != < <= > >= "
                                "and joined with && || !. Find searches every state breadth-first for the nearest "
                                "one where it holds."));
    m_find->setFocusPolicy(Qt::NoFocus);
    m_cancel->setFocusPolicy(Qt::NoFocus);
    m_load->setFocusPolicy(Qt::NoFocus);
    m_load->setToolTip(tr("Replay the schedule to the state found: the run lands there."));
    row->addWidget(label);
    row->addWidget(m_expression, 1);
    row->addWidget(m_find);
    row->addWidget(m_cancel);
    layout->addLayout(row);
    auto* resultRow = new QHBoxLayout;
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    resultRow->addWidget(m_result, 1);
    resultRow->addWidget(m_load, 0, Qt::AlignTop);
    layout->addLayout(resultRow);

    connect(m_find, &QPushButton::clicked, this, &FindStateBox::find);
    connect(m_expression->lineEdit(), &QLineEdit::returnPressed, this, &FindStateBox::find);
    connect(m_cancel, &QPushButton::clicked, this, &FindStateBox::cancel);
    connect(m_load, &QPushButton::clicked, this, &FindStateBox::load);
    // A search or a result of another scenario or kernel no longer applies.
    connect(m_controller, &SimulationController::scenarioChanged, this,
        [this] { dropResult(tr("The scenario changed: Find again to search this one.")); });
    connect(m_controller, &SimulationController::settingsChanged, this,
        [this] { dropResult(tr("The settings changed: Find again to search under them.")); });
    setRunning(false);
    m_load->setVisible(false);
}

FindStateBox::~FindStateBox() = default;

QString FindStateBox::resultText() const
{
    return m_result->text();
}

void FindStateBox::setExpression(const QString& text)
{
    m_expression->setEditText(text);
}

void FindStateBox::find()
{
    const QString text = m_expression->currentText().trimmed();
    m_jobs.cancel();
    m_schedule.clear();
    m_found = false;
    m_load->setVisible(false);
    if (text.isEmpty()) {
        setRunning(false);
        showResult(tr("Type an expression to find, e.g. page_count(D0) == 3 && sleeping(T2)."));
        Q_EMIT searchFinished();
        return;
    }
    const core::Scenario& scenario = m_controller->scenario();
    auto parsed = core::Expression::parse(text.toStdString(), scenario);
    if (!parsed) {
        setRunning(false);
        showResult(tr("Not searched: %1").arg(QString::fromStdString(parsed.error().toString())));
        Q_EMIT searchFinished();
        return;
    }
    if (parsed.value().kind() != core::ValueKind::Boolean) {
        setRunning(false);
        showResult(tr("Not searched: '%1' is %2, not true or false: compare it, e.g. '%1 == ...'")
                       .arg(text, QString::fromUtf8(core::valueKindName(parsed.value().kind()).data())));
        Q_EMIT searchFinished();
        return;
    }
    // Remember it, newest first, once.
    const int known = m_expression->findText(text);
    if (known >= 0)
        m_expression->removeItem(known);
    m_expression->insertItem(0, text);
    m_expression->setCurrentIndex(0);

    auto expression = std::make_shared<const core::Expression>(std::move(parsed).value());
    auto model = std::make_shared<const core::Model>(scenario, m_controller->settings());
    setRunning(true);
    showResult(tr("Searching every state breadth-first for %1…").arg(text));
    m_jobs.start(
        [expression, model](const JobTracker::Job& job) {
            core::FindOptions options;
            options.cancel = job.cancelFlag();
            core::FindResult result = core::findState(*model, *expression, options);
            QStringList values;
            if (result.found) {
                for (const auto& [call, value] : expression->callValues(*model, result.state)) {
                    values << QStringLiteral("%1 = %2").arg(QString::fromStdString(call),
                        QString::fromStdString(core::valueText(model->scenario(), value)));
                }
            }
            return std::make_pair(std::move(result), values.join(QStringLiteral(", ")));
        },
        [this, text](std::pair<core::FindResult, QString> done) { onFound(text, done.first, done.second); });
}

void FindStateBox::onFound(const QString& expression, const core::FindResult& result, const QString& values)
{
    setRunning(false);
    if (result.found) {
        m_schedule.clear();
        for (const core::TraceStep& step : result.schedule)
            m_schedule.push_back(step.thread);
        const QString schedule =
            result.schedule.empty() ? tr("(the initial state)") : stepsText(m_controller->scenario(), result.schedule);
        showResult(tr("%1: found after %2 steps (shortest; %3 states explored). Schedule: %4. Values: %5.")
                       .arg(expression)
                       .arg(result.schedule.size())
                       .arg(result.states)
                       .arg(schedule, values));
        m_found = true;
        m_load->setVisible(true);
    } else if (result.complete) {
        showResult(tr("%1: unreachable: no reachable state satisfies it (%2 states, proved).")
                       .arg(expression)
                       .arg(result.states));
    } else {
        showResult(tr("%1: not found in the %2 states explored (incomplete: %3); a state beyond them may still "
                      "satisfy it.")
                       .arg(expression)
                       .arg(result.states)
                       .arg(QString::fromStdString(core::findIncompleteReason(result))));
    }
    Q_EMIT searchFinished();
}

void FindStateBox::load()
{
    if (m_found)
        Q_EMIT loadRequested(m_schedule);
}

void FindStateBox::cancel()
{
    if (!m_jobs.isRunning())
        return;
    m_jobs.cancel();
    setRunning(false);
    showResult(tr("Cancelled: nothing found yet."));
    Q_EMIT searchFinished();
}

void FindStateBox::dropResult(const QString& why)
{
    if (!m_jobs.isRunning() && !m_found && m_result->text().isEmpty())
        return;
    const bool wasRunning = m_jobs.isRunning();
    m_jobs.cancel();
    m_schedule.clear();
    m_found = false;
    m_load->setVisible(false);
    setRunning(false);
    showResult(why);
    if (wasRunning)
        Q_EMIT searchFinished();
}

void FindStateBox::showResult(const QString& text)
{
    m_result->setText(text);
}

void FindStateBox::setRunning(bool running)
{
    m_find->setEnabled(!running);
    m_cancel->setEnabled(running);
}

} // namespace msb::app
