package dev.selfreg.module;

import static dev.selfreg.module.TestBench.framed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.selfreg.nvram.FileNvramStore;
import dev.selfreg.nvram.NvramLayout;
import dev.selfreg.vocabulary.TerminalInfoType;
import dev.selfreg.vocabulary.TerminalType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Saved against running configuration (at-commands.md §2): the set commands write NVRAM at once,
 * a boot (reset, power cycle, or a new process on the same NVRAM file) copies NVRAM into the
 * running configuration; the SIM is read at boot; a corrupt NVRAM file is reported and the unit
 * boots with factory defaults.
 */
class PersistenceTest {

    @TempDir
    Path dir;

    private static final String[] CONFIGURE = {
        "AT+QSREGENABLE=0",
        "AT+QDMPCFG=0,0",
        "AT+QDMPCFG=1,\"10.0.0.1\",7000,600",
        "AT+QDMPCFG=2,\"M100000089\",\"95GoAbCd1234\",1,863703030822519",
        "AT+QDMPCFGEX=1,0,\"00-01-6C-06-A6-29\"",
        "AT+QDMPCFGEX=3,0,\"BC260YCNAAR01A03\",\"Quectel\"",
        "AT+QSCLK=0",
    };
    private static final String CONFIGURED_DM = framed("+QDMPCFG: 0,0", "+QDMPCFG: 1,10.0.0.1,7000,600",
            "+QDMPCFG: 2,M100000089,95Go****,1,863703030822519", "OK");
    private static final String DEFAULT_DM = framed("+QDMPCFG: 0,1", "+QDMPCFG: 1,117.161.2.41,5683,86400",
            "+QDMPCFG: 2,,,0,", "OK");

    private FileNvramStore openStore() {
        return FileNvramStore.open(dir, NvramLayout.INITIAL);
    }

    private static void assertSavedIsConfigured(TestBench bench) {
        assertThat(bench.at("AT+QSREGENABLE?")).isEqualTo(framed("+QSREGENABLE: 0", "OK"));
        assertThat(bench.at("AT+QSCLK?")).isEqualTo(framed("+QSCLK: 0", "OK"));
        assertThat(bench.at("AT+QDMPCFG=4,0")).isEqualTo(framed("+QDMPCFG: 0,0", "OK"));
        assertThat(bench.at("AT+QDMPCFG=4,1")).isEqualTo(framed("+QDMPCFG: 1,10.0.0.1,7000,600", "OK"));
        assertThat(bench.at("AT+QDMPCFG=4,2"))
                .isEqualTo(framed("+QDMPCFG: 2,M100000089,95Go****,1,863703030822519", "OK"));
        assertThat(bench.at("AT+QDMPCFGEX=1,1")).isEqualTo(framed("+QDMPCFGEX: 1,00-01-6C-06-A6-29", "OK"));
        assertThat(bench.at("AT+QDMPCFGEX=3,1")).isEqualTo(framed("+QDMPCFGEX: 3,BC260YCNAAR01A03,Quectel", "OK"));
    }

    private static void assertRunningIsConfigured(TestBench bench) {
        RunningConfig running = bench.module.running().orElseThrow();
        assertThat(running).isEqualTo(bench.module.saved().toRunning());
        assertThat(running.qsregenable()).isEqualTo(0);
        assertThat(running.dm()).isEqualTo(
                new DmConfig(0, "10.0.0.1", 7000, 600, "M100000089", "95GoAbCd1234", TerminalType.LINUX, "863703030822519"));
        assertThat(running.terminalInfo().values(TerminalInfoType.MAC)).containsExactly("00-01-6C-06-A6-29");
        assertThat(running.terminalInfo().values(TerminalInfoType.SOFTWARE)).containsExactly("BC260YCNAAR01A03", "Quectel");
        assertThat(running.terminalInfo().isSet(TerminalInfoType.APP_INFO)).isFalse();
        assertThat(bench.at("AT+QDMPCFG?")).isEqualTo(CONFIGURED_DM);
    }

    private static void assertRunningIsFactory(TestBench bench) {
        RunningConfig running = bench.module.running().orElseThrow();
        assertThat(running.qsregenable()).isEqualTo(1);
        assertThat(running.dm()).isEqualTo(DmConfig.DEFAULTS);
        for (TerminalInfoType type : TerminalInfoType.values()) {
            assertThat(running.terminalInfo().isSet(type)).as("%s", type).isFalse();
        }
        assertThat(bench.at("AT+QDMPCFG?")).isEqualTo(DEFAULT_DM);
    }

