package dev.selfreg.module.at;

import dev.selfreg.at.AtCommand;
import dev.selfreg.at.AtResponse;
import dev.selfreg.module.Bc260yFacts;
import dev.selfreg.module.EdrxTimers;
import java.util.Optional;

/**
 * {@code AT+CEDRXRDP}: the eDRX the network granted (TS 27.007 §7.41; research §2):
 * {@code +CEDRXRDP: 5,"<Requested_eDRX_value>","<NW-provided_eDRX_value>","<Paging_time_window>"},
 * or {@code +CEDRXRDP: 0} while eDRX is not in use.
 */
final class CedrxrdpCommand extends AtCommand<AtContext> {

    CedrxrdpCommand() {
        super("+CEDRXRDP");
    }

    @Override
    public AtResponse execute(AtContext module) {
        Optional<EdrxTimers> granted = module.attach().grantedEdrx();
        if (granted.isEmpty()) {
            return AtResponse.ok("+CEDRXRDP: 0");
        }
        return AtResponse.ok("+CEDRXRDP: " + Bc260yFacts.EDRX_ACT_NB_S1 + ",\"" + module.saved().edrxRequest() + "\",\""
                + granted.get().cycle() + "\",\"" + granted.get().pagingTimeWindow() + "\"");
    }

    /** TS 27.007 §7.41: the test form only answers {@code OK}. */
    @Override
    public AtResponse test(AtContext module) {
        return AtResponse.ok();
    }
}
