package org.mpi4j.futures;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The results of a map, read lazily: chunks are submitted ahead of the consumer up to the buffer
 * size, and one more each time the consumer finishes one, so an endless input runs in bounded
 * memory. Ordered maps wait for the oldest chunk; unordered ones take whichever finished first.
 */
final class MapIterator<R> implements Iterator<R> {
    private final MpiExecutor executor;
    private final Iterator<?> inputs;
    private final byte[] function;
    private final MapOptions options;
    /** Submitted chunks not yet consumed, oldest first. */
    private final LinkedHashSet<TaskFuture<Object>> submitted = new LinkedHashSet<>();
    /** Finished chunks, for unordered maps. */
    private final LinkedBlockingQueue<TaskFuture<Object>> done = new LinkedBlockingQueue<>();
    private Object[] current = new Object[0];
    private int position;
    private boolean closed;

    MapIterator(MpiExecutor executor, byte[] function, Iterator<?> inputs, MapOptions options) {
        this.executor = executor;
        this.function = function;
        this.inputs = inputs;
        this.options = options;
        fill();
    }

    private void fill() {
        int bound = options.bufferSize() == 0 ? Integer.MAX_VALUE : options.bufferSize();
        while (submitted.size() < bound && inputs.hasNext()) {
            Object[] chunk = new Object[options.chunkSize()];
            int n = 0;
            while (n < chunk.length && inputs.hasNext()) {
                chunk[n++] = inputs.next();
            }
            if (n < chunk.length) {
                chunk = java.util.Arrays.copyOf(chunk, n);
            }
            TaskFuture<Object> f = executor.submitChunk(function, chunk);
            submitted.add(f);
            if (!options.ordered()) {
                f.whenComplete((v, e) -> done.add(f));
            }
        }
    }

    @Override
    public boolean hasNext() {
        if (position < current.length) {
            return true;
        }
        if (closed) {
            return false;
        }
        if (submitted.isEmpty()) {
            fill();
        }
        return !submitted.isEmpty();
    }

    @Override
    @SuppressWarnings("unchecked")
    public R next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        if (position == current.length) {
            TaskFuture<Object> f = options.ordered() ? submitted.iterator().next() : take();
            Object[] results;
            try {
                results = (Object[]) f.join();
            } catch (CompletionException | CancellationException e) {
                close();
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
            submitted.remove(f);
            current = results;
            position = 0;
            fill();
        }
        Object r = current[position];
        current[position++] = null;
        return (R) r;
    }

    private TaskFuture<Object> take() {
        try {
            executor.dispatcher.helpUntil(() -> !done.isEmpty(), Long.MAX_VALUE);
            return done.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new CancellationException("interrupted while waiting for a map result");
        }
    }

    /** Cancels the chunks not yet consumed (those not yet on a worker are never sent). */
    void close() {
        closed = true;
        for (TaskFuture<Object> f : submitted) {
            f.cancel(false);
        }
        submitted.clear();
        current = new Object[0];
        position = 0;
    }
}
