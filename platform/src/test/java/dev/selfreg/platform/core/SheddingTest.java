package dev.selfreg.platform.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SheddingTest {

    private final PlatformMetrics metrics = new PlatformMetrics();
    private final List<String> lines = new ArrayList<>();
    private final AtomicLong now = new AtomicLong();
    private final Shedding shedding = new Shedding(metrics, "ct", lines::add, now::get);

    @Test
    void everyShedRequestIsCountedWithItsReason() {
        for (int i = 0; i < 1000; i++) {
            shedding.shed(Shedding.STORE_QUEUE_FULL);
        }
        shedding.shed(Shedding.COAP_QUEUE_WAIT);

        assertThat(metrics.total("ct", "shed", "store queue full")).isEqualTo(1000);
        assertThat(metrics.total("ct", "shed", "coap queue wait")).isEqualTo(1);
    }

    @Test
    void aBurstIsLoggedOnceAtItsStartThenAtMostOnceAnIntervalWithTheCountsByReason() {
        for (int i = 0; i < 1000; i++) {
            shedding.shed(Shedding.STORE_QUEUE_FULL);
        }
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).startsWith("ct shedding load: 1 request(s) shed (store queue full 1)");

        now.addAndGet(Shedding.LOG_INTERVAL.toNanos() - 1);
        shedding.shed(Shedding.COAP_QUEUE_WAIT);
        assertThat(lines).hasSize(1);

        now.addAndGet(1);
        shedding.shed(Shedding.STORE_QUEUE_FULL);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).isEqualTo("ct shedding load: 1001 request(s) shed in the 10 s since the last line"
                + " (coap queue wait 1, store queue full 1000)");
    }

    @Test
    void aRequestCountedByItsServiceIsLoggedWithoutBeingCountedAgain() {
        shedding.note(Shedding.STORE_QUEUE_WAIT);

        assertThat(lines).hasSize(1);
        assertThat(metrics.total("ct", "shed", "store queue wait")).isZero();
    }
}
