package dev.selfreg.module.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.selfreg.module.Bc260yFacts;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The two retransmission schedules on the virtual clock, to the nanosecond: China Telecom's
 * RFC 7252 defaults with a seeded random first timeout, and the seed's fixed CMDMP schedule
 * (sends at 0, 2, 6, 14, 30, 62 s). Every transmission is dropped, so no real packet is sent.
 */
class RetransmissionScheduleTest {

    private static final InetSocketAddress NOWHERE = new InetSocketAddress("127.0.0.1", 9);
    private static final Duration HOUR = Duration.ofHours(1);

    private static NetworkBench serverDown(long seed) {
        NetworkBench bench = new NetworkBench(NetworkBench.lab(NOWHERE, NOWHERE), seed);
        bench.network.faults().add(NetworkFault.dropAll(LabService.CT));
        bench.network.faults().add(NetworkFault.dropAll(LabService.DM));
        return bench;
    }

    @Test
    void theSeedScheduleSendsAt0_2_6_14_30_62SecondsAndGivesUpAt126() {
        try (NetworkBench bench = serverDown(1)) {
            bench.post(LabService.DM, Bc260yFacts.DM_RETRANSMISSION);
            bench.advance(HOUR);

            assertThat(bench.sendSeconds()).containsExactly(0.0, 2.0, 6.0, 14.0, 30.0, 62.0);
            assertThat(bench.outcomes).containsExactly(
                    new NetworkBench.Ended(new CoapOutcome.TimedOut(6), Duration.ofSeconds(126)));
        }
    }

    @Test
    void theCtScheduleDrawsTheFirstTimeoutBetween2And3SecondsAndDoublesItFourTimes() {
        try (NetworkBench bench = serverDown(7)) {
            ConfirmableExchange exchange = bench.post(LabService.CT, Bc260yFacts.CT_RETRANSMISSION);
            bench.advance(HOUR);

            Duration t = exchange.initialTimeout();
            assertThat(t).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(3));
            assertThat(bench.transmissions).extracting(Transmission::at)
                    .containsExactly(Duration.ZERO, t, t.multipliedBy(3), t.multipliedBy(7), t.multipliedBy(15));
            assertThat(bench.outcomes).containsExactly(
                    new NetworkBench.Ended(new CoapOutcome.TimedOut(5), t.multipliedBy(31)));
        }
    }

    @Test
    void theSameSeedDrawsTheSameTimeoutsAndAnotherSeedOthers() {
        List<Duration> first = initialTimeouts(7);
        assertThat(initialTimeouts(7)).isEqualTo(first);
        assertThat(initialTimeouts(8)).isNotEqualTo(first);
    }

    private static List<Duration> initialTimeouts(long seed) {
        try (NetworkBench bench = serverDown(seed)) {
            return List.of(bench.post(LabService.CT, Bc260yFacts.CT_RETRANSMISSION).initialTimeout(),
                    bench.post(LabService.CT, Bc260yFacts.CT_RETRANSMISSION).initialTimeout(),
                    bench.post(LabService.CT, Bc260yFacts.CT_RETRANSMISSION).initialTimeout());
        }
    }

    @Test
    void theRfcWindowIsAtMost93Seconds() {
        RetransmissionSchedule rfc = Bc260yFacts.CT_RETRANSMISSION;
        assertThat(rfc.giveUpAfter(Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(93));
        assertThat(rfc.giveUpAfter(Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(62));
        Random random = new Random(3);
        for (int i = 0; i < 1000; i++) {
            assertThat(rfc.initialTimeout(random)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(3));
        }
    }

    @Test
    void withoutARandomFactorNothingIsDrawn() {
        Random random = new Random(5);
        long before = new Random(5).nextLong();
        assertThat(Bc260yFacts.DM_RETRANSMISSION.initialTimeout(random)).isEqualTo(Duration.ofSeconds(2));
        assertThat(random.nextLong()).isEqualTo(before);
    }

    @Test
    void nonsenseSchedulesAreRefused() {
        assertThatThrownBy(() -> new RetransmissionSchedule(Duration.ZERO, 1, 2, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetransmissionSchedule(Duration.ofSeconds(2), 0.5, 2, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetransmissionSchedule(Duration.ofSeconds(2), 1, 0.5, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetransmissionSchedule(Duration.ofSeconds(2), 1, 2, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
