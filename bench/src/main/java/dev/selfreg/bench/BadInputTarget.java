package dev.selfreg.bench;

import java.util.Map;
import net.jqwik.api.Arbitrary;

/** One thing a {@link BadInputCampaign} feeds: its inputs, how one is fed, and the rejections it counts itself. */
interface BadInputTarget extends AutoCloseable {

    /** An answer that must never come (a server error): the input crashed the handler. */
    final class Crash extends Exception {
        Crash(String what) {
            super(what);
        }
    }

    /** No answer came where one is due: the input hung the handler (or it dropped what it must answer). */
    final class NoAnswer extends Exception {
        NoAnswer(String what) {
            super(what);
        }
    }

    String name();

    /** Where the inputs come from, in words, for the report. */
    String seeds();

    Arbitrary<byte[]> inputs();

    /**
     * Feeds one input and returns its answer, as a short label (its result code).
     *
     * @throws Crash    when the answer is a server error
     * @throws NoAnswer when no answer came within the target's own bound
     */
    String feed(byte[] input) throws Exception;

    /** What the target counted as rejected so far, by reason (the project's own counters), or empty. */
    Map<String, Long> rejections();

    /** Whether a good input is still answered as before. */
    boolean serving() throws Exception;

    @Override
    void close();
}
