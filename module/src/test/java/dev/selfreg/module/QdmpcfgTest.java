package dev.selfreg.module;

import static dev.selfreg.module.TestBench.framed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.selfreg.nvram.NvramImage;
import dev.selfreg.vocabulary.TerminalType;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code AT+QDMPCFG} (at-commands.md §4, seed 3.2.2): every range at its boundaries, the
 * all-or-nothing rule for rejected commands, omitted trailing parameters, the password mask,
 * the defaults, the erase groups, running ({@code ?}) against saved ({@code =4,n}) values and
 * the test form.
 */
class QdmpcfgTest {

    private static final String OK = framed("OK");
    private static final String ERROR = framed("ERROR");
    private static final String IMEI = "863703030822519";
    private static final String A63 = "a".repeat(63);
    private static final String A64 = "a".repeat(64);

    private static final String DEFAULT_0 = "+QDMPCFG: 0,1";
    private static final String DEFAULT_1 = "+QDMPCFG: 1,117.161.2.41,5683,86400";
    private static final String DEFAULT_2 = "+QDMPCFG: 2,,,0,";

    /** A unit whose three groups all differ from the defaults, set over AT. */
    private static final List<String> CONFIGURE = List.of(
            "AT+QDMPCFG=0,0",
            "AT+QDMPCFG=1,\"10.0.0.1\",7000,600",
            "AT+QDMPCFG=2,\"M100000089\",\"95GoAbCd1234\",2," + IMEI);
    private static final String CONFIGURED_0 = "+QDMPCFG: 0,0";
    private static final String CONFIGURED_1 = "+QDMPCFG: 1,10.0.0.1,7000,600";
    private static final String CONFIGURED_2 = "+QDMPCFG: 2,M100000089,95Go****,2," + IMEI;

    private static TestBench configured() {
        TestBench bench = new TestBench();
        bench.given(CONFIGURE.toArray(String[]::new));
        return bench;
    }

    private static String saved(TestBench bench, int queryOpt) {
        return bench.at("AT+QDMPCFG=4," + queryOpt);
    }

    private static String running(TestBench bench) {
        return bench.at("AT+QDMPCFG?");
    }

    // ---- accepted values at the boundaries ------------------------------------------------