    private static void assertSavedIsFactory(TestBench bench) {
        assertThat(bench.module.saved().toRunning()).isEqualTo(bench.module.running().orElseThrow());
        assertThat(bench.at("AT+QSREGENABLE?")).isEqualTo(framed("+QSREGENABLE: 1", "OK"));
        assertThat(bench.at("AT+QSCLK?")).isEqualTo(framed("+QSCLK: 1", "OK"));
        assertThat(bench.at("AT+QDMPCFG=4,0")).isEqualTo(framed("+QDMPCFG: 0,1", "OK"));
        assertThat(bench.at("AT+QDMPCFG=4,1")).isEqualTo(framed("+QDMPCFG: 1,117.161.2.41,5683,86400", "OK"));
        assertThat(bench.at("AT+QDMPCFG=4,2")).isEqualTo(framed("+QDMPCFG: 2,,,0,", "OK"));
        assertThat(bench.at("AT+QDMPCFGEX=1,1")).isEqualTo(framed("+QDMPCFGEX: 1,NULL", "OK"));
    }

    @Test
    void setCommandsSaveAtOnceAndTheRunningConfigurationFollowsAtReboot() {
        TestBench bench = new TestBench();

        bench.given(CONFIGURE);

        assertSavedIsConfigured(bench);
        assertRunningIsFactory(bench);

        bench.reboot();

        assertSavedIsConfigured(bench);
        assertRunningIsConfigured(bench);
    }

    @Test
    void aPowerCycleIsABootLikeAnyOther() {
        TestBench bench = new TestBench();
        bench.given(CONFIGURE);

        bench.module.powerCycle();
        bench.booted();

        assertSavedIsConfigured(bench);
        assertRunningIsConfigured(bench);
    }

    @Test
    void aPowerCutLosesTheRunningConfigurationButNotNvram() {
        TestBench bench = new TestBench();
        bench.given(CONFIGURE);

        bench.module.powerCut();
        assertThat(bench.module.running()).isEmpty();
        bench.advance(java.time.Duration.ofDays(1));
        bench.module.powerOn();
        bench.booted();

        assertSavedIsConfigured(bench);
        assertRunningIsConfigured(bench);
    }

    @Test
    void savedConfigurationSurvivesARestartOfTheProcess() {
        TestBench first = new TestBench(ModuleProfile.standard(), openStore());
        first.given(CONFIGURE);
        first.module.powerCut();

        TestBench second = new TestBench(ModuleProfile.standard(), openStore());

        assertThat(second.nvram.openReport()).isEmpty();
        assertSavedIsConfigured(second);
        assertRunningIsConfigured(second);
        assertThat(second.nvram.image()).isEqualTo(first.nvram.image());
    }

    @Test
    void erasuresAndRejectedCommandsAreDurableToo() {
        TestBench first = new TestBench(ModuleProfile.standard(), openStore());
        first.given(CONFIGURE);
        first.given("AT+QDMPCFG=5,1", "AT+QDMPCFGEX=3,2");
        assertThat(first.at("AT+QDMPCFG=1,\"10.0.0.9\",0")).isEqualTo(framed("ERROR"));
        first.module.powerCut();

        TestBench second = new TestBench(ModuleProfile.standard(), openStore());

        assertThat(second.at("AT+QDMPCFG=4,1")).isEqualTo(framed("+QDMPCFG: 1,117.161.2.41,5683,86400", "OK"));
        assertThat(second.at("AT+QDMPCFG=4,0")).isEqualTo(framed("+QDMPCFG: 0,0", "OK"));
        assertThat(second.at("AT+QDMPCFGEX=3,1")).isEqualTo(framed("+QDMPCFGEX: 3,NULL,NULL", "OK"));
        assertThat(second.module.running().orElseThrow()).isEqualTo(second.module.saved().toRunning());
    }

    @Test
    void aFirmwareChangeBetweenProcessesIsAFota() {
        TestBench first = new TestBench(ModuleProfile.standard().withFirmware("BC260YCNAAR01A03"), openStore());
        first.given("AT+QSREGENABLE=1");
        first.module.powerCut();

        TestBench second = new TestBench(ModuleProfile.standard().withFirmware("BC260YCNAAR01A04"), openStore());

        assertThat(second.at("AT+QSREGENABLE?")).isEqualTo(framed("+QSREGENABLE: 3", "OK"));
        assertThat(second.module.running().orElseThrow().ctSelfRegistrationEnabled()).isTrue();
    }

