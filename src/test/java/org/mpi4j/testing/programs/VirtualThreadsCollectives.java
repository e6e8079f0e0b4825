package org.mpi4j.testing.programs;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.mpi4j.Datatype;
import org.mpi4j.Intracomm;
import org.mpi4j.MPI;
import org.mpi4j.Op;

/**
 * Many virtual threads per rank on one carrier ({@code -Djdk.virtualThreadScheduler.parallelism=1}),
 * each running every blocking collective on its own duplicate of the world. Each rank starts its
 * threads in a different order, so a collective that held the carrier while it waited would wait
 * for a thread of another rank that waits for a thread this carrier never runs.
 */
public final class VirtualThreadsCollectives {
    private VirtualThreadsCollectives() {
    }

    public static void main(String[] args) throws Exception {
        var world = MPI.COMM_WORLD;
        int rank = world.rank();
        int n = Integer.parseInt(args[0]);
        Intracomm[] comms = new Intracomm[n];
        for (int i = 0; i < n; i++) {
            comms[i] = world.dup();
        }
        List<Future<String>> results = new ArrayList<>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int k = 0; k < n; k++) {
                int t = (k + rank * 7) % n;
                results.add(pool.submit(() -> run(comms[t], t)));
            }
        }
        int good = 0;
        for (Future<String> f : results) {
            String failure = f.get();
            if (failure == null) {
                good++;
            } else {
                System.out.println("rank " + rank + ": " + failure);
            }
        }
        for (Intracomm c : comms) {
            c.close();
        }
        System.out.println("rank " + rank + ": " + good + " of " + n + " threads' collectives correct");
    }

    private static String check(boolean ok, int t, String what) {
        return ok ? null : "thread " + t + ": " + what + " wrong";
    }

    /** Every blocking collective once on {@code c}; null if all results were right. */
    private static String run(Intracomm c, int t) {
        int r = c.rank();
        int p = c.size();
        int root = t % p;
        int[] b = {r == root ? 1000 + t : -1};
        c.bcast(b, root);
        String f = check(b[0] == 1000 + t, t, "bcast");
        int[] sum = new int[1];
        c.reduce(new int[] {r + 1}, sum, Op.SUM, root);
        f = f != null ? f : check(r != root || sum[0] == p * (p + 1) / 2, t, "reduce");
        int[] all = new int[1];
        c.allreduce(new int[] {r + t}, all, Op.SUM);
        f = f != null ? f : check(all[0] == p * (p - 1) / 2 + p * t, t, "allreduce");
        double[] big = new double[4096];
        Arrays.fill(big, r + 1);
        double[] bigSum = new double[4096];
        c.allreduce(big, bigSum, Op.SUM);
        f = f != null ? f : check(bigSum[4095] == p * (p + 1) / 2.0, t, "allreduce of 32 KiB");
        int[] gathered = new int[p];
        c.gather(new int[] {r * 3}, gathered, root);
        f = f != null ? f : check(r != root || gathered[p - 1] == (p - 1) * 3, t, "gather");
        int[] part = new int[1];
        int[] source = new int[p];
        for (int i = 0; i < p; i++) {
            source[i] = 50 + i;
        }
        c.scatter(r == root ? source : null, part, root);
        f = f != null ? f : check(part[0] == 50 + r, t, "scatter");
        int[] ones = new int[p];
        Arrays.fill(ones, 1);
        int[] gv = new int[p];
        c.gatherv(new int[] {r + 7}, r == root ? gv : null, ones, null, root);
        f = f != null ? f : check(r != root || gv[0] == 7, t, "gatherv");
        c.scatterv(r == root ? source : null, ones, null, part, root);
        f = f != null ? f : check(part[0] == 50 + r, t, "scatterv");
        int[] ag = new int[p];
        c.allgather(new int[] {r * r}, ag);
        f = f != null ? f : check(ag[p - 1] == (p - 1) * (p - 1), t, "allgather");
        int[] agv = new int[p];
        c.allgatherv(new int[] {r + 1}, agv, ones, null);
        f = f != null ? f : check(agv[p - 1] == p, t, "allgatherv");
        int[] a2a = new int[p];
        int[] mine = new int[p];
        Arrays.fill(mine, r);
        c.alltoall(mine, a2a);
        f = f != null ? f : check(a2a[p - 1] == p - 1, t, "alltoall");
        int[] rs = new int[1];
        c.reduceScatter(MemorySegment.ofArray(mine), MemorySegment.ofArray(rs), ones, Datatype.INT, Op.SUM);
        f = f != null ? f : check(rs[0] == p * (p - 1) / 2, t, "reduceScatter");
        int[] rsb = new int[1];
        c.reduceScatterBlock(MemorySegment.ofArray(mine), MemorySegment.ofArray(rsb), 1, Datatype.INT, Op.SUM);
        f = f != null ? f : check(rsb[0] == p * (p - 1) / 2, t, "reduceScatterBlock");
        int[] a2av = new int[p];
        c.alltoallv(MemorySegment.ofArray(mine), ones, null, MemorySegment.ofArray(a2av), ones, null);
        f = f != null ? f : check(a2av[p - 1] == p - 1, t, "alltoallv");
        int[] scanned = new int[1];
        c.scan(new int[] {1}, scanned, Op.SUM);
        f = f != null ? f : check(scanned[0] == r + 1, t, "scan");
        int[] ex = {-5};
        c.exscan(new int[] {1}, ex, Op.SUM);
        f = f != null ? f : check(r == 0 ? ex[0] == -5 : ex[0] == r, t, "exscan");
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment in = arena.allocateFrom(ValueLayout.JAVA_LONG, r, 1);
            MemorySegment out = arena.allocate(ValueLayout.JAVA_LONG, 2);
            c.allreduce(in, out, 2, Datatype.INT64_T, Op.MAX);
            f = f != null ? f : check(out.getAtIndex(ValueLayout.JAVA_LONG, 0) == p - 1, t, "allreduce of a segment");
        }
        String o = c.bcastObject(r == root ? "object " + t : null, root);
        f = f != null ? f : check(("object " + t).equals(o), t, "bcastObject");
        List<Integer> objs = c.allgatherObject(r);
        f = f != null ? f : check(objs.size() == p && objs.get(p - 1) == p - 1, t, "allgatherObject");
        Integer total = c.allreduceObject(r + 1, Integer::sum);
        f = f != null ? f : check(total == p * (p + 1) / 2, t, "allreduceObject");
        List<Integer> go = c.gatherObject(r, root);
        f = f != null ? f : check(r != root || go.get(p - 1) == p - 1, t, "gatherObject");
        c.barrier();
        return f;
    }
}
