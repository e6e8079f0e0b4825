package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpi4j.testing.MpiTest;

/**
 * Every neighbourhood collective, blocking and nonblocking, on native and heap memory, over four
 * topologies: periodic and non-periodic 2-D grids ({@link MPI#PROC_NULL} neighbours at the edges;
 * at 1, 2 and 4 ranks both neighbours along a periodic dimension are one process), a graph (a
 * star) and a distributed graph whose in- and out-degrees differ. Each received element is
 * checked against what its sender put in the block meant for this process.
 */
@MpiTest
class NeighborCollectiveTest {
    private static final int UNTOUCHED = -7;
    private final Intracomm world = MPI.COMM_WORLD;
    private final int rank = world.rank();
    private final int size = world.size();

    private List<Topocomm> topologies() {
        List<Topocomm> t = new ArrayList<>();
        int[] dims = Cartcomm.dimsCreate(size, 2);
        t.add(world.createCart(dims, new boolean[] {true, true}, false));
        t.add(world.createCart(dims, new boolean[] {false, true}, false));
        int[][] star = GraphTopologyTest.star(size);
        t.add(world.createGraph(star[0], star[1], false));
        // rank 0 sends to every other rank, and to itself twice; the others send nothing
        int[] out = new int[rank == 0 ? size + 1 : 0];
        for (int i = 0; i < out.length; i++) {
            out[i] = i < size ? i : 0;
        }
        int[] in = rank == 0 ? new int[] {0, 0} : new int[] {0};
        t.add(world.createDistGraphAdjacent(in, out, false));
        return t;
    }

    private static void free(List<Topocomm> t) {
        t.forEach(Comm::free);
    }

    /** Value {@code e} of the block {@code s} sends to its out-neighbour {@code k}. */
    private static int value(int s, int k, int e) {
        return 10000 * s + 100 * k + e;
    }

    /** How many elements {@code s} sends to its out-neighbour {@code k} in the v- and w-collectives. */
    private static int countOf(int s, int k) {
        return 1 + (s + k) % 3;
    }

    /**
     * For each receive block of this process, the index of the sender's send block that fills it,
     * or -1 for a {@link MPI#PROC_NULL} neighbour. Grids: a block sent towards -1 along a dimension
     * arrives as the one from +1 (so block k lands in block k^1). Graphs: the m-th edge from a
     * sender to this process fills the m-th receive block from that sender.
     */
    private int[] senderBlocks(Topocomm c) {
        int[] in = c.inEdges();
        List<int[]> outs = c.allgatherObject(c.outEdges());
        int[] k = new int[in.length];
        for (int j = 0; j < in.length; j++) {
            if (in[j] == MPI.PROC_NULL) {
                k[j] = -1;
            } else if (c instanceof Cartcomm) {
                k[j] = j ^ 1;
            } else {
                int m = 0;
                for (int i = 0; i < j; i++) {
                    m += in[i] == in[j] ? 1 : 0;
                }
                int[] o = outs.get(in[j]);
                int seen = 0;
                k[j] = -2;
                for (int i = 0; i < o.length && k[j] == -2; i++) {
                    if (o[i] == c.rank() && seen++ == m) {
                        k[j] = i;
                    }
                }
            }
        }
        return k;
    }

    private static MemorySegment buffer(int[] a, boolean nat, Arena arena) {
        return nat ? arena.allocateFrom(ValueLayout.JAVA_INT, a.length == 0 ? new int[1] : a)
                .asSlice(0, 4L * a.length) : MemorySegment.ofArray(a);
    }

    private static int[] ints(MemorySegment s) {
        return s.toArray(ValueLayout.JAVA_INT);
    }

    private static int[] filled(int n) {
        int[] a = new int[n];
        Arrays.fill(a, UNTOUCHED);
        return a;
    }

