package dev.selfreg.module.at;

import dev.selfreg.at.AtCommand;
import dev.selfreg.at.AtResponse;
import dev.selfreg.module.RadioSignal;

/**
 * {@code AT+CESQ}: extended signal quality (3GPP TS 27.007 §8.69), {@code +CESQ: 99,99,255,255,
 * <rsrq>,<rsrp>} on NB-IoT: no GSM and no UTRAN values (research §2 AT+CESQ, the BC260 build).
 * Execute and test only; the clone's periodic-report set form is not emulated.
 */
final class CesqCommand extends AtCommand<AtContext> {

    private static final int NOT_GSM = 99;
    private static final int NOT_UTRAN = 255;

    CesqCommand() {
        super("+CESQ");
    }

    @Override
    public AtResponse execute(AtContext module) {
        RadioSignal signal = module.attach().signal();
        return AtResponse.ok("+CESQ: " + NOT_GSM + "," + NOT_GSM + "," + NOT_UTRAN + "," + NOT_UTRAN + ","
                + signal.rsrq() + "," + signal.rsrp());
    }

    /** The BC260 build's own list: fixed unknowns for the other radios (research §2 AT+CESQ). */
    @Override
    public AtResponse test(AtContext module) {
        return AtResponse.ok("+CESQ: (99),(99),(255),(255),(0-34,255),(0-97,255)");
    }
}
