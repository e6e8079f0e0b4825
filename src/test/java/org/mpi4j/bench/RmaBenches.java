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
 * pingpong.c's one-sided benches on native segments (impl {@code mpi4j}): a window of 4 MiB from
 * {@link Win#allocate}; rank 0 works while rank 1, the target, waits in a barrier (the fence bench
 * excepted, where both ranks fence). The plain calls ({@code lock}/{@code unlock}, not the epoch
 * objects' try-with-resources), as the C code makes them.
 *
 * <p>With {@code raw} (impl {@code ffm-raw}, {@code bench floor}) the passive-target loops call the
 * generated bindings directly ({@code mpi_h.MPI_Win_lock}, {@code MPI_Put}, ... with the handles read
 * once), no mpi4j code between the downcalls: what is left between that and C is the cost of the FFM
 * downcalls themselves, the floor any FFM binding stands on; between that and {@code mpi4j},
 * mpi4j's own checks.
 */
final class RmaBenches {
    private final Intracomm comm;
    private final int rank;
    private final MemorySegment buf;
    private final MemorySegment one;
    private final MemorySegment old;
    private final boolean raw;
    private static final int EXCLUSIVE = mpi_h.MPI_LOCK_EXCLUSIVE();

    RmaBenches(Intracomm comm, MemorySegment buf, Arena arena) {
        this(comm, buf, arena, false);
    }

    /** {@code raw}: the passive-target loops through the generated bindings alone. */
    RmaBenches(Intracomm comm, MemorySegment buf, Arena arena, boolean raw) {
        this.raw = raw;
        this.comm = comm;
        this.rank = comm.rank();
        this.buf = buf;
        this.one = arena.allocateFrom(ValueLayout.JAVA_LONG, 1);
        this.old = arena.allocate(ValueLayout.JAVA_LONG);
    }

    /** pingpong.c's {@code rma_benches}: one window for all five benches, freed at the end. */
    void run(Results out, double scale) {
        String impl = raw ? FloorBench.IMPL : SegmentBenches.IMPL;
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
    double epochs(Win win, MemorySegment origin, boolean get, Plan plan) {
        long size = origin.byteSize();
        int n = plan.warm() + plan.iters();
        int warm = plan.warm();
        double t0 = 0;
        double t1 = 0;
        MemorySegment h = win.toHandle();
        MemorySegment bytes = Datatype.BYTE.toHandle();
        comm.barrier();
        if (rank == 0) {
            for (int i = 0; i < n; i++) {
                if (i == warm) {
                    t0 = MPI.wtime();
                }
                if (raw) {
                    mpi_h.MPI_Win_lock(EXCLUSIVE, 1, 0, h);
                    if (get) {
                        mpi_h.MPI_Get(origin, (int) size, bytes, 1, 0, (int) size, bytes, h);
                    } else {
                        mpi_h.MPI_Put(origin, (int) size, bytes, 1, 0, (int) size, bytes, h);
                    }
                    mpi_h.MPI_Win_unlock(1, h);
                    continue;
                }
                win.lock(LockType.EXCLUSIVE, 1);
                if (get) {
                    win.get(origin, size, Datatype.BYTE, 1, 0, size, Datatype.BYTE);
                } else {
                    win.put(origin, size, Datatype.BYTE, 1, 0, size, Datatype.BYTE);
                }
                win.unlock(1);
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
        int n = plan.warm() + plan.iters();
        int warm = plan.warm();
        double t0 = 0;
        double t1 = 0;
        MemorySegment h = win.toHandle();
        MemorySegment int64 = Datatype.INT64_T.toHandle();
        MemorySegment sum = Op.SUM.toHandle();
        comm.barrier();
        if (rank == 0) {
            win.lockAll();
            for (int i = 0; i < n; i++) {
                if (i == warm) {
                    t0 = MPI.wtime();
                }
                if (raw) {
                    mpi_h.MPI_Fetch_and_op(one, old, int64, 1, 0, sum, h);
                    mpi_h.MPI_Win_flush(1, h);
                    continue;
                }
                win.fetchAndOp(one, old, Datatype.INT64_T, 1, 0, Op.SUM);
                win.flush(1);
            }
            t1 = MPI.wtime();
            win.unlockAll();
        }
        comm.barrier();
        return rank == 0 ? (t1 - t0) * 1e6 / plan.iters() : 0;
    }
}
