package dev.selfreg.module.at;

import dev.selfreg.at.AtCommand;
import dev.selfreg.at.AtResponse;

/** {@code AT+QCCID}: the ICCID of the card. */
final class QccidCommand extends AtCommand<AtContext> {

    QccidCommand() {
        super("+QCCID");
    }

    @Override
    public AtResponse execute(AtContext module) {
        return AtResponse.ok("+QCCID: " + SimSlot.read(module).iccid());
    }

    @Override
    public AtResponse test(AtContext module) {
        return AtResponse.ok();
    }
}
