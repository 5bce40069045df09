package dev.selfreg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Help;

/**
 * Every command's {@code --help} at the default width: no line is wider, and no line break falls inside a
 * value. The values are found in the same help laid out without wrapping (picocli's own, at a width where
 * nothing wraps): each must appear as often, whole within one line, in the help {@code --help} prints.
 */
class HelpTextTest {

    /** An IPv4 address (and port), a URL, a path, or {@code (default: VALUE} / {@code (default VALUE}. */
    private static final List<Pattern> VALUES = Stream.of(
            "\\b\\d{1,3}(?:\\.\\d{1,3}){3}(?::\\d+)?",
            "\\b[a-z][a-z0-9+.-]*:(?://)?[^\\s()]*[^\\s().,;:]",
            "(?<![\\w/.~])(?:~|\\.{1,2})?/[\\w.~-][\\w./~-]*[\\w~-]",
            "\\(default:? [^\\s,;)]+").map(Pattern::compile).toList();

    static Stream<String> commands() {
        List<String> names = new ArrayList<>();
        names.add("");
        names.addAll(Selfreg.commandLine().getSubcommands().keySet());
        return names.stream();
    }

    @ParameterizedTest(name = "selfreg {0} --help")
    @MethodSource("commands")
    void noLineIsWiderThanTheHelpWidth(String command) {
        for (String line : help(command).split("\\R")) {
            assertThat(line.length()).as("selfreg %s --help line: %s", command, line).isLessThanOrEqualTo(HelpText.WIDTH);
        }
    }

    @ParameterizedTest(name = "selfreg {0} --help")
    @MethodSource("commands")
    void noLineBreakSplitsAValue(String command) {
        String help = help(command);
        Map<String, Integer> values = values(List.of(unwrapped(command)));

        assertThat(values(List.of(help.split("\\R")))).as("values whole on one line of:%n%s", help)
                .containsAllEntriesOf(values);
    }

    @Test
    void theValuesAreAddressesPathsUrlsAndDefaults() {
        assertThat(values(List.of(unwrapped("platform")))).containsKeys("127.0.0.1", "(default: 127.0.0.1",
                "jdbc:postgresql://127.0.0.1/selfreg?user=", "./selfreg-data", "(default: ./selfreg-data", "/metrics");
        assertThat(values(List.of(unwrapped("at")))).containsKeys("~/.selfreg/at_history", "/dev/ttyUSB0", "tcp://HOST:PORT");
    }

    @ParameterizedTest(name = "selfreg {0} --help")
    @MethodSource("commands")
    void wrappingLosesNoWord(String command) {
        assertThat(words(help(command))).isEqualTo(words(unwrapped(command)));
    }

    /** What {@code selfreg COMMAND --help} prints, without colours. */
    private static String help(String command) {
        CommandLine selfreg = Selfreg.commandLine();
        selfreg.setColorScheme(Help.defaultColorScheme(Help.Ansi.OFF));
        StringWriter out = new StringWriter();
        selfreg.setOut(new PrintWriter(out));
        String[] args = command.isEmpty() ? new String[] {"--help"} : new String[] {command, "--help"};
        assertThat(selfreg.execute(args)).isZero();
        return out.toString();
    }

    /** The same help as picocli lays it out where it wraps no line. */
    private static String unwrapped(String command) {
        CommandLine selfreg = new CommandLine(new Selfreg());
        selfreg.setUsageHelpWidth(10_000);
        CommandLine target = command.isEmpty() ? selfreg : selfreg.getSubcommands().get(command);
        return target.getUsageMessage(Help.Ansi.OFF);
    }

    /** Each value found in the lines, with how many times it occurs. */
    private static Map<String, Integer> values(List<String> lines) {
        Map<String, Integer> values = new LinkedHashMap<>();
        for (String line : lines) {
            for (Pattern kind : VALUES) {
                Matcher value = kind.matcher(line);
                while (value.find()) {
                    values.merge(value.group(), 1, Integer::sum);
                }
            }
        }
        return values;
    }

    private static List<String> words(String text) {
        return List.of(text.strip().split("\\s+"));
    }
}
