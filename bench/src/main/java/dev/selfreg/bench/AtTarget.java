package dev.selfreg.bench;

import dev.selfreg.module.ModuleProfile;
import dev.selfreg.module.emulator.Bc260yModule;
import dev.selfreg.nvram.MemoryNvramStore;
import dev.selfreg.nvram.NvramImage;
import dev.selfreg.time.VirtualClock;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitrary;

/**
 * The emulated module's AT engine with its whole command set, on a virtual clock that never moves (so no timer fires
 * and nothing goes on the network): one command line per input, typed on the UART. Each line that starts with
 * {@code AT} must get exactly one final result code, and one answered with an error must leave NVRAM as it was
 * (at-commands.md §1, §4; but for the commands of a chain run before the one that failed); a handler's exception is counted by the engine ({@link Bc260yModule#atInternalErrors()})
 * and is a crash here.
 */
final class AtTarget implements BadInputTarget {

    private static final Pattern FINAL = Pattern.compile("OK|ERROR|\\+CME ERROR: .*");
    /** Commands that restart the module, switch it off or change its functionality: the next line may meet it booting. */
    private static final Pattern RESTARTS = Pattern.compile("(?i).*(QRST|QPOWD|CFUN=[014]|CFUN=1,1).*");

    private final MemoryNvramStore nvram = new MemoryNvramStore();
    private final Bc260yModule module = new Bc260yModule(ModuleProfile.standard(), new VirtualClock(), nvram);
    private final ByteArrayOutputStream answer = new ByteArrayOutputStream();

    AtTarget() {
        module.connectHost(answer::writeBytes);
        module.powerOn();
        type("ATE0");
        module.sleep().setSleepMode(0);
    }

    @Override
    public String name() {
        return "at";
    }

    @Override
    public String seeds() {
        return "the seed's self-registration command lines and a few 3GPP ones, mutated; random lines";
    }

    @Override
    public Arbitrary<byte[]> inputs() {
        List<byte[]> seeds = new ArrayList<>();
        AtDispatchBenchmark.SEED_COMMANDS.forEach(line -> seeds.add(line.getBytes(StandardCharsets.US_ASCII)));
        List.of("AT", "ATI", "AT+CGSN=1", "AT+CIMI", "AT+QCCID", "AT+CEREG?", "AT+CMEE=1", "AT+CGATT?",
                        "AT+QSREGENABLE=0", "AT+CGDCONT=1,\"IP\",\"ctnb\"", "AT+QDMPCFG=0,1;+QDMPCFG?")
                .forEach(line -> seeds.add(line.getBytes(StandardCharsets.US_ASCII)));
        return Mutations.of(seeds, 600);
    }

    @Override
    public String feed(byte[] input) throws Crash {
        // one line: what the host types up to its CR
        String line = new String(input, StandardCharsets.ISO_8859_1).replace("\r", "").replace("\n", "");
        if (RESTARTS.matcher(line).matches()) {
            return "not typed (restarts the module)";
        }
        long internalErrors = module.atInternalErrors();
        NvramImage before = nvram.image();
        List<String> finals = type(line).stream().filter(l -> FINAL.matcher(l).matches()).toList();
        if (module.atInternalErrors() != internalErrors) {
            throw new Crash("a handler failed inside on " + line);
        }
        String upper = line.toUpperCase(Locale.ROOT);
        int repeats = upper.split("A/", -1).length - 1;
        if (repeats > 0) {
            // A/ repeats the last command line the moment it is typed, with no CR (ITU-T V.250, "repeating a command line")
            if (finals.size() > repeats + 1) {
                throw new Crash(finals.size() + " final result codes for " + repeats + " A/ in " + line);
            }
            return "with A/ (repeat)";
        }
        if (!upper.startsWith("AT")) {
            // noise before an AT further on is skipped as the engine looks for the prefix
            if (finals.size() > 1) {
                throw new Crash(finals.size() + " final result codes for " + line);
            }
            return finals.isEmpty() ? "ignored (no AT prefix)" : "noise before AT, then " + finals.get(0);
        }
        if (finals.size() != 1) {
            throw new Crash(finals.size() + " final result codes for " + line);
        }
        String result = finals.get(0);
        // in a chain the commands before the one that failed have run, their writes with them
        if (!result.equals("OK") && !line.contains(";") && !nvram.image().equals(before)) {
            throw new Crash("NVRAM written by a line answered " + result + ": " + line);
        }
        return result;
    }

    /** The answer's lines to {@code line} typed with its CR. */
    private List<String> type(String line) {
        answer.reset();
        byte[] bytes = (line + "\r").getBytes(StandardCharsets.ISO_8859_1);
        module.receiveFromHost(bytes, 0, bytes.length);
        return answer.toString(StandardCharsets.ISO_8859_1).lines().toList();
    }

    @Override
    public Map<String, Long> rejections() {
        return Map.of();
    }

    @Override
    public boolean serving() {
        return type("AT").contains("OK");
    }

    @Override
    public void close() {
        module.close();
    }
}
