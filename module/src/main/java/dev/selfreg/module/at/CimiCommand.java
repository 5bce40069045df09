package dev.selfreg.module.at;

import dev.selfreg.at.AtCommand;
import dev.selfreg.at.AtResponse;
import dev.selfreg.module.Bc260yModule;

/** {@code AT+CIMI}: the IMSI of the card, alone on its line. */
final class CimiCommand extends AtCommand<Bc260yModule> {

    CimiCommand() {
        super("+CIMI");
    }

    @Override
    public AtResponse execute(Bc260yModule module) {
        return AtResponse.ok(SimSlot.read(module).imsi());
    }

    @Override
    public AtResponse test(Bc260yModule module) {
        return AtResponse.ok();
    }
}
