package dev.selfreg.module;

import static dev.selfreg.module.TestBench.framed;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Identification (at-commands.md §6, research "Identity"): ATI, AT+CGMI, AT+CGMM, AT+CGMR and
 * AT+CGSN with every {@code <snt>}, as a real BC260Y-CN answers them; AT+GSN only in BC26-compat.
 */
class IdentityCommandsTest {

    private static final String ERROR = framed("ERROR");

    @Test
    void cgmiAnswersTheManufacturerAsAtisFirstLine() {
        TestBench bench = new TestBench();

        assertThat(bench.at("AT+CGMI")).isEqualTo(framed("Quectel_Ltd", "OK"));
        assertThat(bench.at("ATI")).startsWith(framed("Quectel_Ltd"));
    }

    @Test
    void cgmmAnswersTheModelAsAtisSecondLine() {
        TestBench bench = new TestBench();

        assertThat(bench.at("AT+CGMM")).isEqualTo(framed("Quectel_BC260Y-CN", "OK"));
    }

    @Test
    void ati0IsAti() {
        TestBench bench = new TestBench();

        assertThat(bench.at("ATI0")).isEqualTo(bench.at("ATI"));
        assertThat(bench.at("ATI1")).isEqualTo(ERROR);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"AT+CGMI=?", "AT+CGMM=?", "AT+CGMR=?", "AT+CGMI?", "AT+CGMM=0", "AT+CGMR?"})
    void theIdentityCommandsHaveOnlyTheirExecuteForm(String command) {
        TestBench bench = new TestBench();

        assertThat(bench.at(command)).isEqualTo(ERROR);
    }

    @Test
    void cgsn0AnswersTheSerialNumberAloneOnItsLineAndBareCgsnTheSame() {
        TestBench bench = new TestBench(ModuleProfile.standard().withImei("862745063975087"));

        assertThat(bench.at("AT+CGSN=0")).isEqualTo(framed("MP862745063975087", "OK"));
        assertThat(bench.at("AT+CGSN")).isEqualTo(framed("MP862745063975087", "OK"));
    }

    @Test
    void theSerialNumberHasTheRealOnesShapeAndDiffersBetweenUnits() {
        String one = ModuleProfile.standard().serialNumber();
        String other = ModuleProfile.standard().withImei("869999000000002").serialNumber();

        assertThat(one).hasSameSizeAs("MP823G70607252204").startsWith("MP").isNotEqualTo(other);
    }

    @Test
    void cgsn2And3AnswerTheImeisvAndItsSoftwareVersion() {
        TestBench bench = new TestBench(ModuleProfile.standard().withImei("863703030822519"));

        assertThat(bench.at("AT+CGSN=2")).isEqualTo(framed("+CGSN: 8637030308225102", "OK"));
        assertThat(bench.at("AT+CGSN=3")).isEqualTo(framed("+CGSN: 02", "OK"));
    }

    @ParameterizedTest(name = "AT+CGSN{0}")
    @ValueSource(strings = {"=4", "=", "=1,1", "=-1", "=x", "=\"1\"", "?"})
    void cgsnOutsideZeroToThreeAnswersError(String form) {
        TestBench bench = new TestBench();

        assertThat(bench.at("AT+CGSN" + form)).isEqualTo(ERROR);
    }

    @Test
    void cgsnRangesAtTheirBoundaries() {
        TestBench bench = new TestBench();
        bench.given("AT+CMEE=1");

        assertThat(bench.at("AT+CGSN=0")).endsWith(framed("OK"));
        assertThat(bench.at("AT+CGSN=3")).endsWith(framed("OK"));
        assertThat(bench.at("AT+CGSN=4")).isEqualTo(framed("+CME ERROR: 50"));
    }
}
