package dev.selfreg.module;

import static dev.selfreg.module.TestBench.framed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.selfreg.nvram.NvramImage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** {@code AT+QCGDEFCONT}: the default PDP context (spec at-commands.md §7.4). */
class DefaultPdpContextTest {

    private static final String OK = framed("OK");

    @ParameterizedTest
    @EnumSource(AtDialect.class)
    void aModuleNeverToldShowsTypeIpAndTheNetworksApn(AtDialect dialect) {
        TestBench bench = new TestBench(ModuleProfile.standard().withAtDialect(dialect));

        assertThat(bench.at("AT+QCGDEFCONT?")).isEqualTo(framed("+QCGDEFCONT: \"IP\",\"\"", "OK"));
    }

    @Test
    void theTestFormListsTheTypes() {
        assertThat(new TestBench().at("AT+QCGDEFCONT=?"))
                .isEqualTo(framed("+QCGDEFCONT: (\"IP\",\"IPV6\",\"IPV4V6\",\"PPP\",\"Non-IP\")", "OK"));
    }

    @Test
    void jiekangHuangsLineSetsTypeAndApnAndCgdcontShowsThem() {
        TestBench bench = new TestBench();

        assertThat(bench.at("AT+QCGDEFCONT=\"IP\",\"ctnb\"")).isEqualTo(OK);

        assertThat(bench.at("AT+QCGDEFCONT?")).isEqualTo(framed("+QCGDEFCONT: \"IP\",\"ctnb\"", "OK"));
        assertThat(bench.at("AT+CGDCONT?")).isEqualTo(framed("+CGDCONT: 0,\"IP\",\"ctnb\",,0,0,,,,,0,0", "OK"));
    }

    @Test
    void theTypeAloneKeepsTheNetworksApn() {
        TestBench bench = new TestBench();

        bench.given("AT+QCGDEFCONT=\"IPV6\"");

        assertThat(bench.at("AT+QCGDEFCONT?")).isEqualTo(framed("+QCGDEFCONT: \"IPV6\",\"\"", "OK"));
    }

    @Test
    void credentialsShowAfterTheApnWithThePasswordMasked() {
        TestBench bench = new TestBench();

        bench.given("AT+QCGDEFCONT=\"IP\",\"private.apn\",\"meter\",\"s3cretPdp\"");

        String answer = bench.at("AT+QCGDEFCONT?");
        assertThat(answer).isEqualTo(framed("+QCGDEFCONT: \"IP\",\"private.apn\",\"meter\",\"s3cr****\"", "OK"));
        assertThat(answer).doesNotContain("s3cretPdp");
    }

    @Test
    void theContextIsSavedAndOutlastsAReboot() {
        TestBench bench = new TestBench();
        bench.given("AT+QCGDEFCONT=\"IP\",\"ctnb\"");

        bench.reboot();

        assertThat(bench.at("AT+QCGDEFCONT?")).isEqualTo(framed("+QCGDEFCONT: \"IP\",\"ctnb\"", "OK"));
    }

    @Test
    void theLongestApnAndCredentialsAreTaken() {
        TestBench bench = new TestBench();
        String apn = "a".repeat(Bc260yFacts.DEFAULT_CONTEXT_APN_MAX);
        String user = "u".repeat(Bc260yFacts.DEFAULT_CONTEXT_AUTH_MAX);

        assertThat(bench.at("AT+QCGDEFCONT=\"IP\",\"" + apn + "\",\"" + user + "\",\"" + user + "\"")).isEqualTo(OK);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"AT+QCGDEFCONT=\"ip\",\"ctnb\"", "AT+QCGDEFCONT=\"X25\"", "AT+QCGDEFCONT=",
            "AT+QCGDEFCONT=\"IP\",\"ctnb\",\"a\",\"b\",\"c\"", "AT+QCGDEFCONT=\"IP\",\"ctnb\",\"uuuuuuuuuuuuuuuuu\"",
            "AT+QCGDEFCONT=\"IP\",\"ctnb\",\"u\",\"ppppppppppppppppp\"", "AT+QCGDEFCONT"})
    void aBadFormIsRefusedAndChangesNothing(String line) {
        TestBench bench = new TestBench();
        bench.given("AT+QCGDEFCONT=\"IP\",\"ctnb\"");
        NvramImage before = bench.nvram.image();

        assertThat(bench.at(line)).as(line).isEqualTo(framed("ERROR"));

        assertThat(bench.nvram.image()).isEqualTo(before);
    }

    @Test
    void anApnOneCharacterTooLongIsRefused() {
        TestBench bench = new TestBench();
        String apn = "a".repeat(Bc260yFacts.DEFAULT_CONTEXT_APN_MAX + 1);

        assertThat(bench.at("AT+QCGDEFCONT=\"IP\",\"" + apn + "\"")).isEqualTo(framed("ERROR"));
    }

    @Test
    void thePasswordNeverShowsInTheContextsText() {
        assertThat(new DefaultPdpContext("IP", "ctnb", "meter", "s3cretPdp").toString()).doesNotContain("s3cretPdp");
    }
}
