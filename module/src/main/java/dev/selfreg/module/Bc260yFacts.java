package dev.selfreg.module;

import dev.selfreg.module.network.RetransmissionSchedule;
import dev.selfreg.vocabulary.DmMode;
import dev.selfreg.vocabulary.TerminalType;
import java.time.Duration;

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

    /** ATI manufacturer line (spec at-commands.md §6). */
    public static final String MANUFACTURER = "Quectel";
    /** ATI model line (spec at-commands.md §6). */
    public static final String MODEL = "BC260Y-CN";

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
