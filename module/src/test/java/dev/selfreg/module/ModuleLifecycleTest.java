package dev.selfreg.module;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfreg.module.emulator.Bc260yModule;
import dev.selfreg.nvram.MemoryNvramStore;
import dev.selfreg.time.VirtualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The module's lifecycle events as a listener hears them: a boot is powered on, booted, the
 * network search and the attach, in that order; the attach comes once per boot, never after a
 * wake-up or a later registration; a power cut is told once; the agents have acted on an event
 * before an outside listener hears it.
 */
class ModuleLifecycleTest {

    private static final Duration BOOT = Duration.ofSeconds(1);
    private static final Duration ATTACH = Bc260yFacts.ATTACH_TIME;
    private static final Duration HOUR = Duration.ofHours(1);

    private final VirtualClock clock = new VirtualClock();
    private final Bc260yModule module = new Bc260yModule(ModuleProfile.standard().withBootTime(BOOT), clock,
            new MemoryNvramStore());
    private final List<String> heard = new ArrayList<>();

    ModuleLifecycleTest() {
        module.onLifecycle(new ModuleLifecycle() {
            @Override
            public void poweredOn() {
                heard.add("powered on");
            }

            @Override
            public void booted() {
                heard.add("booted");
            }

            @Override
            public void registrationChanged(NetworkRegistration registration) {
                heard.add("registration " + registration);
            }

            @Override
            public void attached() {
                heard.add("attached");
            }

            @Override
            public void powerLost() {
                heard.add("power lost");
            }
        });
    }

    /** Powered on, booted and attached; what was heard so far is forgotten. */
    private void attached() {
        module.powerOn();
        clock.advance(BOOT.plus(ATTACH));
        heard.clear();
    }

    @Test
    void aBootIsPoweredOnThenBootedThenTheNetworkSearchThenTheAttach() {
        module.powerOn();
        assertThat(heard).containsExactly("powered on");

        clock.advance(BOOT);
        assertThat(heard).containsExactly("powered on", "booted", "registration SEARCHING");

        clock.advance(ATTACH);
        assertThat(heard).containsExactly("powered on", "booted", "registration SEARCHING", "registration REGISTERED",
                "attached");
    }

    @Test
    void aLaterRegistrationInTheSameBootIsNoAttach() {
        attached();

        module.attach().setRadio(0);
        module.attach().setRadio(1);
        clock.advance(ATTACH);

        assertThat(heard).containsExactly("registration NOT_REGISTERED", "registration SEARCHING",
                "registration REGISTERED");
    }

    @Test
    void aWakeUpFromDeepSleepIsNeitherABootNorAnAttach() {
        attached();
        clock.advance(HOUR);
        assertThat(module.power()).isEqualTo(Power.DEEP_SLEEP);

        byte[] at = "AT\r".getBytes();
        module.receiveFromHost(at, 0, at.length);

        assertThat(module.power()).isEqualTo(Power.ACTIVE);
        assertThat(heard).isEmpty();
    }

    @Test
    void everyBootAttachesAgain() {
        attached();

        module.powerCycle();
        clock.advance(BOOT.plus(ATTACH));

        assertThat(heard).containsExactly("power lost", "powered on", "booted", "registration SEARCHING",
                "registration REGISTERED", "attached");
    }

    @Test
    void aPowerCutIsToldOnceAndNothingWhileOff() {
        attached();

        module.powerCut();
        module.powerCut();
        clock.advance(HOUR);

        assertThat(heard).containsExactly("power lost");
    }

    @Test
    void theAgentsHaveActedOnTheAttachWhenAnOutsideListenerHearsIt() {
        List<Integer> ctAttemptsAtAttach = new ArrayList<>();
        module.onLifecycle(new ModuleLifecycle() {
            @Override
            public void attached() {
                ctAttemptsAtAttach.add(module.ct().status().attemptsThisBoot());
            }
        });

        module.powerOn();
        clock.advance(BOOT.plus(ATTACH));

        assertThat(ctAttemptsAtAttach).containsExactly(1);
    }
}
