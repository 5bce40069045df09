package dev.selfreg.module.at;

import dev.selfreg.at.AtCommand;
import dev.selfreg.at.AtResponse;
import dev.selfreg.module.Rtc;

/**
 * {@code AT+QCCLK?} (BC26/BC66): the real-time clock as those modules print it, unquoted with a
 * two-digit year, {@code +QCCLK: 22/02/14,03:26:03+32} (research AT+QCCLK: a BC66 driver's
 * comment; JiekangHuang's BC26 driver reads the date before the comma). Not a BC260Y-CN command.
 */
final class QcclkCommand extends AtCommand<AtContext> {

    QcclkCommand() {
        super("+QCCLK");
    }

    @Override
    public AtResponse query(AtContext module) {
        Rtc rtc = module.rtc();
        return AtResponse.ok("+QCCLK: " + CclkCommand.format(rtc.now(), rtc.zoneQuarters(), false));
    }

    @Override
    public AtResponse test(AtContext module) {
        return AtResponse.ok();
    }
}
