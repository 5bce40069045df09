package dev.selfreg.cli;

import dev.selfreg.host.AtChannelOptions;
import dev.selfreg.host.Bc260yDriver;
import dev.selfreg.host.FlowControl;
import dev.selfreg.host.PortOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Where the module is and how to talk to it: the options every host command shares. */
final class HostOptions {

    /** {@code PORT} or {@code HOST:PORT}: a TCP address without its {@code tcp://}. */
    private static final Pattern HOST_AND_PORT = Pattern.compile("(?:([\\w.-]+|\\[[\\p{XDigit}:]+\\]):)?(\\d{1,5})");

    @Option(names = "--port", required = true, paramLabel = "PORT",
            description = "Serial device (/dev/ttyUSB0, a pty such as socat makes, COM3) or tcp://HOST:PORT (the emulator's --at-port, a serial server).")
    String port;

    @Option(names = "--baud", defaultValue = "115200", paramLabel = "RATE",
            description = "Serial baud rate, 8N1 (default: ${DEFAULT-VALUE}, the BC260Y-CN main UART's).")
    int baud;

    @Option(names = "--flow-control", defaultValue = "none", paramLabel = "none|rts-cts", converter = FlowControlConverter.class,
            description = "Serial flow control (default: ${DEFAULT-VALUE}).")
    FlowControl flowControl;

    @Option(names = "--timeout", defaultValue = "300", paramLabel = "MS",
            description = "How long a command may take to answer, in ms (default: ${DEFAULT-VALUE}, the maximum response time in Quectel's self-registration manual).")
    long timeoutMillis;

    @Option(names = "--no-retry", description = "Do not retry a command that got no answer (by default it is sent again after AT: some units lose the first line after deep sleep).")
    boolean noRetry;

    @Option(names = "--verbose", description = "On failure, show the stack trace too.")
    boolean verbose;

    /** Opens the port and a driver on it. */
    Bc260yDriver open(CommandSpec spec, Duration rebootTimeout) {
        if (timeoutMillis <= 0) {
            throw new ParameterException(spec.commandLine(), "--timeout must be positive: " + timeoutMillis);
        }
        PortOptions portOptions;
        try {
            portOptions = PortOptions.defaults().withBaudRate(baud).withFlowControl(flowControl);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        AtChannelOptions channelOptions = new AtChannelOptions(Duration.ofMillis(timeoutMillis), !noRetry);
        tcpAddressWithoutScheme().ifPresent(tcp -> {
            throw new ParameterException(spec.commandLine(), "--port " + port + " is not a serial device; a TCP port is"
                    + " written --port " + tcp);
        });
        try {
            return Bc260yDriver.open(port, portOptions, channelOptions, rebootTimeout);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--port: " + e.getMessage());
        }
    }

    /**
     * The {@code tcp://} form of a {@code --port} given as a bare TCP port or {@code HOST:PORT} (the emulator's
     * {@code --at-port}, written as for the module), when no device has that name.
     */
    private Optional<String> tcpAddressWithoutScheme() {
        Matcher tcp = HOST_AND_PORT.matcher(port);
        if (!tcp.matches() || Files.exists(Path.of(port))) {
            return Optional.empty();
        }
        return Optional.of("tcp://" + (tcp.group(1) != null ? tcp.group(1) : "127.0.0.1") + ":" + tcp.group(2));
    }

    boolean isTcp() {
        return port.regionMatches(true, 0, "tcp://", 0, 6);
    }

    /** {@code none} or {@code rts-cts}. */
    static final class FlowControlConverter implements ITypeConverter<FlowControl> {
        @Override
        public FlowControl convert(String value) {
            return FlowControl.of(value);
        }
    }
}
