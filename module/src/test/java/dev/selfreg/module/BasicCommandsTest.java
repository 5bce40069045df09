package dev.selfreg.module;

import static dev.selfreg.module.TestBench.framed;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The basic commands around the seed's three (at-commands.md §1 and §6): attention, echo,
 * identification, SIM, error reporting, radio, network registration, sleep mode, reset.
 */
class BasicCommandsTest {

    private static final String OK = framed("OK");
    private static final String ERROR = framed("ERROR");
    private static final String FIRMWARE = Bc260yFacts.DEFAULT_FIRMWARE;

    private static TestBench withoutSim() {
        return new TestBench(ModuleProfile.standard().withSim(Optional.empty()));
    }

    @Test
    void attentionAnswersOk() {
        TestBench bench = new TestBench();

        assertThat(bench.at("AT")).isEqualTo(OK);
    }

    @Test
    void echoIsOnAfterBootAndRepeatsTheExactBytesBeforeTheAnswer() {
        TestBench bench = new TestBench();
        bench.takeOutput();

        assertThat(bench.type("AT\r")).isEqualTo("AT\r" + OK);
        assertThat(bench.type("\nAt+CgMr\r")).isEqualTo("\nAt+CgMr\r" + framed("Revision: " + FIRMWARE, "OK"));
    }

    @Test
    void ate0StopsTheEchoAndAte1StartsItAgain() {
        TestBench bench = new TestBench();
        bench.takeOutput();

        assertThat(bench.type("ATE0\r")).isEqualTo("ATE0\r" + OK);
        assertThat(bench.type("AT\r")).isEqualTo(OK);
        assertThat(bench.type("ATE1\r")).isEqualTo(OK);
        assertThat(bench.type("AT\r")).isEqualTo("AT\r" + OK);
    }

    @Test
    void ateAcceptsOnlyZeroAndOne() {
        TestBench bench = new TestBench();

        assertThat(bench.at("ATE2")).isEqualTo(ERROR);
        assertThat(bench.at("AT")).as("echo still off").isEqualTo(OK);
    }

    @Test
    void atiAnswersManufacturerModelAndRevision() {
        TestBench bench = new TestBench();

        assertThat(bench.at("ATI")).isEqualTo(framed("Quectel_Ltd", "Quectel_BC260Y-CN", "Revision: " + FIRMWARE, "OK"));
    }

    @Test
    void cgmrAnswersTheFirmwareRevision() {
        TestBench bench = new TestBench(ModuleProfile.standard().withFirmware("BC260YCNAAR01A05"));

        assertThat(bench.at("AT+CGMR")).isEqualTo(framed("Revision: BC260YCNAAR01A05", "OK"));
    }

    @Test
    void cgsn1AnswersTheImei() {
        TestBench bench = new TestBench(ModuleProfile.standard().withImei("863703030822519"));

        assertThat(bench.at("AT+CGSN=1")).isEqualTo(framed("+CGSN: 863703030822519", "OK"));
    }

    @Test
    void simCommandsAnswerTheCardsIdentity() {
        TestBench bench = new TestBench();

        assertThat(bench.at("AT+CIMI")).isEqualTo(framed(Sim.CHINA_TELECOM.imsi(), "OK"));
        assertThat(bench.at("AT+QCCID")).isEqualTo(framed("+QCCID: " + Sim.CHINA_TELECOM.iccid(), "OK"));
        assertThat(bench.at("AT+CPIN?")).isEqualTo(framed("+CPIN: READY", "OK"));
    }

