package dev.selfreg.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.selfreg.vocabulary.DmMode;
import dev.selfreg.vocabulary.TerminalInfoField;
import dev.selfreg.vocabulary.TerminalType;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Write, read back, reboot, verify: against the emulator, and against one that lies. */
class ProvisioningTest {

    private static final ProvisioningPlan FULL = ProvisioningPlan.builder()
            .ctEnabled(false)
            .dmMode(DmMode.ALLOWED)
            .dmServer("117.161.2.7").dmPort(5684).dmUpdatePeriod(420)
            .dmAppKey("M100000089").dmPassword(DmPassword.of("95GoSecret")).dmTerminalType(TerminalType.LINUX)
            .dmTerminalImei("863703030822519")
            .terminalInfo(TerminalInfoField.MAC, "00-01-6C-06-A6-29")
            .terminalInfo(TerminalInfoField.CPU, "EC616")
            .build();

    @Test
    void provisioningWritesReadsBackRebootsAndRunsWhatWasWritten() throws Exception {
        try (EmulatedModule unit = new EmulatedModule(); Bc260yDriver driver = unit.driver()) {
            ProvisioningReport report = Provisioning.run(driver, FULL);
            assertThat(report.verified()).isTrue();
            assertThat(report.rows()).extracting(ProvisioningReport.Row::setting).containsExactly(
                    "CT self-registration", "DM mode", "DM server", "DM port", "DM update period", "DM APPkey", "DM password",
                    "DM terminal type", "DM terminal IMEI", "MAC", "ROM", "RAM", "CPU", "osSysVer");
            assertThat(report.rows()).filteredOn(row -> row.setting().equals("DM port")).singleElement()
                    .isEqualTo(new ProvisioningReport.Row("DM port", "5683", "5684", "5684", Optional.of("5684"), Optional.empty()));
            assertThat(report.rows()).filteredOn(row -> row.setting().equals("DM password")).singleElement()
                    .isEqualTo(new ProvisioningReport.Row("DM password", "", "95Go****", "95Go****", Optional.of("95Go****"), Optional.empty()));
            assertThat(report.rows()).filteredOn(row -> row.setting().equals("ROM")).singleElement()
                    .extracting(ProvisioningReport.Row::after).isEqualTo(Optional.of("NULL"));
            assertThat(report.toString()).doesNotContain("95GoSecret");
            DmSettings running = driver.dmSettings(ConfigView.RUNNING);
            assertThat(running.server()).isEqualTo(new DmServer("117.161.2.7", 5684, 420));
            assertThat(driver.ctSelfRegistration()).isEqualTo(CtSelfRegistration.DISABLED);
        }
    }

    @Test
    void partOfTheServerKeepsTheRestAsSaved() throws Exception {
        try (EmulatedModule unit = new EmulatedModule(); Bc260yDriver driver = unit.driver()) {
            driver.saveDmServer(new DmServer("117.161.2.7", 5683, 420));
            Provisioning.run(driver, ProvisioningPlan.builder().dmPort(5690).build());
            assertThat(driver.dmSettings(ConfigView.RUNNING).server()).isEqualTo(new DmServer("117.161.2.7", 5690, 420));
        }
    }

    @Test
    void credentialsNeedTheAppKeyAndThePasswordTogether() {
        assertThatThrownBy(() -> ProvisioningPlan.builder().dmTerminalImei("863703030822519").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("APPkey and the password together");
        assertThatThrownBy(() -> ProvisioningPlan.builder().dmAppKey("M1").build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void planRefusesValuesBeforeAnythingIsWritten() {
        assertThatThrownBy(() -> ProvisioningPlan.builder().dmPort(70000).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1-65535");
        assertThatThrownBy(() -> ProvisioningPlan.builder().dmUpdatePeriod(60).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("300-4294966");
        assertThatThrownBy(() -> ProvisioningPlan.builder().dmAppKey("M1,2").dmPassword(DmPassword.of("secret")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("comma");
        assertThatThrownBy(() -> ProvisioningPlan.builder().terminalInfo(TerminalInfoField.VOLTE, "12345678").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 7 bytes");
    }

    @Test
    void readBackMismatchIsReportedAndTheModuleIsNotRebooted() throws Exception {
        try (EmulatedModule unit = new EmulatedModule()) {
            TappedTransport lying = new TappedTransport(unit.transport(),
                    text -> text.replace("+QDMPCFG: 1,117.161.2.41,5684,", "+QDMPCFG: 1,117.161.2.41,5683,"), false);
            try (Bc260yDriver driver = new Bc260yDriver(AtChannel.open(lying, EmulatedModule.OPTIONS))) {
                ProvisioningReport report = Provisioning.run(driver, ProvisioningPlan.builder().dmPort(5684).build());
                assertThat(report.rebooted()).isFalse();
                assertThat(report.verified()).isFalse();
                assertThat(report.mismatches()).containsExactly("AT+QDMPCFG=4,1 reads back DM port '5683', expected '5684'");
                assertThat(unit.module.running().orElseThrow().dm().port()).isEqualTo(5683);
            }
        }
    }

    @Test
    void runningValueMismatchAfterTheRebootIsReported() throws Exception {
        try (EmulatedModule unit = new EmulatedModule()) {
            TappedTransport lying = new TappedTransport(unit.transport(),
                    text -> text.replace("+QDMPCFG: 0,0", "+QDMPCFG: 0,1"), true);
            try (Bc260yDriver driver = new Bc260yDriver(AtChannel.open(lying, EmulatedModule.OPTIONS))) {
                ProvisioningReport report = Provisioning.run(driver, ProvisioningPlan.builder().dmMode(DmMode.FORBIDDEN).build());
                assertThat(report.rebooted()).isTrue();
                assertThat(report.mismatches()).containsExactly(
                        "after the reboot AT+QDMPCFG? shows DM mode '1 (allowed)', expected '0 (forbidden)'");
            }
        }
    }

    @Test
    void emptyPlanHasNothingToWrite() {
        assertThat(ProvisioningPlan.builder().build().isEmpty()).isTrue();
        assertThat(ProvisioningPlan.builder().terminalInfo(TerminalInfoField.LOCATION, null).build().isEmpty()).isFalse();
    }
}
