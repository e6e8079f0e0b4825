package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;
import org.mpi4j.internal.Downcalls;
import org.mpi4j.testing.MpiTest;

/**
 * The nonblocking collectives: heap arrays are staged and copied back on completion, even with
 * garbage collections while the operation runs; native segments are used as they are.
 */
@MpiTest
class NonblockingCollectiveTest {
    private final Intracomm world = MPI.COMM_WORLD;
    private final int rank = world.rank();
    private final int size = world.size();
    private final int last = size - 1;

    @Test
    void ibarrierAndIbcastComplete() {
        Request b = world.ibarrier();
        b.waitFor();
        assertTrue(b.isComplete());
        double[] a = new double[1000];
        if (rank == last) {
            for (int i = 0; i < a.length; i++) {
                a[i] = i / 4.0;
            }
        }
        Request r = world.ibcast(a, last);
        System.gc();
        r.waitFor();
        for (int i = 0; i < a.length; i++) {
            assertEquals(i / 4.0, a[i]);
        }
    }

    @Test
    void igatherAndIscatterRoundTrip() {
        int[] mine = {rank * 7, rank * 7 + 1};
        int[] all = new int[2 * size];
        Request g = world.igather(MemorySegment.ofArray(mine), MemorySegment.ofArray(all), last);
        System.gc();
        g.waitFor();
        if (rank == last) {
            for (int r = 0; r < size; r++) {
                assertEquals(r * 7, all[2 * r]);
                assertEquals(r * 7 + 1, all[2 * r + 1]);
            }
        }
        int[] back = new int[2];
        world.iscatter(MemorySegment.ofArray(all), MemorySegment.ofArray(back), last).waitFor();
        assertArrayEquals(mine, back);
    }

    @Test
    void igathervAndIscattervWithUnevenCounts() {
        int[] counts = new int[size];
        int[] displs = new int[size];
        for (int i = 0; i < size; i++) {
            counts[i] = i + 1;
            displs[i] = i == 0 ? 0 : displs[i - 1] + counts[i - 1];
        }
        long[] mine = new long[rank + 1];
        java.util.Arrays.fill(mine, 5L + rank);
        long[] all = new long[size * (size + 1) / 2];
        world.igatherv(MemorySegment.ofArray(mine), mine.length, Datatype.INT64_T, MemorySegment.ofArray(all),
                counts, displs, Datatype.INT64_T, 0).waitFor();
        long[] back = new long[rank + 1];
        world.iscatterv(MemorySegment.ofArray(all), counts, displs, Datatype.INT64_T, MemorySegment.ofArray(back),
                back.length, Datatype.INT64_T, 0).waitFor();
        assertArrayEquals(mine, back);
    }

    @Test
    void iallgathervAndIalltoallvOnNativeSegments() {
        try (Arena arena = Arena.ofConfined()) {
            int[] counts = new int[size];
            int[] displs = new int[size];
            for (int i = 0; i < size; i++) {
                counts[i] = 2;
                displs[i] = 2 * (size - 1 - i); // reversed placement
            }
            MemorySegment mine = arena.allocateFrom(ValueLayout.JAVA_INT, rank, -rank);
            MemorySegment all = arena.allocate(ValueLayout.JAVA_INT, 2L * size);
            world.iallgatherv(mine, 2, Datatype.INT32_T, all, counts, displs, Datatype.INT32_T).waitFor();
            for (int r = 0; r < size; r++) {
                assertEquals(r, all.getAtIndex(ValueLayout.JAVA_INT, 2L * (size - 1 - r)));
                assertEquals(-r, all.getAtIndex(ValueLayout.JAVA_INT, 2L * (size - 1 - r) + 1));
            }
            MemorySegment out = arena.allocate(ValueLayout.JAVA_INT, size);
            MemorySegment in = arena.allocate(ValueLayout.JAVA_INT, size);
            int[] ones = new int[size];
            int[] seq = new int[size];
            for (int i = 0; i < size; i++) {
                ones[i] = 1;
                seq[i] = i;
                out.setAtIndex(ValueLayout.JAVA_INT, i, rank * 100 + i);
            }
            world.ialltoallv(out, ones, seq, Datatype.INT32_T, in, ones, seq, Datatype.INT32_T).waitFor();
            for (int s = 0; s < size; s++) {
                assertEquals(s * 100 + rank, in.getAtIndex(ValueLayout.JAVA_INT, s));
            }
            world.iallgather(mine, all).waitFor();
            for (int r = 0; r < size; r++) {
                assertEquals(r, all.getAtIndex(ValueLayout.JAVA_INT, 2L * r));
            }
            world.ialltoall(out, in).waitFor();
            for (int s = 0; s < size; s++) {
                assertEquals(s * 100 + rank, in.getAtIndex(ValueLayout.JAVA_INT, s));
            }
        }
    }

