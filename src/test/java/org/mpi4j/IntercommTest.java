package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpi4j.testing.MpiTest;

/**
 * Intercommunicators between the two halves of COMM_WORLD (group A: ranks below size/2, group
 * B: the rest, so at 3 ranks the groups differ in size): creation, merge, point-to-point, object
 * collectives with MPI's root rules, and client/server. At 1 rank there is no second group: the
 * tests check what one process can (argument checks, names and ports).
 */
@MpiTest
class IntercommTest {
    static final Intracomm WORLD = MPI.COMM_WORLD;

    static int half() {
        return WORLD.size() / 2;
    }

    static boolean inA() {
        return WORLD.rank() < half();
    }

    /** The world rank of rank {@code r} of the remote group. */
    static int remoteWorldRank(int r) {
        return inA() ? half() + r : r;
    }

    static Intracomm local() {
        return WORLD.split(inA() ? 0 : 1, WORLD.rank());
    }

    static Intercomm halves(Intracomm local) {
        return local.createIntercomm(0, WORLD, inA() ? half() : 0, 7);
    }

    @Test
    void createGivesBothGroupsAndMergePutsTheLowGroupFirst() {
        assertFalse(WORLD.isInter());
        if (WORLD.size() < 2) {
            assertThrows(IllegalArgumentException.class, () -> WORLD.createIntercomm(0, WORLD, 0, 7));
            assertThrows(IllegalArgumentException.class, () -> WORLD.createIntercomm(1, WORLD, 0, 7));
            return;
        }
        try (Intracomm local = local(); Intercomm inter = halves(local)) {
            int a = half();
            int b = WORLD.size() - a;
            assertTrue(inter.isInter());
            assertEquals(inA() ? a : b, inter.size());
            assertEquals(inA() ? b : a, inter.remoteSize());
            assertEquals(local.rank(), inter.rank());
            try (Group remote = inter.remoteGroup(); Group world = WORLD.group()) {
                assertEquals(inter.remoteSize(), remote.size());
                int[] ranks = new int[remote.size()];
                for (int i = 0; i < ranks.length; i++) {
                    ranks[i] = i;
                }
                int[] inWorld = remote.translateRanks(ranks, world);
                for (int i = 0; i < ranks.length; i++) {
                    assertEquals(remoteWorldRank(i), inWorld[i]);
                }
            }
            // B asks to go high: A's ranks come first, so the merged ranks are the world ranks
            try (Intracomm merged = inter.merge(!inA())) {
                assertFalse(merged.isInter());
                assertEquals(WORLD.size(), merged.size());
                assertEquals(WORLD.rank(), merged.rank());
                int[] all = new int[WORLD.size()];
                merged.allgather(new int[] {WORLD.rank() * 10}, all);
                for (int i = 0; i < all.length; i++) {
                    assertEquals(i * 10, all[i]);
                }
            }
            try (Intercomm copy = inter.dup()) {
                assertTrue(copy.isInter());
                assertEquals(inter.remoteSize(), copy.remoteSize());
                assertEquals(Comparison.CONGRUENT, copy.compare(inter));
            }
        }
    }

    @Test
    void pointToPointRanksNameTheRemoteGroup() {
        if (WORLD.size() < 2) {
            assertTrue(MPI.parent().isNull(), "a process nobody spawned has no parent");
            return;
        }
        try (Intracomm local = local(); Intercomm inter = halves(local)) {
            int n = inter.remoteSize();
            List<Request> sends = new ArrayList<>();
            for (int r = 0; r < n; r++) {
                sends.add(inter.isend(new int[] {WORLD.rank(), r}, r, 3));
            }
            for (int r = 0; r < n; r++) {
                int[] got = new int[2];
                Status st = new Status();
                inter.recv(got, r, 3, st);
                assertEquals(remoteWorldRank(r), got[0], "sender's world rank");
                assertEquals(inter.rank(), got[1], "addressed to this rank of its remote group");
                assertEquals(r, st.source());
            }
            Request.waitAll(sends.toArray(Request[]::new));
            // objects too, and a rank of the local group's size that the remote group lacks is refused
            // local rank i and remote rank i pair up as far as the smaller group goes
            if (inter.rank() < n) {
                Object back = inter.sendrecvObject("from " + WORLD.rank(), inter.rank(), 4, inter.rank(), 4, null);
                assertEquals("from " + remoteWorldRank(inter.rank()), back);
            }
            assertThrows(IllegalArgumentException.class, () -> inter.send(new int[1], n, 0));
        }
    }

