// SPDX-License-Identifier: MIT
#include "app/gui/charts/refcount_timeline_model.h"

#include <algorithm>

namespace msb::app {

RefcountTimelineModel::RefcountTimelineModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void RefcountTimelineModel::setSimulator(const core::Simulator& simulator)
{
    beginResetModel();
    const core::Model& model = simulator.model();
    m_pages = model.pageCount();
    m_rows = simulator.historySize() + 1;
    m_counts.resize(std::size_t(m_rows) * m_pages);
    m_expected.resize(m_counts.size());
    m_maxCount = 0;
    for (int i = 0; i < m_rows; ++i) {
        const core::State& state = simulator.stateAt(i);
        for (int p = 0; p < m_pages; ++p) {
            m_counts[i * m_pages + p] = state.pages[p].dRef;
            m_expected[i * m_pages + p] = model.expectedCountAtCheck(state, p);
            m_maxCount = std::max({m_maxCount, m_counts[i * m_pages + p], m_expected[i * m_pages + p]});
        }
    }
    endResetModel();
}

void RefcountTimelineModel::clear()
{
    beginResetModel();
    m_pages = m_rows = m_maxCount = 0;
    m_counts.clear();
    m_expected.clear();
    endResetModel();
}

int RefcountTimelineModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int RefcountTimelineModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() || m_rows == 0 ? 0 : 1 + 2 * m_pages;
}

QVariant RefcountTimelineModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const int column = index.column();
    const Kind kind = column == 0 ? Kind::Step : column <= m_pages ? Kind::Count : Kind::Expected;
    const int page = kind == Kind::Count ? column - 1 : kind == Kind::Expected ? column - 1 - m_pages : -1;
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        if (kind == Kind::Step)
            return index.row();
        return kind == Kind::Count ? m_counts[index.row() * m_pages + page] : m_expected[index.row() * m_pages + page];
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
    case PageRole:
        return page;
    case KindRole:
        return static_cast<int>(kind);
    default:
        return {};
    }
}

QVariant RefcountTimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return {};
    if (section == 0)
        return tr("Step");
    if (section <= m_pages)
        return tr("page_count(D%1)").arg(section - 1);
    return tr("expected at check (D%1)").arg(section - 1 - m_pages);
}

} // namespace msb::app
