package dev.selfreg.module;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which AT command set the emulated module answers (docs/at-commands-emulated.md lists both).
 * {@link #BC260Y_CN} is the real module's: a command the evidence says a BC260Y-CN lacks answers
 * {@code ERROR} like any unknown command, so what passes here passes in the field.
 * {@link #BC26_COMPAT} is <em>not</em> a BC260Y-CN: it adds the commands and formats of the
 * MediaTek BC26 that BC26 host firmware sends, so that firmware runs unchanged, and the module
 * logs, once per command, that a real BC260Y-CN would refuse it.
 */
public enum AtDialect {

    /** The real BC260Y-CN (XinYi chipset); the default. */
    BC260Y_CN("bc260y-cn"),
    /** The BC260Y-CN plus the BC26 commands and formats a real BC260Y-CN refuses. */
    BC26_COMPAT("bc26-compat");

    private final String label;

    AtDialect(String label) {
        this.label = label;
    }

    /** As options and documents spell it: {@code bc260y-cn}, {@code bc26-compat}. */
    public String label() {
        return label;
    }

    /**
     * The dialect of that label (case-insensitive).
     *
     * @throws IllegalArgumentException naming the labels there are
     */
    public static AtDialect ofLabel(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(d -> d.label.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("AT dialect is " + labels() + ", not '" + text + "'"));
    }

    /** Every label, for messages: {@code bc260y-cn|bc26-compat}. */
    public static String labels() {
        return Arrays.stream(values()).map(AtDialect::label).collect(Collectors.joining("|"));
    }
}
