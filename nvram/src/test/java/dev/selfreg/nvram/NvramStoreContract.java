package dev.selfreg.nvram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link NvramStore} shares; each implementation's test extends this. */
abstract class NvramStoreContract {

    /** A store that has never been written. */
    abstract NvramStore newStore();

    @Test
    void newStoreHoldsTheEmptyImage() {
        assertThat(newStore().image()).isEqualTo(NvramImage.empty());
    }

    @Test
    void healthyStoreHasNoOpenReport() {
        assertThat(newStore().openReport()).isEmpty();
    }

    @Test
    void writeReplacesTheWholeImage() {
        NvramStore store = newStore();
        store.write(NvramImage.empty().with("apn", "cmnbiot").with("band", "8"));

        NvramImage replacement = NvramImage.empty().with("band", "5");
        store.write(replacement);

        assertThat(store.image()).isEqualTo(replacement);
    }

    @Test
    void updateChangesTheCurrentImage() {
        NvramStore store = newStore();
        store.write(NvramImage.empty().with("apn", "cmnbiot"));

        NvramImage updated = store.update(image -> image.with("band", "8"));

        assertThat(updated).isEqualTo(NvramImage.empty().with("apn", "cmnbiot").with("band", "8"));
        assertThat(store.image()).isEqualTo(updated);
    }

    @Test
    void updateWhoseChangeFailsWritesNothing() {
        NvramStore store = newStore();
        NvramImage before = NvramImage.empty().with("apn", "cmnbiot");
        store.write(before);

        assertThatThrownBy(() -> store.update(image -> image.with("", "no key")))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(store.image()).isEqualTo(before);
    }

    @Test
    void concurrentUpdatesLoseNoSetting() throws Exception {
        NvramStore store = newStore();
        int threads = 4;
        int updatesPerThread = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<CompletableFuture<Void>> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String thread = "t" + t;
                writers.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < updatesPerThread; i++) {
                        String key = thread + "." + i;
                        store.update(image -> image.with(key, "set"));
                    }
                }, pool));
            }
            CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new))
                    .get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        assertThat(store.image().asMap()).hasSize(threads * updatesPerThread);
    }
}
