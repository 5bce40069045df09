package dev.selfreg.module.at;

import dev.selfreg.module.ModuleProfile;
import dev.selfreg.module.NetworkAttach;
import dev.selfreg.module.Rtc;
import dev.selfreg.module.RunningConfig;
import dev.selfreg.module.SavedConfig;
import dev.selfreg.module.Sim;
import dev.selfreg.module.SleepController;
import java.util.Optional;

/**
 * What an AT command may touch of the module: the unit's identity and this boot's SIM and
 * running configuration, NVRAM, the radio and registration ({@link NetworkAttach}), sleep
 * ({@link SleepController}), the real-time clock ({@link Rtc}), the CMDMP state, the UART's
 * V.25ter settings, a reboot and a power-off. A command never sees the timers,
 * the network or the agents themselves. It acts on the part of the module it concerns through
 * that part's accessor here; a new part a command needs gets one accessor, never a method on
 * the module. Called serialised on the module, as the AT engine is.
 */
public interface AtContext {

    ModuleProfile profile();

    /** The SIM read at the last boot. */
    Optional<Sim> sim();

    SavedConfig saved();

    /** The configuration of the current boot; present whenever the module answers AT. */
    Optional<RunningConfig> running();

    /** The radio ({@code AT+CFUN}), the registration and its reporting ({@code AT+CEREG}). */
    NetworkAttach attach();

    /** The sleep mode ({@code AT+QSCLK}) and the awake time. */
    SleepController sleep();

    /** The real-time clock ({@code AT+CCLK}). */
    Rtc rtc();

    /** The {@code <DMstate>} of {@code AT+QDMPCFG=6}: the CMDMP agent's {@code DmState} code. */
    int dmState();

    /** A software reset ({@code AT+QRST=1}): a boot like any other. */
    void reboot();

    /**
     * The module switches itself off ({@code AT+QPOWD}); only power applied again starts it. A
     * normal power-off first prints {@code NORMAL POWER DOWN}.
     */
    void powerOff(boolean normal);

    /** The UART's V.25ter settings, echo and {@code AT+CMEE}, back to their power-on values ({@code ATZ}, {@code AT&F}). */
    void restoreAtSettings();
}
