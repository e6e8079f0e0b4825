package org.mpi4j.bench;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.mpi4j.Datatype;
import org.mpi4j.Intracomm;
import org.mpi4j.MPI;
import org.mpi4j.Op;
import org.mpi4j.Request;

/**
 * pingpong.c's benches on native {@link MemorySegment}s (impl {@code mpi4j}): the same calls, the
 * same buffers (4 MiB send and receive buffers, 8 MiB of doubles), the same loops.
 */
final class SegmentBenches {
    static final String IMPL = "mpi4j";

    private final Intracomm comm;
    private final int rank;
    private final MemorySegment sbuf;
    private final MemorySegment rbuf;
    private final MemorySegment dsend;
    private final MemorySegment drecv;
    private final MemorySegment dsend1;
    private final MemorySegment drecv1;
    private final MemorySegment bcastBuf;
    private final Request[] reqs = new Request[Plan.WINDOW];
    private final RmaBenches rma;

    SegmentBenches(Intracomm comm, Arena arena) {
        this.comm = comm;
        this.rank = comm.rank();
        sbuf = arena.allocate(Plan.MAX_SIZE, 64);
        rbuf = arena.allocate(Plan.MAX_SIZE, 64);
        dsend = arena.allocate(ValueLayout.JAVA_DOUBLE, Plan.BIG);
        drecv = arena.allocate(ValueLayout.JAVA_DOUBLE, Plan.BIG);
        dsend1 = dsend.asSlice(0, 8);
        drecv1 = drecv.asSlice(0, 8);
        bcastBuf = sbuf.asSlice(0, Plan.BCAST_SIZE);
        rma = new RmaBenches(comm, sbuf, arena);
        // every page touched before timing, as pingpong.c does
        sbuf.fill((byte) ('a' + rank));
        rbuf.fill((byte) 0);
        for (int i = 0; i < Plan.BIG; i++) {
            dsend.setAtIndex(ValueLayout.JAVA_DOUBLE, i, (i % 1000) + rank);
        }
    }

    /** The benches of one subcommand ({@code peers}: all of pingpong.c's), in pingpong.c's order. */
    void run(String command, Results out, double scale) {
        boolean all = command.equals("peers");
        if (all || command.equals("pingpong")) {
            for (long size : Plan.LATENCY_SIZES) {
                out.add(IMPL, "latency", size, out.time(p -> latency(size, p), Plan.pingPong(size, scale),
                        Plan.warmPingPong(size), scale), "us");
            }
            for (long size : Plan.BANDWIDTH_SIZES) {
                out.add(IMPL, "bandwidth", size, out.time(p -> bandwidth(size, p),
                        Plan.bandwidth(size, scale), Plan.warmBandwidth(size), scale), "MB/s");
            }
        }
        if (all || command.equals("allreduce")) {
            out.add(IMPL, "allreduce", 8, out.time(p -> allreduce(dsend1, drecv1, 1, p),
                    Plan.allreduceSmall(scale), Plan.warmAllreduce(8), scale), "us");
            out.add(IMPL, "allreduce", 8L * Plan.BIG, out.time(p -> allreduce(dsend, drecv, Plan.BIG, p),
                    Plan.allreduceBig(scale), Plan.warmAllreduce(8L * Plan.BIG), scale), "us");
            Collectives.checkSum(comm, drecv.getAtIndex(ValueLayout.JAVA_DOUBLE, 1234), IMPL);
        }
        if (all || command.equals("bcast")) {
            out.add(IMPL, "bcast", Plan.BCAST_SIZE, out.time(this::bcast, Plan.bcast(scale), Plan.warmBcast(),
                    scale), "us");
        }
        if (all || command.equals("rma")) {
            rma.run(out, scale);
        }
        if (all || command.equals("io")) {
            // pingpong.c writes and reads its send buffer
            new IoBenches(comm, IMPL, sbuf).run(out, scale);
        }
    }

