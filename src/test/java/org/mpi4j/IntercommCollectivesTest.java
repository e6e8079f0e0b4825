package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mpi4j.testing.MpiTest;

/**
 * Every buffer collective on an intercommunicator between the two halves of COMM_WORLD (A: world
 * ranks below size/2, B: the rest; at 3 ranks A has one process and B two), blocking and
 * nonblocking, each element checked. The values name their sender's world rank, so a block in the
 * wrong place shows. Rooted collectives run once with the root in A and once with it in B. At 1
 * rank there is no second group; the tests then check the root rules on the one intercommunicator
 * a single process has, the null parent.
 */
@MpiTest
class IntercommCollectivesTest {
    static final Intracomm WORLD = MPI.COMM_WORLD;
    static Intracomm local;
    static Intercomm inter;

    @BeforeAll
    static void createIntercomm() {
        if (WORLD.size() > 1) {
            local = IntercommTest.local();
            inter = IntercommTest.halves(local);
        }
    }

    @AfterAll
    static void freeIntercomm() {
        if (inter != null) {
            inter.free();
            local.free();
        }
    }

    static boolean single() {
        if (WORLD.size() > 1) {
            return false;
        }
        Intercomm none = MPI.parent();
        assertEquals(true, none.isNull());
        assertThrows(IllegalStateException.class, () -> none.bcast(new int[1], MPI.ROOT));
        return true;
    }

    static boolean inA() {
        return IntercommTest.inA();
    }

    static int remoteWorld(int r) {
        return IntercommTest.remoteWorldRank(r);
    }

    static int me() {
        return WORLD.rank();
    }

    /** The root argument when the root is local rank 0 of group A (rootInA) or the last rank of B. */
    static int root(boolean rootInA) {
        boolean rootGroup = inA() == rootInA;
        int rootLocal = rootInA ? 0 : (rootGroup ? inter.size() : inter.remoteSize()) - 1;
        if (rootGroup) {
            return inter.rank() == rootLocal ? MPI.ROOT : MPI.PROC_NULL;
        }
        return rootLocal;
    }

    static MemorySegment seg(int[] a) {
        return a == null ? null : MemorySegment.ofArray(a);
    }

    /** Counts 1, 2, ..., n: process i's block has i + 1 elements. */
    static int[] growingCounts(int n) {
        int[] c = new int[n];
        Arrays.setAll(c, i -> i + 1);
        return c;
    }

    /** Displacements that put the blocks in reverse order, the last one first. */
    static int[] backwards(int[] counts) {
        int at = Arrays.stream(counts).sum();
        int[] d = new int[counts.length];
        for (int i = 0; i < counts.length; i++) {
            at -= counts[i];
            d[i] = at;
        }
        return d;
    }

    static void done(Request r) {
        if (r != null) {
            r.waitFor();
        }
    }

    @Test
    void barrierAndBcastReachTheOtherGroup() {
        if (single()) {
            return;
        }
        inter.barrier();
        inter.ibarrier().waitFor();
        for (boolean nb : new boolean[] {false, true}) {
            for (boolean rootInA : new boolean[] {true, false}) {
                int root = root(rootInA);
                int rootWorld = rootInA ? 0 : WORLD.size() - 1;
                int[] buf = root == MPI.ROOT ? new int[] {rootWorld, 7, 8} : root == MPI.PROC_NULL ? null : new int[3];
                if (nb) {
                    done(inter.ibcast(seg(buf), 3, Datatype.INT, root));
                } else {
                    inter.bcast(seg(buf), 3, Datatype.INT, root);
                }
                if (root >= 0) {
                    assertArrayEquals(new int[] {rootWorld, 7, 8}, buf);
                }
            }
        }
        // whole arrays too
        int root = root(true);
        double[] d = root == MPI.ROOT ? new double[] {1.5, 2.5} : new double[2];
        inter.bcast(d, root);
        if (root != MPI.PROC_NULL) {
            assertArrayEquals(new double[] {1.5, 2.5}, d);
        }
    }

