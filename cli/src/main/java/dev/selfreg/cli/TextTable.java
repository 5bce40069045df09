package dev.selfreg.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A table for the terminal: box-drawn with a bold header and coloured cells on a terminal,
 * plain columns separated by two spaces when piped (so scripts can cut them). Which of the two
 * is the caller's choice ({@link HostCommand#styled()}).
 */
final class TextTable {

    /** A cell's colour on a terminal; none when piped. */
    enum Tone { PLAIN, GOOD, BAD }

    private record Cell(String text, Tone tone) {
    }

    private static final String BOLD = "\u001B[1m";
    private static final String RESET = "\u001B[0m";

    private final List<String> header;
    private final List<List<Cell>> rows = new ArrayList<>();

    TextTable(String... header) {
        this.header = List.of(header);
    }

    TextTable row(String... cells) {
        List<Cell> row = new ArrayList<>();
        for (String cell : cells) {
            row.add(new Cell(cell, Tone.PLAIN));
        }
        return add(row);
    }

    /** A row whose last cell has a tone (a check result). */
    TextTable row(Tone lastTone, String... cells) {
        List<Cell> row = new ArrayList<>();
        for (int i = 0; i < cells.length; i++) {
            row.add(new Cell(cells[i], i == cells.length - 1 ? lastTone : Tone.PLAIN));
        }
        return add(row);
    }

    private TextTable add(List<Cell> row) {
        if (row.size() != header.size()) {
            throw new IllegalArgumentException("a row has " + header.size() + " cells, not " + row.size());
        }
        rows.add(row);
        return this;
    }

    String render(boolean styled) {
        int[] widths = new int[header.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = header.get(i).length();
            for (List<Cell> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).text().length());
            }
        }
        return styled ? boxed(widths) : plain(widths);
    }

    private String plain(int[] widths) {
        StringBuilder out = new StringBuilder();
        line(out, header.stream().map(text -> new Cell(text, Tone.PLAIN)).toList(), widths, "", "  ", "", null);
        for (List<Cell> row : rows) {
            line(out, row, widths, "", "  ", "", null);
        }
        return out.toString();
    }

    private String boxed(int[] widths) {
        StringBuilder out = new StringBuilder();
        rule(out, widths, '┌', '┬', '┐');
        line(out, header.stream().map(text -> new Cell(text, Tone.PLAIN)).toList(), widths, "│ ", " │ ", " │", BOLD);
        rule(out, widths, '├', '┼', '┤');
        for (List<Cell> row : rows) {
            line(out, row, widths, "│ ", " │ ", " │", "");
        }
        rule(out, widths, '└', '┴', '┘');
        return out.toString();
    }

    private static void rule(StringBuilder out, int[] widths, char left, char middle, char right) {
        out.append(left);
        for (int i = 0; i < widths.length; i++) {
            out.append("─".repeat(widths[i] + 2)).append(i == widths.length - 1 ? right : middle);
        }
        out.append(System.lineSeparator());
    }

    /**
     * @param style null for plain text; else the escape sequence for every cell (bold for the
     *              header) or empty to colour cells by their tone
     */
    private static void line(StringBuilder out, List<Cell> cells, int[] widths, String left, String between, String right,
                             String style) {
        StringBuilder text = new StringBuilder(left);
        for (int i = 0; i < cells.size(); i++) {
            Cell cell = cells.get(i);
            boolean last = i == cells.size() - 1;
            // Pad before styling: escape codes take no columns.
            String padded = last && right.isEmpty() ? cell.text() : pad(cell.text(), widths[i]);
            text.append(style == null ? padded : paint(padded, style.isEmpty() ? colour(cell.tone()) : style));
            text.append(last ? right : between);
        }
        out.append(text).append(System.lineSeparator());
    }

    private static String colour(Tone tone) {
        return switch (tone) {
            case PLAIN -> "";
            case GOOD -> "\u001B[32m";
            case BAD -> "\u001B[1;31m";
        };
    }

    private static String paint(String text, String escape) {
        return escape.isEmpty() ? text : escape + text + RESET;
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }
}
