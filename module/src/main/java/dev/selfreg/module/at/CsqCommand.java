package dev.selfreg.module.at;

import dev.selfreg.at.AtCommand;
import dev.selfreg.at.AtResponse;
import dev.selfreg.module.RadioSignal;

/**
 * {@code AT+CSQ}: signal quality, {@code +CSQ: <rssi>,<ber>} (3GPP TS 27.007 §8.5). The values
 * are the network conditions' ({@link dev.selfreg.module.NetworkConditions}); with no cell in
 * sight both are 99, and an unknown {@code <rssi>} always goes with {@code <ber>} 99, as the
 * XinYi firmware forces it (research §2 AT+CSQ). Execute and test only.
 */
final class CsqCommand extends AtCommand<AtContext> {

    CsqCommand() {
        super("+CSQ");
    }

    @Override
    public AtResponse execute(AtContext module) {
        RadioSignal signal = module.attach().signal();
        int ber = signal.rssi() == RadioSignal.NONE.rssi() ? RadioSignal.NONE.ber() : signal.ber();
        return AtResponse.ok("+CSQ: " + signal.rssi() + "," + ber);
    }

    /** The ranges with the unknown value beside them, which a signature's range cannot show (research §2 AT+CSQ). */
    @Override
    public AtResponse test(AtContext module) {
        return AtResponse.ok("+CSQ: (0-31,99),(0-7,99)");
    }
}
