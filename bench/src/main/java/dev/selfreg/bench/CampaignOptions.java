package dev.selfreg.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A campaign's {@code --name=value} options, each with its default: how many rounds, the seed that draws the random
 * instants and inputs (printed, so a run can be repeated), and the time bound after which it stops.
 */
final class CampaignOptions {

    private final Map<String, String> given = new HashMap<>();

    CampaignOptions(String[] args, int from) {
        for (int i = from; i < args.length; i++) {
            String arg = args[i];
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0) {
                throw new IllegalArgumentException("options are --name=value, not " + arg);
            }
            given.put(arg.substring(2, equals), arg.substring(equals + 1));
        }
    }

    int count(String name, int fallback) {
        return given.containsKey(name) ? Integer.parseInt(given.get(name)) : fallback;
    }

    /** {@code --seed=}, or one drawn from the clock. */
    long seed() {
        return given.containsKey("seed") ? Long.parseLong(given.get("seed")) : System.nanoTime();
    }

    /** {@code --max-minutes=} (or {@code --seconds=} where that reads better), else {@code fallback}. */
    Duration bound(String name, Duration fallback) {
        if (!given.containsKey(name)) {
            return fallback;
        }
        long value = Long.parseLong(given.get(name));
        return name.endsWith("minutes") ? Duration.ofMinutes(value) : Duration.ofSeconds(value);
    }
}
