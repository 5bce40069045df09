package dev.selfreg.at;

import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;

/**
 * The shape of one parameter of a set command: its name, what values it takes and whether it
 * may be omitted. Binding checks the raw text against the shape, so a handler only ever sees
 * valid values.
 */
public abstract sealed class Param permits Param.IntParam, Param.StringParam {

    /** Whether a string parameter must be in double quotes. */
    public enum Quoting {
        /** {@code "..."} only; a bare word is an error. */
        REQUIRED,
        /** Quoted or bare. */
        OPTIONAL
    }

    private final String name;
    private final boolean optional;

    private Param(String name, boolean optional) {
        this.name = name;
        this.optional = optional;
    }

    /** A decimal integer, unquoted, within {@code [min, max]}. */
    public static IntParam integer(String name, long min, long max) {
        return new IntParam(name, false, min, max);
    }

    /** A string of {@code minBytes} to {@code maxBytes} UTF-8 bytes. */
    public static StringParam string(String name, int minBytes, int maxBytes, Quoting quoting) {
        return new StringParam(name, false, minBytes, maxBytes, quoting, value -> true, "");
    }

    public String name() {
        return name;
    }

    public boolean isOptional() {
        return optional;
    }

    /** The same shape, but the host may leave it out (it then keeps its previous value). */
    public abstract Param optional();

    abstract Object bind(AtArg arg);

    /** How the test form shows the values this parameter takes, e.g. {@code (0-2)} or {@code <serverIP>}. */
    abstract String testForm();

    /**
     * The integers {@code from} to {@code to} as a test form lists them: one value alone, two
     * side by side, more as a range ({@code 1}, {@code 0,1}, {@code 0-2}).
     */
    static String run(long from, long to) {
        if (from == to) {
            return Long.toString(from);
        }
        return from + (to == from + 1 ? "," : "-") + to;
    }

    /** An integer parameter. */
    public static final class IntParam extends Param {
        private final long min;
        private final long max;

        private IntParam(String name, boolean optional, long min, long max) {
            super(name, optional);
            this.min = min;
            this.max = max;
        }

        @Override
        public IntParam optional() {
            return new IntParam(name(), true, min, max);
        }

        @Override
        String testForm() {
            return "(" + run(min, max) + ")";
        }

        @Override
        Long bind(AtArg arg) {
            String text = arg.text();
            if (arg.quoted() || text.isEmpty() || text.length() > 19) {
                throw AtException.incorrectParameters(name() + " is not a number");
            }
            long value = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < '0' || c > '9') {
                    throw AtException.incorrectParameters(name() + " is not a number");
                }
                value = value * 10 + (c - '0');
            }
            if (value < min || value > max) {
                throw AtException.incorrectParameters(name() + " out of range " + min + "-" + max);
            }
            return value;
        }
    }

    /** A string parameter. */
    public static final class StringParam extends Param {
        private final int minBytes;
        private final int maxBytes;
        private final Quoting quoting;
        private final Predicate<String> rule;
        private final String ruleName;

        private StringParam(String name, boolean optional, int minBytes, int maxBytes, Quoting quoting,
                            Predicate<String> rule, String ruleName) {
            super(name, optional);
            this.minBytes = minBytes;
            this.maxBytes = maxBytes;
            this.quoting = quoting;
            this.rule = rule;
            this.ruleName = ruleName;
        }

        @Override
        public StringParam optional() {
            return new StringParam(name(), true, minBytes, maxBytes, quoting, rule, ruleName);
        }

        /** The same shape, with an extra rule on the value ({@code ruleName} says it in logs). */
        public StringParam matching(Predicate<String> extra, String extraName) {
            return new StringParam(name(), isOptional(), minBytes, maxBytes, quoting, rule.and(extra), extraName);
        }

        /** Its name: the seed shows a string parameter as {@code <name>}, whatever its length or quoting. */
        @Override
        String testForm() {
            return "<" + name() + ">";
        }

        @Override
        String bind(AtArg arg) {
            if (quoting == Quoting.REQUIRED && !arg.quoted()) {
                throw AtException.incorrectParameters(name() + " must be quoted");
            }
            String value = arg.text();
            if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                // a stored control character would come back inside a response line and break its framing
                throw AtException.incorrectParameters(name() + " contains a control character");
            }
            int bytes = value.getBytes(StandardCharsets.UTF_8).length;
            if (bytes < minBytes || bytes > maxBytes) {
                throw AtException.incorrectParameters(name() + " length " + bytes + " outside " + minBytes + "-" + maxBytes);
            }
            if (!rule.test(value)) {
                throw AtException.incorrectParameters(name() + " is not " + ruleName);
            }
            return value;
        }
    }
}