    @Test
    void objectCollectivesFollowTheRootRules() {
        if (WORLD.size() < 2) {
            assertThrows(IllegalStateException.class, () -> MPI.parent().bcastObject("x", MPI.ROOT));
            return;
        }
        try (Intracomm local = local(); Intercomm inter = halves(local)) {
            // A's rank 0 is the root; the rest of A passes PROC_NULL; B names the root's rank, 0
            int root = inA() ? (inter.rank() == 0 ? MPI.ROOT : MPI.PROC_NULL) : 0;
            boolean isRoot = root == MPI.ROOT;
            int a = half();
            int b = WORLD.size() - a;

            List<Integer> fromRoot = inter.bcastObject(isRoot ? List.of(1, 2, 3) : null, root);
            if (inA() && !isRoot) {
                assertNull(fromRoot);
            } else {
                assertEquals(List.of(1, 2, 3), fromRoot);
            }

            List<String> gathered = inter.gatherObject("w" + WORLD.rank(), root);
            if (isRoot) {
                assertEquals(b, gathered.size());
                for (int i = 0; i < b; i++) {
                    assertEquals("w" + (a + i), gathered.get(i));
                }
            } else {
                assertNull(gathered);
            }

            List<int[]> items = new ArrayList<>();
            for (int i = 0; i < b; i++) {
                items.add(new int[] {i, i * i});
            }
            int[] mine = inter.scatterObject(isRoot ? items : null, root);
            if (inA()) {
                assertNull(mine);
            } else {
                assertArrayEquals(new int[] {inter.rank(), inter.rank() * inter.rank()}, mine);
            }

            List<Integer> others = inter.allgatherObject(WORLD.rank());
            assertEquals(inter.remoteSize(), others.size());
            for (int i = 0; i < others.size(); i++) {
                assertEquals(remoteWorldRank(i), others.get(i));
            }

            List<String> out = new ArrayList<>();
            for (int j = 0; j < inter.remoteSize(); j++) {
                out.add(WORLD.rank() + "->" + remoteWorldRank(j));
            }
            List<String> in = inter.alltoallObject(out);
            for (int i = 0; i < in.size(); i++) {
                assertEquals(remoteWorldRank(i) + "->" + WORLD.rank(), in.get(i));
            }

            // non-commutative: the remote group's world ranks concatenated in rank order
            String reduced = inter.reduceObject(Integer.toString(WORLD.rank()), String::concat, root);
            StringBuilder bRanks = new StringBuilder();
            for (int i = a; i < WORLD.size(); i++) {
                bRanks.append(i);
            }
            assertEquals(isRoot ? bRanks.toString() : null, reduced);

            int sumOfOthers = inter.allreduceObject(WORLD.rank(), Integer::sum);
            int expected = 0;
            for (int i = 0; i < inter.remoteSize(); i++) {
                expected += remoteWorldRank(i);
            }
            assertEquals(expected, sumOfOthers);

            // a failure to serialize at the root reaches every process of both groups
            Object bad = isRoot ? List.of(Thread.currentThread()) : null;
            SerializationException e = assertThrows(SerializationException.class, () -> inter.bcastObject(bad, root));
            if (!isRoot) {
                assertTrue(e.getMessage().contains("another process"), e.getMessage());
            }
            // and a failure in the non-root group reaches the root's group
            Object worse = !inA() && inter.rank() == 0 ? Thread.currentThread() : "fine";
            assertThrows(SerializationException.class, () -> inter.gatherObject(worse, root));
            // roots outside MPI's rules are refused before any communication
            assertThrows(IllegalArgumentException.class, () -> inter.bcastObject("x", inter.remoteSize()));
            assertThrows(IllegalArgumentException.class, () -> inter.gatherObject("x", -7));
        }
    }

