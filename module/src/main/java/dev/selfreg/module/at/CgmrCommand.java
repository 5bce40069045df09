package dev.selfreg.module.at;

import dev.selfreg.at.AtCommand;
import dev.selfreg.at.AtResponse;
import dev.selfreg.module.Bc260yModule;

/** {@code AT+CGMR}: the firmware revision. */
final class CgmrCommand extends AtCommand<Bc260yModule> {

    CgmrCommand() {
        super("+CGMR");
    }

    @Override
    public AtResponse execute(Bc260yModule module) {
        return AtResponse.ok("Revision: " + module.profile().firmware());
    }

    @Override
    public AtResponse test(Bc260yModule module) {
        return AtResponse.ok();
    }
}
