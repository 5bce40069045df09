package dev.selfreg.time;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Wall-clock module time: timers run on one daemon thread, in due order, like the module's
 * single firmware event loop.
 */
public final class RealClock implements ModuleClock, AutoCloseable {

    private final long start = System.nanoTime();
    private final ScheduledThreadPoolExecutor executor;

    public RealClock(String name) {
        executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, name + "-clock");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
    }

    @Override
    public long nanoTime() {
        return System.nanoTime() - start;
    }

    @Override
    public Timer schedule(Duration delay, Runnable task) {
        long due = nanoTime() + delay.toNanos();
        ScheduledFuture<?> future = executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        return new Timer() {
            @Override
            public boolean cancel() {
                return future.cancel(false);
            }

            @Override
            public long dueNanos() {
                return due;
            }
        };
    }

    @Override
    public boolean isVirtual() {
        return false;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
