package dev.selfreg.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One run of the {@code selfreg} jar as its own process: exit code, stdout, stderr. */
record CliRun(int exitCode, String out, String err) {

    /** Runs {@code selfreg ARGS} with {@code input} on stdin. */
    static CliRun of(String input, List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(ModuleProcess.command(args));
        command.addAll(1, jvmOptions);
        Path out = Files.createTempFile("selfreg-out", ".txt");
        Path err = Files.createTempFile("selfreg-err", ".txt");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("selfreg " + String.join(" ", args) + " did not end");
            }
            return new CliRun(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    static CliRun of(String... args) throws IOException, InterruptedException {
        return of("", List.of(), args);
    }

    /** Output lines, without the line ends. */
    List<String> outLines() {
        return out.lines().toList();
    }

    List<String> errLines() {
        return err.lines().toList();
    }
}
