package dev.selfreg.module;

import static dev.selfreg.module.TestBench.framed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.selfreg.nvram.NvramImage;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The network commands (at-commands.md §7): signal, attach, registration, the default
 * context, the operator, bands, engineering information and DNS, as the BC260Y-CN answers them
 * (docs/research/bc260y-cn-at-commands.md §2), driven by the network conditions a test sets.
 * The example lines of the real module's bench log are checked verbatim.
 */
class NetworkCommandsTest {

    private static final String OK = framed("OK");
    private static final String ERROR = framed("ERROR");
    private static final Duration ATTACH = Bc260yFacts.ATTACH_TIME;
    private static final String CELL = "\"5A2B\",\"0C3B4D01\",9";
    /** The PSM timers the network grants for the module's default {@code AT+CPSMS} request (Active-Time, Periodic-TAU). */
    private static final String GRANTED = "\"00000101\",\"01000011\"";

    /** A stock unit, registered. */
    private static TestBench registered() {
        TestBench bench = new TestBench();
        bench.advance(ATTACH);
        return bench;
    }

    private static void network(TestBench bench, UnaryOperator<NetworkConditions> change) {
        NetworkAttach attach = bench.module.attach();
        attach.setConditions(change.apply(attach.conditions()));
    }

    /** A bad form answers ERROR, +CME ERROR: 50 with AT+CMEE=1, and leaves NVRAM as it was. */
    private static void refused(TestBench bench, String line, int cme) {
        NvramImage before = bench.nvram.image();
        assertThat(bench.at(line)).as(line).isEqualTo(ERROR);
        bench.given("AT+CMEE=1");
        assertThat(bench.at(line)).as(line).isEqualTo(framed("+CME ERROR: " + cme));
        bench.given("AT+CMEE=0");
        assertThat(bench.nvram.image()).as("NVRAM after " + line).isEqualTo(before);
    }

    // ---- AT+CSQ, AT+CESQ -------------------------------------------------------------------

    @Test
    void csqAnswersAsTheRealModuleByDefault() {
        assertThat(registered().at("AT+CSQ")).isEqualTo(framed("+CSQ: 8,0", "OK"));
    }

    @ParameterizedTest(name = "rssi {0} ber {1} -> {2}")
    @CsvSource({"0,0,'0,0'", "31,7,'31,7'", "99,99,'99,99'", "99,3,'99,99'", "15,99,'15,99'"})
    void csqReportsTheSignalOfTheConditionsAndAnUnknownRssiWithAnUnknownBer(int rssi, int ber, String answer) {
        TestBench bench = registered();

        network(bench, c -> c.withSignal(c.signal().withRssi(rssi).withBer(ber)));

        assertThat(bench.at("AT+CSQ")).isEqualTo(framed("+CSQ: " + answer, "OK"));
    }

    @Test
    void csqIsUnknownWithTheRadioOffOrNoCellInSight() {
        TestBench bench = registered();
        bench.given("AT+CFUN=0");
        assertThat(bench.at("AT+CSQ")).isEqualTo(framed("+CSQ: 99,99", "OK"));

        bench.given("AT+CFUN=1");
        network(bench, c -> c.withAvailability(NetworkConditions.Availability.LOST));
        assertThat(bench.at("AT+CSQ")).isEqualTo(framed("+CSQ: 99,99", "OK"));
    }

