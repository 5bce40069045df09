package dev.selfreg.bench;

import dev.selfreg.module.ModuleProfile;
import dev.selfreg.module.emulator.Bc260yModule;
import dev.selfreg.nvram.MemoryNvramStore;
import dev.selfreg.time.VirtualClock;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Lines per second through the emulated module's whole AT path — framing, parsing, checking
 * against the declared signature, running the command (NVRAM writes included) and formatting
 * the response — for the commands of the seed's chapter 3.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AtDispatchBenchmark {

    /** The seed's chapter 3 commands, a mix of queries, sets, reads and erases. */
    public static final List<String> SEED_COMMANDS = List.of(
            "AT+QSREGENABLE?",
            "AT+QSREGENABLE=1",
            "AT+QDMPCFG?",
            "AT+QDMPCFG=0,1",
            "AT+QDMPCFG=4,0",
            "AT+QDMPCFG=1,117.161.2.7,5683,420",
            "AT+QDMPCFG=4,1",
            "AT+QDMPCFG=2,\"M100000089\",\"95Go****\",1,863703030822519",
            "AT+QDMPCFG=4,2",
            "AT+QDMPCFG=6",
            "AT+QDMPCFGEX=1,0,\"00-01-6C-06-A6-29\"",
            "AT+QDMPCFGEX=1,1",
            "AT+QDMPCFGEX=2,0,\"4096KB\",\"4096KB\",\"EC616\",\"FREE RTOS\"",
            "AT+QDMPCFGEX=2,1",
            "AT+QDMPCFGEX=5,0,\"31.8438799075,117.2025477950,OTDOA\"",
            "AT+QDMPCFGEX=5,2");

    private Bc260yModule module;
    private byte[][] lines;
    private int next;
    private Blackhole sink;

    @Setup
    public void boot(Blackhole blackhole) {
        sink = blackhole;
        module = new Bc260yModule(ModuleProfile.standard(), new VirtualClock(), new MemoryNvramStore());
        module.connectHost(bytes -> sink.consume(bytes));
        module.powerOn();
        feed("ATE0\r".getBytes(StandardCharsets.US_ASCII));
        module.sleep().setSleepMode(0);
        lines = SEED_COMMANDS.stream().map(line -> (line + "\r").getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);
    }

    private void feed(byte[] line) {
        module.receiveFromHost(line, 0, line.length);
    }

    /** One seed command line in, its full response out. */
    @Benchmark
    public void seedCommandLine() {
        feed(lines[next]);
        next = (next + 1) % lines.length;
    }

    /** The shortest exchange, {@code AT} / {@code OK}, for reference. */
    @Benchmark
    public void attention() {
        feed(ATTENTION);
    }

    private static final byte[] ATTENTION = "AT\r".getBytes(StandardCharsets.US_ASCII);
}
