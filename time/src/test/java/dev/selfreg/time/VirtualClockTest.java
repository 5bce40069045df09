package dev.selfreg.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VirtualClockTest {

    private final VirtualClock clock = new VirtualClock();
    private final List<String> log = new ArrayList<>();

    private void record(String what) {
        log.add(what + "@" + clock.elapsed().toSeconds());
    }

    @Test
    void timeStandsStillUntilAdvanced() {
        clock.schedule(Duration.ofSeconds(1), () -> record("tick"));
        assertThat(clock.nanoTime()).isZero();
        assertThat(log).isEmpty();
    }

    @Test
    void advanceRunsDueTimersInDueOrderAtTheirDueTime() {
        clock.schedule(Duration.ofHours(1), () -> record("retry"));
        clock.schedule(Duration.ofSeconds(2), () -> record("ack"));
        clock.schedule(Duration.ofHours(24), () -> record("update"));

        int ran = clock.advance(Duration.ofHours(2));

        assertThat(ran).isEqualTo(2);
        assertThat(log).containsExactly("ack@2", "retry@3600");
        assertThat(clock.elapsed()).isEqualTo(Duration.ofHours(2));
        assertThat(clock.pendingTimers()).isEqualTo(1);
    }

    @Test
    void timersDueAtTheSameInstantRunInSchedulingOrder() {
        clock.schedule(Duration.ofSeconds(5), () -> record("first"));
        clock.schedule(Duration.ofSeconds(5), () -> record("second"));
        clock.advance(Duration.ofSeconds(5));
        assertThat(log).containsExactly("first@5", "second@5");
    }

    @Test
    void timersScheduledByATaskRunInTheSameAdvanceWhenDue() {
        clock.schedule(Duration.ofSeconds(2), () -> {
            record("send");
            clock.schedule(Duration.ofSeconds(4), () -> record("resend"));
        });
        clock.advance(Duration.ofSeconds(10));
        assertThat(log).containsExactly("send@2", "resend@6");
    }

    @Test
    void cancelledTimerNeverRuns() {
        ModuleClock.Timer timer = clock.schedule(Duration.ofSeconds(1), () -> record("x"));
        assertThat(timer.cancel()).isTrue();
        assertThat(timer.cancel()).isFalse();
        clock.advance(Duration.ofSeconds(2));
        assertThat(log).isEmpty();
    }

    @Test
    void zeroDelayTaskRunsOnRunDueWithoutMovingTime() {
        clock.schedule(Duration.ZERO, () -> record("now"));
        assertThat(clock.runDue()).isEqualTo(1);
        assertThat(log).containsExactly("now@0");
    }

    @Test
    void timeNeverRunsBackwards() {
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clock.schedule(Duration.ofSeconds(-1), () -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
