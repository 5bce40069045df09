package dev.selfreg.module.host;

import dev.selfreg.module.emulator.Bc260yModule;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CountDownLatch;

/**
 * The module's AT interface on standard input and output, so that {@code socat} can turn it
 * into a serial device (a pty) or a person can type into it. The port ends when input ends.
 */
public final class StdioAtPort implements AutoCloseable {

    private final HostLink link;
    private final CountDownLatch ended = new CountDownLatch(1);

    private StdioAtPort(Bc260yModule module, InputStream in, OutputStream out, boolean lfEndsLine) {
        link = new HostLink(module, in, out, lfEndsLine, "at-stdio", ended::countDown);
    }

    /**
     * Connects the module's output to {@code out}; input is read once {@link #startReading()}
     * is called, so a caller can power the module on in between and lose no byte either way.
     *
     * @param lfEndsLine accept {@code <LF>} as the line end, for a terminal that sends it at Enter
     */
    public static StdioAtPort open(Bc260yModule module, InputStream in, OutputStream out, boolean lfEndsLine) {
        StdioAtPort port = new StdioAtPort(module, in, out, lfEndsLine);
        port.link.connectOutput();
        return port;
    }

    /** Starts feeding standard input to the module. */
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
