package dev.selfreg.module.at;

import dev.selfreg.at.Args;
import dev.selfreg.at.AtCommand;
import dev.selfreg.at.AtException;
import dev.selfreg.at.AtResponse;
import dev.selfreg.at.Param;
import dev.selfreg.at.Param.Quoting;
import dev.selfreg.at.Signature;
import dev.selfreg.module.Bc260yFacts;
import dev.selfreg.module.PsmTimers;

/**
 * {@code AT+CPSMS}: power saving mode (TS 27.007 §7.38; research §2 AT+CPSMS, docs/power-saving.md).
 * {@code AT+CPSMS=[<mode>[,,,[<Requested_Periodic-TAU>[,<Requested_Active-Time>]]]]}: mode 0 PSM
 * off, 1 on, 2 off with the requested timers back to their defaults, as {@code AT+CPSMS=} with
 * nothing at all; the RAU and GPRS READY timers of 2G/3G stay empty; a timer is 8 characters of
 * {@code 0}/{@code 1}, and one left out keeps its value. Saved to NVRAM and in force at once.
 */
final class CpsmsCommand extends AtCommand<AtContext> {

    /** The test form, as the clone's BC260 build prints it (research §2): not expressible as a {@link Signature}. */
    static final String TEST_FORM = "+CPSMS: (0-2),,,(00000000-11111111),(00000000-11111111)";
    private static final int RESET = 2;

    private final Signature signature = Signature.of(
            Param.integer("mode", 0, RESET).optional(),
            Param.string("Requested_Periodic-RAU", 0, 0, Quoting.OPTIONAL).optional(),
            Param.string("Requested_GPRS-READY-timer", 0, 0, Quoting.OPTIONAL).optional(),
            timer("Requested_Periodic-TAU"),
            timer("Requested_Active-Time"));

    CpsmsCommand() {
        super("+CPSMS");
    }

    private static Param timer(String name) {
        return Param.string(name, 8, 8, Quoting.OPTIONAL).matching(PsmTimers::isOctet, "8 characters of 0 and 1")
                .optional();
    }

    @Override
    public Signature signature() {
        return signature;
    }

    @Override
    public AtResponse set(AtContext module, Args args) {
        boolean timers = args.has("Requested_Periodic-TAU") || args.has("Requested_Active-Time");
        if (!args.has("mode")) {
            if (timers) {
                throw AtException.incorrectParameters("timers without a mode");
            }
            module.sleep().requestPsm(0, Bc260yFacts.PSM_REQUEST_DEFAULT); // TS 27.007: AT+CPSMS= resets
            return AtResponse.ok();
        }
        int mode = args.integer("mode");
        if (mode == RESET) {
            module.sleep().requestPsm(0, Bc260yFacts.PSM_REQUEST_DEFAULT);
            return AtResponse.ok();
        }
        PsmTimers before = module.saved().psmRequest();
        PsmTimers request = new PsmTimers(args.optionalString("Requested_Active-Time").orElse(before.activeTime()),
                args.optionalString("Requested_Periodic-TAU").orElse(before.periodicTau()));
        module.sleep().requestPsm(mode, request);
        return AtResponse.ok();
    }

    @Override
    public AtResponse query(AtContext module) {
        PsmTimers request = module.saved().psmRequest();
        return AtResponse.ok("+CPSMS: " + module.saved().psmMode() + ",,,\"" + request.periodicTau() + "\",\""
                + request.activeTime() + "\"");
    }

    @Override
    public AtResponse test(AtContext module) {
        return AtResponse.ok(TEST_FORM);
    }
}
