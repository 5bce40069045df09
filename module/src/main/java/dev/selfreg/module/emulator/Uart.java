package dev.selfreg.module.emulator;

import dev.selfreg.at.AtCommandSet;
import dev.selfreg.at.AtEngine;
import dev.selfreg.module.AwakeReason;
import dev.selfreg.module.ModuleLifecycle;
import dev.selfreg.module.ModuleLog;
import dev.selfreg.module.ModuleScheduler;
import dev.selfreg.module.Power;
import dev.selfreg.module.SavedConfig;
import dev.selfreg.module.SleepController;
import dev.selfreg.module.UrcOutput;
import org.slf4j.Logger;

/**
 * The module's UART: the host's bytes go to the AT engine, whose answers and the module's
 * unsolicited lines go to the host. Input is lost while the module is off or booting; in deep
 * sleep its first byte wakes the module and is lost, the rest is answered (with
 * {@code AT+QCFG="wakeupRXD",0} all of it is lost and the module sleeps on). It tells the host
 * of deep sleep and PSM as the module does (docs/power-saving.md): {@code +QNBIOTEVENT:
 * "ENTER DEEPSLEEP"} and {@code "EXIT DEEPSLEEP"} with {@code AT+QCFG="dsevent",1}, except
 * around an eDRX paging window, {@code +QATWAKEUP} after a wake-up and the PSM events when the
 * host turned them on. Called serialised.
 */
final class Uart implements ModuleLifecycle, UrcOutput {

    private static final Logger log = ModuleLog.LOG;

    private final ModuleScheduler scheduler;
    private final SleepController sleep;
    private final SavedConfig saved;
    private final String imei;
    private AtEngine.Output host = bytes -> { };
    private AtEngine<?> at;
    /** Whether the host was last told of deep sleep, not of a wake-up. */
    private boolean hostToldAsleep;

    Uart(ModuleScheduler scheduler, SleepController sleep, SavedConfig saved, String imei) {
        this.scheduler = scheduler;
        this.sleep = sleep;
        this.saved = saved;
        this.imei = imei;
    }

    /**
     * Puts the commands behind the UART. The module does it once, as the last step of its
     * assembly: the commands act on components that print through the UART.
     */
    <C> void answerWith(AtCommandSet<C> commands, C context) {
        at = new AtEngine<>(commands, context, bytes -> host.write(bytes));
        at.setTrace((line, response, reason) -> {
            if (reason != null) {
                log.debug("{} AT{} -> error: {}", imei, line, reason);
            }
        });
    }

    void connectHost(AtEngine.Output output) {
        host = output;
    }

    void disconnectHost() {
        host = bytes -> { };
    }

    void receive(byte[] data, int offset, int length) {
        Power power = scheduler.power();
        if (power == Power.OFF || power == Power.BOOTING) {
            return;
        }
        int lost = sleep.hostData(length);
        if (lost < length) {
            at.receive(data, offset + lost, length - lost);
        }
    }

    /** Sends an unsolicited line ({@code RDY}, {@code +CEREG: 1}). */
    @Override
    public void urc(String line) {
        at.urc(line);
    }

    /** Echo on and {@code AT+CMEE=0}, as after power-on ({@code ATZ}, {@code AT&F}). */
    void restoreAtSettings() {
        at.restoreSettings();
    }

    long internalErrors() {
        return at.internalErrors();
    }

    /** Power-on defaults: echo on, {@code AT+CMEE=0}, no partial line. */
    @Override
    public void poweredOn() {
        at.reset();
        hostToldAsleep = false;
    }

    @Override
    public void wentToDeepSleep() {
        if (!hostToldAsleep && saved.deepSleepEvents() == 1) {
            urc("+QNBIOTEVENT: \"ENTER DEEPSLEEP\"");
        }
        hostToldAsleep = true;
    }

    /** An eDRX paging window wakes the module without a word: the host still sees it asleep (Interpretation). */
    @Override
    public void wokeUp(AwakeReason reason) {
        if (reason == AwakeReason.PAGING) {
            return;
        }
        if (saved.deepSleepEvents() == 1) {
            urc("+QNBIOTEVENT: \"EXIT DEEPSLEEP\"");
        }
        if (sleep.wakeUpReport() == 1) {
            urc("+QATWAKEUP");
        }
        hostToldAsleep = false;
    }

    @Override
    public void enteredPsm() {
        if (sleep.psmEventReport() == 1) {
            urc("+QNBIOTEVENT: \"ENTER PSM\"");
        }
    }

    @Override
    public void leftPsm() {
        if (sleep.psmEventReport() == 1) {
            urc("+QNBIOTEVENT: \"EXIT PSM\"");
        }
    }
}
