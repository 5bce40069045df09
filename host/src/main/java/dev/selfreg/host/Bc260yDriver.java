package dev.selfreg.host;

import dev.selfreg.vocabulary.DmGroup;
import dev.selfreg.vocabulary.DmMode;
import dev.selfreg.vocabulary.DmState;
import dev.selfreg.vocabulary.QdmpcfgLine;
import dev.selfreg.vocabulary.QdmpcfgexLine;
import dev.selfreg.vocabulary.TerminalInfoField;
import dev.selfreg.vocabulary.TerminalInfoType;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A Quectel BC260Y-CN over an {@link AtChannel}, in its own terms: the China Telecom switch
 * ({@code AT+QSREGENABLE}), the CMDMP configuration ({@code AT+QDMPCFG}) and terminal
 * information ({@code AT+QDMPCFGEX}), reboot, identity. Values in, value objects out; a failed
 * command is an {@link AtChannelException} that names it.
 *
 * <p>Set commands write NVRAM and take effect at the next boot: read the {@link ConfigView#SAVED}
 * view to see what was written, and {@link #reboot()} to run it.
 */
public final class Bc260yDriver implements AutoCloseable {

    /** How long a reboot may take from {@code OK} to {@code RDY}, unless told otherwise. */
    public static final Duration DEFAULT_REBOOT_TIMEOUT = Duration.ofSeconds(15);

    private static final String QSREGENABLE = "+QSREGENABLE:";
    private static final String QDMPCFG = QdmpcfgLine.PREFIX;
    private static final String QDMPCFGEX = QdmpcfgexLine.PREFIX;
    private static final String REVISION = "Revision:";

    private final AtChannel channel;
    private final Duration rebootTimeout;
    private boolean numericErrors;

    public Bc260yDriver(AtChannel channel) {
        this(channel, DEFAULT_REBOOT_TIMEOUT);
    }

    public Bc260yDriver(AtChannel channel, Duration rebootTimeout) {
        this.channel = channel;
        this.rebootTimeout = rebootTimeout;
    }

    /** Opens {@code port} ({@link Ports#open}) and drives the module behind it. */
    public static Bc260yDriver open(String port, PortOptions portOptions, AtChannelOptions channelOptions, Duration rebootTimeout) {
        return new Bc260yDriver(AtChannel.open(Ports.open(port, portOptions), channelOptions), rebootTimeout);
    }

    public AtChannel channel() {
        return channel;
    }

    /**
     * Asks for numeric {@code +CME ERROR: <n>} results ({@code AT+CMEE=1}) instead of a plain
     * {@code ERROR}, so failures say why; kept across {@link #reboot()}, which resets it.
     */
    public void useNumericErrors() {
        send(AtRequest.withoutLines("AT+CMEE=1"));
        numericErrors = true;
    }

    // ---- identity -------------------------------------------------------------------------

    public String imei() {
        return send(AtRequest.singleLine("AT+CGSN=1", "+CGSN:")).value("+CGSN:");
    }

    /** The card's IMSI; an error result when there is no readable SIM ({@code +CME ERROR: 10}). */
    public String imsi() {
        String line = send(AtRequest.numeric("AT+CIMI")).singleLine();
        if (!line.chars().allMatch(Character::isDigit)) {
            throw new AtResponseException("AT+CIMI", "not an IMSI: " + line);
        }
        return line;
    }

    public String iccid() {
        return send(AtRequest.singleLine("AT+QCCID", "+QCCID:")).value("+QCCID:");
    }

    /** The firmware revision, e.g. {@code BC260YCNAAR01A04}, from {@code Revision: <firmware>}. */
    public String firmware() {
        return send(AtRequest.singleLine("AT+CGMR", REVISION)).value(REVISION).strip();
    }

    /** IMEI, firmware and, when a SIM answers, IMSI and ICCID. */
    public ModuleIdentity identity() {
        return new ModuleIdentity(imei(), withoutSimError(this::imsi), withoutSimError(this::iccid), firmware());
    }

    private static Optional<String> withoutSimError(Supplier<String> read) {
        try {
            return Optional.of(read.get());
        } catch (AtCommandException noSim) {
            return Optional.empty();
        }
    }

    // ---- China Telecom: AT+QSREGENABLE ------------------------------------------------------

    /** The saved switch; 3 reads as {@link CtSelfRegistration#ENABLED_AFTER_FOTA}. */
    public CtSelfRegistration ctSelfRegistration() {
        String value = send(AtRequest.singleLine("AT+QSREGENABLE?", QSREGENABLE)).value(QSREGENABLE);
        return parse("AT+QSREGENABLE?", () -> CtSelfRegistration.of(Integer.parseInt(value)));
    }

    public void saveCtSelfRegistration(boolean enabled) {
        send(AtRequest.withoutLines("AT+QSREGENABLE=" + (enabled ? 1 : 0)));
    }

    // ---- China Mobile: AT+QDMPCFG ------------------------------------------------------------

    public DmSettings dmSettings(ConfigView view) {
        if (view == ConfigView.RUNNING) {
            AtResult result = send(AtRequest.multiLine("AT+QDMPCFG?", QDMPCFG));
            return new DmSettings(parseMode(result), parseServer(result), parseCredentials(result));
        }
        return new DmSettings(parseMode(savedDm(0)), parseServer(savedDm(1)), parseCredentials(savedDm(2)));
    }

    private AtResult savedDm(int queryOpt) {
        return send(AtRequest.singleLine("AT+QDMPCFG=4," + queryOpt, QDMPCFG));
    }

    public void saveDmMode(DmMode mode) {
        send(AtRequest.withoutLines("AT+QDMPCFG=0," + mode.code()));
    }

    /** Writes server, port and period; the address goes unquoted, as in the seed's example. */
    public void saveDmServer(DmServer server) {
        send(AtRequest.withoutLines("AT+QDMPCFG=1," + server.address() + "," + server.port() + "," + server.updatePeriodSeconds()));
    }

    /**
     * Writes APPkey, password, terminal type and, when not empty, terminal IMEI. Errors show the
     * command with the password masked.
     *
     * @throws IllegalStateException when the password is one read from the module (its mask)
     */
    public void saveDmCredentials(DmCredentials credentials) {
        String imei = credentials.terminalImei().isEmpty() ? "" : "," + credentials.terminalImei();
        String head = "AT+QDMPCFG=2,\"" + credentials.appKey() + "\",\"";
        String tail = "\"," + credentials.terminalType().code() + imei;
        send(AtRequest.withoutLines(head + credentials.password().secret() + tail)
                .shownAs(head + credentials.password().masked() + tail));
    }

    /** Erases saved settings; they fall back to the defaults at the next boot. */
    public void eraseDm(DmGroup group) {
        send(AtRequest.withoutLines("AT+QDMPCFG=5," + group.code()));
    }

    public DmState dmState() {
        return dmLine(send(AtRequest.singleLine("AT+QDMPCFG=6", QDMPCFG)), QdmpcfgLine.State.class).state();
    }

    private static DmMode parseMode(AtResult result) {
        QdmpcfgLine.Mode line = dmLine(result, QdmpcfgLine.Mode.class);
        return parse(result.command(), () -> DmMode.of(line.mode()));
    }

    private static DmServer parseServer(AtResult result) {
        QdmpcfgLine.Server line = dmLine(result, QdmpcfgLine.Server.class);
        return parse(result.command(), () -> new DmServer(line.address(), line.port(), line.updatePeriod()));
    }

    private static DmCredentials parseCredentials(AtResult result) {
        QdmpcfgLine.Credentials line = dmLine(result, QdmpcfgLine.Credentials.class);
        return parse(result.command(), () -> new DmCredentials(line.appKey(), DmPassword.shown(line.password()),
                line.terminalType(), line.terminalImei()));
    }

    /** The answer's {@code +QDMPCFG:} line of {@code kind}. */
    private static <T extends QdmpcfgLine> T dmLine(AtResult result, Class<T> kind) {
        return parse(result.command(), () -> QdmpcfgLine.find(result.lines(), kind)).orElseThrow(() ->
                new AtResponseException(result.command(), "no " + QDMPCFG + " " + QdmpcfgLine.typeOf(kind)
                        + " line in " + result.lines()));
    }

    // ---- China Mobile: AT+QDMPCFGEX ----------------------------------------------------------

    /** The saved values of one type (the module has no running view of them). */
    public TerminalInfo terminalInfo(TerminalInfoType type) {
        String command = "AT+QDMPCFGEX=" + type.code() + ",1";
        AtResult result = send(AtRequest.singleLine(command, QDMPCFGEX));
        QdmpcfgexLine line = parse(command, () -> QdmpcfgexLine.find(result.lines())).orElseThrow(() ->
                new AtResponseException(command, "no " + QDMPCFGEX + " line in " + result.lines()));
        if (line.type() != type) {
            throw new AtResponseException(command, "expected type " + type.code() + ", got " + line.format());
        }
        return TerminalInfo.create(type, line.values().stream().map(TerminalInfo::value).toList());
    }

    public <T extends TerminalInfo> T terminalInfo(Class<T> kind) {
        return kind.cast(terminalInfo(TerminalInfo.typeOf(kind)));
    }

    /** All six types, in type order. */
    public List<TerminalInfo> terminalInfo() {
        return Arrays.stream(TerminalInfoType.values()).map(this::terminalInfo).toList();
    }

    /** Saves one type; empty fields are written as {@code NULL}, as the seed asks. */
    public void saveTerminalInfo(TerminalInfo info) {
        List<TerminalInfoField> fields = info.type().fields();
        for (TerminalInfoField field : fields) {
            AtText.terminalInfo(field, info.get(field));
        }
        String values = info.values().stream()
                .map(value -> "\"" + value.orElse(TerminalInfoField.UNSET) + "\"")
                .collect(Collectors.joining(","));
        send(AtRequest.withoutLines("AT+QDMPCFGEX=" + info.type().code() + ",0," + values));
    }

    public void eraseTerminalInfo(TerminalInfoType type) {
        send(AtRequest.withoutLines("AT+QDMPCFGEX=" + type.code() + ",2"));
    }

    // ---- power and everything at once --------------------------------------------------------

    /**
     * {@code AT+QRST=1}, then waits for {@code RDY}: afterwards the module runs what is saved.
     *
     * @throws AtTimeoutException when {@code RDY} does not come within the reboot timeout
     */
    public void reboot() {
        // once AT is answered, everything the module sent before has been read: an RDY still in
        // flight from an earlier boot cannot be taken for this one
        send(AtRequest.withoutLines("AT"));
        CompletableFuture<String> ready = channel.nextUnsolicited(UnsolicitedLines.RDY::equals);
        try {
            send(AtRequest.withoutLines("AT+QRST=1"));
            ready.get(rebootTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new AtTimeoutException("AT+QRST=1", "no RDY after AT+QRST=1", rebootTimeout, List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AtChannelException("AT+QRST=1", "interrupted waiting for RDY", e);
        } catch (ExecutionException e) {
            throw new AtChannelException("AT+QRST=1", "waiting for RDY failed", e.getCause());
        } finally {
            ready.cancel(false);
        }
        if (numericErrors) {
            useNumericErrors();
        }
    }

    /** Reads every setting, running and saved, the DM state and the identity. */
    public SelfRegistrationStatus status() {
        return new SelfRegistrationStatus(identity(), ctSelfRegistration(), dmSettings(ConfigView.RUNNING),
                dmSettings(ConfigView.SAVED), dmState(), terminalInfo());
    }

    @Override
    public void close() {
        channel.close();
    }

    // ---- answers -----------------------------------------------------------------------------

    private AtResult send(AtRequest request) {
        return channel.send(request).orThrow();
    }

    /** Turns what a parser throws on a malformed answer into an {@link AtResponseException}. */
    private static <T> T parse(String command, Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new AtResponseException(command, e.getMessage());
        }
    }
}
