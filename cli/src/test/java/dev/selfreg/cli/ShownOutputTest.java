package dev.selfreg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How the README tour compares what a document shows a command printing with what it printed. */
class ShownOutputTest {

    @Test
    void standardOutputShownInFullMatches() {
        assertThat(ShownOutput.mismatch(List.of("OK", "+QDMPCFG: 6,6"), List.of("OK", "+QDMPCFG: 6,6"), List.of())).isEmpty();
    }

    @Test
    void aLineOfStandardOutputNotShownIsAMismatch() {
        assertThat(ShownOutput.mismatch(List.of("OK"), List.of("OK", "ERROR"), List.of()))
                .hasValue("printed but not shown: ERROR");
    }

    @Test
    void aShownLineNotPrintedIsAMismatch() {
        assertThat(ShownOutput.mismatch(List.of("+QDMPCFG: 6,12"), List.of("+QDMPCFG: 6,11"), List.of())).get().asString()
                .startsWith("shown but not printed: +QDMPCFG: 6,12");
    }

    @Test
    void shownLinesMayHoldSomeOfStandardErrorInItsOrder() {
        List<String> err = List.of("08:31:43.001 INFO Boot - started", "nvram: in memory", "network: lab");

        assertThat(ShownOutput.mismatch(List.of("listening at 127.0.0.1:7000", "nvram: in memory", "network: lab"),
                List.of("listening at 127.0.0.1:7000"), err)).isEmpty();
        assertThat(ShownOutput.mismatch(List.of("network: lab", "nvram: in memory"), List.of(), err)).isPresent();
    }

    @Test
    void threeDotsStandForTextLeftOut() {
        assertThat(ShownOutput.mismatch(List.of("[{\"id\":1,...,\"imei\":\"8699\",...}]"),
                List.of("[{\"id\":1,\"transport\":\"coap\",\"imei\":\"8699\",\"regver\":\"2\"}]"), List.of())).isEmpty();
        assertThat(ShownOutput.mismatch(List.of("[{\"id\":2,...}]"), List.of("[{\"id\":1,\"imei\":\"8699\"}]"), List.of()))
                .isPresent();
    }

    @Test
    void timestampsClientPortsAndRunTimesMatchAnyOfTheirKind() {
        assertThat(ShownOutput.mismatch(
                List.of("{\"time\":\"2026-11-26T07:49:44.110466Z\",\"peer\":\"127.0.0.1:33183\"}", "PASSED in 975 ms"),
                List.of("{\"time\":\"2026-12-02T00:23:24.1Z\",\"peer\":\"127.0.0.1:59786\"}", "PASSED in 4217 ms"), List.of()))
                .isEmpty();
    }
}
