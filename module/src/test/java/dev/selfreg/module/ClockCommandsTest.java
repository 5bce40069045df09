package dev.selfreg.module;

import static dev.selfreg.module.TestBench.framed;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real-time clock (at-commands.md, AT+CCLK): power-on time until the network's time arrives
 * with the registration, set by {@code AT+CCLK=}, running on the module clock through deep
 * sleep, lost by a power cut; {@code AT+QCCLK?} in BC26-compat.
 */
class ClockCommandsTest {

    private static final String ERROR = framed("ERROR");

    private static String cclk(String time) {
        return framed("+CCLK: \"" + time + "\"", "OK");
    }

    @Test
    void beforeTheNetworksTimeTheRtcRunsFromItsPowerOnTimeInZoneZero() {
        TestBench bench = new TestBench();

        assertThat(bench.at("AT+CCLK?")).isEqualTo(cclk("2000/01/01,00:00:00+00"));
        bench.advance(Bc260yFacts.ATTACH_TIME.minusMillis(1));
        assertThat(bench.at("AT+CCLK?")).isEqualTo(cclk("2000/01/01,00:00:01+00"));
    }

    @Test
    void theRegistrationBringsTheLabNetworksTimeInChinaStandardTime() {
        TestBench bench = new TestBench();

        bench.advance(Bc260yFacts.ATTACH_TIME);

        assertThat(bench.at("AT+CCLK?")).isEqualTo(cclk("2026/01/01,08:00:02+32"));
    }

    @Test
    void aSetTimeRunsOnTheModuleClockAndThroughDeepSleep() {
        TestBench bench = new TestBench();
        bench.advance(Bc260yFacts.ATTACH_TIME);
        bench.given("AT+CCLK=\"24/02/29,23:59:30-20\"");

        bench.advance(Duration.ofHours(2));

        assertThat(bench.module.power()).isEqualTo(Power.DEEP_SLEEP);
        bench.type("\r");
        assertThat(bench.at("AT+CCLK?")).isEqualTo(cclk("2024/03/01,01:59:30-20"));
    }

    @Test
    void aPowerCutLosesTheRtc() {
        TestBench bench = new TestBench();
        bench.given("AT+CCLK=\"30/06/15,12:00:00+00\"");

        bench.module.powerCycle();
        bench.booted();

        assertThat(bench.at("AT+CCLK?")).isEqualTo(cclk("2000/01/01,00:00:00+00"));
    }

    @Test
    void theSetFormTakesAFourDigitYearABareTimeAndNoZone() {
        TestBench bench = new TestBench();

        bench.given("AT+CCLK=\"2019/03/30,09:28:56+32\"");
        assertThat(bench.at("AT+CCLK?")).isEqualTo(cclk("2019/03/30,09:28:56+32"));
        bench.given("AT+CCLK=19/03/30,09:28:56+8");
        assertThat(bench.at("AT+CCLK?")).isEqualTo(cclk("2019/03/30,09:28:56+08"));
        bench.given("AT+CCLK=\"19/03/30,09:28:56\"");
        assertThat(bench.at("AT+CCLK?")).isEqualTo(cclk("2019/03/30,09:28:56+00"));
    }

    @Test
    void zonesRunFromUtcMinus12ToUtcPlus14() {
        TestBench bench = new TestBench();

        bench.given("AT+CCLK=\"20/01/01,00:00:00-48\"", "AT+CCLK=\"20/01/01,00:00:00+56\"");
        assertThat(bench.at("AT+CCLK=\"20/01/01,00:00:00-49\"")).isEqualTo(ERROR);
        assertThat(bench.at("AT+CCLK=\"20/01/01,00:00:00+57\"")).isEqualTo(ERROR);
        assertThat(bench.at("AT+CCLK?")).isEqualTo(cclk("2020/01/01,00:00:00+56"));
    }

    @ParameterizedTest(name = "AT+CCLK{0}")
    @ValueSource(strings = {"", "=", "=\"\"", "=\"19/03/30\"", "=\"19/02/29,00:00:00+00\"", "=\"19/13/01,00:00:00\"",
            "=\"19/01/01,24:00:00\"", "=\"19/01/01,23:60:00\"", "=\"19/01/01,23:59:60\"", "=\"19/1/01,00:00:00\"",
            "=\"19/01/01,00:00:00+\"", "=\"19/01/01,00:00:00+123\"", "=\"019/01/01,00:00:00\"", "=1,2,3"})
    void aMalformedTimeAnswersErrorAndKeepsTheRtc(String form) {
        TestBench bench = new TestBench();
        bench.given("AT+CCLK=\"21/05/06,07:08:09+32\"");

        assertThat(bench.at("AT+CCLK" + form)).isEqualTo(ERROR);
        assertThat(bench.at("AT+CCLK?")).isEqualTo(cclk("2021/05/06,07:08:09+32"));
    }

    @Test
    void theTestFormAnswersOk() {
        assertThat(new TestBench().at("AT+CCLK=?")).isEqualTo(framed("OK"));
    }

    @Test
    void qcclkIsABc26CommandPrintingTheRtcUnquotedWithATwoDigitYear() {
        TestBench real = new TestBench();
        TestBench compat = new TestBench(ModuleProfile.standard().withAtDialect(AtDialect.BC26_COMPAT));
        compat.given("AT+CCLK=\"22/02/14,03:26:03+32\"");

        assertThat(real.at("AT+QCCLK?")).isEqualTo(ERROR);
        assertThat(compat.at("AT+QCCLK?")).isEqualTo(framed("+QCCLK: 22/02/14,03:26:03+32", "OK"));
        assertThat(compat.at("AT+QCCLK=?")).isEqualTo(framed("OK"));
        assertThat(compat.at("AT+QCCLK")).isEqualTo(ERROR);
    }
}
