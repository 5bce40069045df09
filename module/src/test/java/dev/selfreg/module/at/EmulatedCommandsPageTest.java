package dev.selfreg.module.at;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selfreg.at.AtCommand;
import dev.selfreg.at.AtCommandSet;
import dev.selfreg.at.AtEngine;
import dev.selfreg.module.AtDialect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * docs/at-commands-emulated.md lists every command the module answers, per dialect: a command
 * registered in {@link Bc260yCommands#all(AtDialect)} (or answered by the engine itself) without
 * a row there, or a row whose dialect cell says otherwise than the module does, fails here.
 */
class EmulatedCommandsPageTest {

    private static final Path PAGE = Path.of("..", "docs", "at-commands-emulated.md");
    private static final List<String> COMMAND_HEADER = List.of("command", "forms", "bc260y-cn", "bc26-compat", "source");
    private static final List<String> NOT_EMULATED_HEADER = List.of("command", "what a real module does", "source");
    private static final Pattern COMMAND = Pattern.compile("`(AT[^`]*)`");

    /** A row of a command table: the name as registered (after {@code AT}), the cells by column. */
    private record Row(String name, List<String> cells) {
        String cell(String column) {
            return cells.get(COMMAND_HEADER.indexOf(column));
        }
    }

    private static Set<String> registered(AtDialect dialect) {
        AtCommandSet<AtContext> commands = Bc260yCommands.all(dialect);
        Set<String> names = new TreeSet<>(new AtEngine<>(commands, null, bytes -> { }).builtInNames());
        commands.all().stream().map(AtCommand::name).map(EmulatedCommandsPageTest::upper).forEach(names::add);
        return names;
    }

    @ParameterizedTest
    @EnumSource(AtDialect.class)
    void everyCommandTheModuleAnswersHasARowSayingYes(AtDialect dialect) throws IOException {
        Set<String> yes = commandRows().stream().filter(row -> row.cell(dialect.label()).startsWith("yes"))
                .map(Row::name).collect(Collectors.toCollection(TreeSet::new));

        assertThat(yes).as("rows saying yes for %s", dialect.label()).containsExactlyInAnyOrderElementsOf(registered(dialect));
    }

    @Test
    void everyDialectCellSaysYesOrError() throws IOException {
        for (Row row : commandRows()) {
            for (AtDialect dialect : AtDialect.values()) {
                assertThat(row.cell(dialect.label())).as("AT%s for %s", row.name(), dialect.label())
                        .matches("(yes|ERROR)\\b.*");
            }
            assertThat(row.cell("source")).as("source of AT%s", row.name()).isNotBlank();
        }
    }

    @Test
    void aCommandHasOneRow() throws IOException {
        List<String> names = commandRows().stream().map(Row::name).toList();

        assertThat(names).doesNotHaveDuplicates();
    }

    @Test
    void aCommandListedAsNotEmulatedIsAnsweredInNoDialect() throws IOException {
        List<String> notEmulated = new ArrayList<>();
        for (List<String> row : rows(NOT_EMULATED_HEADER)) {
            Matcher command = COMMAND.matcher(row.get(0));
            while (command.find()) {
                notEmulated.add(name(command.group(1)));
            }
        }

        assertThat(notEmulated).isNotEmpty();
        for (AtDialect dialect : AtDialect.values()) {
            assertThat(registered(dialect)).as("commands of %s", dialect.label()).doesNotContainAnyElementsOf(notEmulated);
        }
    }

    // ---- the page ------------------------------------------------------------------------

    private static List<Row> commandRows() throws IOException {
        List<Row> rows = new ArrayList<>();
        for (List<String> cells : rows(COMMAND_HEADER)) {
            Matcher command = COMMAND.matcher(cells.get(0));
            assertThat(command.matches()).as("first cell of %s is one command in backquotes", cells).isTrue();
            rows.add(new Row(name(command.group(1)), cells));
        }
        assertThat(rows).as("command rows on %s", PAGE).isNotEmpty();
        return rows;
    }

    /** The body rows of every table on the page whose header is {@code header}. */
    private static List<List<String>> rows(List<String> header) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : Files.readAllLines(PAGE)) {
            if (!line.startsWith("|")) {
                inTable = false;
                continue;
            }
            List<String> cells = cells(line);
            if (cells.stream().allMatch(cell -> cell.matches("-+"))) {
                continue;
            }
            if (cells.stream().map(cell -> cell.toLowerCase(Locale.ROOT)).toList().equals(header)) {
                inTable = true;
            } else if (inTable) {
                assertThat(cells).as("cells of %s", line).hasSize(header.size());
                rows.add(cells);
            }
        }
        return rows;
    }

    private static List<String> cells(String line) {
        String inner = line.strip().substring(1, line.strip().length() - 1);
        return Arrays.stream(inner.split("\\|", -1)).map(String::strip).toList();
    }

    /** {@code AT+CGSN} is {@code +CGSN}, {@code ATI} {@code I}, {@code AT} the empty name. */
    private static String name(String command) {
        return upper(command.substring(2));
    }

    private static String upper(String name) {
        return name.toUpperCase(Locale.ROOT);
    }
}