    @Test
    void ialltoallwDeliversEveryPeersInt() {
        int[] counts = new int[size];
        int[] displs = new int[size];
        Datatype[] types = new Datatype[size];
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            counts[i] = 1;
            displs[i] = 4 * i;
            types[i] = Datatype.INT32_T;
            out[i] = rank + 10 * i;
        }
        int[] in = new int[size];
        Request r = world.ialltoallw(MemorySegment.ofArray(out), counts, displs, types, MemorySegment.ofArray(in),
                counts, displs, types);
        System.gc();
        r.waitFor();
        for (int s = 0; s < size; s++) {
            assertEquals(s + 10 * rank, in[s]);
        }
    }

    @Test
    void nonblockingReductionsCopyBackIntoArrays() {
        double[] sum = new double[3];
        Request a = world.iallreduce(new double[] {rank, 1, -rank}, sum, Op.SUM);
        System.gc();
        a.waitFor();
        double t = size * (size - 1) / 2.0;
        assertArrayEquals(new double[] {t, size, -t}, sum, 0.0);

        int[] max = new int[1];
        world.ireduce(MemorySegment.ofArray(new int[] {rank}), MemorySegment.ofArray(max), 1, Datatype.INT32_T,
                Op.MAX, last).waitFor();
        if (rank == last) {
            assertEquals(last, max[0]);
        }

        int[] scan = new int[1];
        world.iscan(MemorySegment.ofArray(new int[] {1}), MemorySegment.ofArray(scan), 1, Datatype.INT32_T, Op.SUM)
                .waitFor();
        assertEquals(rank + 1, scan[0]);
        int[] ex = {99};
        world.iexscan(MemorySegment.ofArray(new int[] {1}), MemorySegment.ofArray(ex), 1, Datatype.INT32_T, Op.SUM)
                .waitFor();
        assertEquals(rank == 0 ? 99 : rank, ex[0]);

        int[] counts = new int[size];
        java.util.Arrays.fill(counts, 1);
        int[] src = new int[size];
        for (int i = 0; i < size; i++) {
            src[i] = i;
        }
        int[] mine = new int[1];
        world.ireduceScatter(MemorySegment.ofArray(src), MemorySegment.ofArray(mine), counts, Datatype.INT32_T,
                Op.SUM).waitFor();
        assertEquals(rank * size, mine[0]);
        int[] blk = new int[1];
        world.ireduceScatterBlock(MemorySegment.ofArray(src), MemorySegment.ofArray(blk), 1, Datatype.INT32_T,
                Op.SUM).waitFor();
        assertEquals(rank * size, blk[0]);

        long[] inPlace = {rank};
        world.iallreduceInPlace(MemorySegment.ofArray(inPlace), 1, Datatype.INT64_T, Op.SUM).waitFor();
        assertEquals(size * (size - 1L) / 2, inPlace[0]);
    }

    @Test
    void nonblockingInPlaceVariants() {
        int[] g = new int[size];
        g[rank] = rank + 1;
        world.iallgatherInPlace(MemorySegment.ofArray(g), 1, Datatype.INT32_T).waitFor();
        for (int i = 0; i < size; i++) {
            assertEquals(i + 1, g[i]);
        }
        int[] gr = rank == last ? new int[size] : new int[] {rank * 2};
        if (rank == last) {
            gr[last] = last * 2;
        }
        world.igatherInPlace(MemorySegment.ofArray(gr), 1, Datatype.INT32_T, last).waitFor();
        if (rank == last) {
            for (int i = 0; i < size; i++) {
                assertEquals(i * 2, gr[i]);
            }
        }
        int[] sc = rank == 0 ? new int[size] : new int[1];
        if (rank == 0) {
            for (int i = 0; i < size; i++) {
                sc[i] = 9 * i;
            }
        }
        world.iscatterInPlace(MemorySegment.ofArray(sc), 1, Datatype.INT32_T, 0).waitFor();
        assertEquals(9 * rank, sc[rank == 0 ? 0 : 0]);
        int[] red = {rank};
        world.ireduceInPlace(MemorySegment.ofArray(red), 1, Datatype.INT32_T, Op.SUM, 0).waitFor();
        if (rank == 0) {
            assertEquals(size * (size - 1) / 2, red[0]);
        }
        int[] t = new int[size];
        for (int i = 0; i < size; i++) {
            t[i] = rank * 10 + i;
        }
        world.ialltoallInPlace(MemorySegment.ofArray(t), 1, Datatype.INT32_T).waitFor();
        for (int s = 0; s < size; s++) {
            assertEquals(s * 10 + rank, t[s]);
        }
        int[] scan = {1};
        world.iscanInPlace(MemorySegment.ofArray(scan), 1, Datatype.INT32_T, Op.SUM).waitFor();
        assertEquals(rank + 1, scan[0]);
        int[] blk = new int[size];
        java.util.Arrays.fill(blk, 2);
        world.ireduceScatterBlockInPlace(MemorySegment.ofArray(blk), 1, Datatype.INT32_T, Op.SUM).waitFor();
        assertEquals(2 * size, blk[0]);
    }

    @Test
    void severalCollectivesInFlightCompleteInAnyOrder() {
        int[] a = new int[1];
        int[] b = new int[1];
        Request r1 = world.iallreduce(new int[] {1}, a, Op.SUM);
        Request r2 = world.iallreduce(new int[] {2}, b, Op.SUM);
        r2.waitFor();
        r1.waitFor();
        assertEquals(size, a[0]);
        assertEquals(2 * size, b[0]);
    }

    /**
     * MPI may apply a pending nonblocking reduction's Java op from inside any later blocking call;
     * inside a critical downcall (large arrays, objects) that upcall used to abort the JVM.
     */
    @Test
    void aPendingJavaOpSurvivesBlockingCallsOnLargeArraysAndObjects() {
        try (Arena arena = Arena.ofConfined();
                Op sum = Op.create((in, inout, count, type) -> {
                    for (int i = 0; i < count; i++) {
                        inout.setAtIndex(ValueLayout.JAVA_DOUBLE, i, inout.getAtIndex(ValueLayout.JAVA_DOUBLE, i)
                                + in.getAtIndex(ValueLayout.JAVA_DOUBLE, i));
                    }
                }, true)) {
            MemorySegment s = arena.allocate(ValueLayout.JAVA_DOUBLE, 1000);
            MemorySegment r = arena.allocate(ValueLayout.JAVA_DOUBLE, 1000);
            for (int i = 0; i < 1000; i++) {
                s.setAtIndex(ValueLayout.JAVA_DOUBLE, i, rank + i);
            }
            Request pending = world.iallreduce(s, r, 1000, Datatype.DOUBLE, sum);
            assertTrue(!Downcalls.criticalAllowed(), "critical downcalls are off while the op may run");
            double[] big = new double[100_000];
            int right = (rank + 1) % size;
            int left = (rank + size - 1) % size;
            for (int k = 0; k < 20; k++) {
                java.util.Arrays.fill(big, rank + k);
                world.sendrecvReplace(big, right, 3, left, 3, null);
                assertEquals(left + k, big[99_999]);
                double[] got = world.sendrecvObject(new double[] {rank, k}, right, 4, left, 4, null);
                assertEquals(left, got[0]);
                world.allreduceInPlace(big, Op.SUM);
            }
            pending.waitFor();
            for (int i = 0; i < 1000; i++) {
                assertEquals(size * (size - 1) / 2.0 + (double) size * i, r.getAtIndex(ValueLayout.JAVA_DOUBLE, i));
            }
            assertTrue(Downcalls.criticalAllowed(), "critical downcalls are back once it completed");
        }
    }
}
