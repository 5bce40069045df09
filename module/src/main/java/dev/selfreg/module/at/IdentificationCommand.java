package dev.selfreg.module.at;

import dev.selfreg.at.Args;
import dev.selfreg.at.AtCommand;
import dev.selfreg.at.AtResponse;
import dev.selfreg.at.Param;
import dev.selfreg.at.Signature;
import dev.selfreg.module.Bc260yFacts;

/** {@code ATI} (or {@code ATI0}): manufacturer, model and firmware revision. */
final class IdentificationCommand extends AtCommand<AtContext> {

    private final Signature signature = Signature.of(Param.integer("value", 0, 0));

    IdentificationCommand() {
        super("I");
    }

    @Override
    public Signature signature() {
        return signature;
    }

    @Override
    public AtResponse execute(AtContext module) {
        return AtResponse.ok(Bc260yFacts.MANUFACTURER, Bc260yFacts.MODEL, "Revision: " + module.profile().firmware());
    }

    @Override
    public AtResponse set(AtContext module, Args args) {
        return execute(module);
    }
}
