package dev.selfreg.cli;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpSectionRenderer;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The layout of every {@code --help}: picocli lays each section out unwrapped, and this wraps it at
 * {@link #WIDTH} columns at spaces only. picocli's own wrapping follows {@link java.text.BreakIterator},
 * which also breaks after a dot or before a bracket, and so cut values in two
 * ({@code 127.} / {@code 0.0.1}, {@code (default: .} / {@code /selfreg-data)}); an address, a path, a URL
 * or a {@code (default: VALUE} never holds a space, so it always stays on one line.
 */
final class HelpText {

    /** The width of the help text, in columns. */
    static final int WIDTH = 80;
    /** Wide enough that picocli wraps nothing itself. */
    private static final int UNWRAPPED = 1000;
    /** How much further a wrapped line of a table row is indented than the row's text, as picocli does. */
    private static final int ROW_CONTINUATION = 2;
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[;\\d]*m");
    /** A table row: its name (an option, an exit code, a command), a gap of two spaces or more, its text. */
    private static final Pattern ROW = Pattern.compile("^( *\\S.*?)  +(?=\\S)");
    /** Sections laid out as a table of names and texts. */
    private static final Set<String> TABLES = Set.of(UsageMessageSpec.SECTION_KEY_OPTION_LIST,
            UsageMessageSpec.SECTION_KEY_PARAMETER_LIST, UsageMessageSpec.SECTION_KEY_COMMAND_LIST,
            UsageMessageSpec.SECTION_KEY_EXIT_CODE_LIST);

    private HelpText() {
    }

    /** Lays out the help of {@code command} and of all its subcommands this way. */
    static void apply(CommandLine command) {
        apply(command, new HashSet<>());
    }

    private static void apply(CommandLine command, Set<CommandLine> done) {
        if (!done.add(command)) {
            return; // an alias of a command already done
        }
        command.setUsageHelpWidth(UNWRAPPED);
        Map<String, IHelpSectionRenderer> sections = new LinkedHashMap<>(command.getHelpSectionMap());
        sections.replaceAll((key, renderer) -> help -> wrap(key, renderer.render(help), help));
        command.setHelpSectionMap(sections);
        for (CommandLine subcommand : command.getSubcommands().values()) {
            apply(subcommand, done);
        }
    }

    /**
     * One section, its long lines wrapped: a table row's under its text, the synopsis under its first option
     * (its first line follows the {@code Usage: } heading), others flush left.
     */
    private static String wrap(String key, String section, Help help) {
        if (section.isEmpty()) {
            return section;
        }
        int hanging = 0;
        int heading = 0;
        if (TABLES.contains(key)) {
            hanging = textColumn(section) + ROW_CONTINUATION;
        } else if (key.equals(UsageMessageSpec.SECTION_KEY_SYNOPSIS)) {
            heading = help.synopsisHeadingLength();
            hanging = heading + help.commandSpec().qualifiedName().length() + 1;
        }
        String newline = System.lineSeparator();
        StringBuilder wrapped = new StringBuilder();
        String[] lines = section.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                wrapped.append(newline);
            }
            wrapLine(lines[i], i == 0 ? heading : 0, hanging, wrapped, newline);
        }
        return wrapped.toString();
    }

    /** Where the text of a table's rows starts: the rows share it, the first row with a name shows it. */
    private static int textColumn(String section) {
        for (String line : plain(section).split("\\R")) {
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                return row.end();
            }
        }
        return 0;
    }

    /** Wraps one line that starts at column {@code start} (after a heading printed before it). */
    private static void wrapLine(String line, int start, int hanging, StringBuilder out, String newline) {
        String rest = line;
        int offset = start;
        // a table row keeps its name and the first word of its text together
        int firstBreak = Math.max(hanging - ROW_CONTINUATION - start, 0);
        while (offset + columns(rest) > WIDTH) {
            int at = breakAt(rest, firstBreak, WIDTH - offset);
            if (at < 0) {
                break; // one word wider than the line: left whole rather than cut
            }
            out.append(rest, 0, at).append(newline);
            rest = " ".repeat(hanging) + rest.substring(at).stripLeading();
            offset = 0;
            firstBreak = hanging;
        }
        out.append(rest);
    }

    /**
     * The index of the last space at which {@code line} can break within {@code width} columns and past
     * column {@code from}, or, when there is none, the first one past the width; -1 when it has no space at
     * all. The space of {@code (default: VALUE} is not a place to break.
     */
    private static int breakAt(String line, int from, int width) {
        int last = -1;
        int column = 0;
        for (int i = 0; i < line.length(); i++) {
            Matcher escape = ANSI.matcher(line).region(i, line.length());
            if (escape.lookingAt()) {
                i = escape.end() - 1;
                continue;
            }
            if (line.charAt(i) == ' ' && column > from && line.charAt(i - 1) != ' ' && !afterDefault(line, i)) {
                if (column > width) {
                    return last >= 0 ? last : i;
                }
                last = i;
            }
            column++;
        }
        return last;
    }

    private static boolean afterDefault(String line, int space) {
        String before = line.substring(0, space);
        return before.endsWith("(default:") || before.endsWith("(default");
    }

    private static int columns(String line) {
        return plain(line).length();
    }

    private static String plain(String text) {
        return ANSI.matcher(text).replaceAll("");
    }
}