    /** Half round-trip time of a blocking send/recv ping-pong, in microseconds. */
    double latency(long size, Plan plan) {
        Intracomm c = comm;
        MemorySegment s = sbuf;
        MemorySegment r = rbuf;
        int n = plan.warm() + plan.iters();
        int warm = plan.warm();
        double t0 = 0;
        c.barrier();
        if (rank == 0) {
            for (int i = 0; i < n; i++) {
                if (i == warm) {
                    t0 = MPI.wtime();
                }
                c.send(s, size, Datatype.BYTE, 1, Plan.TAG_PP);
                c.recv(r, size, Datatype.BYTE, 1, Plan.TAG_PP, null);
            }
        } else if (rank == 1) {
            for (int i = 0; i < n; i++) {
                if (i == warm) {
                    t0 = MPI.wtime();
                }
                c.recv(r, size, Datatype.BYTE, 0, Plan.TAG_PP, null);
                c.send(s, size, Datatype.BYTE, 0, Plan.TAG_PP);
            }
        }
        double t1 = MPI.wtime();
        return (t1 - t0) * 1e6 / (2.0 * plan.iters());
    }

    /**
     * Rank 0 to rank 1: a window of 64 isend/irecv completed by waitAll, then a zero-byte ack; in
     * MB/s (1 MB = 1e6 B). All sends read one buffer, all receives land in one (OSU's convention).
     */
    double bandwidth(long size, Plan plan) {
        Intracomm c = comm;
        MemorySegment s = sbuf;
        MemorySegment r = rbuf;
        MemorySegment ack = MemorySegment.NULL;
        Request[] reqs = this.reqs;
        int n = plan.warm() + plan.iters();
        int warm = plan.warm();
        double t0 = 0;
        c.barrier();
        if (rank == 0) {
            for (int i = 0; i < n; i++) {
                if (i == warm) {
                    t0 = MPI.wtime();
                }
                for (int w = 0; w < Plan.WINDOW; w++) {
                    reqs[w] = c.isend(s, size, Datatype.BYTE, 1, Plan.TAG_BW);
                }
                Request.waitAll(reqs);
                c.recv(ack, 0, Datatype.BYTE, 1, Plan.TAG_ACK, null);
            }
        } else if (rank == 1) {
            for (int i = 0; i < n; i++) {
                if (i == warm) {
                    t0 = MPI.wtime();
                }
                for (int w = 0; w < Plan.WINDOW; w++) {
                    reqs[w] = c.irecv(r, size, Datatype.BYTE, 0, Plan.TAG_BW);
                }
                Request.waitAll(reqs);
                c.send(ack, 0, Datatype.BYTE, 0, Plan.TAG_ACK);
            }
        }
        double t1 = MPI.wtime();
        java.util.Arrays.fill(reqs, null);
        return (double) size * Plan.WINDOW * plan.iters() / (t1 - t0) / 1e6;
    }

    /** Mean time of one allreduce SUM of {@code count} doubles, timed call by call between barriers. */
    double allreduce(MemorySegment s, MemorySegment r, int count, Plan plan) {
        Intracomm c = comm;
        int n = plan.warm() + plan.iters();
        int warm = plan.warm();
        double total = 0;
        c.barrier();
        for (int i = 0; i < n; i++) {
            double t0 = MPI.wtime();
            c.allreduce(s, r, count, Datatype.DOUBLE, Op.SUM);
            double t1 = MPI.wtime();
            if (i >= warm) {
                total += t1 - t0;
            }
            c.barrier();
        }
        return Collectives.meanOverRanks(c, total, plan.iters());
    }

    /** Mean time of one bcast of 1 MiB from rank 0, timed call by call between barriers. */
    double bcast(Plan plan) {
        Intracomm c = comm;
        MemorySegment b = bcastBuf;
        int n = plan.warm() + plan.iters();
        int warm = plan.warm();
        double total = 0;
        c.barrier();
        for (int i = 0; i < n; i++) {
            double t0 = MPI.wtime();
            c.bcast(b, Plan.BCAST_SIZE, Datatype.BYTE, 0);
            double t1 = MPI.wtime();
            if (i >= warm) {
                total += t1 - t0;
            }
            c.barrier();
        }
        return Collectives.meanOverRanks(c, total, plan.iters());
    }
}
