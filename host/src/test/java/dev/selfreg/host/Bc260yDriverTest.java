package dev.selfreg.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.selfreg.module.ModuleProfile;
import dev.selfreg.module.Power;
import dev.selfreg.vocabulary.DmGroup;
import dev.selfreg.vocabulary.DmMode;
import dev.selfreg.vocabulary.DmState;
import dev.selfreg.vocabulary.TerminalInfoType;
import dev.selfreg.vocabulary.TerminalType;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every driver method against an emulated BC260Y-CN in this process. */
class Bc260yDriverTest {

    private static final DmCredentials CREDENTIALS =
            new DmCredentials("M100000089", DmPassword.of("95GoSecret"), TerminalType.LINUX, "863703030822519");

    @Test
    void identityReadsImeiImsiIccidAndFirmware() throws Exception {
        try (EmulatedModule unit = new EmulatedModule(); Bc260yDriver driver = unit.driver()) {
            assertThat(driver.identity()).isEqualTo(new ModuleIdentity("869999000000001", Optional.of("460111234567890"),
                    Optional.of("89860321000000000001"), "BC260YCNAAR01A04"));
        }
    }

    @Test
    void identityWithoutSimHasNoImsiOrIccid() throws Exception {
        try (EmulatedModule unit = new EmulatedModule(ModuleProfile.standard().withSim(Optional.empty()));
             Bc260yDriver driver = unit.driver()) {
            ModuleIdentity identity = driver.identity();
            assertThat(identity.imsi()).isEmpty();
            assertThat(identity.iccid()).isEmpty();
            assertThat(identity.imei()).isEqualTo("869999000000001");
        }
    }

    @Test
    void imsiWithoutSimFailsWithCme10WhenNumericErrorsAreOn() throws Exception {
        try (EmulatedModule unit = new EmulatedModule(ModuleProfile.standard().withSim(Optional.empty()));
             Bc260yDriver driver = unit.driver()) {
            driver.useNumericErrors();
            assertThatThrownBy(driver::imsi)
                    .isInstanceOfSatisfying(AtCommandException.class, e -> assertThat(e.cmeCode()).hasValue(10))
                    .hasMessage("AT+CIMI answered +CME ERROR: 10 (SIM not inserted)");
        }
    }

    @Test
    void aUrcTheDriverDoesNotKnowNeverJoinsAnAnswer() throws Exception {
        String urc = "+QNBIOTEVENT: \"EXIT DEEPSLEEP\"";
        try (ScriptedPeer peer = new ScriptedPeer()
                .reply(urc, "+CGSN: 869999000000001", urc, "OK")
                .reply(urc, "460111234567890", urc, "OK")
                .reply(urc, "+QCCID: 89860321000000000001", urc, "OK")
                .reply(urc, "Revision: BC260YCNAAR01A04", urc, "OK")
                .reply(urc, "+QSREGENABLE: 1", urc, "OK")
                .reply("+QDMPCFG: 0,1", urc, "+QDMPCFG: 1,117.161.2.41,5683,86400", urc, "+QDMPCFG: 2,,,0,", urc, "OK")
                .start();
             Bc260yDriver driver = new Bc260yDriver(AtChannel.open(Ports.open(peer.spec(), PortOptions.defaults()),
                     EmulatedModule.OPTIONS))) {
            assertThat(driver.identity()).isEqualTo(new ModuleIdentity("869999000000001", Optional.of("460111234567890"),
                    Optional.of("89860321000000000001"), "BC260YCNAAR01A04"));
            assertThat(driver.ctSelfRegistration()).isEqualTo(CtSelfRegistration.ENABLED);
            DmSettings running = driver.dmSettings(ConfigView.RUNNING);
            assertThat(running.mode()).isEqualTo(DmMode.ALLOWED);
            assertThat(running.server()).isEqualTo(DmServer.DEFAULT);
            assertThat(running.credentials().appKey()).isEmpty();
        }
    }

    @Test
    void ctSelfRegistrationIsReadAndWritten() throws Exception {
        try (EmulatedModule unit = new EmulatedModule(); Bc260yDriver driver = unit.driver()) {
            assertThat(driver.ctSelfRegistration()).isEqualTo(CtSelfRegistration.ENABLED);
            driver.saveCtSelfRegistration(false);
            assertThat(driver.ctSelfRegistration()).isEqualTo(CtSelfRegistration.DISABLED);
        }
    }

    @Test
    void ctSelfRegistrationAfterFotaReadsAsEnabledAfterFota() throws Exception {
        try (EmulatedModule unit = new EmulatedModule(ModuleProfile.standard().withFirmware("BC260YCNAAR01A03"));
             Bc260yDriver driver = unit.driver()) {
            driver.saveCtSelfRegistration(true);
            unit.module.upgradeFirmware("BC260YCNAAR01A04");
            CtSelfRegistration after = driver.ctSelfRegistration();
            assertThat(after).isEqualTo(CtSelfRegistration.ENABLED_AFTER_FOTA);
            assertThat(after.isEnabled()).isTrue();
            assertThat(driver.firmware()).isEqualTo("BC260YCNAAR01A04");
        }
    }

