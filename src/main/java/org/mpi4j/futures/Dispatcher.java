package org.mpi4j.futures;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import org.mpi4j.Comm;
import org.mpi4j.MPI;
import org.mpi4j.Message;
import org.mpi4j.Request;
import org.mpi4j.SerializationException;
import org.mpi4j.Status;

/**
 * The manager side of an executor. Its state (tasks waiting for a worker, tasks on workers) is
 * advanced by {@link #progress()}, under a lock, by whichever thread needs it: the thread that
 * submits sends its task itself when a worker is free, the thread that waits for a future
 * receives the results itself, and a background thread does both when nobody else does (so that
 * futures nobody waits for complete too). On a busy machine every hand-off between threads costs
 * a scheduler wake-up, often more than a small task; this way a submit-and-wait round trip has
 * none on the manager.
 *
 * <p>A worker gets its next task when it has returned its last (dynamic load balancing). The lock
 * also serializes the executor's MPI calls, so MPI needs {@code THREAD_MULTIPLE} only because
 * the program's own threads may call MPI meanwhile.
 */
final class Dispatcher {
    /** Messages up to this size go out with a blocking send, which returns at once (eager protocol). */
    private static final int EAGER_BYTES = 4096;

    /** A task on its way: its message and its future. */
    static final class Job {
        final long id;
        final byte kind;
        final byte[] message;
        final TaskFuture<Object> future;
        final Object runResult;

        Job(long id, byte kind, byte[] message, TaskFuture<Object> future, Object runResult) {
            this.id = id;
            this.kind = kind;
            this.message = message;
            this.future = future;
            this.runResult = runResult;
        }
    }

    private final Comm comm;
    private final int[] workers;
    private final Map<Integer, Integer> workerIndex = new HashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final ConcurrentLinkedQueue<Job> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicLong ids = new AtomicLong(1);
    private final Thread background;
    /** Set by the first failure of an initializer, or of MPI. */
    private volatile Throwable broken;
    private volatile boolean shutdown;
    private volatile boolean terminated;
    /** Tasks sent and not yet answered, read without the lock by the background thread. */
    private volatile int running;
    private volatile boolean backgroundParked;
    /** Threads waiting in {@link #helpUntil}: while there are any, the background thread stands aside. */
    private final java.util.concurrent.atomic.AtomicInteger helpers = new java.util.concurrent.atomic.AtomicInteger();

    // guarded by lock
    private final ArrayDeque<Job> pending = new ArrayDeque<>();
    private final HashMap<Long, Job> inFlight = new HashMap<>();
    private final int[] load;
    private final List<Request> sends = new ArrayList<>();
    private final Status status = new Status();
    private int next;

    /**
     * @param comm    the communicator (intra or inter) on which the workers serve
     * @param workers the workers' ranks in {@code comm} (the remote group's, for an intercommunicator)
     */
    Dispatcher(Comm comm, int[] workers, String name) {
        this.comm = comm;
        this.workers = workers.clone();
        this.load = new int[workers.length];
        for (int i = 0; i < workers.length; i++) {
            workerIndex.put(workers[i], i);
        }
        this.background = Thread.ofPlatform().name(name).daemon(true).unstarted(this::backgroundLoop);
        background.setContextClassLoader(Thread.currentThread().getContextClassLoader());
    }

    /** Starts the background thread, after sending every worker the initializer (if any) first. */
    void start(byte[] initializer) {
        if (initializer != null) {
            lock.lock();
            try {
                for (int w : workers) {
                    Job j = new Job(ids.getAndIncrement(), Wire.INIT, null, new TaskFuture<>(this, null), null);
                    inFlight.put(j.id, j);
                    running++;
                    comm.send(withId(initializer, j.id), w, Wire.TAG_TASK);
                }
            } finally {
                lock.unlock();
            }
        }
        background.start();
    }

    private static byte[] withId(byte[] message, long id) {
        byte[] m = message.clone();
        for (int i = 0; i < 8; i++) {
            m[i] = (byte) (id >>> (56 - 8 * i));
        }
        return m;
    }

    int workerCount() {
        return workers.length;
    }

