package org.mpi4j.util;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import org.mpi4j.Datatype;
import org.mpi4j.Intracomm;
import org.mpi4j.Op;
import org.mpi4j.Win;

/**
 * Mutual exclusion among the processes of a communicator, and among the threads of each process:
 * a {@link Lock} held by at most one thread of one process at a time, like
 * {@code mpi4py.util.sync.Mutex}.
 *
 * <pre>{@code
 * try (Mutex mutex = new Mutex(MPI.COMM_WORLD)) {
 *     mutex.lock();
 *     try {
 *         // one thread of one process at a time
 *     } finally {
 *         mutex.unlock();
 *     }
 * }
 * }</pre>
 *
 * <p><b>Fair.</b> Processes get the lock in the order they asked for it: an MCS queue lock over
 * one-sided operations (the root holds the tail of the queue; a process swaps itself in with an
 * atomic {@code MPI_Fetch_and_op(REPLACE)}, writes its rank into its predecessor's "next" slot and
 * waits for a zero-byte message from it; the holder hands the lock to its successor with that
 * message, or clears the tail with {@code MPI_Compare_and_swap} when nobody waits). Nobody polls a
 * remote process. Within a process, threads queue first on a fair {@link ReentrantLock}, so the lock
 * is reentrant for the thread holding it.
 *
 * <p>{@link #tryLock()} succeeds only when the lock is free everywhere (it does not queue).
 * {@link #lockInterruptibly()} can be interrupted while waiting for the other threads of this
 * process, not once queued behind other processes. {@link #newCondition()} is not supported: a
 * condition would have to wake threads in other processes. Creation and {@link #close()} are
 * collective; the messages travel on a private duplicate of the communicator.
 */
public final class Mutex implements Lock, AutoCloseable {
    private static final int NONE = -1;
    /**
     * Window slots ({@code int}s, as Open MPI 4.1 crashes on 64-bit compare-and-swap): the queue's
     * tail (used at the root) and this process's successor.
     */
    private static final int TAIL = 0;
    private static final int NEXT = 1;
    private static final int TAG = 0;

    private final Intracomm comm;
    private final Win win;
    private final int root;
    private final int me;
    private final ReentrantLock local = new ReentrantLock(true);
    /** Origin, compare and result buffers: only the thread holding {@link #local} uses them. */
    private final MemorySegment in;
    private final MemorySegment compare;
    private final MemorySegment out;

    /** A mutex whose queue tail lives at rank 0. Collective. */
    public Mutex(Intracomm comm) {
        this(comm, 0);
    }

    /** A mutex whose queue tail lives at {@code root}. Collective over {@code comm}. */
    public Mutex(Intracomm comm, int root) {
        RootWindow.checkRoot(comm, root);
        this.root = root;
        this.me = comm.rank();
        this.comm = comm.dup();
        MemorySegment buf = Arena.ofAuto().allocate(ValueLayout.JAVA_INT, 3);
        this.in = buf.asSlice(0, 4);
        this.compare = buf.asSlice(4, 4);
        this.out = buf.asSlice(8, 4);
        this.win = RootWindow.open(this.comm, 8, 4, mem -> {
            mem.set(ValueLayout.JAVA_INT, 4L * TAIL, NONE);
            mem.set(ValueLayout.JAVA_INT, 4L * NEXT, NONE);
        });
    }

    /** Waits until this thread holds the lock. */
    @Override
    public void lock() {
        local.lock();
        enterGlobally();
    }

    /** As {@link #lock()}; interruptible while waiting for the other threads of this process. */
    @Override
    public void lockInterruptibly() throws InterruptedException {
        local.lockInterruptibly();
        enterGlobally();
    }

    private void enterGlobally() {
        if (local.getHoldCount() > 1) {
            return;
        }
        try {
            acquire();
        } catch (RuntimeException | Error e) {
            local.unlock();
            throw e;
        }
    }

    /** Takes the lock if no thread of any process holds it or waits for it; never waits. */
    @Override
    public boolean tryLock() {
        if (!local.tryLock()) {
            return false;
        }
        if (local.getHoldCount() > 1) {
            return true;
        }
        boolean got;
        try {
            got = tryAcquire();
        } catch (RuntimeException | Error e) {
            local.unlock();
            throw e;
        }
        if (!got) {
            local.unlock();
        }
        return got;
    }

