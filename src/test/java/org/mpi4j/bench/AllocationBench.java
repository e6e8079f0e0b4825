package org.mpi4j.bench;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mpi4j.Cartcomm;
import org.mpi4j.Datatype;
import org.mpi4j.Epoch;
import org.mpi4j.LockType;
import org.mpi4j.Win;
import org.mpi4j.Intracomm;
import org.mpi4j.Op;
import org.mpi4j.Request;

/**
 * The {@code alloc} subcommand: Java heap bytes allocated per call on the hot paths, counted by
 * the thread's allocation counter around a warmed-up ping-pong loop (ranks 0 and 1).
 */
final class AllocationBench {
    /** One round of a ping-pong, as rank 0 or rank 1 does it. */
    @FunctionalInterface
    interface Round {
        void run();
    }

    /**
     * One case: a name, how many calls one round makes on each rank, and the rounds of ranks 0 and 1
     * (a collective case runs {@code rank0} on every rank).
     */
    record Case(String name, int callsPerRound, boolean collective, Round rank0, Round rank1) {
        Case(String name, int callsPerRound, Round rank0, Round rank1) {
            this(name, callsPerRound, false, rank0, rank1);
        }

        static Case collective(String name, Round round) {
            return new Case(name, 1, true, round, round);
        }
    }

    private final Intracomm comm;
    private final int rank;
    private final double scale;
    private final List<Case> cases = new ArrayList<>();

    AllocationBench(Intracomm comm, double scale, Arena arena) {
        this.comm = comm;
        this.rank = comm.rank();
        this.scale = scale;
        MemorySegment seg = arena.allocate(4096, 64);
        MemorySegment seg2 = arena.allocate(4096, 64);
        byte[] bytes = new byte[8];
        double[] doubles = new double[512];
        int tag = Plan.TAG_PP;
        cases.add(new Case("send/recv MemorySegment 8 B (buf, count, BYTE)", 2,
                () -> {
                    comm.send(seg, 8, Datatype.BYTE, 1, tag);
                    comm.recv(seg2, 8, Datatype.BYTE, 1, tag, null);
                },
                () -> {
                    comm.recv(seg2, 8, Datatype.BYTE, 0, tag, null);
                    comm.send(seg, 8, Datatype.BYTE, 0, tag);
                }));
        MemorySegment small = seg.asSlice(0, 8);
        MemorySegment small2 = seg2.asSlice(0, 8);
        cases.add(new Case("send/recv MemorySegment 8 B (whole segment)", 2,
                () -> {
                    comm.send(small, 1, tag);
                    comm.recv(small2, 1, tag, null);
                },
                () -> {
                    comm.recv(small2, 0, tag, null);
                    comm.send(small, 0, tag);
                }));
        cases.add(new Case("send/recv byte[8]", 2,
                () -> {
                    comm.send(bytes, 1, tag);
                    comm.recv(bytes, 1, tag, null);
                },
                () -> {
                    comm.recv(bytes, 0, tag, null);
                    comm.send(bytes, 0, tag);
                }));
        cases.add(new Case("send/recv double[512] (4 KiB)", 2,
                () -> {
                    comm.send(doubles, 1, tag);
                    comm.recv(doubles, 1, tag, null);
                },
                () -> {
                    comm.recv(doubles, 0, tag, null);
                    comm.send(doubles, 0, tag);
                }));
        Request[] reqs = new Request[Plan.WINDOW];
        cases.add(new Case("isend/irecv MemorySegment 8 B, window of 64 + waitAll", Plan.WINDOW,
                () -> {
                    for (int w = 0; w < Plan.WINDOW; w++) {
                        reqs[w] = comm.isend(seg, 8, Datatype.BYTE, 1, Plan.TAG_BW);
                    }
                    Request.waitAll(reqs);
                    comm.recv(MemorySegment.NULL, 0, Datatype.BYTE, 1, Plan.TAG_ACK, null);
                },
                () -> {
                    for (int w = 0; w < Plan.WINDOW; w++) {
                        reqs[w] = comm.irecv(seg2, 8, Datatype.BYTE, 0, Plan.TAG_BW);
                    }
                    Request.waitAll(reqs);
                    comm.send(MemorySegment.NULL, 0, Datatype.BYTE, 0, Plan.TAG_ACK);
                }));
        byte[] ack = new byte[0];
        cases.add(new Case("isend/irecv byte[8], window of 64 + waitAll", Plan.WINDOW,
                () -> {
                    for (int w = 0; w < Plan.WINDOW; w++) {
                        reqs[w] = comm.isend(bytes, 1, Plan.TAG_BW);
                    }
                    Request.waitAll(reqs);
                    comm.recv(ack, 1, Plan.TAG_ACK, null);
                },
                () -> {
                    for (int w = 0; w < Plan.WINDOW; w++) {
                        reqs[w] = comm.irecv(bytes, 0, Plan.TAG_BW);
                    }
                    Request.waitAll(reqs);
                    comm.send(ack, 0, Plan.TAG_ACK);
                }));
        MemorySegment one = seg.asSlice(0, 8);
        MemorySegment one2 = seg2.asSlice(0, 8);
        cases.add(Case.collective("allreduce SUM MemorySegment 1 double",
                () -> comm.allreduce(one, one2, 1, Datatype.DOUBLE, Op.SUM)));
        double[] d1 = new double[1];
        double[] d2 = new double[1];
        cases.add(Case.collective("allreduce SUM double[1]", () -> comm.allreduce(d1, d2, Op.SUM)));
        cases.add(Case.collective("bcast MemorySegment 4 KiB", () -> comm.bcast(seg, 4096, Datatype.BYTE, 0)));
        byte[] b4k = new byte[4096];
        cases.add(Case.collective("bcast byte[4096]", () -> comm.bcast(b4k, 0)));
        // neighbourhood collectives on a periodic ring of all ranks (two neighbours each)
        Cartcomm ring = comm.createCart(new int[] {comm.size()}, new boolean[] {true}, false);
        MemorySegment two = seg.asSlice(0, 16);
        MemorySegment two2 = seg2.asSlice(0, 16);
        cases.add(Case.collective("neighborAlltoall MemorySegment 2 x 1 double",
                () -> ring.neighborAlltoall(two, 1, Datatype.DOUBLE, two2, 1, Datatype.DOUBLE)));
        cases.add(Case.collective("neighborAlltoall MemorySegment (whole)", () -> ring.neighborAlltoall(two, two2)));
        cases.add(Case.collective("neighborAllgather MemorySegment 1 double",
                () -> ring.neighborAllgather(one, 1, Datatype.DOUBLE, two2, 1, Datatype.DOUBLE)));
        int[] ones = {1, 1};
        int[] displs = {0, 1};
        cases.add(Case.collective("neighborAllgatherv MemorySegment 1 double",
                () -> ring.neighborAllgatherv(one, 1, Datatype.DOUBLE, two2, ones, displs, Datatype.DOUBLE)));
        cases.add(Case.collective("neighborAlltoallv MemorySegment 2 x 1 double",
                () -> ring.neighborAlltoallv(two, ones, displs, Datatype.DOUBLE, two2, ones, displs, Datatype.DOUBLE)));
        long[] wDispls = {0, 8};
        Datatype[] types = {Datatype.DOUBLE, Datatype.DOUBLE};
        cases.add(Case.collective("neighborAlltoallw MemorySegment 2 x 1 double",
                () -> ring.neighborAlltoallw(two, ones, wDispls, types, two2, ones, wDispls, types)));
        double[] h2 = new double[2];
        double[] h2r = new double[2];
        MemorySegment heapTwo = MemorySegment.ofArray(h2);
        MemorySegment heapTwo2 = MemorySegment.ofArray(h2r);
        cases.add(Case.collective("neighborAlltoall double[2] (staged)", () -> ring.neighborAlltoall(heapTwo, heapTwo2)));
        addRmaCases(arena, small, small2);
    }

