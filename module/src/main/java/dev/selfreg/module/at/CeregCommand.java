package dev.selfreg.module.at;

import dev.selfreg.at.Args;
import dev.selfreg.at.AtCommand;
import dev.selfreg.at.AtResponse;
import dev.selfreg.at.Param;
import dev.selfreg.at.Signature;

/**
 * {@code AT+CEREG}: network registration (3GPP TS 27.007 §10.1.22). {@code <n>} 0 (default; an
 * omitted one is 0 too) reports nothing unsolicited, 1 {@code +CEREG: <stat>} on every change, 2
 * adds the location, 3 the reject cause, 4 the PSM timers instead of the cause, 5 both. The lines
 * are {@link dev.selfreg.module.RegistrationState}'s.
 */
final class CeregCommand extends AtCommand<AtContext> {

    private final Signature signature = Signature.of(Param.integer("n", 0, 5).optional());

    CeregCommand() {
        super("+CEREG");
    }

    @Override
    public Signature signature() {
        return signature;
    }

    @Override
    public AtResponse set(AtContext module, Args args) {
        module.attach().setCeregReporting(args.optionalInteger("n").orElse(0L).intValue());
        return AtResponse.ok();
    }

    @Override
    public AtResponse query(AtContext module) {
        return AtResponse.ok(module.attach().state().readLine(module.attach().ceregReporting()));
    }

    /** Every value listed, as the BC260 build prints it (research §2 AT+CEREG), not the signature's run {@code (0-5)}. */
    @Override
    public AtResponse test(AtContext module) {
        return AtResponse.ok("+CEREG: (0,1,2,3,4,5)");
    }
}
