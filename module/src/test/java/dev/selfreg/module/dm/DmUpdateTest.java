package dev.selfreg.module.dm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfreg.module.AwakeReason;
import dev.selfreg.module.Bc260yFacts;
import dev.selfreg.module.Power;
import dev.selfreg.module.network.LabService;
import dev.selfreg.module.network.NetworkFault;
import dev.selfreg.module.network.Transmission;
import dev.selfreg.vocabulary.DmState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.leshan.server.registration.Registration;
import org.eclipse.leshan.server.registration.RegistrationUpdate;
import org.junit.jupiter.api.Test;

/**
 * CMDMP Updates end to end (self-registration.md §3, seed 2.2.2 and 2.2.4, cmcc-dm-wire.md):
 * every {@code update_Period} an RTC timer wakes the module, which sends the Update with
 * {@code epi} and sleeps again; failures, the lifetime and the one fresh Register after it.
 * With a period of 300 s the unit registers at 2 s (attach) and its update ticks fall at 302 s,
 * 602 s, 902 s...
 */
class DmUpdateTest extends DmPeerTest {

    private static final Duration ATTACH = Bc260yFacts.ATTACH_TIME;
    private static final Duration IDLE = Bc260yFacts.IDLE_BEFORE_DEEP_SLEEP;
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration DAY = Duration.ofDays(1);
    private static final String PERIOD_300 = "AT+QDMPCFG=1,117.161.2.41,5683,300";
    private static final Duration TICK_1 = Duration.ofSeconds(302);
    private static final Duration TICK_2 = Duration.ofSeconds(602);
    private static final Duration TICK_3 = Duration.ofSeconds(902);

    /** Advances the clock to module time {@code instant}. */
    private void advanceTo(Duration instant) {
        bench.advance(instant.minus(bench.clock.elapsed()));
    }

    private static DmBench.Entered at(Duration instant, DmState state) {
        return new DmBench.Entered(instant, state);
    }

    @Test
    void after300sAnUpdateWithTheVectorsEpiReachesTheRegistrationAndTheStateIs11() {
        withLeshan().provisioned(PERIOD_300);

        advanceTo(TICK_1);

        Registration registration = leshan.registrations(1).get(0);
        List<RegistrationUpdate> updates = leshan.updates(1);
        assertThat(updates).hasSize(1);
        RegistrationUpdate update = updates.get(0);
        assertThat(update.getRegistrationId()).isEqualTo(registration.getId());
        assertThat(update.getAdditionalAttributes()).isEqualTo(Map.of("epi", DmBench.EPI));
        assertThat(update.getLifeTimeInSec()).isNull();
        assertThat(update.getObjectLinks()).isNull();
        assertThat(bench.entered).containsExactly(at(ATTACH, DmState.CONNECTED), at(ATTACH, DmState.REGISTERED),
                at(TICK_1, DmState.UPDATED));
        assertThat(bench.sendTimes()).containsExactly(ATTACH, TICK_1);
        assertThat(bench.module.status().dmState()).isEqualTo(11);
    }

    @Test
    void theUpdateIsAPostToTheLocationWithOnlyEpiAndNoPayload() {
        withScriptedPlatform().provisioned(PERIOD_300);

        advanceTo(TICK_1);

        assertThat(scripted.received()).hasSize(2);
        assertThat(scripted.received().get(1)).isEqualTo(new ScriptedDmPlatform.Received(Code.POST,
                List.of("rd", ScriptedDmPlatform.REGISTRATION_ID), List.of("epi=" + DmBench.EPI), -1, ""));
        assertThat(bench.module.dm().state()).isEqualTo(DmState.UPDATED);
    }

    @Test
    void thirtyDaysWithADailyPeriodGiveExactly30UpdatesAndLittleAwakeTime() {
        withLeshan().provisioned();

        bench.advance(ATTACH.plus(DAY.multipliedBy(30)).plus(IDLE));

        assertThat(leshan.updates(30)).hasSize(30);
        assertThat(leshan.registrations(1)).hasSize(1);
        List<Duration> ticks = IntStream.rangeClosed(1, 30).mapToObj(day -> ATTACH.plus(DAY.multipliedBy(day))).toList();
        assertThat(bench.sendTimes()).hasSize(31).endsWith(ticks.toArray(Duration[]::new));
        assertThat(bench.module.dm().state()).isEqualTo(DmState.UPDATED);
        assertThat(bench.module.power()).isEqualTo(Power.DEEP_SLEEP);
        assertThat(bench.module.awake()).as("boot, idle, and the idle time after each wake-up")
                .isEqualTo(ATTACH.plus(IDLE).plus(IDLE.multipliedBy(30)));
        assertThat(bench.module.awakeBreakdown()).containsEntry(AwakeReason.TIMER, IDLE.multipliedBy(30))
                .containsEntry(AwakeReason.COAP, Duration.ZERO);
    }

