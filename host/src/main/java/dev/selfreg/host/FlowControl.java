package dev.selfreg.host;

/** Serial flow control: none (the BC260Y-CN default), or hardware RTS/CTS. */
public enum FlowControl {
    NONE("none"),
    RTS_CTS("rts-cts");

    private final String label;

    FlowControl(String label) {
        this.label = label;
    }

    /** The name used on command lines: {@code none} or {@code rts-cts}. */
    public String label() {
        return label;
    }

    public static FlowControl of(String label) {
        for (FlowControl value : values()) {
            if (value.label.equalsIgnoreCase(label)) {
                return value;
            }
        }
        throw new IllegalArgumentException("flow control is none or rts-cts, not '" + label + "'");
    }
}
