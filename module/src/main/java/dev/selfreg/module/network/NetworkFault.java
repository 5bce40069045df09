package dev.selfreg.module.network;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One fault injected into the module's network for one lab service (interfaces.md,
 * {@code POST /module/faults}). Faults act between the module and its real socket, so the
 * module's side knows at once what became of a request:
 * <ul>
 *   <li>{@code drop}: requests are lost: the first {@code count}, or each with {@code probability}
 *       (drawn from a seeded random, so a run is reproducible), or all;</li>
 *   <li>{@code error}: an error answer in place of the platform's (CT: a reply whose
 *       {@code resultCode} is not {@code "0"}; DM: 5.00); the request never reaches the platform;</li>
 *   <li>{@code malformed}: a 2.05 answer whose payload is garbage, in place of the platform's;</li>
 *   <li>{@code delay}: every answer reaches the module {@code seconds} of module time late;</li>
 *   <li>{@code dns-fail}: names of the service do not resolve;</li>
 *   <li>{@code dns-delay}: looking up a name of the service takes {@code seconds} more
 *       (an extension of interfaces.md, for the slow DNS of self-registration.md §5);</li>
 *   <li>{@code duplicate}: requests reach the platform twice, the same datagram sent again at once: each with
 *       {@code probability} (seeded, as for {@code drop}), or all (an extension of interfaces.md, for the
 *       duplicated datagrams of a fleet's storms).</li>
 * </ul>
 *
 * @param service     the lab service whose traffic is affected
 * @param mode        what happens to it
 * @param count       {@code drop} only: how many requests to lose
 * @param probability {@code drop} and {@code duplicate} only: the chance to lose (or send twice) each request, in
 *                    (0, 1]
 * @param duration    {@code delay} and {@code dns-delay} only: how late
 */
public record NetworkFault(LabService service, Mode mode, OptionalInt count, OptionalDouble probability,
                           Optional<Duration> duration) {

    /** The kinds of fault, by their control API names. */
    public enum Mode {
        DROP, ERROR, MALFORMED, DELAY, DNS_FAIL, DNS_DELAY, DUPLICATE;

        /** The control API name: {@code drop}, {@code dns-fail}, ... */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** The mode of a control API name. */
        public static Optional<Mode> ofLabel(String label) {
            for (Mode mode : values()) {
                if (mode.label().equals(label)) {
                    return Optional.of(mode);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * Checks that the parameters fit the mode.
     *
     * @throws IllegalArgumentException with a message fit for the person who asked for the fault
     */
    public NetworkFault {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(count, "count");
        Objects.requireNonNull(probability, "probability");
        Objects.requireNonNull(duration, "duration");
        if (mode != Mode.DROP && count.isPresent()) {
            throw new IllegalArgumentException("count applies to drop only, not " + mode.label());
        }
        if (mode != Mode.DROP && mode != Mode.DUPLICATE && probability.isPresent()) {
            throw new IllegalArgumentException("probability applies to drop and duplicate only, not " + mode.label());
        }
        boolean delays = mode == Mode.DELAY || mode == Mode.DNS_DELAY;
        if (delays != duration.isPresent()) {
            throw new IllegalArgumentException(delays ? mode.label() + " needs seconds"
                    : "seconds apply to delay and dns-delay only, not " + mode.label());
        }
        if (count.isPresent() && probability.isPresent()) {
            throw new IllegalArgumentException("drop takes count or probability, not both");
        }
        if (count.isPresent() && count.getAsInt() < 1) {
            throw new IllegalArgumentException("count must be at least 1");
        }
        if (probability.isPresent() && !(probability.getAsDouble() > 0 && probability.getAsDouble() <= 1)) {
            throw new IllegalArgumentException("probability must be in (0, 1]");
        }
        if (duration.isPresent() && duration.get().isNegative()) {
            throw new IllegalArgumentException("seconds must not be negative");
        }
    }

    /** Loses the first {@code count} requests. */
    public static NetworkFault dropFirst(LabService service, int count) {
        return new NetworkFault(service, Mode.DROP, OptionalInt.of(count), OptionalDouble.empty(), Optional.empty());
    }

    /** Loses each request with {@code probability}. */
    public static NetworkFault dropWithProbability(LabService service, double probability) {
        return new NetworkFault(service, Mode.DROP, OptionalInt.empty(), OptionalDouble.of(probability), Optional.empty());
    }

    /** Loses every request: the platform is down. */
    public static NetworkFault dropAll(LabService service) {
        return new NetworkFault(service, Mode.DROP, OptionalInt.empty(), OptionalDouble.empty(), Optional.empty());
    }

    /** Sends each request twice with {@code probability}: the platform gets the same datagram again. */
    public static NetworkFault duplicateWithProbability(LabService service, double probability) {
        return new NetworkFault(service, Mode.DUPLICATE, OptionalInt.empty(), OptionalDouble.of(probability),
                Optional.empty());
    }

    /** Answers with an error instead of the platform. */
    public static NetworkFault error(LabService service) {
        return simple(service, Mode.ERROR);
    }

    /** Answers garbage instead of the platform. */
    public static NetworkFault malformed(LabService service) {
        return simple(service, Mode.MALFORMED);
    }

    /** Delivers every answer {@code by} late. */
    public static NetworkFault delay(LabService service, Duration by) {
        return new NetworkFault(service, Mode.DELAY, OptionalInt.empty(), OptionalDouble.empty(), Optional.of(by));
    }

    /** Fails every name lookup of the service. */
    public static NetworkFault dnsFail(LabService service) {
        return simple(service, Mode.DNS_FAIL);
    }

    /** Slows every name lookup of the service by {@code by}. */
    public static NetworkFault dnsDelay(LabService service, Duration by) {
        return new NetworkFault(service, Mode.DNS_DELAY, OptionalInt.empty(), OptionalDouble.empty(), Optional.of(by));
    }

    private static NetworkFault simple(LabService service, Mode mode) {
        return new NetworkFault(service, mode, OptionalInt.empty(), OptionalDouble.empty(), Optional.empty());
    }
}