    @Test
    void gatherAndGathervCollectTheOtherGroupAtTheRoot() {
        if (single()) {
            return;
        }
        for (boolean nb : new boolean[] {false, true}) {
            for (boolean rootInA : new boolean[] {true, false}) {
                int root = root(rootInA);
                int n = inter.remoteSize();
                // gather: two elements from each process of the other group
                int[] recv = root == MPI.ROOT ? new int[2 * n] : null;
                int[] send = root >= 0 ? new int[] {me(), 2 * me()} : null;
                if (nb) {
                    done(inter.igather(seg(send), 2, root >= 0 ? Datatype.INT : null, seg(recv), 2,
                            root == MPI.ROOT ? Datatype.INT : null, root));
                } else {
                    inter.gather(seg(send), 2, root >= 0 ? Datatype.INT : null, seg(recv), 2,
                            root == MPI.ROOT ? Datatype.INT : null, root);
                }
                if (root == MPI.ROOT) {
                    for (int i = 0; i < n; i++) {
                        assertEquals(remoteWorld(i), recv[2 * i]);
                        assertEquals(2 * remoteWorld(i), recv[2 * i + 1]);
                    }
                }
                // gatherv: remote rank i sends i + 1 copies of its world rank, placed from the end backwards
                int[] counts = null;
                int[] displs = null;
                int[] vrecv = null;
                if (root == MPI.ROOT) {
                    counts = growingCounts(n);
                    displs = backwards(counts);
                    vrecv = new int[n * (n + 1) / 2];
                }
                int[] vsend = null;
                if (root >= 0) {
                    vsend = new int[inter.rank() + 1];
                    Arrays.fill(vsend, me());
                }
                Datatype st = root >= 0 ? Datatype.INT : null;
                Datatype rt = root == MPI.ROOT ? Datatype.INT : null;
                long sc = vsend == null ? 0 : vsend.length;
                if (nb) {
                    done(inter.igatherv(seg(vsend), sc, st, seg(vrecv), counts, displs, rt, root));
                } else {
                    inter.gatherv(seg(vsend), sc, st, seg(vrecv), counts, displs, rt, root);
                }
                if (root == MPI.ROOT) {
                    for (int i = 0; i < n; i++) {
                        for (int k = 0; k < i + 1; k++) {
                            assertEquals(remoteWorld(i), vrecv[displs[i] + k], "block of remote rank " + i);
                        }
                    }
                }
            }
        }
    }

    @Test
    void scatterAndScattervDealTheRootsBlocksToTheOtherGroup() {
        if (single()) {
            return;
        }
        for (boolean nb : new boolean[] {false, true}) {
            for (boolean rootInA : new boolean[] {true, false}) {
                int root = root(rootInA);
                int n = inter.remoteSize();
                int rootWorld = rootInA ? 0 : WORLD.size() - 1;
                int[] send = null;
                if (root == MPI.ROOT) {
                    send = new int[2 * n];
                    for (int i = 0; i < n; i++) {
                        send[2 * i] = 1000 * me() + i;
                        send[2 * i + 1] = -i;
                    }
                }
                int[] recv = root >= 0 ? new int[2] : null;
                Datatype st = root == MPI.ROOT ? Datatype.INT : null;
                Datatype rt = root >= 0 ? Datatype.INT : null;
                if (nb) {
                    done(inter.iscatter(seg(send), 2, st, seg(recv), 2, rt, root));
                } else {
                    inter.scatter(seg(send), 2, st, seg(recv), 2, rt, root);
                }
                if (root >= 0) {
                    assertArrayEquals(new int[] {1000 * rootWorld + inter.rank(), -inter.rank()}, recv);
                }
                // scatterv: remote rank i gets i + 1 elements, taken from the end of the buffer backwards
                int[] counts = null;
                int[] displs = null;
                int[] vsend = null;
                if (root == MPI.ROOT) {
                    counts = growingCounts(n);
                    displs = backwards(counts);
                    vsend = new int[n * (n + 1) / 2];
                    for (int i = 0; i < n; i++) {
                        for (int k = 0; k <= i; k++) {
                            vsend[displs[i] + k] = 100 * i + k;
                        }
                    }
                }
                int[] vrecv = root >= 0 ? new int[inter.rank() + 1] : null;
                long rc = vrecv == null ? 0 : vrecv.length;
                if (nb) {
                    done(inter.iscatterv(seg(vsend), counts, displs, st, seg(vrecv), rc, rt, root));
                } else {
                    inter.scatterv(seg(vsend), counts, displs, st, seg(vrecv), rc, rt, root);
                }
                if (root >= 0) {
                    for (int k = 0; k < vrecv.length; k++) {
                        assertEquals(100 * inter.rank() + k, vrecv[k]);
                    }
                }
            }
        }
    }