    long nextId() {
        return ids.getAndIncrement();
    }

    /** Queues a task and sends it at once if a worker is free. */
    void submit(Job job) {
        Throwable b = broken;
        if (b != null) {
            throw new RejectedExecutionException("the executor is broken: " + b.getMessage(), b);
        }
        if (shutdown) {
            throw new RejectedExecutionException("the executor has been shut down");
        }
        inbox.add(job);
        progress();
    }

    /**
     * Advances the executor once, if no other thread is doing it: queues submitted tasks, sends
     * tasks to free workers, receives results and completes their futures, and stops the workers
     * once the executor is shut down and idle.
     *
     * @return whether anything happened
     */
    boolean progress() {
        if (lock.isHeldByCurrentThread()) {
            // a dependent stage that submits: the outer step goes on with the inbox when it returns
            return false;
        }
        boolean any = false;
        do {
            if (!lock.tryLock()) {
                return any; // the holder re-checks the inbox after unlocking
            }
            try {
                if (terminated) {
                    return any;
                }
                any |= step();
            } catch (Throwable t) {
                fail(t);
                return true;
            } finally {
                lock.unlock();
            }
        } while (!inbox.isEmpty() && !terminated);
        return any;
    }

    private boolean step() {
        boolean any = false;
        Job j;
        while ((j = inbox.poll()) != null) {
            if (broken != null) {
                j.future.completeExceptionally(broken);
            } else {
                pending.add(j);
            }
        }
        any |= assign();
        any |= receive();
        if (!sends.isEmpty()) {
            sends.removeIf(Request::test);
        }
        if (shutdown && inbox.isEmpty() && pending.isEmpty() && inFlight.isEmpty()) {
            stopWorkers();
            terminated = true;
            LockSupport.unpark(background);
            return true;
        }
        return any;
    }

    /** Sends pending tasks to free workers, round robin among the free ones. */
    private boolean assign() {
        boolean any = false;
        while (!pending.isEmpty()) {
            int w = freeWorker();
            if (w < 0) {
                break;
            }
            Job j = pending.poll();
            if (j.future.isDone()) {
                continue; // cancelled before it was sent
            }
            send(j.message, workers[w]);
            load[w]++;
            inFlight.put(j.id, j);
            running++;
            any = true;
        }
        if (any && backgroundParked) {
            LockSupport.unpark(background);
        }
        return any;
    }

    private int freeWorker() {
        int n = workers.length;
        for (int k = 0; k < n; k++) {
            int w = (next + k) % n;
            if (load[w] == 0) {
                next = (w + 1) % n;
                return w;
            }
        }
        return -1;
    }

    private void send(byte[] message, int dest) {
        if (message.length <= EAGER_BYTES) {
            comm.send(message, dest, Wire.TAG_TASK);
        } else {
            // a large task must not hold the manager until its worker starts receiving
            sends.add(comm.isend(message, dest, Wire.TAG_TASK));
        }
    }

    private boolean receive() {
        if (inFlight.isEmpty()) {
            return false;
        }
        boolean any = false;
        Message m;
        while ((m = comm.improbe(MPI.ANY_SOURCE, Wire.TAG_RESULT, status)) != null) {
            any = true;
            byte[] reply = new byte[Math.toIntExact(m.byteCount())];
            m.mrecv(reply, null);
            int rank = status.source();
            Job j = inFlight.remove(Wire.id(reply));
            if (j == null) {
                continue;
            }
            running--;
            Integer w = workerIndex.get(rank);
            if (w != null && j.kind != Wire.INIT) {
                load[w]--;
            }
            complete(j, reply, rank);
        }
        return any;
    }

    private void complete(Job j, byte[] reply, int rank) {
        Object body;
        try {
            body = Wire.body(reply);
        } catch (SerializationException e) {
            j.future.completeExceptionally(new SerializationException("the result of a task from worker rank "
                    + rank + " cannot be deserialized: " + e.getMessage(), e));
            return;
        }
        if (Wire.kind(reply) == Wire.FAILURE) {
            RemoteTaskException e = ((Wire.Failure) body).toException(rank);
            if (j.kind == Wire.INIT && broken == null) {
                broken = new RejectedExecutionException("the initializer failed on worker rank " + rank, e);
                failAll(broken);
            }
            j.future.completeExceptionally(e);
        } else {
            j.future.complete(j.kind == Wire.RUN ? j.runResult : body);
        }
    }

