package org.mpi4j;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import org.mpi4j.ffi.mpi_h;
import org.mpi4j.internal.Scratch;

/**
 * A communicator with a Cartesian topology: its processes form a grid of {@link #ndims()}
 * dimensions, each periodic (a ring) or not. Made by {@link Intracomm#createCart}; row-major
 * ranks (the last coordinate varies fastest).
 *
 * <pre>{@code
 * int[] dims = Cartcomm.dimsCreate(world.size(), 2);
 * try (Cartcomm grid = world.createCart(dims, new boolean[] {true, true}, false)) {
 *     Cartcomm.Shift lr = grid.shift(1, 1);   // left and right neighbours
 *     grid.neighborAlltoall(halo, ghosts);     // one block per neighbour: -x, +x, -y, +y
 * }
 * }</pre>
 */
public final class Cartcomm extends Topocomm {
    /**
     * {@link Comm#fromHandle} for a handle known to be a communicator with a Cartesian topology
     * (borrowed, as there).
     *
     * @throws IllegalArgumentException if it is not a valid handle of one
     */
    public static Cartcomm fromHandle(MemorySegment handle) {
        return as(Comm.fromHandle(handle), Cartcomm.class);
    }

    /** {@link Comm#fromFortran} for a communicator with a Cartesian topology. */
    public static Cartcomm fromFortran(int fortranHandle) {
        return as(Comm.fromFortran(fortranHandle), Cartcomm.class);
    }

    /** What {@link Intracomm#createCart} returns on the processes the grid leaves out. */
    static final Cartcomm NULL = new Cartcomm(nullHandle(), true, true);

    /** The grid never changes: read once. */
    private int[] dims;
    private boolean[] periods;

    Cartcomm(MemorySegment handle) {
        super(handle, false, false);
    }

    private Cartcomm(MemorySegment handle, boolean predefined, boolean isNull) {
        super(handle, predefined, isNull);
    }

    /** The ranks a shift by some displacement along one dimension reads from and writes to. */
    public record Shift(int source, int dest) {
    }

    /** {@code MPI_Cart_get}: the grid's extents, periodicity and this process's coordinates. */
    public record Topo(int[] dims, boolean[] periods, int[] coords) {
        @Override
        public String toString() {
            return "Topo[dims=" + Arrays.toString(dims) + ", periods=" + Arrays.toString(periods) + ", coords="
                    + Arrays.toString(coords) + "]";
        }
    }

    // ---- construction -------------------------------------------------------------------------

    static Cartcomm create(Intracomm comm, int[] dims, boolean[] periods, boolean reorder) {
        checkGrid(comm, dims, periods);
        Scratch s = Scratch.get();
        try (Arena arena = Arena.ofConfined()) {
            Errors.check(mpi_h.MPI_Cart_create(comm.handle(), dims.length, ints(arena, dims), flags(arena, periods),
                    reorder ? 1 : 0, s.handle0), "MPI_Cart_create");
        }
        return made(s.handle0, NULL, Cartcomm.class);
    }

