package dev.selfreg.lab.fleet;

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
     * The most modules one run emulates: an idle module is about 17 KB of heap (docs/performance.md, "Fleets"), so
     * 200,000 fit a few GB. A sleeping module holds no file descriptor (its channels are parked in PSM); those awake
     * at once need one each, which {@link Fleet} watches while it runs.
     */
    public static final int MAX_MODULES = 200_000;
    /** The longest run, in days of module time. */
    public static final int MAX_DAYS = 366;

    public FleetPlan {
        if (chinaTelecom < 0 || chinaMobile < 0 || chinaTelecom + chinaMobile == 0
                || (long) chinaTelecom + chinaMobile > MAX_MODULES) {
            throw new IllegalArgumentException("a fleet has 1 to " + MAX_MODULES + " modules, not " + chinaTelecom
                    + " China Telecom and " + chinaMobile + " China Mobile");
        }
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("a fleet runs 1 to " + MAX_DAYS + " days, not " + days);
        }
        if (updatePeriod.toSeconds() < CarrierServers.DM_PERIOD_MIN || updatePeriod.toSeconds() > CarrierServers.DM_PERIOD_MAX) {
            throw new IllegalArgumentException("the CMDMP update period is " + CarrierServers.DM_PERIOD_MIN + " to "
                    + CarrierServers.DM_PERIOD_MAX + " s (AT+QDMPCFG=1), not " + updatePeriod.toSeconds());
        }
    }

    /** The process's file descriptor limit, in words: what bounds the modules awake at once. */
    static String descriptorLimit() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix) {
            return "ulimit -n " + unix.getMaxFileDescriptorCount();
        }
        return "its limit";
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
