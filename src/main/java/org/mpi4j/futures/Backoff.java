package org.mpi4j.futures;

import java.util.concurrent.locks.LockSupport;

/**
 * How a polling loop waits for MPI, which has no blocking wait that frees the core: a few hot
 * polls (a reply in flight often arrives within microseconds), then sleeps from 20 us doubling up
 * to a millisecond. A sleeping thread is not runnable, so on a machine with more ranks than cores
 * the process that has work gets the core, and a woken sleeper is scheduled promptly; an idle
 * worker costs about a thousand wake-ups a second.
 */
final class Backoff {
    private static final int SPIN = 64;
    private static final long MIN_SLEEP_NANOS = 20_000;
    private static final long MAX_SLEEP_NANOS = 1_000_000;

    private int rounds;
    private long sleep = MIN_SLEEP_NANOS;

    void reset() {
        rounds = 0;
        sleep = MIN_SLEEP_NANOS;
    }

    /** Waits a little before the next poll: a spin first, then ever longer sleeps. */
    void sleep() {
        if (rounds++ < SPIN) {
            Thread.onSpinWait();
            return;
        }
        LockSupport.parkNanos(sleep);
        sleep = Math.min(MAX_SLEEP_NANOS, sleep * 2);
    }
}
