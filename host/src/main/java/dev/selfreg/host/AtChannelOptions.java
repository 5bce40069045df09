package dev.selfreg.host;

import java.time.Duration;

/**
 * How an {@link AtChannel} waits.
 *
 * @param commandTimeout    how long a command may take to answer unless its request says
 *                          otherwise; the seed gives 300 ms as the maximum response time of
 *                          every self-registration command
 * @param retryAfterSilence when a command gets no answer, send {@code AT} and then the command
 *                          once more: some units lose the first line after deep sleep, since
 *                          that line only wakes them (spec at-commands.md §6)
 */
public record AtChannelOptions(Duration commandTimeout, boolean retryAfterSilence) {

    /** Maximum response time of the self-registration commands (seed, chapter 3). */
    public static final Duration SEED_RESPONSE_TIME = Duration.ofMillis(300);

    public AtChannelOptions {
        if (commandTimeout.isNegative() || commandTimeout.isZero()) {
            throw new IllegalArgumentException("command timeout must be positive: " + commandTimeout);
        }
    }

    /** 300 ms per command, retry once after silence. */
    public static AtChannelOptions defaults() {
        return new AtChannelOptions(SEED_RESPONSE_TIME, true);
    }

    public AtChannelOptions withCommandTimeout(Duration value) {
        return new AtChannelOptions(value, retryAfterSilence);
    }

    public AtChannelOptions withRetryAfterSilence(boolean value) {
        return new AtChannelOptions(commandTimeout, value);
    }
}
