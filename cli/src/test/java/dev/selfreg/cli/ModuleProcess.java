package dev.selfreg.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code selfreg module} started from the shaded jar as its own process, as a user starts
 * it, with the ports it announced on stdout.
 */
final class ModuleProcess implements AutoCloseable {

    final Process process;
    final int atPort;
    final int controlPort;
    final Path log;
    private final HttpClient http = HttpClient.newHttpClient();

    private ModuleProcess(Process process, int atPort, int controlPort, Path log) {
        this.process = process;
        this.atPort = atPort;
        this.controlPort = controlPort;
        this.log = log;
    }

    static List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("selfreg.jar")));
        command.addAll(List.of(args));
        return command;
    }

    /** Starts {@code selfreg module --at-port 0 --control-port 0 ARGS} and waits for its ports. */
    static ModuleProcess start(String... args) throws IOException {
        return launch(true, "--at-port", "0", args);
    }

    /**
     * Starts {@code selfreg module --serial DEVICE --control-port 0 ARGS} and waits until it serves
     * the device; it has no {@link #atPort}.
     */
    static ModuleProcess serial(Path device, String... args) throws IOException {
        return launch(false, "--serial", device.toString(), args);
    }

    private static ModuleProcess launch(boolean tcp, String hostOption, String hostValue, String... args) throws IOException {
        List<String> command = command("module", hostOption, hostValue, "--control-port", "0");
        command.addAll(List.of(args));
        Path log = Files.createTempFile("selfreg-module", ".log");
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        int at = -1;
        boolean serving = false;
        int control = -1;
        while (!(tcp ? at >= 0 : serving) || control < 0) {
            String line = out.readLine();
            if (line == null) {
                throw new IOException("selfreg module ended before listening: " + Files.readString(log));
            }
            if (line.startsWith("listening at ")) {
                at = port(line);
            } else if (line.startsWith("listening serial ")) {
                serving = true;
            } else if (line.startsWith("listening control ")) {
                control = port(line);
            }
        }
        return new ModuleProcess(process, at, control, log);
    }

    private static int port(String line) {
        return Integer.parseInt(line.substring(line.lastIndexOf(':') + 1));
    }

    AtSocket connect() throws IOException {
        return new AtSocket(atPort);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + controlPort + path);
    }

    /** Pulls the plug: SIGKILL, nothing gets to clean up. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        kill();
        Files.deleteIfExists(log);
    }
}
