package dev.selfreg.at;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AtLineReaderTest {

    private final List<String> events = new ArrayList<>();
    private final AtLineReader reader = new AtLineReader(new AtLineReader.Listener() {
        @Override
        public void line(String body) {
            events.add("line:" + body);
        }

        @Override
        public void overflow() {
            events.add("overflow");
        }
    });

    private void feed(String text) {
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            reader.accept(b);
        }
    }

    @Test
    void crEndsALineAndTheAtPrefixIsStripped() {
        feed("AT+CGMR\r");
        assertThat(events).containsExactly("line:+CGMR");
    }

    @Test
    void lowerCaseAndMixedCasePrefixesAreAccepted() {
        feed("at+cgmr\raT\rAt\r");
        assertThat(events).containsExactly("line:+cgmr", "line:", "line:");
    }

    @Test
    void lfAfterCrIsIgnored() {
        feed("AT\r\nAT+CIMI\r\n");
        assertThat(events).containsExactly("line:", "line:+CIMI");
    }

    @Test
    void noiseBeforeAtIsDiscarded() {
        feed("\n\u0000xyz#AAT+QCCID\r");
        assertThat(events).containsExactly("line:+QCCID");
    }

    @Test
    void aBareCrOutsideALineIsIgnored() {
        feed("\r\r\r");
        assertThat(events).isEmpty();
    }

    @Test
    void backspaceDeletesTheLastCharacter() {
        feed("AT+CGMX\bR\r");
        assertThat(events).containsExactly("line:+CGMR");
    }

    @Test
    void aSlashRepeatsThePreviousLine() {
        feed("AT+CEREG?\rA/");
        assertThat(events).containsExactly("line:+CEREG?", "line:+CEREG?");
    }

    @Test
    void aLineOfExactlyTheBufferSizeIsAccepted() {
        feed("AT" + "X".repeat(AtLineReader.MAX_LINE_BYTES - 2) + "\r");
        assertThat(events).hasSize(1).first().asString().startsWith("line:X");
    }

    @Test
    void aLineOneByteOverTheBufferSizeIsAnOverflowAndTheNextLineWorks() {
        feed("AT" + "X".repeat(AtLineReader.MAX_LINE_BYTES - 1) + "\rAT\r");
        assertThat(events).containsExactly("overflow", "line:");
    }

    @Test
    void resetForgetsAPartialLine() {
        feed("AT+QDM");
        reader.reset();
        feed("PCFG?\rAT\r");
        assertThat(events).containsExactly("line:");
    }
}
