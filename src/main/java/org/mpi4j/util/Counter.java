package org.mpi4j.util;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.mpi4j.Datatype;
import org.mpi4j.Intracomm;
import org.mpi4j.MPI;
import org.mpi4j.Op;
import org.mpi4j.ThreadLevel;
import org.mpi4j.Win;

/**
 * A counter shared by the processes of a communicator, like {@code mpi4py.util.sync.Counter}: each
 * {@link #next()} returns a value no other call anywhere returned, e.g. to hand out work items.
 *
 * <pre>{@code
 * try (Counter tasks = new Counter(MPI.COMM_WORLD)) {
 *     for (long t = tasks.next(); t < n; t = tasks.next()) {
 *         work(t);
 *     }
 * }
 * }</pre>
 *
 * <p>The value lives in a one-sided window at the root process; {@link #next} is an atomic
 * fetch-and-add ({@code MPI_Fetch_and_op} with {@code MPI_SUM} plus a flush) inside one passive
 * epoch that lasts as long as the counter, so the root takes no part. Creation and {@link #close()}
 * are collective. Threads of one process may call {@link #next} concurrently.
 */
public final class Counter implements AutoCloseable {
    private final Win win;
    private final int root;
    /** Below MPI_THREAD_MULTIPLE, threads take turns for the MPI calls. */
    private final boolean serialize;
    private final ThreadLocal<MemorySegment> buffers = ThreadLocal.withInitial(
            () -> Arena.ofAuto().allocate(ValueLayout.JAVA_LONG, 2));

    /** A counter starting at 0, held by rank 0. Collective. */
    public Counter(Intracomm comm) {
        this(comm, 0, 0);
    }

    /**
     * A counter starting at {@code start}, held by {@code root}. Collective over {@code comm}.
     *
     * @throws IllegalArgumentException if {@code root} is not a rank of {@code comm}
     */
    public Counter(Intracomm comm, long start, int root) {
        RootWindow.checkRoot(comm, root);
        this.root = root;
        this.serialize = MPI.queryThread() != ThreadLevel.MULTIPLE;
        this.win = RootWindow.open(comm, comm.rank() == root ? 8 : 0, 8,
                mem -> mem.set(ValueLayout.JAVA_LONG, 0, start));
    }

    /** Adds 1 and returns the value before. */
    public long next() {
        return next(1);
    }

    /** Adds {@code increment} (any sign) atomically and returns the value before. */
    public long next(long increment) {
        return fetch(increment, Op.SUM);
    }

    /** The current value (an atomic read; other processes may change it right after). */
    public long get() {
        return fetch(0, Op.NO_OP);
    }

    private long fetch(long operand, Op op) {
        MemorySegment buf = buffers.get();
        MemorySegment in = buf.asSlice(0, 8);
        MemorySegment out = buf.asSlice(8, 8);
        in.set(ValueLayout.JAVA_LONG, 0, operand);
        if (serialize) {
            synchronized (this) {
                fetchAndFlush(in, out, op);
            }
        } else {
            fetchAndFlush(in, out, op);
        }
        return out.get(ValueLayout.JAVA_LONG, 0);
    }

    private void fetchAndFlush(MemorySegment in, MemorySegment out, Op op) {
        win.fetchAndOp(in, out, Datatype.INT64_T, root, 0, op);
        win.flush(root);
    }

    /** Frees the counter's window. Collective; no thread may be inside {@link #next} meanwhile. */
    @Override
    public void close() {
        RootWindow.close(win);
    }
}
