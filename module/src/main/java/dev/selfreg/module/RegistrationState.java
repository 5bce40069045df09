package dev.selfreg.module;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The EPS registration as {@code +CEREG} reports it, and its lines (3GPP TS 27.007 §10.1.22, in
 * the BC260Y-CN's layout: research §2 AT+CEREG, the XinYi firmware built in the Quectel-260
 * format). The location ({@code <tac>}, {@code <ci>}, {@code <AcT>}) is known while the module is
 * on a cell, registered or refused; the reject cause only after a refusal; the PSM timers only
 * while registered with PSM granted.
 *
 * @param registration the {@code <stat>}
 * @param rejectCause  the EMM cause of the refusal, present with {@link NetworkRegistration#DENIED}
 * @param psm          the timers the network granted, present only while registered
 */
public record RegistrationState(NetworkRegistration registration, OptionalInt rejectCause, Optional<PsmTimers> psm) {

    /** Not registered and nothing known: how every boot starts. */
    public static final RegistrationState NONE =
            new RegistrationState(NetworkRegistration.NOT_REGISTERED, OptionalInt.empty(), Optional.empty());

    public RegistrationState {
        if (rejectCause.isPresent() != (registration == NetworkRegistration.DENIED)) {
            throw new IllegalArgumentException("a reject cause goes with a refused registration, and only then");
        }
        if (psm.isPresent() && registration != NetworkRegistration.REGISTERED) {
            throw new IllegalArgumentException("PSM timers are granted to a registered module only");
        }
    }

    /** Whether the module is on a cell, so {@code <tac>}, {@code <ci>} and {@code <AcT>} are known. */
    public boolean located() {
        return registration == NetworkRegistration.REGISTERED || registration == NetworkRegistration.DENIED;
    }

    /**
     * The answer line of {@code AT+CEREG?} with {@code <n>} = {@code n}: the location from n 2 on
     * (an unknown item an empty field), the cause pair with n 3 only when there is one, and with
     * n 4 and 5 the cause pair and the timers, each an empty field when unknown.
     */
    public String readLine(int n) {
        StringBuilder line = new StringBuilder("+CEREG: ").append(n).append(',').append(registration.stat());
        if (n >= 2) {
            location(line);
        }
        if (n == 3 && located()) {
            rejectCause.ifPresent(cause -> line.append(',').append(Bc260yFacts.CAUSE_TYPE_EMM).append(',').append(cause));
        }
        if (n >= 4) {
            cause(line);
            timers(line);
        }
        return line.toString();
    }

    /**
     * The unsolicited {@code +CEREG} line with {@code <n>} = {@code n} (1 to 5): as the read line
     * without {@code <n>}, but the cause pair with n 3 and 5 always (empty when unknown), an empty
     * pair in its place with n 4, and the timers only for a registration.
     */
    public String urcLine(int n) {
        StringBuilder line = new StringBuilder("+CEREG: ").append(registration.stat());
        if (n >= 2) {
            location(line);
        }
        if (n == 3 || n == 5) {
            cause(line);
        } else if (n == 4) {
            line.append(",,");
        }
        if (n >= 4) {
            if (registration == NetworkRegistration.REGISTERED) {
                timers(line);
            } else {
                line.append(",,");
            }
        }
        return line.toString();
    }

    /**
     * The answer line of the BC26's {@code AT+CGREG?} (27.007 §10.1.20) with {@code <n>} =
     * {@code n} (0-2): {@code +CGREG: <n>,<stat>}, with n 2 on a cell the location
     * {@code ,"<lac>","<ci>",<AcT>} (the EPS cell's; <b>Interpretation</b>: off a cell it is left out).
     */
    public String cgregReadLine(int n) {
        StringBuilder line = new StringBuilder("+CGREG: ").append(n).append(',').append(registration.stat());
        if (n == 2 && located()) {
            location(line);
        }
        return line.toString();
    }

    /** The unsolicited {@code +CGREG} line with {@code <n>} = {@code n} (1 or 2): as the read line without {@code <n>}. */
    public String cgregUrcLine(int n) {
        StringBuilder line = new StringBuilder("+CGREG: ").append(registration.stat());
        if (n == 2 && located()) {
            location(line);
        }
        return line.toString();
    }

    private void location(StringBuilder line) {
        if (located()) {
            line.append(String.format(",\"%04X\",\"%08X\",%d", Bc260yFacts.CELL_TAC, Bc260yFacts.CELL_ID, Bc260yFacts.ACT_NB_S1));
        } else {
            line.append(",,,");
        }
    }

    private void cause(StringBuilder line) {
        if (rejectCause.isPresent()) {
            line.append(',').append(Bc260yFacts.CAUSE_TYPE_EMM).append(',').append(rejectCause.getAsInt());
        } else {
            line.append(",,");
        }
    }

    private void timers(StringBuilder line) {
        if (psm.isPresent()) {
            line.append(",\"").append(psm.get().activeTime()).append("\",\"").append(psm.get().periodicTau()).append('"');
        } else {
            line.append(",,");
        }
    }
}
