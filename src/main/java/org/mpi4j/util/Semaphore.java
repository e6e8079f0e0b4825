package org.mpi4j.util;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.TimeUnit;
import org.mpi4j.Datatype;
import org.mpi4j.Intracomm;
import org.mpi4j.MPI;
import org.mpi4j.Op;
import org.mpi4j.ThreadLevel;
import org.mpi4j.Win;

/**
 * A counting semaphore shared by the processes of a communicator (and the threads of each), like
 * {@link java.util.concurrent.Semaphore} across processes: at most as many holders as there are
 * permits.
 *
 * <pre>{@code
 * try (Semaphore slots = new Semaphore(MPI.COMM_WORLD, 2)) {
 *     slots.acquire();
 *     try {
 *         // at most two threads, of any processes, at a time
 *     } finally {
 *         slots.release();
 *     }
 * }
 * }</pre>
 *
 * <p>The permits live in a one-sided window at the root; {@link #acquire()} takes one with an
 * atomic compare-and-swap when some are left and otherwise retries, backing off; {@link #release()}
 * is an atomic add. It is not fair: a waiting thread may be overtaken. Creation and
 * {@link #close()} are collective.
 */
public final class Semaphore implements AutoCloseable {
    private final Win win;
    private final int root;
    private final boolean serialize;
    private final ThreadLocal<MemorySegment> buffers = ThreadLocal.withInitial(
            () -> Arena.ofAuto().allocate(ValueLayout.JAVA_INT, 3));

    /** A semaphore with {@code permits} permits, held by rank 0. Collective. */
    public Semaphore(Intracomm comm, int permits) {
        this(comm, permits, 0);
    }

    /** A semaphore with {@code permits} permits, held by {@code root}. Collective over {@code comm}. */
    public Semaphore(Intracomm comm, int permits, int root) {
        RootWindow.checkRoot(comm, root);
        if (permits < 0) {
            throw new IllegalArgumentException("negative permits: " + permits);
        }
        this.root = root;
        this.serialize = MPI.queryThread() != ThreadLevel.MULTIPLE;
        this.win = RootWindow.open(comm, comm.rank() == root ? 4 : 0, 4,
                mem -> mem.set(ValueLayout.JAVA_INT, 0, permits));
    }

    /** Takes a permit, waiting until one is free. */
    public void acquire() {
        for (int i = 0; !tryAcquire(); i++) {
            Mutex.backOff(i);
        }
    }

    /** Takes a permit if one is free now. */
    public boolean tryAcquire() {
        int v = availablePermits();
        while (v > 0) {
            int old = compareAndSwap(v, v - 1);
            if (old == v) {
                return true;
            }
            v = old;
        }
        return false;
    }

    /** Takes a permit, waiting at most {@code time}; false if none came free. */
    public boolean tryAcquire(long time, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(time);
        for (int i = 0; !tryAcquire(); i++) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            Mutex.backOff(i);
        }
        return true;
    }

    /** Gives a permit back. */
    public void release() {
        release(1);
    }

    /** Gives {@code permits} permits back (or adds new ones). */
    public void release(int permits) {
        if (permits < 0) {
            throw new IllegalArgumentException("negative permits: " + permits);
        }
        fetch(permits, 0, Op.SUM);
    }

    /** The permits free now (other threads and processes may change that right after). */
    public int availablePermits() {
        return fetch(0, 0, Op.NO_OP);
    }

    private int compareAndSwap(int expected, int value) {
        return fetch(value, expected, null);
    }

    /** A fetch-and-op ({@code op} non-null) or a compare-and-swap, completed; returns the old value. */
    private int fetch(int value, int expected, Op op) {
        MemorySegment buf = buffers.get();
        MemorySegment in = buf.asSlice(0, 4);
        MemorySegment cmp = buf.asSlice(4, 4);
        MemorySegment out = buf.asSlice(8, 4);
        in.set(ValueLayout.JAVA_INT, 0, value);
        cmp.set(ValueLayout.JAVA_INT, 0, expected);
        if (serialize) {
            synchronized (this) {
                atomic(in, cmp, out, op);
            }
        } else {
            atomic(in, cmp, out, op);
        }
        return out.get(ValueLayout.JAVA_INT, 0);
    }

    private void atomic(MemorySegment in, MemorySegment cmp, MemorySegment out, Op op) {
        if (op == null) {
            win.compareAndSwap(in, cmp, out, Datatype.INT32_T, root, 0);
        } else {
            win.fetchAndOp(in, out, Datatype.INT32_T, root, 0, op);
        }
        win.flush(root);
    }

    /** Frees the semaphore's window. Collective; no thread may be inside a call meanwhile. */
    @Override
    public void close() {
        RootWindow.close(win);
    }
}
