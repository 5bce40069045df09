package dev.selfreg.module;

import static dev.selfreg.module.TestBench.framed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.selfreg.nvram.NvramImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code AT+CPSMS}, {@code AT+CEDRXS}, {@code AT+CEDRXRDP} and {@code AT+QCFG} (research §2,
 * docs/power-saving.md): defaults, set and read forms, the test forms as the research records
 * them, every range at its boundaries, and malformed forms that answer {@code ERROR} and change
 * nothing.
 */
class PowerSavingCommandsTest {

    private static final String OK = framed("OK");
    private static final String ERROR = framed("ERROR");
    private static final String DEFAULT_CPSMS = "+CPSMS: 1,,,\"01000011\",\"00000101\"";

    /** A command that must fail: it answers ERROR and leaves NVRAM as it was. */
    private static void refused(TestBench bench, String line) {
        NvramImage before = bench.nvram.image();

        assertThat(bench.at(line)).as(line).isEqualTo(ERROR);
        assertThat(bench.nvram.image()).as("NVRAM after " + line).isEqualTo(before);
    }

    @Test
    void psmIsRequestedByDefault() {
        TestBench bench = new TestBench();

        assertThat(bench.at("AT+CPSMS?")).isEqualTo(framed(DEFAULT_CPSMS, "OK"));
    }

    @Test
    void rtThreadsSleepRequestIsAcceptedAndReadBack() {
        TestBench bench = new TestBench();

        assertThat(bench.at("AT+CPSMS=1,,,\"01000011\",\"00000001\"")).isEqualTo(OK);
        assertThat(bench.at("AT+CPSMS?")).isEqualTo(framed("+CPSMS: 1,,,\"01000011\",\"00000001\"", "OK"));
    }