    @ParameterizedTest(name = "{0} without a SIM")
    @ValueSource(strings = {"AT+CIMI", "AT+QCCID", "AT+CPIN?"})
    void simCommandsWithoutASimAnswerErrorOrCmeTenWithCmee1(String command) {
        TestBench bench = withoutSim();

        assertThat(bench.at(command)).isEqualTo(ERROR);
        bench.given("AT+CMEE=1");
        assertThat(bench.at(command)).isEqualTo(framed("+CME ERROR: 10"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"AT+QSREGENABLE=2", "AT+QDMPCFG=1,\"10.0.0.1\",0", "AT+QSCLK=3", "AT+CFUN=2",
            "AT+QDMPCFGEX=1,0,unquoted"})
    void badParameterAnswersCme50WithCmee1(String command) {
        TestBench bench = new TestBench();

        assertThat(bench.at(command)).isEqualTo(ERROR);
        bench.given("AT+CMEE=1");
        assertThat(bench.at("AT+CMEE?")).isEqualTo(framed("+CMEE: 1", "OK"));
        assertThat(bench.at(command)).isEqualTo(framed("+CME ERROR: 50"));
        bench.given("AT+CMEE=0");
        assertThat(bench.at(command)).isEqualTo(ERROR);
    }

    @Test
    void cfunSwitchesTheRadio() {
        TestBench bench = new TestBench();

        assertThat(bench.at("AT+CFUN?")).isEqualTo(framed("+CFUN: 1", "OK"));
        assertThat(bench.at("AT+CFUN=0")).isEqualTo(OK);
        assertThat(bench.at("AT+CFUN?")).isEqualTo(framed("+CFUN: 0", "OK"));
        assertThat(bench.at("AT+CFUN=1")).isEqualTo(OK);
        assertThat(bench.at("AT+CFUN?")).isEqualTo(framed("+CFUN: 1", "OK"));
    }

    @Test
    void ceregShowsSearchingAfterBootAndRegisteredOnceAttached() {
        TestBench bench = new TestBench();

        assertThat(bench.at("AT+CEREG?")).isEqualTo(framed("+CEREG: 0,2", "OK"));
        bench.advance(Bc260yFacts.ATTACH_TIME.minusMillis(1));
        assertThat(bench.at("AT+CEREG?")).isEqualTo(framed("+CEREG: 0,2", "OK"));
        bench.advance(java.time.Duration.ofMillis(1));
        assertThat(bench.at("AT+CEREG?")).isEqualTo(bench.addressUrc() + framed("+CEREG: 0,1", "OK"));
    }

    @Test
    void ceregShowsNotRegisteredWithTheRadioOffAndAttachesAgainWithItOn() {
        TestBench bench = new TestBench();
        bench.advance(Bc260yFacts.ATTACH_TIME);

        bench.given("AT+CFUN=0");
        assertThat(bench.at("AT+CEREG?")).isEqualTo(framed("+CEREG: 0,0", "OK"));
        bench.advance(Bc260yFacts.ATTACH_TIME);
        assertThat(bench.at("AT+CEREG?")).isEqualTo(framed("+CEREG: 0,0", "OK"));

        bench.given("AT+CFUN=1");
        assertThat(bench.at("AT+CEREG?")).isEqualTo(framed("+CEREG: 0,2", "OK"));
        bench.advance(Bc260yFacts.ATTACH_TIME);
        assertThat(bench.at("AT+CEREG?")).isEqualTo(bench.addressUrc() + framed("+CEREG: 0,1", "OK"));
    }

    @Test
    void ceregShowsNotRegisteredWithoutASim() {
        TestBench bench = withoutSim();

        assertThat(bench.at("AT+CEREG?")).isEqualTo(framed("+CEREG: 0,0", "OK"));
        bench.advance(Bc260yFacts.ATTACH_TIME.multipliedBy(2));
        assertThat(bench.at("AT+CEREG?")).isEqualTo(framed("+CEREG: 0,0", "OK"));
    }

    @Test
    void cereg1ReportsTheAttachUnsolicited() {
        TestBench bench = new TestBench();

        assertThat(bench.at("AT+CEREG=1")).isEqualTo(OK);
        bench.advance(Bc260yFacts.ATTACH_TIME);

        assertThat(bench.takeOutput()).isEqualTo(framed("+CEREG: 1") + bench.addressUrc());
        assertThat(bench.at("AT+CEREG?")).isEqualTo(framed("+CEREG: 1,1", "OK"));
    }

    @Test
    void cereg0ReportsNothing() {
        TestBench bench = new TestBench();
        bench.at("AT");

        bench.advance(Bc260yFacts.ATTACH_TIME);

        assertThat(bench.takeOutput()).as("no +CEREG, only the bearer's address").isEqualTo(bench.addressUrc());
    }

    @Test
    void qsclkDefaultsToOneAndTakesZeroToTwo() {
        TestBench bench = new TestBench();

        assertThat(bench.at("AT+QSCLK?")).isEqualTo(framed("+QSCLK: 1", "OK"));
        for (int mode : new int[] {0, 2, 1}) {
            assertThat(bench.at("AT+QSCLK=" + mode)).isEqualTo(OK);
            assertThat(bench.at("AT+QSCLK?")).isEqualTo(framed("+QSCLK: " + mode, "OK"));
        }
        assertThat(bench.at("AT+QSCLK=3")).isEqualTo(ERROR);
        assertThat(bench.at("AT+QSCLK?")).isEqualTo(framed("+QSCLK: 1", "OK"));
    }

    @Test
    void qrstAnswersOkThenTheBootUrcsAndEchoIsBackOn() {
        TestBench bench = new TestBench();
        bench.given("AT+CEREG=1");

        assertThat(bench.at("AT+QRST=1")).isEqualTo(framed("OK", "RDY", "+CFUN: 1", "+CPIN: READY"));

        assertThat(bench.type("AT\r")).isEqualTo("AT\r" + OK);
    }

    @ParameterizedTest(name = "AT+QRST{0}")
    @ValueSource(strings = {"=0", "=2", "", "?"})
    void qrstOtherThanOneAnswersErrorAndDoesNotReboot(String form) {
        TestBench bench = new TestBench();
        bench.given("AT+CEREG=1");

        assertThat(bench.at("AT+QRST" + form)).isEqualTo(ERROR);
        assertThat(bench.at("AT+CEREG?")).isEqualTo(framed("+CEREG: 1,2", "OK"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"AT+FOO", "AT+FOO?", "AT+QSREGENABLEX?", "ATZ9", "AT+", "AT#X", "AT+CGMR=1"})
    void unknownCommandOrFormAnswersError(String command) {
        TestBench bench = new TestBench();

        assertThat(bench.at(command)).isEqualTo(ERROR);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "at+cgmr|Revision: " + Bc260yFacts.DEFAULT_FIRMWARE,
            "At+CgMr|Revision: " + Bc260yFacts.DEFAULT_FIRMWARE,
            "aT+qsregenable?|+QSREGENABLE: 1",
            "at+qsclk?|+QSCLK: 1"})
    void lowerAndMixedCaseCommandsWork(String command, String answer) {
        TestBench bench = new TestBench();

        assertThat(bench.at(command)).isEqualTo(framed(answer, "OK"));
    }

    @Test
    void aLineLongerThanTheInputBufferAnswersErrorAndTheNextLineIsAnsweredAgain() {
        TestBench bench = new TestBench();
        bench.at("AT");

        assertThat(bench.type("AT" + " ".repeat(1021) + "\r")).as("1,023 bytes fit").isEqualTo(OK);
        assertThat(bench.type("AT+QDMPCFGEX=0,0,\"" + "x".repeat(1200) + "\"\r")).isEqualTo(ERROR);
        assertThat(bench.type("AT" + " ".repeat(5000) + "\r")).isEqualTo(ERROR);
        assertThat(bench.type("AT\r")).isEqualTo(OK);
        assertThat(bench.at("AT+QDMPCFGEX=0,1")).isEqualTo(framed("+QDMPCFGEX: 0,NULL", "OK"));
    }

    static Stream<Arguments> stringsWithALineFeed() {
        return Stream.of(
                Arguments.of("AT+QDMPCFGEX=1,0,\"00-01\nOK\"", "AT+QDMPCFGEX=1,1"),
                Arguments.of("AT+QDMPCFGEX=5,0,\"31.84\n117.20\"", "AT+QDMPCFGEX=5,1"),
                Arguments.of("AT+QDMPCFG=1,\"10.0.0.1\nOK\"", "AT+QDMPCFG=4,1"),
                Arguments.of("AT+QDMPCFG=2,\"M1000\nOK\",\"secret\"", "AT+QDMPCFG=4,2"));
    }

    /**
     * Every response line is {@code <CR><LF>text<CR><LF>} (§1): a host splits the answer at line
     * ends, so a string parameter holding a line feed must either be refused or never come back
     * as a line break inside a response line (where {@code ...\nOK} reads as a final result).
     */
    @ParameterizedTest(name = "[{index}] read back with {1}")
    @MethodSource("stringsWithALineFeed")
    void aLineFeedInAStringParameterNeverBreaksAResponseLine(String set, String read) {
        TestBench bench = new TestBench();

        String answer = bench.at(set);
        if (answer.equals(ERROR)) {
            return;
        }

        assertThat(answer).isEqualTo(OK);
        String readBack = bench.at(read);
        assertThat(readBack).endsWith(framed("OK"));
        for (String frame : readBack.split("\r\n")) {
            assertThat(frame).as("a response line of %s", read).doesNotContain("\n", "\r");
        }
    }

    @Test
    void lineNoiseBeforeAtIsDiscarded() {
        TestBench bench = new TestBench();
        bench.at("AT");

        assertThat(bench.type("\n\u0000xyz\r\nAT+CGMR\r\n")).isEqualTo(framed("Revision: " + FIRMWARE, "OK"));
    }
}
