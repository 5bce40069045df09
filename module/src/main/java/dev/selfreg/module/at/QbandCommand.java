package dev.selfreg.module.at;

import dev.selfreg.at.Args;
import dev.selfreg.at.AtCommand;
import dev.selfreg.at.AtException;
import dev.selfreg.at.AtResponse;
import dev.selfreg.at.Param;
import dev.selfreg.at.Signature;
import dev.selfreg.module.Bc260yFacts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code AT+QBAND}: the bands the module searches (research §2 AT+QBAND). {@code =<n>[,<band>...]}
 * with {@code <n>} 0-3 and exactly {@code <n>} bands, each one of the module's (5, 8, 3) and none
 * twice; {@code =0} takes nothing after it and means all bands. Saved in NVRAM; the module then
 * registers again. The read form lists the bands, {@code +QBAND: 5,8,3} by default.
 */
final class QbandCommand extends AtCommand<AtContext> {

    private final Signature signature = bandsByCount();

    QbandCommand() {
        super("+QBAND");
    }

    private static Signature bandsByCount() {
        Map<Integer, Signature> byCount = new HashMap<>();
        List<Param> bands = new ArrayList<>();
        byCount.put(0, Signature.of());
        for (int n = 1; n <= Bc260yFacts.BANDS_MAX_SET; n++) {
            bands.add(Param.integer("band" + n, 0, 255)); // the firmware reads a byte, then checks the band
            byCount.put(n, Signature.of(bands.toArray(Param[]::new)));
        }
        return Signature.select(Param.integer("n", 0, Bc260yFacts.BANDS_MAX_SET), byCount);
    }

    @Override
    public Signature signature() {
        return signature;
    }

    @Override
    public AtResponse set(AtContext module, Args args) {
        int n = args.integer("n");
        List<Integer> bands = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            int band = args.integer("band" + i);
            if (!Bc260yFacts.BANDS.contains(band)) {
                throw AtException.incorrectParameters("band " + band + " is not one of " + Bc260yFacts.BANDS);
            }
            if (bands.contains(band)) {
                throw AtException.incorrectParameters("band " + band + " given twice");
            }
            bands.add(band);
        }
        module.attach().setBands(n == 0 ? Bc260yFacts.BANDS : bands);
        return AtResponse.ok().then(() -> module.attach().registerAgain()); // a +CEREG report follows the OK
    }

    @Override
    public AtResponse query(AtContext module) {
        return AtResponse.ok("+QBAND: " + join(module.attach().bands()));
    }

    /** {@code +QBAND: (0-3),(5,8,3)}, as the clone's NV was changed to print "as on BC260Y" (research §2 AT+QBAND). */
    @Override
    public AtResponse test(AtContext module) {
        return AtResponse.ok("+QBAND: (0-" + Bc260yFacts.BANDS_MAX_SET + "),(" + join(Bc260yFacts.BANDS) + ")");
    }

    private static String join(List<Integer> bands) {
        return bands.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