    @Test
    void aSimChangeTakesEffectOnlyAtTheNextBoot() {
        TestBench bench = new TestBench();

        bench.module.changeSim(Optional.of(Sim.CHINA_MOBILE));

        assertThat(bench.at("AT+CIMI")).isEqualTo(framed(Sim.CHINA_TELECOM.imsi(), "OK"));
        assertThat(bench.at("AT+QCCID")).isEqualTo(framed("+QCCID: " + Sim.CHINA_TELECOM.iccid(), "OK"));
        assertThat(bench.module.sim()).contains(Sim.CHINA_TELECOM);

        bench.reboot();

        assertThat(bench.at("AT+CIMI")).isEqualTo(framed(Sim.CHINA_MOBILE.imsi(), "OK"));
        assertThat(bench.at("AT+QCCID")).isEqualTo(framed("+QCCID: " + Sim.CHINA_MOBILE.iccid(), "OK"));
        assertThat(bench.module.sim()).contains(Sim.CHINA_MOBILE);
    }

    @Test
    void aRemovedSimIsNoticedAtTheNextBootAndAnInsertedOneToo() {
        TestBench bench = new TestBench();
        bench.advance(Bc260yFacts.ATTACH_TIME);

        bench.module.changeSim(Optional.empty());
        assertThat(bench.at("AT+CPIN?")).isEqualTo(framed("+CPIN: READY", "OK"));
        assertThat(bench.at("AT+CEREG?")).isEqualTo(framed("+CEREG: 0,1", "OK"));

        bench.module.powerCycle();
        bench.booted();
        bench.advance(Bc260yFacts.ATTACH_TIME);
        assertThat(bench.at("AT+CPIN?")).isEqualTo(framed("ERROR"));
        assertThat(bench.at("AT+CEREG?")).isEqualTo(framed("+CEREG: 0,0", "OK"));

        bench.module.changeSim(Optional.of(Sim.CHINA_MOBILE));
        bench.reboot();
        bench.advance(Bc260yFacts.ATTACH_TIME);
        assertThat(bench.at("AT+CIMI")).isEqualTo(framed(Sim.CHINA_MOBILE.imsi(), "OK"));
        assertThat(bench.at("AT+CEREG?")).isEqualTo(framed("+CEREG: 0,1", "OK"));
    }

    static Stream<Arguments> corruptions() {
        return Stream.of(
                Arguments.of("a flipped payload byte", (UnaryOperator<byte[]>) bytes -> {
                    byte[] damaged = bytes.clone();
                    damaged[damaged.length - 3] ^= 0x01;
                    return damaged;
                }),
                Arguments.of("a truncated file", (UnaryOperator<byte[]>) bytes -> Arrays.copyOf(bytes, bytes.length / 2)),
                Arguments.of("garbage over the header", (UnaryOperator<byte[]>) bytes -> {
                    byte[] damaged = bytes.clone();
                    byte[] garbage = "\u0000\u00ff garbage \u0000".getBytes(StandardCharsets.ISO_8859_1);
                    System.arraycopy(garbage, 0, damaged, 0, garbage.length);
                    return damaged;
                }),
                Arguments.of("an empty file", (UnaryOperator<byte[]>) bytes -> new byte[0]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corruptions")
    void aCorruptNvramFileIsReportedAndTheModuleBootsWithFactoryDefaults(String what, UnaryOperator<byte[]> damage)
            throws IOException {
        TestBench first = new TestBench(ModuleProfile.standard(), openStore());
        first.given(CONFIGURE);
        first.module.powerCut();
        Path file = dir.resolve("nvram");
        Files.write(file, damage.apply(Files.readAllBytes(file)));

        FileNvramStore store = openStore();
        TestBench second = new TestBench(ModuleProfile.standard(), store);

        assertThat(store.openReport()).hasValueSatisfying(report -> assertThat(report).containsIgnoringCase("corrupt"));
        assertThat(second.takeOutput()).isEqualTo(TestBench.BOOT_URCS);
        assertRunningIsFactory(second);
        assertSavedIsFactory(second);
        assertThat(second.at("AT+QSREGENABLE=0")).isEqualTo(framed("OK"));
    }
}
