package dev.selfreg.module;

import static dev.selfreg.module.TestBench.framed;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The test form {@code AT+<cmd>=?} of the basic commands (at-commands.md §1, seed table 1): the
 * values the set form takes. The seed's three commands have theirs in their own tests, and so
 * do the BC26-compat ones.
 */
class TestFormTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "AT+CEREG=?|+CEREG: (0,1,2,3,4,5)",
            "AT+CGATT=?|+CGATT: (0,1)",
            "AT+CSQ=?|+CSQ: (0-31,99),(0-7,99)",
            "AT+CESQ=?|+CESQ: (99),(99),(255),(255),(0-34,255),(0-97,255)",
            "AT+CGPADDR=?|+CGPADDR: (0)",
            "AT+CGDCONT=?|+CGDCONT: (0-10),(\"IP\",\"IPV6\",\"IPV4V6\",\"Non-IP\"),,,(0),(0,1),,,,,(0,1),(0,1)",
            "AT+QBAND=?|+QBAND: (0-3),(5,8,3)",
            "AT+QENG=?|+QENG: (0,3)",
            "AT+QIDNSCFG=?|+QIDNSCFG: <PrimaryDns>[,<SecondaryDns>]",
            "AT+CFUN=?|+CFUN: (0,1)",
            "AT+CGSN=?|+CGSN: (0-3)",
            "AT+IPR=?|+IPR: (1200,2400,4800,9600,19200,38400,57600,115200),(0,4800,9600,19200,38400,57600,115200,230400,460800,921600)",
            "AT+QRST=?|+QRST: (1)",
            "AT+QSCLK=?|+QSCLK: (0-2)",
            "AT+CMEE=?|+CMEE: (0-2)"})
    void testFormListsTheValuesTheSetFormTakes(String command, String answer) {
        TestBench bench = new TestBench();

        assertThat(bench.at(command)).isEqualTo(framed(answer, "OK"));
    }
}
