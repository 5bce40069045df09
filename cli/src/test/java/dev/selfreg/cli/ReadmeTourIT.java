package dev.selfreg.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import dev.selfreg.cli.ShellSession.Step;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's tour, pasted as written: its shell sessions ({@link ShellSession}) run in order in one bash,
 * and each command prints what the README shows ({@link ShownOutput}) and exits 0.
 *
 * <p>The session runs in a network namespace of its own ({@code unshare -rn}), whose loopback no other
 * process shares: the tour's default ports (5683, 8080, 7000, ...) are free whatever else runs on the
 * machine. Its working directory is a fresh one holding the launcher, the jar under test ({@code cli}) and
 * {@code examples}, so the platform's default store ({@code ./selfreg-data}) starts empty.
 */
class ReadmeTourIT {

    private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();
    private static final Path README = PROJECT.resolve("README.md");
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(120);
    private static final String DONE = "__step-done ";

    @TempDir
    Path directory;
    @TempDir
    Path outputs;

    @Test
    void everyShellSessionInTheReadmeIsRunOrSaysWhyNot() throws IOException {
        assertThat(ShellSession.sessionFences(README)).as("blocks with $ commands").allMatch(fence -> fence.endsWith("```console"));
        assertThat(ShellSession.of(README).steps()).isNotEmpty();
    }

    @Test
    void theTourRunsAsWrittenAndPrintsWhatItShows() throws Exception {
        assumePrivateLoopback();
        ShellSession tour = ShellSession.of(README);
        Files.copy(PROJECT.resolve("selfreg"), directory.resolve("selfreg"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.createSymbolicLink(directory.resolve("cli"), PROJECT.resolve("cli"));
        Files.createSymbolicLink(directory.resolve("examples"), PROJECT.resolve("examples"));

        Process bash = new ProcessBuilder("unshare", "-rn", "bash", "--norc", "--noprofile", "-c",
                "ip link set lo up && exec bash --norc --noprofile")
                .directory(directory.toFile()).redirectError(outputs.resolve("session-err.txt").toFile()).start();
        BlockingQueue<String> done = new LinkedBlockingQueue<>();
        Thread reader = readLines(bash, done);
        // open until the servers are stopped: at the end of its input the shell would leave them orphaned
        Writer in = new OutputStreamWriter(bash.getOutputStream(), StandardCharsets.UTF_8);
        try {
            in.write("__rc=0\n");
            List<Step> steps = tour.steps();
            for (int i = 0; i < steps.size(); i++) {
                Step step = steps.get(i);
                boolean statusShown = i + 1 < steps.size() && steps.get(i + 1).command().contains("$?");
                run(step, i, in, done, statusShown);
            }
        } finally {
            stop(bash);
            in.close();
            reader.interrupt();
        }
    }

    private void run(Step step, int index, Writer in, BlockingQueue<String> done, boolean statusShown) throws Exception {
        Path out = outputs.resolve(index + ".out");
        Path err = outputs.resolve(index + ".err");
        String redirect = "</dev/null >'" + out + "' 2>'" + err + "'";
        // a newline before } ends a comment at the end of the command; $? is the last command's, as when typed
        in.write(step.background()
                ? "{ " + step.command() + "\n} " + redirect + " & echo '" + DONE + index + " 0'\n"
                : "( exit $__rc ); { " + step.command() + "\n} " + redirect + "; __rc=$?; echo \"" + DONE + index + " $__rc\"\n");
        in.flush();
        String status = done.poll(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (status == null) {
            fail("%s did not end within %s%n%s", step, STEP_TIMEOUT, printed(out, err));
        }
        if (step.background()) {
            awaitShown(step, out, err);
            return;
        }
        int exit = Integer.parseInt(status.substring(status.lastIndexOf(' ') + 1));
        if (exit != 0 && !statusShown) {
            fail("%s exited %d%n%s", step, exit, printed(out, err));
        }
        Optional<String> problem = ShownOutput.mismatch(step.shown(), lines(out), lines(err));
        if (problem.isPresent()) {
            fail("%s: %s%n%s", step, problem.get(), printed(out, err));
        }
    }

    /** A server is ready when it has printed what the README shows; it runs on until the tour ends. */
    private static void awaitShown(Step step, Path out, Path err) throws IOException {
        AtomicReference<Optional<String>> problem = new AtomicReference<>();
        try {
            await().atMost(STEP_TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() -> {
                problem.set(ShownOutput.mismatch(step.shown(), lines(out), lines(err)));
                return problem.get().isEmpty();
            });
        } catch (ConditionTimeoutException e) {
            fail("%s: not ready within %s: %s%n%s", step, STEP_TIMEOUT, problem.get().orElse(""), printed(out, err));
        }
    }

    /** Ends what the tour started: its servers first (SIGTERM, as Ctrl-C would), then the shell. */
    private static void stop(Process bash) throws InterruptedException {
        List<ProcessHandle> started = bash.descendants().toList();
        started.forEach(ProcessHandle::destroy);
        for (ProcessHandle process : started) {
            try {
                process.onExit().get(15, TimeUnit.SECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
            }
        }
        bash.destroy();
        if (!bash.waitFor(15, TimeUnit.SECONDS)) {
            bash.destroyForcibly();
        }
    }

    private static Thread readLines(Process bash, BlockingQueue<String> done) {
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(bash.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith(DONE)) {
                        done.add(line);
                    }
                }
            } catch (IOException e) {
                // the session ended
            }
        }, "tour-session");
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    /** The tour needs a loopback of its own; without user namespaces (or iproute2) it cannot run here. */
    private static void assumePrivateLoopback() throws Exception {
        String why;
        try {
            Process probe = new ProcessBuilder("unshare", "-rn", "ip", "link", "set", "lo", "up").redirectErrorStream(true).start();
            why = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0) {
                return;
            }
        } catch (IOException e) {
            why = e.getMessage();
        }
        Assumptions.abort("the README tour runs in a private network namespace (unshare -rn, ip from iproute2): " + why);
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file).lines().toList() : List.of();
    }

    private static String printed(Path out, Path err) throws IOException {
        return "stdout:%n%s%nstderr:%n%s".formatted(String.join("\n", lines(out)), tail(lines(err)));
    }

    private static String tail(List<String> lines) {
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
