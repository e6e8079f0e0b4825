package org.mpi4j;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.mpi4j.ffi.mpi_h;
import org.mpi4j.internal.OpenMpiAbi;
import org.mpi4j.internal.Scratch;
import org.mpi4j.internal.Staged;

/**
 * An intracommunicator with a virtual topology: a {@link Cartcomm}, {@link Graphcomm} or
 * {@link Distgraphcomm}. Every {@link Intracomm} call works on it; this class adds the neighbours
 * of the calling process and the neighbourhood collectives, which exchange data with those
 * neighbours only.
 *
 * <p>The neighbours come in MPI's order: for a Cartesian grid, for each dimension the source and
 * then the destination of {@code shift(dim, 1)} ({@link MPI#PROC_NULL} at the edges of a
 * non-periodic dimension, whose blocks the collectives leave untouched); for a graph, the
 * process's neighbours; for a distributed graph, its sources (in-neighbours) and destinations
 * (out-neighbours) as given when it was created.
 *
 * <p>Buffers: {@code (MemorySegment, count, Datatype)}, and whole segments whose datatype is
 * inferred (the array element type of a heap segment, {@link Datatype#BYTE} for native memory).
 * Send buffers hold a block per out-neighbour, receive buffers a block per in-neighbour; counts
 * and displacements arrays have one entry per neighbour of their side. Native memory is used as
 * it is (no allocation in the blocking calls); heap memory is copied through native memory, by
 * the {@link Request} until completion for the nonblocking calls.
 */
public abstract sealed class Topocomm extends Intracomm permits Cartcomm, Graphcomm, Distgraphcomm {
    private int inDegree = -1;
    private int outDegree = -1;

    Topocomm(MemorySegment handle, boolean predefined, boolean isNull) {
        super(handle, predefined, isNull);
    }

    /** The null communicator of each kind, for the processes a constructor leaves out. */
    static MemorySegment nullHandle() {
        return OpenMpiAbi.predefined("MPI_COMM_NULL");
    }

    /** What a topology constructor left in {@code ref}: the new communicator, or {@code none} (excluded). */
    static <T extends Topocomm> T made(MemorySegment ref, T none, Class<T> kind) {
        Intracomm c = Intracomm.fromRef(ref);
        return c.isNull() ? none : kind.cast(c);
    }

