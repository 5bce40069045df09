package dev.selfreg.module.at;

import dev.selfreg.at.AtCommand;
import dev.selfreg.at.AtResponse;

/**
 * {@code AT+CGMR}: the firmware revision, {@code Revision: <firmware>}. Execute only, as in the
 * BC260 build (research "Identity"): the test form answers {@code ERROR}.
 */
final class CgmrCommand extends AtCommand<AtContext> {

    CgmrCommand() {
        super("+CGMR");
    }

    @Override
    public AtResponse execute(AtContext module) {
        return AtResponse.ok(IdentificationCommand.revision(module));
    }
}
