package org.mpi4j;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import org.mpi4j.ffi.mpi_h;
import org.mpi4j.internal.OpenMpiAbi;
import org.mpi4j.internal.Scratch;

/**
 * A communicator with a distributed graph topology: each process knows only its own in-neighbours
 * (sources) and out-neighbours (destinations), optionally with integer weights. Made by
 * {@link Intracomm#createDistGraphAdjacent} (each process lists its own neighbours) or
 * {@link Intracomm#createDistGraph} (any process may name any edges).
 *
 * <p>Weights: {@code null} for an unweighted graph ({@code MPI_UNWEIGHTED}); an empty array from a
 * process without edges on that side of a weighted graph ({@code MPI_WEIGHTS_EMPTY}).
 */
public final class Distgraphcomm extends Topocomm {
    /**
     * {@link Comm#fromHandle} for a handle known to be a communicator with a distributed graph topology
     * (borrowed, as there).
     *
     * @throws IllegalArgumentException if it is not a valid handle of one
     */
    public static Distgraphcomm fromHandle(MemorySegment handle) {
        return as(Comm.fromHandle(handle), Distgraphcomm.class);
    }

    /** {@link Comm#fromFortran} for a communicator with a distributed graph topology. */
    public static Distgraphcomm fromFortran(int fortranHandle) {
        return as(Comm.fromFortran(fortranHandle), Distgraphcomm.class);
    }

    /** What the constructors return where MPI returns {@code MPI_COMM_NULL}. */
    static final Distgraphcomm NULL = new Distgraphcomm(nullHandle(), true, true);

    Distgraphcomm(MemorySegment handle) {
        super(handle, false, false);
    }

    private Distgraphcomm(MemorySegment handle, boolean predefined, boolean isNull) {
        super(handle, predefined, isNull);
    }

    /**
     * {@code MPI_Dist_graph_neighbors}: this process's sources and destinations, in the order of the
     * neighbourhood collectives' blocks, with their weights (null for an unweighted graph).
     */
    public record Neighbors(int[] sources, int[] sourceWeights, int[] destinations, int[] destWeights) {
        @Override
        public String toString() {
            return "Neighbors[sources=" + Arrays.toString(sources) + ", sourceWeights="
                    + Arrays.toString(sourceWeights) + ", destinations=" + Arrays.toString(destinations)
                    + ", destWeights=" + Arrays.toString(destWeights) + "]";
        }
    }

    // ---- construction -------------------------------------------------------------------------

    static Distgraphcomm createAdjacent(Intracomm comm, int[] sources, int[] sourceWeights, int[] destinations,
            int[] destWeights, MemorySegment info, boolean reorder) {
        Errors.checkNotNull(sources, "sources");
        Errors.checkNotNull(destinations, "destinations");
        if ((sourceWeights == null) != (destWeights == null)) {
            throw new IllegalArgumentException("sourceWeights and destWeights must both be null (unweighted)"
                    + " or both be given");
        }
        checkRanks(comm, sources, "sources");
        checkRanks(comm, destinations, "destinations");
        Scratch s = Scratch.get();
        try (Arena arena = Arena.ofConfined()) {
            Errors.check(mpi_h.MPI_Dist_graph_create_adjacent(comm.handle(), sources.length, ints(arena, sources),
                    weights(arena, sourceWeights, sources.length, "sourceWeights"), destinations.length,
                    ints(arena, destinations), weights(arena, destWeights, destinations.length, "destWeights"), info,
                    reorder ? 1 : 0, s.handle0), "MPI_Dist_graph_create_adjacent");
        }
        return made(s.handle0, NULL, Distgraphcomm.class);
    }

