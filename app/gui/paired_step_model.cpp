// SPDX-License-Identifier: MIT
#include "app/gui/paired_step_model.h"

#include "app/gui/kernel_diff_text.h"

#include <QFont>
#include <QPainter>
#include <QPixmap>
#include <QStringList>

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
    m_prefixLength = 0;
    m_cycleLength = 0;
    endResetModel();
}

void PairedStepModel::setRounds(int prefixLength, int cycleLength)
{
    m_prefixLength = prefixLength;
    m_cycleLength = cycleLength;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, NoteColumn), index(rowCount() - 1, NoteColumn));
}

int PairedStepModel::roundStartingAt(int row) const
{
    if (m_cycleLength <= 0 || row < m_prefixLength || (row - m_prefixLength) % m_cycleLength != 0)
        return 0;
    return (row - m_prefixLength) / m_cycleLength + 1;
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
        case NoteColumn: {
            QStringList notes;
            if (const int round = roundStartingAt(index.row()))
                notes << tr("round %1 of the cycle starts").arg(round);
            if (first)
                notes << (step.stepA == step.stepB ? tr("first divergence: the states differ after it")
                                                   : tr("first divergence"));
            else if (step.diverged)
                notes << tr("differs");
            return notes.join(QStringLiteral(" · "));
        }
        }
        return {};
    case Qt::DecorationRole:
        // A colour that stays visible when the row is selected (the background then is not).
        if (first && index.column() == ChoiceColumn) {
            QPixmap dot(12, 12);
            dot.fill(Qt::transparent);
            QPainter painter(&dot);
            painter.setRenderHint(QPainter::Antialiasing);
            painter.setPen(QPen(Qt::black, 1));
            painter.setBrush(divergenceColor());
            painter.drawEllipse(QRectF(1, 1, 10, 10));
            return dot;
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
