package dev.selfreg.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HostInputTest {

    private final HostInput input = new HostInput();

    @Test
    void whatWasReceivedIsReadOnceInOrder() {
        input.received(bytes("\r\nRDY\r\n"));
        input.received(bytes("\r\n+CEREG: 1\r\n"));

        assertThat(input.drain()).isEqualTo("\r\nRDY\r\n\r\n+CEREG: 1\r\n");
        assertThat(input.drain()).isEmpty();
    }

    @Test
    void pastItsCapacityTheOldestLinesAreDroppedAndWhatIsKeptStartsAtALine() {
        String line = "+QNBIOTEVENT: \"EXIT DEEPSLEEP\"\r\n";
        int lines = 3 * HostInput.CAPACITY / line.length();
        for (int i = 0; i < lines; i++) {
            input.received(bytes(line));
        }
        input.received(bytes("\r\n+CEREG: 5\r\n"));

        String kept = input.drain();
        assertThat(kept.length()).isLessThanOrEqualTo(HostInput.CAPACITY);
        assertThat(kept).startsWith(line).endsWith("\r\n+CEREG: 5\r\n");
    }

    @Test
    void oneWriteLargerThanTheCapacityKeepsItsLatestLines() {
        input.received(bytes("x".repeat(HostInput.CAPACITY) + "\r\nOK\r\n"));

        assertThat(input.drain()).isEqualTo("OK\r\n");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
