package dev.selfreg.module.at;

import dev.selfreg.at.AtCommand;
import dev.selfreg.at.AtResponse;
import dev.selfreg.module.DefaultPdpContext;

/**
 * {@code AT+CGDCONT?}: the PDP context definitions (3GPP TS 27.007 §10.1.1) in the BC260 build's
 * layout (research §2 AT+CGDCONT): the default bearer's context ({@link DefaultContext}: cid 0,
 * in BC26-compat 1) with the type and APN {@code AT+QCGDEFCONT} saved, {@code IP} and an empty
 * APN until then. <b>Interpretation</b>: an APN never set shows empty (the research has no
 * network-assigned APN), and defining contexts ({@code AT+CGDCONT=...}) is not emulated.
 */
final class CgdcontCommand extends AtCommand<AtContext> {

    private final DefaultContext context;

    CgdcontCommand(DefaultContext context) {
        super("+CGDCONT");
        this.context = context;
    }

    @Override
    public AtResponse query(AtContext module) {
        context.shown(module);
        DefaultPdpContext defined = module.saved().defaultPdpContext();
        return AtResponse.ok("+CGDCONT: " + context.cid() + ",\"" + defined.pdpType() + "\",\"" + defined.apn() + "\",,0,0,,,,,0,0");
    }

    /** The BC260 build's list (research §2 AT+CGDCONT). */
    @Override
    public AtResponse test(AtContext module) {
        return AtResponse.ok("+CGDCONT: (0-10),(\"IP\",\"IPV6\",\"IPV4V6\",\"Non-IP\"),,,(0),(0,1),,,,,(0,1),(0,1)");
    }
}
