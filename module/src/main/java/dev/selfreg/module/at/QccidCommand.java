package dev.selfreg.module.at;

import dev.selfreg.at.AtCommand;
import dev.selfreg.at.AtResponse;
import dev.selfreg.module.Bc260yModule;

/** {@code AT+QCCID}: the ICCID of the card. */
final class QccidCommand extends AtCommand<Bc260yModule> {

    QccidCommand() {
        super("+QCCID");
    }

    @Override
    public AtResponse execute(Bc260yModule module) {
        return AtResponse.ok("+QCCID: " + SimSlot.read(module).iccid());
    }

    @Override
    public AtResponse test(Bc260yModule module) {
        return AtResponse.ok();
    }
}
