package dev.selfreg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfreg.lab.fleet.FleetStorms;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** {@code selfreg fleet}'s storm options, parsed into the storms, and their errors; no fleet runs. */
class FleetCommandTest {

    private static FleetStorms storms(String... args) {
        FleetCommand command = new FleetCommand();
        new CommandLine(command).parseArgs(args);
        return command.storms();
    }

    @Test
    void theStormOptionsMakeTheStorms() {
        FleetStorms storms = storms("--fota", "BC260YCNAAR01A04", "--at", "2d", "--fota-fraction", "0.25", "--loss",
                "0.05", "--duplicate", "0.01", "--outage", "2d-2d2h", "--seed", "9", "--ct-no-sleep");

        assertThat(storms).isEqualTo(new FleetStorms(
                Optional.of(new FleetStorms.Fota("BC260YCNAAR01A04", Duration.ofDays(2), 0.25)), 0.05, 0.01,
                Optional.of(new FleetStorms.Outage(Duration.ofDays(2), Duration.ofDays(2).plusHours(2))), true,
                Optional.of("BC260YCNAAR01A03"), 9));
    }

    @Test
    void withoutStormOptionsTheFleetIsTheStormlessOne() {
        assertThat(storms()).isEqualTo(FleetStorms.NONE);
    }

    @Test
    void aFotaWaveUpgradesEveryModuleFromTheGivenFirmware() {
        FleetStorms storms = storms("--fota", "BC260YCNAAR02A01", "--at", "36h", "--firmware", "BC260YCNAAR01A05");

        assertThat(storms.fota()).contains(new FleetStorms.Fota("BC260YCNAAR02A01", Duration.ofHours(36), 1));
        assertThat(storms.firmware()).contains("BC260YCNAAR01A05");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--fota BC260YCNAAR01A04 --at 1d --fota-fraction 1.5 | --fota-fraction is a share of the modules in (0, 1], not 1.5",
            "--fota BC260YCNAAR01A04 --at 1d --fota-fraction 0 | --fota-fraction is a share of the modules in (0, 1], not 0.0",
            "--outage 2d2h-2d | --outage ends after it starts: 2d2h-2d does not",
            "--outage 2d | --outage is FROM-TO in module time, e.g. 2d-2d2h, not 2d",
            "--outage 1x-2d | --outage 1x-2d: not a duration: '1x'",
            "--at 1d | --at and --fota-fraction go with --fota VERSION",
            "--fota BC260YCNAAR01A04 | --fota needs --at DURATION",
            "--fota A04 --at 1d | a BC260Y-CN firmware is BC260YCNAAR<2 digits>A<2 digits>",
            "--fota BC260YCNAAR01A04 --at 1x | --at: not a duration: '1x'",
            "--loss 1.5 | --loss is a probability from 0 to 1, not 1.5",
            "--duplicate -0.1 | --duplicate is a probability from 0 to 1, not -0.1",
            "--days 1 --fota BC260YCNAAR01A04 --at 2d | --at 2d is not within the run's 1d1m of module time",
            "--days 1 --outage 3d-4d | --outage starts at 3d, after the run's 1d1m of module time"})
    void aWrongStormOptionIsAUsageErrorThatSaysWhich(String args, String message) {
        StringWriter err = new StringWriter();
        CommandLine selfreg = Selfreg.commandLine();
        selfreg.setErr(new PrintWriter(err));
        String[] words = ("fleet --ct 1 --cmcc 0 " + args).split(" ");

        int code = selfreg.execute(words);

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).startsWith("selfreg fleet: ").contains(message).doesNotContain("Exception");
    }
}
