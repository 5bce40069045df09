package dev.selfreg.module.at;

import dev.selfreg.at.Args;
import dev.selfreg.at.AtCommand;
import dev.selfreg.at.AtResponse;
import dev.selfreg.at.Param;
import dev.selfreg.at.Signature;

/** {@code AT+CGSN=1}: the IMEI ({@code <snt>} 1 of TS 27.007 §7.1; the only one emulated). */
final class CgsnCommand extends AtCommand<AtContext> {

    private final Signature signature = Signature.of(Param.integer("snt", 1, 1));

    CgsnCommand() {
        super("+CGSN");
    }

    @Override
    public Signature signature() {
        return signature;
    }

    @Override
    public AtResponse set(AtContext module, Args args) {
        return AtResponse.ok("+CGSN: " + module.profile().imei());
    }

    @Override
    public AtResponse test(AtContext module) {
        return testFromSignature();
    }
}
