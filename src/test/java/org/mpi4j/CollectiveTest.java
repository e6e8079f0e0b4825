package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import org.mpi4j.testing.MpiTest;

/** Every blocking collective with real data, uneven counts and the last rank as root. */
@MpiTest
class CollectiveTest {
    private final Intracomm world = MPI.COMM_WORLD;
    private final int rank = world.rank();
    private final int size = world.size();
    private final int last = size - 1;

    /** Rank r contributes r+1 elements: uneven counts. */
    private int[] unevenCounts() {
        int[] c = new int[size];
        for (int i = 0; i < size; i++) {
            c[i] = i + 1;
        }
        return c;
    }

    private static int[] prefix(int[] counts) {
        int[] d = new int[counts.length];
        for (int i = 1; i < counts.length; i++) {
            d[i] = d[i - 1] + counts[i - 1];
        }
        return d;
    }

    @Test
    void bcastFromTheLastRankReachesEveryRank() {
        double[] a = new double[5];
        if (rank == last) {
            for (int i = 0; i < a.length; i++) {
                a[i] = 1.5 * i;
            }
        }
        world.bcast(a, last);
        assertArrayEquals(new double[] {0, 1.5, 3, 4.5, 6}, a);

        try (Arena arena = Arena.ofConfined()) {
            MemorySegment seg = arena.allocate(ValueLayout.JAVA_LONG, 3);
            if (rank == 0) {
                seg.copyFrom(MemorySegment.ofArray(new long[] {7, -8, Long.MIN_VALUE}));
            }
            world.bcast(seg, 3, Datatype.INT64_T, 0);
            assertArrayEquals(new long[] {7, -8, Long.MIN_VALUE}, seg.toArray(ValueLayout.JAVA_LONG));
        }
    }

    @Test
    void bcastOfALargeArrayUsesTheWholeArray() {
        // 1 MiB: above the staging limit, so the array itself goes to MPI
        int[] big = new int[256 * 1024];
        if (rank == last) {
            for (int i = 0; i < big.length; i++) {
                big[i] = i * 31;
            }
        }
        world.bcast(big, last);
        for (int i = 0; i < big.length; i++) {
            assertEquals(i * 31, big[i]);
        }
    }

    @Test
    void bcastOfAByteBufferSegmentInfersBytes() {
        ByteBuffer bb = ByteBuffer.allocateDirect(16).order(ByteOrder.nativeOrder());
        if (rank == 0) {
            bb.putInt(0, 42).putInt(12, -1);
        }
        world.bcast(MemorySegment.ofBuffer(bb), 0);
        assertEquals(42, bb.getInt(0));
        assertEquals(-1, bb.getInt(12));
    }

    @Test
    void gatherCollectsEveryRankInOrderAtANonZeroRoot() {
        int[] mine = {rank, rank * 10};
        int[] all = rank == last ? new int[2 * size] : null;
        world.gather(mine, all, last);
        if (rank == last) {
            for (int r = 0; r < size; r++) {
                assertEquals(r, all[2 * r]);
                assertEquals(r * 10, all[2 * r + 1]);
            }
        }
    }

    @Test
    void gathervCollectsUnevenBlocks() {
        int[] counts = unevenCounts();
        double[] mine = new double[rank + 1];
        java.util.Arrays.fill(mine, rank + 0.25);
        int total = size * (size + 1) / 2;
        double[] all = new double[total];
        world.gatherv(mine, all, counts, null, last);
        if (rank == last) {
            int k = 0;
            for (int r = 0; r < size; r++) {
                for (int j = 0; j <= r; j++) {
                    assertEquals(r + 0.25, all[k++]);
                }
            }
        }
    }

    @Test
    void scatterDealsOneBlockToEachRank() {
        long[] src = null;
        if (rank == last) {
            src = new long[3 * size];
            for (int i = 0; i < src.length; i++) {
                src[i] = 100L * (i / 3) + i % 3;
            }
        }
        long[] mine = new long[3];
        world.scatter(src, mine, last);
        assertArrayEquals(new long[] {100L * rank, 100L * rank + 1, 100L * rank + 2}, mine);
    }

    @Test
    void scattervDealsUnevenBlocksFromDisplacements() {
        int[] counts = unevenCounts();
        int[] displs = prefix(counts);
        // leave a gap of 2 elements between blocks to prove the displacements are honoured
        for (int i = 0; i < size; i++) {
            displs[i] += 2 * i;
        }
        float[] src = new float[displs[size - 1] + counts[size - 1]];
        for (int r = 0; r < size; r++) {
            for (int j = 0; j < counts[r]; j++) {
                src[displs[r] + j] = r + j / 10f;
            }
        }
        float[] mine = new float[rank + 1];
        world.scatterv(rank == 0 ? src : null, counts, displs, mine, 0);
        for (int j = 0; j <= rank; j++) {
            assertEquals(rank + j / 10f, mine[j]);
        }
    }

