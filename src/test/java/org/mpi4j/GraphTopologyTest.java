package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mpi4j.testing.MpiTest;

/** Graph and distributed-graph topologies: construction, queries, dup, weights and bad input. */
@MpiTest
class GraphTopologyTest {
    private final Intracomm world = MPI.COMM_WORLD;
    private final int rank = world.rank();
    private final int size = world.size();
    private final int prev = (rank - 1 + size) % size;
    private final int next = (rank + 1) % size;

    /** A star: node 0 is linked to every other node (each other node to node 0 alone). */
    static int[][] star(int n) {
        int[] index = new int[n];
        int[] edges = new int[2 * (n - 1)];
        int e = 0;
        for (int i = 1; i < n; i++) {
            edges[e++] = i;
        }
        index[0] = n - 1;
        for (int i = 1; i < n; i++) {
            edges[e++] = 0;
            index[i] = e;
        }
        return new int[][] {index, edges};
    }

    @Test
    void graphAnswersItsShapeAndEveryNodesNeighbours() {
        int[][] g = star(size);
        try (Graphcomm c = world.createGraph(g[0], g[1], false)) {
            assertEquals(Topology.GRAPH, c.topoTest());
            assertEquals(new Graphcomm.Dims(size, 2 * (size - 1)), c.dims());
            Graphcomm.Topo t = c.topo();
            assertArrayEquals(g[0], t.index());
            assertArrayEquals(g[1], t.edges());
            assertEquals(size - 1, c.neighborCount(0));
            int[] others = new int[size - 1];
            for (int i = 1; i < size; i++) {
                others[i - 1] = i;
                assertEquals(1, c.neighborCount(i));
                assertArrayEquals(new int[] {0}, c.neighbors(i));
            }
            assertArrayEquals(others, c.neighbors(0));
            int mine = rank == 0 ? size - 1 : 1;
            assertEquals(mine, c.inDegree());
            assertEquals(mine, c.outDegree());
            assertArrayEquals(c.neighbors(rank), c.inEdges());
            assertArrayEquals(c.neighbors(rank), c.outEdges());
            assertThrows(IllegalArgumentException.class, () -> c.neighbors(size));
            assertThrows(IllegalArgumentException.class, () -> c.neighborCount(-1));
        }
    }

    @Test
    void graphSurvivesDupAndLeavesOutProcessesBeyondItsNodes() {
        int n = Math.max(1, size - 1);
        int[][] g = star(n);
        Graphcomm c = world.createGraph(g[0], g[1], false);
        if (rank < n) {
            try (Graphcomm d = c.dup(); Intracomm d2 = ((Intracomm) c).dup()) {
                assertEquals(Topology.GRAPH, d.topoTest());
                assertArrayEquals(g[1], d.topo().edges());
                assertInstanceOf(Graphcomm.class, d2);
            }
            c.free();
        } else {
            assertTrue(c.isNull());
        }
        assertEquals(rank < n ? rank : MPI.UNDEFINED, Graphcomm.map(world, g[0], g[1]));
    }

    @Test
    void createGraphRefusesMalformedGraphs() {
        assertThrows(IllegalArgumentException.class, () -> world.createGraph(new int[size + 1], new int[0], false));
        assertThrows(IllegalArgumentException.class, () -> world.createGraph(new int[] {1}, new int[0], false));
        assertThrows(IllegalArgumentException.class, () -> world.createGraph(new int[] {1}, new int[] {0, 0}, false));
        assertThrows(IllegalArgumentException.class, () -> world.createGraph(new int[] {1}, new int[] {1}, false));
        assertThrows(IllegalArgumentException.class, () -> world.createGraph(new int[] {1}, new int[] {-1}, false));
        if (size >= 2) {
            assertThrows(IllegalArgumentException.class,
                    () -> world.createGraph(new int[] {2, 1}, new int[] {1, 1}, false));
        }
        assertThrows(NullPointerException.class, () -> world.createGraph(null, new int[0], false));
        assertThrows(IllegalArgumentException.class, () -> Graphcomm.map(world, new int[] {1}, new int[] {3}));
    }

    @Test
    void adjacentRingIsUnweightedWithOneSourceAndOneDestination() {
        try (Distgraphcomm ring = world.createDistGraphAdjacent(new int[] {prev}, new int[] {next}, false)) {
            assertEquals(Topology.DIST_GRAPH, ring.topoTest());
            assertFalse(ring.isWeighted());
            assertEquals(1, ring.inDegree());
            assertEquals(1, ring.outDegree());
            Distgraphcomm.Neighbors nb = ring.neighbors();
            assertArrayEquals(new int[] {prev}, nb.sources());
            assertArrayEquals(new int[] {next}, nb.destinations());
            assertNull(nb.sourceWeights());
            assertNull(nb.destWeights());
            assertArrayEquals(new int[] {prev}, ring.inEdges());
            assertArrayEquals(new int[] {next}, ring.outEdges());
            try (Distgraphcomm d = ring.dup()) {
                assertArrayEquals(new int[] {next}, d.outEdges());
            }
        }
    }

