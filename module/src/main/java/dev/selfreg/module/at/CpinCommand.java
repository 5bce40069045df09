package dev.selfreg.module.at;

import dev.selfreg.at.AtCommand;
import dev.selfreg.at.AtResponse;

/** {@code AT+CPIN?}: the card is ready (emulated cards have no PIN). */
final class CpinCommand extends AtCommand<AtContext> {

    CpinCommand() {
        super("+CPIN");
    }

    @Override
    public AtResponse query(AtContext module) {
        SimSlot.read(module);
        return AtResponse.ok("+CPIN: READY");
    }
}
