package dev.selfreg.bench;

import dev.selfreg.module.ModuleProfile;
import dev.selfreg.module.emulator.Bc260yModule;
import dev.selfreg.nvram.MemoryNvramStore;
import dev.selfreg.time.VirtualClock;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link AtDispatchBenchmark} and compares it with the wire it emulates: a 115200-baud
 * UART (8N1, 10 bits a byte) carrying the same command lines and their responses. The wire's
 * rate is computed from the exact bytes of each exchange in this run, so the ratio says how
 * many times faster the engine is than the interface it sits behind.
 */
public final class AtThroughput {

    /** The BC260Y-CN's default UART rate, bits per second; 8N1 framing is 10 bits a byte. */
    private static final double UART_BYTES_PER_SECOND = 115200 / 10.0;

    private AtThroughput() {
    }

    public static void main(String[] args) throws RunnerException {
        Options options = new OptionsBuilder()
                .include(AtDispatchBenchmark.class.getSimpleName())
                .forks(1)
                .warmupIterations(3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(5).measurementTime(TimeValue.seconds(1))
                .build();
        Collection<RunResult> results = new Runner(options).run();
        double wire = UART_BYTES_PER_SECOND / averageExchangeBytes();
        System.out.printf("%nUART 115200 8N1 carrying the seed's commands: %.0f lines/s%n", wire);
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark().replaceAll(".*\\.", "");
            double score = result.getPrimaryResult().getScore();
            double error = result.getPrimaryResult().getScoreError();
            System.out.printf("%-16s %,14.0f ± %,.0f lines/s   %,10.0f x the UART%n", name, score, error, score / wire);
        }
    }

    /** Bytes on the wire per seed command: the line with its CR, and the module's whole answer. */
    private static double averageExchangeBytes() {
        Bc260yModule module = new Bc260yModule(ModuleProfile.standard(), new VirtualClock(), new MemoryNvramStore());
        long[] answered = new long[1];
        module.connectHost(bytes -> answered[0] += bytes.length);
        module.powerOn();
        byte[] echoOff = "ATE0\r".getBytes(StandardCharsets.US_ASCII);
        module.receiveFromHost(echoOff, 0, echoOff.length);
        answered[0] = 0;
        long sent = 0;
        for (String command : AtDispatchBenchmark.SEED_COMMANDS) {
            byte[] line = (command + "\r").getBytes(StandardCharsets.US_ASCII);
            sent += line.length;
            module.receiveFromHost(line, 0, line.length);
        }
        return (sent + answered[0]) / (double) AtDispatchBenchmark.SEED_COMMANDS.size();
    }
}
