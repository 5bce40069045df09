package dev.selfreg.cli;

import dev.selfreg.capture.record.WireRecorder;
import dev.selfreg.host.AtTransport;
import dev.selfreg.host.PortOptions;
import dev.selfreg.host.PortUnavailableException;
import dev.selfreg.host.Ports;
import dev.selfreg.lab.ModuleCapture;
import dev.selfreg.module.AtDialect;
import dev.selfreg.module.Bc260yFacts;
import dev.selfreg.module.ModuleProfile;
import dev.selfreg.module.Sim;
import dev.selfreg.module.control.ControlApi;
import dev.selfreg.module.emulator.Bc260yModule;
import dev.selfreg.module.host.LineRate;
import dev.selfreg.module.host.StreamAtPort;
import dev.selfreg.module.host.TcpAtPort;
import dev.selfreg.module.network.LabNetwork;
import dev.selfreg.module.network.LabService;
import dev.selfreg.module.network.Loopback;
import dev.selfreg.nvram.FileNvramStore;
import dev.selfreg.nvram.MemoryNvramStore;
import dev.selfreg.nvram.NvramDirectoryLock;
import dev.selfreg.nvram.NvramLayout;
import dev.selfreg.nvram.NvramStore;
import dev.selfreg.platform.ListenerUnavailableException;
import dev.selfreg.platform.core.PlatformTime;
import dev.selfreg.time.ModuleClock;
import dev.selfreg.time.RealClock;
import dev.selfreg.time.VirtualClock;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code selfreg module}: one emulated BC260Y-CN with its AT interface on a TCP port or on
 * standard input/output, and optionally the control API.
 */
@Command(name = "module", mixinStandardHelpOptions = true, sortOptions = false,
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.LINE_OK, ExitCodes.LINE_USAGE, ExitCodes.LINE_UNAVAILABLE, ExitCodes.LINE_INTERNAL,
                ExitCodes.LINE_SIGNAL},
        description = {"Run one emulated Quectel BC260Y-CN.",
                "Talk AT to it on a TCP port (e.g. `nc -C 127.0.0.1 PORT`), on stdin/stdout (for socat and people)"
                        + " or on a serial device (an MCU board on a USB-serial adapter).",
                "Its radio network leads the carriers' addresses to a lab platform on loopback (--platform)."},
        footer = {"", "Prints `listening at HOST:PORT` (`listening serial DEVICE at RATE baud 8N1` with --serial, and"
                + " `listening control HOST:PORT`) when ready; with --stdio these lines go to stderr, as stdout is the AT channel."})
final class ModuleCommand implements Callable<Integer> {

    /** Where the host talks to the module: one UART, so one of the three. */
    static final class HostSide {
        @Option(names = "--at-port", paramLabel = "PORT", converter = PortNumber.class, description = "AT interface on this TCP port (0 picks a free one).")
        Integer atPort;

        @Option(names = "--stdio", description = "AT interface on stdin/stdout.")
        boolean stdio;

        @Option(names = "--serial", paramLabel = "DEVICE",
                description = "AT interface on this serial device (/dev/ttyUSB0, a pty, COM3), 8N1 at --baud, no flow control.")
        String serial;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    HostSide host;

    @Option(names = "--baud", paramLabel = "RATE",
            description = "The line rate: the serial device runs at it (default " + PortOptions.DEFAULT_BAUD_RATE + "), and once given,"
                    + " the module's output is sent at its speed (10 bits a byte) on any AT interface, as over a real UART,"
                    + " for MCU drivers whose timeouts are tuned to it. Without it output is not paced.")
    Integer baud;

    @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDRESS", description = "Address the ports bind to (default: ${DEFAULT-VALUE}). Any other address requires a bearer token on the control API.")
    String bind;

    @Option(names = "--control-port", paramLabel = "PORT", converter = PortNumber.class, description = "Serve the control API (HTTP/JSON) on this port (0 picks a free one).")
    Integer controlPort;

    @Option(names = "--control-token", paramLabel = "TOKEN",
            description = "Bearer token for the control API (required off loopback; generated and printed when not given).")
    String controlToken;

    @Option(names = "--nvram", paramLabel = "DIR", description = "Keep NVRAM in this directory (created if missing); without it NVRAM lives in memory and is lost at exit.")
    Path nvram;

    @Option(names = "--sim", defaultValue = "ct", paramLabel = "ct|cmcc|none|IMSI:ICCID",
            description = "The card in the slot (default: ${DEFAULT-VALUE}).")
    String sim;

    @Mixin
    PcapOption pcap;

    @Spec
    CommandSpec spec;

    /** The host commands' option, given to the module: a usage error saying which option is meant. */
    @Option(names = "--port", hidden = true)
    void hostCommandsPort(String value) {
        throw new ParameterException(spec.commandLine(), "the module has no --port: its AT interface is --at-port " + value
                + " (the host commands reach it with --port tcp://127.0.0.1:" + value + ")");
    }

