package dev.selfreg.lab.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import dev.selfreg.platform.PlatformSettings;
import dev.selfreg.platform.store.CtRegistration;
import dev.selfreg.platform.store.JdbcPlatformStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Small fleets (tens of modules, a few days of module time) under each storm, on the virtual clock. */
class FleetStormsTest {

    private static final String A04 = "BC260YCNAAR01A04";

    private static FleetStorms storms(Optional<FleetStorms.Fota> fota, double loss, double duplicate,
            Optional<FleetStorms.Outage> outage, boolean ctSleepOff) {
        return new FleetStorms(fota, loss, duplicate, outage, ctSleepOff,
                fota.isPresent() ? Optional.of(FleetStorms.FOTA_FROM) : Optional.empty(), 7);
    }

    private static FleetReport run(int ct, int cm, int days, FleetStorms storms) {
        return Fleet.run(FleetTest.inMemory(), new FleetPlan(ct, cm, days, Duration.ofDays(1)), storms, (done, total) -> { });
    }

    private static Map<String, Long> explained(FleetReport report, String carrier) {
        return report.explanations().get(carrier).stream()
                .collect(Collectors.toMap(FleetReport.Explained::explanation, FleetReport.Explained::modules));
    }

    @Test
    void aFotaWaveMakesEveryUpgradedChinaTelecomModuleRegisterAgain() {
        FleetReport report = run(12, 4, 2, storms(Optional.of(new FleetStorms.Fota(A04, Duration.ofDays(1), 1)), 0, 0,
                Optional.empty(), false));

        assertThat(explained(report, Fleet.CHINA_TELECOM)).containsExactly(Map.entry(
                "registered on attempt 1; after the FOTA to " + A04 + ", registered again on attempt 1;"
                        + " AT+QSREGENABLE? reads 3 (seed 3.2.1)", 12L));
        assertThat(explained(report, Fleet.CHINA_MOBILE)).containsOnlyKeys(
                "registered, state 6 at the end; after the FOTA to " + A04 + ", registered again, state 11 at the end");
        assertThat(report.rows()).filteredOn(row -> row.outcome().startsWith("China Telecom registrations"))
                .singleElement().satisfies(row -> assertThat(row.observed()).isEqualTo(24));
        assertThat(report.passed()).as(report.table()).isTrue();
    }

    @Test
    void aFotaWaveTakesItsModulesInBatchesOfAWaveASecondOfModuleTimeApart() {
        String url = "jdbc:h2:mem:fleet-fota-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        PlatformSettings settings = new PlatformSettings("127.0.0.1", 0, 0, 0, 0, Optional.of(url), Path.of("unused"),
                List.of(), false, Optional.empty());
        int modules = 2 * Fleet.WAVE + 2;

        FleetReport report = Fleet.run(settings, new FleetPlan(modules, 0, 1, Duration.ofDays(1)),
                storms(Optional.of(new FleetStorms.Fota(A04, Duration.ofHours(6), 1)), 0, 0, Optional.empty(), false),
                (done, total) -> { });

        assertThat(report.passed()).as(report.table()).isTrue();
        try (JdbcPlatformStore store = JdbcPlatformStore.open(url, null, null)) {
            List<Instant> afterFota = store.ctRegistrations(null, Integer.MAX_VALUE).stream()
                    .filter(registration -> registration.swver().equals(A04)).map(CtRegistration::receivedAt)
                    .sorted().toList();
            assertThat(afterFota).hasSize(modules);
            // three batches: 64, 64 and 2 modules, a second apart
            assertThat(Duration.between(afterFota.get(0), afterFota.get(modules - 1)))
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(2)).isLessThan(Duration.ofSeconds(3));
            assertThat(afterFota.stream().distinct().count()).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void aFotaWaveFromAnotherFirmwareLeavesQsregenableAtOne() {
        FleetStorms fromA05 = new FleetStorms(Optional.of(new FleetStorms.Fota("BC260YCNAAR01A06", Duration.ofHours(6), 1)),
                0, 0, Optional.empty(), false, Optional.of("BC260YCNAAR01A05"), 7);

        FleetReport report = run(3, 0, 1, fromA05);

        assertThat(explained(report, Fleet.CHINA_TELECOM)).containsExactly(Map.entry(
                "registered on attempt 1; after the FOTA to BC260YCNAAR01A06, registered again on attempt 1", 3L));
    }

    @Test
    void aFotaWaveOfAFractionUpgradesThatShareOfTheModules() {
        FleetReport report = run(20, 0, 1, storms(Optional.of(new FleetStorms.Fota(A04, Duration.ofHours(12), 0.5)),
                0, 0, Optional.empty(), false));

        assertThat(explained(report, Fleet.CHINA_TELECOM)).containsOnly(
                Map.entry("registered on attempt 1", 10L),
                Map.entry("registered on attempt 1; after the FOTA to " + A04 + ", registered again on attempt 1;"
                        + " AT+QSREGENABLE? reads 3 (seed 3.2.1)", 10L));
        assertThat(report.passed()).as(report.table()).isTrue();
    }