    static Distgraphcomm create(Intracomm comm, int[] sources, int[] degrees, int[] destinations, int[] weights,
            MemorySegment info, boolean reorder) {
        Errors.checkNotNull(sources, "sources");
        Errors.checkNotNull(degrees, "degrees");
        Errors.checkNotNull(destinations, "destinations");
        if (degrees.length != sources.length) {
            throw new IllegalArgumentException("degrees needs one entry per source (" + sources.length + "), not "
                    + degrees.length);
        }
        long edges = 0;
        for (int i = 0; i < degrees.length; i++) {
            if (degrees[i] < 0) {
                throw new IllegalArgumentException("degrees[" + i + "] is negative: " + degrees[i]);
            }
            edges += degrees[i];
        }
        if (destinations.length != edges) {
            throw new IllegalArgumentException("the degrees add up to " + edges + " edges, but destinations has "
                    + destinations.length);
        }
        checkRanks(comm, sources, "sources");
        checkRanks(comm, destinations, "destinations");
        Scratch s = Scratch.get();
        try (Arena arena = Arena.ofConfined()) {
            Errors.check(mpi_h.MPI_Dist_graph_create(comm.handle(), sources.length, ints(arena, sources),
                    ints(arena, degrees), ints(arena, destinations),
                    weights(arena, weights, destinations.length, "weights"), info, reorder ? 1 : 0, s.handle0),
                    "MPI_Dist_graph_create");
        }
        return made(s.handle0, NULL, Distgraphcomm.class);
    }

    private static void checkRanks(Intracomm comm, int[] ranks, String what) {
        int n = comm.size();
        for (int i = 0; i < ranks.length; i++) {
            if (ranks[i] < 0 || ranks[i] >= n) {
                throw new IllegalArgumentException(what + "[" + i + "] = " + ranks[i] + " is not a rank of this"
                        + " communicator of " + n + " processes");
            }
        }
    }

    /** The weights argument: MPI_UNWEIGHTED for null, MPI_WEIGHTS_EMPTY for an empty array, else the weights. */
    private static MemorySegment weights(Arena arena, int[] w, int edges, String what) {
        if (w == null) {
            return OpenMpiAbi.unweighted();
        }
        if (w.length != edges) {
            throw new IllegalArgumentException(what + " needs one weight per edge (" + edges + "), not " + w.length);
        }
        for (int i = 0; i < w.length; i++) {
            if (w[i] < 0) {
                throw new IllegalArgumentException(what + "[" + i + "] is negative: " + w[i]);
            }
        }
        return w.length == 0 ? OpenMpiAbi.weightsEmpty() : ints(arena, w);
    }

    /** {@code MPI_Comm_dup}: a new communicator with the same graph. Collective. */
    @Override
    public Distgraphcomm dup() {
        return (Distgraphcomm) super.dup();
    }

    // ---- neighbours ---------------------------------------------------------------------------

    @Override
    int[] queryDegrees() {
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Dist_graph_neighbors_count(handle(), s.int0, s.int1, s.handle0),
                "MPI_Dist_graph_neighbors_count");
        return new int[] {s.int0(), s.int1()};
    }

    /** {@code MPI_Dist_graph_neighbors_count}: whether the graph was made with weights. */
    public boolean isWeighted() {
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Dist_graph_neighbors_count(handle(), s.int0, s.int1, s.handle0),
                "MPI_Dist_graph_neighbors_count");
        return s.handle0.get(java.lang.foreign.ValueLayout.JAVA_INT, 0) != 0;
    }

    /** {@code MPI_Dist_graph_neighbors}: sources and destinations with their weights. */
    public Neighbors neighbors() {
        int in = inDegree();
        int out = outDegree();
        boolean weighted = isWeighted();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment src = room(arena, in);
            MemorySegment srcW = room(arena, in);
            MemorySegment dst = room(arena, out);
            MemorySegment dstW = room(arena, out);
            Errors.check(mpi_h.MPI_Dist_graph_neighbors(handle(), in, src, weighted ? srcW : OpenMpiAbi.unweighted(),
                    out, dst, weighted ? dstW : OpenMpiAbi.unweighted()), "MPI_Dist_graph_neighbors");
            return new Neighbors(read(src, in), weighted ? read(srcW, in) : null, read(dst, out),
                    weighted ? read(dstW, out) : null);
        }
    }

    @Override
    public int[] inEdges() {
        return neighbors().sources();
    }

    @Override
    public int[] outEdges() {
        return neighbors().destinations();
    }

    @Override
    public String toString() {
        return isNull() ? "Distgraphcomm[null]" : isFreed() ? "Distgraphcomm[freed]" : "Distgraphcomm" + neighbors();
    }
}