    @Option(names = "--imei", paramLabel = "IMEI", defaultValue = Bc260yFacts.DEFAULT_IMEI, description = "Module IMEI (default: ${DEFAULT-VALUE}).")
    String imei;

    @Option(names = "--firmware", paramLabel = "VERSION", defaultValue = Bc260yFacts.DEFAULT_FIRMWARE, description = "Firmware version (default: ${DEFAULT-VALUE}).")
    String firmware;

    @Option(names = "--ct-model", paramLabel = "MODEL",
            description = "MODEL of the China Telecom report, <vendor code>-<model> (default: ${DEFAULT-VALUE}).")
    String ctModel = Bc260yFacts.CT_MODEL;

    @Option(names = "--at-dialect", defaultValue = "bc260y-cn", paramLabel = "bc260y-cn|bc26-compat",
            converter = AtDialectName.class,
            description = "bc260y-cn answers AT as a real BC260Y-CN does (default); bc26-compat is not a BC260Y-CN:"
                    + " it also answers the BC26 commands a real one refuses, and logs each once.")
    AtDialect atDialect;

    @Option(names = "--clock", defaultValue = "real", paramLabel = "real|virtual",
            description = "Module time: wall clock, or virtual (moves only through the control API).")
    ClockKind clock;

    @Option(names = "--platform", defaultValue = "127.0.0.1", paramLabel = "HOST",
            description = "Where the lab platform listens: a loopback address, as the emulated module never sends"
                    + " elsewhere (default: ${DEFAULT-VALUE}).")
    String platform;

    @Option(names = "--ct-coap-port", defaultValue = "5683", paramLabel = "PORT", converter = PortNumber.class,
            description = "The platform's China Telecom CoAP port (default: ${DEFAULT-VALUE}).")
    int ctCoapPort;

    @Option(names = "--dm-port", defaultValue = "5685", paramLabel = "PORT", converter = PortNumber.class,
            description = "The platform's China Mobile DM port (default: ${DEFAULT-VALUE}).")
    int dmPort;

    @Option(names = "--lf-ends-line", negatable = true,
            description = "Accept <LF> as the end of a command line (a real module needs <CR>). Default: on with --stdio on a terminal.")
    Boolean lfEndsLine;

    /** Which clock the module runs on. */
    enum ClockKind { real, virtual }

    /** What a listener's start may throw. */
    private interface Start<T> {
        T run() throws Exception;
    }