    @Test
    void csqIsMeasuredWhileSearchingAndWhileRefused() {
        TestBench bench = new TestBench();
        assertThat(bench.at("AT+CSQ")).as("searching").isEqualTo(framed("+CSQ: 8,0", "OK"));

        network(bench, c -> c.withAvailability(NetworkConditions.Availability.DENIED));
        bench.advance(ATTACH);
        assertThat(bench.at("AT+CSQ")).as("denied").isEqualTo(framed("+CSQ: 8,0", "OK"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"AT+CSQ?", "AT+CSQ=", "AT+CSQ=1", "AT+CESQ?", "AT+CESQ=10"})
    void signalCommandsHaveNoReadOrSetForm(String line) {
        refused(registered(), line, 4);
    }

    @Test
    void cesqReportsRsrqAndRsrpAndNothingOfTheOtherRadios() {
        TestBench bench = registered();
        assertThat(bench.at("AT+CESQ")).isEqualTo(framed("+CESQ: 99,99,255,255,20,33", "OK"));

        network(bench, c -> c.withSignal(c.signal().withRsrq(34).withRsrp(97)));
        assertThat(bench.at("AT+CESQ")).isEqualTo(framed("+CESQ: 99,99,255,255,34,97", "OK"));
        network(bench, c -> c.withSignal(c.signal().withRsrq(0).withRsrp(0)));
        assertThat(bench.at("AT+CESQ")).isEqualTo(framed("+CESQ: 99,99,255,255,0,0", "OK"));

        network(bench, c -> c.withAvailability(NetworkConditions.Availability.LOST));
        assertThat(bench.at("AT+CESQ")).isEqualTo(framed("+CESQ: 99,99,255,255,255,255", "OK"));
    }

    // ---- AT+CGATT --------------------------------------------------------------------------

    @Test
    void cgattReadsZeroWhileSearchingAndOneOnceAttachedAsTheRealModule() {
        TestBench bench = new TestBench();
        assertThat(bench.at("AT+CGATT?")).isEqualTo(framed("+CGATT: 0", "OK"));

        bench.advance(ATTACH);

        assertThat(bench.at("AT+CGATT?")).isEqualTo(bench.addressUrc() + framed("+CGATT: 1", "OK"));
    }

    @Test
    void cgatt0DetachesAndTheUnsolicitedCeregFollowsTheOk() {
        TestBench bench = registered();
        bench.given("AT+CEREG=1");

        assertThat(bench.at("AT+CGATT=0")).isEqualTo(framed("OK", "+CEREG: 0"));

        assertThat(bench.at("AT+CGATT?")).isEqualTo(framed("+CGATT: 0", "OK"));
        assertThat(bench.at("AT+CEREG?")).isEqualTo(framed("+CEREG: 1,0", "OK"));
        bench.advance(Duration.ofHours(1));
        assertThat(bench.module.attach().registration()).as("stays detached").isEqualTo(NetworkRegistration.NOT_REGISTERED);
    }

    @Test
    void cgatt1SearchesAndRegistersAfterTheAttachTime() {
        TestBench bench = registered();
        bench.given("AT+CEREG=1");
        bench.at("AT+CGATT=0");

        assertThat(bench.at("AT+CGATT=1")).isEqualTo(framed("OK", "+CEREG: 2"));
        bench.advance(ATTACH);

        assertThat(bench.takeOutput()).isEqualTo(framed("+CEREG: 1") + bench.addressUrc());
        assertThat(bench.at("AT+CGATT?")).isEqualTo(framed("+CGATT: 1", "OK"));
    }

    @Test
    void cgattToTheStateItIsInAnswersOkAndChangesNothing() {
        TestBench bench = registered();
        bench.given("AT+CEREG=1");

        assertThat(bench.at("AT+CGATT=1")).isEqualTo(OK);
        bench.advance(ATTACH);
        assertThat(bench.takeOutput()).isEmpty();
        bench.at("AT+CGATT=0");
        assertThat(bench.at("AT+CGATT=0")).isEqualTo(OK);
    }

    @Test
    void cgatt1WithTheRadioOffIsNotAllowed() {
        TestBench bench = registered();
        bench.given("AT+CFUN=0");

        refused(bench, "AT+CGATT=1", 3);
        assertThat(bench.at("AT+CGATT=0")).as("detaching is always fine").isEqualTo(OK);
    }

    @Test
    void cgatt1WithoutASimAnswersSimNotInserted() {
        TestBench bench = new TestBench(ModuleProfile.standard().withSim(Optional.empty()));

        refused(bench, "AT+CGATT=1", 10);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"AT+CGATT=2", "AT+CGATT=", "AT+CGATT=1,1", "AT+CGATT=-1", "AT+CGATT=\"1\""})
    void cgattTakesExactlyZeroOrOne(String line) {
        TestBench bench = registered();

        refused(bench, line, 50);
        assertThat(bench.at("AT+CGATT?")).isEqualTo(framed("+CGATT: 1", "OK"));
    }

