package dev.selfreg.module;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfreg.module.network.LabNetwork;
import dev.selfreg.module.network.ModuleNetwork;
import dev.selfreg.nvram.MemoryNvramStore;
import dev.selfreg.time.VirtualClock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The sleep controller on a scheduler of its own, with only the network attach it asks for its
 * grants and whose registrations it hears, told of the rest of the module's life through its
 * lifecycle events: the network search holds
 * deep sleep off and its end ends the boot time; host data wakes the module and its first byte is
 * lost; a power loss stops the account and drops the wake locks.
 */
class SleepControllerTest {

    private static final Duration IDLE = Bc260yFacts.IDLE_BEFORE_DEEP_SLEEP;
    private static final Duration SEARCH = Duration.ofMinutes(3);

    private final VirtualClock clock = new VirtualClock();
    private final ModuleScheduler scheduler = new ModuleScheduler(clock);
    private final ModuleProfile profile = ModuleProfile.standard();
    private final SavedConfig saved = new SavedConfig(new MemoryNvramStore(), profile);
    private final SleepController sleep = new SleepController(scheduler, saved, profile, new ModuleLifecycle() { });
    private final NetworkAttach attach = new NetworkAttach(scheduler, line -> { }, sleep.lifecycle(),
            new ModuleNetwork(LabNetwork.isolated(), scheduler.poweredClock(), 1, "bench"), saved, profile);

    SleepControllerTest() {
        sleep.requestFrom(attach);
        attach.setConditions(attach.conditions().withAttachTime(SEARCH));
        scheduler.wakeUpWith(sleep::wakeFor);
    }

    /** Powered on and booted, the network search under way; it registers {@link #SEARCH} later. */
    private void bootedAndSearching() {
        scheduler.serialised(() -> {
            scheduler.enter(Power.BOOTING);
            sleep.lifecycle().poweredOn();
            scheduler.enter(Power.ACTIVE);
            sleep.lifecycle().booted();
            attach.lifecycle().booted();
            attach.start(Optional.of(Sim.CHINA_TELECOM));
            sleep.bootCompleted();
        });
    }

    @Test
    void theNetworkSearchHoldsDeepSleepOffAndItsEndEndsTheBootTime() {
        bootedAndSearching();

        clock.advance(SEARCH);
        assertThat(scheduler.power()).isEqualTo(Power.ACTIVE);
        clock.advance(IDLE);

        assertThat(scheduler.power()).isEqualTo(Power.DEEP_SLEEP);
        assertThat(sleep.awakeBreakdown()).containsEntry(AwakeReason.BOOT, SEARCH).containsEntry(AwakeReason.IDLE, IDLE);
    }

    @Test
    void hostDataWakesTheModuleFromDeepSleepLosesItsFirstByteAndCountsForTheHost() {
        bootedAndSearching();
        clock.advance(SEARCH.plus(IDLE));

        int lost = scheduler.serialised(() -> sleep.hostData(5));
        clock.advance(IDLE);

        assertThat(lost).isEqualTo(1);
        assertThat(scheduler.power()).isEqualTo(Power.DEEP_SLEEP);
        assertThat(sleep.awakeBreakdown()).containsEntry(AwakeReason.HOST, IDLE);
    }

    @Test
    void awakeTheHostLosesNothing() {
        bootedAndSearching();

        assertThat(scheduler.serialised(() -> sleep.hostData(5))).isZero();
    }

    @Test
    void aPowerLossStopsTheAccountAndDropsTheWakeLocks() {
        bootedAndSearching();
        clock.advance(SEARCH);
        WakeLock lock = sleep.holdAwake(AwakeReason.COAP);
        clock.advance(IDLE);

        scheduler.serialised(() -> {
            scheduler.enter(Power.OFF);
            sleep.lifecycle().powerLost();
            attach.lifecycle().powerLost();
        });
        clock.advance(IDLE);
        lock.release();

        assertThat(sleep.awake()).isEqualTo(SEARCH.plus(IDLE));
        assertThat(sleep.awakeBreakdown()).containsEntry(AwakeReason.COAP, IDLE);
    }
}
