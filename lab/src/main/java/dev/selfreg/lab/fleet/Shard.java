package dev.selfreg.lab.fleet;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One share of a fleet's modules, so that several fleet processes run one deployment between them: share
 * {@code index} of {@code count} runs module n (numbered as {@link Fleet#imei} numbers them) when n modulo
 * {@code count} is {@code index - 1}. Every module is in exactly one share, and the shares differ in size by one at
 * most, China Telecom and China Mobile modules alike.
 *
 * @param index from 1 to {@code count}
 * @param count how many shares the deployment is split into
 */
public record Shard(int index, int count) {

    /** The whole fleet in one process. */
    public static final Shard ALL = new Shard(1, 1);

    private static final Pattern TEXT = Pattern.compile("(\\d{1,9})/(\\d{1,9})");

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("a shard is i/n with 1 <= i <= n, not " + index + "/" + count);
        }
    }

    /** Reads {@code i/n}, as {@code --shard} takes it. */
    public static Shard parse(String text) {
        Matcher matcher = TEXT.matcher(text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("a shard is i/n (e.g. 1/2), not '" + text + "'");
        }
        return new Shard(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
    }

    /** Whether module {@code n} runs in this share. */
    public boolean includes(int n) {
        return n % count == index - 1;
    }

    /** How many of the modules numbered {@code from} to {@code from + modules - 1} run in this share. */
    public int of(int from, int modules) {
        int in = 0;
        for (int n = from; n < from + modules; n++) {
            if (includes(n)) {
                in++;
            }
        }
        return in;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
