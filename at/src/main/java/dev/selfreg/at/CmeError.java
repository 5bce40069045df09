package dev.selfreg.at;

/** The {@code +CME ERROR} codes this module uses (3GPP TS 27.007 §9.2.1). */
public enum CmeError {
    OPERATION_NOT_ALLOWED(3, "operation not allowed"),
    OPERATION_NOT_SUPPORTED(4, "operation not supported"),
    SIM_NOT_INSERTED(10, "SIM not inserted"),
    SIM_FAILURE(13, "SIM failure"),
    INCORRECT_PARAMETERS(50, "incorrect parameters");

    private final int code;
    private final String text;

    CmeError(int code, String text) {
        this.code = code;
        this.text = text;
    }

    public int code() {
        return code;
    }

    public String text() {
        return text;
    }
}
