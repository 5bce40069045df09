package dev.selfreg.module.at;

import dev.selfreg.at.AtCommand;
import dev.selfreg.at.AtResponse;
import dev.selfreg.module.Bc260yFacts;

/** {@code AT+CGMI}: the manufacturer, {@code Quectel_Ltd}, as ATI's first line. Execute only. */
final class CgmiCommand extends AtCommand<AtContext> {

    CgmiCommand() {
        super("+CGMI");
    }

    @Override
    public AtResponse execute(AtContext module) {
        return AtResponse.ok(Bc260yFacts.AT_MANUFACTURER);
    }
}
