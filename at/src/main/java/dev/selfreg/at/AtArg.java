package dev.selfreg.at;

/**
 * One raw parameter of a set command as the host typed it: its text, and whether it was in
 * double quotes. An omitted parameter (nothing between two commas) has no text.
 */
public record AtArg(String text, boolean quoted) {

    private static final AtArg OMITTED = new AtArg(null, false);

    public static AtArg omitted() {
        return OMITTED;
    }

    public boolean isOmitted() {
        return text == null;
    }
}