    @Test
    void clientAndServerConnectThroughAPublishedName() {
        String service = "mpi4j-intercomm-test";
        if (WORLD.size() < 2) {
            // one process cannot accept its own connection (Open MPI 4.1 waits for ever): names and ports only
            String port = MPI.openPort();
            try {
                MPI.publishName(service, port);
                assertEquals(port, MPI.lookupName(service));
                MPI.unpublishName(service, port);
                MpiException e = assertThrows(MpiException.class, () -> MPI.lookupName(service));
                assertEquals(ErrorClass.ERR_NAME, e.errorClass());
            } finally {
                MPI.closePort(port);
            }
            return;
        }
        try (Intracomm local = local()) {
            String port = null;
            if (inA() && local.rank() == 0) {
                port = MPI.openPort();
                MPI.publishName(service, port);
            }
            WORLD.barrier();
            if (!inA() && local.rank() == 0) {
                port = MPI.lookupName(service);
            }
            Intercomm inter = inA() ? local.accept(port, Info.NULL, 0) : local.connect(port, Info.NULL, 0);
            try {
                assertTrue(inter.isInter());
                assertEquals(WORLD.size() - local.size(), inter.remoteSize());
                List<Integer> others = inter.allgatherObject(WORLD.rank());
                for (int i = 0; i < others.size(); i++) {
                    assertEquals(remoteWorldRank(i), others.get(i));
                }
            } finally {
                inter.disconnect();
            }
            assertTrue(inter.isFreed());
            inter.disconnect();
            if (inA() && local.rank() == 0) {
                MPI.unpublishName(service, port);
                MPI.closePort(port);
            }
            WORLD.barrier();
        }
    }

    @Test
    void badArgumentsAreRefusedBeforeMpiSeesThem() {
        assertThrows(IllegalStateException.class, () -> MPI.COMM_WORLD.disconnect());
        assertThrows(IllegalStateException.class, () -> MPI.COMM_SELF.disconnect());
        assertThrows(IllegalStateException.class, () -> MPI.COMM_NULL.disconnect());
        assertThrows(IllegalStateException.class, () -> MPI.parent().disconnect());
        // refused at the root, and therefore at every process: nobody waits in the native call
        assertThrows(IllegalArgumentException.class, () -> WORLD.connect("no-such-port", Info.NULL, 0));
        assertThrows(IllegalArgumentException.class, () -> WORLD.accept("", Info.NULL, 0));
        assertThrows(IllegalArgumentException.class, () -> MPI.closePort("garbage"));
        assertThrows(NullPointerException.class, () -> MPI.lookupName(null));
        assertThrows(IllegalArgumentException.class,
                () -> WORLD.spawn("/bin/true", null, 0, Info.NULL, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WORLD.spawn("no-such-command-mpi4j", new String[] {"x"}, 1, Info.NULL, 0));
        assertTrue(e.getMessage().contains("no-such-command-mpi4j"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> WORLD.spawnMultiple(new String[] {"/bin/true"}, null, new int[] {1, 1}, null, 0, null));
        assertThrows(IllegalArgumentException.class, () -> WORLD.spawn("/bin/true", null, 1, Info.NULL, WORLD.size()));
        // a null program is refused at the root; everyone hears of it
        if (WORLD.rank() == 0) {
            assertThrows(NullPointerException.class, () -> WORLD.spawnJava(null, null, 1, Info.NULL, 0));
        } else {
            assertThrows(IllegalArgumentException.class, () -> WORLD.spawnJava(null, null, 1, Info.NULL, 0));
        }
        // a bad remote leader at the local leader makes the leader's whole group throw
        assertThrows(IllegalArgumentException.class, () -> WORLD.createIntercomm(0, WORLD, WORLD.size() + 3, 7));
    }
}