    @Test
    void cfun1AfterADetachAttachesAgain() {
        TestBench bench = registered();
        bench.at("AT+CGATT=0");
        bench.given("AT+CFUN=0", "AT+CFUN=1");

        bench.advance(ATTACH);

        assertThat(bench.at("AT+CGATT?")).isEqualTo(bench.addressUrc() + framed("+CGATT: 1", "OK"));
    }

    // ---- AT+CEREG --------------------------------------------------------------------------

    @Test
    void ceregReadsAsTheRealModuleByDefault() {
        assertThat(registered().at("AT+CEREG?")).isEqualTo(framed("+CEREG: 0,1", "OK"));
    }

    @ParameterizedTest(name = "n={0}")
    @CsvSource(delimiter = '|', value = {
            "2|+CEREG: 2,1," + CELL,
            "3|+CEREG: 3,1," + CELL,
            "4|+CEREG: 4,1," + CELL + ",,," + GRANTED,
            "5|+CEREG: 5,1," + CELL + ",,," + GRANTED})
    void ceregReadWhileRegisteredShowsTheCellAnEmptyCausePairAndTheGrantedPsmTimers(int n, String line) {
        TestBench bench = registered();
        bench.given("AT+CEREG=" + n);

        assertThat(bench.at("AT+CEREG?")).isEqualTo(framed(line, "OK"));
    }

    @ParameterizedTest(name = "n={0}")
    @CsvSource(delimiter = '|', value = {"4|+CEREG: 4,1," + CELL + ",,,,", "5|+CEREG: 5,1," + CELL + ",,,,"})
    void ceregReadWhileRegisteredWithoutPsmHasEmptyTimerFields(int n, String line) {
        TestBench bench = registered();
        bench.given("AT+CPSMS=0", "AT+CEREG=" + n);

        assertThat(bench.at("AT+CEREG?")).isEqualTo(framed(line, "OK"));
    }

    @Test
    void ceregShowsTheTimersTheNetworkGrantedForTheLatestCpsmsRequest() {
        TestBench bench = registered();
        bench.given("AT+CPSMS=1,,,\"01000111\",\"00100100\"", "AT+CEREG=4");

        assertThat(bench.at("AT+CEREG?")).isEqualTo(framed("+CEREG: 4,1," + CELL + ",,,\"00100100\",\"01000111\"", "OK"));
    }

    @ParameterizedTest(name = "n={0}")
    @CsvSource(delimiter = '|', value = {
            "1|+CEREG: 1,3",
            "2|+CEREG: 2,3," + CELL,
            "3|+CEREG: 3,3," + CELL + ",0,11",
            "4|+CEREG: 4,3," + CELL + ",0,11,,",
            "5|+CEREG: 5,3," + CELL + ",0,11,,"})
    void ceregReadAfterARefusalShowsTheRejectCause(int n, String line) {
        TestBench bench = new TestBench();
        network(bench, c -> c.withAvailability(NetworkConditions.Availability.DENIED));
        bench.advance(ATTACH);
        bench.given("AT+CEREG=" + n);

        assertThat(bench.at("AT+CEREG?")).isEqualTo(framed(line, "OK"));
    }

    @ParameterizedTest(name = "n={0}")
    @CsvSource(delimiter = '|', value = {"2|+CEREG: 2,2,,,", "3|+CEREG: 3,2,,,", "5|+CEREG: 5,2,,,,,,,"})
    void ceregReadOffACellLeavesTheLocationEmpty(int n, String line) {
        TestBench bench = new TestBench();
        bench.given("AT+CEREG=" + n);

        assertThat(bench.at("AT+CEREG?")).isEqualTo(framed(line, "OK"));
    }

    @ParameterizedTest(name = "n={0}")
    @CsvSource(delimiter = '|', value = {
            "1|+CEREG: 1",
            "2|+CEREG: 1," + CELL,
            "3|+CEREG: 1," + CELL + ",,",
            "4|+CEREG: 1," + CELL + ",,," + GRANTED,
            "5|+CEREG: 1," + CELL + ",,," + GRANTED})
    void ceregUnsolicitedOnTheAttachHasTheLayoutOfItsN(int n, String line) {
        TestBench bench = new TestBench();
        bench.given("AT+CEREG=" + n);

        bench.advance(ATTACH);

        assertThat(bench.takeOutput()).isEqualTo(framed(line) + bench.addressUrc());
    }

