package dev.selfreg.host;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.io.IOException;
import java.util.Map;

/**
 * A serial port through jSerialComm: a USB-UART adapter, a board's UART, or a pseudo-terminal
 * (a {@code socat} pty in front of the emulator). 8 data bits, no parity, 1 stop bit.
 */
final class SerialTransport implements AtTransport {

    /** How long one read waits before checking whether the port was closed. */
    private static final int READ_POLL_MS = 100;
    private static final int WRITE_TIMEOUT_MS = 1000;

    /**
     * errno values that openPort leaves behind, in words a person can act on. A device another
     * program holds gives EBUSY (its exclusive mode) or, for root, EWOULDBLOCK (its lock).
     */
    private static final Map<Integer, String> OPEN_ERRORS = Map.of(
            2, "no such device",
            11, "device busy (another program has it open?)",
            13, "permission denied (is the user in the dialout group?)",
            16, "device busy (another program has it open?)",
            25, "not a serial device");

    private final SerialPort port;
    private final String description;
    private volatile boolean closed;

    private SerialTransport(SerialPort port, String description) {
        this.port = port;
        this.description = description;
    }

    static SerialTransport open(String path, PortOptions options) {
        SerialPort port;
        try {
            port = SerialPort.getCommPort(path);
        } catch (SerialPortInvalidPortException e) {
            throw new PortUnavailableException(path, "no such device", e);
        } catch (UnsatisfiedLinkError | ExceptionInInitializerError | NoClassDefFoundError e) {
            throw new PortUnavailableException(path, "the serial library cannot load on this system (" + e + ")", e);
        }
        port.setComPortParameters(options.baudRate(), 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setFlowControl(options.flowControl() == FlowControl.RTS_CTS
                ? SerialPort.FLOW_CONTROL_RTS_ENABLED | SerialPort.FLOW_CONTROL_CTS_ENABLED
                : SerialPort.FLOW_CONTROL_DISABLED);
        // Semi-blocking with a short timeout: a read returns what has arrived, or nothing after
        // the poll interval, so close() is noticed without relying on the driver to interrupt it.
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
                READ_POLL_MS, WRITE_TIMEOUT_MS);
        if (!port.openPort()) {
            int errno = port.getLastErrorCode();
            throw new PortUnavailableException(path, OPEN_ERRORS.getOrDefault(errno, "open failed (error " + errno + ")"), null);
        }
        String flow = options.flowControl() == FlowControl.NONE ? "" : ", " + options.flowControl().label();
        return new SerialTransport(port, path + " at " + options.baudRate() + " baud 8N1" + flow);
    }

    @Override
    public int read(byte[] buffer) throws IOException {
        while (!closed) {
            int n = port.readBytes(buffer, buffer.length);
            if (n > 0) {
                return n;
            }
            if (n < 0) {
                if (closed) {
                    return -1;
                }
                throw new IOException(description + ": read failed (device gone?)");
            }
        }
        return -1;
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        int written = port.writeBytes(bytes, bytes.length);
        if (written != bytes.length) {
            throw new IOException(description + ": write failed (" + written + " of " + bytes.length + " bytes)");
        }
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            port.closePort();
        }
    }
}
