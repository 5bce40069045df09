package dev.selfreg.module;

/**
 * The configuration the module runs with: copied from NVRAM at boot and unchanged until the
 * next boot, whatever the host saves meanwhile (seed: "该命令重启后生效"). Deep sleep keeps it.
 */
public record RunningConfig(int qsregenable, DmConfig dm, TerminalInfo terminalInfo) {

    /** China Telecom self-registration is on: 1, or 3 after the A03 to A04 FOTA (seed 3.2.1). */
    public boolean ctSelfRegistrationEnabled() {
        return qsregenable == 1 || qsregenable == Bc260yFacts.QSREGENABLE_AFTER_FOTA;
    }
}