    @Test
    void allgatherAndAllgathervExchangeAcrossTheGroups() {
        if (single()) {
            return;
        }
        int n = inter.remoteSize();
        for (boolean nb : new boolean[] {false, true}) {
            int[] recv = new int[2 * n];
            int[] send = {me(), -me()};
            if (nb) {
                done(inter.iallgather(seg(send), 2, Datatype.INT, seg(recv), 2, Datatype.INT));
            } else {
                inter.allgather(seg(send), 2, Datatype.INT, seg(recv), 2, Datatype.INT);
            }
            for (int i = 0; i < n; i++) {
                assertEquals(remoteWorld(i), recv[2 * i]);
                assertEquals(-remoteWorld(i), recv[2 * i + 1]);
            }
            // allgatherv: local rank r sends r + 1 copies of its world rank
            int[] vsend = new int[inter.rank() + 1];
            Arrays.fill(vsend, me());
            int[] counts = new int[n];
            int[] displs = new int[n];
            int total = 0;
            for (int i = 0; i < n; i++) {
                counts[i] = i + 1;
                displs[i] = total;
                total += i + 1;
            }
            int[] vrecv = new int[total];
            if (nb) {
                done(inter.iallgatherv(seg(vsend), vsend.length, Datatype.INT, seg(vrecv), counts, displs, Datatype.INT));
            } else {
                inter.allgatherv(seg(vsend), vsend.length, Datatype.INT, seg(vrecv), counts, displs, Datatype.INT);
            }
            for (int i = 0; i < n; i++) {
                for (int k = 0; k <= i; k++) {
                    assertEquals(remoteWorld(i), vrecv[displs[i] + k]);
                }
            }
        }
        // whole arrays: one element per remote process
        int[] all = new int[n];
        inter.allgather(new int[] {me() + 1}, all);
        for (int i = 0; i < n; i++) {
            assertEquals(remoteWorld(i) + 1, all[i]);
        }
    }

