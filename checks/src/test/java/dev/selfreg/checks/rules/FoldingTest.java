package dev.selfreg.checks.rules;

import static dev.selfreg.checks.Observations.at;
import static dev.selfreg.checks.Observations.device;
import static dev.selfreg.checks.Observations.h;
import static dev.selfreg.checks.Observations.min;
import static dev.selfreg.checks.Observations.s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.selfreg.checks.CertificationRule;
import dev.selfreg.checks.CheckResult;
import dev.selfreg.checks.Checklist;
import dev.selfreg.checks.Evidence;
import dev.selfreg.checks.EvidenceLog;
import dev.selfreg.checks.Observations;
import dev.selfreg.checks.Verdict;
import dev.selfreg.checks.observed.DeviceObservation;
import dev.selfreg.checks.observed.ObservedRecord;
import org.junit.jupiter.api.Test;

/** The rules take a device's records one at a time and give their verdict whenever asked. */
class FoldingTest {

    private static CertificationRule rule(String id) {
        return CertificationRules.byId(id).orElseThrow();
    }

    /** The same successful report every day for 30 days. */
    private static DeviceObservation thirtyDailyReports() {
        Observations history = device();
        for (int day = 0; day < 30; day++) {
            history.report(h(24L * day));
        }
        return history.build();
    }

    @Test
    void aLaterEndOfTheObservationTurnsAWaitIntoAFailure() {
        CertificationRule.Fold fold = rule("DM-4").start(RuleTests.METER);
        device().register(s(0), 3646).build().replay(fold);

        assertThat(fold.verdict(at(min(30))).result().verdict()).isEqualTo(Verdict.NOT_OBSERVED);
        CheckResult later = fold.verdict(at(h(3))).result();
        assertThat(later.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(later.evidence().get(0).detail()).startsWith("no Update for 3 h since this");
    }

    @Test
    void aVerdictAskedMidwayChangesNothingThatFollows() {
        CertificationRule.Fold fold = rule("DM-4").start(RuleTests.METER);
        device().register(s(0), 3646).build().replay(fold);
        fold.verdict(at(h(3)));
        fold.message(device().register(s(0), 3646).update(h(1)).build().dmMessages().get(1));

        CheckResult result = fold.verdict(at(h(1))).result();

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.evidence()).singleElement()
                .satisfies(e -> assertThat(e.detail()).isEqualTo("Update 1 h after dm-event 1, declared 1 h ± 10 %"));
    }

    @Test
    void aLongHistoryShowsTheFirstEvidenceAndCountsAll() {
        CheckResult result = RuleTests.judge("CT-6", thirtyDailyReports());

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.summary()).isEqualTo("29 successful report(s) without a change");
        assertThat(result.evidence()).hasSize(EvidenceLog.KEPT);
        assertThat(result.evidence().get(0).ref()).isEqualTo("ct-report 2");
    }

    @Test
    void aReportAtTheMomentOfAnAttachBelongsToThatBoot() {
        DeviceObservation device = device().report(s(0)).ctBoot(s(0)).build();

        CheckResult result = RuleTests.judge("CT-9", device);

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.evidence()).singleElement()
                .satisfies(e -> assertThat(e.detail()).isEqualTo("first report 0 s after the attach of boot 1"));
    }

    @Test
    void aDeviceJudgedAsItsRecordsArriveShowsOnlyTheRecordsItsEvidenceNames() {
        DeviceObservation device = thirtyDailyReports();
        DeviceJudgement judgement = CertificationRules.start(device.imei(), RuleTests.METER);
        device.replay(judgement);

        Checklist checklist = judgement.checklist(device.observedUntil());

        assertThat(checklist.results()).isEqualTo(CertificationRules.judge(device, RuleTests.METER).results());
        assertThat(checklist.records()).extracting(ObservedRecord::ref).containsExactlyInAnyOrderElementsOf(
                checklist.results().stream().flatMap(r -> r.evidence().stream()).map(Evidence::ref).distinct()
                        .toList());
        assertThat(checklist.records()).hasSizeLessThan(device.records().size());
    }
}
