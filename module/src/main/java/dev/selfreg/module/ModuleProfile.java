package dev.selfreg.module;

import java.time.Duration;
import java.util.Optional;

/**
 * What makes one emulated unit what it is: its identity, the SIM in its slot at power-on,
 * its factory defaults, its timings, the {@link AtDialect} it answers and the {@code MODEL} it
 * reports. Immutable; {@code with...} methods make variants.
 *
 * @param ctModel the {@code MODEL} of its China Telecom report, {@code <vendor code>-<model>}
 *                (ct-zzhc-wire.md, MODEL): a product's own setting, {@link Bc260yFacts#CT_MODEL}
 *                by default; any value is sent as set, so a test can send a wrong one
 */
public record ModuleProfile(String imei, String firmware, Optional<Sim> sim, int qsregenableDefault,
                            Duration bootTime, Duration attachTime, Duration idleBeforeDeepSleep,
                            AtDialect atDialect, String ctModel) {

    public ModuleProfile {
        if (!imei.matches("\\d{15}")) {
            throw new IllegalArgumentException("IMEI must be 15 digits: " + imei);
        }
        if (firmware.isBlank()) {
            throw new IllegalArgumentException("firmware version is empty");
        }
        if (qsregenableDefault != 0 && qsregenableDefault != 1) {
            throw new IllegalArgumentException("QSREGENABLE default is 0 or 1");
        }
        if (atDialect == null) {
            throw new IllegalArgumentException("AT dialect missing");
        }
        if (ctModel.isEmpty()) {
            throw new IllegalArgumentException("the China Telecom MODEL is empty");
        }
    }

    /** A stock BC260Y-CN with a China Telecom card. */
    public static ModuleProfile standard() {
        return new ModuleProfile(Bc260yFacts.DEFAULT_IMEI, Bc260yFacts.DEFAULT_FIRMWARE, Optional.of(Sim.CHINA_TELECOM),
                Bc260yFacts.QSREGENABLE_DEFAULT, Bc260yFacts.BOOT_TIME, Bc260yFacts.ATTACH_TIME,
                Bc260yFacts.IDLE_BEFORE_DEEP_SLEEP, AtDialect.BC260Y_CN, Bc260yFacts.CT_MODEL);
    }

    /** The unit's serial number, as {@code AT+CGSN=0} shows it: {@link Bc260yFacts#SERIAL_NUMBER_PREFIX} and the IMEI. */
    public String serialNumber() {
        return Bc260yFacts.SERIAL_NUMBER_PREFIX + imei;
    }

    /**
     * The IMEISV of {@code AT+CGSN=2} (3GPP TS 23.003 §6.2.2): the IMEI without its check digit,
     * then the software version number.
     */
    public String imeiSv() {
        return imei.substring(0, 14) + Bc260yFacts.SOFTWARE_VERSION_NUMBER;
    }

    public ModuleProfile withImei(String value) {
        return new ModuleProfile(value, firmware, sim, qsregenableDefault, bootTime, attachTime, idleBeforeDeepSleep,
                atDialect, ctModel);
    }

    public ModuleProfile withFirmware(String value) {
        return new ModuleProfile(imei, value, sim, qsregenableDefault, bootTime, attachTime, idleBeforeDeepSleep,
                atDialect, ctModel);
    }

    public ModuleProfile withSim(Optional<Sim> value) {
        return new ModuleProfile(imei, firmware, value, qsregenableDefault, bootTime, attachTime, idleBeforeDeepSleep,
                atDialect, ctModel);
    }

    public ModuleProfile withQsregenableDefault(int value) {
        return new ModuleProfile(imei, firmware, sim, value, bootTime, attachTime, idleBeforeDeepSleep, atDialect,
                ctModel);
    }

    public ModuleProfile withBootTime(Duration value) {
        return new ModuleProfile(imei, firmware, sim, qsregenableDefault, value, attachTime, idleBeforeDeepSleep,
                atDialect, ctModel);
    }

    public ModuleProfile withAtDialect(AtDialect value) {
        return new ModuleProfile(imei, firmware, sim, qsregenableDefault, bootTime, attachTime, idleBeforeDeepSleep,
                value, ctModel);
    }

    /** The same unit reporting {@code value} as its China Telecom {@code MODEL}. */
    public ModuleProfile withCtModel(String value) {
        return new ModuleProfile(imei, firmware, sim, qsregenableDefault, bootTime, attachTime, idleBeforeDeepSleep,
                atDialect, value);
    }
}