    /**
     * One-sided calls, per epoch or per operation: rank 0 works on rank 1's window, rank 1 idles. The
     * windows live as long as the process (freed by MPI_Finalize).
     */
    private void addRmaCases(Arena arena, MemorySegment origin, MemorySegment result) {
        Win win = Win.allocate(64, 1, comm);
        Win counter = Win.allocate(8, 8, comm);
        MemorySegment one = arena.allocateFrom(ValueLayout.JAVA_LONG, 1);
        Round idle = () -> { };
        cases.add(new Case("rma lock + put 8 B + unlock (plain calls), per epoch", 1,
                () -> {
                    win.lock(LockType.EXCLUSIVE, 1);
                    win.put(origin, 8, Datatype.BYTE, 1, 0, 8, Datatype.BYTE);
                    win.unlock(1);
                }, idle));
        cases.add(new Case("rma lock + get 8 B + unlock (try-with-resources)", 1,
                () -> {
                    try (Epoch e = win.lock(LockType.EXCLUSIVE, 1)) {
                        win.get(result, 1, 0);
                    }
                }, idle));
        cases.add(new Case("rma fetchAndOp SUM int64 + flush (lockAll)", 1,
                () -> {
                    if (!lockedAll[0]) {
                        counter.lockAll();
                        lockedAll[0] = true;
                    }
                    counter.fetchAndOp(one, result, Datatype.INT64_T, 1, 0, Op.SUM);
                    counter.flush(1);
                }, idle));
    }

    private final boolean[] lockedAll = new boolean[1];

    /**
     * Measures every case and returns lines for rank 0 to print (empty on other ranks), or a note if
     * this JVM cannot count allocations.
     */
    List<String> run() {
        AllocationMeter meter = AllocationMeter.create();
        List<String> lines = new ArrayList<>();
        if (meter == null) {
            lines.add("# alloc: this JVM has no per-thread allocation counter (on the module path add "
                    + "--add-modules jdk.management)");
            return rank == 0 ? lines : List.of();
        }
        int warm = Plan.scaled(20000, scale);
        int iters = Plan.scaled(100000, scale);
        lines.add(String.format(Locale.ROOT, "# alloc: heap bytes allocated per call, %d rounds after %d warm-up "
                + "rounds; max over ranks 0 and 1", iters, warm));
        for (Case c : cases) {
            Round round = rank == 0 || c.collective() ? c.rank0() : rank == 1 ? c.rank1() : null;
            comm.barrier();
            loop(round, warm);
            comm.barrier();
            long before = meter.bytes();
            loop(round, iters);
            long after = meter.bytes();
            double perCall = (after - before) / (double) ((long) iters * c.callsPerRound());
            double[] mine = {round == null ? 0 : perCall};
            double[] other = new double[1];
            if (rank == 0 && comm.size() > 1) {
                comm.recv(other, 1, Plan.TAG_ACK, null);
            } else if (rank == 1) {
                comm.send(mine, 0, Plan.TAG_ACK);
            }
            lines.add(String.format(Locale.ROOT, "%-52s %10.3f B/call", c.name(), Math.max(mine[0], other[0])));
        }
        return rank == 0 ? lines : List.of();
    }

    private static void loop(Round round, int n) {
        if (round == null) {
            return;
        }
        for (int i = 0; i < n; i++) {
            round.run();
        }
    }
}
