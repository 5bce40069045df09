package dev.selfreg.module.at;

import dev.selfreg.at.Args;
import dev.selfreg.at.AtCommand;
import dev.selfreg.at.AtException;
import dev.selfreg.at.AtResponse;
import dev.selfreg.at.Param;
import dev.selfreg.at.Signature;
import dev.selfreg.vocabulary.CmeError;

/**
 * {@code AT+CGATT}: PS attach (3GPP TS 27.007 §10.1.9). {@code =1} attaches (the network search,
 * then {@code +CEREG: 1} and, the first time in a boot, the self-registrations), {@code =0}
 * detaches ({@code +CEREG: 0}); both answer {@code OK} at once and the attach follows, as on the
 * XinYi firmware (research §2 AT+CGATT). The read form answers 1 only while registered with the
 * default bearer up. Attaching needs the radio on ({@code +CME ERROR: 3} otherwise) and a SIM
 * ({@code +CME ERROR: 10}); both are Interpretations.
 */
final class CgattCommand extends AtCommand<AtContext> {

    private final Signature signature = Signature.of(Param.integer("state", 0, 1));

    CgattCommand() {
        super("+CGATT");
    }

    @Override
    public Signature signature() {
        return signature;
    }

    @Override
    public AtResponse set(AtContext module, Args args) {
        boolean attach = args.integer("state") == 1;
        if (attach) {
            if (module.attach().radio() != 1) {
                throw new AtException(CmeError.OPERATION_NOT_ALLOWED, "attach with the radio off (AT+CFUN=0)");
            }
            SimSlot.read(module);
        }
        return AtResponse.ok().then(() -> module.attach().setAttach(attach)); // a +CEREG report follows the OK
    }

    @Override
    public AtResponse query(AtContext module) {
        return AtResponse.ok("+CGATT: " + (module.attach().attached() ? 1 : 0));
    }

    @Override
    public AtResponse test(AtContext module) {
        return testFromSignature();
    }
}
