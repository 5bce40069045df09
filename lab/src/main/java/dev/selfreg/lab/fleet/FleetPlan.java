package dev.selfreg.lab.fleet;

import dev.selfreg.module.Bc260yFacts;
import dev.selfreg.vocabulary.CarrierServers;
import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * What a fleet run emulates: how many modules with a China Telecom SIM and with a China Mobile SIM, for how many days
 * of module time, the China Mobile ones provisioned with which CMDMP update period.
 *
 * @param chinaTelecom modules with a China Telecom SIM (they report to ZZHC)
 * @param chinaMobile modules with a China Mobile SIM, provisioned for the lab's CMDMP application
 * @param days days of virtual module time after power-on
 * @param updatePeriod the CMDMP update period the China Mobile modules are given
 */
public record FleetPlan(int chinaTelecom, int chinaMobile, int days, Duration updatePeriod) {

    /**
     * The most modules one run emulates: an idle module is about 17 KB of heap and one UDP channel (docs/performance.md,
     * "Fleet scale"), so 200,000 fit a few GB; the process's file descriptors usually bound a run first
     * ({@link #modulesThisProcessHolds()}).
     */
    public static final int MAX_MODULES = 200_000;
    /** Descriptors kept for the platform (its store, its sockets, the class path) besides one per module. */
    static final int DESCRIPTOR_RESERVE = 512;
    /** The longest run, in days of module time. */
    public static final int MAX_DAYS = 366;

    public FleetPlan {
        int most = modulesThisProcessHolds();
        if (chinaTelecom < 0 || chinaMobile < 0 || chinaTelecom + chinaMobile == 0
                || chinaTelecom + chinaMobile > most) {
            throw new IllegalArgumentException("a fleet has 1 to " + most + " modules, not " + chinaTelecom
                    + " China Telecom and " + chinaMobile + " China Mobile" + (most < MAX_MODULES
                    ? " (each module needs a file descriptor for its UDP channel: raise the limit with ulimit -n, up to "
                    + MAX_MODULES + " modules)" : ""));
        }
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("a fleet runs 1 to " + MAX_DAYS + " days, not " + days);
        }
        if (updatePeriod.toSeconds() < CarrierServers.DM_PERIOD_MIN || updatePeriod.toSeconds() > CarrierServers.DM_PERIOD_MAX) {
            throw new IllegalArgumentException("the CMDMP update period is " + CarrierServers.DM_PERIOD_MIN + " to "
                    + CarrierServers.DM_PERIOD_MAX + " s (AT+QDMPCFG=1), not " + updatePeriod.toSeconds());
        }
    }

    /**
     * The most modules this process can run: {@link #MAX_MODULES}, or fewer when its file descriptors (one per
     * module, besides {@link #DESCRIPTOR_RESERVE}) run out first.
     */
    public static int modulesThisProcessHolds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix) {
            long free = unix.getMaxFileDescriptorCount() - unix.getOpenFileDescriptorCount() - DESCRIPTOR_RESERVE;
            return (int) Math.max(0, Math.min(MAX_MODULES, free));
        }
        return MAX_MODULES;
    }

    /** Module time from power-on to the end: the days, and a minute for the boot and the first registrations. */
    public Duration span() {
        return Duration.ofDays(days).plusMinutes(1);
    }

    /** The CMDMP updates each China Mobile module makes within {@link #span()} after registering. */
    public long updatesPerModule() {
        return Duration.ofDays(days).toSeconds() / updatePeriod.toSeconds();
    }
}
