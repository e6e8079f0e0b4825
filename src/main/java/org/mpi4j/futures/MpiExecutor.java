package org.mpi4j.futures;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.mpi4j.SerializationException;

/**
 * An {@link ExecutorService} whose tasks run on other MPI processes: mpi4py.futures for Java. Tasks
 * and their results travel serialized by the object messages' serializer (Kryo by default), so
 * lambdas must be serializable: {@code submit(() -> ...)} and {@code map(x -> ...)} type them as
 * {@link SerializableCallable} / {@link SerializableFunction} by themselves. Every future is a
 * {@link CompletableFuture}; a task that throws completes it exceptionally with a
 * {@link RemoteTaskException} naming the remote exception and the worker.
 *
 * <p>Workers take tasks one at a time, the next one when they have returned the last (dynamic
 * load balancing). One dispatcher thread of the submitting process makes all its MPI calls.
 *
 * @see MpiCommExecutor
 * @see MpiPoolExecutor
 */
public abstract sealed class MpiExecutor implements ExecutorService permits MpiCommExecutor, MpiPoolExecutor {
    /** The manager's engine; null on a process that served as a worker. */
    final Dispatcher dispatcher;

    MpiExecutor(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    /** The engine, or a clear exception on a process that is not the manager. */
    Dispatcher manager() {
        if (dispatcher == null) {
            throw new IllegalStateException("this process served as a worker of the executor; only the root"
                    + " submits tasks (test isRoot())");
        }
        return dispatcher;
    }

    /** The number of worker processes that run the tasks. */
    public int workerCount() {
        return manager().workerCount();
    }

    // ---- submit -------------------------------------------------------------------------------

    /**
     * Submits a task that returns a value; lambdas land here, serializable.
     *
     * @throws SerializationException if the task cannot be serialized (it is not submitted)
     * @throws java.util.concurrent.RejectedExecutionException after shutdown
     */
    public <T> CompletableFuture<T> submit(SerializableCallable<T> task) {
        return call(task);
    }

    /**
     * Submits a task without a result; its future completes with null.
     *
     * @throws SerializationException if the task cannot be serialized (it is not submitted)
     */
    public CompletableFuture<?> submit(SerializableRunnable task) {
        return run(task, null);
    }

    /**
     * Submits any {@link Callable}; it must be serializable by the configured serializer (a lambda
     * must be {@code Serializable}).
     *
     * @throws SerializationException if the task cannot be serialized (it is not submitted)
     */
    @Override
    public <T> CompletableFuture<T> submit(Callable<T> task) {
        return call(task);
    }

    /** Submits any {@link Runnable}; see {@link #submit(Callable)}. */
    @Override
    public CompletableFuture<?> submit(Runnable task) {
        return run(task, null);
    }

    /** Submits a {@link Runnable}; its future completes with {@code result} once it has run. */
    @Override
    public <T> CompletableFuture<T> submit(Runnable task, T result) {
        return run(task, result);
    }

    /** Runs {@code command} on a worker; its outcome is not reported (use {@link #submit(Runnable)}). */
    @Override
    public void execute(Runnable command) {
        run(command, null);
    }

    @SuppressWarnings("unchecked")
    private <T> CompletableFuture<T> call(Callable<T> task) {
        Objects.requireNonNull(task, "task");
        return (CompletableFuture<T>) enqueue(Wire.CALL, task, new FutureTask<>(task), null);
    }

    @SuppressWarnings("unchecked")
    private <T> CompletableFuture<T> run(Runnable task, T result) {
        Objects.requireNonNull(task, "task");
        return (CompletableFuture<T>) enqueue(Wire.RUN, task, task, result);
    }

    private TaskFuture<Object> enqueue(byte kind, Object task, Runnable original, Object result) {
        Dispatcher d = manager();
        Wire.checkSerializable(task);
        long id = d.nextId();
        byte[] message = Wire.encode(id, kind, task);
        TaskFuture<Object> f = new TaskFuture<>(d, original);
        d.submit(new Dispatcher.Job(id, kind, message, f, result));
        return f;
    }

    TaskFuture<Object> submitChunk(byte[] function, Object[] inputs) {
        return enqueue(Wire.MAP, new Wire.Chunk(function, inputs), null, null);
    }

    // ---- invokeAll / invokeAny ----------------------------------------------------------------

    @Override
    public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks) throws InterruptedException {
        List<Future<T>> futures = submitAll(tasks);
        for (Future<T> f : futures) {
            try {
                f.get();
            } catch (ExecutionException | CancellationException e) {
                // reported by the future itself
            }
        }
        return futures;
    }

