package dev.selfreg.module.at;

import dev.selfreg.at.Args;
import dev.selfreg.at.AtCommand;
import dev.selfreg.at.AtException;
import dev.selfreg.at.AtResponse;
import dev.selfreg.at.Param;
import dev.selfreg.at.Signature;
import dev.selfreg.module.Bc260yFacts;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code AT+IPR}: the UART's rate in bit/s, 0 being auto-baud, saved to NVRAM (research AT+IPR,
 * XY-260Y). The {@code OK} of a set goes out at the old rate; the new one holds from the next byte.
 */
final class IprCommand extends AtCommand<AtContext> {

    private final Signature signature = Signature.of(Param.integer("rate", 0, Integer.MAX_VALUE));

    IprCommand() {
        super("+IPR");
    }

    @Override
    public Signature signature() {
        return signature;
    }

    @Override
    public AtResponse set(AtContext module, Args args) {
        int rate = args.integer("rate");
        if (!Bc260yFacts.UART_RATES.contains(rate)) {
            throw AtException.incorrectParameters("rate " + rate + " is not one of " + Bc260yFacts.UART_RATES);
        }
        return AtResponse.ok().then(() -> module.saved().saveUartRate(rate));
    }

    @Override
    public AtResponse query(AtContext module) {
        return AtResponse.ok("+IPR: " + module.saved().uartRate());
    }

    /** The rates auto-baud detects, then every rate the set form takes (V.25ter §6.2.10). */
    @Override
    public AtResponse test(AtContext module) {
        return AtResponse.ok("+IPR: " + list(Bc260yFacts.UART_AUTO_RATES) + "," + list(Bc260yFacts.UART_RATES));
    }

    private static String list(List<Integer> rates) {
        return rates.stream().map(String::valueOf).collect(Collectors.joining(",", "(", ")"));
    }
}
