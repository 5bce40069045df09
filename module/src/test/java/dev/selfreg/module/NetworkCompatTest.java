package dev.selfreg.module;

import static dev.selfreg.module.TestBench.framed;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The BC26 network commands and formats of the BC26-compat dialect (at-commands.md §7.10,
 * docs/at-commands-emulated.md): {@code AT+CGREG}, the default context cid 1 with a bare address,
 * {@code AT+QIDNSCFG} with a context id; and that a real BC260Y-CN refuses them as it does.
 */
class NetworkCompatTest {

    private static final String ERROR = framed("ERROR");
    private static final Duration ATTACH = Bc260yFacts.ATTACH_TIME;

    private static TestBench compat() {
        return new TestBench(ModuleProfile.standard().withAtDialect(AtDialect.BC26_COMPAT));
    }

    private static TestBench registered(TestBench bench) {
        bench.advance(ATTACH);
        return bench;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"AT+CGREG?", "AT+CGREG=1", "AT+CGREG=?", "AT+QIDNSCFG=1", "AT+QIDNSCFG=1,\"8.8.8.8\""})
    void aBc260yCnRefusesTheBc26FormsLikeAnUnknownCommand(String line) {
        TestBench bench = registered(new TestBench());

        assertThat(bench.at(line)).isEqualTo(ERROR);
        assertThat(bench.at("AT+CGPADDR=1")).as("no cid 1").isEqualTo(framed("OK"));
    }

    @Test
    void cgregShowsTheRegistrationAsRtThreadReadsIt() {
        TestBench bench = compat();
        assertThat(bench.at("AT+CGREG?")).isEqualTo(framed("+CGREG: 0,2", "OK"));

        bench.advance(ATTACH);

        assertThat(bench.at("AT+CGREG?")).isEqualTo(bench.addressUrc() + framed("+CGREG: 0,1", "OK"));
        assertThat(bench.at("AT+CGREG=?")).isEqualTo(framed("+CGREG: (0-2)", "OK"));
    }

    @Test
    void cgreg1ReportsChangesUnsolicitedAndCgreg2WithTheLocation() {
        TestBench bench = compat();
        bench.given("AT+CGREG=1");
        bench.advance(ATTACH);
        assertThat(bench.takeOutput()).isEqualTo(framed("+CGREG: 1") + bench.addressUrc());

        bench.given("AT+CGREG=2");
        assertThat(bench.at("AT+CGREG?")).isEqualTo(framed("+CGREG: 2,1,\"5A2B\",\"0C3B4D01\",9", "OK"));
        assertThat(bench.at("AT+CGATT=0")).isEqualTo(framed("OK", "+CGREG: 0"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"AT+CGREG=3", "AT+CGREG=1,1", "AT+CGREG=x"})
    void cgregTakesZeroToTwo(String line) {
        assertThat(compat().at(line)).isEqualTo(ERROR);
    }

    @Test
    void theDefaultContextIsCid1WithABareAddress() {
        TestBench bench = registered(compat());
        String address = bench.module.attach().address().orElseThrow();

        assertThat(bench.at("AT+CGPADDR=1")).isEqualTo(framed("+CGPADDR: 1," + address, "OK"));
        assertThat(bench.at("AT+CGPADDR")).isEqualTo(framed("+CGPADDR: 1," + address, "OK"));
        assertThat(bench.at("AT+CGPADDR=0")).isEqualTo(framed("OK"));
        assertThat(bench.at("AT+CGPADDR=?")).isEqualTo(framed("+CGPADDR: (1)", "OK"));
        assertThat(bench.at("AT+CGDCONT?")).isEqualTo(framed("+CGDCONT: 1,\"IP\",\"\",,0,0,,,,,0,0", "OK"));
    }

    @Test
    void qidnscfgWithTheContextIdAnswersTheServersAsRtThreadReadsThem() {
        TestBench bench = registered(compat());

        assertThat(bench.at("AT+QIDNSCFG=1")).isEqualTo(framed("+QIDNSCFG: 1,\"114.114.114.114\",\"8.8.8.8\"", "OK"));
        assertThat(bench.at("AT+QIDNSCFG=1,\"1.2.3.4\",\"5.6.7.8\"")).isEqualTo(framed("OK"));
        assertThat(bench.at("AT+QIDNSCFG=1")).isEqualTo(framed("+QIDNSCFG: 1,\"1.2.3.4\",\"5.6.7.8\"", "OK"));
    }

    @Test
    void qidnscfgKeepsTheBc260yCnSyntaxInCompat() {
        TestBench bench = registered(compat());

        assertThat(bench.at("AT+QIDNSCFG=\"1.2.3.4\"")).isEqualTo(framed("OK"));

        assertThat(bench.at("AT+QIDNSCFG?")).isEqualTo(framed("+QIDNSCFG: \"1.2.3.4\",\"\",\"\",\"\"", "OK"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"AT+QIDNSCFG=0", "AT+QIDNSCFG=2,\"8.8.8.8\"", "AT+QIDNSCFG=1,\"x\"", "AT+QIDNSCFG=dns",
            "AT+QIDNSCFG=\"1.2.3.4\",\"5.6.7.8\",\"9.9.9.9\"", "AT+QIDNSCFG=1,\"1.2.3.4\",\"5.6.7.8\",\"9.9.9.9\""})
    void qidnscfgInCompatRefusesAnUndefinedContextAndBadAddresses(String line) {
        TestBench bench = registered(compat());

        assertThat(bench.at(line)).isEqualTo(ERROR);
        assertThat(bench.at("AT+QIDNSCFG=1")).isEqualTo(framed("+QIDNSCFG: 1,\"114.114.114.114\",\"8.8.8.8\"", "OK"));
    }
}