    @Override
    public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
            throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        List<Future<T>> futures = submitAll(tasks);
        for (Future<T> f : futures) {
            try {
                f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException | CancellationException e) {
                // reported by the future itself
            } catch (TimeoutException e) {
                futures.forEach(x -> x.cancel(false));
                break;
            }
        }
        return futures;
    }

    private <T> List<Future<T>> submitAll(Collection<? extends Callable<T>> tasks) {
        List<Future<T>> futures = new ArrayList<>(tasks.size());
        try {
            for (Callable<T> t : tasks) {
                futures.add(submit(t));
            }
        } catch (RuntimeException e) {
            futures.forEach(f -> f.cancel(false));
            throw e;
        }
        return futures;
    }

    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks) throws InterruptedException, ExecutionException {
        try {
            return invokeAny(tasks, Long.MAX_VALUE, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("no timeout was given", e);
        }
    }

    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("no tasks");
        }
        List<Future<T>> futures = submitAll(tasks);
        CompletableFuture<T> first = new CompletableFuture<>();
        java.util.concurrent.atomic.AtomicInteger failures = new java.util.concurrent.atomic.AtomicInteger();
        for (Future<T> f : futures) {
            ((CompletableFuture<T>) f).whenComplete((v, e) -> {
                if (e == null) {
                    first.complete(v);
                } else if (failures.incrementAndGet() == futures.size()) {
                    first.completeExceptionally(e);
                }
            });
        }
        try {
            // wait by making progress, as TaskFuture.get does: first is a plain future, and a
            // thread parked on it would leave the results of the tasks to the background poller,
            // which parks when it believes nothing is running (after cancelled tasks it may)
            long deadline = unit.toNanos(timeout) == Long.MAX_VALUE ? Long.MAX_VALUE
                    : TaskFuture.deadline(unit.toNanos(timeout));
            if (!first.isDone() && !manager().helpUntil(first::isDone, deadline)) {
                throw new TimeoutException();
            }
            return first.get();
        } finally {
            futures.forEach(f -> f.cancel(false));
        }
    }

    // ---- map ----------------------------------------------------------------------------------

    /**
     * Applies {@code function} to every input on the workers, one task per input, and returns the
     * results in input order as a lazy stream (at most {@link MapOptions#DEFAULT}'s buffer size of
     * chunks ahead of the consumer). A task's exception is thrown, as a {@link RemoteTaskException},
     * when the stream reaches its result; closing the stream cancels the rest.
     *
     * @throws SerializationException if the function cannot be serialized
     */
    public <T, R> Stream<R> map(SerializableFunction<? super T, ? extends R> function, Iterable<? extends T> inputs) {
        return map(function, inputs, MapOptions.DEFAULT);
    }

    /** {@link #map(SerializableFunction, Iterable)} with chunks of {@code chunkSize} inputs per task. */
    public <T, R> Stream<R> map(SerializableFunction<? super T, ? extends R> function, Iterable<? extends T> inputs,
            int chunkSize) {
        return map(function, inputs, MapOptions.DEFAULT.withChunkSize(chunkSize));
    }

    /** {@link #map(SerializableFunction, Iterable)} with the chunk size, buffer size and order of {@code options}. */
    public <T, R> Stream<R> map(SerializableFunction<? super T, ? extends R> function, Iterable<? extends T> inputs,
            MapOptions options) {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(options, "options");
        manager();
        Wire.checkSerializable(function);
        MapIterator<R> results = new MapIterator<>(this, Wire.serialize(function), inputs.iterator(), options);
        int characteristics = options.ordered() ? Spliterator.ORDERED : 0;
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(results, characteristics), false)
                .onClose(results::close);
    }

    /** {@link #map(SerializableFunction, Iterable)} yielding each result as soon as its task is done. */
    public <T, R> Stream<R> mapUnordered(SerializableFunction<? super T, ? extends R> function,
            Iterable<? extends T> inputs) {
        return map(function, inputs, MapOptions.DEFAULT.unordered());
    }

    // ---- life cycle ---------------------------------------------------------------------------

    /** Accepts no more tasks; those submitted still run, then the workers are released. */
    @Override
    public void shutdown() {
        if (dispatcher != null) {
            dispatcher.shutdown();
        }
    }

    /**
     * Accepts no more tasks and cancels those not yet sent to a worker (returned, as runnables that
     * would run them here); tasks already on a worker finish, their results are still delivered.
     */
    @Override
    public List<Runnable> shutdownNow() {
        return dispatcher == null ? List.of() : dispatcher.shutdownNow();
    }

    @Override
    public boolean isShutdown() {
        return dispatcher == null || dispatcher.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return dispatcher == null || dispatcher.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return dispatcher == null || dispatcher.awaitTermination(unit.toNanos(timeout));
    }

    /**
     * Shuts down, waits for every submitted task to end, releases the workers and the executor's
     * MPI resources. Interrupted, it cancels the tasks not yet sent and still waits for the
     * running ones.
     */
    @Override
    public void close() {
        if (dispatcher != null) {
            boolean interrupted = false;
            shutdown();
            while (true) {
                try {
                    if (awaitTermination(1, TimeUnit.DAYS)) {
                        break;
                    }
                } catch (InterruptedException e) {
                    if (!interrupted) {
                        shutdownNow();
                        interrupted = true;
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (dispatcher != null) {
            try {
                dispatcher.joinBackground();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        release();
    }

    /** Frees what the executor holds once its tasks have ended; idempotent. */
    abstract void release();
}
