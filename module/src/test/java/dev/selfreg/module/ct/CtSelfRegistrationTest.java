package dev.selfreg.module.ct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.selfreg.module.AwakeReason;
import dev.selfreg.module.Bc260yFacts;
import dev.selfreg.module.CtIdentity;
import dev.selfreg.module.CtStatus;
import dev.selfreg.module.ModuleProfile;
import dev.selfreg.module.Power;
import dev.selfreg.module.Sim;
import dev.selfreg.module.emulator.Bc260yModule;
import dev.selfreg.module.network.LabNetwork;
import dev.selfreg.module.network.LabService;
import dev.selfreg.module.network.NetworkFault;
import dev.selfreg.module.network.Transmission;
import dev.selfreg.nvram.MemoryNvramStore;
import dev.selfreg.protocol.zzhc.ZzhcReply;
import dev.selfreg.protocol.zzhc.ZzhcReport;
import dev.selfreg.time.RealClock;
import dev.selfreg.time.VirtualClock;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * China Telecom self-registration end to end (self-registration.md §2, seed 2.1): the emulated
 * module on a virtual clock sends real CoAP over UDP on loopback to a real Californium server
 * acting as the lab platform; each test checks both sides.
 */
class CtSelfRegistrationTest {

    private static final Duration ATTACH = Bc260yFacts.ATTACH_TIME;
    private static final Duration IDLE = Bc260yFacts.IDLE_BEFORE_DEEP_SLEEP;
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration DAY = Duration.ofDays(1);
    private static final String IMEI = Bc260yFacts.DEFAULT_IMEI;
    private static final String FIRMWARE = Bc260yFacts.DEFAULT_FIRMWARE;

    private LabCtPlatform platform;
    private CtBench bench;

