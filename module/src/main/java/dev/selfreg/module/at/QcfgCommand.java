package dev.selfreg.module.at;

import dev.selfreg.at.Args;
import dev.selfreg.at.AtArg;
import dev.selfreg.at.AtCommand;
import dev.selfreg.at.AtException;
import dev.selfreg.at.AtResponse;
import dev.selfreg.at.Param;
import dev.selfreg.at.Param.Quoting;
import dev.selfreg.at.Signature;
import dev.selfreg.module.Bc260yFacts;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.ToIntFunction;

/**
 * {@code AT+QCFG}: the BC260Y-CN's sleep settings (research §2 AT+QSCLK and AT+QNBIOTEVENT, the
 * 260Y-SDK's items; docs/power-saving.md). {@code AT+QCFG="<item>",<value>} sets one,
 * {@code AT+QCFG="<item>"} answers {@code +QCFG: "<item>",<value>}. Items: {@code "dsevent"}
 * (0/1, the deep-sleep URCs), {@code "slplocktimes"} (0-30 s awake after a boot, a wake-up or the
 * host's last byte), {@code "wakeupRXD"} (0/1, host data wakes deep sleep). Each is saved to NVRAM
 * and in force at once; any other item (the SDK's {@code "logbaudrate"} included) is an error.
 */
final class QcfgCommand extends AtCommand<AtContext> {

    /** One configuration item: its name as the module prints it, its values, where it is kept. */
    private enum Item {
        DSEVENT("dsevent", Param.integer("value", 0, 1),
                module -> module.saved().deepSleepEvents(), (module, value) -> module.saved().saveDeepSleepEvents(value)),
        SLPLOCKTIMES("slplocktimes", Param.integer("value", 0, Bc260yFacts.SLEEP_LOCK_TIME_MAX),
                module -> (int) module.saved().sleepLockTime().toSeconds(),
                (module, value) -> module.sleep().setSleepLockTime(value)),
        WAKEUPRXD("wakeupRXD", Param.integer("value", 0, 1),
                module -> module.saved().wakeupRxd(), (module, value) -> module.saved().saveWakeupRxd(value));

        final String label;
        final Signature values;
        final ToIntFunction<AtContext> read;
        final BiConsumer<AtContext, Integer> write;

        Item(String label, Param value, ToIntFunction<AtContext> read, BiConsumer<AtContext, Integer> write) {
            this.label = label;
            this.values = Signature.of(value);
            this.read = read;
            this.write = write;
        }

        /** Item names are not case-sensitive (Interpretation). */
        static Item named(String name) {
            return Arrays.stream(values()).filter(item -> item.label.equalsIgnoreCase(name)).findFirst().orElseThrow(() -> AtException.incorrectParameters("no +QCFG item " + name));
        }

        String line(int value) {
            return "+QCFG: \"" + label + "\"," + value;
        }
    }

    private final Signature signature = Signature.of(
            Param.string("item", 1, 32, Quoting.OPTIONAL),
            Param.string("value", 1, 2, Quoting.OPTIONAL).optional());

    QcfgCommand() {
        super("+QCFG");
    }

    @Override
    public Signature signature() {
        return signature;
    }

    @Override
    public AtResponse set(AtContext module, Args args) {
        Item item = Item.named(args.string("item"));
        if (args.optionalString("value").isEmpty()) {
            return AtResponse.ok(item.line(item.read.applyAsInt(module)));
        }
        int value = item.values.bind(List.of(new AtArg(args.string("value"), false))).integer("value");
        item.write.accept(module, value);
        return AtResponse.ok();
    }

    /** One line per item with the values it takes, e.g. {@code +QCFG: "dsevent",(0,1)} (Interpretation). */
    @Override
    public AtResponse test(AtContext module) {
        return AtResponse.ok(Arrays.stream(Item.values()).map(item -> "+QCFG: \"" + item.label + "\"," + item.values.ranges())
                .toList());
    }
}