    /** Completes every queued or running task with {@code cause}; running ones still end on their workers. */
    private void failAll(Throwable cause) {
        Job j;
        while ((j = inbox.poll()) != null) {
            j.future.completeExceptionally(cause);
        }
        for (Job p : pending) {
            p.future.completeExceptionally(cause);
        }
        pending.clear();
        for (Job r : inFlight.values()) {
            r.future.completeExceptionally(cause);
        }
    }

    /** MPI failed under the manager: nothing can be trusted any more; tell the workers if possible. */
    private void fail(Throwable t) {
        if (broken == null) {
            broken = t;
        }
        failAll(t);
        inFlight.clear();
        try {
            stopWorkers();
        } catch (Throwable ignored) {
            // MPI itself failed: the workers cannot be told; the end of the job stops them
        }
        terminated = true;
        LockSupport.unpark(background);
    }

    private void stopWorkers() {
        for (Request r : sends) {
            r.waitFor();
        }
        sends.clear();
        byte[] stop = Wire.encode(0, Wire.STOP, null);
        for (int w : workers) {
            comm.send(stop, w, Wire.TAG_TASK);
        }
    }

    /** Polls results while tasks are running and no other thread polls; parks while idle. */
    private void backgroundLoop() {
        Backoff backoff = new Backoff();
        while (!terminated) {
            if (running == 0 && inbox.isEmpty() && !shutdown) {
                backgroundParked = true;
                if (running == 0 && inbox.isEmpty() && !shutdown) {
                    LockSupport.park(this);
                }
                backgroundParked = false;
                continue;
            }
            if (helpers.get() > 0) {
                // a waiting thread polls already: another poller would only take cores from the workers
                LockSupport.parkNanos(this, 5_000_000);
                continue;
            }
            if (progress()) {
                backoff.reset();
            } else {
                backoff.sleep();
            }
        }
    }

    /**
     * Makes progress from the calling thread until {@code done} holds or {@code deadline}
     * ({@link System#nanoTime()}) passes; false on timeout.
     */
    boolean helpUntil(BooleanSupplier done, long deadline) throws InterruptedException {
        Backoff backoff = new Backoff();
        helpers.incrementAndGet();
        try {
            while (!done.getAsBoolean()) {
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                if (deadline != Long.MAX_VALUE && System.nanoTime() - deadline >= 0) {
                    return false;
                }
                if (progress()) {
                    backoff.reset();
                } else {
                    backoff.sleep();
                }
            }
            return true;
        } finally {
            helpers.decrementAndGet();
        }
    }

    // ---- life cycle ---------------------------------------------------------------------------

    void shutdown() {
        shutdown = true;
        LockSupport.unpark(background);
        progress();
    }

    /** Shuts down and cancels the tasks not yet sent to a worker; returns them. */
    List<Runnable> shutdownNow() {
        shutdown = true;
        List<Runnable> never = new ArrayList<>();
        lock.lock();
        try {
            Job j;
            while ((j = inbox.poll()) != null) {
                pending.add(j);
            }
            for (Job p : pending) {
                if (p.future.cancel(false) && p.future.original != null) {
                    never.add(p.future.original);
                }
            }
            pending.clear();
        } finally {
            lock.unlock();
        }
        LockSupport.unpark(background);
        progress();
        return never;
    }

    boolean isShutdown() {
        return shutdown;
    }

    boolean isTerminated() {
        return terminated;
    }

    /** Waits, helping, until the workers have been stopped. */
    boolean awaitTermination(long nanos) throws InterruptedException {
        return helpUntil(() -> terminated, TaskFuture.deadline(nanos));
    }

    /** Waits for the background thread to end, once terminated. */
    void joinBackground() throws InterruptedException {
        background.join();
    }
}
