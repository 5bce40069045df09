package dev.selfreg.module;

import dev.selfreg.module.network.RetransmissionSchedule;
import dev.selfreg.vocabulary.DmMode;
import dev.selfreg.vocabulary.TerminalType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The numbers of the BC260Y-CN that selfreg emulates, in one place, each with its source:
 * "seed" is Quectel's BC260Y-CN self-registration manual v1.0 (shared/seed), "spec" the
 * project's restatement of it (shared/spec), where Interpretation marks our own choice. The
 * terms a host shares with the module (tmlType, DMstate, eraseOpt, the terminal information and
 * its limits, the CME codes) are in {@link dev.selfreg.vocabulary}.
 */
public final class Bc260yFacts {

    private Bc260yFacts() {
    }

    /** The vendor, as the CT report's MODEL and the LwM2M Device object name it (spec ct-zzhc-wire.md). */
    public static final String MANUFACTURER = "Quectel";
    /** The model, as the CT report's MODEL and the LwM2M Device object name it (spec ct-zzhc-wire.md). */
    public static final String MODEL = "BC260Y-CN";

    /** ATI's first line, and AT+CGMI (research "Identity": R-BC260Y's ATI; CGMI an Interpretation). */
    public static final String AT_MANUFACTURER = "Quectel_Ltd";
    /** ATI's second line, and AT+CGMM (research "Identity": R-BC260Y's ATI and CGMM). */
    public static final String AT_MODEL = "Quectel_BC260Y-CN";
    /** How ATI and AT+CGMR introduce the firmware version (R-BC260Y: {@code Revision: BC260YCNAAR02A02}). */
    public static final String REVISION_PREFIX = "Revision: ";
    /**
     * The software version number of AT+CGSN=3, and the end of the IMEISV of AT+CGSN=2 (R-BC260Y:
     * {@code 02}; Interpretation: the same for every emulated firmware).
     */
    public static final String SOFTWARE_VERSION_NUMBER = "02";
    /**
     * How the emulated unit's serial number (AT+CGSN=0) begins; its IMEI follows, giving the
     * 17 characters of R-BC260Y's {@code MP823G70607252204} (Interpretation: units differ as their
     * IMEIs do).
     */
    public static final String SERIAL_NUMBER_PREFIX = "MP";

    /** AT+IPR default, bit/s (research AT+IPR: XY1100 factory NV {@code uart_rate}=4, x2400). */
    public static final int UART_RATE_DEFAULT = 9600;
    /** The AT+IPR set values, 0 being auto-baud (research AT+IPR: XY-260Y {@code at_IPR_req2}). */
    public static final List<Integer> UART_RATES =
            List.of(0, 4800, 9600, 19200, 38400, 57600, 115200, 230400, 460800, 921600);
    /** The rates AT+IPR's auto-baud detects, the first list of its test form (XY-260Y {@code at_IPR_req2}). */
    public static final List<Integer> UART_AUTO_RATES = List.of(1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200);

    /** What {@code AT+QPOWD=1} prints before the module switches off (research AT+QPOWD: BC25-SDK). */
    public static final String NORMAL_POWER_DOWN = "NORMAL POWER DOWN";

    /** The zone of the network's time, in quarter hours: China Standard Time (R-BC260Y: {@code +CCLK: "...+32"}). */
    public static final int NETWORK_TIME_ZONE = 32;
    /**
     * The RTC after power-on, until the network's time or AT+CCLK sets it, in UTC (Interpretation:
     * the research found no BC260Y-CN value; XY-MG prints the unset RTC with zone {@code +00}).
     */
    public static final Instant RTC_AT_POWER_ON = Instant.parse("2000-01-01T00:00:00Z");
    /**
     * The lab network's time at the start of a virtual clock (Interpretation: a fixed instant keeps
     * virtual runs reproducible; on the real clock the network's time is the computer's).
     */
    public static final Instant LAB_TIME_AT_VIRTUAL_START = Instant.parse("2026-01-01T00:00:00Z");

    /** Firmware whose QSREGENABLE=1 reads back as 3 after FOTA to A04 or later (seed 3.2.1 备注). */
    public static final String FOTA_NOTE_FROM_FIRMWARE = "BC260YCNAAR01A03";
    /** The query value of QSREGENABLE after that FOTA (seed 3.2.1 备注). */
    public static final int QSREGENABLE_AFTER_FOTA = 3;
    /** Factory default of QSREGENABLE (spec at-commands.md §3, Interpretation). */
    public static final int QSREGENABLE_DEFAULT = 1;

