package dev.selfreg.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
    void manyCancelledTimersLeaveTheOthersPendingAndInOrder() {
        List<ModuleClock.Timer> timers = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            int n = i;
            timers.add(clock.schedule(Duration.ofSeconds(3000 - i), () -> record("t" + n)));
        }
        for (int i = 0; i < 3000; i++) {
            if (i % 1000 != 7) {
                assertThat(timers.get(i).cancel()).isTrue();
            }
        }

        assertThat(clock.pendingTimers()).isEqualTo(3);
        assertThat(clock.untilNextTimer()).contains(Duration.ofSeconds(993));
        clock.advance(Duration.ofHours(1));

        assertThat(log).containsExactly("t2007@993", "t1007@1993", "t7@2993");
        assertThat(timers.get(7).cancel()).isFalse();
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

    @Test
    void quiescenceIsAwaitedBeforeEachDueTimerAndBeforeTimeMovesToTheTarget() {
        clock.schedule(Duration.ofSeconds(1), () -> record("a"));
        clock.schedule(Duration.ofSeconds(2), () -> record("b"));
        clock.addQuiescence(() -> record("quiet"));

        clock.advance(Duration.ofSeconds(5));

        assertThat(log).containsExactly("quiet@0", "a@1", "quiet@1", "b@2", "quiet@2");
        assertThat(clock.elapsed()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void whatAQuiescenceSchedulesAtTheCurrentInstantRunsAtThatInstantInTheSameAdvance() {
        List<Runnable> arrivals = new ArrayList<>();
        clock.schedule(Duration.ofSeconds(3), () -> {
            record("send");
            arrivals.add(() -> clock.schedule(Duration.ZERO, () -> record("reply")));
            clock.schedule(Duration.ofSeconds(2), () -> record("retransmit"));
        });
        clock.addQuiescence(() -> {
            arrivals.forEach(Runnable::run);
            arrivals.clear();
        });

        clock.advance(Duration.ofHours(1));

        assertThat(log).containsExactly("send@3", "reply@3", "retransmit@5");
    }

    @Test
    void aReplyFromAnotherThreadIsHandledAtTheVirtualInstantOfTheSend() throws InterruptedException {
        CountDownLatch sent = new CountDownLatch(1);
        CountDownLatch replied = new CountDownLatch(1);
        Thread peer = new Thread(() -> {
            try {
                sent.await();
                clock.schedule(Duration.ZERO, () -> record("reply"));
                replied.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        peer.start();
        clock.schedule(Duration.ofSeconds(2), () -> {
            record("send");
            sent.countDown();
        });
        clock.addQuiescence(() -> {
            if (sent.getCount() > 0) {
                return; // nothing sent yet, nothing to wait for
            }
            try {
                replied.await(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        clock.advance(Duration.ofHours(1));
        peer.join();

        assertThat(log).containsExactly("send@2", "reply@2");
    }

    @Test
    void aQuiescenceThatSaysItStartedSomethingIsAwaitedOnceBeforeTimeMoves() {
        Quiescence quiescence = () -> record("quiet");
        clock.schedule(Duration.ofSeconds(1), () -> {
            record("send");
            clock.awaitActivity(quiescence);
        });
        clock.schedule(Duration.ofSeconds(1), () -> record("same instant"));
        clock.schedule(Duration.ofSeconds(2), () -> record("later"));

        clock.advance(Duration.ofSeconds(5));

        assertThat(log).containsExactly("send@1", "same instant@1", "quiet@1", "later@2");
    }

    @Test
    void aRemovedQuiescenceIsNoLongerAwaited() {
        Quiescence quiescence = () -> record("quiet");
        clock.addQuiescence(quiescence);
        clock.removeQuiescence(quiescence);

        clock.advance(Duration.ofSeconds(1));

        assertThat(log).isEmpty();
    }

    @Test
    void aQuiescenceBeforeAMoveWaitsUntilTheTasksDueAtTheInstantHaveRun() {
        clock.schedule(Duration.ofSeconds(2), () -> {
            record("request");
            clock.schedule(Duration.ZERO, () -> record("answer"));
        });
        clock.schedule(Duration.ofSeconds(4), () -> record("later"));
        clock.addQuiescenceBeforeMove(() -> record("settled"));

        clock.advance(Duration.ofSeconds(5));

        assertThat(log).containsExactly("settled@0", "request@2", "answer@2", "settled@2", "later@4", "settled@4");
    }

    @Test
    void whatASettlingPeerRecordsCarriesTheInstantItWasFedAt() {
        List<String> peer = new ArrayList<>();
        List<Runnable> fed = new ArrayList<>();
        clock.schedule(Duration.ofSeconds(3), () -> fed.add(() -> peer.add("recorded@" + clock.elapsed().toSeconds())));
        clock.addQuiescenceBeforeMove(() -> {
            fed.forEach(Runnable::run);
            fed.clear();
        });

        clock.advance(Duration.ofHours(1));

        assertThat(peer).containsExactly("recorded@3");
    }

    @Test
    void theTimeUntilTheNextTimerIsKnown() {
        assertThat(clock.untilNextTimer()).isEmpty();
        clock.schedule(Duration.ofHours(1), () -> { });
        clock.schedule(Duration.ofSeconds(90), () -> { });

        clock.advance(Duration.ofSeconds(30));

        assertThat(clock.untilNextTimer()).contains(Duration.ofSeconds(60));
    }
}
