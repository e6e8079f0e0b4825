package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.mpi4j.testing.MpiTest;

@MpiTest
class GroupTest {
    private final Intracomm world = MPI.COMM_WORLD;

    @Test
    void worldGroupMatchesTheCommunicator() {
        try (Group g = world.group()) {
            assertEquals(world.size(), g.size());
            assertEquals(world.rank(), g.rank());
        }
    }

    @Test
    void inclInReverseOrderReversesRanks() {
        int n = world.size();
        int[] reversed = IntStream.range(0, n).map(i -> n - 1 - i).toArray();
        try (Group g = world.group(); Group r = g.incl(reversed)) {
            assertEquals(n - 1 - world.rank(), r.rank());
            assertEquals(n == 1 ? Comparison.IDENT : Comparison.SIMILAR, g.compare(r));
        }
    }

    @Test
    void exclRemovesMembers() {
        try (Group g = world.group(); Group rest = g.excl(0)) {
            assertEquals(world.size() - 1, rest.size());
            assertEquals(world.rank() == 0 ? MPI.UNDEFINED : world.rank() - 1, rest.rank());
        }
    }

    @Test
    void rangesSelectStridedRanks() {
        int n = world.size();
        try (Group g = world.group(); Group evens = g.rangeIncl(new Group.Range(0, n - 1, 2));
                Group odds = g.rangeExcl(new Group.Range(0, n - 1, 2))) {
            assertEquals((n + 1) / 2, evens.size());
            assertEquals(n / 2, odds.size());
            assertEquals(world.rank() % 2 == 0 ? world.rank() / 2 : MPI.UNDEFINED, evens.rank());
            try (Group both = evens.union(odds); Group none = evens.intersection(odds);
                    Group evensAgain = g.difference(odds)) {
                assertEquals(n, both.size());
                assertEquals(0, none.size());
                assertEquals(Comparison.IDENT, evensAgain.compare(evens));
            }
        }
    }

    @Test
    void translateRanksMapsBetweenGroups() {
        int n = world.size();
        int[] reversed = IntStream.range(0, n).map(i -> n - 1 - i).toArray();
        try (Group g = world.group(); Group r = g.incl(reversed)) {
            int[] all = IntStream.range(0, n).toArray();
            assertArrayEquals(reversed, g.translateRanks(all, r));
        }
        try (Group g = world.group(); Group first = g.incl(0)) {
            int[] t = g.translateRanks(new int[] {n - 1}, first);
            assertEquals(n == 1 ? 0 : MPI.UNDEFINED, t[0]);
        }
    }

    @Test
    void emptyGroupHasNoMembers() {
        assertEquals(0, Group.EMPTY.size());
        assertEquals(MPI.UNDEFINED, Group.EMPTY.rank());
        try (Group g = world.group(); Group none = g.excl(IntStream.range(0, world.size()).toArray())) {
            assertEquals(0, none.size());
            assertEquals(Comparison.IDENT, none.compare(Group.EMPTY));
        }
    }

    @Test
    void badArgumentsAreRejectedBeforeMpi() {
        try (Group g = world.group()) {
            assertThrows(IllegalArgumentException.class, () -> g.incl(world.size()));
            assertThrows(IllegalArgumentException.class, () -> g.excl(-1));
            assertThrows(NullPointerException.class, () -> g.union(null));
            assertThrows(IllegalArgumentException.class, () -> new Group.Range(0, 3, 0));
        }
    }

    @Test
    void freedGroupThrowsOnUse() {
        Group g = world.group();
        g.free();
        assertThrows(IllegalStateException.class, g::size);
        g.close();
    }
}
