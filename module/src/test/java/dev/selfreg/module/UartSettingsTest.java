package dev.selfreg.module;

import static dev.selfreg.module.TestBench.framed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.selfreg.nvram.MemoryNvramStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The UART's settings (at-commands.md §6): {@code AT+IPR} saved to NVRAM, {@code AT&W}, and in
 * BC26-compat {@code ATZ} and {@code AT&F}, which bring echo and {@code AT+CMEE} back to their
 * power-on values.
 */
class UartSettingsTest {

    private static final String OK = framed("OK");
    private static final String ERROR = framed("ERROR");

    private static TestBench compat() {
        return new TestBench(ModuleProfile.standard().withAtDialect(AtDialect.BC26_COMPAT));
    }

    @Test
    void iprIs9600FromTheFactory() {
        assertThat(new TestBench().at("AT+IPR?")).isEqualTo(framed("+IPR: 9600", "OK"));
    }

    @ParameterizedTest(name = "AT+IPR={0}")
    @ValueSource(ints = {0, 4800, 9600, 19200, 38400, 57600, 115200, 230400, 460800, 921600})
    void iprTakesEachRateOfTheModuleAndKeepsItInNvramAcrossABoot(int rate) {
        MemoryNvramStore nvram = new MemoryNvramStore();
        TestBench bench = new TestBench(ModuleProfile.standard(), nvram);

        assertThat(bench.at("AT+IPR=" + rate)).isEqualTo(OK);
        assertThat(bench.at("AT+IPR?")).isEqualTo(framed("+IPR: " + rate, "OK"));
        bench.reboot();
        assertThat(bench.at("AT+IPR?")).isEqualTo(framed("+IPR: " + rate, "OK"));
        assertThat(new TestBench(ModuleProfile.standard(), nvram).module.saved().uartRate()).isEqualTo(rate);
    }

    @ParameterizedTest(name = "AT+IPR{0}")
    @ValueSource(strings = {"=1200", "=2400", "=9601", "=921601", "=1843200", "=-9600", "=", "=9600,1", "=\"9600\"",
            "=99999999999999999999", ""})
    void iprRefusesARateTheModuleDoesNotHaveAndKeepsItsRate(String form) {
        TestBench bench = new TestBench();
        bench.given("AT+IPR=115200");

        assertThat(bench.at("AT+IPR" + form)).isEqualTo(ERROR);
        assertThat(bench.at("AT+IPR?")).isEqualTo(framed("+IPR: 115200", "OK"));
    }

    @Test
    void iprSavesTheNewRateOnlyOnceItsOkIsSent() {
        TestBench bench = new TestBench();
        bench.at("AT");
        StringBuilder seen = new StringBuilder();
        bench.module.connectHost(bytes -> seen.append(new String(bytes).strip())
                .append(" at ").append(bench.module.saved().uartRate()));

        bench.type("AT+IPR=115200\r");

        assertThat(seen).hasToString("OK at 9600");
        assertThat(bench.module.saved().uartRate()).isEqualTo(115200);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"AT&W", "AT&W0", "at&w"})
    void andWAnswersOk(String command) {
        assertThat(new TestBench().at(command)).isEqualTo(OK);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"AT&W1", "AT&W?", "AT&", "AT&W=0"})
    void andWWithAnythingButZeroAnswersError(String command) {
        assertThat(new TestBench().at(command)).isEqualTo(ERROR);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ATZ", "ATZ0", "AT&F", "AT&F0"})
    void atzAndAndFAreBc26CommandsThatBringEchoAndCmeeBack(String command) {
        TestBench real = new TestBench();
        TestBench bench = compat();
        bench.given("AT+CMEE=2", "AT+QSCLK=0");

        assertThat(real.at(command)).isEqualTo(ERROR);
        assertThat(bench.at(command)).isEqualTo(OK);
        assertThat(bench.type("AT+CMEE?\r")).as("echo on again").isEqualTo("AT+CMEE?\r" + framed("+CMEE: 0", "OK"));
        assertThat(bench.type("AT+QSCLK?\r")).as("NVRAM kept").endsWith(framed("+QSCLK: 0", "OK"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ATZ1", "AT&F1", "ATZ?", "AT&F=?"})
    void atzAndAndFWithAnythingButZeroAnswerErrorAndChangeNothing(String command) {
        TestBench bench = compat();
        bench.given("AT+CMEE=1");

        assertThat(bench.at(command)).matches("\r\n(ERROR|\\+CME ERROR: 50)\r\n");
        assertThat(bench.at("AT+CMEE?")).isEqualTo(framed("+CMEE: 1", "OK"));
    }
}