    @AfterEach
    void close() {
        if (bench != null) {
            bench.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    /** A fresh unit (stock profile, China Telecom SIM) and a fresh platform record. */
    private CtBench unit() {
        return unit(ModuleProfile.standard());
    }

    private CtBench unit(ModuleProfile profile) {
        platform = new LabCtPlatform();
        bench = new CtBench(platform, profile);
        return bench;
    }

    private CtStatus ct() {
        return bench.module.ct().status();
    }

    private Optional<CtIdentity> stored() {
        return bench.module.saved().ctRegistration();
    }

    private static CtIdentity identity(String firmware, Sim sim) {
        return new CtIdentity(firmware, IMEI, sim.iccid());
    }

    @Test
    void theDefaultModelIsAVendorCodeOfAtMost3CharactersAndTheModelWithoutAFurtherHyphen() {
        assertThat(ModuleProfile.standard().ctModel()).isEqualTo("QTL-BC260Y CN").hasSizeLessThanOrEqualTo(20)
                .matches("[A-Za-z0-9]{1,3}-[A-Za-z0-9+ ]+");
    }

    @Test
    void theModelIsTheProfilesSettingAndSentAsSet() {
        unit(ModuleProfile.standard().withCtModel("Quectel-BC260Y-CN")).advance(HOUR);

        assertThat(platform.received()).singleElement()
                .satisfies(received -> assertThat(received.report().model()).isEqualTo("Quectel-BC260Y-CN"));
    }

    @Test
    void theFirstBootSendsExactlyOneReportWithTheUnitsIdentity() {
        unit().advance(HOUR);

        assertThat(platform.received()).hasSize(1);
        LabCtPlatform.Received received = platform.received().get(0);
        assertThat(received.path()).isEqualTo("nb");
        assertThat(received.contentFormat()).isEqualTo(50);
        ZzhcReport report = received.report();
        assertThat(report).isEqualTo(ZzhcReport.v2(IMEI, "QTL-BC260Y CN", FIRMWARE, Sim.CHINA_TELECOM.iccid(),
                Sim.CHINA_TELECOM.imsi()));
        assertThat(report.json()).isEqualTo("{\"REGVER\":\"2\",\"MEID\":\"869999000000001\",\"MODEL\":\"QTL-BC260Y CN\","
                + "\"SWVER\":\"BC260YCNAAR01A04\",\"SIM1ICCID\":\"89860321000000000001\",\"SIM1LTEIMSI\":\"460111234567890\"}");

        assertThat(ct()).isEqualTo(new CtStatus(1, "success"));
        assertThat(stored()).contains(identity(FIRMWARE, Sim.CHINA_TELECOM));
        assertThat(bench.transmissions).extracting(Transmission::at, Transmission::fate)
                .containsExactly(tuple(ATTACH, Transmission.Fate.SENT));
        assertThat(bench.module.power()).isEqualTo(Power.DEEP_SLEEP);
        assertThat(bench.module.awake()).isEqualTo(ATTACH.plus(IDLE));
    }

    @Test
    void afterASuccessNeitherRebootNorPowerCycleReportsAgain() {
        unit().advance(HOUR);

        bench.at("AT+QRST=1");
        bench.advance(HOUR);
        assertThat(ct()).isEqualTo(new CtStatus(0, "success"));
        bench.module.powerCycle();
        bench.advance(HOUR);

        assertThat(platform.received()).hasSize(1);
        assertThat(ct()).isEqualTo(new CtStatus(0, "success"));
        assertThat(bench.transmissions).hasSize(1);
    }

    @Test
    void aFirmwareUpgradeReportsAgainWithTheNewVersion() {
        unit().advance(HOUR);

        bench.module.upgradeFirmware("BC260YCNAAR01A05");
        bench.advance(HOUR);

        assertThat(platform.received()).hasSize(2);
        assertThat(platform.received().get(1).report().swver()).isEqualTo("BC260YCNAAR01A05");
        assertThat(stored()).contains(identity("BC260YCNAAR01A05", Sim.CHINA_TELECOM));
    }

    @Test
    void anotherCardReportsAgainWithItsIccid() {
        unit().advance(HOUR);
        Sim other = new Sim("460031234567891", "89860399999999999999");

        bench.module.changeSim(Optional.of(other));
        bench.module.powerCycle();
        bench.advance(HOUR);

        assertThat(platform.received()).hasSize(2);
        ZzhcReport second = platform.received().get(1).report();
        assertThat(second.sim1Iccid()).isEqualTo(other.iccid());
        assertThat(second.sim1LteImsi()).isEqualTo(other.imsi());
        assertThat(stored()).contains(identity(FIRMWARE, other));
    }

    @Test
    void theSameCardInAnotherModuleReportsAgain() {
        unit().advance(HOUR);
        MemoryNvramStore nvram = bench.nvram;
        bench.close();

        VirtualClock clock = new VirtualClock();
        try (Bc260yModule moved = new Bc260yModule(ModuleProfile.standard().withImei("869999000000002"), clock, nvram,
                bench.module.network().lab())) {
            moved.powerOn();
            clock.advance(HOUR);
            assertThat(moved.saved().ctRegistration()).contains(new CtIdentity(FIRMWARE, "869999000000002",
                    Sim.CHINA_TELECOM.iccid()));
        }
        assertThat(platform.received()).extracting(r -> r.report().meid()).containsExactly(IMEI, "869999000000002");
    }

    @Test
    void qsregenable0SavedTakesEffectOnlyAfterTheNextBoot() {
        unit();
        assertThat(bench.at("AT+QSREGENABLE=0")).endsWith("OK\r\n");

        bench.advance(HOUR);
        assertThat(platform.received()).as("this boot still runs with 1").hasSize(1);

        bench.module.changeSim(Optional.of(new Sim("460111234567899", "89860321000000000099")));
        bench.module.powerCycle();
        bench.advance(HOUR);

        assertThat(platform.received()).as("the next boot runs with 0, although the card changed").hasSize(1);
        assertThat(ct()).isEqualTo(new CtStatus(0, "success"));
    }

    @Test
    void fotaFromA03WithQsregenable1ReadsBack3AndStillRegisters() {
        unit(ModuleProfile.standard().withFirmware("BC260YCNAAR01A03")).advance(HOUR);

        bench.module.upgradeFirmware("BC260YCNAAR01A04");
        bench.advance(HOUR);

        assertThat(bench.at("AT+QSREGENABLE?")).contains("+QSREGENABLE: 3");
        assertThat(platform.received()).extracting(r -> r.report().swver())
                .containsExactly("BC260YCNAAR01A03", "BC260YCNAAR01A04");
    }

    @Test
    void withSleepDisabledAndThePlatformDownThereAreExactlyThreeAttemptsAnHourApart() {
        unit();
        bench.at("AT+QSCLK=0");
        bench.inject(NetworkFault.dropAll(LabService.CT));

        bench.advance(DAY);

        List<Duration> starts = bench.attemptStarts();
        assertThat(starts).hasSize(3);
        assertThat(starts.get(0)).isEqualTo(ATTACH);
        for (int i = 1; i < 3; i++) {
            Duration previousStart = starts.get(i - 1);
            Duration firstTimeout = bench.transmissions.get(5 * (i - 1) + 1).at().minus(previousStart);
            Duration failure = previousStart.plus(firstTimeout.multipliedBy(31)); // RFC window: 31 initial timeouts
            assertThat(starts.get(i)).as("attempt %d", i + 1).isEqualTo(failure.plus(HOUR));
        }
        assertThat(bench.transmissions).hasSize(15).extracting(Transmission::fate).containsOnly(Transmission.Fate.DROPPED);
        assertThat(ct()).isEqualTo(new CtStatus(3, "failure"));
        assertThat(platform.received()).isEmpty();
        assertThat(stored()).isEmpty();
        assertThat(bench.module.power()).isEqualTo(Power.ACTIVE);
    }

    @Test
    void withSleepAllowedOneFailedAttemptIsFollowedByDeepSleepAndNoRetry() {
        unit().inject(NetworkFault.dropAll(LabService.CT));

        bench.advance(DAY);

        assertThat(bench.attemptStarts()).containsExactly(ATTACH);
        assertThat(ct()).isEqualTo(new CtStatus(1, "failure"));
        assertThat(bench.module.power()).isEqualTo(Power.DEEP_SLEEP);
        Duration window = bench.transmissions.get(1).at().minus(ATTACH).multipliedBy(31);
        assertThat(bench.module.awake()).as("the retransmissions delay deep sleep").isEqualTo(ATTACH.plus(window).plus(IDLE));
        assertThat(bench.module.awakeBreakdown()).containsEntry(AwakeReason.COAP, window)
                .containsEntry(AwakeReason.BOOT, ATTACH).containsEntry(AwakeReason.IDLE, IDLE);
        assertThat(platform.received()).isEmpty();
    }

    @Test
    void aDnsFailureIsAFailure() {
        unit().inject(NetworkFault.dnsFail(LabService.CT));

        bench.advance(HOUR);

        assertThat(ct()).isEqualTo(new CtStatus(1, "failure"));
        assertThat(bench.transmissions).isEmpty();
        assertThat(platform.received()).isEmpty();
        assertThat(stored()).isEmpty();
    }

    @Test
    void aSlowDnsKeepsTheUnitAwakeAndCountsAsDnsTime() {
        unit().inject(NetworkFault.dnsDelay(LabService.CT, Duration.ofSeconds(30)));

        bench.advance(HOUR);

        assertThat(ct()).isEqualTo(new CtStatus(1, "success"));
        assertThat(bench.attemptStarts()).containsExactly(ATTACH.plusSeconds(30));
        assertThat(bench.module.awakeBreakdown()).containsEntry(AwakeReason.DNS, Duration.ofSeconds(30));
        assertThat(bench.module.awake()).isEqualTo(ATTACH.plusSeconds(30).plus(IDLE));
    }

    @Test
    void anInjectedErrorReplyIsAFailure() {
        unit().inject(NetworkFault.error(LabService.CT));

        bench.advance(HOUR);

        assertThat(ct()).isEqualTo(new CtStatus(1, "failure"));
        assertThat(platform.received()).as("answered in the platform's place").isEmpty();
        assertThat(stored()).isEmpty();
    }

    @Test
    void thePlatformsOwnErrorCodeIsAFailure() {
        unit();
        platform.replyWith(new ZzhcReply("2", "Invalid MEID"));

        bench.advance(HOUR);

        assertThat(platform.received()).hasSize(1);
        assertThat(ct()).isEqualTo(new CtStatus(1, "failure"));
        assertThat(stored()).isEmpty();
    }

    @Test
    void aCoapErrorResponseIsAFailure() {
        unit();
        platform.failWith(ResponseCode.SERVICE_UNAVAILABLE);

        bench.advance(HOUR);

        assertThat(platform.received()).hasSize(1);
        assertThat(ct()).isEqualTo(new CtStatus(1, "failure"));
        assertThat(stored()).isEmpty();
    }

    @Test
    void aMalformedReplyIsAFailure() {
        unit().inject(NetworkFault.malformed(LabService.CT));

        bench.advance(HOUR);

        assertThat(ct()).isEqualTo(new CtStatus(1, "failure"));
        assertThat(stored()).isEmpty();
    }

    @Test
    void aLostFirstTransmissionIsRetransmittedAndSucceedsAndTheWaitCountsAsAwake() {
        unit().inject(NetworkFault.dropFirst(LabService.CT, 1));

        bench.advance(HOUR);

        assertThat(bench.transmissions).extracting(Transmission::fate)
                .containsExactly(Transmission.Fate.DROPPED, Transmission.Fate.SENT);
        Duration resend = bench.transmissions.get(1).at().minus(ATTACH);
        assertThat(resend).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(3));
        assertThat(platform.received()).hasSize(1);
        assertThat(ct()).isEqualTo(new CtStatus(1, "success"));
        assertThat(bench.module.power()).isEqualTo(Power.DEEP_SLEEP);
        assertThat(bench.module.awake()).isEqualTo(ATTACH.plus(resend).plus(IDLE));
        assertThat(bench.module.awakeBreakdown()).containsEntry(AwakeReason.COAP, resend);
    }

    @ParameterizedTest(name = "IMSI {0}")
    @ValueSource(strings = {"460041234567890", "460001234567890", "460011234567890", "460061234567890", "001011234567890"})
    void aSimOfAnotherCarrierNeverSendsACtReport(String imsi) {
        unit(ModuleProfile.standard().withSim(Optional.of(new Sim(imsi, "89860012345678901234"))));

        bench.advance(DAY);

        assertThat(bench.attemptStarts()).as("China Mobile SIMs do talk to DM, never to CT").isEmpty();
        assertThat(ct()).isEqualTo(new CtStatus(0, "none"));
        assertThat(platform.received()).isEmpty();
    }

    @Test
    void withoutASimNothingIsSent() {
        unit(ModuleProfile.standard().withSim(Optional.empty())).advance(DAY);

        assertThat(bench.transmissions).isEmpty();
        assertThat(ct()).isEqualTo(new CtStatus(0, "none"));
    }

    @Test
    void aWakeUpFromDeepSleepNeverStartsARegistration() {
        unit().inject(NetworkFault.dropAll(LabService.CT));
        bench.advance(HOUR);
        assertThat(bench.module.power()).isEqualTo(Power.DEEP_SLEEP);
        bench.clearFaults();

        assertThat(bench.wake()).contains("+QNBIOTEVENT: \"EXIT DEEPSLEEP\"");
        bench.advance(DAY);

        assertThat(bench.attemptStarts()).hasSize(1);
        assertThat(platform.received()).isEmpty();
        assertThat(stored()).isEmpty();
        assertThat(ct()).isEqualTo(new CtStatus(1, "failure"));
    }

    @Test
    void theTupleIsNotStoredAfterAFailureSoTheNextBootReportsAgain() {
        unit().inject(NetworkFault.error(LabService.CT));
        bench.advance(HOUR);
        assertThat(stored()).isEmpty();
        assertThat(bench.nvram.image().asMap()).doesNotContainKeys("ct.registered.firmware", "ct.registered.imei",
                "ct.registered.iccid");

        bench.clearFaults();
        bench.module.powerCycle();
        bench.advance(HOUR);

        assertThat(platform.received()).hasSize(1);
        assertThat(stored()).contains(identity(FIRMWARE, Sim.CHINA_TELECOM));
        assertThat(ct()).isEqualTo(new CtStatus(1, "success"));
    }

    @Test
    void aPowerCutDuringTheExchangeStoresNothingAndTheNextBootReportsAgain() {
        unit().inject(NetworkFault.dropAll(LabService.CT));
        bench.advance(ATTACH.plusSeconds(5));
        assertThat(bench.module.ct().registering()).isTrue();

        bench.module.powerCut();
        bench.clearFaults();
        bench.advance(HOUR);
        assertThat(bench.transmissions).as("nothing more after the cut").hasSize(2);
        bench.module.powerOn();
        bench.advance(HOUR);

        assertThat(platform.received()).hasSize(1);
        assertThat(stored()).contains(identity(FIRMWARE, Sim.CHINA_TELECOM));
    }

    @Test
    void anIsolatedUnitFailsAtOnceAndSleepsOnTime() {
        VirtualClock clock = new VirtualClock();
        try (Bc260yModule isolated = new Bc260yModule(ModuleProfile.standard(), clock, new MemoryNvramStore())) {
            isolated.powerOn();
            clock.advance(HOUR);

            assertThat(isolated.ct().status()).isEqualTo(new CtStatus(1, "failure"));
            assertThat(isolated.power()).isEqualTo(Power.DEEP_SLEEP);
            assertThat(isolated.awake()).isEqualTo(ATTACH.plus(IDLE));
            assertThat(isolated.awakeBreakdown()).containsEntry(AwakeReason.DNS, Duration.ZERO);
        }
    }

    @Test
    void theRegistrationAlsoRunsOnTheRealClock() {
        platform = new LabCtPlatform();
        try (RealClock clock = new RealClock("ct-test");
             Bc260yModule real = new Bc260yModule(ModuleProfile.standard(), clock, new MemoryNvramStore(),
                     LabNetwork.lab(InetAddress.getLoopbackAddress(), platform.port(), 9))) {
            real.powerOn();

            await().atMost(10, TimeUnit.SECONDS).until(() -> real.ct().status().lastOutcome().equals("success"));

            assertThat(platform.received()).hasSize(1);
            assertThat(real.saved().ctRegistration()).contains(identity(FIRMWARE, Sim.CHINA_TELECOM));
        }
    }
}
