// SPDX-License-Identifier: MIT
// States discovered over time per preset while the explorer runs, fed by progress snapshots
// (core::ExploreProgress) and closed by the verdict. Two columns per preset: seconds and states;
// preset p's snapshots fill rows 0..snapshotCount(p)-1 of its columns (cells below are empty).
#pragma once

#include <QAbstractTableModel>
#include <QStringList>

#include <vector>

namespace msb::app {

class ExplorationModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Roles { VerdictRole = Qt::UserRole };

    explicit ExplorationModel(QObject* parent = nullptr);

    /*! Adds a snapshot; a preset seen for the first time gets its two columns (and a 0,0 point). */
    void addSnapshot(const QString& preset, double seconds, qulonglong states);
    void setVerdict(const QString& preset, const QString& verdict);
    void clear();

    int presetCount() const { return static_cast<int>(m_presets.size()); }
    int presetIndex(const QString& preset) const;
    QString presetName(int index) const { return m_presets[index].name; }
    QString verdict(int index) const { return m_presets[index].verdict; }
    int snapshotCount(int index) const { return static_cast<int>(m_presets[index].points.size()); }
    int secondsColumn(int index) const { return 2 * index; }
    int statesColumn(int index) const { return 2 * index + 1; }
    double maxSeconds() const { return m_maxSeconds; }
    qulonglong maxStates() const { return m_maxStates; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void verdictChanged(int preset);

private:
    struct Point
    {
        double seconds;
        qulonglong states;
    };
    struct Preset
    {
        QString name;
        QString verdict;
        std::vector<Point> points;
    };
    std::vector<Preset> m_presets;
    int m_rows = 0;
    double m_maxSeconds = 0;
    qulonglong m_maxStates = 0;
};

} // namespace msb::app