    @Test
    void withLossTheFailedAttemptsAreThoseThatLostEveryDatagramAndThePlatformReconciles() {
        FleetReport report = run(30, 10, 2, storms(Optional.empty(), 0.6, 0, Optional.empty(), true));

        assertThat(report.datagrams().lost()).isPositive();
        long explainedModules = explained(report, Fleet.CHINA_TELECOM).values().stream().mapToLong(Long::longValue).sum();
        assertThat(explainedModules).isEqualTo(30);
        assertThat(explained(report, Fleet.CHINA_TELECOM).keySet()).anyMatch(text -> text.contains("attempt 2"));
        assertThat(report.rows()).allSatisfy(row -> assertThat(row.met()).as(row.outcome()).isTrue());
    }

    @Test
    void aDuplicatedDatagramIsStoredOnce() {
        FleetReport report = run(10, 5, 1, storms(Optional.empty(), 0, 1, Optional.empty(), false));

        assertThat(report.rows()).filteredOn(row -> row.outcome().contains("beyond those acknowledged"))
                .hasSize(2).allSatisfy(row -> assertThat(row.observed()).isZero());
        assertThat(report.rows()).filteredOn(row -> row.outcome().startsWith("China Telecom registrations"))
                .singleElement().satisfies(row -> assertThat(row.observed()).isEqualTo(10));
        assertThat(report.passed()).as(report.table()).isTrue();
    }

    @Test
    void anOutageAtBootMakesChinaTelecomRetryAndGiveUpAfterTheSeedsThreeAttemptsAndChinaMobileTimeOut() {
        FleetReport report = run(10, 5, 1, storms(Optional.empty(), 0, 0,
                Optional.of(new FleetStorms.Outage(Duration.ZERO, Duration.ofHours(3))), true));

        assertThat(explained(report, Fleet.CHINA_TELECOM)).containsExactly(
                Map.entry("gave up after 3 attempts (seed 2.1.3)", 10L));
        assertThat(explained(report, Fleet.CHINA_MOBILE)).containsExactly(
                Map.entry("Register timed out (state 8), state 8 at the end", 5L));
        assertThat(report.passed()).as(report.table()).isTrue();
    }

    @Test
    void chinaTelecomModulesRetryThroughAShortOutageAndRegisterOnTheirThirdAttempt() {
        FleetReport report = run(10, 0, 1, storms(Optional.empty(), 0, 0,
                Optional.of(new FleetStorms.Outage(Duration.ZERO, Duration.ofMinutes(90))), true));

        assertThat(explained(report, Fleet.CHINA_TELECOM)).containsExactly(Map.entry("registered on attempt 3", 10L));
        assertThat(report.passed()).as(report.table()).isTrue();
    }

    @Test
    void withSleepAllowedAChinaTelecomModuleGivesUpAfterOneAttempt() {
        FleetReport report = run(5, 0, 1, storms(Optional.empty(), 0, 0,
                Optional.of(new FleetStorms.Outage(Duration.ZERO, Duration.ofHours(1))), false));

        assertThat(explained(report, Fleet.CHINA_TELECOM)).containsExactly(
                Map.entry("gave up after 1 attempt (sleep allowed: next boot, seed 2.1.4)", 5L));
        assertThat(report.passed()).as(report.table()).isTrue();
    }

    @Test
    void chinaMobileModulesLoseTheirRegistrationInAnOutageAndRecoverAtTheNextPeriod() {
        FleetReport report = run(0, 6, 3, storms(Optional.empty(), 0, 0,
                Optional.of(new FleetStorms.Outage(Duration.ofHours(23), Duration.ofHours(25))), false));

        assertThat(report.explanations().get(Fleet.CHINA_MOBILE)).singleElement().satisfies(story -> {
            assertThat(story.explanation()).contains("an Update failed (state 13)",
                    "its registration expired (state 9) and it registered again");
            assertThat(story.modules()).isEqualTo(6);
        });
        assertThat(report.passed()).as(report.table()).isTrue();
    }

