package dev.selfreg.module.host;

import dev.selfreg.module.emulator.Bc260yModule;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * The module's AT interface on a pair of byte streams: standard input and output, so that
 * {@code socat} can turn it into a serial device (a pty) or a person can type into it, or a
 * serial device's, so that an MCU board on a USB-serial adapter talks to it directly. The port
 * ends when input ends.
 */
public final class StreamAtPort implements AutoCloseable {

    private final HostLink link;
    private final CountDownLatch ended = new CountDownLatch(1);

    private StreamAtPort(Bc260yModule module, InputStream in, OutputStream out, boolean lfEndsLine,
                         Optional<LineRate> pace, String name) {
        link = new HostLink(module, in, out, lfEndsLine, pace, name, ended::countDown);
    }

    /**
     * Connects the module's output to {@code out}; input is read once {@link #startReading()}
     * is called, so a caller can power the module on in between and lose no byte either way.
     *
     * @param lfEndsLine accept {@code <LF>} as the line end, for a terminal that sends it at Enter
     * @param pace       the line rate output is sent at; empty: as fast as {@code out} takes it
     * @param name       what the port's threads and log lines are called, e.g. {@code at-stdio}
     */
    public static StreamAtPort open(Bc260yModule module, InputStream in, OutputStream out, boolean lfEndsLine,
                                    Optional<LineRate> pace, String name) {
        StreamAtPort port = new StreamAtPort(module, in, out, lfEndsLine, pace, name);
        port.link.connectOutput();
        return port;
    }

    /** Starts feeding the input to the module. */
    public void startReading() {
        link.startReading();
    }

    /** Blocks until input has ended and every answer to it has been written. */
    public void awaitEnd() throws InterruptedException {
        ended.await();
    }

    @Override
    public void close() {
        link.close();
    }
}
