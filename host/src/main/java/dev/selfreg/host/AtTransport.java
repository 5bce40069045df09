package dev.selfreg.host;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

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

    /** What {@link #read} delivers, as a stream for code that reads {@code java.io}; closing it closes the port. */
    default InputStream inputStream() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (length == 0) {
                    return 0;
                }
                byte[] chunk = offset == 0 && length == buffer.length ? buffer : new byte[length];
                int n = AtTransport.this.read(chunk);
                if (n > 0 && chunk != buffer) {
                    System.arraycopy(chunk, 0, buffer, offset, n);
                }
                return n;
            }

            @Override
            public void close() {
                AtTransport.this.close();
            }
        };
    }

    /** {@link #write} as a stream for code that writes {@code java.io}; closing it closes the port. */
    default OutputStream outputStream() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                AtTransport.this.write(new byte[] {(byte) b});
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                AtTransport.this.write(offset == 0 && length == bytes.length ? bytes
                        : Arrays.copyOfRange(bytes, offset, offset + length));
            }

            @Override
            public void close() {
                AtTransport.this.close();
            }
        };
    }
}
