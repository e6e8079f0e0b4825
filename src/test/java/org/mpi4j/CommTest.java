package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mpi4j.testing.MpiTest;

@MpiTest
class CommTest {
    private final Intracomm world = MPI.COMM_WORLD;

    @Test
    void ranksAreDistinctAroundTheRing() {
        int rank = world.rank();
        int size = world.size();
        assertTrue(rank >= 0 && rank < size);
        int[] mine = {rank};
        int[] fromPrev = new int[1];
        world.sendrecv(mine, (rank + 1) % size, 3, fromPrev, (rank + size - 1) % size, 3, null);
        assertEquals((rank + size - 1) % size, fromPrev[0]);
    }

    @Test
    void dupIsCongruentAndIndependent() {
        try (Intracomm dup = world.dup()) {
            assertEquals(Comparison.CONGRUENT, world.compare(dup));
            assertEquals(Comparison.IDENT, world.compare(world));
            assertEquals(world.rank(), dup.rank());
            assertEquals(world.size(), dup.size());
            assertFalse(dup.isPredefined());
            assertNotSame(world, dup);
        }
    }

    @Test
    void splitByParityOrdersByKey() {
        int rank = world.rank();
        int size = world.size();
        try (Intracomm half = world.split(rank % 2, -rank)) {
            int members = (size + (rank % 2 == 0 ? 1 : 0)) / 2;
            assertEquals(members, half.size());
            // keys are -rank: the highest world rank comes first
            int higherSameParity = 0;
            for (int r = rank + 2; r < size; r += 2) {
                higherSameParity++;
            }
            assertEquals(higherSameParity, half.rank());
            assertEquals(size == 1 ? Comparison.CONGRUENT : Comparison.UNEQUAL, world.compare(half));
        }
    }

    @Test
    void splitWithUndefinedColorGivesCommNull() {
        int rank = world.rank();
        Intracomm c = world.split(rank == 0 ? MPI.UNDEFINED : 1, 0);
        if (rank == 0) {
            assertSame(MPI.COMM_NULL, c);
        } else {
            assertEquals(world.size() - 1, c.size());
            c.free();
        }
    }

    @Test
    void splitTypeSharedKeepsOneNodeTogether() {
        try (Intracomm node = world.splitType(SplitType.SHARED, world.rank())) {
            assertEquals(world.size(), node.size());
            assertEquals(world.rank(), node.rank());
        }
        assertSame(MPI.COMM_NULL, world.splitType(SplitType.UNDEFINED, 0));
    }

    @Test
    void createFromSubgroupLeavesOthersWithCommNull() {
        int rank = world.rank();
        int size = world.size();
        try (Group all = world.group(); Group rest = size > 1 ? all.excl(0) : all.incl(0)) {
            Intracomm sub = world.create(rest);
            if (size > 1 && rank == 0) {
                assertSame(MPI.COMM_NULL, sub);
            } else {
                assertEquals(size > 1 ? size - 1 : 1, sub.size());
                assertEquals(size > 1 ? rank - 1 : 0, sub.rank());
                sub.free();
            }
        }
    }

    @Test
    void createGroupIsCalledByMembersOnly() {
        int rank = world.rank();
        try (Group all = world.group(); Group evens = all.rangeIncl(new Group.Range(0, world.size() - 1, 2))) {
            if (rank % 2 == 0) {
                try (Intracomm c = world.createGroup(evens, 7)) {
                    assertEquals(rank / 2, c.rank());
                    assertEquals(evens.size(), c.size());
                }
            }
        }
    }

    @Test
    void namesCanBeSetAndRead() {
        assertEquals("MPI_COMM_WORLD", world.getName());
        try (Intracomm dup = world.dup()) {
            dup.setName("solver");
            assertEquals("solver", dup.getName());
        }
    }

    @Test
    void intracommIsNotInter() {
        assertFalse(world.isInter());
    }

    @Test
    void freedCommunicatorThrowsOnUse() {
        Intracomm dup = world.dup();
        dup.rank();
        dup.free();
        assertTrue(dup.isFreed());
        assertThrows(IllegalStateException.class, dup::rank);
        assertThrows(IllegalStateException.class, dup::size);
        assertThrows(IllegalStateException.class, dup::barrier);
        dup.free(); // idempotent
    }

    @Test
    void barrierReturnsOnEveryRank() {
        for (int i = 0; i < 10; i++) {
            world.barrier();
        }
    }
}
