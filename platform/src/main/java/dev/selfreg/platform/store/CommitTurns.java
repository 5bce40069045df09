package dev.selfreg.platform.store;

import java.sql.SQLException;

/**
 * The store's connections take turns to commit, and a fold runs its statements and its commit in one turn.
 *
 * <p>Why: an H2 file store writes, at each commit, every page changed since the last one, whichever connection
 * changed it and committed or not. A fold updating {@code dm_device} while the writer commits its groups would have
 * its pages written again at each of those commits, once per device where it would be once per page; measured at
 * 19,000 modules, that was a fifth of a fleet's wall time. Waiting for a fold delays the writer's next commit by the
 * fold's length, not its statements.
 */
final class CommitTurns {

    /** Statements run in one turn. */
    @FunctionalInterface
    interface Work {
        void run() throws SQLException;
    }

    /** Commits {@code connection}'s transaction in a turn of its own. */
    synchronized void commit(StoreConnection connection) throws SQLException {
        connection.commit();
    }

    /** Runs {@code work} on {@code connection} and commits it, no other commit between. */
    synchronized void exclusively(StoreConnection connection, Work work) throws SQLException {
        work.run();
        connection.commit();
    }
}
