package dev.selfreg.module.at;

import dev.selfreg.at.Args;
import dev.selfreg.at.AtCommand;
import dev.selfreg.at.AtResponse;
import dev.selfreg.at.Param;
import dev.selfreg.at.Signature;

/**
 * {@code AT&amp;W} or {@code AT&amp;W0}: store the settings (the Hayes command; present in the XY-260Y
 * command table, research AT&amp;W). Answers {@code OK} and stores nothing more (Interpretation): every setting the
 * emulator keeps is saved when it is set, echo and {@code AT+CMEE} start at their defaults after
 * every boot.
 */
final class StoreProfileCommand extends AtCommand<AtContext> {

    private final Signature signature = Signature.of(Param.integer("profile", 0, 0));

    StoreProfileCommand() {
        super("&W");
    }

    @Override
    public Signature signature() {
        return signature;
    }

    @Override
    public AtResponse execute(AtContext module) {
        return AtResponse.ok();
    }

    @Override
    public AtResponse set(AtContext module, Args args) {
        return execute(module);
    }
}