    @Test
    void cpsms0TurnsPsmOffAndKeepsTheTimers() {
        TestBench bench = new TestBench();
        bench.given("AT+CPSMS=1,,,\"00100001\",\"00100100\"");

        assertThat(bench.at("AT+CPSMS=0")).isEqualTo(OK);
        assertThat(bench.at("AT+CPSMS?")).isEqualTo(framed("+CPSMS: 0,,,\"00100001\",\"00100100\"", "OK"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"AT+CPSMS=2", "AT+CPSMS="})
    void cpsms2AndTheEmptySetFormTurnPsmOffAndResetTheTimers(String reset) {
        TestBench bench = new TestBench();
        bench.given("AT+CPSMS=1,,,\"00100001\",\"00100100\"");

        assertThat(bench.at(reset)).isEqualTo(OK);
        assertThat(bench.at("AT+CPSMS?")).isEqualTo(framed("+CPSMS: 0,,,\"01000011\",\"00000101\"", "OK"));
    }

    @Test
    void aTimerLeftOutKeepsItsValue() {
        TestBench bench = new TestBench();
        bench.given("AT+CPSMS=1,,,\"00100001\",\"00100100\"");

        bench.given("AT+CPSMS=1,,,\"00000001\"");

        assertThat(bench.at("AT+CPSMS?")).isEqualTo(framed("+CPSMS: 1,,,\"00000001\",\"00100100\"", "OK"));
    }

    @Test
    void theTimersMayComeWithoutQuotes() {
        TestBench bench = new TestBench();

        assertThat(bench.at("AT+CPSMS=1,,,00000000,11111111")).isEqualTo(OK);
        assertThat(bench.at("AT+CPSMS?")).isEqualTo(framed("+CPSMS: 1,,,\"00000000\",\"11111111\"", "OK"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"AT+CPSMS=3", "AT+CPSMS=-1", "AT+CPSMS=1,1", "AT+CPSMS=1,,\"1\"",
            "AT+CPSMS=1,,,\"0100001\"", "AT+CPSMS=1,,,\"010000111\"", "AT+CPSMS=1,,,\"0100001x\"",
            "AT+CPSMS=1,,,,\"2\"", "AT+CPSMS=1,,,\"01000011\",\"00000001\",1", "AT+CPSMS=,,,\"01000011\"",
            "AT+CPSMS=\"1\"", "AT+CPSMS", "AT+CPSMS=1,,,\"01000011\",\"0000000\""})
    void malformedCpsmsFormsAnswerErrorAndChangeNothing(String line) {
        TestBench bench = new TestBench();
        bench.given("AT+CPSMS=1,,,\"00100001\",\"00100100\"");

        refused(bench, line);
        assertThat(bench.at("AT+CPSMS?")).isEqualTo(framed("+CPSMS: 1,,,\"00100001\",\"00100100\"", "OK"));
    }

    @Test
    void edrxIsOffByDefaultAndItsReadFormThenListsNothing() {
        TestBench bench = new TestBench();

        assertThat(bench.at("AT+CEDRXS?")).isEqualTo(OK);
        assertThat(bench.at("AT+CEDRXRDP")).isEqualTo(framed("+CEDRXRDP: 0", "OK"));
    }

    @Test
    void cedrxs0AsDriversSendItIsAccepted() {
        TestBench bench = new TestBench();

        assertThat(bench.at("AT+CEDRXS=0")).isEqualTo(OK);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"0010", "0011", "0101", "1001", "1111"})
    void everyNbS1EdrxValueIsAcceptedAndGranted(String value) {
        TestBench bench = new TestBench();
        bench.advance(Bc260yFacts.ATTACH_TIME);

        assertThat(bench.at("AT+CEDRXS=1,5,\"" + value + "\"")).isEqualTo(OK);
        assertThat(bench.at("AT+CEDRXS?")).isEqualTo(framed("+CEDRXS: 5,\"" + value + "\"", "OK"));
        assertThat(bench.at("AT+CEDRXRDP"))
                .isEqualTo(framed("+CEDRXRDP: 5,\"" + value + "\",\"" + value + "\",\"0000\"", "OK"));
    }

    @Test
    void beforeTheAttachEdrxIsRequestedButNotInUse() {
        TestBench bench = new TestBench();

        bench.given("AT+CEDRXS=2,5,\"0101\"");

        assertThat(bench.at("AT+CEDRXS?")).isEqualTo(framed("+CEDRXS: 5,\"0101\"", "OK"));
        assertThat(bench.at("AT+CEDRXRDP")).isEqualTo(framed("+CEDRXRDP: 0", "OK"));
    }

    @Test
    void cedrxs1WithoutAValueKeepsTheOneSetBefore() {
        TestBench bench = new TestBench();
        bench.given("AT+CEDRXS=1,5,\"1001\"", "AT+CEDRXS=0");

        bench.given("AT+CEDRXS=1");

        assertThat(bench.at("AT+CEDRXS?")).isEqualTo(framed("+CEDRXS: 5,\"1001\"", "OK"));
    }

    @Test
    void cedrxs3TurnsEdrxOffAndResetsTheValue() {
        TestBench bench = new TestBench();
        bench.given("AT+CEDRXS=1,5,\"1001\"", "AT+CEDRXS=3", "AT+CEDRXS=1");

        assertThat(bench.at("AT+CEDRXS?")).isEqualTo(framed("+CEDRXS: 5,\"0010\"", "OK"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"AT+CEDRXS=4", "AT+CEDRXS=-1", "AT+CEDRXS=1,4", "AT+CEDRXS=1,6", "AT+CEDRXS=1,5,\"0000\"",
            "AT+CEDRXS=1,5,\"0100\"", "AT+CEDRXS=1,5,\"1000\"", "AT+CEDRXS=1,5,\"00101\"", "AT+CEDRXS=1,5,\"001\"",
            "AT+CEDRXS=1,5,\"0010\",1", "AT+CEDRXS", "AT+CEDRXS=1,\"5\""})
    void malformedCedrxsFormsAnswerErrorAndChangeNothing(String line) {
        TestBench bench = new TestBench();
        bench.given("AT+CEDRXS=1,5,\"0101\"");

        refused(bench, line);
        assertThat(bench.at("AT+CEDRXS?")).isEqualTo(framed("+CEDRXS: 5,\"0101\"", "OK"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"AT+CEDRXRDP?", "AT+CEDRXRDP=1"})
    void cedrxrdpHasOnlyItsExecuteAndTestForms(String line) {
        assertThat(new TestBench().at(line)).isEqualTo(ERROR);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "AT+CPSMS=?|+CPSMS: (0-2),,,(00000000-11111111),(00000000-11111111)",
            "AT+CEDRXS=?|+CEDRXS: (0-3),(5),(\"0010\",\"0011\",\"0101\",\"1001-1111\")"})
    void theTestFormsAreTheBc260BuildsVerbatim(String command, String answer) {
        assertThat(new TestBench().at(command)).isEqualTo(framed(answer, "OK"));
    }

    @Test
    void cedrxrdpsTestFormAnswersOk() {
        assertThat(new TestBench().at("AT+CEDRXRDP=?")).isEqualTo(OK);
    }

    @Test
    void qcfgListsItsSleepItemsInItsTestForm() {
        assertThat(new TestBench().at("AT+QCFG=?")).isEqualTo(framed("+QCFG: \"dsevent\",(0,1)",
                "+QCFG: \"slplocktimes\",(0-30)", "+QCFG: \"wakeupRXD\",(0,1)", "OK"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"dsevent|1", "slplocktimes|10", "wakeupRXD|1"})
    void qcfgReadsEachItemsDefault(String item, int value) {
        assertThat(new TestBench().at("AT+QCFG=\"" + item + "\""))
                .isEqualTo(framed("+QCFG: \"" + item + "\"," + value, "OK"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"dsevent,0", "dsevent,1", "slplocktimes,0", "slplocktimes,30", "wakeupRXD,0", "wakeupRXD,1"})
    void qcfgSavesEachItemAtItsBoundaries(String item, int value) {
        TestBench bench = new TestBench();

        assertThat(bench.at("AT+QCFG=\"" + item + "\"," + value)).isEqualTo(OK);
        bench.reboot();

        assertThat(bench.at("AT+QCFG=\"" + item + "\"")).isEqualTo(framed("+QCFG: \"" + item + "\"," + value, "OK"));
    }

    @Test
    void qcfgItemNamesAreNotCaseSensitive() {
        TestBench bench = new TestBench();

        assertThat(bench.at("AT+QCFG=\"WAKEUPRXD\",0")).isEqualTo(OK);
        assertThat(bench.at("AT+QCFG=\"wakeuprxd\"")).isEqualTo(framed("+QCFG: \"wakeupRXD\",0", "OK"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"AT+QCFG=\"dsevent\",2", "AT+QCFG=\"dsevent\",-1", "AT+QCFG=\"slplocktimes\",31",
            "AT+QCFG=\"wakeupRXD\",2", "AT+QCFG=\"logbaudrate\",0", "AT+QCFG=\"logbaudrate\"", "AT+QCFG=\"\"",
            "AT+QCFG=\"dsevent\",1,1", "AT+QCFG=\"dsevent\",x", "AT+QCFG", "AT+QCFG?", "AT+QCFG=",
            "AT+QCFG=\"slplocktimes\",100"})
    void malformedQcfgFormsAnswerErrorAndChangeNothing(String line) {
        refused(new TestBench(), line);
    }
}