    @Test
    void aFotaWaveInAnOutageLeavesTheOldCmdmpRegistrationsToExpireAsExpected() {
        FleetReport report = run(0, 4, 2, storms(Optional.of(new FleetStorms.Fota(A04, Duration.ofDays(1), 1)), 0, 0,
                Optional.of(new FleetStorms.Outage(Duration.ofDays(1), Duration.ofDays(1).plusHours(2))), false));

        assertThat(explained(report, Fleet.CHINA_MOBILE)).containsExactly(Map.entry("registered, state 6 at the end;"
                + " after the FOTA to " + A04 + ", Register timed out (state 8), state 8 at the end", 4L));
        assertThat(report.rows()).filteredOn(row -> row.outcome().startsWith("CMDMP registrations the platform expired"))
                .singleElement().satisfies(row -> assertThat(row.observed()).isEqualTo(4));
        assertThat(report.passed()).as(report.table()).isTrue();
    }

    @Test
    void theBatteryCostSplitsTheAwakeTimeByReasonAndShowsSelfRegistrationsShare() {
        FleetReport report = run(6, 6, 1, FleetStorms.NONE);

        BatteryCost mobile = report.battery().get(Fleet.CHINA_MOBILE);
        assertThat(mobile.modules()).isEqualTo(6);
        BatteryCost.Spread all = mobile.reasons().get("all");
        assertThat(all.median()).isPositive().isLessThanOrEqualTo(all.p95());
        assertThat(all.p95()).isLessThanOrEqualTo(all.max());
        assertThat(mobile.reasons().get("timer").total()).isPositive();
        assertThat(mobile.selfRegistrationShare()).isBetween(0.0, 1.0);
        assertThat(mobile.reasons().get("self-registration").total())
                .isEqualTo(mobile.reasons().get("coap").total() + mobile.reasons().get("dns").total()
                        + mobile.reasons().get("timer").total(), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(report.batterySummary()).contains("China Mobile: awake time of 6 modules");
    }

    @Test
    void theJsonReportHasTheOutcomesTheExplanationsAndTheBattery(@TempDir Path dir) throws Exception {
        FleetReport report = run(3, 3, 1, FleetStorms.NONE);
        Path file = dir.resolve("fleet.json");

        report.writeJson(file, Map.of("ct", 3, "cmcc", 3, "days", 1));

        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertThat(json.get("passed").asBoolean()).isTrue();
        assertThat(json.get("plan").get("ct").asInt()).isEqualTo(3);
        assertThat(json.get("outcomes")).hasSize(report.rows().size());
        assertThat(json.get("outcomes").get(0).fieldNames()).toIterable()
                .containsExactlyInAnyOrder("outcome", "expected", "observed", "met");
        assertThat(json.get("explanations").get("China Telecom").get(0).get("modules").asLong()).isEqualTo(3);
        assertThat(json.get("battery").get("China Mobile").get("reasons").get("all").get("p95").asDouble()).isPositive();
        assertThat(json.get("registrationsPerHour").get("China Mobile")).hasSize(25);
    }

    @Test
    void theChartsAreWrittenAsPngImages(@TempDir Path dir) throws Exception {
        FleetReport report = run(3, 3, 1, FleetStorms.NONE);

        List<Path> charts = FleetCharts.write(report, dir.resolve("charts"));

        assertThat(charts).extracting(path -> path.getFileName().toString())
                .containsExactly(FleetCharts.REGISTRATIONS, FleetCharts.AWAKE);
        for (Path chart : charts) {
            BufferedImage image = ImageIO.read(chart.toFile());
            assertThat(image).as(chart.toString()).isNotNull();
            assertThat(image.getWidth()).isEqualTo(900);
            assertThat(image.getHeight()).isEqualTo(500);
        }
    }

    @Test
    void stormsOutsideTheirBoundsAreRefused() {
        assertThatThrownBy(() -> new FleetStorms.Fota(A04, Duration.ofDays(1), 0)).hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> new FleetStorms.Fota("A04", Duration.ofDays(1), 1)).hasMessageContaining("BC260YCNAAR");
        assertThatThrownBy(() -> FleetStorms.Outage.parse("2d2h-2d")).hasMessageContaining("ends after it starts");
        assertThatThrownBy(() -> FleetStorms.Outage.parse("2d")).hasMessageContaining("FROM-TO");
        assertThatThrownBy(() -> FleetStorms.Outage.parse("2x-3d")).hasMessageContaining("not a duration");
        assertThat(FleetStorms.Outage.parse("2d-2d2h")).isEqualTo(
                new FleetStorms.Outage(Duration.ofDays(2), Duration.ofDays(2).plusHours(2)));
        assertThatThrownBy(() -> storms(Optional.empty(), 1.5, 0, Optional.empty(), false))
                .hasMessageContaining("--loss is a probability from 0 to 1");
        assertThatThrownBy(() -> run(1, 0, 1, storms(Optional.empty(), 0, 0,
                Optional.of(new FleetStorms.Outage(Duration.ofDays(2), Duration.ofDays(3))), false)))
                .hasMessageContaining("--outage starts at 2d");
    }
}
