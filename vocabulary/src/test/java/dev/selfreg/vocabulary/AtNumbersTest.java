package dev.selfreg.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The numbers of AT+QDMPCFG (seed 3.2.2) and the CME codes (spec at-commands.md §1). */
class AtNumbersTest {

    @Test
    void dmStatesAreTheSeedsTenWithTheirMeanings() {
        assertThat(List.of(DmState.INITIAL, DmState.CONNECTED, DmState.CONNECT_FAILED, DmState.REGISTERED,
                DmState.REGISTER_FAILED, DmState.REGISTER_TIMEOUT, DmState.LIFETIME_TIMEOUT, DmState.UPDATED,
                DmState.UPDATE_FAILED, DmState.UPDATE_TIMEOUT))
                .extracting(DmState::code, DmState::meaning).containsExactly(
                tuple(0, "initial"), tuple(4, "connect OK"), tuple(5, "connect failed"), tuple(6, "register OK"),
                tuple(7, "register failed"), tuple(8, "register timeout"), tuple(9, "lifetime timeout"),
                tuple(11, "update OK"), tuple(12, "update failed"), tuple(13, "update timeout"));
    }

    @Test
    void aDmStateTheSeedDoesNotListKeepsItsNumber() {
        DmState state = new DmState(3);

        assertThat(state.meaning()).isEqualTo("unknown");
        assertThat(state).hasToString("3 (unknown)");
        assertThat(new DmState(6)).isEqualTo(DmState.REGISTERED).hasToString("6 (register OK)");
    }

    @Test
    void terminalTypesHaveTheirNumberEndpointLetterAndObject666Name() {
        assertThat(TerminalType.values()).extracting(TerminalType::code, TerminalType::letter, TerminalType::infoName)
                .containsExactly(tuple(0, "I", "interface"), tuple(1, "L", "Linux"), tuple(2, "A", "Android"));
        assertThat(TerminalType.of(3)).isEmpty();
        assertThat(TerminalType.ofLetter("l")).isEmpty();
    }

    @Test
    void aTerminalTypeIsParsedByNumberOrLabel() {
        assertThat(TerminalType.parse("1")).isEqualTo(TerminalType.LINUX);
        assertThat(TerminalType.parse("Android")).isEqualTo(TerminalType.ANDROID);
        assertThatThrownBy(() -> TerminalType.parse("rtos")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tmlType is 0/interface, 1/linux or 2/android, not 'rtos'");
    }

    @Test
    void eraseOptionsAreZeroOneTwoAndFourForAll() {
        assertThat(DmGroup.values()).extracting(DmGroup::code).containsExactly(0, 1, 2, 4);
        assertThat(DmGroup.of(4)).hasValue(DmGroup.ALL);
        assertThat(DmGroup.of(3)).isEmpty();
    }

    @Test
    void cmeErrorsShowTheirCodeOrTheirText() {
        assertThat(CmeError.values()).extracting(CmeError::code).containsExactly(3, 4, 10, 13, 50);
        assertThat(CmeError.INCORRECT_PARAMETERS.numericLine()).isEqualTo("+CME ERROR: 50");
        assertThat(CmeError.SIM_NOT_INSERTED.verboseLine()).isEqualTo("+CME ERROR: SIM not inserted");
        assertThat(CmeError.of(13)).hasValue(CmeError.SIM_FAILURE);
        assertThat(CmeError.of(11)).isEmpty();
    }
}
