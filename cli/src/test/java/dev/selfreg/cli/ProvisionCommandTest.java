package dev.selfreg.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.selfreg.host.ProvisioningPlan;
import dev.selfreg.vocabulary.DmMode;
import dev.selfreg.vocabulary.TerminalInfoField;
import dev.selfreg.vocabulary.TerminalType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/** {@code selfreg provision}'s settings, from the command line and --file into the plan; no module needed. */
class ProvisionCommandTest {

    private static final List<String> SETTINGS = List.of("--ct-enable", "--dm-mode", "--dm-server", "--dm-port", "--dm-period",
            "--dm-appkey", "--dm-password", "--dm-terminal-type", "--dm-imei", "--app-info", "--mac", "--rom", "--ram", "--cpu",
            "--os-version", "--sw-version", "--sw-name", "--volte", "--net-type", "--account", "--phone-number", "--location");

    @TempDir
    Path dir;

    private final ProvisionCommand command = new ProvisionCommand();
    private final CommandLine cli = new CommandLine(command);

    private ProvisioningPlan plan(String... args) {
        List<String> all = new ArrayList<>(List.of("--port", "tcp://127.0.0.1:1"));
        all.addAll(List.of(args));
        cli.parseArgs(all.toArray(String[]::new));
        return command.plan();
    }

    private String file(String yaml) throws IOException {
        return Files.writeString(dir.resolve("provision.yaml"), yaml).toString();
    }

    @Test
    void theHelpListsEverySettingAfterFileAndBeforeRebootTimeout() {
        List<String> options = cli.getCommandSpec().options().stream().map(OptionSpec::longestName).toList();

        assertThat(options.subList(options.indexOf("--file") + 1, options.indexOf("--reboot-timeout"))).isEqualTo(SETTINGS);
        assertThat(options.subList(options.indexOf("--reboot-timeout"), options.size())).containsExactly("--reboot-timeout", "--help", "--version");
    }

    @Test
    void everySettingGoesIntoThePlan() {
        ProvisioningPlan plan = plan("--ct-enable", "off", "--dm-mode", "allowed", "--dm-server", "117.161.2.7", "--dm-port", "5684",
                "--dm-period", "420", "--dm-appkey", "M100000089", "--dm-password", "95Go4321", "--dm-terminal-type", "linux",
                "--dm-imei", "863703030822519", "--app-info", "QQ|FW03|11650|92551", "--mac", "00-01-6C-06-A6-29", "--rom", "4096KB",
                "--ram", "2048KB", "--cpu", "EC616", "--os-version", "FREE RTOS", "--sw-version", "BC260YCNAAR01A03", "--sw-name", "Quectel",
                "--volte", "off", "--net-type", "NB-IoT", "--account", "XY05553867549", "--phone-number", "18009699999",
                "--location", "31.8438799075,117.2025477950,OTDOA");

        assertThat(plan.ctEnabled()).contains(false);
        assertThat(plan.dmMode()).contains(DmMode.ALLOWED);
        assertThat(plan.dmServer()).contains("117.161.2.7");
        assertThat(plan.dmPort()).contains(5684);
        assertThat(plan.dmUpdatePeriod()).contains(420L);
        assertThat(plan.dmAppKey()).contains("M100000089");
        assertThat(plan.dmPassword()).hasValueSatisfying(password -> assertThat(password.masked()).isEqualTo("95Go****"));
        assertThat(plan.dmTerminalType()).contains(TerminalType.LINUX);
        assertThat(plan.dmTerminalImei()).contains("863703030822519");
        assertThat(plan.terminalInfo()).isEqualTo(Map.ofEntries(
                Map.entry(TerminalInfoField.APP_INFO, Optional.of("QQ|FW03|11650|92551")),
                Map.entry(TerminalInfoField.MAC, Optional.of("00-01-6C-06-A6-29")),
                Map.entry(TerminalInfoField.ROM, Optional.of("4096KB")),
                Map.entry(TerminalInfoField.RAM, Optional.of("2048KB")),
                Map.entry(TerminalInfoField.CPU, Optional.of("EC616")),
                Map.entry(TerminalInfoField.OS_SYS_VER, Optional.of("FREE RTOS")),
                Map.entry(TerminalInfoField.SW_VER, Optional.of("BC260YCNAAR01A03")),
                Map.entry(TerminalInfoField.SW_NAME, Optional.of("Quectel")),
                Map.entry(TerminalInfoField.VOLTE, Optional.of("off")),
                Map.entry(TerminalInfoField.NET_TYPE, Optional.of("NB-IoT")),
                Map.entry(TerminalInfoField.ACCOUNT, Optional.of("XY05553867549")),
                Map.entry(TerminalInfoField.PHONE_NUM, Optional.of("18009699999")),
                Map.entry(TerminalInfoField.LOCATION, Optional.of("31.8438799075,117.2025477950,OTDOA"))));
    }

    @Test
    void aSettingNotGivenIsNotInThePlan() {
        ProvisioningPlan plan = plan("--dm-port", "5684");

        assertThat(plan.dmPort()).contains(5684);
        assertThat(Stream.of(plan.ctEnabled(), plan.dmMode(), plan.dmServer(), plan.dmUpdatePeriod(), plan.dmAppKey(),
                plan.dmPassword(), plan.dmTerminalType(), plan.dmTerminalImei())).allMatch(Optional::isEmpty);
        assertThat(plan.terminalInfo()).isEmpty();
    }

    @Test
    void theFileGivesTheSameSettingsKeyedByOptionNameAndTheCommandLineWins() throws IOException {
        ProvisioningPlan plan = plan("--file", file("""
                dm-server: 117.161.2.41
                dm-port: 5690
                rom: 0123
                ct-enable: on
                """), "--dm-port", "5691");

        assertThat(plan.dmServer()).contains("117.161.2.41");
        assertThat(plan.dmPort()).contains(5691);
        assertThat(plan.terminalInfo()).containsEntry(TerminalInfoField.ROM, Optional.of("0123"));
        assertThat(plan.ctEnabled()).contains(true);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"port", "reboot-timeout", "file", "help", "dmport"})
    void aFileKeyThatIsNoSettingIsRefused(String key) throws IOException {
        String file = file(key + ": 1\n");

        assertThatThrownBy(() -> plan("--file", file)).isInstanceOf(ParameterException.class)
                .hasMessage(file + ": unknown setting '" + key + "'");
    }

    @Test
    void aFileValueIsCheckedAsOnTheCommandLineAndNamesItsKey() throws IOException {
        String file = file("dm-port: x\n");

        assertThatThrownBy(() -> plan("--file", file)).isInstanceOf(ParameterException.class).hasMessage(file + ": dm-port: 'x' is not an int");
        assertThatThrownBy(() -> plan("--dm-port", "x")).isInstanceOf(ParameterException.class)
                .hasMessage("Invalid value for option '--dm-port': 'x' is not an int");
    }

    @Test
    void aValueTheModuleCouldNotTakeIsRefusedBeforeThePortIsOpened() {
        assertThatThrownBy(() -> plan("--dm-port", "0")).isInstanceOf(ParameterException.class).hasMessageContaining("1-65535");
    }

    @Test
    void nothingToProvisionIsRefused() {
        assertThatThrownBy(() -> plan("--reboot-timeout", "5")).isInstanceOf(ParameterException.class)
                .hasMessage("nothing to provision: give at least one setting");
    }
}