    /** DM_Mode default: CMDMP registration on (seed 2.2.1; spec §4 Interpretation). */
    public static final DmMode DM_MODE_DEFAULT = DmMode.ALLOWED;
    /** tmlType default: 0, interface (Interpretation); the values are {@link TerminalType}'s (seed 3.2.2). */
    public static final TerminalType TML_TYPE_DEFAULT = TerminalType.INTERFACE;
    public static final int TML_TYPE_MAX = TerminalType.values().length - 1;
    /** tmlIMEI length in characters (seed 3.2.2: 15~17 字节); digits only (Interpretation). */
    public static final int TML_IMEI_MIN = 15;
    public static final int TML_IMEI_MAX = 17;
    /** Longest serverIP, APPkey and password (spec §4, Interpretation: the seed gives none). */
    public static final int DM_STRING_MAX = 63;

    /** AT+QSCLK default: light and deep sleep allowed (spec §6). */
    public static final int SLEEP_MODE_DEFAULT = 1;
    /** AT+QSCLK value that allows deep sleep (spec self-registration §1). */
    public static final int SLEEP_MODE_DEEP = 1;
    /** AT+QSCLK value that disables sleep, the only one under which CT retries (seed 2.1.4 "未设置禁用休眠模式"). */
    public static final int SLEEP_MODE_DISABLED = 0;
    /**
     * How long the module stays awake after a boot, a wake-up by the host or an RTC timer, and
     * after the host's last byte, before it may deep sleep (spec self-registration §1,
     * Interpretation; docs/power-saving.md: the default of {@code AT+QCFG="slplocktimes"}).
     */
    public static final Duration IDLE_BEFORE_DEEP_SLEEP = Duration.ofSeconds(10);
    /** The largest {@code AT+QCFG="slplocktimes"}, in seconds (research §2 AT+QSCLK: 260Y-SDK {@code <0-30>}). */
    public static final int SLEEP_LOCK_TIME_MAX = 30;
    /** {@code AT+QCFG="dsevent"} default: the deep-sleep URCs are on (research §2 AT+QNBIOTEVENT: 260Y-SDK). */
    public static final int DEEP_SLEEP_EVENTS_DEFAULT = 1;
    /** {@code AT+QCFG="wakeupRXD"} default: host data wakes deep sleep (docs/power-saving.md, Interpretation). */
    public static final int WAKEUP_RXD_DEFAULT = 1;

    /** {@code AT+CPSMS} default mode: PSM on (research §2 AT+CPSMS: the clone's factory NV, "as on BC260Y"). */
    public static final int PSM_MODE_DEFAULT = 1;
    /**
     * What {@code AT+CPSMS} requests until a host sets other timers, and the network grants:
     * T3324 10 s (the bench observation of research §5, PSM about 10 s after idle), T3412 30 h,
     * longer than the CMDMP daily Update (docs/power-saving.md, Interpretation: the factory
     * values were not found).
     */
    public static final PsmTimers PSM_REQUEST_DEFAULT = new PsmTimers("00000101", "01000011");
    /** {@code AT+CEDRXS} default mode: eDRX off (research §2 AT+CEDRXS: the clone's factory NV). */
    public static final int EDRX_MODE_DEFAULT = 0;
    /** The eDRX value requested until a host sets one: 20.48 s, the shortest NB-S1 cycle (Interpretation). */
    public static final String EDRX_REQUEST_DEFAULT = "0010";
    /** The paging time window the emulated network grants with eDRX: 2.56 s (Interpretation). */
    public static final String EDRX_PAGING_WINDOW_GRANTED = "0000";
    /** The access technology of {@code AT+CEDRXS} and {@code AT+CEDRXRDP}: 5, E-UTRAN NB-S1 (TS 27.007 §7.40). */
    public static final int EDRX_ACT_NB_S1 = 5;
    /** Power-on to RDY (Interpretation: immediate, so a virtual clock needs no advance to boot). */
    public static final Duration BOOT_TIME = Duration.ZERO;
    /** Network search from boot to attach, +CEREG stat 2 meanwhile (Interpretation). */
    public static final Duration ATTACH_TIME = Duration.ofSeconds(2);

    // ---- the emulated radio network (docs/research/bc260y-cn-at-commands.md, "research" below) ----