    /** A new communicator MPI made ({@code h}, adopted), as the class its topology says. */
    static Intracomm ofTopology(MemorySegment h) {
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Topo_test(h, s.int0), "MPI_Topo_test");
        return switch (Topology.of(s.int0())) {
            case CART -> new Cartcomm(h);
            case GRAPH -> new Graphcomm(h);
            case DIST_GRAPH -> new Distgraphcomm(h);
            case UNDEFINED -> new Intracomm(h, false, false);
        };
    }

    // ---- argument arrays of the constructors and queries (not hot: one arena per call) ----

    /** {@code v} in native memory of {@code arena} (never empty: MPI may read a pointer to no ints). */
    static MemorySegment ints(Arena arena, int[] v) {
        MemorySegment s = arena.allocate(ValueLayout.JAVA_INT, Math.max(1, v.length));
        MemorySegment.copy(v, 0, s, ValueLayout.JAVA_INT, 0, v.length);
        return s;
    }

    /** {@code v} as C logicals (1 or 0) in native memory of {@code arena}. */
    static MemorySegment flags(Arena arena, boolean[] v) {
        MemorySegment s = arena.allocate(ValueLayout.JAVA_INT, Math.max(1, v.length));
        for (int i = 0; i < v.length; i++) {
            s.setAtIndex(ValueLayout.JAVA_INT, i, v[i] ? 1 : 0);
        }
        return s;
    }

    /** Room for {@code n} ints in {@code arena}. */
    static MemorySegment room(Arena arena, int n) {
        return arena.allocate(ValueLayout.JAVA_INT, Math.max(1, n));
    }

    /** The first {@code n} ints of {@code s}. */
    static int[] read(MemorySegment s, int n) {
        int[] v = new int[n];
        MemorySegment.copy(s, ValueLayout.JAVA_INT, 0, v, 0, n);
        return v;
    }

    /** Checks a rank of this communicator. */
    final int checkRank(int rank) {
        if (rank < 0 || rank >= size()) {
            throw new IllegalArgumentException("invalid rank " + rank + " (communicator of " + size()
                    + " processes)");
        }
        return rank;
    }

    /**
     * Where the nonblocking alltoall family must put each receive block so that it lands where the
     * standard says ({@code order[j]}: the block MPI's receive {@code j} goes to), or null when MPI
     * gets it right. See {@link Cartcomm}: Open MPI's nonblocking neighbourhood collectives pair the
     * blocks of a periodic dimension of 1 or 2 processes the wrong way round.
     */
    int[] nonblockingRecvOrder() {
        return null;
    }

    /** Reads this process's degrees once: {in, out}. */
    abstract int[] queryDegrees();

    private void loadDegrees() {
        int[] d = queryDegrees();
        outDegree = d[1];
        inDegree = d[0];
    }

    /** The number of in-neighbours: the processes this one receives from, the blocks of a receive buffer. */
    public final int inDegree() {
        handle();
        if (inDegree < 0) {
            loadDegrees();
        }
        return inDegree;
    }

    /** The number of out-neighbours: the processes this one sends to, the blocks of a send buffer. */
    public final int outDegree() {
        handle();
        if (outDegree < 0) {
            loadDegrees();
        }
        return outDegree;
    }

    /** The in-neighbours' ranks in the order of the receive blocks ({@link MPI#PROC_NULL} for none). */
    public abstract int[] inEdges();

    /** The out-neighbours' ranks in the order of the send blocks ({@link MPI#PROC_NULL} for none). */
    public abstract int[] outEdges();

    /** {@code MPI_Comm_dup}: a new communicator with the same topology. Collective. */
    @Override
    public Topocomm dup() {
        return (Topocomm) super.dup();
    }

    // ---- neighbourhood collectives ----------------------------------------------------------

    /** {@code MPI_Neighbor_allgather} and {@code MPI_Neighbor_alltoall}: blocks of one count each. */
    @FunctionalInterface
    interface UniformCall {
        int call(MemorySegment sbuf, int scount, MemorySegment stype, MemorySegment rbuf, int rcount,
                MemorySegment rtype, MemorySegment comm);
    }

    /** Their nonblocking forms. */
    @FunctionalInterface
    interface UniformStart {
        int call(MemorySegment sbuf, int scount, MemorySegment stype, MemorySegment rbuf, int rcount,
                MemorySegment rtype, MemorySegment comm, MemorySegment request);
    }

    /** A blocking collective of {@code sendBlocks} blocks out, a block per in-neighbour in. */
    private void uniform(UniformCall f, String function, MemorySegment sendBuf, long sendCount, Datatype sendType,
            int sendBlocks, MemorySegment recvBuf, long recvCount, Datatype recvType) {
        long sb = NeighborBuffers.blocks(sendBuf, sendCount, sendBlocks, sendType, false);
        long rb = NeighborBuffers.blocks(recvBuf, recvCount, inDegree(), recvType, true);
        Staged ss = NeighborBuffers.stage(sendBuf, sb, true);
        Staged rs = NeighborBuffers.stage(recvBuf, rb, true);
        int rc = f.call(NeighborBuffers.arg(sendBuf, ss), (int) sendCount, sendType.handle(),
                NeighborBuffers.arg(recvBuf, rs), (int) recvCount, recvType.handle(), handle());
        NeighborBuffers.done(rc, function, ss, rs);
    }

    /** The nonblocking {@link #uniform}. */
    private Request iuniform(UniformStart f, String function, MemorySegment sendBuf, long sendCount,
            Datatype sendType, int sendBlocks, MemorySegment recvBuf, long recvCount, Datatype recvType) {
        long sb = NeighborBuffers.blocks(sendBuf, sendCount, sendBlocks, sendType, false);
        long rb = NeighborBuffers.blocks(recvBuf, recvCount, inDegree(), recvType, true);
        Staged ss = NeighborBuffers.stage(sendBuf, sb, true);
        Staged rs = NeighborBuffers.stage(recvBuf, rb, true);
        Scratch s = Scratch.get();
        int rc = f.call(NeighborBuffers.arg(sendBuf, ss), (int) sendCount, sendType.handle(),
                NeighborBuffers.arg(recvBuf, rs), (int) recvCount, recvType.handle(), handle(), s.handle0);
        return NeighborBuffers.started(rc, function, s, new Object[] {sendBuf, recvBuf, sendType, recvType}, ss, rs);
    }

    /**
     * {@code MPI_Neighbor_allgather}: sends the same {@code sendCount} elements to every
     * out-neighbour and receives {@code recvCount} elements from each in-neighbour, block {@code i}
     * of {@code recvBuf} from in-neighbour {@code i}.
     */
    public final void neighborAllgather(MemorySegment sendBuf, long sendCount, Datatype sendType,
            MemorySegment recvBuf, long recvCount, Datatype recvType) {
        uniform(mpi_h::MPI_Neighbor_allgather, "MPI_Neighbor_allgather", sendBuf, sendCount, sendType, 1, recvBuf,
                recvCount, recvType);
    }

    /** {@code MPI_Neighbor_allgather} of all of {@code sendBuf} (datatype inferred) into {@code inDegree()} blocks. */
    public final void neighborAllgather(MemorySegment sendBuf, MemorySegment recvBuf) {
        Datatype t = NeighborBuffers.inferred(sendBuf);
        int n = Buffers.countOf(sendBuf, t);
        neighborAllgather(sendBuf, n, t, recvBuf, n, t);
    }

    /** {@code MPI_Ineighbor_allgather}: nonblocking {@link #neighborAllgather(MemorySegment, long, Datatype, MemorySegment, long, Datatype)}. */
    public final Request ineighborAllgather(MemorySegment sendBuf, long sendCount, Datatype sendType,
            MemorySegment recvBuf, long recvCount, Datatype recvType) {
        return iuniform(mpi_h::MPI_Ineighbor_allgather, "MPI_Ineighbor_allgather", sendBuf, sendCount, sendType, 1,
                recvBuf, recvCount, recvType);
    }

    /** {@code MPI_Ineighbor_allgather} of whole segments. */
    public final Request ineighborAllgather(MemorySegment sendBuf, MemorySegment recvBuf) {
        Datatype t = NeighborBuffers.inferred(sendBuf);
        int n = Buffers.countOf(sendBuf, t);
        return ineighborAllgather(sendBuf, n, t, recvBuf, n, t);
    }

    /**
     * {@code MPI_Neighbor_allgatherv}: like {@link #neighborAllgather(MemorySegment, long, Datatype, MemorySegment, long, Datatype)}
     * with {@code recvCounts[i]} elements from in-neighbour {@code i} at {@code displs[i]} elements of
     * {@code recvBuf}.
     */
    public final void neighborAllgatherv(MemorySegment sendBuf, long sendCount, Datatype sendType,
            MemorySegment recvBuf, int[] recvCounts, int[] displs, Datatype recvType) {
        long sb = NeighborBuffers.blocks(sendBuf, sendCount, 1, sendType, false);
        long rb = NeighborBuffers.blocksV(recvBuf, recvCounts, displs, recvType, inDegree(), true);
        Staged ss = NeighborBuffers.stage(sendBuf, sb, true);
        Staged rs = NeighborBuffers.stage(recvBuf, rb, true);
        int rc = mpi_h.MPI_Neighbor_allgatherv(NeighborBuffers.arg(sendBuf, ss), (int) sendCount, sendType.handle(),
                NeighborBuffers.arg(recvBuf, rs), NativeArgs.ints(0, recvCounts), NativeArgs.ints(1, displs),
                recvType.handle(), handle());
        NeighborBuffers.done(rc, "MPI_Neighbor_allgatherv", ss, rs);
    }

    /** {@code MPI_Neighbor_allgatherv} of whole segments (datatype of {@code sendBuf}); null {@code displs}: packed. */
    public final void neighborAllgatherv(MemorySegment sendBuf, MemorySegment recvBuf, int[] recvCounts,
            int[] displs) {
        Datatype t = NeighborBuffers.inferred(sendBuf);
        neighborAllgatherv(sendBuf, Buffers.countOf(sendBuf, t), t, recvBuf, recvCounts,
                displs == null ? NeighborBuffers.packed(recvCounts) : displs, t);
    }

    /** {@code MPI_Ineighbor_allgatherv}: nonblocking {@link #neighborAllgatherv(MemorySegment, long, Datatype, MemorySegment, int[], int[], Datatype)}. */
    public final Request ineighborAllgatherv(MemorySegment sendBuf, long sendCount, Datatype sendType,
            MemorySegment recvBuf, int[] recvCounts, int[] displs, Datatype recvType) {
        long sb = NeighborBuffers.blocks(sendBuf, sendCount, 1, sendType, false);
        long rb = NeighborBuffers.blocksV(recvBuf, recvCounts, displs, recvType, inDegree(), true);
        Staged ss = NeighborBuffers.stage(sendBuf, sb, true);
        Staged rs = NeighborBuffers.stage(recvBuf, rb, true);
        MemorySegment c = NativeArgs.ownInts(recvCounts);
        MemorySegment d = NativeArgs.ownInts(displs);
        Scratch s = Scratch.get();
        int rc = mpi_h.MPI_Ineighbor_allgatherv(NeighborBuffers.arg(sendBuf, ss), (int) sendCount, sendType.handle(),
                NeighborBuffers.arg(recvBuf, rs), c, d, recvType.handle(), handle(), s.handle0);
        return NeighborBuffers.started(rc, "MPI_Ineighbor_allgatherv", s,
                new Object[] {sendBuf, recvBuf, c, d, sendType, recvType}, ss, rs);
    }

    /** {@code MPI_Ineighbor_allgatherv} of whole segments; null {@code displs}: packed. */
    public final Request ineighborAllgatherv(MemorySegment sendBuf, MemorySegment recvBuf, int[] recvCounts,
            int[] displs) {
        Datatype t = NeighborBuffers.inferred(sendBuf);
        return ineighborAllgatherv(sendBuf, Buffers.countOf(sendBuf, t), t, recvBuf, recvCounts,
                displs == null ? NeighborBuffers.packed(recvCounts) : displs, t);
    }

    /**
     * {@code MPI_Neighbor_alltoall}: block {@code i} of {@code sendBuf} ({@code sendCount} elements)
     * goes to out-neighbour {@code i}; block {@code j} of {@code recvBuf} comes from in-neighbour
     * {@code j}. The halo exchange of a stencil code.
     */
    public final void neighborAlltoall(MemorySegment sendBuf, long sendCount, Datatype sendType,
            MemorySegment recvBuf, long recvCount, Datatype recvType) {
        uniform(mpi_h::MPI_Neighbor_alltoall, "MPI_Neighbor_alltoall", sendBuf, sendCount, sendType, outDegree(),
                recvBuf, recvCount, recvType);
    }

    /**
     * {@code MPI_Neighbor_alltoall} of whole segments: {@code sendBuf} (datatype inferred) is cut into
     * {@code outDegree()} equal blocks, and {@code recvBuf} receives blocks of the same size.
     */
    public final void neighborAlltoall(MemorySegment sendBuf, MemorySegment recvBuf) {
        Datatype t = NeighborBuffers.inferred(sendBuf);
        int n = wholeBlock(sendBuf, recvBuf, t);
        neighborAlltoall(sendBuf, n, t, recvBuf, n, t);
    }

    /** The block of the whole-segment alltoall: from the send side, or the receive side with no out-neighbours. */
    private int wholeBlock(MemorySegment sendBuf, MemorySegment recvBuf, Datatype t) {
        return outDegree() > 0 ? NeighborBuffers.perBlock(sendBuf, t, outDegree())
                : NeighborBuffers.perBlock(Errors.checkNotNull(recvBuf, "receive buffer"), t, inDegree());
    }

    /** {@code MPI_Ineighbor_alltoall}: nonblocking {@link #neighborAlltoall(MemorySegment, long, Datatype, MemorySegment, long, Datatype)}. */
    public final Request ineighborAlltoall(MemorySegment sendBuf, long sendCount, Datatype sendType,
            MemorySegment recvBuf, long recvCount, Datatype recvType) {
        if (nonblockingRecvOrder() != null) {
            // the reordering needs per-block displacements: the same exchange as an alltoallv
            NeighborBuffers.blocks(sendBuf, sendCount, outDegree(), sendType, false);
            NeighborBuffers.blocks(recvBuf, recvCount, inDegree(), recvType, true);
            int[] sc = NeighborBuffers.uniform(outDegree(), sendCount);
            int[] rc = NeighborBuffers.uniform(inDegree(), recvCount);
            return ineighborAlltoallv(sendBuf, sc, NeighborBuffers.packed(sc), sendType, recvBuf, rc,
                    NeighborBuffers.packed(rc), recvType);
        }
        return iuniform(mpi_h::MPI_Ineighbor_alltoall, "MPI_Ineighbor_alltoall", sendBuf, sendCount, sendType,
                outDegree(), recvBuf, recvCount, recvType);
    }

    /** {@code MPI_Ineighbor_alltoall} of whole segments. */
    public final Request ineighborAlltoall(MemorySegment sendBuf, MemorySegment recvBuf) {
        Datatype t = NeighborBuffers.inferred(sendBuf);
        int n = wholeBlock(sendBuf, recvBuf, t);
        return ineighborAlltoall(sendBuf, n, t, recvBuf, n, t);
    }

    /**
     * {@code MPI_Neighbor_alltoallv}: {@code sendCounts[i]} elements at {@code sendDispls[i]} go to
     * out-neighbour {@code i}; {@code recvCounts[j]} elements from in-neighbour {@code j} land at
     * {@code recvDispls[j]} (displacements in elements of the datatype's extent).
     */
    public final void neighborAlltoallv(MemorySegment sendBuf, int[] sendCounts, int[] sendDispls,
            Datatype sendType, MemorySegment recvBuf, int[] recvCounts, int[] recvDispls, Datatype recvType) {
        long sb = NeighborBuffers.blocksV(sendBuf, sendCounts, sendDispls, sendType, outDegree(), false);
        long rb = NeighborBuffers.blocksV(recvBuf, recvCounts, recvDispls, recvType, inDegree(), true);
        Staged ss = NeighborBuffers.stage(sendBuf, sb, true);
        Staged rs = NeighborBuffers.stage(recvBuf, rb, true);
        int rc = mpi_h.MPI_Neighbor_alltoallv(NeighborBuffers.arg(sendBuf, ss), NativeArgs.ints(0, sendCounts),
                NativeArgs.ints(1, sendDispls), sendType.handle(), NeighborBuffers.arg(recvBuf, rs),
                NativeArgs.ints(2, recvCounts), NativeArgs.ints(3, recvDispls), recvType.handle(), handle());
        NeighborBuffers.done(rc, "MPI_Neighbor_alltoallv", ss, rs);
    }

    /** {@code MPI_Neighbor_alltoallv} of segments whose datatypes are inferred; null displacements: packed. */
    public final void neighborAlltoallv(MemorySegment sendBuf, int[] sendCounts, int[] sendDispls,
            MemorySegment recvBuf, int[] recvCounts, int[] recvDispls) {
        neighborAlltoallv(sendBuf, sendCounts, sendDispls == null ? NeighborBuffers.packed(sendCounts) : sendDispls,
                NeighborBuffers.inferred(sendBuf), recvBuf, recvCounts,
                recvDispls == null ? NeighborBuffers.packed(recvCounts) : recvDispls, NeighborBuffers.inferred(recvBuf));
    }

    /** {@code MPI_Ineighbor_alltoallv}: nonblocking {@link #neighborAlltoallv(MemorySegment, int[], int[], Datatype, MemorySegment, int[], int[], Datatype)}. */
    public final Request ineighborAlltoallv(MemorySegment sendBuf, int[] sendCounts, int[] sendDispls,
            Datatype sendType, MemorySegment recvBuf, int[] recvCounts, int[] recvDispls, Datatype recvType) {
        long sb = NeighborBuffers.blocksV(sendBuf, sendCounts, sendDispls, sendType, outDegree(), false);
        long rb = NeighborBuffers.blocksV(recvBuf, recvCounts, recvDispls, recvType, inDegree(), true);
        Staged ss = NeighborBuffers.stage(sendBuf, sb, true);
        Staged rs = NeighborBuffers.stage(recvBuf, rb, true);
        int[] order = nonblockingRecvOrder();
        MemorySegment[] a = {NativeArgs.ownInts(sendCounts), NativeArgs.ownInts(sendDispls),
            NativeArgs.ownInts(NeighborBuffers.reorder(recvCounts, order)),
            NativeArgs.ownInts(NeighborBuffers.reorder(recvDispls, order))};
        Scratch s = Scratch.get();
        int rc = mpi_h.MPI_Ineighbor_alltoallv(NeighborBuffers.arg(sendBuf, ss), a[0], a[1], sendType.handle(),
                NeighborBuffers.arg(recvBuf, rs), a[2], a[3], recvType.handle(), handle(), s.handle0);
        return NeighborBuffers.started(rc, "MPI_Ineighbor_alltoallv", s,
                new Object[] {sendBuf, recvBuf, a, sendType, recvType}, ss, rs);
    }

    /** {@code MPI_Ineighbor_alltoallv} of segments whose datatypes are inferred; null displacements: packed. */
    public final Request ineighborAlltoallv(MemorySegment sendBuf, int[] sendCounts, int[] sendDispls,
            MemorySegment recvBuf, int[] recvCounts, int[] recvDispls) {
        return ineighborAlltoallv(sendBuf, sendCounts,
                sendDispls == null ? NeighborBuffers.packed(sendCounts) : sendDispls, NeighborBuffers.inferred(sendBuf),
                recvBuf, recvCounts, recvDispls == null ? NeighborBuffers.packed(recvCounts) : recvDispls,
                NeighborBuffers.inferred(recvBuf));
    }

    /**
     * {@code MPI_Neighbor_alltoallw}: like {@link #neighborAlltoallv(MemorySegment, int[], int[], Datatype, MemorySegment, int[], int[], Datatype)}
     * with a datatype per neighbour and displacements in <em>bytes</em> ({@code MPI_Aint}).
     */
    public final void neighborAlltoallw(MemorySegment sendBuf, int[] sendCounts, long[] sendDisplsBytes,
            Datatype[] sendTypes, MemorySegment recvBuf, int[] recvCounts, long[] recvDisplsBytes,
            Datatype[] recvTypes) {
        long sb = NeighborBuffers.blocksW(sendBuf, sendCounts, sendDisplsBytes, sendTypes, outDegree(), false);
        long rb = NeighborBuffers.blocksW(recvBuf, recvCounts, recvDisplsBytes, recvTypes, inDegree(), true);
        Staged ss = NeighborBuffers.stage(sendBuf, sb, true);
        Staged rs = NeighborBuffers.stage(recvBuf, rb, true);
        int rc = mpi_h.MPI_Neighbor_alltoallw(NeighborBuffers.arg(sendBuf, ss), NativeArgs.ints(0, sendCounts),
                NativeArgs.longs(1, sendDisplsBytes), NativeArgs.types(4, sendTypes), NeighborBuffers.arg(recvBuf, rs),
                NativeArgs.ints(2, recvCounts), NativeArgs.longs(3, recvDisplsBytes), NativeArgs.types(5, recvTypes),
                handle());
        NeighborBuffers.done(rc, "MPI_Neighbor_alltoallw", ss, rs);
    }

    /** {@code MPI_Ineighbor_alltoallw}: nonblocking {@link #neighborAlltoallw}. */
    public final Request ineighborAlltoallw(MemorySegment sendBuf, int[] sendCounts, long[] sendDisplsBytes,
            Datatype[] sendTypes, MemorySegment recvBuf, int[] recvCounts, long[] recvDisplsBytes,
            Datatype[] recvTypes) {
        long sb = NeighborBuffers.blocksW(sendBuf, sendCounts, sendDisplsBytes, sendTypes, outDegree(), false);
        long rb = NeighborBuffers.blocksW(recvBuf, recvCounts, recvDisplsBytes, recvTypes, inDegree(), true);
        Staged ss = NeighborBuffers.stage(sendBuf, sb, true);
        Staged rs = NeighborBuffers.stage(recvBuf, rb, true);
        int[] order = nonblockingRecvOrder();
        MemorySegment[] a = {NativeArgs.ownInts(sendCounts), NativeArgs.ownLongs(sendDisplsBytes),
            NativeArgs.ownTypes(sendTypes), NativeArgs.ownInts(NeighborBuffers.reorder(recvCounts, order)),
            NativeArgs.ownLongs(NeighborBuffers.reorder(recvDisplsBytes, order)),
            NativeArgs.ownTypes(NeighborBuffers.reorder(recvTypes, order))};
        Scratch s = Scratch.get();
        int rc = mpi_h.MPI_Ineighbor_alltoallw(NeighborBuffers.arg(sendBuf, ss), a[0], a[1], a[2],
                NeighborBuffers.arg(recvBuf, rs), a[3], a[4], a[5], handle(), s.handle0);
        return NeighborBuffers.started(rc, "MPI_Ineighbor_alltoallw", s,
                new Object[] {sendBuf, recvBuf, a, sendTypes.clone(), recvTypes.clone()}, ss, rs);
    }
}
