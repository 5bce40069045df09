package dev.selfreg.checks.rules;

import dev.selfreg.checks.CertificationRule;
import dev.selfreg.checks.Checklist;
import dev.selfreg.checks.Product;
import dev.selfreg.checks.observed.DeviceObservation;
import java.util.List;
import java.util.Optional;

/** Every rule of certification-checks.md, in the spec's order, and the checklist they make of a device. */
public final class CertificationRules {

    private static final List<CertificationRule> ALL = List.of(
            new ReportDecodes(),
            new FieldsMatchRegver(),
            new ModelNamesVendor(),
            new SwverAsFiled(),
            new ChinaTelecomCard(),
            new NoReportWithoutChange(),
            new ReportAfterEachChange(),
            new RetriesSpacedAndCounted(),
            new FirstReportSoonAfterAttach(),
            new EndpointDecrypts(),
            new DeclaredAppKey(),
            new LifetimeCoversPeriod(),
            new UpdatesEveryPeriod(),
            new TerminalInfoAnswered(),
            new RegisterRetriesThenSilence(),
            new FreshRegisterAfterEnd());

    private CertificationRules() {
    }

    /** The rules, CT-1 to CT-9 then DM-1 to DM-7. */
    public static List<CertificationRule> all() {
        return ALL;
    }

    /** The rule with this id ({@code CT-6}), if there is one. */
    public static Optional<CertificationRule> byId(String id) {
        return ALL.stream().filter(rule -> rule.id().equals(id)).findFirst();
    }

    /** Every rule's judgement of the device {@code imei}, judged as {@code product}, before its first record. */
    public static DeviceJudgement start(String imei, Product product) {
        return new DeviceJudgement(imei, product, ALL);
    }

    /** Every rule's verdict on {@code device}, judged as {@code product}; the checklist shows all its records. */
    public static Checklist judge(DeviceObservation device, Product product) {
        DeviceJudgement judgement = start(device.imei(), product);
        device.replay(judgement);
        return judgement.checklist(device.observedUntil(), device.records());
    }
}
