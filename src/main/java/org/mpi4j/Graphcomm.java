package org.mpi4j;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import org.mpi4j.ffi.mpi_h;
import org.mpi4j.internal.Scratch;

/**
 * A communicator with a general graph topology ({@code MPI_Graph_create}): every process knows the
 * whole graph, given in MPI's compressed form. Node {@code i}'s neighbours are
 * {@code edges[index[i-1] .. index[i])} ({@code index[-1]} being 0). Made by
 * {@link Intracomm#createGraph}; for large graphs prefer {@link Distgraphcomm}, where each process
 * names only its own edges.
 */
public final class Graphcomm extends Topocomm {
    /**
     * {@link Comm#fromHandle} for a handle known to be a communicator with a graph topology
     * (borrowed, as there).
     *
     * @throws IllegalArgumentException if it is not a valid handle of one
     */
    public static Graphcomm fromHandle(MemorySegment handle) {
        return as(Comm.fromHandle(handle), Graphcomm.class);
    }

    /** {@link Comm#fromFortran} for a communicator with a graph topology. */
    public static Graphcomm fromFortran(int fortranHandle) {
        return as(Comm.fromFortran(fortranHandle), Graphcomm.class);
    }

    /** What {@link Intracomm#createGraph} returns on the processes the graph leaves out. */
    static final Graphcomm NULL = new Graphcomm(nullHandle(), true, true);

    Graphcomm(MemorySegment handle) {
        super(handle, false, false);
    }

    private Graphcomm(MemorySegment handle, boolean predefined, boolean isNull) {
        super(handle, predefined, isNull);
    }

    /** {@code MPI_Graphdims_get}: the number of nodes and of (directed) edges. */
    public record Dims(int nodes, int edges) {
    }

    /** {@code MPI_Graph_get}: the graph as it was given to {@link Intracomm#createGraph}. */
    public record Topo(int[] index, int[] edges) {
        @Override
        public String toString() {
            return "Topo[index=" + Arrays.toString(index) + ", edges=" + Arrays.toString(edges) + "]";
        }
    }

    static Graphcomm create(Intracomm comm, int[] index, int[] edges, boolean reorder) {
        checkGraph(comm, index, edges);
        Scratch s = Scratch.get();
        try (Arena arena = Arena.ofConfined()) {
            Errors.check(mpi_h.MPI_Graph_create(comm.handle(), index.length, ints(arena, index), ints(arena, edges),
                    reorder ? 1 : 0, s.handle0), "MPI_Graph_create");
        }
        return made(s.handle0, NULL, Graphcomm.class);
    }

    private static void checkGraph(Intracomm comm, int[] index, int[] edges) {
        Errors.checkNotNull(index, "index");
        Errors.checkNotNull(edges, "edges");
        int nodes = index.length;
        if (nodes > comm.size()) {
            throw new IllegalArgumentException("a graph of " + nodes + " nodes needs more processes than the"
                    + " communicator's " + comm.size());
        }
        int prev = 0;
        for (int i = 0; i < nodes; i++) {
            if (index[i] < prev) {
                throw new IllegalArgumentException("index must be non-decreasing from 0: index[" + i + "] = "
                        + index[i] + " after " + prev);
            }
            prev = index[i];
        }
        if (edges.length != prev) {
            throw new IllegalArgumentException("index ends at " + prev + " edges, but edges has " + edges.length);
        }
        for (int k = 0; k < edges.length; k++) {
            if (edges[k] < 0 || edges[k] >= nodes) {
                throw new IllegalArgumentException("edges[" + k + "] = " + edges[k] + " is not a node of this "
                        + nodes + "-node graph");
            }
        }
    }

    /**
     * {@code MPI_Graph_map}: the rank the calling process of {@code comm} would have in this graph
     * (the one {@link Intracomm#createGraph} with reordering would give it), or {@link MPI#UNDEFINED}.
     */
    public static int map(Intracomm comm, int[] index, int[] edges) {
        Errors.checkNotNull(comm, "communicator");
        checkGraph(comm, index, edges);
        Scratch s = Scratch.get();
        try (Arena arena = Arena.ofConfined()) {
            Errors.check(mpi_h.MPI_Graph_map(comm.handle(), index.length, ints(arena, index), ints(arena, edges),
                    s.int0), "MPI_Graph_map");
        }
        // Open MPI 4.1 answers every process's own rank, those beyond the graph's nodes too
        return s.int0() >= index.length ? MPI.UNDEFINED : s.int0();
    }

    /** {@code MPI_Comm_dup}: a new communicator with the same graph. Collective. */
    @Override
    public Graphcomm dup() {
        return (Graphcomm) super.dup();
    }

    /** {@code MPI_Graphdims_get}. */
    public Dims dims() {
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Graphdims_get(handle(), s.int0, s.int1), "MPI_Graphdims_get");
        return new Dims(s.int0(), s.int1());
    }

    /** {@code MPI_Graph_get}: the whole graph. */
    public Topo topo() {
        Dims d = dims();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment index = room(arena, d.nodes());
            MemorySegment edges = room(arena, d.edges());
            Errors.check(mpi_h.MPI_Graph_get(handle(), d.nodes(), d.edges(), index, edges), "MPI_Graph_get");
            return new Topo(read(index, d.nodes()), read(edges, d.edges()));
        }
    }

    /** {@code MPI_Graph_neighbors_count}: how many neighbours process {@code rank} has. */
    public int neighborCount(int rank) {
        checkRank(rank);
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Graph_neighbors_count(handle(), rank, s.int0), "MPI_Graph_neighbors_count");
        return s.int0();
    }

    /** {@code MPI_Graph_neighbors}: the neighbours of process {@code rank}, in the order of the edges. */
    public int[] neighbors(int rank) {
        int n = neighborCount(rank);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment e = room(arena, n);
            Errors.check(mpi_h.MPI_Graph_neighbors(handle(), rank, n, e), "MPI_Graph_neighbors");
            return read(e, n);
        }
    }

    @Override
    int[] queryDegrees() {
        int n = neighborCount(rank());
        return new int[] {n, n};
    }

    /** This process's neighbours: it receives from each. */
    @Override
    public int[] inEdges() {
        return neighbors(rank());
    }

    /** This process's neighbours: it sends to each. */
    @Override
    public int[] outEdges() {
        return neighbors(rank());
    }

    @Override
    public String toString() {
        return isNull() ? "Graphcomm[null]" : isFreed() ? "Graphcomm[freed]" : "Graphcomm" + topo();
    }
}
