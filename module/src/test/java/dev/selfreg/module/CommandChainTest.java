package dev.selfreg.module;

import static dev.selfreg.module.TestBench.framed;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Several commands on one line, separated by {@code ;} (at-commands.md §1; research §1: the XinYi
 * firmware's cascade): their lines in order, one final {@code OK}, the first error ends the line.
 */
class CommandChainTest {

    @Test
    void theFirmwaresOwnExampleChainsAnswerEveryCommandAndOneOk() {
        TestBench bench = new TestBench(ModuleProfile.standard().withImei("863703030822519"));

        assertThat(bench.at("AT+CIMI;+CGSN=1;+CEREG?")).isEqualTo(
                framed(Sim.CHINA_TELECOM.imsi(), "+CGSN: 863703030822519", "+CEREG: 0,2", "OK"));
        assertThat(bench.at("AT+CGSN;+CIMI")).isEqualTo(framed("MP863703030822519", Sim.CHINA_TELECOM.imsi(), "OK"));
    }

    @Test
    void theFirstErrorEndsTheLineAndWhatCameBeforeItStays() {
        TestBench bench = new TestBench();
        bench.given("AT+CMEE=1");

        assertThat(bench.at("AT+QSCLK=0;+QSCLK?;+QSCLK=7;+QSCLK=2")).isEqualTo(framed("+QSCLK: 0", "+CME ERROR: 50"));

        assertThat(bench.at("AT+QSCLK?")).isEqualTo(framed("+QSCLK: 0", "OK"));
    }

    @Test
    void aBasicCommandChainsWithExtendedOnes() {
        TestBench bench = new TestBench();
        bench.takeOutput();

        assertThat(bench.type("ATE0;+CMEE=1;+CGMM\r")).isEqualTo("ATE0;+CMEE=1;+CGMM\r" + framed("Quectel_BC260Y-CN", "OK"));
        assertThat(bench.type("AT+CMEE?\r")).isEqualTo(framed("+CMEE: 1", "OK"));
    }

    @Test
    void aRebootInAChainComesAfterTheLinesFinalResult() {
        TestBench bench = new TestBench();

        assertThat(bench.at("AT+QRST=1;+CGMM")).isEqualTo(framed("Quectel_BC260Y-CN", "OK") + TestBench.BOOT_URCS);
    }
}
