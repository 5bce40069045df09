package dev.selfreg.module.at;

import dev.selfreg.at.Args;
import dev.selfreg.at.AtCommand;
import dev.selfreg.at.AtResponse;
import dev.selfreg.at.Param;
import dev.selfreg.at.Signature;

/**
 * {@code AT+QNBIOTEVENT=<enable>,<event_type>} (BC26 compat only: in the vendor SDK only the BC25
 * build registers it, research §2): event type 1, the PSM state; enabled, the module prints
 * {@code +QNBIOTEVENT: "ENTER PSM"} and {@code "EXIT PSM"}. Default 0, again after a boot. The
 * deep-sleep URCs with the same prefix are {@code AT+QCFG="dsevent"}'s.
 */
final class QnbioteventCommand extends AtCommand<AtContext> {

    private static final int PSM_STATE = 1;

    private final Signature signature = Signature.of(Param.integer("enable", 0, 1),
            Param.integer("event_type", PSM_STATE, PSM_STATE));

    QnbioteventCommand() {
        super("+QNBIOTEVENT");
    }

    @Override
    public Signature signature() {
        return signature;
    }

    @Override
    public AtResponse set(AtContext module, Args args) {
        module.sleep().setPsmEventReport(args.integer("enable"));
        return AtResponse.ok();
    }

    @Override
    public AtResponse query(AtContext module) {
        return AtResponse.ok("+QNBIOTEVENT: " + module.sleep().psmEventReport() + "," + PSM_STATE);
    }

    @Override
    public AtResponse test(AtContext module) {
        return testFromSignature();
    }
}
