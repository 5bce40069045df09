package dev.selfreg.module.at;

import dev.selfreg.at.Args;
import dev.selfreg.at.AtCommand;
import dev.selfreg.at.AtResponse;
import dev.selfreg.at.Param;
import dev.selfreg.at.Param.Quoting;
import dev.selfreg.at.Signature;
import dev.selfreg.module.Bc260yFacts;
import dev.selfreg.module.EdrxTimers;

/**
 * {@code AT+CEDRXS}: eDRX (TS 27.007 §7.40; research §2 AT+CEDRXS, docs/power-saving.md).
 * {@code AT+CEDRXS=[<mode>[,<AcT-type>[,<Requested_eDRX_value>]]]}: mode 0 off, 1 on, 2 on (its
 * {@code +CEDRXP} report is not emulated), 3 off with the value back to its default; AcT only 5
 * (NB-S1); the value one of the NB-S1 cycles, and left out it keeps its value. Saved to NVRAM and
 * in force at once.
 */
final class CedrxsCommand extends AtCommand<AtContext> {

    /** The test form, as the clone's BC260 build prints it (research §2): not expressible as a {@link Signature}. */
    static final String TEST_FORM = "+CEDRXS: (0-3),(5),(\"0010\",\"0011\",\"0101\",\"1001-1111\")";
    private static final int RESET = 3;

    private final Signature signature = Signature.of(
            Param.integer("mode", 0, RESET).optional(),
            Param.integer("AcT-type", Bc260yFacts.EDRX_ACT_NB_S1, Bc260yFacts.EDRX_ACT_NB_S1).optional(),
            Param.string("Requested_eDRX_value", 4, 4, Quoting.OPTIONAL)
                    .matching(value -> EdrxTimers.cycleOf(value).isPresent(), "an NB-S1 eDRX value").optional());

    CedrxsCommand() {
        super("+CEDRXS");
    }

    @Override
    public Signature signature() {
        return signature;
    }

    /** A left-out mode is 0 (Interpretation: TS 27.007 gives no default). */
    @Override
    public AtResponse set(AtContext module, Args args) {
        int mode = args.optionalInteger("mode").map(Long::intValue).orElse(0);
        if (mode == RESET) {
            module.sleep().requestEdrx(0, Bc260yFacts.EDRX_REQUEST_DEFAULT);
        } else {
            module.sleep().requestEdrx(mode, args.optionalString("Requested_eDRX_value")
                    .orElse(module.saved().edrxRequest()));
        }
        return AtResponse.ok();
    }

    /** The access technology with eDRX requested and its value; nothing when eDRX is off (TS 27.007 §7.40). */
    @Override
    public AtResponse query(AtContext module) {
        if (module.saved().edrxMode() == 0) {
            return AtResponse.ok();
        }
        return AtResponse.ok("+CEDRXS: " + Bc260yFacts.EDRX_ACT_NB_S1 + ",\"" + module.saved().edrxRequest() + "\"");
    }

    @Override
    public AtResponse test(AtContext module) {
        return AtResponse.ok(TEST_FORM);
    }
}
