package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mpi4j.testing.MpiTest;

/** Cartesian topologies: grids, coordinates, shifts, sub-grids, dup, and the checks of bad input. */
@MpiTest
class CartcommTest {
    private final Intracomm world = MPI.COMM_WORLD;
    private final int rank = world.rank();
    private final int size = world.size();

    /** A 2-D grid over all processes, periodic along dimension 0 only. */
    private Cartcomm grid() {
        return world.createCart(Cartcomm.dimsCreate(size, 2), new boolean[] {true, false}, false);
    }

    @Test
    void dimsCreateBalancesTheGridAndKeepsFixedDimensions() {
        assertArrayEquals(new int[] {3, 2}, Cartcomm.dimsCreate(6, 2));
        assertArrayEquals(new int[] {2, 2}, Cartcomm.dimsCreate(4, new int[] {0, 0}));
        assertArrayEquals(new int[] {2, 3, 2}, Cartcomm.dimsCreate(12, new int[] {0, 3, 0}));
        assertArrayEquals(new int[] {7}, Cartcomm.dimsCreate(7, 1));
        int[] fixed = {0, 3};
        assertArrayEquals(new int[] {2, 3}, Cartcomm.dimsCreate(6, fixed));
        assertArrayEquals(new int[] {0, 3}, fixed, "the argument is left alone");
        int[] d = Cartcomm.dimsCreate(size, 2);
        assertEquals(size, d[0] * d[1]);
        assertTrue(d[0] >= d[1]);
    }

    @Test
    void dimsCreateRefusesDimsThatCannotMultiplyToTheSize() {
        assertThrows(IllegalArgumentException.class, () -> Cartcomm.dimsCreate(6, new int[] {4, 0}));
        assertThrows(IllegalArgumentException.class, () -> Cartcomm.dimsCreate(6, new int[] {2, 2}));
        assertThrows(IllegalArgumentException.class, () -> Cartcomm.dimsCreate(6, new int[] {-1, 0}));
        assertThrows(IllegalArgumentException.class, () -> Cartcomm.dimsCreate(0, 2));
        assertThrows(IllegalArgumentException.class, () -> Cartcomm.dimsCreate(4, -1));
        assertThrows(NullPointerException.class, () -> Cartcomm.dimsCreate(4, null));
    }

    @Test
    void coordinatesAreRowMajorAndRankInvertsThem() {
        try (Cartcomm g = grid()) {
            int[] dims = g.dims();
            assertEquals(Topology.CART, g.topoTest());
            assertEquals(2, g.ndims());
            assertArrayEquals(new boolean[] {true, false}, g.periods());
            assertEquals(size, g.size());
            for (int r = 0; r < size; r++) {
                assertArrayEquals(new int[] {r / dims[1], r % dims[1]}, g.coords(r), "coords of " + r);
                assertEquals(r, g.rank(g.coords(r)));
            }
            Cartcomm.Topo t = g.topo();
            assertArrayEquals(dims, t.dims());
            assertArrayEquals(new boolean[] {true, false}, t.periods());
            assertArrayEquals(g.coords(g.rank()), t.coords());
            assertArrayEquals(t.coords(), g.coords());
        }
    }

    @Test
    void rankWrapsPeriodicCoordinatesAndRefusesOthersOutOfRange() {
        try (Cartcomm g = grid()) {
            int[] dims = g.dims();
            assertEquals(g.rank(new int[] {dims[0] - 1, 0}), g.rank(new int[] {-1, 0}));
            assertEquals(g.rank(new int[] {0, dims[1] - 1}), g.rank(new int[] {dims[0], dims[1] - 1}));
            assertThrows(IllegalArgumentException.class, () -> g.rank(new int[] {0, dims[1]}));
            assertThrows(IllegalArgumentException.class, () -> g.rank(new int[] {0, -1}));
            assertThrows(IllegalArgumentException.class, () -> g.rank(new int[] {0}));
            assertThrows(IllegalArgumentException.class, () -> g.coords(size));
            assertThrows(IllegalArgumentException.class, () -> g.coords(-1));
        }
    }

    @Test
    void shiftWrapsOnPeriodicDimensionsAndGivesProcNullAtEdges() {
        try (Cartcomm g = grid()) {
            int[] dims = g.dims();
            int[] c = g.coords();
            Cartcomm.Shift s0 = g.shift(0, 1);
            assertEquals(g.rank(new int[] {(c[0] - 1 + dims[0]) % dims[0], c[1]}), s0.source());
            assertEquals(g.rank(new int[] {(c[0] + 1) % dims[0], c[1]}), s0.dest());
            Cartcomm.Shift s1 = g.shift(1, 1);
            assertEquals(c[1] == 0 ? MPI.PROC_NULL : g.rank(new int[] {c[0], c[1] - 1}), s1.source());
            assertEquals(c[1] == dims[1] - 1 ? MPI.PROC_NULL : g.rank(new int[] {c[0], c[1] + 1}), s1.dest());
            Cartcomm.Shift back = g.shift(1, -1);
            assertEquals(new Cartcomm.Shift(s1.dest(), s1.source()), back);
            assertThrows(IllegalArgumentException.class, () -> g.shift(2, 1));
            assertThrows(IllegalArgumentException.class, () -> g.shift(-1, 1));
        }
    }

