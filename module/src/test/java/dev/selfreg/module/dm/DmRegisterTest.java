package dev.selfreg.module.dm;

import static dev.selfreg.module.TestBench.framed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.selfreg.module.AwakeReason;
import dev.selfreg.module.Bc260yFacts;
import dev.selfreg.module.ModuleProfile;
import dev.selfreg.module.Power;
import dev.selfreg.module.Sim;
import dev.selfreg.module.emulator.Bc260yModule;
import dev.selfreg.module.network.LabNetwork;
import dev.selfreg.module.network.LabService;
import dev.selfreg.module.network.NetworkFault;
import dev.selfreg.module.network.RefusingPort;
import dev.selfreg.module.network.Transmission;
import dev.selfreg.nvram.MemoryNvramStore;
import dev.selfreg.protocol.cmdmp.DmCipher;
import dev.selfreg.protocol.cmdmp.DmEndpointName;
import dev.selfreg.protocol.cmdmp.DmIdentityCheck;
import dev.selfreg.time.RealClock;
import dev.selfreg.vocabulary.DmState;
import dev.selfreg.vocabulary.TerminalType;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.leshan.core.LwM2m.LwM2mVersion;
import org.eclipse.leshan.core.request.BindingMode;
import org.eclipse.leshan.server.registration.Registration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The CMDMP Register end to end (self-registration.md §3, seed 2.2.1-2.2.3, cmcc-dm-wire.md):
 * the emulated module on a virtual clock sends real CoAP over UDP on loopback to a stock
 * Eclipse Leshan server, or to a scripted Californium peer where an error must come on cue;
 * each test checks both sides. Time 0 is the boot the provisioning ended with; the unit
 * attaches, and registers, {@link Bc260yFacts#ATTACH_TIME} later.
 */
class DmRegisterTest extends DmPeerTest {

    private static final Duration ATTACH = Bc260yFacts.ATTACH_TIME;
    private static final Duration IDLE = Bc260yFacts.IDLE_BEFORE_DEEP_SLEEP;
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration DAY = Duration.ofDays(1);
    /** The seed's sends (2.2.3): 0, 2, 6, 14, 30 and 62 s after the first. */
    private static final List<Duration> SEED_SENDS = Stream.of(0, 2, 6, 14, 30, 62)
            .map(s -> ATTACH.plusSeconds(s)).toList();

    @Test
    void aProvisionedUnitRegistersWithTheSpecsEndpointAndReachesState6() {
        withLeshan().provisioned();

        bench.advance(MINUTE);

        List<Registration> registrations = leshan.registrations(1);
        assertThat(registrations).hasSize(1);
        Registration registration = registrations.get(0);
        assertThat(registration.getEndpoint()).isEqualTo(DmBench.ENDPOINT);
        assertThat(registration.getLifeTimeInSec()).as("update_Period + 46 s").isEqualTo(86446L);
        assertThat(registration.getLwM2mVersion()).isEqualTo(LwM2mVersion.V1_0);
        assertThat(registration.getBindingMode()).containsExactly(BindingMode.U);
        assertThat(registration.getSupportedObject()).containsOnlyKeys(1, 3, 4, 5, 666);
        assertThat(bench.entered).containsExactly(new DmBench.Entered(ATTACH, DmState.CONNECTED),
                new DmBench.Entered(ATTACH, DmState.REGISTERED));
        assertThat(bench.at("AT+QDMPCFG=6")).isEqualTo(framed("+QDMPCFG: 6,6", "OK"));
        assertThat(bench.module.status().dmState()).isEqualTo(6);
        assertThat(bench.sendTimes()).containsExactly(ATTACH);
    }

    @Test
    void theRegisterIsAConPostToRdWithRawQueryOptionsAndTheObjectLinks() {
        withScriptedPlatform().provisioned();

        bench.advance(MINUTE);

        assertThat(scripted.received()).containsExactly(new ScriptedDmPlatform.Received(Code.POST, List.of("rd"),
                List.of("ep=" + DmBench.ENDPOINT, "lt=86446", "lwm2m=1.0", "b=U"), 40,
                "</>;rt=\"oma.lwm2m\",</1/0>,</3/0>,</4/0>,</5/0>,</666/0>"));
        assertThat(bench.module.dm().state()).isEqualTo(DmState.REGISTERED);
    }

    @Test
    void theEndpointCarriesTheTmlImeiAndTheTypeLetterAndDecryptsWithThePassword() {
        withLeshan().provisioned("AT+QDMPCFG=2,\"M100000089\",\"95GoAbCd1234\",2,86370303082251977");

        bench.advance(MINUTE);

        String endpoint = leshan.registrations(1).get(0).getEndpoint();
        assertThat(endpoint).startsWith("A@#@").endsWith("@#@M100000089@#@86370303082251977@#@v2.0");
        DmEndpointName name = ((DmEndpointName.Parsed) DmEndpointName.parse(endpoint)).name();
        assertThat(name.verify(new DmCipher("95GoAbCd1234")))
                .isEqualTo(new DmIdentityCheck.Verified("86370303082251977", Sim.CHINA_MOBILE.imsi()));
    }

    @Test
    void withoutATmlImeiTheEndpointCarriesTheModulesImei() {
        withLeshan().provisioned("AT+QDMPCFG=5,2", "AT+QDMPCFG=2,\"M100000000\",\"secret\",1");

        bench.advance(MINUTE);

        String endpoint = leshan.registrations(1).get(0).getEndpoint();
        assertThat(endpoint).startsWith("L@#@").endsWith("@#@M100000000@#@" + Bc260yFacts.DEFAULT_IMEI + "@#@v2.0");
        DmEndpointName name = ((DmEndpointName.Parsed) DmEndpointName.parse(endpoint)).name();
        assertThat(name.verify(new DmCipher("secret")))
                .isEqualTo(new DmIdentityCheck.Verified(Bc260yFacts.DEFAULT_IMEI, Sim.CHINA_MOBILE.imsi()));
    }

    @Test
    void anEmptyPasswordIsHashedAs32ZerosAsTheSpecsEmptyPasswordVectorShows() {
        withScriptedPlatform().provisioned("AT+QDMPCFG=5,2");

        bench.advance(MINUTE);

        // cmcc-dm-wire.md, "Test vectors": enc("869999000000001-****-460041234567890-v2.0") with the empty password
        assertThat(scripted.received().get(0).query()).startsWith(
                "ep=I@#@40DnZGgRkfHl5wWUaqWAxL90Uu7UJzRiG64pcl2eRoiUR1efR4yjYryDtzTa/OX0@#@@#@869999000000001@#@v2.0");
    }

    @Test
    void everyBootRegistersAgainWithoutChangeDetection() {
        withLeshan().provisioned();
        bench.advance(MINUTE);

        bench.host.reboot();
        bench.advance(MINUTE);
        bench.module.powerCycle();
        bench.advance(MINUTE);

        assertThat(leshan.registrations(3)).hasSize(3).extracting(Registration::getEndpoint).containsOnly(DmBench.ENDPOINT);
        assertThat(bench.transmissions).hasSize(3);
        assertThat(bench.module.dm().state()).isEqualTo(DmState.REGISTERED);
    }

    @Test
    void withThePlatformDownTheRegisterIsSentSixTimesOnTheSeedsScheduleAndState8ComesAt128s() {
        withLeshan().provisioned();
        bench.inject(NetworkFault.dropAll(LabService.DM));

        bench.advance(DAY);

        assertThat(bench.sendTimes()).isEqualTo(SEED_SENDS);
        assertThat(bench.transmissions).extracting(Transmission::fate).containsOnly(Transmission.Fate.DROPPED);
        assertThat(bench.transmissions).extracting(Transmission::mid).containsOnly(bench.transmissions.get(0).mid());
        assertThat(bench.states()).containsExactly(DmState.CONNECTED, DmState.REGISTER_TIMEOUT);
        assertThat(bench.enteredAt(DmState.REGISTER_TIMEOUT).minus(ATTACH)).isEqualTo(Duration.ofSeconds(128));
        assertThat(bench.module.awakeBreakdown()).as("the retransmissions delay deep sleep (seed 2.2.4)")
                .containsEntry(AwakeReason.COAP, Duration.ofSeconds(128));
        assertThat(bench.module.awake()).isEqualTo(ATTACH.plusSeconds(128).plus(IDLE));
        assertThat(bench.module.power()).isEqualTo(Power.DEEP_SLEEP);
        assertThat(bench.at("AT+QDMPCFG=6")).isEqualTo(framed("+QDMPCFG: 6,8", "OK"));
        assertThat(leshan.registrationsSoFar()).isEmpty();
    }

    @Test
    void afterState8NothingIsSentUntilTheNextBootWhichRegisters() {
        withLeshan().provisioned();
        bench.inject(NetworkFault.dropAll(LabService.DM));
        bench.advance(DAY);
        bench.clearFaults();

        bench.advance(DAY.multipliedBy(30));
        assertThat(bench.transmissions).hasSize(6);
        bench.module.powerCycle();
        bench.advance(MINUTE);

        assertThat(leshan.registrations(1)).hasSize(1);
        assertThat(bench.transmissions).hasSize(7);
        assertThat(bench.module.dm().state()).isEqualTo(DmState.REGISTERED);
    }

    @Test
    void withNobodyListeningOnThePlatformsPortTheScheduleIsTheSame() throws Exception {
        try (RefusingPort refusing = new RefusingPort()) {
            bench = new DmBench(refusing.address().getPort()).provisioned();

            bench.advance(DAY);

            assertThat(bench.sendTimes()).isEqualTo(SEED_SENDS);
            assertThat(bench.states()).containsExactly(DmState.CONNECTED, DmState.REGISTER_TIMEOUT);
            assertThat(bench.enteredAt(DmState.REGISTER_TIMEOUT).minus(ATTACH)).isEqualTo(Duration.ofSeconds(128));
        }
    }

    @Test
    void anyServerAddressSetWithQdmpcfg1LeadsToTheLabPlatform() {
        withLeshan().provisioned("AT+QDMPCFG=1,10.1.2.3,5684,600");

        bench.advance(MINUTE);

        assertThat(bench.transmissions).extracting(Transmission::host).containsExactly("10.1.2.3");
        assertThat(leshan.registrations(1).get(0).getLifeTimeInSec()).isEqualTo(646L);
        assertThat(bench.module.dm().state()).isEqualTo(DmState.REGISTERED);
    }

    @Test
    void anInjectedErrorReplyIsState7AndNothingFollowsUntilTheNextBoot() {
        withLeshan().provisioned();
        bench.inject(NetworkFault.error(LabService.DM));

        bench.advance(DAY);

        assertThat(bench.transmissions).extracting(Transmission::fate).containsExactly(Transmission.Fate.ANSWERED_BY_FAULT);
        assertThat(bench.entered).containsExactly(new DmBench.Entered(ATTACH, DmState.CONNECTED),
                new DmBench.Entered(ATTACH, DmState.REGISTER_FAILED));
        assertThat(bench.module.power()).isEqualTo(Power.DEEP_SLEEP);
        assertThat(bench.at("AT+QDMPCFG=6")).isEqualTo(framed("+QDMPCFG: 6,7", "OK"));
        assertThat(leshan.registrationsSoFar()).as("answered in the platform's place").isEmpty();
    }

    @Test
    void aRegisterAnswered403IsState7() {
        withScriptedPlatform().provisioned();
        scripted.answerRegistersWith(ResponseCode.FORBIDDEN);

        bench.advance(DAY);

        assertThat(scripted.received()).hasSize(1);
        assertThat(bench.states()).containsExactly(DmState.CONNECTED, DmState.REGISTER_FAILED);
        assertThat(bench.transmissions).hasSize(1);
    }

    @Test
    void aServerNameIsResolvedOnTheSimulatedDnsAndTheLookupCountsAsAwake() {
        withLeshan().provisioned("AT+QDMPCFG=1,\"m.fxlttsbl.com\"");
        bench.inject(NetworkFault.dnsDelay(LabService.DM, Duration.ofSeconds(3)));

        bench.advance(MINUTE);

        assertThat(leshan.registrations(1)).hasSize(1);
        assertThat(bench.entered).containsExactly(new DmBench.Entered(ATTACH.plusSeconds(3), DmState.CONNECTED),
                new DmBench.Entered(ATTACH.plusSeconds(3), DmState.REGISTERED));
        assertThat(bench.transmissions).extracting(Transmission::host).containsExactly("m.fxlttsbl.com");
        assertThat(bench.module.awakeBreakdown()).containsEntry(AwakeReason.DNS, Duration.ofSeconds(3));
    }

    @Test
    void aDnsFailureIsState5AndNothingIsSent() {
        withLeshan().provisioned("AT+QDMPCFG=1,\"m.fxlttsbl.com\"");
        bench.inject(NetworkFault.dnsFail(LabService.DM));

        bench.advance(DAY);

        assertThat(bench.entered).containsExactly(new DmBench.Entered(ATTACH, DmState.CONNECT_FAILED));
        assertThat(bench.at("AT+QDMPCFG=6")).isEqualTo(framed("+QDMPCFG: 6,5", "OK"));
        assertThat(bench.transmissions).isEmpty();
        assertThat(leshan.registrationsSoFar()).isEmpty();
    }

    @Test
    void aSocketThatCannotBeOpenedIsState5() {
        withLeshan().provisioned();
        bench.module.network().close();

        bench.advance(DAY);

        assertThat(bench.states()).containsExactly(DmState.CONNECT_FAILED);
        assertThat(bench.transmissions).isEmpty();
        assertThat(leshan.registrationsSoFar()).isEmpty();
    }

    @Test
    void dmMode0SendsNothingAndTheStateStays0() {
        withLeshan().provisioned("AT+QDMPCFG=0,0");

        bench.advance(DAY.multipliedBy(30));

        assertThat(bench.transmissions).isEmpty();
        assertThat(bench.entered).isEmpty();
        assertThat(bench.at("AT+QDMPCFG=6")).isEqualTo(framed("+QDMPCFG: 6,0", "OK"));
        assertThat(leshan.registrationsSoFar()).isEmpty();
    }

    @ParameterizedTest(name = "IMSI {0}")
    @ValueSource(strings = {"460111234567890", "460031234567890", "460011234567890", "460061234567890", "001011234567890"})
    void aSimOfAnotherCarrierSendsNoDmTraffic(String imsi) {
        withLeshan(ModuleProfile.standard().withSim(Optional.of(new Sim(imsi, "89860012345678901234")))).provisioned();

        bench.advance(DAY);

        assertThat(bench.transmissions).isEmpty();
        assertThat(bench.module.dm().state()).isEqualTo(DmState.INITIAL);
        assertThat(leshan.registrationsSoFar()).isEmpty();
    }

    @Test
    void withoutASimNoDmTrafficIsSent() {
        withLeshan(ModuleProfile.standard().withSim(Optional.empty())).provisioned();

        bench.advance(DAY);

        assertThat(bench.transmissions).isEmpty();
        assertThat(bench.module.dm().state()).isEqualTo(DmState.INITIAL);
    }

    @Test
    void everyChinaMobilePrefixRegisters() {
        withLeshan().provisioned();
        List<String> prefixes = List.of("46000", "46002", "46004", "46007", "46008", "46013");

        for (String prefix : prefixes) {
            bench.module.changeSim(Optional.of(new Sim(prefix + "1234567890", "89860012345678901234")));
            bench.module.powerCycle();
            bench.advance(MINUTE);
        }

        assertThat(leshan.registrations(prefixes.size())).hasSize(prefixes.size());
    }

    @Test
    void dmMode0SavedWhileRegisteredTakesEffectOnlyAfterTheReboot() {
        withLeshan().provisioned();
        bench.advance(MINUTE);

        assertThat(bench.at("AT+QDMPCFG=0,0")).isEqualTo(framed("OK"));
        assertThat(bench.at("AT+QDMPCFG?")).startsWith(framed("+QDMPCFG: 0,1"));
        assertThat(bench.module.dm().state()).isEqualTo(DmState.REGISTERED);
        bench.host.reboot();
        bench.advance(DAY);

        assertThat(leshan.registrations(1)).hasSize(1);
        assertThat(bench.transmissions).hasSize(1);
        assertThat(bench.module.dm().state()).isEqualTo(DmState.INITIAL);
    }

    @Test
    void dmMode1SavedAfterABootWithMode0RegistersOnlyFromTheNextBoot() {
        withLeshan().provisioned("AT+QDMPCFG=0,0");
        bench.advance(MINUTE);

        bench.host.given("AT+QDMPCFG=0,1");
        bench.advance(DAY);
        assertThat(bench.transmissions).isEmpty();
        bench.host.reboot();
        bench.advance(MINUTE);

        assertThat(leshan.registrations(1)).hasSize(1);
        assertThat(bench.module.dm().state()).isEqualTo(DmState.REGISTERED);
    }

    @Test
    void aPowerCutDuringTheRegisterDropsItAndTheNextBootRegisters() {
        withLeshan().provisioned();
        bench.inject(NetworkFault.dropAll(LabService.DM));
        bench.advance(ATTACH.plusSeconds(5));

        bench.module.powerCut();
        bench.clearFaults();
        bench.advance(DAY);
        assertThat(bench.transmissions).as("nothing more after the cut").hasSize(2);
        assertThat(bench.module.dm().state()).isEqualTo(DmState.INITIAL);
        bench.module.powerOn();
        bench.advance(MINUTE);

        assertThat(leshan.registrations(1)).hasSize(1);
        assertThat(bench.module.dm().state()).isEqualTo(DmState.REGISTERED);
    }

    @Test
    void theRegistrationAlsoRunsOnTheRealClock() {
        leshan = new LeshanDmServer();
        try (RealClock clock = new RealClock("dm-test");
             Bc260yModule real = new Bc260yModule(DmBench.chinaMobileUnit(), clock, new MemoryNvramStore(),
                     LabNetwork.lab(InetAddress.getLoopbackAddress(), 9, leshan.port()))) {
            real.saved().saveDmCredentials("M100000000", DmBench.PASSWORD, Optional.of(TerminalType.INTERFACE),
                    Optional.empty());
            real.powerOn();

            await().atMost(10, TimeUnit.SECONDS).until(() -> real.dmState() == DmState.REGISTERED.code());

            assertThat(leshan.registrations(1).get(0).getEndpoint()).isEqualTo(DmBench.ENDPOINT);
        }
    }
}