    @Test
    void withEdrxAndNoPsmTheUpdateTimerWakesTheModuleBetweenPagingWindows() {
        withLeshan().provisioned(PERIOD_300, "AT+CPSMS=0", "AT+CEDRXS=1,5,\"0101\"");

        advanceTo(TICK_3.plus(IDLE));

        assertThat(leshan.updates(3)).hasSize(3);
        assertThat(bench.module.power()).isEqualTo(Power.DEEP_SLEEP);
        assertThat(bench.module.awakeBreakdown()).containsEntry(AwakeReason.TIMER, IDLE.multipliedBy(3))
                .as("three 2.56 s windows in each period, each period's counted from its Update")
                .containsEntry(AwakeReason.PAGING, Duration.ofMillis(2560 * 9));
    }

    @Test
    void withQsclk2TheUpdatesRunWithoutDeepSleep() {
        withLeshan().provisioned(PERIOD_300, "AT+QSCLK=2");

        advanceTo(TICK_3.plus(IDLE));

        assertThat(leshan.updates(3)).hasSize(3);
        assertThat(bench.module.power()).isEqualTo(Power.ACTIVE);
        assertThat(bench.module.awakeBreakdown()).containsEntry(AwakeReason.TIMER, Duration.ZERO);
        assertThat(bench.module.awake()).isEqualTo(TICK_3.plus(IDLE));
    }

    @Test
    void theUpdateTimerWakesTheModuleFromDeepSleepWhichSleepsAgainAfterTheUpdate() {
        withLeshan().provisioned(PERIOD_300);
        advanceTo(TICK_1.minusSeconds(1));
        assertThat(bench.module.power()).isEqualTo(Power.DEEP_SLEEP);
        Duration awakeBefore = bench.module.awake();

        bench.advance(Duration.ofSeconds(1));
        assertThat(bench.module.power()).isEqualTo(Power.ACTIVE);
        assertThat(bench.module.dm().state()).isEqualTo(DmState.UPDATED);
        bench.advance(IDLE);

        assertThat(bench.module.power()).isEqualTo(Power.DEEP_SLEEP);
        assertThat(bench.module.awake().minus(awakeBefore)).isEqualTo(IDLE);
        assertThat(bench.sendTimes()).containsExactly(ATTACH, TICK_1);
        assertThat(leshan.updates(1)).hasSize(1);
    }

    @Test
    void aWakeUpNeverStartsARegister() {
        withLeshan().provisioned(PERIOD_300);
        bench.advance(MINUTE);
        assertThat(bench.module.power()).isEqualTo(Power.DEEP_SLEEP);

        assertThat(bench.host.wake()).contains("+QNBIOTEVENT: \"EXIT DEEPSLEEP\"");
        bench.advance(MINUTE);
        assertThat(bench.transmissions).as("host data woke it: nothing sent").hasSize(1);
        advanceTo(TICK_1.plus(MINUTE));

        assertThat(leshan.updates(1)).as("the RTC wake-up sends an Update").hasSize(1);
        assertThat(leshan.registrations(1)).hasSize(1);
        assertThat(bench.states()).containsExactly(DmState.CONNECTED, DmState.REGISTERED, DmState.UPDATED);
    }

    @Test
    void anUpdateThatNeedsResendsSucceedsAndRenewsTheLifetimeFromItsAnswer() {
        withLeshan().provisioned(PERIOD_300);
        bench.advance(MINUTE);
        bench.inject(NetworkFault.dropFirst(LabService.DM, 2));

        advanceTo(TICK_2);

        assertThat(bench.sendTimes()).containsExactly(ATTACH, TICK_1, TICK_1.plusSeconds(2), TICK_1.plusSeconds(6), TICK_2);
        assertThat(bench.entered).endsWith(at(TICK_1.plusSeconds(6), DmState.UPDATED), at(TICK_2, DmState.UPDATED));
        assertThat(leshan.updates(2)).hasSize(2);
        assertThat(bench.module.awakeBreakdown()).containsEntry(AwakeReason.COAP, Duration.ofSeconds(6));
    }