    @Test
    void allgatherAndAllgathervGiveEveryRankEverything() {
        byte[] all = new byte[size];
        world.allgather(new byte[] {(byte) (rank + 1)}, all);
        for (int r = 0; r < size; r++) {
            assertEquals(r + 1, all[r]);
        }
        int[] counts = unevenCounts();
        long[] mine = new long[rank + 1];
        java.util.Arrays.fill(mine, rank * 1000L);
        long[] every = new long[size * (size + 1) / 2];
        world.allgatherv(mine, every, counts, null);
        int k = 0;
        for (int r = 0; r < size; r++) {
            for (int j = 0; j <= r; j++) {
                assertEquals(r * 1000L, every[k++]);
            }
        }
    }

    @Test
    void alltoallTransposesBlocks() {
        int[] out = new int[2 * size];
        for (int d = 0; d < size; d++) {
            out[2 * d] = rank * 100 + d;
            out[2 * d + 1] = -rank;
        }
        int[] in = new int[2 * size];
        world.alltoall(out, in);
        for (int s = 0; s < size; s++) {
            assertEquals(s * 100 + rank, in[2 * s]);
            assertEquals(-s, in[2 * s + 1]);
        }
    }

    @Test
    void alltoallvSendsDestinationDependentCounts() {
        // rank r sends d+1 elements of value r*10+d to rank d
        int[] sendCounts = new int[size];
        int[] recvCounts = new int[size];
        for (int i = 0; i < size; i++) {
            sendCounts[i] = i + 1;
            recvCounts[i] = rank + 1;
        }
        int[] sd = prefix(sendCounts);
        int[] rd = prefix(recvCounts);
        double[] out = new double[sd[size - 1] + sendCounts[size - 1]];
        for (int d = 0; d < size; d++) {
            for (int j = 0; j < sendCounts[d]; j++) {
                out[sd[d] + j] = rank * 10 + d;
            }
        }
        double[] in = new double[size * (rank + 1)];
        world.alltoallv(MemorySegment.ofArray(out), sendCounts, sd, Datatype.DOUBLE, MemorySegment.ofArray(in),
                recvCounts, rd, Datatype.DOUBLE);
        for (int s = 0; s < size; s++) {
            for (int j = 0; j <= rank; j++) {
                assertEquals(s * 10 + rank, in[rd[s] + j]);
            }
        }
    }

    @Test
    void alltoallwMixesDatatypesPerPeer() {
        // to every peer: one int (value rank) followed, at byte 8*size+.., by nothing else; receive
        // the int of peer s at byte 4*s, as an int32
        int[] counts = new int[size];
        int[] sdispls = new int[size];
        int[] rdispls = new int[size];
        Datatype[] types = new Datatype[size];
        for (int i = 0; i < size; i++) {
            counts[i] = 1;
            sdispls[i] = 4 * i;
            rdispls[i] = 4 * i;
            types[i] = i % 2 == 0 ? Datatype.INT : Datatype.INT32_T;
        }
        int[] out = new int[size];
        for (int d = 0; d < size; d++) {
            out[d] = rank * 1000 + d;
        }
        int[] in = new int[size];
        world.alltoallw(MemorySegment.ofArray(out), counts, sdispls, types, MemorySegment.ofArray(in), counts,
                rdispls, types);
        for (int s = 0; s < size; s++) {
            assertEquals(s * 1000 + rank, in[s]);
        }
    }

