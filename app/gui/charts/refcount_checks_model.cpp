// SPDX-License-Identifier: MIT
#include "app/gui/charts/refcount_checks_model.h"

namespace msb::app {

RefcountChecksModel::RefcountChecksModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void RefcountChecksModel::setSimulator(const core::Simulator& simulator)
{
    beginResetModel();
    m_checks.clear();
    const auto& history = simulator.history();
    for (int i = 0; i < static_cast<int>(history.size()); ++i) {
        const core::StepRecord& rec = history[i];
        if (rec.id != core::StepId::M7 && rec.id != core::StepId::M7Fail)
            continue;
        m_checks.push_back({i + 1, rec.page, rec.refBefore,
            simulator.model().expectedCountAtCheck(simulator.stateAt(i), rec.page), rec.id == core::StepId::M7});
    }
    endResetModel();
}

void RefcountChecksModel::clear()
{
    beginResetModel();
    m_checks.clear();
    endResetModel();
}

int RefcountChecksModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_checks.size());
}

int RefcountChecksModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RefcountChecksModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Check& check = m_checks[index.row()];
    if (role == Qt::DisplayRole || role == Qt::EditRole) {
        switch (index.column()) {
        case StepColumn:
            return check.step;
        case PageColumn:
            return check.page;
        case CountColumn:
            return check.count;
        case ExpectedColumn:
            return check.expected;
        case PassedColumn:
            // Text, so a QSortFilterProxyModel can pick the passes or the failures.
            return check.passed ? QStringLiteral("pass") : QStringLiteral("fail");
        default:
            break;
        }
    }
    return {};
}

QVariant RefcountChecksModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal)
        return {};
    switch (section) {
    case StepColumn:
        return tr("Step");
    case PageColumn:
        return tr("Page");
    case CountColumn:
        return tr("page_count seen");
    case ExpectedColumn:
        return tr("Expected");
    case PassedColumn:
        return tr("Result");
    default:
        return {};
    }
}

} // namespace msb::app
