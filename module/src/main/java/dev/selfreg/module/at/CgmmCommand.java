package dev.selfreg.module.at;

import dev.selfreg.at.AtCommand;
import dev.selfreg.at.AtResponse;
import dev.selfreg.module.Bc260yFacts;

/** {@code AT+CGMM}: the model, {@code Quectel_BC260Y-CN}, as ATI's second line. Execute only. */
final class CgmmCommand extends AtCommand<AtContext> {

    CgmmCommand() {
        super("+CGMM");
    }

    @Override
    public AtResponse execute(AtContext module) {
        return AtResponse.ok(Bc260yFacts.AT_MODEL);
    }
}
