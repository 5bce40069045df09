package dev.selfreg.module;

import static dev.selfreg.module.TestBench.framed;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bench log of a real BC260Y-CN (research [R-BC260Y]: firmware {@code BC260YCNAAR02A02}, IMEI
 * {@code 862745063975087}), verbatim: each command as it was sent and the module's answer as it
 * printed it, on an emulated unit with that identity. The log's {@code AT+CGSN=0} serial number,
 * which the emulator derives from the IMEI, is checked for its shape in {@code IdentityCommandsTest}.
 */
class RealModuleLogTest {

    static final ModuleProfile LOGGED_UNIT =
            ModuleProfile.standard().withImei("862745063975087").withFirmware("BC260YCNAAR02A02");

    /** One exchange of the log: what the host did before, the command, the answer lines. */
    record Exchange(List<String> given, String command, List<String> answer) {
        @Override
        public String toString() {
            return command;
        }
    }

    private static Arguments exchange(List<String> given, String command, String... answer) {
        return Arguments.of(new Exchange(given, command, List.of(answer)));
    }

    static Stream<Arguments> log() {
        return Stream.of(
                exchange(List.of(), "ATI", "Quectel_Ltd", "Quectel_BC260Y-CN", "Revision: BC260YCNAAR02A02", "OK"),
                exchange(List.of(), "AT+CGMM", "Quectel_BC260Y-CN", "OK"),
                exchange(List.of(), "AT+CGMR", "Revision: BC260YCNAAR02A02", "OK"),
                exchange(List.of(), "AT+CGSN=1", "+CGSN: 862745063975087", "OK"),
                exchange(List.of(), "AT+CGSN=2", "+CGSN: 8627450639750802", "OK"),
                exchange(List.of(), "AT+CGSN=3", "+CGSN: 02", "OK"),
                exchange(List.of("AT+CCLK=\"23/12/14,09:01:13+32\""), "AT+CCLK?", "+CCLK: \"2023/12/14,09:01:13+32\"", "OK"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("log")
    void theEmulatorAnswersAsTheRealModuleDid(Exchange exchange) {
        TestBench bench = new TestBench(LOGGED_UNIT);
        bench.given(exchange.given().toArray(String[]::new));

        assertThat(bench.at(exchange.command())).isEqualTo(framed(exchange.answer().toArray(String[]::new)));
    }
}
