package dev.selfreg.module.host;

import dev.selfreg.module.emulator.Bc260yModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One host connected to the module's UART over a pair of byte streams: a reader thread feeds
 * the module, a writer thread drains what the module sends. The module never blocks on a slow
 * host: like a UART without flow control, output that the host does not take in time is lost
 * (and logged). Given a {@link LineRate}, output goes out at that speed, as over a real UART.
 */
final class HostLink implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HostLink.class);
    private static final int QUEUED_WRITES = 4096;
    private static final byte[] CLOSE = new byte[0];

    private final Bc260yModule module;
    private final InputStream in;
    private final OutputStream out;
    private final boolean lfEndsLine;
    private final String name;
    private final Runnable onClose;
    private final BlockingQueue<byte[]> outgoing = new ArrayBlockingQueue<>(QUEUED_WRITES);
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * @param lfEndsLine treat a {@code <LF>} as a {@code <CR>}, for a person typing in a terminal
     *                   that sends {@code <LF>} at Enter (a real module needs {@code <CR>})
     * @param pace       the line rate output is sent at; empty: as fast as {@code out} takes it
     * @param onClose    runs once when the link has ended and everything the module sent before
     *                   has been written out
     */
    HostLink(Bc260yModule module, InputStream in, OutputStream out, boolean lfEndsLine, Optional<LineRate> pace,
             String name, Runnable onClose) {
        this.module = module;
        this.in = in;
        this.out = pace.map(rate -> rate.pace(out)).orElse(out);
        this.lfEndsLine = lfEndsLine;
        this.name = name;
        this.onClose = onClose;
    }

    /** Connects the module's output to the host, so nothing it sends from now on is lost. */
    void connectOutput() {
        module.connectHost(this::send);
        Thread writer = new Thread(this::writeLoop, name + "-out");
        writer.setDaemon(true);
        writer.start();
    }

    /** Starts feeding the host's bytes to the module. */
    void startReading() {
        Thread reader = new Thread(this::readLoop, name + "-in");
        reader.setDaemon(true);
        reader.start();
    }

    void start() {
        connectOutput();
        startReading();
    }

    private void send(byte[] bytes) {
        if (!closed.get() && !outgoing.offer(bytes)) {
            log.warn("{}: host is not reading; {} bytes of module output lost", name, bytes.length);
        }
    }

    private void readLoop() {
        byte[] buffer = new byte[512];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (lfEndsLine) {
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] == '\n') {
                            buffer[i] = '\r';
                        }
                    }
                }
                module.receiveFromHost(buffer, 0, n);
            }
        } catch (IOException e) {
            if (!closed.get()) {
                log.debug("{}: read failed: {}", name, e.toString());
            }
        } finally {
            close();
        }
    }

    private void writeLoop() {
        try {
            while (true) {
                byte[] bytes = outgoing.take();
                if (bytes == CLOSE) {
                    return;
                }
                out.write(bytes);
                out.flush();
            }
        } catch (IOException e) {
            close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            onClose.run();
        }
    }

    /** Ends the link; what the module had already sent is still written out. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            module.disconnectHost();
            outgoing.offer(CLOSE);
        }
    }
}
