// SPDX-License-Identifier: MIT
#include "app/gui/history_model.h"
#include "app/gui/outcome.h"
#include "app/gui/verdict_model.h"
#include "core/explorer.h"
#include "support/fixtures.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace msb;
using namespace msb::testing;

class TestItemModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void historyModelRows()
    {
        app::HistoryModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        core::Simulator sim(builtin("two-faults"), preset("v5.11"));
        model.resetData(sim, {});
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(sim.replay(schedule(kLivelockRound)).ok());
        const auto outcome = app::describeOutcome(sim);
        model.resetData(sim, outcome.steps);
        QCOMPARE(model.rowCount(), 18);
        for (int r = 0; r < model.rowCount(); ++r) {
            const auto& rec = sim.history()[size_t(r)];
            const QModelIndex i = model.index(r);
            QCOMPARE(i.data(app::HistoryModel::ThreadRole).toInt(), rec.thread);
            QCOMPARE(i.data(app::HistoryModel::LabelRole).toString(), QString::fromUtf8(core::stepInfo(rec.id).id));
            QCOMPARE(i.data(app::HistoryModel::RefDeltaRole).toInt(), rec.refAfter - rec.refBefore);
            QVERIFY(!i.data(app::HistoryModel::IsRedoRole).toBool());
            QVERIFY(i.data().toString().startsWith(QStringLiteral("%1. T%2").arg(r + 1).arg(rec.thread + 1)));
        }
        QVERIFY(!outcome.steps.empty());
        for (int r : outcome.steps)
            QVERIFY(model.index(r).data(app::HistoryModel::IsHighlightedRole).toBool());
        sim.jumpTo(10);
        model.resetData(sim, {});
        QVERIFY(model.index(10).data(app::HistoryModel::IsRedoRole).toBool());
        QVERIFY(model.index(10).data(Qt::ForegroundRole).isValid()); // greyed
        QVERIFY(!model.index(9).data(app::HistoryModel::IsRedoRole).toBool());
        QVERIFY(!model.index(9).data(app::HistoryModel::IsHighlightedRole).toBool());
    }

    void verdictModelCells()
    {
        app::VerdictModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const core::Scenario scenario = builtin("two-faults");
        model.resetColumns(
            {{QStringLiteral("v5.11"), preset("v5.11")}, {QStringLiteral("v5.11-patched"), preset("v5.11-patched")}});
        QCOMPARE(model.columnCount(), 2);
        QCOMPARE(model.rowCount(), int(app::VerdictModel::RowCount));
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("…"));
        QVERIFY(!model.index(0, 0).data(app::VerdictModel::ReachedRole).isValid());
        const auto strict = core::explore(core::Model(scenario, preset("v5.11")));
        model.setResult(0, strict);
        QCOMPARE(
            model.index(app::VerdictModel::Livelock, 0).data(app::VerdictModel::ReachedRole).toBool(), strict.livelock);
        QCOMPARE(model.index(app::VerdictModel::CompletesAlways, 0).data(app::VerdictModel::ReachedRole).toBool(),
            strict.completesAlways);
        // A reached bad outcome carries its counterexample; a good one does not.
        const QModelIndex livelock = model.index(app::VerdictModel::Livelock, 0);
        QCOMPARE(livelock.data(app::VerdictModel::IsBadRole).toBool(), strict.livelock);
        QCOMPARE(model.counterexample(livelock).has_value(), strict.livelock);
        QVERIFY(!model.counterexample(model.index(app::VerdictModel::CompletesPossible, 0)).has_value());
        // An incomplete run cannot say "no".
        core::ExploreResult partial = strict;
        partial.complete = false;
        partial.deadlock = false;
        model.setResult(1, partial);
        QVERIFY(!model.index(app::VerdictModel::Deadlock, 1).data(app::VerdictModel::ReachedRole).isValid());
        QCOMPARE(model.index(app::VerdictModel::Deadlock, 1).data().toString(), QStringLiteral("?"));
        model.resetColumns({});
        QCOMPARE(model.columnCount(), 0);
    }
};

QTEST_MAIN(TestItemModels)
#include "tst_item_models.moc"
