package dev.selfreg.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The shell sessions of a Markdown document, as a reader would paste them: every {@code ```console} block,
 * in order. In a block, {@code $ } starts a command (a line ending in {@code \} goes on to the next) and the
 * lines up to the next command are what it prints. A comment on the line before a block says how to run it:
 * {@code <!-- tour: background -->} (a server: it runs on while the next blocks run, and what the block shows
 * is what it prints when ready) or {@code <!-- tour: not run: REASON -->}.
 */
record ShellSession(List<Step> steps, List<String> notRun) {

    private static final String FENCE = "```";
    private static final String CONSOLE = FENCE + "console";
    private static final String PROMPT = "$ ";
    private static final String BACKGROUND = "<!-- tour: background -->";
    private static final Pattern NOT_RUN = Pattern.compile("<!-- tour: not run: (.+) -->");

    /** One command, what the document shows it printing, and where it is. */
    record Step(String command, List<String> shown, boolean background, int line) {
        @Override
        public String toString() {
            return "line " + line + ": $ " + command;
        }
    }

    static ShellSession of(Path document) throws IOException {
        List<String> lines = Files.readAllLines(document);
        List<Step> steps = new ArrayList<>();
        List<String> notRun = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).equals(CONSOLE)) {
                continue;
            }
            String before = previousText(lines, i).orElse("");
            int end = i + 1;
            while (end < lines.size() && !lines.get(end).equals(FENCE)) {
                end++;
            }
            var reason = NOT_RUN.matcher(before);
            if (reason.matches()) {
                notRun.add("line " + (i + 1) + ": " + reason.group(1));
            } else {
                List<Step> block = steps(lines, i + 1, end, before.equals(BACKGROUND));
                if (before.equals(BACKGROUND) && block.size() != 1) {
                    throw new IllegalArgumentException(document + " line " + (i + 1) + ": a background block holds one command");
                }
                steps.addAll(block);
            }
            i = end;
        }
        return new ShellSession(steps, notRun);
    }

    /** Lines of a document's fenced blocks that are shell sessions ({@code $ } lines), with the fence's tag. */
    static List<String> sessionFences(Path document) throws IOException {
        List<String> lines = Files.readAllLines(document);
        List<String> fences = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).startsWith(FENCE)) {
                continue;
            }
            int start = i;
            boolean session = false;
            for (i++; i < lines.size() && !lines.get(i).equals(FENCE); i++) {
                session |= lines.get(i).startsWith(PROMPT);
            }
            if (session) {
                fences.add("line " + (start + 1) + ": " + lines.get(start));
            }
        }
        return fences;
    }

    private static List<Step> steps(List<String> lines, int from, int to, boolean background) {
        List<Step> steps = new ArrayList<>();
        for (int i = from; i < to; i++) {
            String line = lines.get(i);
            if (!line.startsWith(PROMPT)) {
                if (steps.isEmpty()) {
                    throw new IllegalArgumentException("line " + (i + 1) + ": output before the first command: " + line);
                }
                steps.get(steps.size() - 1).shown().add(line);
                continue;
            }
            int first = i;
            StringBuilder command = new StringBuilder(line.substring(PROMPT.length()));
            while (command.toString().endsWith("\\") && i + 1 < to) {
                command.append('\n').append(lines.get(++i));
            }
            steps.add(new Step(command.toString(), new ArrayList<>(), background, first + 1));
        }
        return steps;
    }

    private static Optional<String> previousText(List<String> lines, int index) {
        for (int i = index - 1; i >= 0; i--) {
            if (!lines.get(i).isBlank()) {
                return Optional.of(lines.get(i).strip());
            }
        }
        return Optional.empty();
    }
}
