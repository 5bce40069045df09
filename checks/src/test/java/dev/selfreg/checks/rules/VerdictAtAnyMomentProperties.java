package dev.selfreg.checks.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfreg.checks.Observations;
import dev.selfreg.checks.Product;
import dev.selfreg.checks.observed.Boot;
import dev.selfreg.checks.observed.CtReport;
import dev.selfreg.checks.observed.DeviceObservation;
import dev.selfreg.checks.observed.DmMessage;
import dev.selfreg.checks.observed.IdentityCheck;
import dev.selfreg.checks.observed.RecordFold;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The platform's device page shows checks live: the verdicts asked of a device judged record by record, at any
 * record, are those of the observation that ends there — asking changes nothing that follows.
 */
class VerdictAtAnyMomentProperties {

    /** One record of a made-up history: what it is, and how long after the one before. */
    record Step(int kind, Duration after) {
    }

    @Property(tries = 150)
    void aVerdictAskedAtAnyRecordIsTheVerdictOfTheObservationEndingThere(@ForAll("histories") List<Step> steps,
            @ForAll boolean declared) {
        Product product = declared ? RuleTests.METER : Product.UNDECLARED;
        DeviceObservation whole = history(steps);
        DeviceJudgement judgement = CertificationRules.start(whole.imei(), product);
        List<CtReport> reports = new ArrayList<>();
        List<DmMessage> messages = new ArrayList<>();
        List<Boot> boots = new ArrayList<>();

        whole.replay(new RecordFold() {
            @Override
            public void boot(Boot boot) {
                boots.add(boot);
                judgement.boot(boot);
                compare(boot.attachedAt());
            }

            @Override
            public void report(CtReport report) {
                reports.add(report);
                judgement.report(report);
                compare(report.time());
            }

            @Override
            public void message(DmMessage message) {
                messages.add(message);
                judgement.message(message);
                compare(message.time());
            }

            private void compare(Instant now) {
                DeviceObservation soFar = new DeviceObservation(whole.imei(), reports, messages, boots, now);
                assertThat(judgement.checklist(now).results())
                        .isEqualTo(CertificationRules.judge(soFar, product).results());
            }
        });
    }

    private static DeviceObservation history(List<Step> steps) {
        Observations device = Observations.device();
        Duration at = Duration.ZERO;
        for (Step step : steps) {
            at = at.plus(step.after());
            switch (step.kind()) {
                case 0 -> device.report(at);
                case 1 -> device.report(at, Observations.CT_ICCID, Observations.FIRMWARE, "1");
                case 2 -> device.report(at, Observations.CT_ICCID, "BC260YCNAAR01A05", "0");
                case 3 -> device.ctBoot(at);
                case 4 -> device.boot(at, "89860321000000000002", Observations.CT_IMSI, Observations.FIRMWARE);
                case 5 -> device.register(at, 3646);
                case 6 -> device.register(at, IdentityCheck.VERIFIED, true, 3646, false);
                case 7 -> device.update(at);
                case 8 -> device.update(at, IdentityCheck.MISMATCH, false);
                case 9 -> device.read(at, DmMessage.ReadOutcome.DECRYPTED, Map.of());
                case 10 -> device.read(at, DmMessage.ReadOutcome.FAILED, null);
                case 11 -> device.expiry(at);
                default -> device.deregister(at);
            }
        }
        return device.build();
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        Arbitrary<Duration> after = Arbitraries.of(Duration.ofSeconds(1), Duration.ofMinutes(4), Duration.ofHours(1),
                Duration.ofHours(25));
        return Combinators.combine(Arbitraries.integers().between(0, 12), after).as(Step::new).list().ofMaxSize(10);
    }
}
