package dev.selfreg.module;

import dev.selfreg.nvram.NvramImage;
import dev.selfreg.nvram.NvramStore;
import dev.selfreg.vocabulary.DmGroup;
import dev.selfreg.vocabulary.TerminalInfoType;
import dev.selfreg.vocabulary.TerminalType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The module's settings as saved in NVRAM, read and written through typed operations. Every
 * save is one atomic NVRAM write (several fields of one command change together or not at
 * all); an erased or never-saved setting reads as its default.
 */
public final class SavedConfig {

    private static final String QSREGENABLE = "ct.qsregenable";
    private static final String SLEEP_MODE = "sleep.qsclk";
    private static final String BANDS = "radio.bands";
    private static final String UART_RATE = "uart.ipr";
    private static final String SLEEP_LOCK_TIME = "sleep.slplocktimes";
    private static final String DEEP_SLEEP_EVENTS = "sleep.dsevent";
    private static final String WAKEUP_RXD = "sleep.wakeuprxd";
    private static final String PDP_GROUP = "pdp.default.";
    private static final String PDP_TYPE = "pdp.default.type";
    private static final String PDP_APN = "pdp.default.apn";
    private static final String PDP_USERNAME = "pdp.default.username";
    private static final String PDP_PASSWORD = "pdp.default.password";
    private static final String PSM_MODE = "psm.mode";
    private static final String PSM_ACTIVE_TIME = "psm.active";
    private static final String PSM_PERIODIC_TAU = "psm.tau";
    private static final String EDRX_MODE = "edrx.mode";
    private static final String EDRX_VALUE = "edrx.value";
    private static final String BOOTED_FIRMWARE = "firmware.booted";
    private static final String CT_REGISTERED_FIRMWARE = "ct.registered.firmware";
    private static final String CT_REGISTERED_IMEI = "ct.registered.imei";
    private static final String CT_REGISTERED_ICCID = "ct.registered.iccid";
    private static final String DM = "dm.";
    private static final String DM_MODE = "dm.mode";
    private static final String DM_SERVER_GROUP = "dm.server.";
    private static final String DM_SERVER = "dm.server.address";
    private static final String DM_PORT = "dm.server.port";
    private static final String DM_PERIOD = "dm.server.period";
    private static final String DM_CREDENTIALS_GROUP = "dm.credentials.";
    private static final String DM_APPKEY = "dm.credentials.appkey";
    private static final String DM_PASSWORD = "dm.credentials.password";
    private static final String DM_TML_TYPE = "dm.credentials.tmltype";
    private static final String DM_TML_IMEI = "dm.credentials.tmlimei";
    private static final String TERMINAL_INFO = "dmex.";

    private final NvramStore store;
    private final ModuleProfile profile;

    public SavedConfig(NvramStore store, ModuleProfile profile) {
        this.store = store;
        this.profile = profile;
    }

    /** The saved QSREGENABLE: 0, 1, or 3 after the A03 to A04 FOTA. */
    public int qsregenable() {
        return integer(store.image(), QSREGENABLE).orElse((long) profile.qsregenableDefault()).intValue();
    }

    public void saveQsregenable(int mode) {
        store.update(image -> image.with(QSREGENABLE, Integer.toString(mode)));
    }

    public int sleepMode() {
        return integer(store.image(), SLEEP_MODE).orElse((long) Bc260yFacts.SLEEP_MODE_DEFAULT).intValue();
    }

    public void saveSleepMode(int mode) {
        store.update(image -> image.with(SLEEP_MODE, Integer.toString(mode)));
    }

    /** The bands of {@code AT+QBAND}, in the order set; all the module's ({@link Bc260yFacts#BANDS}) until one is saved. */
    public List<Integer> bands() {
        return store.image().get(BANDS)
                .map(text -> Arrays.stream(text.split(",")).map(Integer::valueOf).toList())
                .orElse(Bc260yFacts.BANDS);
    }

    public void saveBands(List<Integer> bands) {
        store.update(image -> image.with(BANDS, bands.stream().map(String::valueOf).collect(Collectors.joining(","))));
    }

    /** The UART's rate in bit/s ({@code AT+IPR}; 0 is auto-baud). */
    public int uartRate() {
        return integer(store.image(), UART_RATE).orElse((long) Bc260yFacts.UART_RATE_DEFAULT).intValue();
    }

    public void saveUartRate(int rate) {
        store.update(image -> image.with(UART_RATE, Integer.toString(rate)));
    }

    /**
     * {@code AT+QCFG="slplocktimes"}: how long a boot, a wake-up or the host's last byte keeps
     * the module out of deep sleep; the profile's idle time until a host sets it.
     */
    public Duration sleepLockTime() {
        return integer(store.image(), SLEEP_LOCK_TIME).map(Duration::ofSeconds).orElse(profile.idleBeforeDeepSleep());
    }

