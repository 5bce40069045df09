package dev.selfreg.module;

import dev.selfreg.time.ModuleClock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The module's real-time clock, which {@code AT+CCLK} reads and sets: a UTC time and a time zone
 * in quarter hours, running on the module clock (at-commands.md, AT+CCLK). Power-on starts it
 * at {@link Bc260yFacts#RTC_AT_POWER_ON} with zone 0; every registration sets it to the network's
 * time and zone (NITZ); {@code AT+CCLK=} sets it; deep sleep keeps it running, a power cut loses it.
 *
 * <p>The network's time is the lab's: on a virtual clock {@link Bc260yFacts#LAB_TIME_AT_VIRTUAL_START}
 * plus the clock's time, so runs are reproducible; on the real clock the computer's time.
 * Called serialised.
 */
public final class Rtc {

    private final ModuleClock clock;
    private final ModuleLifecycle lifecycle = new Lifecycle();
    /** The UTC time this RTC showed at module time zero. */
    private Instant atClockZero = Bc260yFacts.RTC_AT_POWER_ON;
    private int zoneQuarters;

    public Rtc(ModuleClock clock) {
        this.clock = clock;
    }

    /** The time now, in the RTC's zone. */
    public OffsetDateTime now() {
        return atClockZero.plusNanos(clock.nanoTime()).atOffset(offset(zoneQuarters));
    }

    /** The RTC's zone, in quarter hours east of UTC. */
    public int zoneQuarters() {
        return zoneQuarters;
    }

    /** {@code AT+CCLK=}: from now on the RTC runs from {@code local} in that zone. */
    public void set(LocalDateTime local, int zone) {
        setUtc(local.toInstant(offset(zone)), zone);
    }

    public ModuleLifecycle lifecycle() {
        return lifecycle;
    }

    private void setUtc(Instant utc, int zone) {
        atClockZero = utc.minusNanos(clock.nanoTime());
        zoneQuarters = zone;
    }

    private Instant networkTime() {
        return clock.isVirtual() ? Bc260yFacts.LAB_TIME_AT_VIRTUAL_START.plusNanos(clock.nanoTime()) : Instant.now();
    }

    private static ZoneOffset offset(int quarters) {
        return ZoneOffset.ofTotalSeconds(quarters * 15 * 60);
    }

    /** Power-on resets it, a registration brings the network's time. */
    private final class Lifecycle implements ModuleLifecycle {
        @Override
        public void poweredOn() {
            setUtc(Bc260yFacts.RTC_AT_POWER_ON, 0);
        }

        @Override
        public void registrationChanged(NetworkRegistration registration) {
            if (registration == NetworkRegistration.REGISTERED) {
                setUtc(networkTime(), Bc260yFacts.NETWORK_TIME_ZONE);
            }
        }
    }
}
