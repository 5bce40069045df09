package dev.selfreg.module.at;

import dev.selfreg.at.AtCommand;
import dev.selfreg.at.AtResponse;

/** {@code AT+CIMI}: the IMSI of the card, alone on its line. */
final class CimiCommand extends AtCommand<AtContext> {

    CimiCommand() {
        super("+CIMI");
    }

    @Override
    public AtResponse execute(AtContext module) {
        return AtResponse.ok(SimSlot.read(module).imsi());
    }

    @Override
    public AtResponse test(AtContext module) {
        return AtResponse.ok();
    }
}