    @Test
    void alltoallVariantsSendABlockToEachRemoteProcess() {
        if (single()) {
            return;
        }
        int n = inter.remoteSize();
        for (boolean nb : new boolean[] {false, true}) {
            int[] send = new int[n];
            for (int j = 0; j < n; j++) {
                send[j] = 1000 * me() + remoteWorld(j);
            }
            int[] recv = new int[n];
            if (nb) {
                done(inter.ialltoall(seg(send), 1, Datatype.INT, seg(recv), 1, Datatype.INT));
            } else {
                inter.alltoall(seg(send), 1, Datatype.INT, seg(recv), 1, Datatype.INT);
            }
            for (int i = 0; i < n; i++) {
                assertEquals(1000 * remoteWorld(i) + me(), recv[i]);
            }
            // alltoallv: to remote rank j go j + 1 copies of (this world rank, j); from remote rank i
            // come (this local rank + 1) copies
            int[] sc = new int[n];
            int[] sd = new int[n];
            int stotal = 0;
            for (int j = 0; j < n; j++) {
                sc[j] = j + 1;
                sd[j] = stotal;
                stotal += j + 1;
            }
            int[] vsend = new int[stotal];
            for (int j = 0; j < n; j++) {
                Arrays.fill(vsend, sd[j], sd[j] + sc[j], 1000 * me() + j);
            }
            int mine = inter.rank() + 1;
            int[] rc = new int[n];
            int[] rd = new int[n];
            for (int i = 0; i < n; i++) {
                rc[i] = mine;
                rd[i] = i * mine;
            }
            int[] vrecv = new int[n * mine];
            if (nb) {
                done(inter.ialltoallv(seg(vsend), sc, sd, Datatype.INT, seg(vrecv), rc, rd, Datatype.INT));
            } else {
                inter.alltoallv(seg(vsend), sc, sd, Datatype.INT, seg(vrecv), rc, rd, Datatype.INT);
            }
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < mine; k++) {
                    assertEquals(1000 * remoteWorld(i) + inter.rank(), vrecv[rd[i] + k]);
                }
            }
            // alltoallw: the same exchange with byte displacements and one datatype per remote process
            int[] sdBytes = Arrays.stream(sd).map(x -> 4 * x).toArray();
            int[] rdBytes = Arrays.stream(rd).map(x -> 4 * x).toArray();
            Datatype[] types = new Datatype[n];
            Arrays.fill(types, Datatype.INT);
            int[] wrecv = new int[n * mine];
            if (nb) {
                done(inter.ialltoallw(seg(vsend), sc, sdBytes, types, seg(wrecv), rc, rdBytes, types));
            } else {
                inter.alltoallw(seg(vsend), sc, sdBytes, types, seg(wrecv), rc, rdBytes, types);
            }
            assertArrayEquals(vrecv, wrecv);
        }
    }

    @Test
    void reductionsCombineTheOtherGroupsContributions() {
        if (single()) {
            return;
        }
        int n = inter.remoteSize();
        int remoteSum = 0;
        for (int i = 0; i < n; i++) {
            remoteSum += remoteWorld(i);
        }
        for (boolean nb : new boolean[] {false, true}) {
            for (boolean rootInA : new boolean[] {true, false}) {
                int root = root(rootInA);
                int[] send = root >= 0 ? new int[] {me(), 1, -me()} : null;
                int[] recv = root == MPI.ROOT ? new int[3] : null;
                Datatype t = root == MPI.PROC_NULL ? null : Datatype.INT;
                if (nb) {
                    done(inter.ireduce(seg(send), seg(recv), 3, t, Op.SUM, root));
                } else {
                    inter.reduce(seg(send), seg(recv), 3, t, Op.SUM, root);
                }
                if (root == MPI.ROOT) {
                    assertArrayEquals(new int[] {remoteSum, n, -remoteSum}, recv);
                }
            }
            int[] all = new int[2];
            if (nb) {
                done(inter.iallreduce(seg(new int[] {me(), 1}), seg(all), 2, Datatype.INT, Op.SUM));
            } else {
                inter.allreduce(seg(new int[] {me(), 1}), seg(all), 2, Datatype.INT, Op.SUM);
            }
            assertArrayEquals(new int[] {remoteSum, n}, all);

            // reduce_scatter: both groups contribute vectors of 12 elements (12 splits among 1, 2 or 3
            // processes); each group scatters the other group's sum among its own processes
            int block = 12 / inter.size();
            int[] vec = new int[12];
            for (int k = 0; k < 12; k++) {
                vec[k] = 100 * me() + k;
            }
            int[] counts = new int[inter.size()];
            Arrays.fill(counts, block);
            int[] mine = new int[block];
            if (nb) {
                done(inter.ireduceScatter(seg(vec), seg(mine), counts, Datatype.INT, Op.SUM));
            } else {
                inter.reduceScatter(seg(vec), seg(mine), counts, Datatype.INT, Op.SUM);
            }
            for (int k = 0; k < block; k++) {
                int at = inter.rank() * block + k;
                assertEquals(100 * remoteSum + n * at, mine[k], "element " + at);
            }
            int[] mineBlock = new int[block];
            if (nb) {
                done(inter.ireduceScatterBlock(seg(vec), seg(mineBlock), block, Datatype.INT, Op.MAX));
            } else {
                inter.reduceScatterBlock(seg(vec), seg(mineBlock), block, Datatype.INT, Op.MAX);
            }
            int remoteMax = remoteWorld(n - 1);
            for (int k = 0; k < block; k++) {
                assertEquals(100 * remoteMax + inter.rank() * block + k, mineBlock[k]);
            }
        }
        // whole arrays
        long[] sum = new long[1];
        inter.allreduce(new long[] {me()}, sum, Op.SUM);
        assertEquals(remoteSum, sum[0]);
    }

    @Test
    void countsAndRootsAreCheckedAgainstTheRightGroup() {
        if (single()) {
            return;
        }
        int n = inter.remoteSize();
        // a local rank that is no remote rank, and roots an intracommunicator would take
        assertThrows(IllegalArgumentException.class, () -> inter.bcast(new int[1], n));
        assertThrows(IllegalArgumentException.class, () -> inter.bcast(new int[1], -5));
        // alltoallv counts: one per remote process
        assertThrows(IllegalArgumentException.class, () -> inter.alltoallv(seg(new int[4]), new int[n + 1],
                new int[n + 1], Datatype.INT, seg(new int[4]), new int[n + 1], new int[n + 1], Datatype.INT));
        // reduce_scatter counts: one per local process
        assertThrows(IllegalArgumentException.class, () -> inter.reduceScatter(seg(new int[4]), seg(new int[4]),
                new int[inter.size() + 1], Datatype.INT, Op.SUM));
        // the root's receive buffer must hold one block per remote process
        int root = root(true);
        if (root == MPI.ROOT) {
            assertThrows(IllegalArgumentException.class, () -> inter.gather(seg(null), 1, null,
                    seg(new int[n - 1 == 0 ? 0 : n - 1]), 1, Datatype.INT, root));
        }
    }
}