    @Test
    void neighborAllgatherDeliversEachInNeighboursBlock() {
        List<Topocomm> tops = topologies();
        try (Arena arena = Arena.ofConfined()) {
            for (Topocomm c : tops) {
                String name = c.toString();
                int[] in = c.inEdges();
                for (int mode = 0; mode < 4; mode++) {
                    boolean nat = mode % 2 == 1; // whole segments of int[] (INT32 inferred); explicit types on native memory
                    boolean nb = mode >= 2;
                    int n = 3;
                    int[] mine = {value(c.rank(), 0, 0), value(c.rank(), 0, 1), value(c.rank(), 0, 2)};
                    MemorySegment send = buffer(mine, nat, arena);
                    MemorySegment recv = buffer(filled(n * in.length), nat, arena);
                    if (nb) {
                        Request r = mode == 2 ? c.ineighborAllgather(send, recv)
                                : c.ineighborAllgather(send, n, Datatype.INT32_T, recv, n, Datatype.INT32_T);
                        System.gc();
                        r.waitFor();
                    } else if (mode == 0) {
                        c.neighborAllgather(send, recv);
                    } else {
                        c.neighborAllgather(send, n, Datatype.INT32_T, recv, n, Datatype.INT32_T);
                    }
                    int[] got = ints(recv);
                    for (int j = 0; j < in.length; j++) {
                        for (int e = 0; e < n; e++) {
                            int expected = in[j] == MPI.PROC_NULL ? UNTOUCHED : value(in[j], 0, e);
                            assertEquals(expected, got[j * n + e], name + " mode " + mode + " block " + j);
                        }
                    }
                }
            }
        } finally {
            free(tops);
        }
    }

    @Test
    void neighborAllgathervPlacesEachBlockAtItsDisplacement() {
        List<Topocomm> tops = topologies();
        try (Arena arena = Arena.ofConfined()) {
            for (Topocomm c : tops) {
                String name = c.toString();
                int[] in = c.inEdges();
                int[] counts = new int[in.length];
                int[] displs = new int[in.length];
                int at = 0;
                for (int j = 0; j < in.length; j++) {
                    counts[j] = in[j] == MPI.PROC_NULL ? 0 : 1 + in[j] % 3;
                    displs[j] = at + 1; // a gap before every block stays untouched
                    at += counts[j] + 1;
                }
                int[] mine = new int[1 + c.rank() % 3];
                for (int e = 0; e < mine.length; e++) {
                    mine[e] = value(c.rank(), 0, e);
                }
                for (int mode = 0; mode < 4; mode++) {
                    boolean nat = mode % 2 == 1; // whole segments of int[] (INT32 inferred); explicit types on native memory
                    MemorySegment send = buffer(mine, nat, arena);
                    MemorySegment recv = buffer(filled(at), nat, arena);
                    switch (mode) {
                        case 0 -> c.neighborAllgatherv(send, recv, counts, displs);
                        case 1 -> c.neighborAllgatherv(send, mine.length, Datatype.INT32_T, recv, counts, displs,
                                Datatype.INT32_T);
                        case 2 -> c.ineighborAllgatherv(send, recv, counts, displs).waitFor();
                        default -> c.ineighborAllgatherv(send, mine.length, Datatype.INT32_T, recv, counts, displs,
                                Datatype.INT32_T).waitFor();
                    }
                    int[] expected = filled(at);
                    for (int j = 0; j < in.length; j++) {
                        for (int e = 0; e < counts[j]; e++) {
                            expected[displs[j] + e] = value(in[j], 0, e);
                        }
                    }
                    assertArrayEquals(expected, ints(recv), name + " mode " + mode);
                }
                // packed displacements when null
                MemorySegment recv = MemorySegment.ofArray(filled(Arrays.stream(counts).sum()));
                c.neighborAllgatherv(MemorySegment.ofArray(mine), recv, counts, null);
                int p = 0;
                for (int j = 0; j < in.length; j++) {
                    for (int e = 0; e < counts[j]; e++) {
                        assertEquals(value(in[j], 0, e), ints(recv)[p++]);
                    }
                }
            }
        } finally {
            free(tops);
        }
    }

