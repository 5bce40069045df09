package dev.selfreg.module.at;

import dev.selfreg.at.AtCommand;
import dev.selfreg.at.AtResponse;
import dev.selfreg.module.Bc260yFacts;
import java.util.Optional;

/**
 * {@code AT+COPS?}: the operator (3GPP TS 27.007 §7.3), as the XinYi firmware answers (research
 * §2 AT+COPS?): automatic selection, mode 0; while attached the numeric PLMN and AcT 9 follow,
 * {@code +COPS: 0,2,"46011",9}. The PLMN is the SIM's home network. Selecting an operator
 * ({@code AT+COPS=...}) is not emulated.
 */
final class CopsCommand extends AtCommand<AtContext> {

    private static final int AUTOMATIC = 0;
    private static final int NUMERIC = 2;

    CopsCommand() {
        super("+COPS");
    }

    @Override
    public AtResponse query(AtContext module) {
        Optional<String> plmn = module.attach().registeredPlmn();
        return AtResponse.ok("+COPS: " + AUTOMATIC
                + plmn.map(p -> "," + NUMERIC + ",\"" + p + "\"," + Bc260yFacts.ACT_NB_S1).orElse(""));
    }

    /** The selected PLMN when there is one, as the clone prints it (research §2 AT+COPS?). */
    @Override
    public AtResponse test(AtContext module) {
        String operators = module.attach().registeredPlmn()
                .map(p -> "(2,,,\"" + p + "\"," + Bc260yFacts.ACT_NB_S1 + ")")
                .orElse("(0,,,," + Bc260yFacts.ACT_NB_S1 + ")");
        return AtResponse.ok("+COPS: " + operators + ",,(0-4),(2)");
    }
}
