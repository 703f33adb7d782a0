// SPDX-License-Identifier: MIT
#include "app/gui/checkpoint_input.h"

#include "core/outcome.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QRegularExpression>
#include <QSpinBox>

namespace msb::app {

CheckpointInput::CheckpointInput(QWidget* parent)
    : QStackedWidget(parent)
    , m_count(new QSpinBox(this))
    , m_choice(new QComboBox(this))
    , m_threadsBox(new QWidget(this))
{
    m_count->setRange(0, 64);
    m_count->setPrefix(tr("page_count = "));
    m_count->setAccessibleName(tr("Your answer: page_count"));
    m_choice->setAccessibleName(tr("Your answer"));
    new QHBoxLayout(m_threadsBox);
    addWidget(m_count);
    addWidget(m_choice);
    addWidget(m_threadsBox);
}

QStringList CheckpointInput::outcomeChoices()
{
    QStringList choices;
    for (const std::string& choice : core::outcomeAnswerChoices())
        choices << QString::fromStdString(choice);
    return choices;
}

void CheckpointInput::prepare(
    core::CheckpointKind kind, const QStringList& choices, const std::vector<std::string>& threads)
{
    switch (kind) {
    case core::CheckpointKind::PageCount:
        setCurrentWidget(m_count);
        m_count->setValue(0);
        break;
    case core::CheckpointKind::CanStep:
        setCurrentWidget(m_threadsBox);
        qDeleteAll(m_threads);
        m_threads.clear();
        for (const auto& thread : threads) {
            auto* box = new QCheckBox(QString::fromStdString(thread), m_threadsBox);
            m_threadsBox->layout()->addWidget(box);
            m_threads.push_back(box);
        }
        break;
    case core::CheckpointKind::Outcome:
    case core::CheckpointKind::Choice:
        setCurrentWidget(m_choice);
        m_choice->clear();
        m_choice->addItems(choices.isEmpty() && kind == core::CheckpointKind::Outcome ? outcomeChoices() : choices);
        m_choice->setCurrentIndex(-1);
        m_choice->setPlaceholderText(tr("Choose…"));
        break;
    }
}

void CheckpointInput::setOpenEnded(bool open)
{
    m_choice->setEditable(open);
}

void CheckpointInput::setQuestion(const QString& question)
{
    for (QWidget* input : {static_cast<QWidget*>(m_count), static_cast<QWidget*>(m_choice)})
        input->setAccessibleDescription(question);
}

QCheckBox* CheckpointInput::threadInput(int thread) const
{
    return thread >= 0 && thread < static_cast<int>(m_threads.size()) ? m_threads[static_cast<std::size_t>(thread)]
                                                                      : nullptr;
}

QString CheckpointInput::answerText(core::CheckpointKind kind) const
{
    switch (kind) {
    case core::CheckpointKind::PageCount:
        return QString::number(m_count->value());
    case core::CheckpointKind::CanStep: {
        QStringList names;
        for (auto* box : m_threads) {
            if (box->isChecked())
                names << box->text();
        }
        return names.isEmpty() ? QStringLiteral("none") : names.join(QLatin1Char(','));
    }
    case core::CheckpointKind::Outcome:
    case core::CheckpointKind::Choice:
        return m_choice->currentText();
    }
    return {};
}

void CheckpointInput::setAnswerText(core::CheckpointKind kind, const QString& answer)
{
    switch (kind) {
    case core::CheckpointKind::PageCount:
        m_count->setValue(answer.trimmed().toInt());
        break;
    case core::CheckpointKind::CanStep: {
        const QStringList names = answer.split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts);
        for (auto* box : m_threads)
            box->setChecked(names.contains(box->text(), Qt::CaseInsensitive));
        break;
    }
    case core::CheckpointKind::Outcome:
    case core::CheckpointKind::Choice: {
        int index = m_choice->findText(answer.trimmed(), Qt::MatchFixedString);
        if (index < 0) {
            m_choice->addItem(answer.trimmed());
            index = m_choice->count() - 1;
        }
        m_choice->setCurrentIndex(index);
        break;
    }
    }
}

} // namespace msb::app
