package dev.selfreg.module.at;

import dev.selfreg.at.Args;
import dev.selfreg.at.AtCommand;
import dev.selfreg.at.AtResponse;
import dev.selfreg.at.Param;
import dev.selfreg.at.Signature;
import dev.selfreg.module.Bc260yFacts;
import java.util.List;

/**
 * {@code AT+CGPADDR}: the addresses of the PDP contexts (3GPP TS 27.007 §10.1.14), as the BC260
 * build answers (research §2 AT+CGPADDR): the execute and the read form list every defined
 * context, {@code =<cid>[,<cid>]} the given ones (0-10, at most two; one not defined prints
 * nothing). The module's one context is the default bearer's ({@link DefaultContext}), defined
 * from boot: {@code +CGPADDR: 0,"<IPv4>"} while attached, {@code +CGPADDR: 0} without an address;
 * in BC26-compat {@code +CGPADDR: 1,<IPv4>}.
 */
final class CgpaddrCommand extends AtCommand<AtContext> {

    private final Signature signature = Signature.of(Param.integer("cid", 0, Bc260yFacts.CID_MAX),
            Param.integer("cid2", 0, Bc260yFacts.CID_MAX).optional());
    private final DefaultContext context;

    CgpaddrCommand(DefaultContext context) {
        super("+CGPADDR");
        this.context = context;
    }

    @Override
    public Signature signature() {
        return signature;
    }

    @Override
    public AtResponse set(AtContext module, Args args) {
        boolean asked = args.integer("cid") == context.cid()
                || args.optionalInteger("cid2").filter(cid -> cid == context.cid()).isPresent();
        return asked ? execute(module) : AtResponse.ok(); // the context once, however often it was asked for
    }

    @Override
    public AtResponse execute(AtContext module) {
        context.shown(module);
        String address = module.attach().address().map(a -> "," + (context.quoted() ? "\"" + a + "\"" : a)).orElse("");
        return AtResponse.ok(List.of("+CGPADDR: " + context.cid() + address));
    }

    @Override
    public AtResponse query(AtContext module) {
        return execute(module);
    }

    /** The defined contexts (research §2 AT+CGPADDR: the test form lists them). */
    @Override
    public AtResponse test(AtContext module) {
        return AtResponse.ok("+CGPADDR: (" + context.cid() + ")");
    }
}
