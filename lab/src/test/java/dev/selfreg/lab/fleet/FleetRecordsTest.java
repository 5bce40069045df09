package dev.selfreg.lab.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongUnaryOperator;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class FleetRecordsTest {

    /** Ids 1 to {@code count} as a store pages them: below {@code before}, newest first, at most {@code limit}. */
    private static FleetRecords.Page<Long> storeOf(int count, List<Long> asked) {
        return (before, limit) -> {
            asked.add(before);
            return LongStream.rangeClosed(1, count).map(reverse(count)).filter(id -> id < before).limit(limit)
                    .boxed().toList();
        };
    }

    private static LongUnaryOperator reverse(int count) {
        return id -> count + 1 - id;
    }

    @Test
    void everyRecordIsReadOnceNewestFirstAcrossPages() {
        List<Long> asked = new ArrayList<>();

        List<Long> all = FleetRecords.all(storeOf(7, asked), Long::longValue, 3);

        assertThat(all).containsExactly(7L, 6L, 5L, 4L, 3L, 2L, 1L);
        assertThat(asked).containsExactly(Long.MAX_VALUE, 5L, 2L);
    }

    @Test
    void aLastFullPageIsFollowedByAnEmptyOne() {
        List<Long> asked = new ArrayList<>();

        List<Long> all = FleetRecords.all(storeOf(6, asked), Long::longValue, 3);

        assertThat(all).containsExactly(6L, 5L, 4L, 3L, 2L, 1L);
        assertThat(asked).containsExactly(Long.MAX_VALUE, 4L, 1L);
    }

    @Test
    void anEmptyStoreHasNoRecords() {
        assertThat(FleetRecords.all(storeOf(0, new ArrayList<>()), Long::longValue, 3)).isEmpty();
    }
}