    @Test
    void anUpdateErrorIsState12UntilTheNextPeriodWhichRegistersAfreshAndTheUpdatesResume() {
        withLeshan().provisioned(PERIOD_300);
        bench.advance(MINUTE);
        bench.inject(NetworkFault.error(LabService.DM));

        advanceTo(TICK_2.minusSeconds(1));
        assertThat(bench.module.dm().state()).isEqualTo(DmState.UPDATE_FAILED);
        bench.clearFaults();
        advanceTo(TICK_3);

        assertThat(bench.entered).containsExactly(at(ATTACH, DmState.CONNECTED), at(ATTACH, DmState.REGISTERED),
                at(TICK_1, DmState.UPDATE_FAILED),
                at(TICK_2, DmState.LIFETIME_TIMEOUT), at(TICK_2, DmState.CONNECTED), at(TICK_2, DmState.REGISTERED),
                at(TICK_3, DmState.UPDATED));
        assertThat(bench.transmissions).extracting(Transmission::fate).containsExactly(Transmission.Fate.SENT,
                Transmission.Fate.ANSWERED_BY_FAULT, Transmission.Fate.SENT, Transmission.Fate.SENT);
        List<Registration> registrations = leshan.registrations(2);
        assertThat(registrations).hasSize(2);
        assertThat(leshan.updates(1)).extracting(RegistrationUpdate::getRegistrationId)
                .containsExactly(registrations.get(1).getId());
    }

    @Test
    void anUpdateAnswered404IsState12() {
        withScriptedPlatform().provisioned(PERIOD_300);
        scripted.answerUpdatesWith(ResponseCode.NOT_FOUND);

        advanceTo(TICK_1);

        assertThat(scripted.received()).hasSize(2);
        assertThat(bench.entered).endsWith(at(TICK_1, DmState.UPDATE_FAILED));
        assertThat(bench.sendTimes()).containsExactly(ATTACH, TICK_1);
    }

    @Test
    void anUnansweredUpdateIsSentSixTimesAndIsState13At128sAfterItsFirstSend() {
        withLeshan().provisioned(PERIOD_300);
        bench.advance(MINUTE);
        bench.inject(NetworkFault.dropAll(LabService.DM));

        advanceTo(TICK_2.minusSeconds(1));

        assertThat(bench.sendTimes()).containsExactly(ATTACH, TICK_1, TICK_1.plusSeconds(2), TICK_1.plusSeconds(6),
                TICK_1.plusSeconds(14), TICK_1.plusSeconds(30), TICK_1.plusSeconds(62));
        assertThat(bench.entered).endsWith(at(TICK_1.plusSeconds(128), DmState.UPDATE_TIMEOUT));
        assertThat(bench.module.awakeBreakdown()).containsEntry(AwakeReason.COAP, Duration.ofSeconds(128));
        assertThat(bench.module.power()).isEqualTo(Power.DEEP_SLEEP);
        assertThat(leshan.updatesSoFar()).isEmpty();
    }

    @Test
    void theLifetimePassingWithoutASuccessfulUpdateIsState9ThenExactlyOneFreshRegister() {
        withLeshan().provisioned(PERIOD_300);
        bench.advance(MINUTE);
        bench.inject(NetworkFault.dropAll(LabService.DM));

        bench.advance(DAY.multipliedBy(30));

        assertThat(bench.entered).containsExactly(at(ATTACH, DmState.CONNECTED), at(ATTACH, DmState.REGISTERED),
                at(TICK_1.plusSeconds(128), DmState.UPDATE_TIMEOUT),
                at(TICK_2, DmState.LIFETIME_TIMEOUT), at(TICK_2, DmState.CONNECTED),
                at(TICK_2.plusSeconds(128), DmState.REGISTER_TIMEOUT));
        assertThat(bench.transmissions).as("the Register, 6 sends of the Update, 6 of the fresh Register").hasSize(13);
        assertThat(bench.transmissions.get(7).mid()).isNotEqualTo(bench.transmissions.get(6).mid());
        assertThat(bench.sendTimes().get(12)).isEqualTo(TICK_2.plusSeconds(62));
        assertThat(bench.module.power()).isEqualTo(Power.DEEP_SLEEP);
        assertThat(leshan.registrations(1)).hasSize(1);
    }

    @Test
    void aSavedPeriodChangeTakesEffectOnlyAfterTheReboot() {
        withLeshan().provisioned(PERIOD_300);
        bench.host.given("AT+QDMPCFG=1,117.161.2.41,5683,600");

        advanceTo(TICK_1);
        assertThat(leshan.updates(1)).as("this boot still runs with 300 s").hasSize(1);
        bench.host.reboot();
        Duration reboot = bench.clock.elapsed();
        bench.advance(ATTACH.plusSeconds(600));

        assertThat(leshan.registrations(2).get(1).getLifeTimeInSec()).isEqualTo(646L);
        assertThat(leshan.updates(2)).hasSize(2);
        assertThat(bench.sendTimes()).endsWith(reboot.plus(ATTACH), reboot.plus(ATTACH).plusSeconds(600));
    }

    @Test
    void aPowerCutStopsTheUpdateTimer() {
        withLeshan().provisioned(PERIOD_300);
        bench.advance(MINUTE);

        bench.module.powerCut();
        bench.advance(DAY);

        assertThat(bench.transmissions).hasSize(1);
        assertThat(bench.module.dm().state()).isEqualTo(DmState.INITIAL);
    }
}
