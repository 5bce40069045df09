package dev.selfreg.module;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfreg.nvram.MemoryNvramStore;
import dev.selfreg.time.VirtualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The sleep controller on a scheduler of its own, told of the module's life only through its
 * lifecycle events: the network search holds deep sleep off and its end ends the boot time;
 * host data wakes the module; a power loss stops the account and drops the wake locks.
 */
class SleepControllerTest {

    private static final Duration IDLE = Bc260yFacts.IDLE_BEFORE_DEEP_SLEEP;
    private static final Duration SEARCH = Duration.ofMinutes(3);

    private final VirtualClock clock = new VirtualClock();
    private final ModuleScheduler scheduler = new ModuleScheduler(clock);
    private final ModuleProfile profile = ModuleProfile.standard();
    private final SleepController sleep = new SleepController(scheduler, new SavedConfig(new MemoryNvramStore(), profile),
            profile);
    private final ModuleLifecycle told = sleep.lifecycle();

    /** Powered on and booted, the network search under way. */
    private void bootedAndSearching() {
        scheduler.serialised(() -> {
            scheduler.enter(Power.BOOTING);
            told.poweredOn();
            scheduler.enter(Power.ACTIVE);
            told.registrationChanged(NetworkRegistration.SEARCHING);
            sleep.bootCompleted();
        });
    }

    private void registered() {
        scheduler.serialised(() -> told.registrationChanged(NetworkRegistration.REGISTERED));
    }

    @Test
    void theNetworkSearchHoldsDeepSleepOffAndItsEndEndsTheBootTime() {
        bootedAndSearching();

        clock.advance(SEARCH);
        assertThat(scheduler.power()).isEqualTo(Power.ACTIVE);
        registered();
        clock.advance(IDLE);

        assertThat(scheduler.power()).isEqualTo(Power.DEEP_SLEEP);
        assertThat(sleep.awakeBreakdown()).containsEntry(AwakeReason.BOOT, SEARCH).containsEntry(AwakeReason.IDLE, IDLE);
    }

    @Test
    void hostDataWakesTheModuleFromDeepSleepAndCountsForTheHost() {
        bootedAndSearching();
        registered();
        clock.advance(IDLE);

        boolean woke = scheduler.serialised(() -> {
            boolean wakeUp = sleep.hostData();
            sleep.restartIdleTimer();
            return wakeUp;
        });
        clock.advance(IDLE);

        assertThat(woke).isTrue();
        assertThat(scheduler.power()).isEqualTo(Power.DEEP_SLEEP);
        assertThat(sleep.awakeBreakdown()).containsEntry(AwakeReason.HOST, IDLE);
    }

    @Test
    void aPowerLossStopsTheAccountAndDropsTheWakeLocks() {
        bootedAndSearching();
        registered();
        WakeLock lock = sleep.holdAwake(AwakeReason.COAP);
        clock.advance(IDLE);

        scheduler.serialised(() -> {
            scheduler.enter(Power.OFF);
            told.powerLost();
        });
        clock.advance(IDLE);
        lock.release();

        assertThat(sleep.awake()).isEqualTo(IDLE);
        assertThat(sleep.awakeBreakdown()).containsEntry(AwakeReason.COAP, IDLE);
    }
}
