package org.mpi4j.bench;

import org.mpi4j.Intracomm;
import org.mpi4j.MPI;
import org.mpi4j.Op;
import org.mpi4j.Request;

/**
 * pingpong.c's benches on Java primitive arrays (impl {@code mpi4j-heap}): a {@code byte[]} of
 * exactly the message size for the point-to-point benches (made before the timed loop), and
 * {@code double[]} for allreduce.
 */
final class HeapBenches {
    static final String IMPL = "mpi4j-heap";

    private final Intracomm comm;
    private final int rank;
    private final double[] dsend;
    private final double[] drecv;
    private final double[] dsend1 = new double[1];
    private final double[] drecv1 = new double[1];
    private final byte[] bcastBuf = new byte[Plan.BCAST_SIZE];
    private final Request[] reqs = new Request[Plan.WINDOW];

    HeapBenches(Intracomm comm) {
        this.comm = comm;
        this.rank = comm.rank();
        dsend = new double[Plan.BIG];
        drecv = new double[Plan.BIG];
        for (int i = 0; i < Plan.BIG; i++) {
            dsend[i] = (i % 1000) + rank;
        }
        dsend1[0] = dsend[0];
        java.util.Arrays.fill(bcastBuf, (byte) ('a' + rank));
    }

    /** The benches of one subcommand ({@code peers}: all of pingpong.c's), in pingpong.c's order. */
    void run(String command, Results out, double scale) {
        boolean all = command.equals("peers");
        if (all || command.equals("pingpong")) {
            for (long size : Plan.LATENCY_SIZES) {
                out.add(IMPL, "latency", size, out.time(p -> latency((int) size, p), Plan.pingPong(size, scale),
                        Plan.warmPingPong(size), scale), "us");
            }
            for (long size : Plan.BANDWIDTH_SIZES) {
                out.add(IMPL, "bandwidth", size, out.time(p -> bandwidth((int) size, p),
                        Plan.bandwidth(size, scale), Plan.warmBandwidth(size), scale), "MB/s");
            }
        }
        if (all || command.equals("allreduce")) {
            out.add(IMPL, "allreduce", 8, out.time(p -> allreduce(dsend1, drecv1, p),
                    Plan.allreduceSmall(scale), Plan.warmAllreduce(8), scale), "us");
            out.add(IMPL, "allreduce", 8L * Plan.BIG, out.time(p -> allreduce(dsend, drecv, p),
                    Plan.allreduceBig(scale), Plan.warmAllreduce(8L * Plan.BIG), scale), "us");
            Collectives.checkSum(comm, drecv[1234], IMPL);
        }
        if (all || command.equals("bcast")) {
            out.add(IMPL, "bcast", Plan.BCAST_SIZE, out.time(this::bcast, Plan.bcast(scale), Plan.warmBcast(),
                    scale), "us");
        }
        if (all) {
            // a whole byte[4 MiB] as a heap segment (I/O takes segments only)
            new IoBenches(comm, IMPL, java.lang.foreign.MemorySegment.ofArray(pair(Plan.MAX_SIZE)[0])).run(out,
                    scale);
        }
    }

    /** Send and receive arrays of each size, made once (the warm-up pass calls each bench often). */
    private final java.util.Map<Integer, byte[][]> arrays = new java.util.HashMap<>();

    private byte[][] pair(int size) {
        return arrays.computeIfAbsent(size, n -> {
            byte[] s = new byte[n];
            java.util.Arrays.fill(s, (byte) ('a' + rank));
            return new byte[][] {s, new byte[n]};
        });
    }

    /** Half round-trip time of a blocking send/recv ping-pong of whole arrays, in microseconds. */
    double latency(int size, Plan plan) {
        Intracomm c = comm;
        byte[] s = pair(size)[0];
        byte[] r = pair(size)[1];
        int n = plan.warm() + plan.iters();
        int warm = plan.warm();
        double t0 = 0;
        c.barrier();
        if (rank == 0) {
            for (int i = 0; i < n; i++) {
                if (i == warm) {
                    t0 = MPI.wtime();
                }
                c.send(s, 1, Plan.TAG_PP);
                c.recv(r, 1, Plan.TAG_PP, null);
            }
        } else if (rank == 1) {
            for (int i = 0; i < n; i++) {
                if (i == warm) {
                    t0 = MPI.wtime();
                }
                c.recv(r, 0, Plan.TAG_PP, null);
                c.send(s, 0, Plan.TAG_PP);
            }
        }
        double t1 = MPI.wtime();
        return (t1 - t0) * 1e6 / (2.0 * plan.iters());
    }

    /** pingpong.c's windowed bandwidth with whole {@code byte[]}s, in MB/s (1 MB = 1e6 B). */
    double bandwidth(int size, Plan plan) {
        Intracomm c = comm;
        byte[] s = pair(size)[0];
        byte[] r = pair(size)[1];
        byte[] ack = new byte[0];
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
                    reqs[w] = c.isend(s, 1, Plan.TAG_BW);
                }
                Request.waitAll(reqs);
                c.recv(ack, 1, Plan.TAG_ACK, null);
            }
        } else if (rank == 1) {
            for (int i = 0; i < n; i++) {
                if (i == warm) {
                    t0 = MPI.wtime();
                }
                for (int w = 0; w < Plan.WINDOW; w++) {
                    reqs[w] = c.irecv(r, 0, Plan.TAG_BW);
                }
                Request.waitAll(reqs);
                c.send(ack, 0, Plan.TAG_ACK);
            }
        }
        double t1 = MPI.wtime();
        java.util.Arrays.fill(reqs, null);
        return (double) size * Plan.WINDOW * plan.iters() / (t1 - t0) / 1e6;
    }

    /** Mean time of one allreduce SUM of whole {@code double[]}s, timed call by call between barriers. */
    double allreduce(double[] s, double[] r, Plan plan) {
        Intracomm c = comm;
        int n = plan.warm() + plan.iters();
        int warm = plan.warm();
        double total = 0;
        c.barrier();
        for (int i = 0; i < n; i++) {
            double t0 = MPI.wtime();
            c.allreduce(s, r, Op.SUM);
            double t1 = MPI.wtime();
            if (i >= warm) {
                total += t1 - t0;
            }
            c.barrier();
        }
        return Collectives.meanOverRanks(c, total, plan.iters());
    }

    /** Mean time of one bcast of a whole {@code byte[1048576]} from rank 0, timed call by call. */
    double bcast(Plan plan) {
        Intracomm c = comm;
        byte[] b = bcastBuf;
        int n = plan.warm() + plan.iters();
        int warm = plan.warm();
        double total = 0;
        c.barrier();
        for (int i = 0; i < n; i++) {
            double t0 = MPI.wtime();
            c.bcast(b, 0);
            double t1 = MPI.wtime();
            if (i >= warm) {
                total += t1 - t0;
            }
            c.barrier();
        }
        return Collectives.meanOverRanks(c, total, plan.iters());
    }
}