    @Test
    void neighborAlltoallSendsEachOutNeighbourItsOwnBlock() {
        List<Topocomm> tops = topologies();
        try (Arena arena = Arena.ofConfined()) {
            for (Topocomm c : tops) {
                String name = c.toString();
                int[] from = senderBlocks(c);
                int n = 2;
                int out = c.outDegree();
                int[] mine = new int[n * out];
                for (int k = 0; k < out; k++) {
                    for (int e = 0; e < n; e++) {
                        mine[k * n + e] = value(c.rank(), k, e);
                    }
                }
                int[] in = c.inEdges();
                for (int mode = 0; mode < 4; mode++) {
                    boolean nat = mode % 2 == 1; // whole segments of int[] (INT32 inferred); explicit types on native memory
                    MemorySegment send = buffer(mine, nat, arena);
                    MemorySegment recv = buffer(filled(n * in.length), nat, arena);
                    switch (mode) {
                        case 0 -> c.neighborAlltoall(send, recv);
                        case 1 -> c.neighborAlltoall(send, n, Datatype.INT32_T, recv, n, Datatype.INT32_T);
                        case 2 -> c.ineighborAlltoall(send, recv).waitFor();
                        default -> {
                            Request r = c.ineighborAlltoall(send, n, Datatype.INT32_T, recv, n, Datatype.INT32_T);
                            System.gc();
                            r.waitFor();
                        }
                    }
                    int[] got = ints(recv);
                    for (int j = 0; j < in.length; j++) {
                        for (int e = 0; e < n; e++) {
                            int expected = from[j] < 0 ? UNTOUCHED : value(in[j], from[j], e);
                            assertEquals(expected, got[j * n + e], name + " mode " + mode + " block " + j);
                        }
                    }
                }
            }
        } finally {
            free(tops);
        }
    }

    /** The counts this process receives from each in-neighbour in the v- and w-collectives. */
    private int[] recvCounts(Topocomm c, int[] from) {
        int[] in = c.inEdges();
        int[] counts = new int[in.length];
        for (int j = 0; j < in.length; j++) {
            counts[j] = from[j] < 0 ? 0 : countOf(in[j], from[j]);
        }
        return counts;
    }

    private int[] sendCounts(Topocomm c) {
        int[] counts = new int[c.outDegree()];
        for (int k = 0; k < counts.length; k++) {
            counts[k] = countOf(c.rank(), k);
        }
        return counts;
    }

    /** Displacements that leave one element free before every block. */
    private static int[] gapped(int[] counts) {
        int[] d = new int[counts.length];
        int at = 0;
        for (int i = 0; i < counts.length; i++) {
            d[i] = at + 1;
            at += counts[i] + 1;
        }
        return d;
    }

    private static int extent(int[] counts) {
        return Arrays.stream(counts).sum() + counts.length;
    }

    private int[] sendData(Topocomm c, int[] counts, int[] displs) {
        int[] a = filled(extent(counts));
        for (int k = 0; k < counts.length; k++) {
            for (int e = 0; e < counts[k]; e++) {
                a[displs[k] + e] = value(c.rank(), k, e);
            }
        }
        return a;
    }

    private int[] expectedV(Topocomm c, int[] from, int[] counts, int[] displs) {
        int[] in = c.inEdges();
        int[] x = filled(extent(counts));
        for (int j = 0; j < in.length; j++) {
            for (int e = 0; e < counts[j]; e++) {
                x[displs[j] + e] = value(in[j], from[j], e);
            }
        }
        return x;
    }

    /** The v- and w-collectives' case: counts and gapped displacements both ways, data and what must arrive. */
    record VCase(int[] from, int[] sc, int[] sd, int[] rc, int[] rd, int[] mine, int[] expected) {
    }

    private VCase vCase(Topocomm c) {
        int[] from = senderBlocks(c);
        int[] sc = sendCounts(c);
        int[] sd = gapped(sc);
        int[] rc = recvCounts(c, from);
        int[] rd = gapped(rc);
        return new VCase(from, sc, sd, rc, rd, sendData(c, sc, sd), expectedV(c, from, rc, rd));
    }

