package dev.selfreg.time;

/**
 * Something outside a {@link VirtualClock} that can still make events happen at the current
 * virtual instant: typically a real peer on a real socket whose answer to a datagram sent a
 * moment ago is a few milliseconds of wall time away. {@link VirtualClock#advance} asks every
 * registered quiescence to come to rest before it runs each due timer and before it moves time
 * to its target, so a retransmission or a timeout never fires merely because wall time is
 * slower than virtual time.
 */
@FunctionalInterface
public interface Quiescence {

    /**
     * Blocks until nothing started so far can still arrive, or until a bound of wall time has
     * passed. Whatever arrives schedules its handling on the clock before this returns. Must be
     * bounded: a peer that never answers costs at most the bound.
     */
    void awaitQuiet();
}
