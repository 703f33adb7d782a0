// SPDX-License-Identifier: MIT
// Migration attempts until success, per preset, derived from an OddsModel: one row per number of
// attempts r (1, 2, ...), one column per preset with the share (%) of that preset's migrated
// pages that committed on attempt r (core/odds.h defines an attempt).
#pragma once

#include <QAbstractTableModel>
#include <QPointer>

#include <vector>

namespace msb::app {

class OddsModel;

class RoundsHistogramModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Roles { CountRole = Qt::UserRole };

    explicit RoundsHistogramModel(OddsModel* source, QObject* parent = nullptr);

    int maxRounds() const { return static_cast<int>(m_rows); }
    int presetCount() const { return static_cast<int>(m_columns.size()); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void rebuild();

    struct PresetColumn
    {
        QString name;
        std::vector<int> histogram; // [r] as in OddsResult::roundsHistogram
        int migrated = 0;
    };
    QPointer<OddsModel> m_source;
    std::vector<PresetColumn> m_columns;
    std::size_t m_rows = 0;
};

} // namespace msb::app
