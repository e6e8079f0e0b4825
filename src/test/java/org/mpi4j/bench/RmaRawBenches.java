package org.mpi4j.bench;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.mpi4j.Datatype;
import org.mpi4j.Intracomm;
import org.mpi4j.LockType;
import org.mpi4j.MPI;
import org.mpi4j.Op;
import org.mpi4j.Win;
import org.mpi4j.ffi.mpi_h;

/**
 * {@link RmaBenches} with the generated bindings called directly (impl {@code ffm-raw}): the same
 * loops, window and buffers, but {@code mpi_h.MPI_Win_lock}/{@code MPI_Put}/... with the handles
 * read once, and no mpi4j code between the downcalls. What is left between this and C is the cost of
 * the FFM downcalls themselves, the floor any FFM binding stands on; between this and
 * {@code mpi4j}, mpi4j's own checks.
 */
final class RmaRawBenches {
    private final Intracomm comm;
    private final int rank;
    private final MemorySegment buf;
    private final MemorySegment one;
    private final MemorySegment old;

    RmaRawBenches(Intracomm comm, MemorySegment buf, Arena arena) {
        this.comm = comm;
        this.rank = comm.rank();
        this.buf = buf;
        this.one = arena.allocateFrom(ValueLayout.JAVA_LONG, 1);
        this.old = arena.allocate(ValueLayout.JAVA_LONG);
    }

    /** pingpong.c's {@code rma_benches}: one window for all five benches, freed at the end. */
    void run(Results out, double scale) {
        String impl = FloorBench.IMPL;
        try (Win win = Win.allocate(Plan.MAX_SIZE, 1, comm)) {
            MemorySegment small = buf.asSlice(0, 8);
            Plan.Warm warmSmall = new Plan.Warm(400, new Plan(50, 1));
            out.add(impl, "rma_put_lat", 8, out.time(p -> epochs(win, small, false, p),
                    Plan.of(10000, 1000, scale), warmSmall, scale), "us");
            out.add(impl, "rma_get_lat", 8, out.time(p -> epochs(win, small, true, p),
                    Plan.of(10000, 1000, scale), warmSmall, scale), "us");
            double us = out.time(p -> epochs(win, buf, false, p), Plan.of(50, 10, scale),
                    new Plan.Warm(3, new Plan(2, 1)), scale);
            out.add(impl, "rma_put_bw", Plan.MAX_SIZE, rank == 0 && us > 0 ? Plan.MAX_SIZE / us : 0, "MB/s");
            out.add(impl, "rma_fence", 8, out.time(p -> fence(win, small, p), Plan.of(10000, 1000, scale),
                    warmSmall, scale), "us");
            out.add(impl, "rma_fetch_op", 8, out.time(p -> fetchOp(win, p), Plan.of(10000, 1000, scale),
                    warmSmall, scale), "us");
        }
    }

    /** Per epoch: lock(exclusive) + one put (or get) of {@code origin} + unlock, rank 0 to rank 1. */
    static final int EXCL = mpi_h.MPI_LOCK_EXCLUSIVE();
    static final MemorySegment BYTE = Datatype.BYTE.toHandle();
    static final MemorySegment I64 = Datatype.INT64_T.toHandle();
    static final MemorySegment SUM = Op.SUM.toHandle();

    double epochs(Win win, MemorySegment origin, boolean get, Plan plan) {
        MemorySegment h = win.toHandle();
        long size = origin.byteSize();
        int n = plan.warm() + plan.iters();
        int warm = plan.warm();
        double t0 = 0;
        double t1 = 0;
        comm.barrier();
        if (rank == 0) {
            for (int i = 0; i < n; i++) {
                if (i == warm) {
                    t0 = MPI.wtime();
                }
                mpi_h.MPI_Win_lock(EXCL, 1, 0, h);
                if (get) {
                    mpi_h.MPI_Get(origin, (int) size, BYTE, 1, 0, (int) size, BYTE, h);
                } else {
                    mpi_h.MPI_Put(origin, (int) size, BYTE, 1, 0, (int) size, BYTE, h);
                }
                mpi_h.MPI_Win_unlock(1, h);
            }
            t1 = MPI.wtime();
        }
        comm.barrier();
        return rank == 0 ? (t1 - t0) * 1e6 / plan.iters() : 0;
    }

    /** Per epoch: fence + an 8-byte put by rank 0 + fence, on both ranks. */
    double fence(Win win, MemorySegment origin, Plan plan) {
        int n = plan.warm() + plan.iters();
        int warm = plan.warm();
        double t0 = 0;
        win.fence();
        for (int i = 0; i < n; i++) {
            if (i == warm) {
                t0 = MPI.wtime();
            }
            if (rank == 0) {
                win.put(origin, 8, Datatype.BYTE, 1, 0, 8, Datatype.BYTE);
            }
            win.fence();
        }
        double t1 = MPI.wtime();
        return (t1 - t0) * 1e6 / plan.iters();
    }

    /** A shared counter: fetchAndOp(SUM) of one int64 + flush, inside one lockAll epoch. */
    double fetchOp(Win win, Plan plan) {
        MemorySegment h = win.toHandle();
        int n = plan.warm() + plan.iters();
        int warm = plan.warm();
        double t0 = 0;
        double t1 = 0;
        comm.barrier();
        if (rank == 0) {
            win.lockAll();
            for (int i = 0; i < n; i++) {
                if (i == warm) {
                    t0 = MPI.wtime();
                }
                mpi_h.MPI_Fetch_and_op(one, old, I64, 1, 0, SUM, h);
                mpi_h.MPI_Win_flush(1, h);
            }
            t1 = MPI.wtime();
            win.unlockAll();
        }
        comm.barrier();
        return rank == 0 ? (t1 - t0) * 1e6 / plan.iters() : 0;
    }
}
