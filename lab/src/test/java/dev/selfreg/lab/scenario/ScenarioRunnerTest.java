package dev.selfreg.lab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioRunnerTest {

    private static ScenarioReport run(String yaml) {
        return ScenarioRunner.run(ScenarioParser.parse(yaml, "test.yaml"), "test.yaml");
    }

    @Test
    void aFailingStepSaysWhatWasFoundAndTheRestAreSkipped() {
        ScenarioReport report = run("""
                name: wrong expectations
                steps:
                  - advance: 1m
                  - expect-platform: {ct-registrations: 2}
                  - at: AT
                """);
        assertThat(report.passed()).isFalse();
        assertThat(report.steps()).extracting(ScenarioReport.StepResult::status).containsExactly(
                ScenarioReport.Status.PASSED, ScenarioReport.Status.FAILED, ScenarioReport.Status.SKIPPED);
        assertThat(report.steps().get(1).message()).isEqualTo("CT registrations: found 1, expected 2");
        assertThat(report.text()).contains("FAIL  2 expect-platform").contains("FAILED: 1 of 3 steps passed, 1 failed, 1 skipped");
    }

    @Test
    void anAtExpectationComparesTheModulesAnswer() {
        ScenarioReport report = run("""
                steps:
                  - at: AT+QDMPCFG=6
                    expect: "+QDMPCFG: 6,9"
                """);
        assertThat(report.steps().get(0).message())
                .isEqualTo("expected +QDMPCFG: 6,9 / OK, the module answered +QDMPCFG: 6,0 / OK");
    }

    @Test
    void aFailingAtStepQuotesTheAnswerWithoutTheWakeUpLine() {
        ScenarioReport report = run("""
                steps:
                  - advance: 1m
                  - at: AT+QDMPCFG=6
                    expect: "+QDMPCFG: 6,9"
                """);
        assertThat(report.steps().get(1).message())
                .isEqualTo("expected +QDMPCFG: 6,9 / OK, the module answered +QDMPCFG: 6,0 / OK");
    }

    @Test
    void anErrorCanBeExpected() {
        assertThat(run("""
                steps:
                  - at: AT+QSREGENABLE=2
                    expect: ERROR
                """).passed()).isTrue();
    }

    @Test
    void expectModuleComparesTheControlApiViewField() {
        ScenarioReport report = run("""
                steps:
                  - expect-module: {power: deep-sleep}
                """);
        assertThat(report.steps().get(0).message()).startsWith("power is \"active\", expected \"deep-sleep\"");
    }

    @Test
    void virtualTimeIsReportedAndTheWallClockIsNotWaitedFor() {
        ScenarioReport report = run("""
                steps:
                  - advance: 30d
                """);
        assertThat(report.passed()).isTrue();
        assertThat(report.moduleTime()).isEqualTo(Duration.ofDays(30));
        assertThat(report.text()).contains("30d of module time");
    }

    @Test
    void theJunitReportHasOneTestCasePerStep() {
        String xml = run("""
                name: a <special> "name"
                steps:
                  - at: AT
                  - expect-platform: {ct-rejections: 5}
                  - advance: 1s
                """).junitXml();
        assertThat(xml).contains("<testsuite name=\"a &lt;special&gt; &quot;name&quot;\" tests=\"3\" failures=\"1\"")
                .contains("<testcase classname=\"test.yaml\" name=\"1 at AT\"/>")
                .contains("<failure message=\"CT rejections: found 0, expected 5\"/>")
                .contains("<skipped/>");
    }

    @Test
    void aYamlSyntaxErrorNamesTheFileAndLine() {
        assertThatThrownBy(() -> ScenarioParser.parse("name: x\nsteps:\n  - at: AT\n    expect: [OK\n  - advance: 1m\n", "x.yaml"))
                .isInstanceOf(ScenarioException.class).hasMessageStartingWith("x.yaml:5:");
    }

    @Test
    void anUnknownKeyInsideAStepIsCaughtBeforeTheFirstStepRuns() {
        assertThatThrownBy(() -> ScenarioParser.parse("steps:\n  - advance: 1m\n  - expect-platform: {ct-registration: 2}\n", "x.yaml"))
                .hasMessage("x.yaml step 2: expect-platform has no 'ct-registration'"
                        + " (use ct-registrations, ct-rejections, dm-state, dm-events, imei)");
        assertThatThrownBy(() -> ScenarioParser.parse("steps:\n  - expect-platform: {dm-events: {kind: register, cnt: 1}}\n", "x.yaml"))
                .hasMessage("x.yaml step 1: expect-platform dm-events has no 'cnt' (use kind, count, outcome)");
        assertThatThrownBy(() -> ScenarioParser.parse("steps:\n  - expect-module: {dm-state: 6}\n", "x.yaml"))
                .hasMessageStartingWith("x.yaml step 1: expect-module has no 'dm-state' (use imei, imsi,");
        assertThatThrownBy(() -> ScenarioParser.parse("steps:\n  - expect-module: {ct: {outcome: success}}\n", "x.yaml"))
                .hasMessage("x.yaml step 1: expect-module ct has no 'outcome' (use attemptsThisBoot, lastOutcome)");
        assertThatThrownBy(() -> ScenarioParser.parse("steps:\n  - fault: {service: ct, mode: drop, times: 2}\n", "x.yaml"))
                .hasMessage("x.yaml step 1: fault has no 'times' (use service, mode, count, probability, seconds)");
        assertThatThrownBy(() -> ScenarioParser.parse("steps:\n  - sim: {imsi: \"460031234567891\", icid: x}\n", "x.yaml"))
                .hasMessage("x.yaml step 1: sim has no 'icid' (use imsi, iccid)");
        assertThatThrownBy(() -> ScenarioParser.parse("steps:\n  - network: {coverage: lost}\n", "x.yaml"))
                .hasMessage("x.yaml step 1: network has no 'coverage' (use registration, reject-cause, attach, signal, psm)");
        assertThatThrownBy(() -> ScenarioParser.parse("steps:\n  - network: {signal: {sinr: 3}}\n", "x.yaml"))
                .hasMessage("x.yaml step 1: network signal has no 'sinr' (use rssi, ber, rsrp, rsrq)");
        assertThatThrownBy(() -> ScenarioParser.parse("steps:\n  - expect-module: {network: {state: 1}}\n", "x.yaml"))
                .hasMessage("x.yaml step 1: expect-module network has no 'state'"
                        + " (use stat, registration, rejectCause, attachSeconds, signal, psm)");
    }

    @Test
    void aNetworkStepsValuesAreCheckedWhenTheFileIsRead() {
        assertThatThrownBy(() -> ScenarioParser.parse("steps:\n  - network: {registration: gone}\n", "x.yaml"))
                .hasMessage("x.yaml step 1: network registration is available, denied or lost, not gone");
        assertThatThrownBy(() -> ScenarioParser.parse("steps:\n  - network: {signal: {rssi: 32}}\n", "x.yaml"))
                .hasMessage("x.yaml step 1: rssi must be 0-31 or 99 (unknown), not 32");
        assertThatThrownBy(() -> ScenarioParser.parse("steps:\n  - network: {signal: {rssi: high}}\n", "x.yaml"))
                .hasMessage("x.yaml step 1: network signal rssi must be a whole number, not high");
        assertThatThrownBy(() -> ScenarioParser.parse("steps:\n  - network: {reject-cause: 300}\n", "x.yaml"))
                .hasMessage("x.yaml step 1: reject cause is an EMM cause, 0-255, not 300");
        assertThatThrownBy(() -> ScenarioParser.parse("steps:\n  - network: {attach: 2d}\n", "x.yaml"))
                .hasMessage("x.yaml step 1: attach time must be 0 to 86400 s, not 172800.0 s");
        assertThatThrownBy(() -> ScenarioParser.parse("steps:\n  - network: {attach: soon}\n", "x.yaml"))
                .hasMessage("x.yaml step 1: not a duration: 'soon' (write e.g. 500ms, 10s, 5m, 1h, 30d)");
        assertThatThrownBy(() -> ScenarioParser.parse("steps:\n  - network: {psm: granted}\n", "x.yaml"))
                .hasMessage("x.yaml step 1: network psm is requested, refused or {active-time: \"<8 bits>\","
                        + " periodic-tau: \"<8 bits>\"}, not granted");
        assertThatThrownBy(() -> ScenarioParser.parse(
                "steps:\n  - network: {psm: {active-time: \"0010\", periodic-tau: \"00100001\"}}\n", "x.yaml"))
                .hasMessage("x.yaml step 1: network psm: Active-Time must be 8 characters of 0 and 1: 0010");
        assertThatThrownBy(() -> ScenarioParser.parse("steps:\n  - network: {psm: {active: \"00100001\"}}\n", "x.yaml"))
                .hasMessage("x.yaml step 1: network psm has no 'active' (use active-time, periodic-tau)");
    }

    @Test
    void aNetworkStepSetsWhatTheModuleReportsAndKeepsWhatItLeavesOut() {
        ScenarioReport report = run("""
                steps:
                  - network: {signal: {rssi: 3, ber: 1}}
                  - network: {attach: 30s}
                  - at: AT+CSQ
                    expect: "+CSQ: 3,1"
                  - at: AT+CGATT=0
                  - at: AT+CGATT=1
                  - advance: 29s
                  - expect-module: {network: {stat: 2}}
                  - advance: 1s
                  - expect-module: {network: {stat: 1, attachSeconds: 30}}
                  - network: {registration: denied, reject-cause: 7}
                  - at: AT+CEREG=3
                  - at: AT+CEREG?
                    expect: "+CEREG: 3,3,\\"5A2B\\",\\"0C3B4D01\\",9,0,7"
                """);

        assertThat(report.passed()).as(report.text()).isTrue();
        assertThat(report.steps().get(1).description()).isEqualTo("network attach 30s");
        assertThat(report.steps().get(9).description()).isEqualTo("network registration denied, reject-cause 7");
    }

    @Test
    void theValidStepKindsAreListedInTheirDocumentedOrder() {
        assertThatThrownBy(() -> ScenarioParser.parse("steps:\n  - jump: 3\n", "x.yaml"))
                .hasMessage("x.yaml step 1: a step is one of [at, advance, power-cycle, sim, firmware, fault, clear-faults,"
                        + " network, expect-module, expect-platform, erase-nvram, expect-checks] (found [jump])");
    }

    @Test
    void withSeveralModulesAStepOnOneModuleNamesItAndTheLabsStepsNeedNone() {
        String modules = "modules:\n  a: {imei: \"869999000000001\"}\n  b: {imei: \"869999000000002\"}\nsteps:\n";

        assertThatThrownBy(() -> ScenarioParser.parse(modules + "  - at: AT\n", "x.yaml"))
                .hasMessage("x.yaml step 1: say which module with 'module: NAME' (there are [a, b])");
        assertThatThrownBy(() -> ScenarioParser.parse(modules + "  - expect-checks: {CT-1: pass}\n", "x.yaml"))
                .hasMessage("x.yaml step 1: say which module with 'module: NAME' (there are [a, b])");
        ScenarioReport report = run(modules + "  - advance: 1m\n  - expect-platform: {ct-registrations: 2}\n"
                + "  - expect-checks: {imei: \"869999000000002\", CT-1: pass}\n  - at: AT\n    module: a\n");
        assertThat(report.passed()).isTrue();
    }

    @Test
    void anExpectChecksKeyThatIsNoRuleOrAVerdictThatIsNoneIsCaughtBeforeTheFirstStepRuns() {
        assertThatThrownBy(() -> ScenarioParser.parse("steps:\n  - expect-checks: {CT-10: pass}\n", "x.yaml"))
                .hasMessageStartingWith("x.yaml step 1: expect-checks has no 'CT-10' (use CT-1, CT-2,")
                .hasMessageEndingWith("DM-7, rest, imei)");
        assertThatThrownBy(() -> ScenarioParser.parse("steps:\n  - expect-checks: {CT-6: passed}\n", "x.yaml"))
                .hasMessage("x.yaml step 1: expect-checks CT-6: 'passed' is no verdict (pass, fail, warn, not-observed)");
    }

    @Test
    void aProductFileThatIsNoDeclarationIsNamedWithItsLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("p.yaml"), "swver: A04\ncolour: red\n");

        assertThatThrownBy(() -> ScenarioParser.parse("product: p.yaml\nsteps: []\n", dir.resolve("s.yaml").toString()))
                .hasMessageEndingWith("p.yaml:2: unknown key 'colour' in the product file (use name, vendor-code, model,"
                        + " swver, retry-profile, cmdmp)");
    }

    @Test
    void expectChecksSaysWhichRuleGaveWhatAndWhy(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("p.yaml"), "swver: BC260YCNAAR01A05\n");
        Scenario scenario = ScenarioParser.parse("product: p.yaml\nsteps:\n  - advance: 1m\n"
                + "  - expect-checks: {CT-1: pass, CT-4: pass}\n", dir.resolve("s.yaml").toString());

        ScenarioReport report = ScenarioRunner.run(scenario, "s.yaml");

        assertThat(report.passed()).isFalse();
        assertThat(report.steps().get(1).message()).isEqualTo("CT-4 is warn (1 report(s) with a SWVER other than the"
                + " declared BC260YCNAAR01A05: SWVER BC260YCNAAR01A04, declared BC260YCNAAR01A05), expected pass");
    }

    @Test
    void mistakesInAScenarioFileAreNamedWithTheirPlace() {
        assertThatThrownBy(() -> ScenarioParser.parse("steps:\n  - jump: 3\n", "x.yaml"))
                .isInstanceOf(ScenarioException.class).hasMessageStartingWith("x.yaml step 1: a step is one of");
        assertThatThrownBy(() -> ScenarioParser.parse("steps:\n  - advance: soon\n", "x.yaml"))
                .hasMessage("x.yaml step 1: not a duration: 'soon' (write e.g. 500ms, 10s, 5m, 1h, 30d)");
        assertThatThrownBy(() -> ScenarioParser.parse("steps:\n  - {power-cycle: null, module: other}\n", "x.yaml"))
                .hasMessageContaining("no module named other");
        assertThatThrownBy(() -> ScenarioParser.parse("steps: [", "x.yaml")).hasMessageStartingWith("x.yaml:1:9: not YAML");
        assertThatThrownBy(() -> ScenarioParser.parse("steps:\n  - fault: {service: ct, mode: delay}\n", "x.yaml"))
                .hasMessageContaining("delay needs seconds");
        assertThatThrownBy(() -> ScenarioParser.parse("modules:\n  u: {imei: \"12\"}\nsteps: []\n", "x.yaml"))
                .hasMessageContaining("IMEI must be 15 digits");
    }

    @Test
    void durationsReadLikePeopleWriteThem() {
        assertThat(Durations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("2.5s")).isEqualTo(Duration.ofMillis(2500));
        assertThat(Durations.format(Duration.ofDays(30))).isEqualTo("30d");
    }

    @Test
    void moduleAllGoesWithTheStepsThatMayActOnEveryModuleOnly() {
        assertThatThrownBy(() -> ScenarioParser.parse("""
                modules:
                  a: {sim: ct}
                  b: {sim: ct}
                steps:
                  - at: AT
                    module: all
                """, "x.yaml")).isInstanceOf(ScenarioException.class).hasMessage(
                "x.yaml step 1: 'module: all' goes with power-cycle, firmware, fault, clear-faults, not at");
    }

    @Test
    void aFaultForEveryModuleReachesEachOfThem() {
        ScenarioReport report = run("""
                modules:
                  a: {sim: ct, imei: "869999000000021"}
                  b: {sim: ct, imei: "869999000000022"}
                steps:
                  - fault: {service: ct, mode: drop}
                    module: all
                  - advance: 3m
                  - expect-module: {ct: {lastOutcome: failure}}
                    module: a
                  - expect-module: {ct: {lastOutcome: failure}}
                    module: b
                  - expect-platform: {ct-registrations: 0}
                """);
        assertThat(report.passed()).as(report.text()).isTrue();
    }
}