    @Test
    void dmWritesShowInTheSavedViewAtOnceAndInTheRunningViewAfterReboot() throws Exception {
        try (EmulatedModule unit = new EmulatedModule(); Bc260yDriver driver = unit.driver()) {
            DmSettings factory = driver.dmSettings(ConfigView.RUNNING);
            DmServer server = new DmServer("117.161.2.7", 5684, 420);
            driver.saveDmMode(DmMode.FORBIDDEN);
            driver.saveDmServer(server);
            driver.saveDmCredentials(CREDENTIALS);

            DmSettings saved = driver.dmSettings(ConfigView.SAVED);
            assertThat(saved.mode()).isEqualTo(DmMode.FORBIDDEN);
            assertThat(saved.server()).isEqualTo(server);
            assertThat(saved.credentials()).isEqualTo(new DmCredentials("M100000089", DmPassword.shown("95Go****"),
                    TerminalType.LINUX, "863703030822519"));
            assertThat(driver.dmSettings(ConfigView.RUNNING)).isEqualTo(factory);

            driver.reboot();
            assertThat(driver.dmSettings(ConfigView.RUNNING)).isEqualTo(saved);
        }
    }

    @Test
    void factoryDmSettingsHaveTheSeedDefaultsAndEmptyCredentials() throws Exception {
        try (EmulatedModule unit = new EmulatedModule(); Bc260yDriver driver = unit.driver()) {
            DmSettings running = driver.dmSettings(ConfigView.RUNNING);
            assertThat(running.mode()).isEqualTo(DmMode.ALLOWED);
            assertThat(running.server()).isEqualTo(DmServer.DEFAULT);
            assertThat(running.credentials().appKey()).isEmpty();
            assertThat(running.credentials().password().isSet()).isFalse();
            assertThat(running.credentials().terminalImei()).isEmpty();
        }
    }