    static Stream<Arguments> accepted() {
        return Stream.of(
                Arguments.of("AT+QDMPCFG=0,0", 0, "+QDMPCFG: 0,0"),
                Arguments.of("AT+QDMPCFG=0,1", 0, "+QDMPCFG: 0,1"),
                Arguments.of("AT+QDMPCFG=1,\"10.0.0.1\",1", 1, "+QDMPCFG: 1,10.0.0.1,1,86400"),
                Arguments.of("AT+QDMPCFG=1,\"10.0.0.1\",65535", 1, "+QDMPCFG: 1,10.0.0.1,65535,86400"),
                Arguments.of("AT+QDMPCFG=1,\"10.0.0.1\",5683,300", 1, "+QDMPCFG: 1,10.0.0.1,5683,300"),
                Arguments.of("AT+QDMPCFG=1,\"10.0.0.1\",5683,4294966", 1, "+QDMPCFG: 1,10.0.0.1,5683,4294966"),
                Arguments.of("AT+QDMPCFG=1,117.161.2.7,5683,420", 1, "+QDMPCFG: 1,117.161.2.7,5683,420"),
                Arguments.of("AT+QDMPCFG=1,m.fxlttsbl.com", 1, "+QDMPCFG: 1,m.fxlttsbl.com,5683,86400"),
                Arguments.of("AT+QDMPCFG=1,\"" + A63 + "\"", 1, "+QDMPCFG: 1," + A63 + ",5683,86400"),
                Arguments.of("AT+QDMPCFG=1," + A63, 1, "+QDMPCFG: 1," + A63 + ",5683,86400"),
                Arguments.of("AT+QDMPCFG=1,\"a\"", 1, "+QDMPCFG: 1,a,5683,86400"),
                Arguments.of("AT+QDMPCFG=2,\"K\",\"P\",0," + IMEI, 2, "+QDMPCFG: 2,K,****,0," + IMEI),
                Arguments.of("AT+QDMPCFG=2,\"K\",\"P\",1," + IMEI, 2, "+QDMPCFG: 2,K,****,1," + IMEI),
                Arguments.of("AT+QDMPCFG=2,\"K\",\"P\",2," + IMEI, 2, "+QDMPCFG: 2,K,****,2," + IMEI),
                Arguments.of("AT+QDMPCFG=2,\"K\",\"P\",1,\"" + IMEI + "\"", 2, "+QDMPCFG: 2,K,****,1," + IMEI),
                Arguments.of("AT+QDMPCFG=2,\"K\",\"P\",1,8637030308225190", 2, "+QDMPCFG: 2,K,****,1,8637030308225190"),
                Arguments.of("AT+QDMPCFG=2,\"K\",\"P\",1,86370303082251901", 2, "+QDMPCFG: 2,K,****,1,86370303082251901"),
                Arguments.of("AT+QDMPCFG=2,\"" + A63 + "\",\"P\",1," + IMEI, 2, "+QDMPCFG: 2," + A63 + ",****,1," + IMEI),
                Arguments.of("AT+QDMPCFG=2,\"K\",\"" + A63 + "\",1," + IMEI, 2, "+QDMPCFG: 2,K,aaaa****,1," + IMEI),
                Arguments.of("AT+QDMPCFG=2,\"K\",\"P\"", 2, "+QDMPCFG: 2,K,****,0,"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void aValueInsideItsRangeIsSavedAndShownByQueryOption(String command, int queryOpt, String line) {
        TestBench bench = new TestBench();

        assertThat(bench.at(command)).isEqualTo(OK);

        assertThat(saved(bench, queryOpt)).isEqualTo(framed(line, "OK"));
    }

    // ---- rejected commands change nothing --------------------------------------------------

    static Stream<String> rejected() {
        return Stream.of(
                // port 1-65535, period 300-4294966
                "AT+QDMPCFG=1,\"10.0.0.1\",0",
                "AT+QDMPCFG=1,\"10.0.0.1\",65536",
                "AT+QDMPCFG=1,\"10.0.0.1\",5683,299",
                "AT+QDMPCFG=1,\"10.0.0.1\",5683,4294967",
                "AT+QDMPCFG=1,\"10.0.0.1\",-1",
                "AT+QDMPCFG=1,\"10.0.0.1\",\"5683\"",
                "AT+QDMPCFG=1,\"10.0.0.1\",99999999999999999999999",
                // DM_Mode 0/1, tmlType 0-2
                "AT+QDMPCFG=0,2",
                "AT+QDMPCFG=0,-1",
                "AT+QDMPCFG=2,\"K\",\"P\",3," + IMEI,
                // tmlIMEI 15-17 digits
                "AT+QDMPCFG=2,\"K\",\"P\",1,86370303082251",
                "AT+QDMPCFG=2,\"K\",\"P\",1,863703030822519012",
                "AT+QDMPCFG=2,\"K\",\"P\",1,86370303082251A",
                "AT+QDMPCFG=2,\"K\",\"P\",1,\"8637030308 2519\"",
                // serverIP 1-63 bytes
                "AT+QDMPCFG=1,\"\"",
                "AT+QDMPCFG=1,\"" + A64 + "\"",
                "AT+QDMPCFG=1," + A64,
                // APPkey, password: 1-63 bytes, quoted
                "AT+QDMPCFG=2,\"\",\"P\",1," + IMEI,
                "AT+QDMPCFG=2,\"" + A64 + "\",\"P\",1," + IMEI,
                "AT+QDMPCFG=2,\"K\",\"\",1," + IMEI,
                "AT+QDMPCFG=2,\"K\",\"" + A64 + "\",1," + IMEI,
                "AT+QDMPCFG=2,K,\"P\",1," + IMEI,
                "AT+QDMPCFG=2,\"K\",P,1," + IMEI,
                "AT+QDMPCFG=2,M100000089,95GoAbCd,1," + IMEI,
                // reserved and unknown types
                "AT+QDMPCFG=3",
                "AT+QDMPCFG=3,0",
                "AT+QDMPCFG=7",
                "AT+QDMPCFG=7,0",
                "AT+QDMPCFG=-1,0",
                // queryOpt 0-2, eraseOpt 0-2 and 4
                "AT+QDMPCFG=4,3",
                "AT+QDMPCFG=5,3",
                "AT+QDMPCFG=5,5",
                // parameter count that does not fit the type
                "AT+QDMPCFG=6,0",
                "AT+QDMPCFG=6,",
                "AT+QDMPCFG=0",
                "AT+QDMPCFG=0,1,1",
                "AT+QDMPCFG=1",
                "AT+QDMPCFG=1,\"10.0.0.1\",5683,300,1",
                "AT+QDMPCFG=2,\"K\",\"P\",1," + IMEI + ",1",
                "AT+QDMPCFG=4",
                "AT+QDMPCFG=4,0,0",
                "AT+QDMPCFG=5",
                "AT+QDMPCFG=5,4,0",
                "AT+QDMPCFG=",
                "AT+QDMPCFG");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    void anInvalidCommandAnswersErrorAndChangesNothing(String command) {
        TestBench bench = configured();
        NvramImage before = bench.nvram.image();

        assertThat(bench.at(command)).isEqualTo(ERROR);

        assertThat(bench.nvram.image()).isEqualTo(before);
        assertThat(saved(bench, 0)).isEqualTo(framed(CONFIGURED_0, "OK"));
        assertThat(saved(bench, 1)).isEqualTo(framed(CONFIGURED_1, "OK"));
        assertThat(saved(bench, 2)).isEqualTo(framed(CONFIGURED_2, "OK"));
    }

    // ---- omitted trailing parameters -------------------------------------------------------

    static Stream<Arguments> omitted() {
        return Stream.of(
                Arguments.of("AT+QDMPCFG=1,\"10.0.0.2\"", "+QDMPCFG: 1,10.0.0.2,7000,600"),
                Arguments.of("AT+QDMPCFG=1,\"x\",,900", "+QDMPCFG: 1,x,7000,900"),
                Arguments.of("AT+QDMPCFG=1,\"x\",8000", "+QDMPCFG: 1,x,8000,600"),
                Arguments.of("AT+QDMPCFG=1,\"x\",8000,", "+QDMPCFG: 1,x,8000,600"),
                Arguments.of("AT+QDMPCFG=2,\"K2\",\"pass2\"", "+QDMPCFG: 2,K2,pass****,2," + IMEI),
                Arguments.of("AT+QDMPCFG=2,\"K2\",\"pass2\",,863703030822520", "+QDMPCFG: 2,K2,pass****,2,863703030822520"),
                Arguments.of("AT+QDMPCFG=2,\"K2\",\"pass2\",0", "+QDMPCFG: 2,K2,pass****,0," + IMEI));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("omitted")
    void omittedTrailingParametersKeepTheirPreviousValues(String command, String line) {
        TestBench bench = configured();

        assertThat(bench.at(command)).isEqualTo(OK);

        int queryOpt = line.charAt("+QDMPCFG: ".length()) - '0';
        assertThat(saved(bench, queryOpt)).isEqualTo(framed(line, "OK"));
        assertThat(saved(bench, 0)).isEqualTo(framed(CONFIGURED_0, "OK"));
    }

    @Test
    void settingTheServerAloneChangesOnlyTheServer() {
        TestBench bench = new TestBench();

        bench.given("AT+QDMPCFG=1,\"10.0.0.1\"");

        assertThat(saved(bench, 0)).isEqualTo(framed(DEFAULT_0, "OK"));
        assertThat(saved(bench, 1)).isEqualTo(framed("+QDMPCFG: 1,10.0.0.1,5683,86400", "OK"));
        assertThat(saved(bench, 2)).isEqualTo(framed(DEFAULT_2, "OK"));
    }

    // ---- the password mask -----------------------------------------------------------------

    static Stream<Arguments> passwords() {
        return Stream.of(
                Arguments.of("95GoAbCd1234", "95Go****"),
                Arguments.of("95Go****", "95Go****"),
                Arguments.of("abcde", "abcd****"),
                Arguments.of("abcd", "****"),
                Arguments.of("abc", "****"),
                Arguments.of("a", "****"));
    }

    @ParameterizedTest(name = "password {0} shows as {1}")
    @MethodSource("passwords")
    void passwordShowsOnlyItsFirstFourCharactersAndNothingWhenShorterThanFive(String password, String shown) {
        TestBench bench = new TestBench();
        bench.given("AT+QDMPCFG=2,\"K\",\"" + password + "\",1," + IMEI);
        String line = "+QDMPCFG: 2,K," + shown + ",1," + IMEI;

        assertThat(saved(bench, 2)).isEqualTo(framed(line, "OK"));
        bench.reboot();
        assertThat(running(bench)).isEqualTo(framed(DEFAULT_0, DEFAULT_1, line, "OK"));
    }

    static Stream<Arguments> nonAsciiPasswords() {
        String smiley = "\uD83D\uDE00"; // one character, two UTF-16 code units, four UTF-8 bytes
        return Stream.of(
                Arguments.of("\u00e9\u00e9\u00e9\u00e9\u00e9", "\u00e9\u00e9\u00e9\u00e9****"),
                Arguments.of("\u5bc6\u7801\u5bc6\u7801\u5bc6", "\u5bc6\u7801\u5bc6\u7801****"),
                Arguments.of(smiley.repeat(3), "****"),
                Arguments.of(smiley.repeat(4), "****"),
                Arguments.of(smiley.repeat(5), smiley.repeat(4) + "****"),
                Arguments.of("a" + smiley.repeat(4), "a" + smiley.repeat(3) + "****"));
    }

    /** The mask counts characters (code points), so it never shows more, nor half of one. */
    @ParameterizedTest(name = "password {0} shows as {1}")
    @MethodSource("nonAsciiPasswords")
    void passwordMaskCountsCharactersNotUtf16CodeUnits(String password, String shown) {
        TestBench bench = new TestBench();
        bench.given("AT+QDMPCFG=2,\"K\",\"" + password + "\",1," + IMEI);

        assertThat(saved(bench, 2)).isEqualTo(framed("+QDMPCFG: 2,K," + shown + ",1," + IMEI, "OK"));
    }

    @Test
    void neverSetAppKeyPasswordAndImeiPrintAsEmptyFields() {
        TestBench bench = new TestBench();

        assertThat(saved(bench, 2)).isEqualTo(framed("+QDMPCFG: 2,,,0,", "OK"));
        bench.given("AT+QDMPCFG=2,\"K\",\"secret\"");
        assertThat(saved(bench, 2)).isEqualTo(framed("+QDMPCFG: 2,K,secr****,0,", "OK"));
    }

    // ---- defaults, running and saved -------------------------------------------------------

    @Test
    void defaultsAfterBoot() {
        TestBench bench = new TestBench();

        assertThat(running(bench)).isEqualTo(framed(DEFAULT_0, DEFAULT_1, DEFAULT_2, "OK"));
        assertThat(saved(bench, 0)).isEqualTo(framed(DEFAULT_0, "OK"));
        assertThat(saved(bench, 1)).isEqualTo(framed(DEFAULT_1, "OK"));
        assertThat(saved(bench, 2)).isEqualTo(framed(DEFAULT_2, "OK"));
    }

    @Test
    void queryShowsRunningValuesAndQueryOptionShowsSavedOnesUntilReboot() {
        TestBench bench = configured();

        assertThat(running(bench)).isEqualTo(framed(DEFAULT_0, DEFAULT_1, DEFAULT_2, "OK"));
        assertThat(saved(bench, 0)).isEqualTo(framed(CONFIGURED_0, "OK"));
        assertThat(saved(bench, 1)).isEqualTo(framed(CONFIGURED_1, "OK"));
        assertThat(saved(bench, 2)).isEqualTo(framed(CONFIGURED_2, "OK"));
        assertThat(bench.module.running().orElseThrow().dm()).isEqualTo(DmConfig.DEFAULTS);

        bench.reboot();

        assertThat(running(bench)).isEqualTo(framed(CONFIGURED_0, CONFIGURED_1, CONFIGURED_2, "OK"));
        assertThat(saved(bench, 0)).isEqualTo(framed(CONFIGURED_0, "OK"));
        assertThat(saved(bench, 1)).isEqualTo(framed(CONFIGURED_1, "OK"));
        assertThat(saved(bench, 2)).isEqualTo(framed(CONFIGURED_2, "OK"));
        assertThat(bench.module.running().orElseThrow().dm()).isEqualTo(
                new DmConfig(0, "10.0.0.1", 7000, 600, "M100000089", "95GoAbCd1234", TerminalType.ANDROID, IMEI));
    }

    static Stream<Arguments> erasures() {
        return Stream.of(
                Arguments.of(0, List.of(DEFAULT_0, CONFIGURED_1, CONFIGURED_2)),
                Arguments.of(1, List.of(CONFIGURED_0, DEFAULT_1, CONFIGURED_2)),
                Arguments.of(2, List.of(CONFIGURED_0, CONFIGURED_1, DEFAULT_2)),
                Arguments.of(4, List.of(DEFAULT_0, DEFAULT_1, DEFAULT_2)));
    }

    @ParameterizedTest(name = "AT+QDMPCFG=5,{0} leaves {1}")
    @MethodSource("erasures")
    void eraseOptionResetsOnlyItsGroupToTheDefaults(int eraseOpt, List<String> after) {
        TestBench bench = configured();
        bench.reboot();

        assertThat(bench.at("AT+QDMPCFG=5," + eraseOpt)).isEqualTo(OK);

        assertThat(saved(bench, 0)).isEqualTo(framed(after.get(0), "OK"));
        assertThat(saved(bench, 1)).isEqualTo(framed(after.get(1), "OK"));
        assertThat(saved(bench, 2)).isEqualTo(framed(after.get(2), "OK"));
        assertThat(running(bench)).as("running values until the next boot")
                .isEqualTo(framed(CONFIGURED_0, CONFIGURED_1, CONFIGURED_2, "OK"));

        bench.reboot();

        assertThat(running(bench)).isEqualTo(framed(after.get(0), after.get(1), after.get(2), "OK"));
    }

    @Test
    void erasedValuesCanBeSetAgain() {
        TestBench bench = configured();
        bench.given("AT+QDMPCFG=5,4", "AT+QDMPCFG=1,\"10.0.0.3\",,900");

        assertThat(saved(bench, 1)).isEqualTo(framed("+QDMPCFG: 1,10.0.0.3,5683,900", "OK"));
    }

    @Test
    void testFormListsTheTypesAndRanges() {
        TestBench bench = new TestBench();

        assertThat(bench.at("AT+QDMPCFG=?")).isEqualTo(framed(
                "+QDMPCFG: 0,(0,1)",
                "+QDMPCFG: 1,<serverIP>,(1-65535),(300-4294966)",
                "+QDMPCFG: 2,<APPkey>,<password>,(0-2),<tmlIMEI>",
                "+QDMPCFG: 4,(0-2)",
                "+QDMPCFG: 5,(0-2,4)",
                "+QDMPCFG: 6",
                "OK"));
    }

    @Test
    void accessStateIsInitialAfterBoot() {
        TestBench bench = new TestBench();

        assertThat(bench.at("AT+QDMPCFG=6")).isEqualTo(framed("+QDMPCFG: 6,0", "OK"));
    }

    @Test
    void queryOptionAndAccessStateWriteNothing() {
        TestBench bench = configured();
        NvramImage before = bench.nvram.image();

        bench.at("AT+QDMPCFG=4,0");
        bench.at("AT+QDMPCFG=4,1");
        bench.at("AT+QDMPCFG=4,2");
        bench.at("AT+QDMPCFG=6");
        bench.at("AT+QDMPCFG?");
        bench.at("AT+QDMPCFG=?");

        assertThat(bench.nvram.image()).isEqualTo(before);
    }
}