    @Test
    void neighboursAreTheShiftsOfEachDimension() {
        try (Cartcomm g = grid()) {
            assertEquals(4, g.inDegree());
            assertEquals(4, g.outDegree());
            Cartcomm.Shift s0 = g.shift(0, 1);
            Cartcomm.Shift s1 = g.shift(1, 1);
            int[] expected = {s0.source(), s0.dest(), s1.source(), s1.dest()};
            assertArrayEquals(expected, g.inEdges());
            assertArrayEquals(expected, g.outEdges());
        }
    }

    @Test
    void processesOutsideTheGridGetANullCommunicator() {
        int n = Math.max(1, size - 1);
        Cartcomm g = world.createCart(new int[] {n}, new boolean[] {false}, false);
        if (rank < n) {
            assertFalse(g.isNull());
            assertEquals(n, g.size());
            assertArrayEquals(new int[] {rank}, g.coords());
            g.free();
        } else {
            assertTrue(g.isNull());
            assertThrows(IllegalStateException.class, g::dims);
        }
    }

    @Test
    void subKeepsTheRemainingDimensions() {
        try (Cartcomm g = grid()) {
            int[] dims = g.dims();
            int[] c = g.coords();
            try (Cartcomm row = g.sub(new boolean[] {false, true}); Cartcomm col = g.sub(new boolean[] {true, false})) {
                assertArrayEquals(new int[] {dims[1]}, row.dims());
                assertArrayEquals(new boolean[] {false}, row.periods());
                assertArrayEquals(new int[] {c[1]}, row.coords());
                assertArrayEquals(new int[] {dims[0]}, col.dims());
                assertArrayEquals(new boolean[] {true}, col.periods());
                assertArrayEquals(new int[] {c[0]}, col.coords());
                // the members of a row share its first coordinate
                int[] firsts = new int[dims[1]];
                row.allgather(new int[] {c[0]}, firsts);
                for (int f : firsts) {
                    assertEquals(c[0], f);
                }
            }
            assertThrows(IllegalArgumentException.class, () -> g.sub(new boolean[] {true}));
        }
    }

    @Test
    void dupKeepsTheTopologyAndItsClass() {
        try (Cartcomm g = grid(); Cartcomm d = g.dup()) {
            assertEquals(Topology.CART, d.topoTest());
            assertArrayEquals(g.dims(), d.dims());
            assertEquals(Comparison.CONGRUENT, g.compare(d));
            Intracomm asIntra = g;
            try (Intracomm d2 = asIntra.dup()) {
                assertInstanceOf(Cartcomm.class, d2);
            }
        }
        try (Cartcomm g = grid()) {
            Comm foreign = Comm.fromHandle(g.toHandle());
            assertInstanceOf(Cartcomm.class, foreign);
            assertArrayEquals(g.dims(), ((Cartcomm) foreign).dims());
        }
        try (Intracomm plain = world.dup()) {
            assertEquals(Topology.UNDEFINED, plain.topoTest());
            assertFalse(plain instanceof Topocomm);
        }
        assertEquals(Topology.UNDEFINED, world.topoTest());
    }

    @Test
    void everyIntracommCallWorksOnAGrid() {
        try (Cartcomm g = grid()) {
            int[] sum = new int[1];
            g.allreduce(new int[] {g.rank() + 1}, sum, Op.SUM);
            assertEquals(size * (size + 1) / 2, sum[0]);
            int[] b = {rank == 0 ? 42 : 0};
            g.bcast(b, 0);
            assertEquals(42, b[0]);
            Cartcomm.Shift s = g.shift(0, 1);
            int[] got = new int[1];
            g.sendrecv(java.lang.foreign.MemorySegment.ofArray(new int[] {g.rank()}), s.dest(), 7,
                    java.lang.foreign.MemorySegment.ofArray(got), s.source(), 7, null);
            assertEquals(s.source(), got[0]);
            try (Intracomm half = g.split(g.rank() % 2, 0)) {
                assertEquals(Topology.UNDEFINED, half.topoTest());
            }
        }
    }

    @Test
    void mapGivesTheRankInTheGridOrUndefined() {
        int m = Cartcomm.map(world, new int[] {1}, new boolean[] {false});
        assertEquals(rank == 0 ? 0 : MPI.UNDEFINED, m);
        int all = Cartcomm.map(world, new int[] {size}, new boolean[] {true});
        assertTrue(all >= 0 && all < size);
        assertThrows(IllegalArgumentException.class, () -> Cartcomm.map(world, new int[] {size + 1},
                new boolean[] {false}));
    }

    @Test
    void createCartRefusesBadGridsBeforeCallingMpi() {
        assertThrows(IllegalArgumentException.class,
                () -> world.createCart(new int[] {size + 1}, new boolean[] {false}, false));
        assertThrows(IllegalArgumentException.class,
                () -> world.createCart(new int[] {size, 2}, new boolean[] {false, false}, false));
        assertThrows(IllegalArgumentException.class,
                () -> world.createCart(new int[] {0}, new boolean[] {false}, false));
        assertThrows(IllegalArgumentException.class,
                () -> world.createCart(new int[] {-1}, new boolean[] {false}, false));
        assertThrows(IllegalArgumentException.class,
                () -> world.createCart(new int[] {1, 1}, new boolean[] {false}, false));
        assertThrows(NullPointerException.class, () -> world.createCart(null, new boolean[0], false));
    }

    @Test
    void aFreedGridRefusesUse() {
        Cartcomm g = grid();
        g.free();
        assertThrows(IllegalStateException.class, g::ndims);
        assertThrows(IllegalStateException.class, () -> g.shift(0, 1));
        assertThrows(IllegalStateException.class, g::inDegree);
        g.free();
    }
}
