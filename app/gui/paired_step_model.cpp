// SPDX-License-Identifier: MIT
#include "app/gui/paired_step_model.h"

#include "app/gui/kernel_diff_text.h"

#include <QFont>

namespace msb::app {

PairedStepModel::PairedStepModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void PairedStepModel::setReplay(const core::Scenario& scenario, const core::PairedReplay& replay)
{
    beginResetModel();
    m_steps = replay.steps;
    m_threadNames.clear();
    for (const auto& thread : scenario.threads)
        m_threadNames.push_back(QString::fromStdString(thread.name));
    m_first = replay.firstDivergence();
    endResetModel();
}

void PairedStepModel::clear()
{
    beginResetModel();
    m_steps.clear();
    m_first.reset();
    endResetModel();
}

QColor PairedStepModel::divergenceColor()
{
    // The accent orange of the scenes' warnings: readable on light and dark rows alike.
    return QColor(0xe0, 0x7b, 0x1a);
}

int PairedStepModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_steps.size());
}

int PairedStepModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PairedStepModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const core::PairedStep& step = m_steps[static_cast<std::size_t>(index.row())];
    const bool first = m_first == index.row();
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case ChoiceColumn:
            return QString(first ? QStringLiteral("▶ %1") : QStringLiteral("%1")).arg(index.row() + 1);
        case ThreadColumn:
            return m_threadNames[static_cast<std::size_t>(step.thread)];
        case StepAColumn:
            return pairedStepName(step.stepA);
        case StepBColumn:
            return pairedStepName(step.stepB);
        case NoteColumn:
            if (first)
                return step.stepA == step.stepB ? tr("first divergence: the states differ after it")
                                                : tr("first divergence");
            return step.diverged ? tr("differs") : QString();
        }
        return {};
    case Qt::BackgroundRole:
        if (first)
            return divergenceColor();
        return {};
    case Qt::ForegroundRole:
        if (first)
            return QColor(Qt::black);
        return {};
    case Qt::FontRole:
        if (first) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::AccessibleDescriptionRole:
        return first ? tr("first divergence") : QVariant();
    default:
        return {};
    }
}

QVariant PairedStepModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ChoiceColumn:
        return tr("Choice");
    case ThreadColumn:
        return tr("Thread");
    case StepAColumn:
        return tr("A runs");
    case StepBColumn:
        return tr("B runs");
    case NoteColumn:
        return QString();
    }
    return {};
}

} // namespace msb::app