    @Test
    void neighborAlltoallvMovesBlocksOfEveryCount() {
        List<Topocomm> tops = topologies();
        try (Arena arena = Arena.ofConfined()) {
            for (Topocomm c : tops) {
                String name = c.toString();
                VCase v = vCase(c);
                int[] from = v.from();
                int[] sc = v.sc();
                int[] sd = v.sd();
                int[] rc = v.rc();
                int[] rd = v.rd();
                int[] mine = v.mine();
                int[] expected = v.expected();
                for (int mode = 0; mode < 4; mode++) {
                    boolean nat = mode % 2 == 1; // whole segments of int[] (INT32 inferred); explicit types on native memory
                    MemorySegment send = buffer(mine, nat, arena);
                    MemorySegment recv = buffer(filled(expected.length), nat, arena);
                    switch (mode) {
                        case 0 -> c.neighborAlltoallv(send, sc, sd, recv, rc, rd);
                        case 1 -> c.neighborAlltoallv(send, sc, sd, Datatype.INT32_T, recv, rc, rd, Datatype.INT32_T);
                        case 2 -> c.ineighborAlltoallv(send, sc, sd, recv, rc, rd).waitFor();
                        default -> c.ineighborAlltoallv(send, sc, sd, Datatype.INT32_T, recv, rc, rd, Datatype.INT32_T)
                                .waitFor();
                    }
                    assertArrayEquals(expected, ints(recv), name + " mode " + mode);
                }
                // null displacements: packed
                int[] packed = new int[Arrays.stream(rc).sum()];
                int[] sendPacked = new int[Arrays.stream(sc).sum()];
                int p = 0;
                for (int k = 0; k < sc.length; k++) {
                    for (int e = 0; e < sc[k]; e++) {
                        sendPacked[p++] = value(c.rank(), k, e);
                    }
                }
                c.neighborAlltoallv(MemorySegment.ofArray(sendPacked), sc, null, MemorySegment.ofArray(packed), rc, null);
                p = 0;
                int[] in = c.inEdges();
                for (int j = 0; j < rc.length; j++) {
                    for (int e = 0; e < rc[j]; e++) {
                        assertEquals(value(in[j], from[j], e), packed[p++], name + " packed block " + j);
                    }
                }
            }
        } finally {
            free(tops);
        }
    }

    private static long[] bytes(int[] displs) {
        long[] b = new long[displs.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = 4L * displs[i];
        }
        return b;
    }

    @Test
    void neighborAlltoallwTakesADatatypePerNeighbour() {
        List<Topocomm> tops = topologies();
        try (Arena arena = Arena.ofConfined()) {
            for (Topocomm c : tops) {
                String name = c.toString();
                VCase v = vCase(c);
                int[] sc = v.sc();
                int[] sd = v.sd();
                int[] rc = v.rc();
                int[] rd = v.rd();
                // every block as INT32 elements, or as the same bytes counted in BYTEs
                Datatype[] st = new Datatype[sc.length];
                int[] scw = sc.clone();
                for (int k = 0; k < st.length; k++) {
                    st[k] = k % 2 == 0 ? Datatype.INT32_T : Datatype.BYTE;
                    scw[k] = k % 2 == 0 ? sc[k] : 4 * sc[k];
                }
                Datatype[] rt = new Datatype[rc.length];
                Arrays.fill(rt, Datatype.INT32_T);
                int[] mine = v.mine();
                int[] expected = v.expected();
                for (int mode = 0; mode < 4; mode++) {
                    boolean nat = mode % 2 == 1; // whole segments of int[] (INT32 inferred); explicit types on native memory
                    MemorySegment send = buffer(mine, nat, arena);
                    MemorySegment recv = buffer(filled(expected.length), nat, arena);
                    if (mode < 2) {
                        c.neighborAlltoallw(send, scw, bytes(sd), st, recv, rc, bytes(rd), rt);
                    } else {
                        Request r = c.ineighborAlltoallw(send, scw, bytes(sd), st, recv, rc, bytes(rd), rt);
                        System.gc();
                        r.waitFor();
                    }
                    assertArrayEquals(expected, ints(recv), name + " mode " + mode);
                }
            }
        } finally {
            free(tops);
        }
    }

