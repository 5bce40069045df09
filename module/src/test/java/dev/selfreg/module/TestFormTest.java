package dev.selfreg.module;

import static dev.selfreg.module.TestBench.framed;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The test form {@code AT+<cmd>=?} of the basic commands (at-commands.md §1, seed table 1): the
 * values the set form takes. The seed's three commands have theirs in their own tests.
 */
class TestFormTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "AT+CEREG=?|+CEREG: (0,1)",
            "AT+CFUN=?|+CFUN: (0,1)",
            "AT+CGSN=?|+CGSN: (1)",
            "AT+QRST=?|+QRST: (1)",
            "AT+QSCLK=?|+QSCLK: (0-2)",
            "AT+CMEE=?|+CMEE: (0-2)"})
    void testFormListsTheValuesTheSetFormTakes(String command, String answer) {
        TestBench bench = new TestBench();

        assertThat(bench.at(command)).isEqualTo(framed(answer, "OK"));
    }
}
