// SPDX-License-Identifier: MIT
#include "app/gui/history_model.h"

#include <QColor>
#include <QFont>
#include <QStringList>

namespace msb::app {

HistoryModel::HistoryModel(QObject* parent)
    : QAbstractListModel(parent)
{
}

void HistoryModel::resetData(const core::Simulator& simulator, const std::vector<int>& highlighted)
{
    beginResetModel();
    m_rows.clear();
    m_rows.reserve(simulator.history().size());
    for (const auto& rec : simulator.history()) {
        const auto& info = core::stepInfo(rec.id);
        m_rows.push_back({rec.thread, QString::fromStdString(simulator.scenario().threads[size_t(rec.thread)].name),
            QString::fromUtf8(info.id), QString::fromUtf8(info.text), QString::fromStdString(rec.note),
            rec.refAfter - rec.refBefore, rec.page});
    }
    m_highlighted = QSet<int>(highlighted.begin(), highlighted.end());
    m_causal.clear(); // a slice belongs to one run: setCausality() brings the new one
    m_deciding.clear();
    m_position = simulator.position();
    m_turningPoints.clear();
    m_watchValues.clear();
    endResetModel();
}

void HistoryModel::setCausality(const std::vector<bool>& causal, const std::vector<int>& deciding)
{
    if (causal == m_causal && QSet<int>(deciding.begin(), deciding.end()) == m_deciding)
        return;
    m_causal = causal;
    m_deciding = QSet<int>(deciding.begin(), deciding.end());
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0), index(rowCount() - 1));
}

void HistoryModel::setAnnotations(std::vector<QString> turningPoints, std::vector<QString> watchValues)
{
    m_turningPoints = std::move(turningPoints);
    m_watchValues = std::move(watchValues);
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0), index(rowCount() - 1));
}

QString HistoryModel::annotation(const std::vector<QString>& column, int row)
{
    return row < int(column.size()) ? column[std::size_t(row)] : QString();
}

void HistoryModel::setPalette(const QPalette& palette)
{
    m_palette = palette;
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0), index(rowCount() - 1));
}

int HistoryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant HistoryModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows[static_cast<size_t>(index.row())];
    const bool redo = index.row() >= m_position;
    const bool sliced = static_cast<size_t>(index.row()) < m_causal.size();
    const bool causal = sliced && m_causal[static_cast<size_t>(index.row())];
    const bool deciding = m_deciding.contains(index.row());
    switch (role) {
    case Qt::DisplayRole: {
        QString delta;
        if (row.refDelta != 0)
            delta = QStringLiteral("   [D%1 %2%3]")
                        .arg(row.page)
                        .arg(row.refDelta > 0 ? QStringLiteral("+") : QString())
                        .arg(row.refDelta);
        QString line =
            QStringLiteral("%1. %2 %3  %4%5").arg(index.row() + 1).arg(row.threadName, row.label, row.text, delta);
        if (deciding)
            line = QStringLiteral("\u25C6 ") + line + tr("   (decides the outcome)");
        // The turning point first: a long watch list would push it out of sight.
        const QString turning = annotation(m_turningPoints, index.row());
        if (!turning.isEmpty())
            line += QStringLiteral("   ") + turning;
        const QString watches = annotation(m_watchValues, index.row());
        if (!watches.isEmpty())
            line += QStringLiteral("   {%1}").arg(watches);
        return line;
    }
    case Qt::ToolTipRole: {
        QStringList lines {row.text};
        for (const QString& extra :
            {row.note, annotation(m_turningPoints, index.row()), annotation(m_watchValues, index.row())}) {
            if (!extra.isEmpty())
                lines << extra;
        }
        if (deciding)
            lines << tr("Decides the outcome.");
        else if (causal)
            lines << tr("Matters for the outcome: it happens before a deciding step.");
        else if (sliced)
            lines << tr("Does not matter for the outcome: moved after the deciding steps, the run ends the same.");
        return lines.join(QLatin1Char('\n'));
    }
    case Qt::ForegroundRole:
        if (redo || (sliced && !causal)) {
            // Faded: the disabled text colour, half-way to the base where the palette has no own one.
            QColor faded = m_palette.color(QPalette::Disabled, QPalette::Text);
            if (faded == m_palette.color(QPalette::Active, QPalette::Text)) {
                const QColor base = m_palette.color(QPalette::Base);
                faded = QColor::fromRgbF((faded.redF() + base.redF()) / 2, (faded.greenF() + base.greenF()) / 2,
                    (faded.blueF() + base.blueF()) / 2);
            }
            return faded;
        }
        return {};
    case Qt::BackgroundRole:
        if (m_highlighted.contains(index.row())) {
            QColor c(0xE0, 0x6C, 0x00);
            c.setAlpha(70);
            return c;
        }
        return {};
    case Qt::FontRole:
        if (index.row() == m_position - 1 || (sliced && !causal)) {
            QFont f;
            f.setBold(index.row() == m_position - 1);
            f.setItalic(sliced && !causal); // faded is not the only cue (colour vision)
            return f;
        }
        return {};
    case ThreadRole:
        return row.thread;
    case LabelRole:
        return row.label;
    case TextRole:
        return row.text;
    case RefDeltaRole:
        return row.refDelta;
    case IsRedoRole:
        return redo;
    case IsHighlightedRole:
        return m_highlighted.contains(index.row());
    case NoteRole:
        return row.note;
    case IsCausalRole:
        return sliced ? QVariant(causal) : QVariant();
    case IsDecidingRole:
        return deciding;
    case TurningPointRole:
        return annotation(m_turningPoints, index.row());
    case WatchValuesRole:
        return annotation(m_watchValues, index.row());
    default:
        return {};
    }
}

QHash<int, QByteArray> HistoryModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert(ThreadRole, "thread");
    names.insert(LabelRole, "label");
    names.insert(TextRole, "text");
    names.insert(RefDeltaRole, "refDelta");
    names.insert(IsRedoRole, "isRedo");
    names.insert(IsHighlightedRole, "isHighlighted");
    names.insert(NoteRole, "note");
    names.insert(IsCausalRole, "isCausal");
    names.insert(IsDecidingRole, "isDeciding");
    names.insert(TurningPointRole, "turningPoint");
    names.insert(WatchValuesRole, "watchValues");
    return names;
}

} // namespace msb::app