    @Test
    void countsArraysMustMatchTheNeighbourCounts() {
        List<Topocomm> tops = topologies();
        try {
            for (Topocomm c : tops) {
                int in = c.inDegree();
                int out = c.outDegree();
                MemorySegment big = MemorySegment.ofArray(new int[64]);
                assertThrows(IllegalArgumentException.class, () -> c.neighborAlltoallv(big, new int[out + 1],
                        new int[out + 1], big, new int[in], new int[in]));
                assertThrows(IllegalArgumentException.class, () -> c.ineighborAlltoallv(big, new int[out],
                        new int[out], big, new int[in + 1], new int[in + 1]));
                assertThrows(IllegalArgumentException.class, () -> c.neighborAllgatherv(big, big, new int[in + 1],
                        null));
                assertThrows(IllegalArgumentException.class, () -> c.neighborAlltoallw(big, new int[out],
                        new long[out], new Datatype[out + 1], big, new int[in], new long[in], new Datatype[in]));
                assertThrows(IllegalArgumentException.class, () -> c.ineighborAlltoallw(big, new int[out],
                        new long[out + 2], fill(out), big, new int[in], new long[in], fill(in)));
                // buffers too small for the neighbours' blocks
                MemorySegment one = MemorySegment.ofArray(new int[1]);
                if (in > 0) {
                    assertThrows(IllegalArgumentException.class,
                            () -> c.neighborAllgather(one, 1, Datatype.INT32_T, one, 2, Datatype.INT32_T));
                    assertThrows(IllegalArgumentException.class,
                            () -> c.ineighborAlltoall(big, 1, Datatype.INT32_T, one, 2, Datatype.INT32_T));
                }
                if (out > 0) {
                    assertThrows(IllegalArgumentException.class,
                            () -> c.neighborAlltoall(one, 2, Datatype.INT32_T, big, 1, Datatype.INT32_T));
                    assertThrows(IllegalArgumentException.class, () -> c.neighborAlltoallv(one, fillInts(out, 2),
                            new int[out], Datatype.INT32_T, big, new int[in], new int[in], Datatype.INT32_T));
                }
                if (out > 1) {
                    MemorySegment odd = MemorySegment.ofArray(new int[out + 1]);
                    assertThrows(IllegalArgumentException.class, () -> c.neighborAlltoall(odd, big));
                }
                assertThrows(IllegalArgumentException.class, () -> c.neighborAlltoall(big, 1, Datatype.INT32_T,
                        big.asReadOnly(), 1, Datatype.INT32_T));
                assertThrows(NullPointerException.class, () -> c.neighborAllgather(null, big));
                assertThrows(NullPointerException.class,
                        () -> c.neighborAlltoall(big, 1, null, big, 1, Datatype.INT32_T));
            }
        } finally {
            free(tops);
        }
        // the null communicator of processes outside a grid refuses collectives
        int n = Math.max(1, size - 1);
        Cartcomm g = world.createCart(new int[] {n}, new boolean[] {false}, false);
        if (g.isNull()) {
            MemorySegment s = MemorySegment.ofArray(new int[4]);
            assertThrows(IllegalStateException.class, () -> g.neighborAlltoall(s, s));
        } else {
            g.free();
        }
    }

    private static Datatype[] fill(int n) {
        Datatype[] t = new Datatype[n];
        Arrays.fill(t, Datatype.INT32_T);
        return t;
    }

    private static int[] fillInts(int n, int v) {
        int[] a = new int[n];
        Arrays.fill(a, v);
        return a;
    }
}
