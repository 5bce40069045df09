package dev.selfreg.lab.scenario;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them in scenario files: {@code 500ms}, {@code 10s}, {@code 1h}, {@code 30d}, {@code 1h30m}. */
public final class Durations {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)");

    private Durations() {
    }

    /** Parses {@code text}; a text that is no duration throws a {@link ScenarioException} saying how to write one. */
    public static Duration parse(String text) {
        String compact = text.replace(" ", "");
        Matcher matcher = PART.matcher(compact);
        Duration total = Duration.ZERO;
        int end = 0;
        while (matcher.find() && matcher.start() == end) {
            double amount = Double.parseDouble(matcher.group(1));
            long nanosPerUnit = switch (matcher.group(2)) {
                case "ms" -> 1_000_000L;
                case "s" -> 1_000_000_000L;
                case "m" -> 60_000_000_000L;
                case "h" -> 3_600_000_000_000L;
                default -> 86_400_000_000_000L;
            };
            total = total.plusNanos(Math.round(amount * nanosPerUnit));
            end = matcher.end();
        }
        if (end == 0 || end != compact.length()) {
            throw new ScenarioException("not a duration: '" + text + "' (write e.g. 500ms, 10s, 5m, 1h, 30d)");
        }
        return total;
    }

    /** The duration as days, hours, minutes and seconds, e.g. {@code 7h31m}; milliseconds when not whole seconds. */
    public static String format(Duration duration) {
        if (duration.getNano() != 0) {
            return duration.toMillis() + "ms";
        }
        long seconds = duration.getSeconds();
        if (seconds == 0) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
        long[] units = {86400, 3600, 60, 1};
        String[] names = {"d", "h", "m", "s"};
        for (int i = 0; i < units.length; i++) {
            if (seconds >= units[i]) {
                out.append(seconds / units[i]).append(names[i]);
                seconds %= units[i];
            }
        }
        return out.toString();
    }
}
