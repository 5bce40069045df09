package dev.selfreg.cli;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Whether what a document shows a command printing is what it printed. Every line on standard output is
 * shown, in order; the shown lines may also hold some of standard error's (its log lines are left out), in
 * their order. {@code ...} in a shown line stands for text left out; values that differ from run to run
 * (timestamps, a client's port, a run's milliseconds) match any value of their kind.
 */
final class ShownOutput {

    /** The values that differ from run to run, and what each is compared as. */
    private static final List<Volatile> VOLATILE = List.of(
            new Volatile(Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?Z"), "<instant>"),
            new Volatile(Pattern.compile("(\"peer\":\"[^\"]*:)\\d+"), "$1<port>"),
            new Volatile(Pattern.compile("\\bin \\d+ ms\\b"), "in <n> ms"),
            new Volatile(Pattern.compile("^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} "), "<time> "));
    private static final String LEFT_OUT = "...";

    private record Volatile(Pattern value, String as) {
    }

    private ShownOutput() {
    }

    /** What is wrong with the shown lines, or empty when they are what the command printed. */
    static Optional<String> mismatch(List<String> shown, List<String> out, List<String> err) {
        int nextOut = 0;
        int nextErr = 0;
        for (String line : shown) {
            Pattern expected = pattern(line);
            if (nextOut < out.size() && expected.matcher(normal(out.get(nextOut))).matches()) {
                nextOut++;
                continue;
            }
            int found = nextErr;
            while (found < err.size() && !expected.matcher(normal(err.get(found))).matches()) {
                found++;
            }
            if (found == err.size()) {
                return Optional.of("shown but not printed: " + line + (nextOut < out.size()
                        ? System.lineSeparator() + "  (standard output has instead: " + out.get(nextOut) + ")" : ""));
            }
            nextErr = found + 1;
        }
        if (nextOut < out.size()) {
            return Optional.of("printed but not shown: " + out.get(nextOut));
        }
        return Optional.empty();
    }

    private static Pattern pattern(String shown) {
        String[] parts = normal(shown).split(Pattern.quote(LEFT_OUT), -1);
        return Pattern.compile(Stream.of(parts).map(Pattern::quote).collect(Collectors.joining(".*")));
    }

    private static String normal(String line) {
        String normal = line;
        for (Volatile value : VOLATILE) {
            normal = value.value().matcher(normal).replaceAll(value.as());
        }
        return normal;
    }
}
