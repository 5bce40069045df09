package dev.selfreg.module;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfreg.module.network.LabService;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The awake-time account by reason (self-registration.md §1): boot, host traffic, pending work
 * held by wake locks, idle time; the reasons always add up to the awake time. On the bench's
 * isolated network the China Telecom attempt at attach fails at once, in zero module time.
 */
class AwakeAccountTest {

    private static final Duration ATTACH = Bc260yFacts.ATTACH_TIME;
    private static final Duration IDLE = Bc260yFacts.IDLE_BEFORE_DEEP_SLEEP;

    private static Duration sum(Map<AwakeReason, Duration> breakdown) {
        return breakdown.values().stream().reduce(Duration.ZERO, Duration::plus);
    }

    @Test
    void bootAndIdleTimeBeforeDeepSleepAreAccountedApart() {
        TestBench bench = new TestBench();

        bench.advance(Duration.ofHours(1));

        assertThat(bench.module.awakeBreakdown()).containsEntry(AwakeReason.BOOT, ATTACH).containsEntry(AwakeReason.IDLE, IDLE);
        assertThat(sum(bench.module.awakeBreakdown())).isEqualTo(bench.module.awake()).isEqualTo(ATTACH.plus(IDLE));
    }

    @Test
    void hostTrafficCountsAsHostTimeUntilTheModuleSleeps() {
        TestBench bench = new TestBench();
        bench.advance(ATTACH.plusSeconds(5));
        bench.at("AT");

        bench.advance(Duration.ofHours(1));

        Map<AwakeReason, Duration> breakdown = bench.module.awakeBreakdown();
        assertThat(breakdown).containsEntry(AwakeReason.BOOT, ATTACH).containsEntry(AwakeReason.IDLE, Duration.ofSeconds(5))
                .containsEntry(AwakeReason.HOST, IDLE);
        assertThat(sum(breakdown)).isEqualTo(bench.module.awake());
    }

    @Test
    void aWakeLockKeepsTheModuleOutOfDeepSleepAndTheIdleTimeCountsFromItsRelease() {
        TestBench bench = new TestBench();
        bench.advance(ATTACH);

        WakeLock lock = bench.module.sleep().holdAwake(AwakeReason.COAP);
        bench.advance(Duration.ofMinutes(10));
        assertThat(bench.module.power()).isEqualTo(Power.ACTIVE);
        lock.release();
        bench.advance(IDLE.minusMillis(1));
        assertThat(bench.module.power()).isEqualTo(Power.ACTIVE);
        bench.advance(Duration.ofMillis(1));

        assertThat(bench.module.power()).isEqualTo(Power.DEEP_SLEEP);
        assertThat(bench.module.awakeBreakdown()).containsEntry(AwakeReason.COAP, Duration.ofMinutes(10));
        assertThat(bench.module.awake()).isEqualTo(ATTACH.plus(Duration.ofMinutes(10)).plus(IDLE));
    }

    @Test
    void theLatestWakeLockNamesTheReasonAndReleasingTwiceDoesNothing() {
        TestBench bench = new TestBench();
        bench.advance(ATTACH);

        WakeLock dns = bench.module.sleep().holdAwake(AwakeReason.DNS);
        bench.advance(Duration.ofSeconds(3));
        WakeLock coap = bench.module.sleep().holdAwake(AwakeReason.COAP);
        bench.advance(Duration.ofSeconds(4));
        dns.release();
        dns.release();
        bench.advance(Duration.ofSeconds(5));
        coap.release();
        bench.advance(Duration.ofHours(1));

        assertThat(bench.module.awakeBreakdown()).containsEntry(AwakeReason.DNS, Duration.ofSeconds(3))
                .containsEntry(AwakeReason.COAP, Duration.ofSeconds(9));
        assertThat(bench.module.power()).isEqualTo(Power.DEEP_SLEEP);
    }

    @Test
    void aPowerCutDropsTheWakeLocks() {
        TestBench bench = new TestBench();
        bench.advance(ATTACH);
        WakeLock lock = bench.module.sleep().holdAwake(AwakeReason.COAP);

        bench.module.powerCycle();
        bench.advance(Duration.ofHours(1));
        lock.release();

        assertThat(bench.module.power()).isEqualTo(Power.DEEP_SLEEP);
    }

    @Test
    void theRunningDmServerIsRoutedToTheLabFromTheNextBoot() {
        TestBench bench = new TestBench();
        bench.given("AT+QDMPCFG=1,\"dm.example.org\",5683,600");
        assertThat(bench.module.network().route("dm.example.org")).isEmpty();

        bench.reboot();

        assertThat(bench.module.network().route("dm.example.org")).contains(LabService.DM);
    }
}
