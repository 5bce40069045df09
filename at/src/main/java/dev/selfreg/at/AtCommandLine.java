package dev.selfreg.at;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A parsed command line: the command name (upper case, e.g. {@code +QDMPCFG}, {@code E},
 * or empty for a bare {@code AT}), its form and its raw parameters.
 */
public record AtCommandLine(String name, AtForm form, List<AtArg> args) {

    /**
     * Parses what follows {@code AT}: one command (a chain separated by {@code ;} is cut by the
     * engine first). Basic commands are one letter, or {@code &} and a letter, with an optional
     * number ({@code E0}, {@code I}, {@code &W0}); extended ones start with {@code +}.
     *
     * @throws AtSyntaxException when the line is not a well-formed command
     */
    public static AtCommandLine parse(String body) {
        String trimmed = body.strip();
        if (trimmed.isEmpty()) {
            return new AtCommandLine("", AtForm.EXECUTE, List.of());
        }
        char first = trimmed.charAt(0);
        if (first == '+') {
            return extended(trimmed);
        }
        if (Character.isLetter(first) || first == '&') {
            return basic(trimmed);
        }
        throw new AtSyntaxException("not a command: " + trimmed);
    }

    /** A letter, or {@code &} and a letter ({@code &W}, V.25ter §5.2.1), then an optional number. */
    private static AtCommandLine basic(String text) {
        int nameLength = text.charAt(0) == '&' ? 2 : 1;
        if (text.length() < nameLength || !Character.isLetter(text.charAt(nameLength - 1))) {
            throw new AtSyntaxException("'&' without a letter");
        }
        String name = text.substring(0, nameLength).toUpperCase(Locale.ROOT);
        String value = text.substring(nameLength).strip();
        if (value.isEmpty()) {
            return new AtCommandLine(name, AtForm.EXECUTE, List.of());
        }
        for (int i = 0; i < value.length(); i++) {
            if (!isDigit(value.charAt(i))) {
                throw new AtSyntaxException("basic command " + name + " takes a number");
            }
        }
        return new AtCommandLine(name, AtForm.SET, List.of(new AtArg(value, false)));
    }

    private static AtCommandLine extended(String text) {
        int end = 1;
        while (end < text.length() && isNameChar(text.charAt(end))) {
            end++;
        }
        if (end == 1) {
            throw new AtSyntaxException("missing command name");
        }
        String name = text.substring(0, end).toUpperCase(Locale.ROOT);
        String rest = text.substring(end).strip();
        if (rest.isEmpty()) {
            return new AtCommandLine(name, AtForm.EXECUTE, List.of());
        }
        if (rest.equals("?")) {
            return new AtCommandLine(name, AtForm.QUERY, List.of());
        }
        if (rest.charAt(0) != '=') {
            throw new AtSyntaxException("expected '=', '?' or end after " + name);
        }
        String params = rest.substring(1).strip();
        if (params.equals("?")) {
            return new AtCommandLine(name, AtForm.TEST, List.of());
        }
        return new AtCommandLine(name, AtForm.SET, splitParameters(params));
    }

    /** Splits at commas outside double quotes; white space around a parameter is dropped. */
    static List<AtArg> splitParameters(String params) {
        List<AtArg> args = new ArrayList<>();
        if (params.isEmpty()) {
            return args;
        }
        int i = 0;
        int n = params.length();
        while (true) {
            while (i < n && params.charAt(i) == ' ') {
                i++;
            }
            AtArg arg;
            if (i < n && params.charAt(i) == '"') {
                int close = params.indexOf('"', i + 1);
                if (close < 0) {
                    throw new AtSyntaxException("unterminated string");
                }
                arg = new AtArg(params.substring(i + 1, close), true);
                i = close + 1;
                while (i < n && params.charAt(i) == ' ') {
                    i++;
                }
                if (i < n && params.charAt(i) != ',') {
                    throw new AtSyntaxException("text after a closing quote");
                }
            } else {
                int comma = params.indexOf(',', i);
                int stop = comma < 0 ? n : comma;
                String raw = params.substring(i, stop).strip();
                if (raw.indexOf('"') >= 0) {
                    throw new AtSyntaxException("stray quote");
                }
                arg = raw.isEmpty() ? AtArg.omitted() : new AtArg(raw, false);
                i = stop;
            }
            args.add(arg);
            if (i >= n) {
                return args;
            }
            i++; // the comma
            if (i >= n) {
                args.add(AtArg.omitted());
                return args;
            }
        }
    }

    private static boolean isNameChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || isDigit(c) || c == '_';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
