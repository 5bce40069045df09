package dev.selfreg.platform.core;

import dev.selfreg.time.ModuleClock;
import dev.selfreg.time.Quiescence;
import dev.selfreg.time.RealClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Where the platform's time comes from: the instant stamped on every record, the timers of registration expiry, and
 * the account of the work under way that a lab's virtual clock waits for before its time moves on.
 *
 * <p>Standalone ({@link #system()}), records carry the system clock's instants and the timers run on a thread of their
 * own. In a lab ({@link #of}), records carry the lab's module time counted from an epoch, the timers are tasks on the
 * lab's clock (a registration's lifetime of a day passes in a day of module time), and the lab registers
 * {@link #quiescence()} with its virtual clock, so that the platform finishes what a module's message started (the
 * read of object 666, its record) at the instant the module sent it.
 */
public final class PlatformTime implements AutoCloseable {

    /**
     * How long the clock waits for one piece of work at most: longer than any exchange the platform waits for itself
     * (the read of object 666 gives up after 10 s), so only a piece that is never finished (a bug) costs the bound.
     */
    static final Duration WORK_BOUND = Duration.ofSeconds(30);

    private final Clock clock;
    private final ModuleClock timers;
    private final AutoCloseable owned;
    private final Duration queueWait;
    private final WorkInProgress work = new WorkInProgress(WORK_BOUND);

    private PlatformTime(Clock clock, ModuleClock timers, AutoCloseable owned, Duration queueWait) {
        this.clock = clock;
        this.timers = timers;
        this.owned = owned;
        this.queueWait = queueWait;
    }

    /** The system clock, for a platform of its own ({@code selfreg platform}); timers on a thread closed with it. */
    public static PlatformTime system() {
        RealClock timers = new RealClock("platform");
        return new PlatformTime(Clock.systemUTC(), timers, timers, CoapIntake.MAX_WAIT);
    }

    /**
     * A lab's clock: the instant of module time {@code t} is {@code epoch + t}, and the timers run on {@code clock}.
     * Closing it leaves the clock to its owner. A request waits for a protocol thread or the store up to
     * {@link CoapIntake#MAX_WAIT}.
     */
    public static PlatformTime of(ModuleClock clock, Instant epoch) {
        return of(clock, epoch, CoapIntake.MAX_WAIT);
    }

    /**
     * The same, a request waiting up to {@code queueWait} of wall time for a protocol thread or the store before it
     * is shed: a lab whose modules wait that long for an answer, the virtual clock stopped meanwhile, would otherwise
     * see a platform that shares their cores shed what a platform of its own would have answered.
     */
    public static PlatformTime of(ModuleClock clock, Instant epoch, Duration queueWait) {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(epoch, "epoch");
        return new PlatformTime(new ModuleTimeClock(clock, epoch, ZoneOffset.UTC), clock, () -> { }, queueWait);
    }

    /** The longest a request waits in wall time for a protocol thread or for the store and is still handled. */
    public Duration queueWait() {
        return queueWait;
    }

    /** Now, as records are stamped with it. */
    public Instant instant() {
        return clock.instant();
    }

    /** The same time as a {@link Clock}, for code that takes one. */
    public Clock clock() {
        return clock;
    }

    /** Runs {@code task} once, {@code delay} from now on this time's timers. */
    public ModuleClock.Timer schedule(Duration delay, Runnable task) {
        return timers.schedule(delay, task);
    }

    /**
     * Starts a piece of work that a virtual clock must see finished before its time moves on; the caller ends it with
     * {@link Work#done()} however it ends. Begun before whatever could let the clock move (a request sent).
     *
     * @param what names the work in the warning logged should it outlast {@link #WORK_BOUND}
     */
    public Work begin(String what) {
        return work.begin(what);
    }

    /** Waits (bounded) until every piece of work begun is done: for a lab's {@code VirtualClock}, before time moves. */
    public Quiescence quiescence() {
        return work;
    }

    /** Stops this time's own timer thread, if it has one. */
    @Override
    public void close() {
        try {
            owned.close();
        } catch (Exception e) {
            throw new IllegalStateException("the platform's timers did not stop", e);
        }
    }

    /** A piece of work under way. */
    public interface Work {
        /** The work has ended; calling it again does nothing. */
        void done();
    }

    /** Instants of module time from an epoch, as a {@link Clock}. */
    private static final class ModuleTimeClock extends Clock {
        private final ModuleClock clock;
        private final Instant epoch;
        private final ZoneId zone;

        ModuleTimeClock(ModuleClock clock, Instant epoch, ZoneId zone) {
            this.clock = clock;
            this.epoch = epoch;
            this.zone = zone;
        }

        @Override
        public Instant instant() {
            return epoch.plusNanos(clock.nanoTime());
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new ModuleTimeClock(clock, epoch, other);
        }
    }
}
