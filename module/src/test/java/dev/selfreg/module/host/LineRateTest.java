package dev.selfreg.module.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A serial line's speed, and output paced at it. */
class LineRateTest {

    @Test
    void aByteTakesTenBitTimes() {
        assertThat(new LineRate(9600).timeFor(96)).isEqualTo(Duration.ofMillis(100));
        assertThat(new LineRate(115200).timeFor(11520)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aRateMustBePositive() {
        assertThatThrownBy(() -> new LineRate(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("baud rate must be positive: 0");
    }

    @Test
    void pacedOutputLeavesNoFasterThanTheLine() throws Exception {
        LineRate rate = new LineRate(4800);
        Arrivals arrivals = new Arrivals();
        OutputStream paced = rate.pace(arrivals);

        paced.write(new byte[40]);
        paced.write(new byte[8]);

        assertThat(arrivals.times).hasSize(48);
        for (int i = 1; i < 48; i++) {
            assertThat(Duration.ofNanos(arrivals.times.get(i) - arrivals.times.get(0))).as("byte %d", i)
                    .isGreaterThanOrEqualTo(rate.timeFor(i));
        }
    }

    @Test
    void aFastLineHandsOverAMillisecondOfBytesAtOnce() throws Exception {
        Arrivals arrivals = new Arrivals();

        new LineRate(115200).pace(arrivals).write(new byte[23]);

        // 11 bytes are a millisecond at 115200 baud
        assertThat(arrivals.writes).containsExactly(11, 11, 1);
    }

    /** When each byte reached the far side, and in which writes. */
    private static final class Arrivals extends OutputStream {
        final List<Long> times = new ArrayList<>();
        final List<Integer> writes = new ArrayList<>();

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            long now = System.nanoTime();
            for (int i = 0; i < length; i++) {
                times.add(now);
            }
            writes.add(length);
        }
    }
}
