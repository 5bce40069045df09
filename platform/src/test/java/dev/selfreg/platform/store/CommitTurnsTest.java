package dev.selfreg.platform.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class CommitTurnsTest {

    private static final Duration BOUND = Duration.ofSeconds(10);

    @Test
    void aCommitWaitsUntilAFoldUnderWayHasCommittedItsWork() throws Exception {
        ConnectionSource source = ConnectionSource.of("jdbc:h2:mem:turns;DB_CLOSE_DELAY=-1", null, null);
        CommitTurns turns = new CommitTurns();
        List<String> committed = new CopyOnWriteArrayList<>();
        CountDownLatch folding = new CountDownLatch(1);
        CountDownLatch foldMayEnd = new CountDownLatch(1);
        try (StoreConnection folds = StoreConnection.open(source, false, "folds");
             StoreConnection written = StoreConnection.open(source, false, "writer")) {
            Thread fold = new Thread(() -> run(() -> turns.exclusively(folds, () -> {
                folding.countDown();
                awaitQuietly(foldMayEnd);
                committed.add("fold");
            })));
            Thread writer = new Thread(() -> run(() -> {
                turns.commit(written);
                committed.add("writer");
            }));
            fold.start();
            folding.await();
            writer.start();

            await().atMost(BOUND).until(() -> writer.getState() == Thread.State.BLOCKED);
            assertThat(committed).isEmpty();
            foldMayEnd.countDown();
            fold.join(BOUND.toMillis());
            writer.join(BOUND.toMillis());
            assertThat(committed).containsExactly("fold", "writer");
        }
    }

    private static void run(CommitTurns.Work work) {
        try {
            work.run();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
