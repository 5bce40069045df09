package dev.selfreg.lab.fleet;

import dev.selfreg.lab.scenario.Durations;
import dev.selfreg.lab.scenario.ScenarioException;
import dev.selfreg.module.Bc260yFacts;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a fleet run does to its modules besides letting time pass: a FOTA wave, packet loss and duplication, a
 * platform outage, and the sleep setting of the China Telecom modules, which decides whether they retry (seed
 * 2.1.4). Every draw (which modules the FOTA upgrades, which datagrams are lost or sent twice) comes from
 * {@code seed}, so a run is repeatable.
 *
 * @param fota          the FOTA wave, if any
 * @param loss          the chance that each of a module's datagrams to the platform is lost, 0 to 1
 * @param duplicate     the chance that each of them reaches the platform twice, 0 to 1
 * @param outage        the window of module time in which the platform does not answer, if any
 * @param ctSleepOff    whether the China Telecom modules run with {@code AT+QSCLK=0}, the one setting under which
 *                      a failed registration is retried (3 attempts, 1 h apart, seed 2.1.3); otherwise the module
 *                      sleeps after a failure and tries again at its next boot
 * @param firmware      the firmware the modules start on; empty for the emulator's default
 * @param seed          seeds every draw
 */
public record FleetStorms(Optional<Fota> fota, double loss, double duplicate, Optional<Outage> outage,
                          boolean ctSleepOff, Optional<String> firmware, long seed) {

    /** No storm: the fleet of before. */
    public static final FleetStorms NONE = new FleetStorms(Optional.empty(), 0, 0, Optional.empty(), false,
            Optional.empty(), 1);

    /**
     * A FOTA wave: at module time {@code at}, the share {@code fraction} of the modules (drawn from the seed) get
     * firmware {@code version} and boot it.
     */
    public record Fota(String version, Duration at, double fraction) {
        public Fota {
            if (!version.matches("BC260YCNAAR\\d{2}A\\d{2}")) {
                throw new IllegalArgumentException("--fota: a BC260Y-CN firmware is BC260YCNAAR<2 digits>A<2 digits>"
                        + " (e.g. BC260YCNAAR01A04), not " + version);
            }
            if (!(fraction > 0 && fraction <= 1)) {
                throw new IllegalArgumentException("--fota-fraction is a share of the modules in (0, 1], not "
                        + fraction);
            }
        }
    }

    /** A window of module time, {@code from} (inclusive) to {@code to}, in which the platform does not answer. */
    public record Outage(Duration from, Duration to) {
        public Outage {
            if (from.isNegative() || to.compareTo(from) <= 0) {
                throw new IllegalArgumentException("--outage ends after it starts: " + Durations.format(from) + "-"
                        + Durations.format(to) + " does not");
            }
        }

        /**
         * {@code FROM-TO} in durations of module time, e.g. {@code 2d-2d2h}.
         *
         * @throws IllegalArgumentException with a message that shows how to write one
         */
        public static Outage parse(String text) {
            String[] ends = text.strip().split("-", -1);
            if (ends.length != 2) {
                throw new IllegalArgumentException("--outage is FROM-TO in module time, e.g. 2d-2d2h, not " + text);
            }
            try {
                return new Outage(Durations.parse(ends[0]), Durations.parse(ends[1]));
            } catch (ScenarioException e) {
                throw new IllegalArgumentException("--outage " + text + ": " + e.getMessage());
            }
        }
    }

    public FleetStorms {
        requireChance(loss, "--loss");
        requireChance(duplicate, "--duplicate");
    }

    /** The firmware a FOTA wave upgrades from when no other is given: the seed's FOTA note's (seed 3.2.1 备注). */
    public static final String FOTA_FROM = Bc260yFacts.FOTA_NOTE_FROM_FIRMWARE;

    /**
     * Checks that the storms fall within {@code span} of module time.
     *
     * @throws IllegalArgumentException naming the option that does not fit
     */
    public void requireWithin(Duration span) {
        fota.ifPresent(wave -> {
            if (wave.at().isNegative() || wave.at().compareTo(span) >= 0) {
                throw new IllegalArgumentException("--at " + Durations.format(wave.at()) + " is not within the run's "
                        + Durations.format(span) + " of module time");
            }
        });
        outage.ifPresent(window -> {
            if (window.from().compareTo(span) >= 0) {
                throw new IllegalArgumentException("--outage starts at " + Durations.format(window.from())
                        + ", after the run's " + Durations.format(span) + " of module time");
            }
        });
    }

    /** The storms in one line, e.g. {@code FOTA to BC260YCNAAR01A04 at 2d for 100 % of the modules, loss 5 %}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        firmware.ifPresent(version -> parts.add("modules start on " + version));
        fota.ifPresent(wave -> parts.add(String.format("FOTA to %s at %s for %s %% of the modules", wave.version(),
                Durations.format(wave.at()), percent(wave.fraction()))));
        if (loss > 0) {
            parts.add("loss " + percent(loss) + " %");
        }
        if (duplicate > 0) {
            parts.add("duplication " + percent(duplicate) + " %");
        }
        outage.ifPresent(window -> parts.add("platform outage " + Durations.format(window.from()) + "-"
                + Durations.format(window.to())));
        if (ctSleepOff) {
            parts.add("China Telecom modules with AT+QSCLK=0");
        }
        return parts.isEmpty() ? "" : String.join(", ", parts) + " (seed " + seed + ")";
    }

    private static String percent(double share) {
        return BigDecimal.valueOf(share * 100).stripTrailingZeros().toPlainString();
    }

    private static void requireChance(double value, String option) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(option + " is a probability from 0 to 1, not " + value);
        }
    }
}