    /** Retries {@link #tryLock()} until it succeeds or {@code time} has passed. */
    @Override
    public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(time);
        if (!local.tryLock(time, unit)) {
            return false;
        }
        if (local.getHoldCount() > 1) {
            return true;
        }
        try {
            for (int i = 0; ; i++) {
                if (tryAcquire()) {
                    return true;
                }
                if (System.nanoTime() - deadline >= 0) {
                    local.unlock();
                    return false;
                }
                if (Thread.interrupted()) {
                    local.unlock();
                    throw new InterruptedException();
                }
                backOff(i);
            }
        } catch (RuntimeException | Error e) {
            local.unlock();
            throw e;
        }
    }

    /**
     * Releases the lock (once per {@link #lock()} by this thread); the longest-waiting process gets
     * it next.
     *
     * @throws IllegalMonitorStateException if this thread does not hold the lock
     */
    @Override
    public void unlock() {
        if (!local.isHeldByCurrentThread()) {
            throw new IllegalMonitorStateException("this thread does not hold the mutex");
        }
        try {
            if (local.getHoldCount() == 1) {
                release();
            }
        } finally {
            local.unlock();
        }
    }

    /** Not supported: a condition would have to wake threads of other processes. */
    @Override
    public Condition newCondition() {
        throw new UnsupportedOperationException("a Mutex across processes has no conditions");
    }

    /** Whether the current thread holds the lock. */
    public boolean isHeldByCurrentThread() {
        return local.isHeldByCurrentThread();
    }

    // ---- the MCS queue -----------------------------------------------------------------------------

    private void acquire() {
        resetNext();
        int pred = swap(root, TAIL, me, Op.REPLACE);
        if (pred != NONE) {
            in.set(ValueLayout.JAVA_INT, 0, me);
            win.accumulate(in, 1, Datatype.INT32_T, pred, NEXT, Op.REPLACE);
            win.flush(pred);
            comm.recv(MemorySegment.NULL, 0, Datatype.BYTE, pred, TAG, null);
        }
    }

    private boolean tryAcquire() {
        resetNext();
        return compareAndSwap(NONE, me) == NONE;
    }

    private void release() {
        if (compareAndSwap(me, NONE) == me) {
            return; // nobody queued behind us
        }
        int succ;
        for (int i = 0; (succ = swap(me, NEXT, 0, Op.NO_OP)) == NONE; i++) {
            backOff(i); // the successor has swapped itself in but not yet told us
        }
        comm.send(MemorySegment.NULL, 0, Datatype.BYTE, succ, TAG);
    }

    /** Our successor slot back to "none" before we queue again. */
    private void resetNext() {
        swap(me, NEXT, NONE, Op.REPLACE);
    }

    /** {@code MPI_Fetch_and_op} of {@code value} on slot {@code slot} of {@code target}, completed. */
    private int swap(int target, int slot, int value, Op op) {
        in.set(ValueLayout.JAVA_INT, 0, value);
        win.fetchAndOp(in, out, Datatype.INT32_T, target, slot, op);
        win.flush(target);
        return out.get(ValueLayout.JAVA_INT, 0);
    }

    /** {@code MPI_Compare_and_swap} on the tail, completed; returns the old tail. */
    private int compareAndSwap(int expected, int value) {
        in.set(ValueLayout.JAVA_INT, 0, value);
        compare.set(ValueLayout.JAVA_INT, 0, expected);
        win.compareAndSwap(in, compare, out, Datatype.INT32_T, root, TAIL);
        win.flush(root);
        return out.get(ValueLayout.JAVA_INT, 0);
    }

    static void backOff(int attempt) {
        if (attempt < 64) {
            Thread.onSpinWait();
        } else if (attempt < 256) {
            Thread.yield();
        } else {
            java.util.concurrent.locks.LockSupport.parkNanos(50_000);
        }
    }

    /**
     * Frees the mutex's window and communicator. Collective; no thread may hold or wait for the
     * mutex.
     */
    @Override
    public void close() {
        if (!win.isFreed()) {
            RootWindow.close(win);
            comm.free();
        }
    }
}
