package dev.selfreg.module.at;

import dev.selfreg.at.AtCommand;
import dev.selfreg.at.AtResponse;

/** {@code AT+CGMR}: the firmware revision. */
final class CgmrCommand extends AtCommand<AtContext> {

    CgmrCommand() {
        super("+CGMR");
    }

    @Override
    public AtResponse execute(AtContext module) {
        return AtResponse.ok("Revision: " + module.profile().firmware());
    }

    @Override
    public AtResponse test(AtContext module) {
        return AtResponse.ok();
    }
}