    /**
     * The signal a unit measures by default: {@code +CSQ: 8,0} as a real BC260Y-CN answered it
     * (research §2 AT+CSQ, bench log [R-BC260Y]); RSRP 33 (-108 dBm) and RSRQ 20 (-10 dB) for
     * {@code AT+CESQ} (Interpretation: the log has no CESQ; values of a cell of that strength).
     */
    public static final RadioSignal DEFAULT_SIGNAL = new RadioSignal(8, 0, 33, 20);
    /** The EMM cause a refused registration carries: #11 PLMN not allowed (TS 24.301 Annex A; Interpretation). */
    public static final int DEFAULT_REJECT_CAUSE = 11;
    /** {@code <cause_type>} 0: the reject cause is an EMM cause (TS 27.007 §10.1.22). */
    public static final int CAUSE_TYPE_EMM = 0;
    /** {@code <AcT>} 9: E-UTRAN NB-S1, the only one of an NB-IoT module (TS 27.007 §10.1.22; research §2 AT+CEREG). */
    public static final int ACT_NB_S1 = 9;
    /** Tracking area code of the emulated cell, 2 bytes (Interpretation: any value; the research has none). */
    public static final int CELL_TAC = 0x5A2B;
    /** E-UTRAN cell identity of the emulated cell, 28 bits (Interpretation). */
    public static final int CELL_ID = 0x0C3B4D01;
    /** Physical cell id of the emulated cell, 0-503 (Interpretation). */
    public static final int CELL_PCI = 215;
    /** SINR of the emulated cell in dB, for {@code AT+QENG=0} (Interpretation). */
    public static final int CELL_SINR = 12;
    /** Coverage enhancement level, for {@code AT+QENG=0}: 0, normal coverage (Interpretation). */
    public static final int CELL_ECL = 0;
    /** Transmit power in dBm, for {@code AT+QENG=0} (Interpretation). */
    public static final int CELL_TX_POWER = 10;
    /** Operation mode, for {@code AT+QENG=0}: 0, in-band with the same PCI (Interpretation). */
    public static final int CELL_OPERATION_MODE = 0;
    /**
     * The bands of the BC260Y-CN in the order {@code AT+QBAND?} lists them: {@code +QBAND: 5,8,3}
     * (research §2 AT+QBAND, bench log [R-BC260Y]; the test form {@code (5,8,3)} per the clone's NV log).
     */
    public static final List<Integer> BANDS = List.of(5, 8, 3);
    /** Most bands {@code AT+QBAND=<n>,...} takes: {@code <n>} 0-3 (research §2 AT+QBAND). */
    public static final int BANDS_MAX_SET = 3;
    /**
     * The band each carrier's NB-IoT cell is on, for {@code AT+QENG=0}: China Telecom 5, China
     * Mobile 8, any other (China Unicom) 3 (research [CSDN-BC260Y]); the EARFCN is one of the band's
     * (Interpretation). The emulated network serves every band: {@code AT+QBAND} restricts nothing.
     */
    public static final int BAND_CHINA_TELECOM = 5;
    public static final int BAND_CHINA_MOBILE = 8;
    public static final int BAND_OTHER = 3;
    public static final Map<Integer, Integer> BAND_EARFCN = Map.of(5, 2506, 8, 3738, 3, 1825);
    /** The default context of the BC260Y-CN: cid 0 ({@code +CGPADDR: 0,"..."}, research §2 AT+CGPADDR). */
    public static final int DEFAULT_CID = 0;
    /**
     * The URC that tells the host the default bearer is up, followed by its IPv4 address unquoted
     * ({@code +IP: 100.85.29.214}, research §4: R-BC260Y after boot and attach; clone
     * {@code AtcAp_MsgProc_PDNIPADDR_Ind}); printed on every attach, after the {@code +CEREG} URC.
     */
    public static final String ADDRESS_URC = "+IP: ";
    /**
     * The PDP types {@code AT+QCGDEFCONT} takes for the default context, spelt as they must be
     * (research §2 AT+CGDCONT: XY-MG {@code at_QCGDEFCONT_req} compares them case-sensitively).
     */
    public static final List<String> DEFAULT_CONTEXT_PDP_TYPES = List.of("IP", "IPV6", "IPV4V6", "PPP", "Non-IP");
    /** The default context's type until a host sets one: {@code IP}, as {@code AT+CGDCONT?} shows it (research §2). */
    public static final String DEFAULT_CONTEXT_PDP_TYPE = "IP";
    /** Longest APN {@code AT+QCGDEFCONT} takes, in characters (XY-MG {@code at_QCGDEFCONT_req}: more than 100 is an error). */
    public static final int DEFAULT_CONTEXT_APN_MAX = 100;
    /** Longest PDP username or password {@code AT+QCGDEFCONT} takes (XY-MG {@code at_QCGDEFCONT_req}: more than 16 is an error). */
    public static final int DEFAULT_CONTEXT_AUTH_MAX = 16;
    /** Highest context id of {@code AT+CGPADDR=<cid>} and {@code AT+CGDCONT}: 0-10 (research §2 AT+CGPADDR). */
    public static final int CID_MAX = 10;
    /**
     * Where the addresses the network assigns come from: RFC 6598 shared address space
     * 100.64.0.0/10, as the real unit's {@code 100.67.249.195} (research §2 AT+CGPADDR); each unit's
     * is derived from its IMEI (Interpretation). No socket ever uses it: the lab is on loopback.
     */
    public static final int ASSIGNED_ADDRESS_BASE = (100 << 24) | (64 << 16);
    public static final int ASSIGNED_ADDRESS_HOSTS = 1 << 22;
    /**
     * The DNS servers the emulated network hands out at the attach, shown by {@code AT+QIDNSCFG?}
     * (Interpretation: the research has no value; the lab resolves names itself whatever they are).
     */
    public static final String NETWORK_DNS_PRIMARY = "114.114.114.114";
    public static final String NETWORK_DNS_SECONDARY = "8.8.8.8";
    /** Longest DNS server address {@code AT+QIDNSCFG} takes, in characters (research §2: 260Y build {@code %51p}). */
    public static final int DNS_ADDRESS_MAX = 51;

