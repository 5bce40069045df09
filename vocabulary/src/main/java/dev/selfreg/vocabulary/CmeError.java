package dev.selfreg.vocabulary;

import java.util.Arrays;
import java.util.Optional;

/**
 * The {@code +CME ERROR} codes the BC260Y-CN answers with, each with the verbose text that
 * {@code AT+CMEE=2} shows (3GPP TS 27.007 §9.2.1; spec at-commands.md §1).
 */
public enum CmeError {
    OPERATION_NOT_ALLOWED(3, "operation not allowed"),
    OPERATION_NOT_SUPPORTED(4, "operation not supported"),
    SIM_NOT_INSERTED(10, "SIM not inserted"),
    SIM_FAILURE(13, "SIM failure"),
    INCORRECT_PARAMETERS(50, "incorrect parameters");

    /** What the final result line starts with, before the code or the text. */
    public static final String PREFIX = "+CME ERROR:";

    private final int code;
    private final String text;

    CmeError(int code, String text) {
        this.code = code;
        this.text = text;
    }

    /** The number {@code AT+CMEE=1} shows. */
    public int code() {
        return code;
    }

    /** The text {@code AT+CMEE=2} shows. */
    public String text() {
        return text;
    }

    /** The final result line with {@code AT+CMEE=1}: {@code +CME ERROR: 50}. */
    public String numericLine() {
        return PREFIX + " " + code;
    }

    /** The final result line with {@code AT+CMEE=2}: {@code +CME ERROR: incorrect parameters}. */
    public String verboseLine() {
        return PREFIX + " " + text;
    }

    /** The error with this number, if the module uses it. */
    public static Optional<CmeError> of(int code) {
        return Arrays.stream(values()).filter(error -> error.code == code).findFirst();
    }
}
