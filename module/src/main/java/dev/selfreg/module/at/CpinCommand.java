package dev.selfreg.module.at;

import dev.selfreg.at.AtCommand;
import dev.selfreg.at.AtResponse;
import dev.selfreg.module.Bc260yModule;

/** {@code AT+CPIN?}: the card is ready (emulated cards have no PIN). */
final class CpinCommand extends AtCommand<Bc260yModule> {

    CpinCommand() {
        super("+CPIN");
    }

    @Override
    public AtResponse query(Bc260yModule module) {
        SimSlot.read(module);
        return AtResponse.ok("+CPIN: READY");
    }
}
