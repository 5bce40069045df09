package dev.selfreg.module.drivers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfreg.module.AtDialect;
import dev.selfreg.module.ModuleProfile;
import dev.selfreg.module.TestBench;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RT-Thread's BC26 driver (host-drivers.md §1) against the emulated module, from power-on. */
class RtThreadBc26Test {

    @Test
    void onABc260yCnItFailsAtCgregAsOnARealModule() {
        Mcu mcu = new Mcu(new TestBench(ModuleProfile.standard()));

        Outcome outcome = new RtThreadBc26(mcu).init();

        assertThat(outcome).isEqualTo(Outcome.failed("network initialize failed"));
        assertThat(mcu.console()).filteredOn(line -> line.startsWith("round ")).containsExactly(rounds("network registration failed"));
        // every round: 50 x AT+CGREG? answered ERROR, then the power-off it answers ERROR too
        List<String> sent = mcu.sent();
        assertThat(mcu.count("AT+CGREG?")).isEqualTo(RtThreadBc26.ROUNDS * RtThreadBc26.CGREG_TRIES);
        assertThat(mcu.count("AT+QPOWD=0")).isEqualTo(RtThreadBc26.ROUNDS);
        for (int i = 0; i < sent.size(); i++) {
            if (sent.get(i).equals("AT+QPOWD=0")) {
                assertThat(sent.subList(i - RtThreadBc26.CGREG_TRIES, i)).containsOnly("AT+CGREG?");
            }
        }
    }

    @Test
    void onBc26CompatItCompletesWithoutARetry() {
        Mcu mcu = new Mcu(new TestBench(ModuleProfile.standard().withAtDialect(AtDialect.BC26_COMPAT)));

        Outcome outcome = new RtThreadBc26(mcu).init();

        assertThat(outcome.completed()).as(outcome.message()).isTrue();
        assertThat(outcome.message()).matches("IMEI 869999000000001, IP \\d+\\.\\d+\\.\\d+\\.\\d+, DNS \\S+ \\S+");
        assertThat(mcu.count("AT+QPOWD=0")).isZero();
    }

    private static String[] rounds(String failure) {
        String[] lines = new String[RtThreadBc26.ROUNDS];
        for (int round = 1; round <= lines.length; round++) {
            lines[round - 1] = "round " + round + ": " + failure;
        }
        return lines;
    }
}
