package dev.selfreg.host;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The module's unsolicited lines are told apart from the answers that start alike (spec at-commands.md §6, §7.9). */
class UnsolicitedLinesTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"RDY", "+QATWAKEUP", "+CEREG: 1", "+CEREG: 3", "+CEREG: 1,\"5A2B\",\"0C3B4D01\",9",
            "+CEREG: 0,,,", "+CEREG: 2,,,,,", "+CEREG: 3,\"5A2B\",\"0C3B4D01\",9,0,11", "+QNBIOTEVENT: \"ENTER DEEPSLEEP\"",
            "+QNBIOTEVENT: \"EXIT DEEPSLEEP\"", "+QNBIOTEVENT: \"ENTER PSM\"", "+QNBIOTEVENT: \"EXIT PSM\"",
            "+IP: 100.85.29.214", "+IP: 2408:8456:1f00::1"})
    void theModulesUnsolicitedLinesAreKnown(String line) {
        assertThat(UnsolicitedLines.isKnown(line)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"+CEREG: 0,1", "+CEREG: 2,0,,,", "+CEREG: 3,3,\"5A2B\",\"0C3B4D01\",9,0,11", "OK",
            "+CSQ: 8,0", "+QIND: \"x\"", "+QNBIOTEVENT: 1", "+CFUN: 1", "+CPIN: READY", "+IPR: 9600"})
    void answersThatStartAlikeAreNot(String line) {
        assertThat(UnsolicitedLines.isKnown(line)).isFalse();
    }

    @Test
    void theBootsLinesFollowingRdyAreUnsolicitedInTheirOrder() {
        UnsolicitedLines.Sequence sequence = new UnsolicitedLines.Sequence();

        assertThat(UnsolicitedLines.BOOT).allMatch(sequence::isUnsolicited);
        assertThat(sequence.isUnsolicited("+CPIN: READY")).as("a second one is an answer").isFalse();
    }

    @Test
    void aBootWithoutACardEndsAfterItsCfun() {
        UnsolicitedLines.Sequence sequence = new UnsolicitedLines.Sequence();

        assertThat(sequence.isUnsolicited("RDY")).isTrue();
        assertThat(sequence.isUnsolicited("+CFUN: 1")).isTrue();
        assertThat(sequence.isUnsolicited("OK")).isFalse();
        assertThat(sequence.isUnsolicited("+CPIN: READY")).isFalse();
    }

    @Test
    void theBootsLinesWithoutRdyBeforeThemAreAnswers() {
        UnsolicitedLines.Sequence sequence = new UnsolicitedLines.Sequence();

        assertThat(sequence.isUnsolicited("+CFUN: 1")).isFalse();
        assertThat(sequence.isUnsolicited("+CPIN: READY")).isFalse();
    }
}
