package dev.selfreg.lab.fleet;

import dev.selfreg.module.AwakeReason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The battery a fleet's modules spent, as their awake-time accounts tell it (self-registration.md §1): per reason
 * and in all, each summed over the modules and spread over them (median, p95, max per module), and the share that
 * self-registration added.
 *
 * <p>Interpretation: in a fleet the only CoAP exchanges, DNS lookups and RTC timers are the self-registrations' (the
 * China Telecom report, the CMDMP Register and Updates with the platform's reads, the CMDMP update timer), so their
 * reasons ({@code coap}, {@code dns}, {@code timer}) are what self-registration added; boot, idle, TAU and the rest
 * a module spends without it.
 *
 * @param modules      how many modules the account covers
 * @param reasons      per reason label, then {@code all}, then {@code self-registration}: the spread in seconds
 * @param selfRegistrationShare self-registration's part of all the awake time, 0 to 1
 */
public record BatteryCost(int modules, Map<String, Spread> reasons, double selfRegistrationShare) {

    /** The reasons self-registration adds (see the Interpretation above). */
    static final Set<AwakeReason> SELF_REGISTRATION = EnumSet.of(AwakeReason.COAP, AwakeReason.DNS, AwakeReason.TIMER);
    static final String ALL = "all";
    static final String SELF = "self-registration";

    /**
     * Seconds of awake time: summed over the modules, and per module the median, the 95th percentile and the most
     * (nearest rank).
     */
    public record Spread(double total, double median, double p95, double max) {
        static Spread of(double[] perModule) {
            double[] sorted = perModule.clone();
            Arrays.sort(sorted);
            return new Spread(Arrays.stream(sorted).sum(), rank(sorted, 0.5), rank(sorted, 0.95),
                    sorted.length == 0 ? 0 : sorted[sorted.length - 1]);
        }

        private static double rank(double[] sorted, double share) {
            return sorted.length == 0 ? 0 : sorted[Math.max(0, (int) Math.ceil(share * sorted.length) - 1)];
        }
    }

    /** The cost of the modules whose breakdowns are {@code accounts}, one per module. */
    static BatteryCost of(List<Map<AwakeReason, Duration>> accounts) {
        Map<String, Spread> reasons = new LinkedHashMap<>();
        int n = accounts.size();
        double[] all = new double[n];
        double[] self = new double[n];
        for (AwakeReason reason : AwakeReason.values()) {
            double[] seconds = new double[n];
            for (int i = 0; i < n; i++) {
                seconds[i] = accounts.get(i).getOrDefault(reason, Duration.ZERO).toNanos() / 1e9;
                all[i] += seconds[i];
                if (SELF_REGISTRATION.contains(reason)) {
                    self[i] += seconds[i];
                }
            }
            reasons.put(reason.label(), Spread.of(seconds));
        }
        Spread everything = Spread.of(all);
        Spread added = Spread.of(self);
        reasons.put(ALL, everything);
        reasons.put(SELF, added);
        return new BatteryCost(n, reasons, everything.total() == 0 ? 0 : added.total() / everything.total());
    }

    /** Awake seconds of each module, in the order of the accounts. */
    static double[] perModule(List<Map<AwakeReason, Duration>> accounts) {
        return accounts.stream().mapToDouble(account -> account.values().stream().mapToLong(Duration::toNanos).sum() / 1e9)
                .toArray();
    }

    /** The account as a text table, seconds of module time, headed {@code title}. */
    String table(String title) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%s: awake time of %,d modules, seconds of module time", title, modules));
        lines.add(String.format("  %-18s %14s %10s %10s %10s", "reason", "total", "median", "p95", "max"));
        reasons.forEach((reason, spread) -> {
            if (spread.total() > 0 || reason.equals(ALL) || reason.equals(SELF)) {
                lines.add(String.format("  %-18s %,14.1f %,10.1f %,10.1f %,10.1f", reason, spread.total(),
                        spread.median(), spread.p95(), spread.max()));
            }
        });
        lines.add(String.format("  self-registration (coap, dns, timer) is %.1f %% of the awake time",
                100 * selfRegistrationShare));
        return String.join("\n", lines) + "\n";
    }
}
