package dev.selfreg.host;

import java.io.IOException;

/**
 * A byte pipe to a module's AT interface: a serial port or a TCP connection (to the emulator
 * or a serial server). {@link AtChannel} reads it from one thread and writes from another.
 */
public interface AtTransport extends AutoCloseable {

    /**
     * Blocks until bytes arrive and puts them in {@code buffer}; returns how many, or -1 once
     * the port has ended or {@link #close()} was called.
     */
    int read(byte[] buffer) throws IOException;

    /** Sends bytes; they are on their way when this returns. */
    void write(byte[] bytes) throws IOException;

    /** The port as a person reads it, e.g. {@code /dev/ttyUSB0 at 115200 baud 8N1}. */
    String description();

    /** Closes the port; a blocked {@link #read} returns -1. Idempotent. */
    @Override
    void close();
}
