// SPDX-License-Identifier: MIT
// Who holds each reference: the tokens drawn on a D card must add up to page_count(D) in every
// reachable state we can sample, under every preset.
#include "core/simulator.h"
#include "scene_test_support.h"
#include "scenes/ref_attribution.h"

#include <QTest>

using namespace msb;
using scenes::RefKind;

namespace {

int countKind(const scenes::Attribution& a, RefKind kind, int thread = -2)
{
    int n = 0;
    for (const auto& token : a.tokens)
        n += token.kind == kind && (thread == -2 || token.thread == thread);
    return n;
}

} // namespace

class TestRefAttribution : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sumsToRefcountOnRandomRuns()
    {
        const std::vector<core::Scenario> scenarios {scenes::test::twoFaults(), scenes::test::faultVsHolder(),
            scenes::test::twoFaultsAndHolder(), core::makeNFaults(3, 2), core::makeNFaults(8, 16)};
        long checkedStates = 0;
        for (const core::Preset& preset : core::presets()) {
            for (const core::Scenario& scenario : scenarios) {
                for (std::uint64_t seed = 1; seed <= 12; ++seed) {
                    core::Model model(scenario, preset.settings);
                    core::State state = model.initialState();
                    core::RandomScheduler random(seed * 7919 + scenario.threads.size());
                    for (int step = 0; step < 400; ++step) {
                        for (int p = 0; p < model.pageCount(); ++p) {
                            const scenes::Attribution a = scenes::attributeReferences(model, state, p);
                            const QString where = QStringLiteral("%1 on %2, seed %3, step %4, D%5")
                                                      .arg(QString::fromUtf8(preset.name.data(), preset.name.size()),
                                                          QString::fromStdString(scenario.name))
                                                      .arg(seed)
                                                      .arg(step)
                                                      .arg(p);
                            QVERIFY2(a.balanced, qPrintable(where));
                            // The count the release reports: zero-based from v5.18, without a base.
                            const int count = model.kernelPageCount(state.pages[p].dRef);
                            QCOMPARE(a.attributed, count);
                            QCOMPARE(static_cast<int>(a.tokens.size()), count);
                            QCOMPARE(countKind(a, RefKind::Unknown), 0);
                            // One-based releases keep a base reference; v5.18 - v6.0 give a freed
                            // page the count 1 back (K24), drawn as a base too.
                            const bool freedToOne = preset.settings.refcount == core::RefcountBase::ZeroBased
                                && preset.settings.faultRef == core::FaultRef::None && state.pages[p].dRef == 1;
                            QCOMPARE(countKind(a, RefKind::Base),
                                preset.settings.refcount == core::RefcountBase::OneBased || freedToOne ? 1 : 0);
                            ++checkedStates;
                        }
                        const std::uint32_t mask = model.enabledMask(state);
                        if (mask == 0)
                            break;
                        model.apply(state, random.pick(mask));
                    }
                }
            }
        }
        qInfo("checked %ld page states", checkedStates);
    }

    // K24: a page back in the driver's pool shows 1 up to v6.0 (one-based, then reset to 1 after
    // page_free) and 0 from v6.1; display only, so the verdict tables do not move.
    void freedPageShowsTheReleasesCount_data()
    {
        QTest::addColumn<QString>("preset");
        QTest::addColumn<int>("freedCount");
        QTest::newRow("v5.17") << QStringLiteral("v5.17") << 1;
        QTest::newRow("v5.18") << QStringLiteral("v5.18") << 1;
        QTest::newRow("v6.1") << QStringLiteral("v6.1") << 0;
        QTest::newRow("v7.0") << QStringLiteral("v7.0") << 0;
    }

    void freedPageShowsTheReleasesCount()
    {
        QFETCH(QString, preset);
        QFETCH(int, freedCount);
        // T1 faults alone and migrates D0 to the end: D0 is freed at M8s.3.
        core::Model model(scenes::test::twoFaults(), scenes::test::preset(preset.toStdString()));
        core::State state = model.initialState();
        // Mapped: base + mapping up to v5.17, the mapping alone from v5.18 (K29).
        QCOMPARE(model.kernelPageCount(state.pages[0].dRef), preset == QLatin1String("v5.17") ? 2 : 1);
        for (int step = 0; step < 60 && !model.threadFinished(state, 0); ++step)
            model.apply(state, 0);
        QVERIFY(model.threadFinished(state, 0));
        QCOMPARE(state.pages[0].pte, core::Pte::Present);
        QCOMPARE(model.kernelPageCount(state.pages[0].dRef), freedCount);
        const scenes::Attribution a = scenes::attributeReferences(model, state, 0);
        QVERIFY(a.balanced);
        QCOMPARE(a.attributed, freedCount);
    }

    void documentedScheduleTokens()
    {
        core::Simulator sim(scenes::test::twoFaults(), scenes::test::preset("v5.11"));
        const auto schedule = scenes::test::documentedSchedule();
        auto at = [&](int steps) {
            sim.reset();
            QVERIFY(sim.replay(std::vector<int>(schedule.begin(), schedule.begin() + steps)).ok());
        };
        at(0);
        auto a = scenes::attributeReferences(sim.model(), sim.state(), 0);
        QCOMPARE(countKind(a, RefKind::Mapping), 1);
        QCOMPARE(static_cast<int>(a.tokens.size()), 2);
        // After step 10: T1 holds the collect reference and is about to check; T2 holds a waiter one.
        at(10);
        a = scenes::attributeReferences(sim.model(), sim.state(), 0);
        QCOMPARE(countKind(a, RefKind::Collect, 0), 1);
        QCOMPARE(countKind(a, RefKind::Waiter, 1), 1);
        QCOMPARE(countKind(a, RefKind::Mapping), 0);
        QCOMPARE(int(sim.state().pages[0].dRef), 3);
        QCOMPARE(sim.model().expectedCountAtCheck(sim.state(), 0), 2);
        // After 13: T2 dropped its reference and sleeps; T1 still holds collect.
        at(13);
        a = scenes::attributeReferences(sim.model(), sim.state(), 0);
        QCOMPARE(countKind(a, RefKind::Waiter), 0);
        QCOMPARE(countKind(a, RefKind::Collect, 0), 1);
    }

    void holderToken()
    {
        core::Simulator sim(scenes::test::faultVsHolder(), scenes::test::preset("v5.11"));
        QVERIFY(sim.step(1).ok()); // H1: H takes its reference
        const auto a = scenes::attributeReferences(sim.model(), sim.state(), 0);
        QCOMPARE(countKind(a, RefKind::Holder, 1), 1);
        QCOMPARE(int(sim.state().pages[0].dRef), 3);
    }

    void unbalancedShowsUnknown()
    {
        // A state the model never produces: an extra reference nobody explains.
        core::Model model(scenes::test::twoFaults(), scenes::test::preset("v5.11"));
        core::State state = model.initialState();
        state.pages[0].dRef = 4;
        const auto a = scenes::attributeReferences(model, state, 0);
        QVERIFY(!a.balanced);
        QCOMPARE(countKind(a, RefKind::Unknown), 2);
    }

    void roles()
    {
        QCOMPARE(scenes::roleOf(core::Pc::Access), scenes::Role::Cpu);
        QCOMPARE(scenes::roleOf(core::Pc::M8RPut), scenes::Role::Migrator);
        QCOMPARE(scenes::roleOf(core::Pc::U2Unlock), scenes::Role::Migrator);
        QCOMPARE(scenes::roleOf(core::Pc::W5), scenes::Role::Waiter);
        QCOMPARE(scenes::roleOf(core::Pc::H2), scenes::Role::Holder);
        QCOMPARE(scenes::roleOf(core::Pc::Sigbus), scenes::Role::Sigbus);
    }
};

QTEST_GUILESS_MAIN(TestRefAttribution)
#include "tst_ref_attribution.moc"
