package org.mpi4j.futures;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The future of a task. A thread that waits for it ({@link #get}, {@link #join}) receives the
 * results itself instead of sleeping until another thread hands them over (see
 * {@link Dispatcher}). A cancelled task that has not been sent yet is never sent; one already on a
 * worker runs, and its result is dropped.
 *
 * <p>Dependent stages added without {@code Async} run on whichever thread received the result,
 * with the executor's lock held: they should be short and must not wait for other tasks.
 */
final class TaskFuture<V> extends CompletableFuture<V> {
    private final Dispatcher dispatcher;
    /** What the task was, for {@code shutdownNow}'s list of tasks that never ran; may be null. */
    final Runnable original;

    TaskFuture(Dispatcher dispatcher, Runnable original) {
        this.dispatcher = dispatcher;
        this.original = original;
    }

    @Override
    public V get() throws InterruptedException, ExecutionException {
        if (!isDone()) {
            dispatcher.helpUntil(this::isDone, Long.MAX_VALUE);
        }
        return super.get();
    }

    @Override
    public V get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        if (!isDone() && !dispatcher.helpUntil(this::isDone, deadline(unit.toNanos(timeout)))) {
            throw new TimeoutException();
        }
        return super.get();
    }

    @Override
    public V join() {
        if (!isDone()) {
            try {
                dispatcher.helpUntil(this::isDone, Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // join is not interruptible: wait below instead
            }
        }
        return super.join();
    }

    /** {@code System.nanoTime() + nanos}, saturated so that "forever" stays in the future. */
    static long deadline(long nanos) {
        long now = System.nanoTime();
        return nanos >= Long.MAX_VALUE - now ? Long.MAX_VALUE : now + nanos;
    }

    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
        return new CompletableFuture<>();
    }
}
