package dev.selfreg.host;

import java.time.Duration;

/**
 * How to open a port. Serial ports run 8N1 at {@code baudRate} with {@code flowControl};
 * {@code connectTimeout} bounds a TCP connect.
 */
public record PortOptions(int baudRate, FlowControl flowControl, Duration connectTimeout) {

    /** The BC260Y-CN main UART's default rate. */
    public static final int DEFAULT_BAUD_RATE = 115200;

    public PortOptions {
        if (baudRate <= 0) {
            throw new IllegalArgumentException("baud rate must be positive: " + baudRate);
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connect timeout must be positive: " + connectTimeout);
        }
    }

    /** 115200 baud 8N1, no flow control, 2 s to connect. */
    public static PortOptions defaults() {
        return new PortOptions(DEFAULT_BAUD_RATE, FlowControl.NONE, Duration.ofSeconds(2));
    }

    public PortOptions withBaudRate(int value) {
        return new PortOptions(value, flowControl, connectTimeout);
    }

    public PortOptions withFlowControl(FlowControl value) {
        return new PortOptions(baudRate, value, connectTimeout);
    }
}