    /** CoAP Uri-Path of the report (spec ct-zzhc-wire.md: {@code coap://zzhc.vnet.cn:5683/nb}). */
    public static final String CT_PATH = "nb";
    /** Content-Format of the report: 50, application/json (spec ct-zzhc-wire.md, Transport). */
    public static final int CT_CONTENT_FORMAT = 50;
    /**
     * The vendor code in the report's MODEL: China Telecom assigns each vendor one of at most 3 characters (spec
     * ct-zzhc-wire.md, MODEL). Interpretation: the lab's placeholder, as Quectel's code is not public; a product sets
     * its own in the module profile.
     */
    public static final String CT_VENDOR_CODE = "QTL";
    /** The model in the report's MODEL: {@link #MODEL} with its {@code -} a space, as XinYi writes it (same section). */
    public static final String CT_MODEL_NAME = MODEL.replace('-', ' ');
    /** The report's default MODEL, {@code <vendor code>-<model>}: {@code QTL-BC260Y CN} (spec ct-zzhc-wire.md, MODEL). */
    public static final String CT_MODEL = CT_VENDOR_CODE + "-" + CT_MODEL_NAME;
    /** At most three CT attempts per boot: the first and two retries (seed 2.1.3). */
    public static final int CT_ATTEMPTS_PER_BOOT = 3;
    /** Wait between CT attempts (seed 2.1.3 "每次重试间隔时间为 1 小时"; Interpretation: counted from the failure). */
    public static final Duration CT_RETRY_INTERVAL = Duration.ofHours(1);
    /**
     * CT report retransmission: RFC 7252 §4.8 defaults, ACK_TIMEOUT 2 s, ACK_RANDOM_FACTOR 1.5,
     * doubling, MAX_RETRANSMIT 4 (spec self-registration §2; seed 2.1.4 names CoAP retransmission).
     */
    public static final RetransmissionSchedule CT_RETRANSMISSION =
            new RetransmissionSchedule(Duration.ofSeconds(2), 1.5, 2.0, 4);
    /**
     * CMDMP retransmission: 5 resends after waits of 2, 4, 8, 16, 32 s and a last wait of 64 s,
     * no random factor (seed 2.2.3; spec self-registration §3).
     */
    public static final RetransmissionSchedule DM_RETRANSMISSION =
            new RetransmissionSchedule(Duration.ofSeconds(2), 1.0, 2.0, 5);
    /**
     * When a CMDMP Register or Update without an answer fails, counted from its first send (seed
     * 2.2.3 "总超时时间为 128 秒"; the waits of {@link #DM_RETRANSMISSION} add up to 126 s, spec
     * self-registration §3 declares the timeout at 128 s).
     */
    public static final Duration DM_EXCHANGE_TIMEOUT = Duration.ofSeconds(128);
    /** Short Server ID of the CMDMP server in object 1 (Interpretation: the seed and the DM sources give none). */
    public static final int DM_SHORT_SERVER_ID = 1;
    /**
     * What the Register's lifetime {@code lt} adds to {@code update_Period} (spec cmcc-dm-wire.md, Register,
     * Interpretation: the Unisoc DM client's {@code dm_module_cus.c} sets the period plus 46 s).
     */
    public static final Duration DM_LIFETIME_MARGIN = Duration.ofSeconds(46);

    /** Default identity of an emulated unit (the wire specs' test vectors use this IMEI). */
    public static final String DEFAULT_IMEI = "869999000000001";
    public static final String DEFAULT_FIRMWARE = "BC260YCNAAR01A04";
}
