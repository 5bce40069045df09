package dev.selfreg.module.at;

import dev.selfreg.at.AtException;
import dev.selfreg.module.Sim;
import dev.selfreg.vocabulary.CmeError;

/** Reading the card, for the commands that need one. */
final class SimSlot {

    private SimSlot() {
    }

    /** The card read at boot; {@code +CME ERROR: 10} (SIM not inserted) when there is none. */
    static Sim read(AtContext module) {
        return module.sim().orElseThrow(() -> new AtException(CmeError.SIM_NOT_INSERTED, "no SIM"));
    }
}