    private static void checkGrid(Intracomm comm, int[] dims, boolean[] periods) {
        Errors.checkNotNull(dims, "dims");
        Errors.checkNotNull(periods, "periods");
        if (dims.length != periods.length) {
            throw new IllegalArgumentException("dims and periods need the same length, not " + dims.length + " and "
                    + periods.length);
        }
        long product = 1;
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] <= 0) {
                throw new IllegalArgumentException("dimension " + i + " has " + dims[i]
                        + " processes; each needs at least 1 (Cartcomm.dimsCreate fills in zeros)");
            }
            product *= dims[i];
            if (product > comm.size()) {
                throw new IllegalArgumentException("a grid of " + Arrays.toString(dims) + " needs more processes"
                        + " than the communicator's " + comm.size());
            }
        }
    }

    /**
     * {@code MPI_Dims_create}: a balanced grid of {@code nnodes} processes. Entries of {@code dims}
     * that are positive are kept, zeros are filled in (in non-increasing order); {@code dims} itself
     * is not changed.
     *
     * @throws IllegalArgumentException if {@code nnodes} is not positive, an entry is negative, or
     *                                  the positive entries do not divide {@code nnodes}
     */
    public static int[] dimsCreate(int nnodes, int[] dims) {
        Errors.checkNotNull(dims, "dims");
        if (nnodes <= 0) {
            throw new IllegalArgumentException("nnodes must be positive: " + nnodes);
        }
        long fixed = 1;
        boolean free = false;
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] < 0) {
                throw new IllegalArgumentException("dimension " + i + " is negative: " + dims[i]);
            }
            if (dims[i] == 0) {
                free = true;
            } else {
                fixed *= dims[i];
            }
        }
        if (free ? nnodes % fixed != 0 : fixed != nnodes) {
            throw new IllegalArgumentException("the fixed dimensions " + Arrays.toString(dims)
                    + (free ? " do not divide " : " do not multiply to ") + nnodes + " processes");
        }
        Environment.ensureInitialized();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment d = ints(arena, dims);
            Errors.check(mpi_h.MPI_Dims_create(nnodes, dims.length, d), "MPI_Dims_create");
            return read(d, dims.length);
        }
    }

    /** {@code MPI_Dims_create} with every dimension free: a balanced grid of {@code ndims} dimensions. */
    public static int[] dimsCreate(int nnodes, int ndims) {
        if (ndims < 0) {
            throw new IllegalArgumentException("negative number of dimensions: " + ndims);
        }
        return dimsCreate(nnodes, new int[ndims]);
    }

    /**
     * {@code MPI_Cart_map}: the rank the calling process of {@code comm} would have in a grid of
     * {@code dims} (the one {@link Intracomm#createCart} with reordering would give it), or
     * {@link MPI#UNDEFINED} if the grid leaves it out.
     */
    public static int map(Intracomm comm, int[] dims, boolean[] periods) {
        Errors.checkNotNull(comm, "communicator");
        checkGrid(comm, dims, periods);
        Scratch s = Scratch.get();
        try (Arena arena = Arena.ofConfined()) {
            Errors.check(mpi_h.MPI_Cart_map(comm.handle(), dims.length, ints(arena, dims), flags(arena, periods),
                    s.int0), "MPI_Cart_map");
        }
        long nodes = 1;
        for (int d : dims) {
            nodes *= d;
        }
        // Open MPI 4.1 answers every process's own rank, those beyond the grid's too
        return s.int0() >= nodes ? MPI.UNDEFINED : s.int0();
    }

    /** {@code MPI_Comm_dup}: a new communicator with the same grid. Collective. */
    @Override
    public Cartcomm dup() {
        return (Cartcomm) super.dup();
    }

    // ---- the grid ---------------------------------------------------------------------------

    private void load() {
        if (dims == null) {
            Scratch s = Scratch.get();
            Errors.check(mpi_h.MPI_Cartdim_get(handle(), s.int0), "MPI_Cartdim_get");
            int n = s.int0();
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment d = room(arena, n);
                MemorySegment p = room(arena, n);
                MemorySegment c = room(arena, n);
                Errors.check(mpi_h.MPI_Cart_get(handle(), n, d, p, c), "MPI_Cart_get");
                int[] pi = read(p, n);
                boolean[] pb = new boolean[n];
                for (int i = 0; i < n; i++) {
                    pb[i] = pi[i] != 0;
                }
                periods = pb;
                dims = read(d, n);
            }
        }
    }

    /** {@code MPI_Cartdim_get}: the number of dimensions. */
    public int ndims() {
        handle();
        load();
        return dims.length;
    }

    /** The number of processes along each dimension. */
    public int[] dims() {
        handle();
        load();
        return dims.clone();
    }

    /** Whether each dimension is periodic (wraps around). */
    public boolean[] periods() {
        handle();
        load();
        return periods.clone();
    }

    /** {@code MPI_Cart_get}: the grid and this process's coordinates. */
    public Topo topo() {
        return new Topo(dims(), periods(), coords());
    }

    /** This process's coordinates. */
    public int[] coords() {
        return coords(rank());
    }

    /** {@code MPI_Cart_coords}: the coordinates of process {@code rank}. */
    public int[] coords(int rank) {
        checkRank(rank);
        int n = ndims();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment c = room(arena, n);
            Errors.check(mpi_h.MPI_Cart_coords(handle(), rank, n, c), "MPI_Cart_coords");
            return read(c, n);
        }
    }

    /**
     * {@code MPI_Cart_rank}: the rank of the process at {@code coords}. Coordinates along a periodic
     * dimension wrap around; along a non-periodic one they must lie in {@code [0, dims[i])}.
     */
    public int rank(int[] coords) {
        Errors.checkNotNull(coords, "coords");
        int n = ndims();
        if (coords.length != n) {
            throw new IllegalArgumentException("need " + n + " coordinates, not " + coords.length);
        }
        for (int i = 0; i < n; i++) {
            if (!periods[i] && (coords[i] < 0 || coords[i] >= dims[i])) {
                throw new IllegalArgumentException("coordinate " + coords[i] + " is outside [0, " + dims[i]
                        + ") on non-periodic dimension " + i);
            }
        }
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Cart_rank(handle(), NativeArgs.ints(0, coords), s.int0), "MPI_Cart_rank");
        return s.int0();
    }

    /**
     * {@code MPI_Cart_shift}: the processes {@code disp} steps back ({@code source}) and forward
     * ({@code dest}) along {@code direction}; {@link MPI#PROC_NULL} past the edge of a non-periodic
     * dimension. The pair to pass to {@code sendrecv} for a shift.
     */
    public Shift shift(int direction, int disp) {
        int n = ndims();
        if (direction < 0 || direction >= n) {
            throw new IllegalArgumentException("direction " + direction + " is not a dimension of this " + n
                    + "-dimensional grid");
        }
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Cart_shift(handle(), direction, disp, s.int0, s.int1), "MPI_Cart_shift");
        return new Shift(s.int0(), s.int1());
    }

    /**
     * {@code MPI_Cart_sub}: the sub-grids that keep the dimensions where {@code remainDims} is true;
     * each process gets the one through it. Collective.
     */
    public Cartcomm sub(boolean[] remainDims) {
        Errors.checkNotNull(remainDims, "remainDims");
        int n = ndims();
        if (remainDims.length != n) {
            throw new IllegalArgumentException("remainDims needs " + n + " entries, not " + remainDims.length);
        }
        Scratch s = Scratch.get();
        try (Arena arena = Arena.ofConfined()) {
            Errors.check(mpi_h.MPI_Cart_sub(handle(), flags(arena, remainDims), s.handle0), "MPI_Cart_sub");
        }
        return (Cartcomm) Intracomm.fromRef(s.handle0);
    }

    // ---- Open MPI's pairing of the blocks of a periodic dimension of 1 or 2 processes ----------
    // There both neighbours along the dimension are one process, and the standard (MPI 4.0 errata
    // of 3.1, mpi-forum/mpi-issues#153) says the block sent towards -1 arrives as the one from +1.
    // Open MPI 4.1's blocking neighbourhood collectives do that; its nonblocking ones (coll/libnbc,
    // fixed only in open-mpi/ompi#14416) receive the two blocks the other way round. Whether this
    // library does is probed once, on a grid of one process, so a fixed Open MPI is left alone.

    private static volatile Boolean nonblockingSwaps;
    private int[] recvOrder;
    private boolean recvOrderKnown;

    @Override
    int[] nonblockingRecvOrder() {
        if (!recvOrderKnown) {
            load();
            int[] order = null;
            for (int d = 0; d < dims.length; d++) {
                if (periods[d] && dims[d] <= 2 && nonblockingSwaps()) {
                    if (order == null) {
                        order = new int[2 * dims.length];
                        for (int j = 0; j < order.length; j++) {
                            order[j] = j;
                        }
                    }
                    order[2 * d] = 2 * d + 1;
                    order[2 * d + 1] = 2 * d;
                }
            }
            recvOrder = order;
            recvOrderKnown = true;
        }
        return recvOrder;
    }

    /** Whether MPI_Ineighbor_alltoall swaps the blocks of a periodic dimension of one process. */
    private static boolean nonblockingSwaps() {
        Boolean b = nonblockingSwaps;
        if (b == null) {
            synchronized (Cartcomm.class) {
                b = nonblockingSwaps;
                if (b == null) {
                    nonblockingSwaps = b = probeSwap();
                }
            }
        }
        return b;
    }

    private static boolean probeSwap() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment ref = arena.allocate(java.lang.foreign.ValueLayout.ADDRESS);
            Errors.check(mpi_h.MPI_Cart_create(MPI.COMM_SELF.handle(), 1, ints(arena, new int[] {1}),
                    ints(arena, new int[] {1}), 0, ref), "MPI_Cart_create");
            MemorySegment self = adopt(ref.get(java.lang.foreign.ValueLayout.ADDRESS, 0));
            try {
                MemorySegment send = ints(arena, new int[] {0, 1});
                MemorySegment recv = ints(arena, new int[] {-1, -1});
                MemorySegment req = arena.allocate(java.lang.foreign.ValueLayout.ADDRESS);
                Errors.check(mpi_h.MPI_Ineighbor_alltoall(send, 1, Datatype.INT32_T.handle(), recv, 1,
                        Datatype.INT32_T.handle(), self, req), "MPI_Ineighbor_alltoall");
                Errors.check(mpi_h.MPI_Wait(req, mpi_h.MPI_STATUS_IGNORE()), "MPI_Wait");
                return recv.get(java.lang.foreign.ValueLayout.JAVA_INT, 0) == 0;
            } finally {
                Errors.check(mpi_h.MPI_Comm_free(ref), "MPI_Comm_free");
            }
        }
    }

    // ---- neighbours: for each dimension, the source and the destination of shift(dim, 1) ------

    @Override
    int[] queryDegrees() {
        int d = 2 * ndims();
        return new int[] {d, d};
    }

    @Override
    public int[] inEdges() {
        int n = ndims();
        int[] e = new int[2 * n];
        for (int i = 0; i < n; i++) {
            Shift sh = shift(i, 1);
            e[2 * i] = sh.source();
            e[2 * i + 1] = sh.dest();
        }
        return e;
    }

    @Override
    public int[] outEdges() {
        return inEdges();
    }

    @Override
    public String toString() {
        return isNull() ? "Cartcomm[null]" : isFreed() ? "Cartcomm[freed]"
                : "Cartcomm[dims=" + Arrays.toString(dims()) + ", periods=" + Arrays.toString(periods()) + "]";
    }
}
