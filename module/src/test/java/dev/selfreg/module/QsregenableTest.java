package dev.selfreg.module;

import static dev.selfreg.module.TestBench.framed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.selfreg.nvram.NvramImage;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code AT+QSREGENABLE} (at-commands.md §3, seed 3.2.1): 0 and 1 only, saved at once, the query
 * reads what is saved (§2 Interpretation), the running value changes at the next boot, and the
 * FOTA note: A03 with 1 upgraded to A04 or later reads back 3 and stays enabled.
 */
class QsregenableTest {

    private static final String A03 = "BC260YCNAAR01A03";
    private static final String A04 = "BC260YCNAAR01A04";
    private static final String A05 = "BC260YCNAAR01A05";
    private static final String OK = framed("OK");
    private static final String ERROR = framed("ERROR");

    private static String query(int mode) {
        return framed("+QSREGENABLE: " + mode, "OK");
    }

    @ParameterizedTest(name = "AT+QSREGENABLE={0}")
    @ValueSource(ints = {0, 1})
    void setAcceptsZeroAndOneAndTheQueryShowsIt(int mode) {
        TestBench bench = new TestBench();

        assertThat(bench.at("AT+QSREGENABLE=" + mode)).isEqualTo(OK);

        assertThat(bench.at("AT+QSREGENABLE?")).isEqualTo(query(mode));
    }

    @ParameterizedTest(name = "AT+QSREGENABLE{0}")
    @ValueSource(strings = {"=2", "=3", "=-1", "=\"1\"", "=\"0\"", "=", "=1,0", "=0,", "=,0", "=1a", "=99999999999", ""})
    void anInvalidSetAnswersErrorAndLeavesTheSavedValueUnchanged(String form) {
        TestBench bench = new TestBench();
        bench.given("AT+QSREGENABLE=0");
        NvramImage before = bench.nvram.image();

        assertThat(bench.at("AT+QSREGENABLE" + form)).isEqualTo(ERROR);

        assertThat(bench.nvram.image()).isEqualTo(before);
        assertThat(bench.at("AT+QSREGENABLE?")).isEqualTo(query(0));
    }

    @Test
    void factoryDefaultIsOne() {
        TestBench bench = new TestBench();

        assertThat(bench.at("AT+QSREGENABLE?")).isEqualTo(query(1));
        assertThat(bench.module.running().orElseThrow().qsregenable()).isEqualTo(1);
    }

    @Test
    void factoryDefaultIsAProfileSetting() {
        TestBench bench = new TestBench(ModuleProfile.standard().withQsregenableDefault(0));

        assertThat(bench.at("AT+QSREGENABLE?")).isEqualTo(query(0));
        assertThat(bench.module.running().orElseThrow().ctSelfRegistrationEnabled()).isFalse();
    }

    @Test
    void queryShowsTheSavedValueAtOnceWhileTheRunningValueChangesOnlyAfterReboot() {
        TestBench bench = new TestBench();

        bench.given("AT+QSREGENABLE=0");

        assertThat(bench.at("AT+QSREGENABLE?")).isEqualTo(query(0));
        assertThat(bench.module.running().orElseThrow().qsregenable()).isEqualTo(1);
        assertThat(bench.module.running().orElseThrow().ctSelfRegistrationEnabled()).isTrue();

        bench.reboot();

        assertThat(bench.at("AT+QSREGENABLE?")).isEqualTo(query(0));
        assertThat(bench.module.running().orElseThrow().qsregenable()).isEqualTo(0);
        assertThat(bench.module.running().orElseThrow().ctSelfRegistrationEnabled()).isFalse();
    }

    @Test
    void testFormListsZeroAndOne() {
        TestBench bench = new TestBench();

        assertThat(bench.at("AT+QSREGENABLE=?")).isEqualTo(framed("+QSREGENABLE: (0,1)", "OK"));
    }

    static Stream<Arguments> upgrades() {
        return Stream.of(
                Arguments.of(A03, A04, 1, 3),
                Arguments.of(A03, A05, 1, 3),
                Arguments.of(A03, "BC260YCNAAR01A10", 1, 3),
                Arguments.of(A03, "BC260YCNAAR02A01", 1, 3),
                Arguments.of(A03, A04, 0, 0),
                Arguments.of(A04, A05, 1, 1),
                Arguments.of(A04, A05, 0, 0));
    }

    @ParameterizedTest(name = "{0} with QSREGENABLE={2} upgraded to {1} reads back {3}")
    @MethodSource("upgrades")
    void fotaNoteOnlyTheA03ToA04OrLaterUpgradeOfAnEnabledUnitReadsBackThree(
            String from, String to, int before, int after) {
        TestBench bench = new TestBench(ModuleProfile.standard().withFirmware(from));
        bench.given("AT+QSREGENABLE=" + before);

        bench.module.upgradeFirmware(to);
        bench.booted();

        assertThat(bench.at("AT+CGMR")).isEqualTo(framed("Revision: " + to, "OK"));
        assertThat(bench.at("AT+QSREGENABLE?")).isEqualTo(query(after));
        assertThat(bench.module.running().orElseThrow().ctSelfRegistrationEnabled()).isEqualTo(before == 1);
    }

    @Test
    void fotaNoteTheThreeStillCountsAsEnabledAndSurvivesReboots() {
        TestBench bench = new TestBench(ModuleProfile.standard().withFirmware(A03));
        bench.given("AT+QSREGENABLE=1");
        bench.module.upgradeFirmware(A04);
        bench.booted();

        assertThat(bench.module.running().orElseThrow().qsregenable()).isEqualTo(3);
        assertThat(bench.module.running().orElseThrow().ctSelfRegistrationEnabled()).isTrue();

        bench.reboot();
        bench.module.powerCycle();
        bench.booted();

        assertThat(bench.at("AT+QSREGENABLE?")).isEqualTo(query(3));
        assertThat(bench.module.running().orElseThrow().ctSelfRegistrationEnabled()).isTrue();
    }

    @ParameterizedTest(name = "AT+QSREGENABLE={0} after the FOTA")
    @ValueSource(ints = {0, 1})
    void fotaNoteSettingZeroOrOneReplacesTheThree(int mode) {
        TestBench bench = new TestBench(ModuleProfile.standard().withFirmware(A03));
        bench.given("AT+QSREGENABLE=1");
        bench.module.upgradeFirmware(A04);
        bench.booted();

        assertThat(bench.at("AT+QSREGENABLE=" + mode)).isEqualTo(OK);

        assertThat(bench.at("AT+QSREGENABLE?")).isEqualTo(query(mode));
        bench.reboot();
        assertThat(bench.at("AT+QSREGENABLE?")).isEqualTo(query(mode));
        assertThat(bench.module.running().orElseThrow().qsregenable()).isEqualTo(mode);
    }

    @Test
    void setNeverAcceptsThreeNotEvenAfterTheFota() {
        TestBench bench = new TestBench(ModuleProfile.standard().withFirmware(A03));
        assertThat(bench.at("AT+QSREGENABLE=3")).isEqualTo(ERROR);
        bench.given("AT+QSREGENABLE=1");
        bench.module.upgradeFirmware(A04);
        bench.booted();
        NvramImage before = bench.nvram.image();

        assertThat(bench.at("AT+QSREGENABLE=3")).isEqualTo(ERROR);

        assertThat(bench.nvram.image()).isEqualTo(before);
        assertThat(bench.at("AT+QSREGENABLE?")).isEqualTo(query(3));
    }
}