    @Test
    void ceregOmittedNIsZero() {
        TestBench bench = registered();
        bench.given("AT+CEREG=2", "AT+CEREG=");

        assertThat(bench.at("AT+CEREG?")).isEqualTo(framed("+CEREG: 0,1", "OK"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"AT+CEREG=6", "AT+CEREG=1,1", "AT+CEREG=a", "AT+CEREG=-1"})
    void ceregTakesZeroToFive(String line) {
        TestBench bench = registered();
        bench.given("AT+CEREG=2");

        refused(bench, line, 50);
        assertThat(bench.at("AT+CEREG?")).startsWith("\r\n+CEREG: 2,");
    }

    // ---- the network conditions as the host sees them ------------------------------------

    @Test
    void aRefusedRegistrationReportsStat3WithItsCause() {
        TestBench bench = new TestBench();
        bench.given("AT+CEREG=3");
        network(bench, c -> c.withAvailability(NetworkConditions.Availability.DENIED).withRejectCause(7));

        bench.advance(ATTACH);

        assertThat(bench.takeOutput()).isEqualTo(framed("+CEREG: 3," + CELL + ",0,7"));
        assertThat(bench.at("AT+CGATT?")).isEqualTo(framed("+CGATT: 0", "OK"));
    }

    @Test
    void aNetworkThatStartsRefusingDetachesTheModuleAtOnce() {
        TestBench bench = registered();
        bench.given("AT+CEREG=1");

        network(bench, c -> c.withAvailability(NetworkConditions.Availability.DENIED));

        assertThat(bench.takeOutput()).isEqualTo(framed("+CEREG: 3"));
    }

    @Test
    void aLostNetworkReportsStat0AndARegainedOneSearchesThenRegisters() {
        TestBench bench = registered();
        bench.given("AT+CEREG=1");

        network(bench, c -> c.withAvailability(NetworkConditions.Availability.LOST));
        assertThat(bench.takeOutput()).isEqualTo(framed("+CEREG: 0"));
        assertThat(bench.at("AT+CGATT?")).isEqualTo(framed("+CGATT: 0", "OK"));

        network(bench, c -> c.withAvailability(NetworkConditions.Availability.AVAILABLE));
        assertThat(bench.takeOutput()).isEqualTo(framed("+CEREG: 2"));
        bench.advance(ATTACH);
        assertThat(bench.takeOutput()).isEqualTo(framed("+CEREG: 1") + bench.addressUrc());
    }

    @Test
    void aRefusedModuleRegistersOnceTheNetworkTakesIt() {
        TestBench bench = new TestBench();
        bench.given("AT+CEREG=1");
        network(bench, c -> c.withAvailability(NetworkConditions.Availability.DENIED));
        bench.advance(ATTACH);
        bench.takeOutput();

        network(bench, c -> c.withAvailability(NetworkConditions.Availability.AVAILABLE));
        bench.advance(ATTACH);

        assertThat(bench.takeOutput()).isEqualTo(framed("+CEREG: 2", "+CEREG: 1") + bench.addressUrc());
    }

    @Test
    void aBootWithoutANetworkSearchesForTheAttachTimeThenReportsStat0() {
        TestBench bench = new TestBench();
        network(bench, c -> c.withAvailability(NetworkConditions.Availability.LOST));
        bench.given("AT+CFUN=0", "AT+CEREG=1");

        assertThat(bench.at("AT+CFUN=1")).isEqualTo(framed("OK", "+CEREG: 2"));
        bench.advance(ATTACH);

        assertThat(bench.takeOutput()).isEqualTo(framed("+CEREG: 0"));
    }

    @Test
    void anAttachTakesTheConditionsAttachTime() {
        TestBench bench = registered();
        network(bench, c -> c.withAttachTime(Duration.ofSeconds(30)));
        bench.at("AT+CGATT=0");
        bench.at("AT+CGATT=1");

        bench.advance(Duration.ofSeconds(30).minusMillis(1));
        assertThat(bench.at("AT+CGATT?")).isEqualTo(framed("+CGATT: 0", "OK"));
        bench.advance(Duration.ofMillis(1));
        assertThat(bench.at("AT+CGATT?")).isEqualTo(bench.addressUrc() + framed("+CGATT: 1", "OK"));
    }

    @Test
    void anAttachTimeOfZeroRegistersAtOnceWithoutSearching() {
        TestBench bench = registered();
        bench.given("AT+CEREG=1");
        network(bench, c -> c.withAttachTime(Duration.ZERO));
        bench.at("AT+CGATT=0");

        assertThat(bench.at("AT+CGATT=1")).isEqualTo(framed("OK", "+CEREG: 1") + bench.addressUrc());
    }

    @Test
    void theConditionsOutlastAPowerCycle() {
        TestBench bench = registered();
        network(bench, c -> c.withAvailability(NetworkConditions.Availability.DENIED));

        bench.module.powerCycle();
        bench.booted();
        bench.advance(ATTACH);

        assertThat(bench.module.attach().registration()).isEqualTo(NetworkRegistration.DENIED);
    }

    // ---- AT+CGPADDR, AT+CGDCONT?, AT+COPS? -------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"AT+CGPADDR", "AT+CGPADDR?", "AT+CGPADDR=0", "AT+CGPADDR=0,1", "AT+CGPADDR=1,0"})
    void cgpaddrShowsTheDefaultContextCid0WithItsQuotedAddress(String line) {
        TestBench bench = registered();
        String address = bench.module.attach().address().orElseThrow();

        assertThat(bench.at(line)).isEqualTo(framed("+CGPADDR: 0,\"" + address + "\"", "OK"));
    }

    @Test
    void cgpaddrOfAContextNotDefinedPrintsNothing() {
        TestBench bench = registered();

        assertThat(bench.at("AT+CGPADDR=1")).as("RT-Thread's cid 1").isEqualTo(OK);
        assertThat(bench.at("AT+CGPADDR=10")).isEqualTo(OK);
    }

    @Test
    void cgpaddrWithoutAnAttachShowsTheContextWithoutAnAddress() {
        TestBench bench = new TestBench();

        assertThat(bench.at("AT+CGPADDR")).isEqualTo(framed("+CGPADDR: 0", "OK"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"AT+CGPADDR=11", "AT+CGPADDR=0,1,2", "AT+CGPADDR=", "AT+CGPADDR=x", "AT+CGPADDR=-1"})
    void cgpaddrTakesOneOrTwoCidsFrom0To10(String line) {
        refused(registered(), line, 50);
    }

    @Test
    void theAssignedAddressIsInTheSharedAddressSpaceAndDiffersPerUnit() {
        TestBench one = registered();
        TestBench two = new TestBench(ModuleProfile.standard().withImei("869999000000002"));
        two.advance(ATTACH);

        String first = one.module.attach().address().orElseThrow();
        String second = two.module.attach().address().orElseThrow();

        assertThat(first).matches("100\\.(6[4-9]|[7-9]\\d|1[01]\\d|12[0-7])\\.\\d{1,3}\\.\\d{1,3}").isNotEqualTo(second);
    }

    @Test
    void cgdcontShowsTheDefaultContext() {
        assertThat(registered().at("AT+CGDCONT?")).isEqualTo(framed("+CGDCONT: 0,\"IP\",\"\",,0,0,,,,,0,0", "OK"));
    }

    @Test
    void copsShowsTheHomeNetworkWhileAttachedAndOnlyTheModeOtherwise() {
        TestBench bench = new TestBench();
        assertThat(bench.at("AT+COPS?")).isEqualTo(framed("+COPS: 0", "OK"));
        assertThat(bench.at("AT+COPS=?")).isEqualTo(framed("+COPS: (0,,,,9),,(0-4),(2)", "OK"));

        bench.advance(ATTACH);

        assertThat(bench.at("AT+COPS?")).isEqualTo(bench.addressUrc() + framed("+COPS: 0,2,\"46011\",9", "OK"));
        assertThat(bench.at("AT+COPS=?")).isEqualTo(framed("+COPS: (2,,,\"46011\",9),,(0-4),(2)", "OK"));
    }

    @Test
    void copsOfAChinaMobileCardShowsItsNetwork() {
        TestBench bench = new TestBench(ModuleProfile.standard().withSim(Optional.of(Sim.CHINA_MOBILE)));
        bench.advance(ATTACH);

        assertThat(bench.at("AT+COPS?")).isEqualTo(framed("+COPS: 0,2,\"46004\",9", "OK"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"AT+CGDCONT=1,\"IP\",\"ctnb\"", "AT+CGDCONT", "AT+COPS=0", "AT+COPS"})
    void definingContextsAndSelectingOperatorsAreNotEmulated(String line) {
        refused(registered(), line, 4);
    }

    // ---- AT+QBAND --------------------------------------------------------------------------

    @Test
    void qbandListsTheBandsAsTheRealModule() {
        assertThat(registered().at("AT+QBAND?")).isEqualTo(framed("+QBAND: 5,8,3", "OK"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"AT+QBAND=1,8|+QBAND: 8", "AT+QBAND=2,3,5|+QBAND: 3,5",
            "AT+QBAND=3,8,3,5|+QBAND: 8,3,5", "AT+QBAND=0|+QBAND: 5,8,3"})
    void qbandSetsTheBandsInTheOrderGiven(String line, String answer) {
        TestBench bench = registered();

        assertThat(bench.at(line)).isEqualTo(OK);

        assertThat(bench.at("AT+QBAND?")).isEqualTo(framed(answer, "OK"));
    }

    @Test
    void qbandIsSavedAcrossReboots() {
        TestBench bench = registered();
        bench.given("AT+QBAND=1,5");

        bench.reboot();

        assertThat(bench.at("AT+QBAND?")).isEqualTo(framed("+QBAND: 5", "OK"));
    }

    @Test
    void qbandRegistersAgain() {
        TestBench bench = registered();
        bench.given("AT+CEREG=1");

        assertThat(bench.at("AT+QBAND=1,5")).isEqualTo(framed("OK", "+CEREG: 2"));
        bench.advance(ATTACH);

        assertThat(bench.takeOutput()).isEqualTo(framed("+CEREG: 1") + bench.addressUrc());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"AT+QBAND=1,4", "AT+QBAND=1,20", "AT+QBAND=0,5", "AT+QBAND=1", "AT+QBAND=2,5",
            "AT+QBAND=1,5,8", "AT+QBAND=2,5,5", "AT+QBAND=4,5,8,3,3", "AT+QBAND=", "AT+QBAND=1,256", "AT+QBAND=-1"})
    void qbandTakesNThenExactlyNOfTheModulesBands(String line) {
        TestBench bench = registered();

        refused(bench, line, 50);
        assertThat(bench.at("AT+QBAND?")).isEqualTo(framed("+QBAND: 5,8,3", "OK"));
    }

    // ---- AT+QENG ---------------------------------------------------------------------------

    @Test
    void qeng0ShowsTheServingCellWithTheSignalInDbm() {
        TestBench bench = registered();

        assertThat(bench.at("AT+QENG=0"))
                .isEqualTo(framed("+QENG: 0,2506,0,215,\"0C3B4D01\",-108,-10,-97,12,5,\"5A2B\",0,10,0", "OK"));
    }

    @Test
    void qeng0FollowsTheSignalAndTheCarriersBand() {
        TestBench bench = new TestBench(ModuleProfile.standard().withSim(Optional.of(Sim.CHINA_MOBILE)));
        bench.advance(ATTACH);
        network(bench, c -> c.withSignal(new RadioSignal(31, 0, 97, 1)));

        assertThat(bench.at("AT+QENG=0"))
                .isEqualTo(framed("+QENG: 0,3738,0,215,\"0C3B4D01\",-44,-19,-51,12,8,\"5A2B\",0,10,0", "OK"));
    }

    @Test
    void qeng0OffACellPrintsNoLine() {
        assertThat(new TestBench().at("AT+QENG=0")).isEqualTo(OK);
    }

    @Test
    void qeng3AnswersTheEmmAndPlmnStateWithCode4() {
        TestBench bench = new TestBench();
        assertThat(bench.at("AT+QENG=3"))
                .isEqualTo(framed("+QENG: 4,\"REG INIT\",\"IDLE\",\"SEARCHING\",\"UNKNOWN\",\"0x0,0x0\"", "OK"));

        bench.advance(ATTACH);

        assertThat(bench.at("AT+QENG=3"))
                .isEqualTo(bench.addressUrc() + framed("+QENG: 4,\"REG\",\"IDLE\",\"SELECTED\",\"HPLMN\",\"0x460,0xf011\"", "OK"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"AT+QENG=1", "AT+QENG=2", "AT+QENG=4", "AT+QENG=", "AT+QENG=0,1", "AT+QENG?", "AT+QENG"})
    void qengTakesZeroOrThree(String line) {
        refused(registered(), line, line.contains("=") ? 50 : 4);
    }

    // ---- AT+QIDNSCFG -----------------------------------------------------------------------

    @Test
    void qidnscfgShowsTheNetworksServersOnceAttached() {
        TestBench bench = new TestBench();
        assertThat(bench.at("AT+QIDNSCFG?")).isEqualTo(framed("+QIDNSCFG: \"\",\"\",\"\",\"\"", "OK"));

        bench.advance(ATTACH);

        assertThat(bench.at("AT+QIDNSCFG?")).isEqualTo(bench.addressUrc() + framed("+QIDNSCFG: \"114.114.114.114\",\"8.8.8.8\",\"\",\"\"", "OK"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "AT+QIDNSCFG=\"1.2.3.4\",\"5.6.7.8\"|+QIDNSCFG: \"1.2.3.4\",\"5.6.7.8\",\"\",\"\"",
            "AT+QIDNSCFG=1.2.3.4|+QIDNSCFG: \"1.2.3.4\",\"\",\"\",\"\"",
            "AT+QIDNSCFG=\"2001:db8::1\",\"10.0.0.1\"|+QIDNSCFG: \"10.0.0.1\",\"\",\"2001:db8::1\",\"\"",
            "AT+QIDNSCFG=\"::1\",\"2001:db8::53\"|+QIDNSCFG: \"\",\"\",\"::1\",\"2001:db8::53\""})
    void qidnscfgSetsTheServersEachInItsFamilysPair(String line, String answer) {
        TestBench bench = registered();

        assertThat(bench.at(line)).isEqualTo(OK);

        assertThat(bench.at("AT+QIDNSCFG?")).isEqualTo(framed(answer, "OK"));
    }

    @Test
    void qidnscfgHoldsUntilTheNextBoot() {
        TestBench bench = registered();
        bench.given("AT+QIDNSCFG=\"1.2.3.4\"");

        bench.reboot();
        bench.advance(ATTACH);

        assertThat(bench.at("AT+QIDNSCFG?")).isEqualTo(framed("+QIDNSCFG: \"114.114.114.114\",\"8.8.8.8\",\"\",\"\"", "OK"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"AT+QIDNSCFG=1", "AT+QIDNSCFG=1,\"8.8.8.8\"", "AT+QIDNSCFG=\"256.1.1.1\"",
            "AT+QIDNSCFG=\"dns.example\"", "AT+QIDNSCFG=", "AT+QIDNSCFG=\"1.2.3.4\",\"x\"", "AT+QIDNSCFG=\"g::1\"",
            "AT+QIDNSCFG=\"1.2.3.4\",\"5.6.7.8\",\"9.9.9.9\"", "AT+QIDNSCFG=\"1.2.3\""})
    void qidnscfgTakesOneOrTwoAddressesAndNoContextId(String line) {
        TestBench bench = registered();

        refused(bench, line, 50);
        assertThat(bench.at("AT+QIDNSCFG?")).isEqualTo(framed("+QIDNSCFG: \"114.114.114.114\",\"8.8.8.8\",\"\",\"\"", "OK"));
    }
}
