package org.mpi4j.futures;

import java.util.concurrent.locks.LockSupport;
import org.mpi4j.internal.TimerSlack;

/**
 * How a polling loop waits for MPI, which has no blocking wait that frees the core: a few hot
 * polls (a reply in flight often arrives within microseconds), then short sleeps for as long as
 * work is likely to come (a stream of tasks, a result being computed), then ever longer ones, up to
 * a millisecond, so that an idle worker costs next to no CPU.
 *
 * <p>Sleeping instead of spinning or yielding matters when the ranks outnumber the cores: a
 * sleeping thread is not runnable, so the process that has work gets the core, and a thread that
 * wakes from a sleep is scheduled promptly, where a spinning one waits for its next time slice.
 */
final class Backoff {
    private static final int SPIN = 64;
    /** Polling threads set their timer slack to 1 us (Linux's default of 50 us would add to each sleep). */
    private static final long SHORT_SLEEP_NANOS = 10_000;
    /** How long polls stay short after the last event. */
    private static final long BUSY_NANOS = 20_000_000;
    private static final long MAX_SLEEP_NANOS = 1_000_000;

    private int rounds;
    private long since;
    private long sleep = SHORT_SLEEP_NANOS;

    void reset() {
        rounds = 0;
        sleep = SHORT_SLEEP_NANOS;
    }

    /** Waits a little before the next poll. */
    void sleep() {
        int r = rounds++;
        if (r == 0) {
            since = System.nanoTime();
        }
        if (r < SPIN) {
            Thread.onSpinWait();
            return;
        }
        if (System.nanoTime() - since > BUSY_NANOS) {
            sleep = Math.min(MAX_SLEEP_NANOS, sleep * 2);
        }
        if (r == SPIN) {
            TimerSlack.reduce(1_000);
        }
        LockSupport.parkNanos(sleep);
    }
}
