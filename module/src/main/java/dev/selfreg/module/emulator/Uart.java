package dev.selfreg.module.emulator;

import dev.selfreg.at.AtCommandSet;
import dev.selfreg.at.AtEngine;
import dev.selfreg.module.ModuleLifecycle;
import dev.selfreg.module.ModuleLog;
import dev.selfreg.module.ModuleScheduler;
import dev.selfreg.module.Power;
import dev.selfreg.module.SleepController;
import dev.selfreg.module.UrcOutput;
import org.slf4j.Logger;

/**
 * The module's UART: the host's bytes go to the AT engine, whose answers and the module's
 * unsolicited lines go to the host. Input is lost while the module is off or booting; in deep
 * sleep it wakes the module ({@code +QATWAKEUP}) and is then answered. Called serialised.
 */
final class Uart implements ModuleLifecycle, UrcOutput {

    private static final Logger log = ModuleLog.LOG;

    private final ModuleScheduler scheduler;
    private final SleepController sleep;
    private final String imei;
    private AtEngine.Output host = bytes -> { };
    private AtEngine<?> at;

    Uart(ModuleScheduler scheduler, SleepController sleep, String imei) {
        this.scheduler = scheduler;
        this.sleep = sleep;
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
        if (sleep.hostData()) {
            at.urc("+QATWAKEUP");
        }
        at.receive(data, offset, length);
        sleep.restartIdleTimer();
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
    }
}