    public void saveSleepLockTime(int seconds) {
        store.update(image -> image.with(SLEEP_LOCK_TIME, Integer.toString(seconds)));
    }

    /** {@code AT+QCFG="dsevent"}: 1 prints {@code +QNBIOTEVENT: "ENTER DEEPSLEEP"} and {@code "EXIT DEEPSLEEP"}. */
    public int deepSleepEvents() {
        return integer(store.image(), DEEP_SLEEP_EVENTS).orElse((long) Bc260yFacts.DEEP_SLEEP_EVENTS_DEFAULT).intValue();
    }

    public void saveDeepSleepEvents(int mode) {
        store.update(image -> image.with(DEEP_SLEEP_EVENTS, Integer.toString(mode)));
    }

    /** {@code AT+QCFG="wakeupRXD"}: 1 lets host data on the UART wake the module from deep sleep. */
    public int wakeupRxd() {
        return integer(store.image(), WAKEUP_RXD).orElse((long) Bc260yFacts.WAKEUP_RXD_DEFAULT).intValue();
    }

    public void saveWakeupRxd(int mode) {
        store.update(image -> image.with(WAKEUP_RXD, Integer.toString(mode)));
    }

    /** {@code AT+QCGDEFCONT}: the default PDP context, {@link DefaultPdpContext#STANDARD} until a host sets one. */
    public DefaultPdpContext defaultPdpContext() {
        NvramImage image = store.image();
        if (image.get(PDP_TYPE).isEmpty()) {
            return DefaultPdpContext.STANDARD;
        }
        return new DefaultPdpContext(image.get(PDP_TYPE).get(), image.get(PDP_APN).orElse(""),
                image.get(PDP_USERNAME).orElse(""), image.get(PDP_PASSWORD).orElse(""));
    }

    /** Saves the whole context in one write: a power cut leaves the old one or the new one. */
    public void saveDefaultPdpContext(DefaultPdpContext context) {
        store.update(image -> image.withoutPrefix(PDP_GROUP)
                .with(PDP_TYPE, context.pdpType())
                .with(PDP_APN, context.apn())
                .with(PDP_USERNAME, context.username())
                .with(PDP_PASSWORD, context.password()));
    }

    /** The {@code <mode>} of {@code AT+CPSMS}: 1 PSM requested, 0 not. */
    public int psmMode() {
        return integer(store.image(), PSM_MODE).orElse((long) Bc260yFacts.PSM_MODE_DEFAULT).intValue();
    }

    /** The timers {@code AT+CPSMS} requests (kept while PSM is off, as its read form shows them). */
    public PsmTimers psmRequest() {
        NvramImage image = store.image();
        PsmTimers d = Bc260yFacts.PSM_REQUEST_DEFAULT;
        String active = image.get(PSM_ACTIVE_TIME).filter(PsmTimers::isOctet).orElse(d.activeTime());
        String tau = image.get(PSM_PERIODIC_TAU).filter(PsmTimers::isOctet).orElse(d.periodicTau());
        return new PsmTimers(active, tau);
    }

    /** Saves an {@code AT+CPSMS} setting in one atomic write. */
    public void savePsm(int mode, PsmTimers request) {
        store.update(image -> image.with(PSM_MODE, Integer.toString(mode))
                .with(PSM_ACTIVE_TIME, request.activeTime())
                .with(PSM_PERIODIC_TAU, request.periodicTau()));
    }

    /** The {@code <mode>} of {@code AT+CEDRXS}: 0 off, 1 eDRX requested, 2 also with {@code +CEDRXP}. */
    public int edrxMode() {
        return integer(store.image(), EDRX_MODE).orElse((long) Bc260yFacts.EDRX_MODE_DEFAULT).intValue();
    }

    /** The eDRX value {@code AT+CEDRXS} requests. */
    public String edrxRequest() {
        return store.image().get(EDRX_VALUE).filter(value -> EdrxTimers.cycleOf(value).isPresent())
                .orElse(Bc260yFacts.EDRX_REQUEST_DEFAULT);
    }

    /** Saves an {@code AT+CEDRXS} setting in one atomic write. */
    public void saveEdrx(int mode, String value) {
        store.update(image -> image.with(EDRX_MODE, Integer.toString(mode)).with(EDRX_VALUE, value));
    }

    /** The firmware version the module last booted, if it ever booted with this NVRAM. */
    public Optional<String> bootedFirmware() {
        return store.image().get(BOOTED_FIRMWARE);
    }

    public void saveBootedFirmware(String version) {
        store.update(image -> image.with(BOOTED_FIRMWARE, version));
    }

