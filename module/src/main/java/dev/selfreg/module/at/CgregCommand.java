package dev.selfreg.module.at;

import dev.selfreg.at.Args;
import dev.selfreg.at.AtCommand;
import dev.selfreg.at.AtResponse;
import dev.selfreg.at.Param;
import dev.selfreg.at.Signature;

/**
 * {@code AT+CGREG} (BC26; 3GPP TS 27.007 §10.1.20): the packet-domain registration, which a
 * BC260Y-CN does not have (research §2 AT+CGREG?: absent from both XinYi command tables) and
 * BC26 drivers poll (RT-Thread parses {@code +CGREG: %*d,%d} for stat 1 or 5). The stat is the
 * EPS registration's; {@code <n>} 0-2, omitted 0, 1 and 2 add the unsolicited {@code +CGREG},
 * 2 the location. Registered only in the BC26-compat dialect.
 */
final class CgregCommand extends AtCommand<AtContext> {

    private final Signature signature = Signature.of(Param.integer("n", 0, 2).optional());

    CgregCommand() {
        super("+CGREG");
    }

    @Override
    public Signature signature() {
        return signature;
    }

    @Override
    public AtResponse set(AtContext module, Args args) {
        module.attach().setCgregReporting(args.optionalInteger("n").orElse(0L).intValue());
        return AtResponse.ok();
    }

    @Override
    public AtResponse query(AtContext module) {
        return AtResponse.ok(module.attach().state().cgregReadLine(module.attach().cgregReporting()));
    }

    @Override
    public AtResponse test(AtContext module) {
        return testFromSignature();
    }
}