    @Test
    void passwordIsReadMaskedAndNeverShownInFull() throws Exception {
        try (EmulatedModule unit = new EmulatedModule(); Bc260yDriver driver = unit.driver()) {
            driver.saveDmCredentials(CREDENTIALS);
            DmPassword shown = driver.dmSettings(ConfigView.SAVED).credentials().password();
            assertThat(shown.masked()).isEqualTo("95Go****");
            assertThat(shown.isWritable()).isFalse();
            assertThat(CREDENTIALS.password().matchesShown(shown)).isTrue();
            assertThat(CREDENTIALS.toString()).doesNotContain("95GoSecret").contains("95Go****");
            assertThatThrownBy(() -> driver.saveDmCredentials(new DmCredentials("M1", shown, TerminalType.LINUX, "")))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void failedCredentialsWriteNamesTheCommandWithThePasswordMasked() throws Exception {
        try (EmulatedModule unit = new EmulatedModule(); Bc260yDriver driver = unit.driver()) {
            DmCredentials tooLongKey = new DmCredentials("K".repeat(64), DmPassword.of("95GoSecret"), TerminalType.LINUX, "");
            assertThatThrownBy(() -> driver.saveDmCredentials(tooLongKey))
                    .isInstanceOf(AtCommandException.class)
                    .hasMessage("AT+QDMPCFG=2,\"" + "K".repeat(64) + "\",\"95Go****\",1 answered ERROR");
        }
    }

    @Test
    void erasedDmSettingsFallBackToDefaultsAtTheNextBoot() throws Exception {
        try (EmulatedModule unit = new EmulatedModule(); Bc260yDriver driver = unit.driver()) {
            driver.saveDmServer(new DmServer("117.161.2.7", 5683, 420));
            driver.reboot();
            driver.eraseDm(DmGroup.SERVER);
            driver.reboot();
            assertThat(driver.dmSettings(ConfigView.RUNNING).server()).isEqualTo(DmServer.DEFAULT);
        }
    }

    @Test
    void dmStateIsInitialAfterBoot() throws Exception {
        try (EmulatedModule unit = new EmulatedModule(); Bc260yDriver driver = unit.driver()) {
            DmState state = driver.dmState();
            assertThat(state).isEqualTo(new DmState(0));
            assertThat(state.meaning()).isEqualTo("initial");
        }
    }

    @Test
    void terminalInfoOfAllSixTypesIsWrittenAndReadBack() throws Exception {
        List<TerminalInfo> infos = List.of(
                AppInfo.of("Douyin|FW1|990650|9123;Wechat|FW02|80650|9201"),
                MacInfo.of("00-01-6C-06-A6-29"),
                HardwareInfo.of("4096KB", "4096KB", "EC616", "FREE RTOS"),
                SoftwareInfo.of("BC260YCNAAR01A03", "Quectel"),
                NetworkInfo.of("off", "NB-IoT", "XY05553867549", "18009699999"),
                LocationInfo.of("31.8438799075,117.2025477950,OTDOA"));
        try (EmulatedModule unit = new EmulatedModule(); Bc260yDriver driver = unit.driver()) {
            infos.forEach(driver::saveTerminalInfo);
            assertThat(driver.terminalInfo()).isEqualTo(infos);
            assertThat(driver.terminalInfo(HardwareInfo.class).osSysVer()).contains("FREE RTOS");
        }
    }

    @Test
    void unsetAndErasedTerminalInfoReadsAsNoInformation() throws Exception {
        try (EmulatedModule unit = new EmulatedModule(); Bc260yDriver driver = unit.driver()) {
            assertThat(driver.terminalInfo(TerminalInfoType.NETWORK)).isEqualTo(TerminalInfo.unset(TerminalInfoType.NETWORK));
            driver.saveTerminalInfo(new SoftwareInfo(Optional.of("v1"), Optional.empty()));
            assertThat(driver.terminalInfo(SoftwareInfo.class)).isEqualTo(SoftwareInfo.of("v1", null));
            driver.eraseTerminalInfo(TerminalInfoType.SOFTWARE);
            assertThat(driver.terminalInfo(SoftwareInfo.class)).isEqualTo(SoftwareInfo.of(null, null));
        }
    }

    @Test
    void terminalInfoThatCannotBeReadBackIsRefusedBeforeSending() throws Exception {
        try (EmulatedModule unit = new EmulatedModule(); Bc260yDriver driver = unit.driver()) {
            assertThatThrownBy(() -> driver.saveTerminalInfo(MacInfo.of("0".repeat(20))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 19 bytes");
            assertThatThrownBy(() -> driver.saveTerminalInfo(SoftwareInfo.of("1,2", "x")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("comma");
            assertThatThrownBy(() -> driver.saveTerminalInfo(LocationInfo.of("say \"hi\"")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("double quotes");
        }
    }

    @Test
    void rebootWaitsForRdy() throws Exception {
        try (EmulatedModule unit = new EmulatedModule(ModuleProfile.standard().withBootTime(Duration.ofSeconds(1)));
             Bc260yDriver driver = unit.driver()) {
            unit.clock.advance(Duration.ofSeconds(1));
            CompletableFuture<Void> reboot = CompletableFuture.runAsync(driver::reboot);
            await().atMost(5, TimeUnit.SECONDS).until(() -> unit.module.power() == Power.BOOTING);
            assertThat(reboot).isNotDone();
            unit.clock.advance(Duration.ofSeconds(1));
            reboot.get(5, TimeUnit.SECONDS);
            assertThat(unit.module.power()).isEqualTo(Power.ACTIVE);
        }
    }

    @Test
    void rebootWithoutRdyTimesOut() throws Exception {
        try (EmulatedModule unit = new EmulatedModule(ModuleProfile.standard().withBootTime(Duration.ofSeconds(5)))) {
            unit.clock.advance(Duration.ofSeconds(5));
            try (Bc260yDriver driver = new Bc260yDriver(unit.channel(), Duration.ofMillis(200))) {
                assertThatThrownBy(driver::reboot)
                        .isInstanceOf(AtTimeoutException.class)
                        .hasMessage("no RDY after AT+QRST=1 within 200 ms");
            }
        }
    }

    @Test
    void numericErrorsAreKeptAcrossReboot() throws Exception {
        try (EmulatedModule unit = new EmulatedModule(); Bc260yDriver driver = unit.driver()) {
            driver.useNumericErrors();
            driver.reboot();
            assertThat(driver.channel().send("AT+CMEE?").lines()).containsExactly("+CMEE: 1");
        }
    }

    @ParameterizedTest(name = "echo {0}")
    @ValueSource(strings = {"ATE1", "ATE0"})
    void statusReadsEverySettingWithEchoOnAndOff(String echo) throws Exception {
        try (EmulatedModule unit = new EmulatedModule(); Bc260yDriver driver = unit.driver()) {
            driver.channel().send(echo).orThrow();
            driver.saveDmCredentials(CREDENTIALS);
            SelfRegistrationStatus status = driver.status();
            assertThat(status.identity().imei()).isEqualTo("869999000000001");
            assertThat(status.ctSelfRegistration()).isEqualTo(CtSelfRegistration.ENABLED);
            assertThat(status.savedDm().credentials().appKey()).isEqualTo("M100000089");
            assertThat(status.runningDm().credentials().appKey()).isEmpty();
            assertThat(status.dmState().code()).isZero();
            assertThat(status.terminalInfo()).hasSize(6).allSatisfy(info -> assertThat(info).isEqualTo(TerminalInfo.unset(info.type())));
        }
    }
}
