package dev.selfreg.platform.store;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real connections to a test's database whose commits the test can hold or fail on cue: the database
 * misbehaving at the moment the test chooses, everything else as the database does it.
 */
final class InterceptedConnections implements ConnectionSource {

    /** What a commit does before it goes to the database. */
    @FunctionalInterface
    interface BeforeCommit {
        void run() throws SQLException, InterruptedException;
    }

    private final ConnectionSource database;
    private final Queue<BeforeCommit> nextCommits = new ConcurrentLinkedQueue<>();
    private final AtomicInteger connects = new AtomicInteger();

    InterceptedConnections(ConnectionSource database) {
        this.database = database;
    }

    /** The next commit not yet given one runs {@code hook} first. */
    void beforeNextCommit(BeforeCommit hook) {
        nextCommits.add(hook);
    }

    /** The next commit not yet given one waits, inside the database call, until released. */
    HeldCommit holdNextCommit() {
        return holdNextCommit(() -> { });
    }

    /** The next commit not yet given one waits until released, then runs {@code then} before the database. */
    HeldCommit holdNextCommit(BeforeCommit then) {
        HeldCommit held = new HeldCommit();
        beforeNextCommit(() -> {
            held.reached.countDown();
            held.released.await();
            then.run();
        });
        return held;
    }

    /** A commit held on its way to the database: the writer in the middle of a commit, for as long as the test likes. */
    static final class HeldCommit {
        private final CountDownLatch reached = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        /** Returns once the writer is in the held commit (failing after a few seconds). */
        void awaitReached() throws InterruptedException {
            if (!reached.await(5, TimeUnit.SECONDS)) {
                throw new AssertionError("the writer never reached the held commit");
            }
        }

        void release() {
            released.countDown();
        }
    }

    /** Connections opened so far. */
    int connects() {
        return connects.get();
    }

    @Override
    public Connection connect() throws SQLException {
        Connection real = database.connect();
        connects.incrementAndGet();
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("commit")) {
                        BeforeCommit hook = nextCommits.poll();
                        if (hook != null) {
                            hook.run();
                        }
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public String where() {
        return database.where();
    }
}
