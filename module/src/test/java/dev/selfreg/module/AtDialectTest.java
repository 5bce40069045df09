package dev.selfreg.module;

import static dev.selfreg.module.TestBench.framed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The AT dialect of a unit (docs/at-commands-emulated.md): a real BC260Y-CN by default, whose
 * missing BC26 commands answer ERROR; BC26-compat answers them too.
 */
class AtDialectTest {

    private static TestBench compat() {
        return new TestBench(ModuleProfile.standard().withAtDialect(AtDialect.BC26_COMPAT));
    }

    @Test
    void aStandardUnitIsARealBc260yCn() {
        assertThat(ModuleProfile.standard().atDialect()).isEqualTo(AtDialect.BC260Y_CN);
    }

    @Test
    void aBc26CommandAnswersErrorOnABc260yCnLikeAnUnknownCommand() {
        TestBench bench = new TestBench();

        assertThat(bench.at("AT+GSN")).isEqualTo(bench.at("AT+FOO")).isEqualTo(framed("ERROR"));
        bench.given("AT+CMEE=1");
        assertThat(bench.at("AT+GSN")).isEqualTo(bench.at("AT+FOO"));
    }

    @Test
    void gsnAnswersTheImeiAloneInBc26Compat() {
        TestBench bench = new TestBench(ModuleProfile.standard().withAtDialect(AtDialect.BC26_COMPAT)
                .withImei("863703030822519"));

        assertThat(bench.at("AT+GSN")).isEqualTo(framed("863703030822519", "OK"));
        assertThat(bench.at("AT+GSN=?")).isEqualTo(framed("OK"));
        assertThat(bench.at("AT+GSN?")).isEqualTo(framed("ERROR"));
        assertThat(bench.at("AT+GSN=1")).isEqualTo(framed("ERROR"));
    }

    @Test
    void bc26CompatAnswersTheBc260yCnCommandsAlike() {
        TestBench real = new TestBench();
        TestBench compat = compat();

        for (String line : new String[] {"ATI", "AT+CGMR", "AT+CGSN=1", "AT+QSCLK?", "AT+QDMPCFG?", "AT+CEREG?"}) {
            assertThat(compat.at(line)).as(line).isEqualTo(real.at(line));
        }
    }

    @Test
    void aDialectIsNamedByItsLabel() {
        assertThat(AtDialect.ofLabel("bc260y-cn")).isEqualTo(AtDialect.BC260Y_CN);
        assertThat(AtDialect.ofLabel(" BC26-Compat ")).isEqualTo(AtDialect.BC26_COMPAT);
        assertThatThrownBy(() -> AtDialect.ofLabel("bc26")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("AT dialect is bc260y-cn|bc26-compat, not 'bc26'");
    }
}