    @Test
    void reduceAndAllreduceCombineEveryRank() {
        int[] sum = new int[2];
        world.reduce(new int[] {rank, 1}, rank == last ? sum : null, Op.SUM, last);
        if (rank == last) {
            assertArrayEquals(new int[] {size * (size - 1) / 2, size}, sum);
        }
        double[] max = new double[1];
        world.allreduce(new double[] {rank * 1.5}, max, Op.MAX);
        assertEquals(last * 1.5, max[0]);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment in = arena.allocateFrom(ValueLayout.JAVA_LONG, rank + 1L, 2);
            MemorySegment out = arena.allocate(ValueLayout.JAVA_LONG, 2);
            world.allreduce(in, out, 2, Datatype.INT64_T, Op.PROD);
            long fact = 1;
            for (int r = 1; r <= size; r++) {
                fact *= r;
            }
            assertEquals(fact, out.getAtIndex(ValueLayout.JAVA_LONG, 0));
            assertEquals(1L << size, out.getAtIndex(ValueLayout.JAVA_LONG, 1));
        }
    }

    @Test
    void allreduceOfALargeHeapArraySumsEveryElement() {
        double[] in = new double[1 << 17]; // 1 MiB
        for (int i = 0; i < in.length; i++) {
            in[i] = i + rank;
        }
        double[] out = new double[in.length];
        world.allreduce(in, out, Op.SUM);
        double ranks = size * (size - 1) / 2.0;
        for (int i = 0; i < out.length; i += 97) {
            assertEquals((double) i * size + ranks, out[i]);
        }
    }

    @Test
    void scanAndExscanArePrefixReductions() {
        int[] incl = new int[1];
        world.scan(new int[] {rank + 1}, incl, Op.SUM);
        assertEquals((rank + 1) * (rank + 2) / 2, incl[0]);
        int[] excl = {-7};
        world.exscan(new int[] {rank + 1}, excl, Op.SUM);
        assertEquals(rank == 0 ? -7 : rank * (rank + 1) / 2, excl[0]);
    }

    @Test
    void reduceScatterHandsOutUnevenBlocksOfTheSum() {
        int[] counts = unevenCounts();
        int total = size * (size + 1) / 2;
        int[] in = new int[total];
        for (int i = 0; i < total; i++) {
            in[i] = i * (rank + 1);
        }
        int[] mine = new int[rank + 1];
        world.reduceScatter(MemorySegment.ofArray(in), MemorySegment.ofArray(mine), counts, Datatype.INT32_T, Op.SUM);
        int start = rank * (rank + 1) / 2;
        int factor = size * (size + 1) / 2;
        for (int j = 0; j <= rank; j++) {
            assertEquals((start + j) * factor, mine[j]);
        }

        long[] block = new long[2];
        long[] src = new long[2 * size];
        for (int i = 0; i < src.length; i++) {
            src[i] = i;
        }
        world.reduceScatterBlock(MemorySegment.ofArray(src), MemorySegment.ofArray(block), Op.SUM);
        assertArrayEquals(new long[] {2L * rank * size, (2L * rank + 1) * size}, block);
    }

    @Test
    void inPlaceVariantsUseOneBuffer() {
        double[] v = {rank, 1};
        world.allreduceInPlace(v, Op.SUM);
        assertArrayEquals(new double[] {size * (size - 1) / 2.0, size}, v);

        int[] r = {rank + 1};
        world.reduceInPlace(MemorySegment.ofArray(r), 1, Datatype.INT32_T, Op.MAX, last);
        assertEquals(rank == last ? size : rank + 1, r[0]);

        int[] g = new int[size];
        g[rank] = rank * 3;
        world.allgatherInPlace(MemorySegment.ofArray(g), 1, Datatype.INT32_T);
        for (int i = 0; i < size; i++) {
            assertEquals(i * 3, g[i]);
        }

        int[] gathered = rank == 0 ? new int[size] : new int[] {rank + 5};
        if (rank == 0) {
            gathered[0] = 5;
        }
        world.gatherInPlace(MemorySegment.ofArray(gathered), 1, Datatype.INT32_T, 0);
        if (rank == 0) {
            for (int i = 0; i < size; i++) {
                assertEquals(i + 5, gathered[i]);
            }
        }

        int[] dealt = rank == last ? new int[size] : new int[1];
        if (rank == last) {
            for (int i = 0; i < size; i++) {
                dealt[i] = 40 + i;
            }
        }
        world.scatterInPlace(MemorySegment.ofArray(dealt), 1, Datatype.INT32_T, last);
        assertEquals(40 + rank, dealt[rank == last ? last : 0]);

        int[] sc = {rank + 1};
        world.scanInPlace(MemorySegment.ofArray(sc), 1, Datatype.INT32_T, Op.SUM);
        assertEquals((rank + 1) * (rank + 2) / 2, sc[0]);

        long[] t = new long[size];
        for (int d = 0; d < size; d++) {
            t[d] = rank * 10L + d;
        }
        world.alltoallInPlace(MemorySegment.ofArray(t), 1, Datatype.INT64_T);
        for (int s = 0; s < size; s++) {
            assertEquals(s * 10L + rank, t[s]);
        }

        int[] rs = new int[size];
        java.util.Arrays.fill(rs, rank + 1);
        world.reduceScatterBlockInPlace(MemorySegment.ofArray(rs), 1, Datatype.INT32_T, Op.SUM);
        assertEquals(size * (size + 1) / 2, rs[0]);
    }

    @Test
    void inPlaceVariantsOfTheVectorCollectives() {
        int[] counts = unevenCounts();
        int[] displs = prefix(counts);
        int total = size * (size + 1) / 2;

        int[] g = new int[total];
        java.util.Arrays.fill(g, displs[rank], displs[rank] + rank + 1, rank + 100);
        world.allgathervInPlace(MemorySegment.ofArray(g), counts, displs, Datatype.INT32_T);
        for (int r = 0; r < size; r++) {
            for (int j = 0; j <= r; j++) {
                assertEquals(r + 100, g[displs[r] + j]);
            }
        }

        int root = last;
        int[] gv = rank == root ? new int[total] : new int[rank + 1];
        java.util.Arrays.fill(gv, rank == root ? displs[root] : 0, rank == root ? total : rank + 1, -rank);
        world.gathervInPlace(MemorySegment.ofArray(gv), rank + 1, counts, displs, Datatype.INT32_T, root);
        if (rank == root) {
            for (int r = 0; r < size; r++) {
                assertEquals(-r, gv[displs[r]]);
                assertEquals(-r, gv[displs[r] + r]);
            }
        }

        int[] sv = rank == 0 ? new int[total] : new int[rank + 1];
        if (rank == 0) {
            for (int r = 0; r < size; r++) {
                java.util.Arrays.fill(sv, displs[r], displs[r] + r + 1, 7 * r);
            }
        }
        world.scattervInPlace(MemorySegment.ofArray(sv), counts, displs, rank + 1, Datatype.INT32_T, 0);
        for (int j = 0; j <= rank; j++) {
            assertEquals(7 * rank, sv[j]);
        }

        // alltoallv in place: one element to and from every peer
        int[] ones = new int[size];
        int[] seq = new int[size];
        long[] t = new long[size];
        for (int i = 0; i < size; i++) {
            ones[i] = 1;
            seq[i] = i;
            t[i] = rank * 100L + i;
        }
        world.alltoallvInPlace(MemorySegment.ofArray(t), ones, seq, Datatype.INT64_T);
        for (int s = 0; s < size; s++) {
            assertEquals(s * 100L + rank, t[s]);
        }

        int[] rs = new int[total];
        java.util.Arrays.fill(rs, 1);
        world.reduceScatterInPlace(MemorySegment.ofArray(rs), counts, Datatype.INT32_T, Op.SUM);
        for (int j = 0; j <= rank; j++) {
            assertEquals(size, rs[j]);
        }

        int[] ex = {rank + 1};
        world.exscanInPlace(MemorySegment.ofArray(ex), 1, Datatype.INT32_T, Op.SUM);
        if (rank > 0) {
            assertEquals(rank * (rank + 1) / 2, ex[0]);
        }
    }

    @Test
    void dupSendsLikeItsOriginal() {
        try (Datatype d = Datatype.DOUBLE.dup()) {
            assertEquals(8, d.size());
            double[] v = {rank + 0.5, 2};
            double[] out = new double[2 * size];
            world.allgather(MemorySegment.ofArray(v), 2, d, MemorySegment.ofArray(out), 2, d);
            for (int r = 0; r < size; r++) {
                assertEquals(r + 0.5, out[2 * r]);
                assertEquals(2, out[2 * r + 1]);
            }
            // a dup is a derived type: MPI refuses predefined reductions on it, and says so
            MpiException e = assertThrows(MpiException.class, () -> world.allreduce(MemorySegment.ofArray(v),
                    MemorySegment.ofArray(new double[2]), 2, d, Op.SUM));
            assertEquals(ErrorClass.ERR_OP, e.errorClass());
        }
    }

    @Test
    void badArgumentsAreRejectedBeforeAnyNativeCall() {
        assertThrows(IllegalArgumentException.class, () -> world.bcast(new int[1], size));
        assertThrows(IllegalArgumentException.class, () -> world.bcast(new int[1], -1));
        assertThrows(IllegalArgumentException.class,
                () -> world.bcast(MemorySegment.ofArray(new int[1]), 2, Datatype.INT32_T, 0));
        assertThrows(IllegalArgumentException.class, () -> world.allgather(new int[2], new int[2 * size - 1]));
        assertThrows(IllegalArgumentException.class, () -> world.allgatherv(new int[1], new int[size],
                new int[size + 1], null));
        assertThrows(IllegalArgumentException.class, () -> world.allreduce(new int[3], new int[2], Op.SUM));
        assertThrows(NullPointerException.class, () -> world.allreduce(new int[3], new int[3], null));
        if (size > 1) {
            assertThrows(IllegalArgumentException.class, () -> world.alltoall(new int[size + 1], new int[size + 1]));
        }
        assertThrows(IllegalArgumentException.class, () -> world.allreduce(MemorySegment.ofArray(new int[2]),
                MemorySegment.ofArray(new int[2]).asReadOnly(), Op.SUM));
        int[] negative = new int[size];
        negative[0] = -1;
        assertThrows(IllegalArgumentException.class, () -> world.allgatherv(new int[0], new int[size], negative,
                new int[size]));
    }
}