    /** Starts one listener; a taken port ends in one line naming the listener, the port and what to do. */
    private <T> T listen(String listener, String option, int port, Start<T> start) throws Exception {
        try {
            return start.run();
        } catch (Exception e) {
            if (!ListenerUnavailableException.isAddressInUse(e)) {
                throw e;
            }
            throw new CannotStartException("cannot listen for " + listener + " on " + bind + ":" + port
                    + ": the port is in use (another selfreg module?); stop that process or choose another with " + option, e);
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintStream announce = host.stdio ? System.err : System.out;
        Optional<LineRate> pace = lineRate();
        ModuleProfile profile;
        try {
            profile = ModuleProfile.standard().withImei(imei).withFirmware(firmware).withSim(card(sim))
                    .withAtDialect(atDialect).withCtModel(ctModel);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        LabNetwork lab = labNetwork();
        if (nvram != null) {
            requireNvramDirectory();
        }
        ModuleClock moduleClock = clock == ClockKind.virtual ? new VirtualClock() : new RealClock("module");
        // module time from the whole second the module starts at, as a lab counts it
        WireRecorder wire;
        try {
            wire = pcap.open(moduleClock instanceof VirtualClock virtual
                    ? PlatformTime.of(virtual, Instant.now().truncatedTo(ChronoUnit.SECONDS)).clock()
                    : Clock.systemUTC());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (wire.recording()) {
            lab = lab.withTap(new ModuleCapture(wire, any -> true));
        }
        // held until the module is closed; the OS releases it however the process ends
        NvramDirectoryLock nvramLock = nvram != null ? NvramDirectoryLock.acquire(nvram) : null;
        NvramStore store = nvram != null ? FileNvramStore.open(nvram, NvramLayout.INITIAL) : new MemoryNvramStore();
        if (nvram == null) {
            System.err.println("nvram: in memory (lost at exit; --nvram DIR keeps it)");
        }
        if (atDialect == AtDialect.BC26_COMPAT) {
            System.err.println("at dialect: bc26-compat (not a BC260Y-CN: BC26 commands are answered, a real BC260Y-CN"
                    + " answers them ERROR)");
        }
        System.err.println("network: China Telecom -> " + endpoint(lab, LabService.CT) + ", China Mobile -> "
                + endpoint(lab, LabService.DM));
        Bc260yModule module = new Bc260yModule(profile, moduleClock, store, lab);
        InetAddress address = InetAddress.getByName(bind);
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "shutdown"));

        ControlApi control = null;
        if (controlPort != null) {
            control = listen("control", "--control-port", controlPort,
                    () -> ControlApi.start(module, bind, controlPort, Optional.ofNullable(controlToken)));
            announce.println("listening control " + address.getHostAddress() + ":" + control.port());
            if (control.requiredToken().isPresent() && controlToken == null) {
                announce.println("control token " + control.requiredToken().get()
                        + "   (send as 'Authorization: Bearer <token>')");
            }
        }
        try {
            if (host.stdio) {
                boolean lf = lfEndsLine != null ? lfEndsLine : System.console() != null;
                StreamAtPort port = StreamAtPort.open(module, System.in, System.out, lf, pace, "at-stdio");
                module.powerOn();
                port.startReading();
                port.awaitEnd();
            } else if (host.serial != null) {
                serve(module, pace, stop, announce);
            } else {
                try (TcpAtPort port = listen("at", "--at-port", host.atPort, () -> TcpAtPort.start(module, address, host.atPort, pace))) {
                    module.powerOn();
                    announce.println("listening at " + port.address().getAddress().getHostAddress() + ":" + port.address().getPort());
                    stop.await();
                }
            }
        } finally {
            if (control != null) {
                control.close();
            }
            module.close();
            wire.close();
            pcap.report(wire, System.err);
            if (moduleClock instanceof RealClock real) {
                real.close();
            }
            if (nvramLock != null) {
                nvramLock.close();
            }
        }
        return 0;
    }

    /** {@code --nvram} names a directory, or where one can be made: a file on that path is a wrong option value. */
    private void requireNvramDirectory() {
        Path absolute = nvram.toAbsolutePath();
        for (Path path = absolute; path != null; path = path.getParent()) {
            if (Files.isDirectory(path)) {
                return;
            }
            if (Files.exists(path)) {
                throw new ParameterException(spec.commandLine(), "--nvram " + nvram + (path.equals(absolute) ? "" : ": " + path)
                        + " is a file, not a directory (--nvram names the directory NVRAM is kept in, created if missing)");
            }
        }
    }

    /** The line rate of --baud; a positive number. */
    private Optional<LineRate> lineRate() {
        try {
            return Optional.ofNullable(baud).map(LineRate::new);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--baud: " + e.getMessage());
        }
    }

    /**
     * The AT interface on the serial device until Ctrl-C; a device that cannot be opened, or that
     * goes away (an adapter unplugged), ends the command in one line.
     */
    private void serve(Bc260yModule module, Optional<LineRate> pace, CountDownLatch stop, PrintStream announce)
            throws InterruptedException {
        int rate = pace.map(LineRate::baud).orElse(PortOptions.DEFAULT_BAUD_RATE);
        AtTransport line;
        try {
            line = Ports.serial(host.serial, PortOptions.defaults().withBaudRate(rate));
        } catch (PortUnavailableException e) {
            throw new CannotStartException(e.getMessage(), e);
        }
        AtomicBoolean gone = new AtomicBoolean();
        try (line; StreamAtPort port = StreamAtPort.open(module, line.inputStream(), line.outputStream(), false, pace, "at-serial")) {
            module.powerOn();
            port.startReading();
            announce.println("listening serial " + line.description());
            Thread watch = new Thread(() -> {
                try {
                    port.awaitEnd();
                    gone.set(true);
                    stop.countDown();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "at-serial-watch");
            watch.setDaemon(true);
            watch.start();
            stop.await();
            if (gone.get()) {
                throw new CannotStartException("serial device " + host.serial + " is gone (adapter unplugged?)", null);
            }
        }
    }

    /** The carriers' addresses routed to the platform; refuses anything but loopback (network safety). */
    private LabNetwork labNetwork() {
        for (int port : new int[] {ctCoapPort, dmPort}) {
            if (port < 1 || port > 65535) {
                throw new ParameterException(spec.commandLine(), "platform ports are 1-65535, not " + port);
            }
        }
        try {
            return LabNetwork.lab(Loopback.parseHost(platform), ctCoapPort, dmPort);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--platform: " + e.getMessage());
        }
    }

    private static String endpoint(LabNetwork lab, LabService service) {
        InetSocketAddress address = lab.endpoint(service).orElseThrow();
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    /** {@code ct}, {@code cmcc}, {@code none} or {@code IMSI:ICCID}. */
    static Optional<Sim> card(String choice) {
        return switch (choice) {
            case "ct" -> Optional.of(Sim.CHINA_TELECOM);
            case "cmcc" -> Optional.of(Sim.CHINA_MOBILE);
            case "none" -> Optional.empty();
            default -> {
                String[] parts = choice.split(":", 2);
                if (parts.length != 2) {
                    throw new IllegalArgumentException("--sim takes ct, cmcc, none or IMSI:ICCID, not '" + choice + "'");
                }
                yield Optional.of(new Sim(parts[0], parts[1]));
            }
        };
    }
}
