package dev.selfreg.module.at;

import dev.selfreg.at.Args;
import dev.selfreg.at.AtCommand;
import dev.selfreg.at.AtResponse;
import dev.selfreg.at.Param;
import dev.selfreg.at.Signature;
import dev.selfreg.module.Bc260yFacts;
import dev.selfreg.module.NetworkRegistration;
import dev.selfreg.module.RadioSignal;
import java.util.Map;
import java.util.Optional;

/**
 * {@code AT+QENG}: engineering information, in the XinYi firmware's layout (research §2 AT+QENG).
 * {@code =0} the serving cell: {@code +QENG: 0,<earfcn>,0,<pci>,"<cellID>",<rsrp>,<rsrq>,<rssi>,
 * <sinr>,<band>,"<TAC>",<ecl>,<tx_power>,<op_mode>} with the signal in dBm and dB (no neighbour
 * cells are emulated); <b>Interpretation</b>: off a cell it prints no line. {@code =3} the EMM
 * and PLMN state, answered with code 4: {@code +QENG: 4,"<EMM state>","<EMM mode>",
 * "<PLMN state>","<PLMN type>","0x<MCC>,0x<MNC>"}, the MNC as the firmware prints it (a
 * two-digit one behind the filler {@code f0}). The EMM mode is {@code IDLE}: RRC connections are
 * not emulated.
 */
final class QengCommand extends AtCommand<AtContext> {

    private static final int SERVING_CELL = 0;
    private static final int EMM_STATE = 3;
    /** What {@code =3} answers with (research §2 AT+QENG: mode 3 answers with code 4). */
    private static final int EMM_STATE_ANSWER = 4;

    private final Signature signature = Signature.select(Param.integer("mode", 0, EMM_STATE),
            Map.of(SERVING_CELL, Signature.of(), EMM_STATE, Signature.of()));

    QengCommand() {
        super("+QENG");
    }

    @Override
    public Signature signature() {
        return signature;
    }

    @Override
    public AtResponse set(AtContext module, Args args) {
        return args.integer("mode") == SERVING_CELL ? servingCell(module) : emmState(module);
    }

    @Override
    public AtResponse test(AtContext module) {
        return testFromSignature();
    }

    private static AtResponse servingCell(AtContext module) {
        if (!module.attach().state().located()) {
            return AtResponse.ok();
        }
        RadioSignal signal = module.attach().signal();
        int band = module.attach().servingBand();
        return AtResponse.ok(String.format("+QENG: 0,%d,0,%d,\"%08X\",%d,%d,%d,%d,%d,\"%04X\",%d,%d,%d",
                Bc260yFacts.BAND_EARFCN.get(band), Bc260yFacts.CELL_PCI, Bc260yFacts.CELL_ID, signal.rsrpDbm(),
                signal.rsrqTenthsDb() / 10, signal.rssiDbm(), Bc260yFacts.CELL_SINR, band, Bc260yFacts.CELL_TAC,
                Bc260yFacts.CELL_ECL, Bc260yFacts.CELL_TX_POWER, Bc260yFacts.CELL_OPERATION_MODE));
    }

    private static AtResponse emmState(AtContext module) {
        NetworkRegistration registration = module.attach().registration();
        String emm = switch (registration) {
            case REGISTERED -> "REG";
            case SEARCHING -> "REG INIT";
            case NOT_REGISTERED, DENIED -> module.attach().radio() == 1 ? "DEREG" : "NULL";
        };
        String plmnState = switch (registration) {
            case REGISTERED, DENIED -> "SELECTED";
            case SEARCHING -> "SEARCHING";
            case NOT_REGISTERED -> "NO PLMN";
        };
        Optional<String> plmn = module.attach().registeredPlmn();
        String mccMnc = plmn.map(p -> "0x" + p.substring(0, 3) + ",0xf0" + p.substring(3)).orElse("0x0,0x0");
        return AtResponse.ok("+QENG: " + EMM_STATE_ANSWER + ",\"" + emm + "\",\"IDLE\",\"" + plmnState + "\",\""
                + (plmn.isPresent() ? "HPLMN" : "UNKNOWN") + "\",\"" + mccMnc + "\"");
    }
}