    @Test
    void adjacentGraphKeepsWeightsAndInfo() {
        try (Info info = Info.of(java.util.Map.of("mpi4j_hint", "none"));
                Distgraphcomm g = world.createDistGraphAdjacent(new int[] {prev, next}, new int[] {10 + prev, 20 + next},
                        new int[] {next, prev}, new int[] {10 + rank, 20 + rank}, info, false)) {
            assertTrue(g.isWeighted());
            Distgraphcomm.Neighbors nb = g.neighbors();
            assertArrayEquals(new int[] {prev, next}, nb.sources());
            assertArrayEquals(new int[] {10 + prev, 20 + next}, nb.sourceWeights());
            assertArrayEquals(new int[] {next, prev}, nb.destinations());
            assertArrayEquals(new int[] {10 + rank, 20 + rank}, nb.destWeights());
        }
    }

    @Test
    void emptyWeightsArrayIsAWeightedProcessWithoutEdges() {
        // rank 0 has no neighbours at all but takes part in a weighted graph; the others form a chain
        boolean inChain = rank > 0;
        int[] src = inChain && rank > 1 ? new int[] {rank - 1} : new int[0];
        int[] dst = inChain && rank < size - 1 ? new int[] {rank + 1} : new int[0];
        int[] srcW = src.length == 0 ? new int[0] : new int[] {rank - 1};
        int[] dstW = dst.length == 0 ? new int[0] : new int[] {rank};
        try (Distgraphcomm g = world.createDistGraphAdjacent(src, srcW, dst, dstW, null, false)) {
            assertTrue(g.isWeighted());
            Distgraphcomm.Neighbors nb = g.neighbors();
            assertArrayEquals(src, nb.sources());
            assertArrayEquals(srcW, nb.sourceWeights());
            assertArrayEquals(dst, nb.destinations());
            assertArrayEquals(dstW, nb.destWeights());
        }
    }

    @Test
    void generalCreateFromOneProcessBuildsTheRingEverywhere() {
        // rank 0 names every edge i -> i+1 with weight 100 + i; the others name none (weights empty)
        int[] sources = rank == 0 ? new int[size] : new int[0];
        int[] degrees = rank == 0 ? new int[size] : new int[0];
        int[] dests = rank == 0 ? new int[size] : new int[0];
        int[] weights = rank == 0 ? new int[size] : new int[0];
        for (int i = 0; i < sources.length; i++) {
            sources[i] = i;
            degrees[i] = 1;
            dests[i] = (i + 1) % size;
            weights[i] = 100 + i;
        }
        try (Distgraphcomm g = world.createDistGraph(sources, degrees, dests, weights, Info.NULL, false)) {
            assertTrue(g.isWeighted());
            Distgraphcomm.Neighbors nb = g.neighbors();
            assertArrayEquals(new int[] {prev}, nb.sources());
            assertArrayEquals(new int[] {100 + prev}, nb.sourceWeights());
            assertArrayEquals(new int[] {next}, nb.destinations());
            assertArrayEquals(new int[] {100 + rank}, nb.destWeights());
        }
        try (Distgraphcomm g = world.createDistGraph(new int[] {rank}, new int[] {1}, new int[] {next}, false)) {
            assertFalse(g.isWeighted());
            assertArrayEquals(new int[] {prev}, g.inEdges());
            assertArrayEquals(new int[] {next}, g.outEdges());
        }
    }

    @Test
    void distGraphConstructorsRefuseBadInputBeforeCallingMpi() {
        assertThrows(IllegalArgumentException.class,
                () -> world.createDistGraphAdjacent(new int[] {size}, new int[0], false));
        assertThrows(IllegalArgumentException.class,
                () -> world.createDistGraphAdjacent(new int[0], new int[] {-1}, false));
        assertThrows(IllegalArgumentException.class,
                () -> world.createDistGraphAdjacent(new int[] {0}, new int[] {1, 2}, new int[0], new int[0], null, false));
        assertThrows(IllegalArgumentException.class,
                () -> world.createDistGraphAdjacent(new int[] {0}, new int[] {1}, new int[0], null, null, false));
        assertThrows(IllegalArgumentException.class,
                () -> world.createDistGraphAdjacent(new int[] {0}, new int[] {-5}, new int[0], new int[0], null, false));
        assertThrows(IllegalArgumentException.class,
                () -> world.createDistGraph(new int[] {0}, new int[] {1, 1}, new int[] {0}, false));
        assertThrows(IllegalArgumentException.class,
                () -> world.createDistGraph(new int[] {0}, new int[] {2}, new int[] {0}, false));
        assertThrows(IllegalArgumentException.class,
                () -> world.createDistGraph(new int[] {0}, new int[] {-1}, new int[0], false));
        assertThrows(IllegalArgumentException.class,
                () -> world.createDistGraph(new int[] {0}, new int[] {1}, new int[] {size}, false));
        assertThrows(IllegalArgumentException.class,
                () -> world.createDistGraph(new int[] {0}, new int[] {1}, new int[] {0}, new int[0], null, false));
        assertThrows(NullPointerException.class, () -> world.createDistGraphAdjacent(null, new int[0], false));
    }
}