    /** What the last successful China Telecom self-registration reported, if any. */
    public Optional<CtIdentity> ctRegistration() {
        NvramImage image = store.image();
        Optional<String> firmware = image.get(CT_REGISTERED_FIRMWARE);
        Optional<String> imei = image.get(CT_REGISTERED_IMEI);
        Optional<String> iccid = image.get(CT_REGISTERED_ICCID);
        if (firmware.isEmpty() || imei.isEmpty() || iccid.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CtIdentity(firmware.get(), imei.get(), iccid.get()));
    }

    /** Stores a successful registration's tuple in one atomic write: all three or none. */
    public void saveCtRegistration(CtIdentity identity) {
        store.update(image -> image.with(CT_REGISTERED_FIRMWARE, identity.firmware())
                .with(CT_REGISTERED_IMEI, identity.imei())
                .with(CT_REGISTERED_ICCID, identity.iccid()));
    }

    public DmConfig dm() {
        NvramImage image = store.image();
        DmConfig d = DmConfig.DEFAULTS;
        return new DmConfig(
                integer(image, DM_MODE).map(Long::intValue).orElse(d.mode()),
                image.get(DM_SERVER).orElse(d.server()),
                integer(image, DM_PORT).map(Long::intValue).orElse(d.port()),
                integer(image, DM_PERIOD).orElse(d.updatePeriod()),
                image.get(DM_APPKEY).orElse(d.appKey()),
                image.get(DM_PASSWORD).orElse(d.password()),
                integer(image, DM_TML_TYPE).flatMap(code -> TerminalType.of(code.intValue())).orElse(d.tmlType()),
                image.get(DM_TML_IMEI).orElse(d.tmlImei()));
    }

    public void saveDmMode(int mode) {
        store.update(image -> image.with(DM_MODE, Integer.toString(mode)));
    }

    /** Saves the server and, where given, port and period (omitted ones keep their value). */
    public void saveDmServer(String server, Optional<Long> port, Optional<Long> period) {
        store.update(image -> {
            NvramImage next = image.with(DM_SERVER, server);
            if (port.isPresent()) {
                next = withNumber(next, DM_PORT, port.get());
            }
            if (period.isPresent()) {
                next = withNumber(next, DM_PERIOD, period.get());
            }
            return next;
        });
    }

    /** Saves APPkey and password and, where given, terminal type and IMEI. */
    public void saveDmCredentials(String appKey, String password, Optional<TerminalType> tmlType, Optional<String> tmlImei) {
        store.update(image -> {
            NvramImage next = image.with(DM_APPKEY, appKey).with(DM_PASSWORD, password);
            if (tmlType.isPresent()) {
                next = withNumber(next, DM_TML_TYPE, tmlType.get().code());
            }
            if (tmlImei.isPresent()) {
                next = next.with(DM_TML_IMEI, tmlImei.get());
            }
            return next;
        });
    }

    public void eraseDm(DmGroup group) {
        store.update(image -> image.withoutPrefix(prefix(group)));
    }

    /** Where a group's keys live in NVRAM. */
    private static String prefix(DmGroup group) {
        return switch (group) {
            case MODE -> DM_MODE;
            case SERVER -> DM_SERVER_GROUP;
            case CREDENTIALS -> DM_CREDENTIALS_GROUP;
            case ALL -> DM;
        };
    }

    public TerminalInfo terminalInfo() {
        NvramImage image = store.image();
        Map<TerminalInfoType, List<String>> values = new EnumMap<>(TerminalInfoType.class);
        for (TerminalInfoType type : TerminalInfoType.values()) {
            List<String> fields = new ArrayList<>();
            for (int i = 0; i < type.fields().size(); i++) {
                image.get(terminalInfoKey(type, i)).ifPresent(fields::add);
            }
            if (fields.size() == type.fields().size()) {
                values.put(type, fields);
            }
        }
        return new TerminalInfo(values);
    }

    public void saveTerminalInfo(TerminalInfoType type, List<String> fields) {
        if (fields.size() != type.fields().size()) {
            throw new IllegalArgumentException(type + " has " + type.fields().size() + " fields");
        }
        store.update(image -> {
            NvramImage next = image;
            for (int i = 0; i < fields.size(); i++) {
                next = next.with(terminalInfoKey(type, i), fields.get(i));
            }
            return next;
        });
    }

    public void eraseTerminalInfo(TerminalInfoType type) {
        store.update(image -> image.withoutPrefix(TERMINAL_INFO + type.code() + "."));
    }

    /** What a boot copies into the running configuration. */
    public RunningConfig toRunning() {
        return new RunningConfig(qsregenable(), dm(), terminalInfo());
    }

    private static String terminalInfoKey(TerminalInfoType type, int field) {
        return TERMINAL_INFO + type.code() + "." + field;
    }

    private static NvramImage withNumber(NvramImage image, String key, long value) {
        return image.with(key, Long.toString(value));
    }

    private static Optional<Long> integer(NvramImage image, String key) {
        return image.get(key).flatMap(text -> {
            try {
                return Optional.of(Long.parseLong(text));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }
}
