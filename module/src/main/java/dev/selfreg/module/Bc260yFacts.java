package dev.selfreg.module;

import dev.selfreg.module.network.RetransmissionSchedule;
import dev.selfreg.vocabulary.DmMode;
import dev.selfreg.vocabulary.TerminalType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

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
    /** Idle time before deep sleep when nothing is pending (spec self-registration §1, Interpretation). */
    public static final Duration IDLE_BEFORE_DEEP_SLEEP = Duration.ofSeconds(10);
    /** Power-on to RDY (Interpretation: immediate, so a virtual clock needs no advance to boot). */
    public static final Duration BOOT_TIME = Duration.ZERO;
    /** Network search from boot to attach, +CEREG stat 2 meanwhile (Interpretation). */
    public static final Duration ATTACH_TIME = Duration.ofSeconds(2);

    /** CoAP Uri-Path of the report (spec ct-zzhc-wire.md: {@code coap://zzhc.vnet.cn:5683/nb}). */
    public static final String CT_PATH = "nb";
    /** Content-Format of the report: 50, application/json (spec ct-zzhc-wire.md, Transport). */
    public static final int CT_CONTENT_FORMAT = 50;
    /** The report's MODEL, {@code <vendor>-<model>} (spec ct-zzhc-wire.md, Request body). */
    public static final String CT_MODEL = MANUFACTURER + "-" + MODEL;
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

    /** Default identity of an emulated unit (the wire specs' test vectors use this IMEI). */
    public static final String DEFAULT_IMEI = "869999000000001";
    public static final String DEFAULT_FIRMWARE = "BC260YCNAAR01A04";
}
