package org.mpi4j;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.mpi4j.ffi.mpi_h;
import org.mpi4j.internal.OpenMpiAbi;
import org.mpi4j.internal.Scratch;

/**
 * A window of memory for one-sided communication ({@code MPI_Win}): every process of a communicator
 * exposes a part of its memory, and any process reads and writes the others' parts with
 * {@link #put}, {@link #get}, {@link #accumulate} and their kin, inside epochs opened by
 * {@link #fence}, {@link #lock}/{@link #lockAll} or {@link #start}/{@link #post}.
 *
 * <pre>{@code
 * try (Arena arena = Arena.ofConfined();
 *      Win win = Win.allocate(8 * n, 8, MPI.COMM_WORLD)) {
 *     MemorySegment mine = arena.allocate(ValueLayout.JAVA_LONG, n);
 *     try (Epoch e = win.lock(LockType.EXCLUSIVE, 1)) {
 *         win.put(mine, n, Datatype.INT64_T, 1, 0);
 *     }
 * }
 * }</pre>
 *
 * <p><b>Native memory only.</b> A window, and every origin, result and compare buffer, must be
 * native memory (from an {@link Arena}, or the window's own {@link #segment()}): MPI may read or
 * write it while the epoch lasts, long after the call returned, and a Java array may be moved by the
 * garbage collector meanwhile. A heap segment gets an {@link IllegalArgumentException}.
 *
 * <p><b>Memory MPI owns.</b> The memory of {@link #allocate} and {@link #allocateShared} windows,
 * and the segments {@link #sharedQuery} returns, belong to the window: {@link #free()} ends their
 * lifetime, after which any access to them throws instead of touching freed memory.
 *
 * <p><b>Checks.</b> Window creation exchanges every process's window size and displacement unit,
 * so a target rank outside the group, a negative displacement, or data reaching beyond the target's
 * window get an {@link IllegalArgumentException} before MPI is called (dynamic windows, whose
 * displacements are addresses, leave that to MPI). So do Java-bodied ({@link Op#create}) operations,
 * which MPI does not allow in one-sided calls, and predefined operations on types they are not
 * defined for. An operation outside any access epoch to its target throws
 * {@link IllegalStateException} (Open MPI's shared-memory windows would carry it out unsynchronised),
 * and so does ending an epoch that is not open (an unlock without a lock, ...). Other errors are
 * MPI's, thrown as {@link MpiException}: a window is given {@code MPI_ERRORS_RETURN} when it is
 * created ({@link #setErrhandler} changes it, e.g. to a Java handler from {@link Errhandler#forWin}).
 * Use after {@link #free()} throws {@link IllegalStateException}.
 *
 * <p><b>Native interop and attributes.</b> {@link #toHandle()}/{@link #toFortran()} give the raw
 * handle to native code, {@link #fromHandle}/{@link #fromFortran} wrap one made there (borrowed);
 * {@link #setAttr} caches Java objects under a {@link Keyval#forWin} key.
 *
 * <p>Opening an epoch or issuing an operation allocates nothing, so the calls can sit in hot loops.
 */
public final class Win extends NativeHandle {
    private final WinFlavor flavor;
    private final int rank;
    private final int groupSize;
    /** The arena of memory MPI owns (allocate, allocateShared); null otherwise. */
    private final Arena arena;
    /** This process's part of the window. */
    private final MemorySegment memory;
    /** Every process's window size in bytes, or null for a dynamic window. */
    private final long[] targetBytes;
    /** Every process's displacement unit. */
    private final int[] targetUnits;
    /** The lock epochs, one per target rank, made on first use. */
    private final Epoch[] lockEpochs;
    private final Epoch lockAllEpoch;
    private final Epoch startEpoch;
    private final Epoch postEpoch;
    /** Whether the last fence opened an epoch (every fence does, but one with {@link Assert#NOSUCCEED}). */
    private boolean fenceEpoch;
    /** Segments attached to a dynamic window: kept reachable while MPI may access them. */
    private final Set<MemorySegment> attached = ConcurrentHashMap.newKeySet();

    /** A window mpi4j creates over {@code comm}: it learns every process's size (collective). */
    private Win(MemorySegment handle, WinFlavor flavor, Intracomm comm, Arena arena, MemorySegment memory,
            int dispUnit) {
        this(handle, flavor, comm.rank(), comm.size(), arena, memory, flavor != WinFlavor.DYNAMIC, true);
        if (targetBytes != null) {
            exchangeSizes(comm, memory.byteSize(), dispUnit);
        }
    }

    /**
     * @param checkTargets whether the other processes' window sizes will be known (then target
     *                     bounds are checked here, else left to MPI)
     * @param owned        false for a window made elsewhere (borrowed)
     */
    private Win(MemorySegment handle, WinFlavor flavor, int rank, int groupSize, Arena arena, MemorySegment memory,
            boolean checkTargets, boolean owned) {
        super(handle, false, false, owned);
        this.flavor = flavor;
        this.rank = rank;
        this.groupSize = groupSize;
        this.arena = arena;
        this.memory = memory;
        this.lockEpochs = new Epoch[groupSize];
        this.lockAllEpoch = new Epoch(this, Epoch.Kind.LOCK_ALL, MPI.PROC_NULL);
        this.startEpoch = new Epoch(this, Epoch.Kind.START, MPI.PROC_NULL);
        this.postEpoch = new Epoch(this, Epoch.Kind.POST, MPI.PROC_NULL);
        this.targetUnits = new int[groupSize];
        this.targetBytes = checkTargets ? new long[groupSize] : null;
    }

    @Override
    String kind() {
        return "window";
    }

    @Override
    int c2f(MemorySegment h) {
        return mpi_h.MPI_Win_c2f(h);
    }

    // ---- native interop -----------------------------------------------------------------------

    /**
     * Wraps a raw {@code MPI_Win} made elsewhere (a native library, {@link #toHandle()} of another
     * object); borrowed (see {@link NativeHandle#isBorrowed()}): {@code close()} leaves the window
     * alone, {@code free()} frees it (collectively). Local, not collective: the wrapper learns this
     * process's part ({@link #segment()}, valid until the wrapper is freed), rank and group size
     * from MPI, but not the other processes' window sizes, so target bounds are left to MPI. Epochs
     * must be opened through the wrapper for its operations to be accepted. Its error handler is
     * left as it is.
     *
     * @throws IllegalArgumentException if the handle is {@code MPI_WIN_NULL} or MPI knows no window
     *                                  at that address
     */
    public static Win fromHandle(MemorySegment handle) {
        return fromForeign(handle, "window", Win::refuseNull, mpi_h::MPI_Win_c2f, mpi_h::MPI_Win_f2c,
                Win::wrapForeign);
    }

    /** {@code MPI_Win_f2c}, as {@link #fromHandle}; an integer that names no window is refused. */
    public static Win fromFortran(int fortranHandle) {
        return fromFortranHandle(fortranHandle, "window", mpi_h::MPI_Win_f2c, Win::fromHandle);
    }

    private static Win refuseNull(MemorySegment h) {
        if (h.equals(OpenMpiAbi.predefined("MPI_WIN_NULL"))) {
            throw new IllegalArgumentException("MPI_WIN_NULL is not a window");
        }
        return null;
    }

    /** A borrowed window object for a valid handle, from what MPI says of it (local calls only). */
    static Win wrapForeign(MemorySegment h) {
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Win_get_group(h, s.handle0), "MPI_Win_get_group");
        int rank;
        int size;
        try (Group g = Group.fromRef(s.handle0)) {
            rank = g.rank();
            size = g.size();
        }
        WinFlavor flavor = WinFlavor.of(attr(h, mpi_h.MPI_WIN_CREATE_FLAVOR()).reinterpret(4)
                .get(ValueLayout.JAVA_INT, 0));
        if (flavor == WinFlavor.DYNAMIC) {
            return new Win(h, flavor, rank, size, null, MemorySegment.NULL, false, false).borrow();
        }
        long base = attr(h, mpi_h.MPI_WIN_BASE()).address();
        long bytes = attr(h, mpi_h.MPI_WIN_SIZE()).reinterpret(8).get(ValueLayout.JAVA_LONG, 0);
        // the wrapper's own arena: its view of the memory ends when it frees the window
        Arena arena = Arena.ofShared();
        MemorySegment memory = MemorySegment.ofAddress(base).reinterpret(bytes, arena, null);
        return new Win(h, flavor, rank, size, arena, memory, false, false).borrow();
    }

    @Override
    void release(MemorySegment handleRef) {
        if (lockAllEpoch.isOpen() || startEpoch.isOpen() || postEpoch.isOpen() || anyLockOpen()) {
            throw new IllegalStateException("end the window's open epochs before freeing it");
        }
        if (arena != null) {
            arena.close(); // first: a failure (memory still in use by a thread) leaves everything as it was
        }
        Errors.check(mpi_h.MPI_Win_free(handleRef), "MPI_Win_free");
        attached.clear();
    }

    private boolean anyLockOpen() {
        for (Epoch e : lockEpochs) {
            if (e != null && e.isOpen()) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code MPI_Win_free}: frees the window, and ends the lifetime of the memory it owns (see
     * {@link #segment()}). Collective over the window's group; end every epoch first.
     *
     * @throws IllegalStateException if this process has an epoch of the window open, or a thread is
     *                               using the window's memory in a native call
     */
    @Override
    public void free() {
        super.free();
    }

    /** Every process learns every other's window size and displacement unit (window creation is collective). */
    private void exchangeSizes(Intracomm comm, long bytes, int dispUnit) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment mine = a.allocate(ValueLayout.JAVA_LONG, 2);
            mine.setAtIndex(ValueLayout.JAVA_LONG, 0, bytes);
            mine.setAtIndex(ValueLayout.JAVA_LONG, 1, dispUnit);
            MemorySegment all = a.allocate(ValueLayout.JAVA_LONG, 2L * groupSize);
            MemorySegment type = Datatype.INT64_T.handle();
            Errors.check(mpi_h.MPI_Allgather(mine, 2, type, all, 2, type, comm.handle()), "MPI_Allgather");
            for (int r = 0; r < groupSize; r++) {
                targetBytes[r] = all.getAtIndex(ValueLayout.JAVA_LONG, 2L * r);
                targetUnits[r] = (int) all.getAtIndex(ValueLayout.JAVA_LONG, 2L * r + 1);
            }
        }
    }

    // ---- creation -----------------------------------------------------------------------------

    /** {@link #create(MemorySegment, int, Info, Intracomm)} without hints. */
    public static Win create(MemorySegment base, int dispUnit, Intracomm comm) {
        return create(base, dispUnit, Info.NULL, comm);
    }

    /**
     * {@code MPI_Win_create}: a window over {@code base}, this process's part. Collective over
     * {@code comm}. The segment stays the program's: keep it alive until the window is freed.
     *
     * @param base     native, writable memory (any size, 0 included)
     * @param dispUnit the unit of target displacements into this process's part, in bytes (e.g. 8
     *                 for an array of {@code long}s, 1 for byte offsets)
     * @param info     hints ({@link Info#NULL} for none)
     * @throws IllegalArgumentException if {@code base} is heap memory or read-only, or {@code dispUnit < 1}
     */
    public static Win create(MemorySegment base, int dispUnit, Info info, Intracomm comm) {
        RmaBuffers.requireNative(base, "window memory");
        if (base.isReadOnly()) {
            throw new IllegalArgumentException("window memory is read-only: other processes may write to it");
        }
        checkDispUnit(dispUnit);
        MemorySegment c = checkComm(comm);
        Scratch s = Scratch.get();
        checkCreated(mpi_h.MPI_Win_create(base, base.byteSize(), dispUnit, Info.handleOf(info), c, s.handle0),
                "MPI_Win_create");
        return new Win(adopt(s.handle0()), WinFlavor.CREATE, comm, null, base, dispUnit);
    }

    /** {@link #allocate(long, int, Info, Intracomm)} without hints. */
    public static Win allocate(long bytes, int dispUnit, Intracomm comm) {
        return allocate(bytes, dispUnit, Info.NULL, comm);
    }

    /**
     * {@code MPI_Win_allocate}: a window over {@code bytes} of memory MPI allocates for this process
     * (each process may ask for a different size). Collective over {@code comm}. The memory is
     * {@link #segment()}, valid until the window is freed.
     */
    public static Win allocate(long bytes, int dispUnit, Info info, Intracomm comm) {
        return allocate(bytes, dispUnit, info, comm, false);
    }

    /** {@link #allocateShared(long, int, Info, Intracomm)} without hints. */
    public static Win allocateShared(long bytes, int dispUnit, Intracomm comm) {
        return allocateShared(bytes, dispUnit, Info.NULL, comm);
    }

    /**
     * {@code MPI_Win_allocate_shared}: like {@link #allocate}, in memory every process of
     * {@code comm} can load from and store to directly: see {@link #sharedQuery}. The processes of
     * {@code comm} must share memory, e.g. a communicator from
     * {@code comm.splitType(SplitType.SHARED, 0)}. Collective over {@code comm}.
     */
    public static Win allocateShared(long bytes, int dispUnit, Info info, Intracomm comm) {
        return allocate(bytes, dispUnit, info, comm, true);
    }

    private static Win allocate(long bytes, int dispUnit, Info info, Intracomm comm, boolean shared) {
        if (bytes < 0) {
            throw new IllegalArgumentException("negative window size: " + bytes);
        }
        checkDispUnit(dispUnit);
        MemorySegment c = checkComm(comm);
        MemorySegment infoHandle = Info.handleOf(info);
        Scratch s = Scratch.get();
        int rc = shared ? mpi_h.MPI_Win_allocate_shared(bytes, dispUnit, infoHandle, c, s.handle1, s.handle0)
                : mpi_h.MPI_Win_allocate(bytes, dispUnit, infoHandle, c, s.handle1, s.handle0);
        Errors.check(rc, shared ? "MPI_Win_allocate_shared" : "MPI_Win_allocate");
        MemorySegment handle = adopt(s.handle0());
        Arena arena = Arena.ofShared();
        MemorySegment memory = s.handle1().reinterpret(bytes, arena, null);
        memory.fill((byte) 0); // as Java's own allocations; the size exchange orders it before any access
        return new Win(handle, shared ? WinFlavor.SHARED : WinFlavor.ALLOCATE, comm, arena, memory, dispUnit);
    }

    /** {@link #createDynamic(Info, Intracomm)} without hints. */
    public static Win createDynamic(Intracomm comm) {
        return createDynamic(Info.NULL, comm);
    }

    /**
     * {@code MPI_Win_create_dynamic}: a window without memory; each process {@link #attach}es and
     * {@link #detach}es memory as it goes. Target displacements are then addresses in the target
     * process ({@code segment.address()} there, communicated by the program). Collective over
     * {@code comm}.
     */
    public static Win createDynamic(Info info, Intracomm comm) {
        MemorySegment c = checkComm(comm);
        Scratch s = Scratch.get();
        checkCreated(mpi_h.MPI_Win_create_dynamic(Info.handleOf(info), c, s.handle0), "MPI_Win_create_dynamic");
        return new Win(adopt(s.handle0()), WinFlavor.DYNAMIC, comm, null, MemorySegment.NULL, 1);
    }

    /**
     * {@link Errors#check}, saying why the usual failure happens: Open MPI 4.1 has no one-sided
     * component for windows over the program's memory in a process alone on its node at
     * {@code MPI_THREAD_MULTIPLE} (osc/pt2pt refuses that thread level, osc/rdma needs the shared
     * memory transport, which needs a second process on the node).
     */
    private static void checkCreated(int rc, String function) {
        if (rc != mpi_h.MPI_SUCCESS()) {
            MpiException e = new MpiException(rc, function);
            if (e.errorClass() == ErrorClass.ERR_WIN) {
                e = new MpiException(rc, function + " (Open MPI 4.1 creates windows over program memory only with "
                        + "a second process on the node or below MPI_THREAD_MULTIPLE: use Win.allocate, or "
                        + "-Dmpi4j.threadLevel=single)");
            }
            throw e;
        }
    }

    private static MemorySegment adopt(MemorySegment handle) {
        Errors.check(mpi_h.MPI_Win_set_errhandler(handle, Errors.defaultErrhandler()), "MPI_Win_set_errhandler");
        return handle;
    }

    private static MemorySegment checkComm(Intracomm comm) {
        return Errors.checkNotNull(comm, "communicator").handle();
    }

    private static void checkDispUnit(int dispUnit) {
        if (dispUnit < 1) {
            throw new IllegalArgumentException("displacement unit must be at least 1: " + dispUnit);
        }
    }

    // ---- memory ---------------------------------------------------------------------------------

    /**
     * This process's part of the window. For {@link #allocate} and {@link #allocateShared} windows it
     * is memory MPI owns, unusable once the window is freed; for {@link #create} it is the segment the
     * window was created over; a dynamic window has none ({@link MemorySegment#NULL}).
     */
    public MemorySegment segment() {
        handle();
        return memory;
    }

    /**
     * {@code MPI_Win_shared_query}: the part of a shared-memory window ({@link #allocateShared}) that
     * process {@code rank} allocated, as a segment this process can load from and store to directly.
     * Valid until the window is freed. {@link MPI#PROC_NULL} gives the first non-empty part.
     */
    public MemorySegment sharedQuery(int rank) {
        MemorySegment h = handle();
        if (flavor != WinFlavor.SHARED) {
            throw new IllegalStateException("sharedQuery needs a window from allocateShared, not " + flavor);
        }
        if (rank != MPI.PROC_NULL) {
            checkRank(rank);
        }
        try (Arena a = Arena.ofConfined()) {
            MemorySegment size = a.allocate(ValueLayout.JAVA_LONG);
            MemorySegment unit = a.allocate(ValueLayout.JAVA_INT);
            MemorySegment base = a.allocate(ValueLayout.ADDRESS);
            Errors.check(mpi_h.MPI_Win_shared_query(h, rank, size, unit, base), "MPI_Win_shared_query");
            return base.get(ValueLayout.ADDRESS, 0).reinterpret(size.get(ValueLayout.JAVA_LONG, 0), arena, null);
        }
    }

    /**
     * {@code MPI_Win_attach}: exposes {@code seg} through this dynamic window. The window keeps the
     * segment reachable until it is detached; its memory must stay alive that long.
     */
    public void attach(MemorySegment seg) {
        MemorySegment h = handle();
        requireDynamic("attach");
        RmaBuffers.requireNative(seg, "attached memory");
        Errors.check(mpi_h.MPI_Win_attach(h, seg, seg.byteSize()), "MPI_Win_attach");
        attached.add(seg);
    }

    /** {@code MPI_Win_detach}: stops exposing a segment {@link #attach}ed before. */
    public void detach(MemorySegment seg) {
        MemorySegment h = handle();
        requireDynamic("detach");
        RmaBuffers.requireNative(seg, "attached memory");
        Errors.check(mpi_h.MPI_Win_detach(h, seg), "MPI_Win_detach");
        attached.remove(seg);
    }

    private void requireDynamic(String what) {
        if (flavor != WinFlavor.DYNAMIC) {
            throw new IllegalStateException(what + " needs a window from createDynamic, not " + flavor);
        }
    }

    // ---- attributes, group, name, info ------------------------------------------------------------

    /** The {@code MPI_WIN_BASE} attribute: the address of this process's part (0 for a dynamic window). */
    public long base() {
        return attr(mpi_h.MPI_WIN_BASE()).address();
    }

    /** The {@code MPI_WIN_SIZE} attribute: the size of this process's part, in bytes. */
    public long size() {
        return attr(mpi_h.MPI_WIN_SIZE()).reinterpret(8).get(ValueLayout.JAVA_LONG, 0);
    }

    /** The {@code MPI_WIN_DISP_UNIT} attribute: this process's displacement unit, in bytes. */
    public int dispUnit() {
        return attr(mpi_h.MPI_WIN_DISP_UNIT()).reinterpret(4).get(ValueLayout.JAVA_INT, 0);
    }

    /** The {@code MPI_WIN_CREATE_FLAVOR} attribute: how the window was created. */
    public WinFlavor createFlavor() {
        return WinFlavor.of(attr(mpi_h.MPI_WIN_CREATE_FLAVOR()).reinterpret(4).get(ValueLayout.JAVA_INT, 0));
    }

    /** The {@code MPI_WIN_MODEL} attribute: the window's memory model. */
    public MemoryModel model() {
        return MemoryModel.of(attr(mpi_h.MPI_WIN_MODEL()).reinterpret(4).get(ValueLayout.JAVA_INT, 0));
    }

    private MemorySegment attr(int keyval) {
        return attr(handle(), keyval);
    }

    private static MemorySegment attr(MemorySegment h, int keyval) {
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Win_get_attr(h, keyval, s.handle1, s.int1), "MPI_Win_get_attr");
        if (s.int1() == 0) {
            throw new IllegalStateException("window attribute " + keyval + " is not set");
        }
        return s.handle1();
    }

    /**
     * {@code MPI_Win_set_attr}: caches {@code value} on this window under {@code keyval} (from
     * {@link Keyval#forWin}); a value already there is deleted first (its deleter runs), and
     * {@link #free()} deletes it too.
     *
     * @throws IllegalArgumentException if {@code keyval} is a key for another kind of object
     */
    public <T> void setAttr(Keyval<T> keyval, T value) {
        Errors.checkNotNull(keyval, "keyval").set(Keyval.Kind.WIN, handle(), value);
    }

    /** {@code MPI_Win_get_attr}: the value cached under {@code keyval}, if any. */
    public <T> java.util.Optional<T> getAttr(Keyval<T> keyval) {
        return Errors.checkNotNull(keyval, "keyval").get(Keyval.Kind.WIN, handle());
    }

    /** {@code MPI_Win_delete_attr}: deletes the value cached under {@code keyval} (its deleter runs). */
    public void deleteAttr(Keyval<?> keyval) {
        Errors.checkNotNull(keyval, "keyval").delete(Keyval.Kind.WIN, handle());
    }

    // ---- error handlers ---------------------------------------------------------------------------

    /**
     * {@code MPI_Win_set_errhandler}: what MPI does on an error in a call on this window (see
     * {@link Errhandler}).
     *
     * @throws IllegalArgumentException if {@code errhandler} was made for another kind of object
     */
    public void setErrhandler(Errhandler errhandler) {
        Errors.checkNotNull(errhandler, "error handler").checkFits(Errhandler.Kind.WIN);
        Errors.check(mpi_h.MPI_Win_set_errhandler(handle(), errhandler.handle()), "MPI_Win_set_errhandler");
    }

    /**
     * {@code MPI_Win_get_errhandler}: the error handler of this window; a predefined or Java handler
     * comes back as the same object (nothing to free), another as a new object to free.
     */
    public Errhandler getErrhandler() {
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Win_get_errhandler(handle(), s.handle0), "MPI_Win_get_errhandler");
        return Errhandler.ofReturned(s.handle0);
    }

    /**
     * {@code MPI_Win_call_errhandler}: invokes this window's error handler with {@code errorCode},
     * as MPI does on an error. With {@link Errhandler#ERRORS_RETURN} nothing happens; a Java
     * handler runs before this returns, and what it throws is rethrown here.
     */
    public void callErrhandler(int errorCode) {
        Errors.check(mpi_h.MPI_Win_call_errhandler(handle(), errorCode), "MPI_Win_call_errhandler");
        Errors.rethrowUpcallFailure();
    }

    /** {@code MPI_Win_get_group}: the group of processes of the window (free it when done). */
    public Group group() {
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Win_get_group(handle(), s.handle0), "MPI_Win_get_group");
        return Group.fromRef(s.handle0);
    }

    /** {@code MPI_Win_get_name}. */
    public String getName() {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment str = a.allocate(mpi_h.MPI_MAX_OBJECT_NAME() + 1L);
            MemorySegment len = a.allocate(ValueLayout.JAVA_INT);
            Errors.check(mpi_h.MPI_Win_get_name(handle(), str, len), "MPI_Win_get_name");
            return str.getString(0);
        }
    }

    /** {@code MPI_Win_set_name}: names the window (for debuggers and error messages). */
    public void setName(String name) {
        Errors.checkNotNull(name, "name");
        if (name.length() >= mpi_h.MPI_MAX_OBJECT_NAME()) {
            throw new IllegalArgumentException("name longer than " + (mpi_h.MPI_MAX_OBJECT_NAME() - 1));
        }
        try (Arena a = Arena.ofConfined()) {
            Errors.check(mpi_h.MPI_Win_set_name(handle(), a.allocateFrom(name)), "MPI_Win_set_name");
        }
    }

    /** {@code MPI_Win_get_info}: the hints in use (a new info object: free it when done). */
    public Info getInfo() {
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Win_get_info(handle(), s.handle0), "MPI_Win_get_info");
        return Info.fromRef(s.handle0);
    }

    /** {@code MPI_Win_set_info}: sets hints. Collective over the window's group. */
    public void setInfo(Info info) {
        Errors.check(mpi_h.MPI_Win_set_info(handle(), Info.handleOf(Errors.checkNotNull(info, "info"))),
                "MPI_Win_set_info");
    }

    // ---- put, get -------------------------------------------------------------------------------

    /** {@code MPI_Put} of the whole of {@code origin} (as bytes) to the same bytes at {@code targetDisp}. */
    public void put(MemorySegment origin, int targetRank, long targetDisp) {
        long n = RmaBuffers.requireNative(origin, "origin buffer").byteSize();
        put(origin, n, Datatype.BYTE, targetRank, targetDisp, n, Datatype.BYTE);
    }

    /** {@code MPI_Put} of {@code count} elements of {@code type}, to as many of the same type at the target. */
    public void put(MemorySegment origin, long count, Datatype type, int targetRank, long targetDisp) {
        put(origin, count, type, targetRank, targetDisp, count, type);
    }

    /**
     * {@code MPI_Put}: writes {@code originCount} elements of {@code originType} from {@code origin}
     * into the window of {@code targetRank}, as {@code targetCount} elements of {@code targetType}
     * from displacement {@code targetDisp} (in the target's displacement units). Completes at the end
     * of the epoch, or at a flush.
     */
    public void put(MemorySegment origin, long originCount, Datatype originType, int targetRank, long targetDisp,
            long targetCount, Datatype targetType) {
        long span = RmaBuffers.span(origin, originCount, originType, "origin buffer");
        int tc = checkTarget(targetRank, targetDisp, targetCount, targetType,
                targetType == originType && targetCount == originCount ? span : -1);
        Errors.check(mpi_h.MPI_Put(origin, (int) originCount, originType.handle(), targetRank, targetDisp, tc,
                targetType.handle(), handle()), "MPI_Put");
    }

    /** {@code MPI_Get} into the whole of {@code result} (as bytes) from the same bytes at {@code targetDisp}. */
    public void get(MemorySegment result, int targetRank, long targetDisp) {
        long n = RmaBuffers.requireNative(result, "result buffer").byteSize();
        get(result, n, Datatype.BYTE, targetRank, targetDisp, n, Datatype.BYTE);
    }

    /** {@code MPI_Get} of {@code count} elements of {@code type}, from as many of the same type at the target. */
    public void get(MemorySegment result, long count, Datatype type, int targetRank, long targetDisp) {
        get(result, count, type, targetRank, targetDisp, count, type);
    }

    /**
     * {@code MPI_Get}: reads {@code targetCount} elements of {@code targetType} from displacement
     * {@code targetDisp} of {@code targetRank}'s window into {@code result}, as {@code resultCount}
     * elements of {@code resultType}. The data is there at the end of the epoch, or after a flush.
     */
    public void get(MemorySegment result, long resultCount, Datatype resultType, int targetRank, long targetDisp,
            long targetCount, Datatype targetType) {
        long span = RmaBuffers.resultSpan(result, resultCount, resultType);
        int tc = checkTarget(targetRank, targetDisp, targetCount, targetType,
                targetType == resultType && targetCount == resultCount ? span : -1);
        int rc = (int) resultCount;
        Errors.check(mpi_h.MPI_Get(result, rc, resultType.handle(), targetRank, targetDisp, tc, targetType.handle(),
                handle()), "MPI_Get");
    }

    // ---- accumulate --------------------------------------------------------------------------------

    /** {@code MPI_Accumulate} of the whole of {@code origin} as bytes (for bitwise operations and REPLACE). */
    public void accumulate(MemorySegment origin, int targetRank, long targetDisp, Op op) {
        long n = RmaBuffers.requireNative(origin, "origin buffer").byteSize();
        accumulate(origin, n, Datatype.BYTE, targetRank, targetDisp, n, Datatype.BYTE, op);
    }

    /** {@code MPI_Accumulate} of {@code count} elements of {@code type} onto as many at the target. */
    public void accumulate(MemorySegment origin, long count, Datatype type, int targetRank, long targetDisp, Op op) {
        accumulate(origin, count, type, targetRank, targetDisp, count, type, op);
    }

    /**
     * {@code MPI_Accumulate}: combines the origin data with the target's, element by element, with
     * a predefined {@code op} ({@link Op#REPLACE} writes atomically, as an atomic put). Accumulates by
     * several processes onto the same location with the same basic type are atomic.
     */
    public void accumulate(MemorySegment origin, long originCount, Datatype originType, int targetRank,
            long targetDisp, long targetCount, Datatype targetType, Op op) {
        int oc = RmaBuffers.originCount(origin, originCount, originType, "origin buffer");
        int tc = checkTarget(targetRank, targetDisp, targetCount, targetType);
        MemorySegment o = RmaBuffers.checkOp(op, targetType);
        Errors.check(mpi_h.MPI_Accumulate(origin, oc, originType.handle(), targetRank, targetDisp, tc,
                targetType.handle(), o, handle()), "MPI_Accumulate");
    }

    /**
     * {@code MPI_Get_accumulate} of {@code count} elements of {@code type}: {@code result} receives the
     * target's data as it was before {@code origin} was combined into it. With {@link Op#NO_OP} it is
     * an atomic get and {@code origin} may be null.
     */
    public void getAccumulate(MemorySegment origin, MemorySegment result, long count, Datatype type, int targetRank,
            long targetDisp, Op op) {
        getAccumulate(origin, count, type, result, count, type, targetRank, targetDisp, count, type, op);
    }

    /** {@code MPI_Get_accumulate}, every count and type given; see the short form. */
    public void getAccumulate(MemorySegment origin, long originCount, Datatype originType, MemorySegment result,
            long resultCount, Datatype resultType, int targetRank, long targetDisp, long targetCount,
            Datatype targetType, Op op) {
        MemorySegment o = RmaBuffers.checkOp(op, targetType);
        int oc = 0;
        MemorySegment org = MemorySegment.NULL;
        MemorySegment otype = resultType.handle();
        if (origin != null || op != Op.NO_OP) {
            oc = RmaBuffers.originCount(origin, originCount, originType, "origin buffer");
            org = origin;
            otype = originType.handle();
        }
        int rc = RmaBuffers.resultCount(result, resultCount, resultType);
        int tc = checkTarget(targetRank, targetDisp, targetCount, targetType);
        Errors.check(mpi_h.MPI_Get_accumulate(org, oc, otype, result, rc, resultType.handle(), targetRank,
                targetDisp, tc, targetType.handle(), o, handle()), "MPI_Get_accumulate");
    }

    /**
     * {@code MPI_Fetch_and_op}: atomically combines one element of {@code type} from {@code origin}
     * with the target's, and returns the target's old value in {@code result} (at the end of the
     * epoch or after a flush). With {@link Op#NO_OP} it is an atomic read and {@code origin} may be
     * null; with {@link Op#REPLACE} an atomic swap. {@code type} must be predefined.
     */
    public void fetchAndOp(MemorySegment origin, MemorySegment result, Datatype type, int targetRank,
            long targetDisp, Op op) {
        MemorySegment o = RmaBuffers.checkOp(op, type);
        RmaBuffers.requirePredefined(type, "fetchAndOp");
        MemorySegment org = MemorySegment.NULL;
        if (origin != null || op != Op.NO_OP) {
            RmaBuffers.originCount(origin, 1, type, "origin buffer");
            org = origin;
        }
        RmaBuffers.resultCount(result, 1, type);
        checkTarget(targetRank, targetDisp, 1, type);
        Errors.check(mpi_h.MPI_Fetch_and_op(org, result, type.handle(), targetRank, targetDisp, o, handle()),
                "MPI_Fetch_and_op");
    }

    /**
     * {@code MPI_Compare_and_swap}: atomically replaces the target's element with {@code origin}'s if
     * it equals {@code compare}'s; {@code result} receives the target's old value. {@code type} must be
     * a predefined integer, boolean or byte type.
     *
     * @throws UnsupportedOperationException for 8-byte types in a window of several processes that
     *         is not from {@link #allocateShared}: Open MPI 4.1.4 crashes there
     */
    public void compareAndSwap(MemorySegment origin, MemorySegment compare, MemorySegment result, Datatype type,
            int targetRank, long targetDisp) {
        RmaBuffers.requirePredefined(type, "compareAndSwap");
        if (!RmaBuffers.comparable(type)) {
            throw new IllegalArgumentException("compareAndSwap works on integer, boolean and byte types, not on "
                    + type.getName());
        }
        if (OpenMpiAbi.compareAndSwapCrashes(type.size(), flavor == WinFlavor.SHARED, groupSize)) {
            throw new UnsupportedOperationException("Open MPI 4.1 crashes on a 64-bit compareAndSwap in a window "
                    + "of several processes not from allocateShared: use a 32-bit type (Datatype.INT32_T) or a "
                    + "window from allocateShared");
        }
        RmaBuffers.originCount(origin, 1, type, "origin buffer");
        RmaBuffers.originCount(compare, 1, type, "compare buffer");
        RmaBuffers.resultCount(result, 1, type);
        checkTarget(targetRank, targetDisp, 1, type);
        Errors.check(mpi_h.MPI_Compare_and_swap(origin, compare, result, type.handle(), targetRank, targetDisp,
                handle()), "MPI_Compare_and_swap");
    }

    // ---- request-based operations -------------------------------------------------------------------
    // Inside a passive-target epoch only (lock, lockAll). The Request keeps the buffers reachable until
    // it completes; completion means the origin buffer may be reused (or the result is there).

    /** {@code MPI_Rput} of the whole of {@code origin} as bytes. */
    public Request rput(MemorySegment origin, int targetRank, long targetDisp) {
        long n = RmaBuffers.requireNative(origin, "origin buffer").byteSize();
        return rput(origin, n, Datatype.BYTE, targetRank, targetDisp, n, Datatype.BYTE);
    }

    /** {@code MPI_Rput}: {@link #put} returning a request that completes when {@code origin} may be reused. */
    public Request rput(MemorySegment origin, long originCount, Datatype originType, int targetRank, long targetDisp,
            long targetCount, Datatype targetType) {
        int oc = RmaBuffers.originCount(origin, originCount, originType, "origin buffer");
        int tc = checkTarget(targetRank, targetDisp, targetCount, targetType);
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Rput(origin, oc, originType.handle(), targetRank, targetDisp, tc, targetType.handle(),
                handle(), s.handle0), "MPI_Rput");
        return new Request(s.handle0(), false, origin, null);
    }

    /** {@code MPI_Rget} into the whole of {@code result} as bytes. */
    public Request rget(MemorySegment result, int targetRank, long targetDisp) {
        long n = RmaBuffers.requireNative(result, "result buffer").byteSize();
        return rget(result, n, Datatype.BYTE, targetRank, targetDisp, n, Datatype.BYTE);
    }

    /** {@code MPI_Rget}: {@link #get} returning a request that completes when the data is in {@code result}. */
    public Request rget(MemorySegment result, long resultCount, Datatype resultType, int targetRank, long targetDisp,
            long targetCount, Datatype targetType) {
        int rc = RmaBuffers.resultCount(result, resultCount, resultType);
        int tc = checkTarget(targetRank, targetDisp, targetCount, targetType);
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Rget(result, rc, resultType.handle(), targetRank, targetDisp, tc, targetType.handle(),
                handle(), s.handle0), "MPI_Rget");
        return new Request(s.handle0(), false, result, null);
    }

    /** {@code MPI_Raccumulate} of {@code count} elements of {@code type} onto as many at the target. */
    public Request raccumulate(MemorySegment origin, long count, Datatype type, int targetRank, long targetDisp,
            Op op) {
        return raccumulate(origin, count, type, targetRank, targetDisp, count, type, op);
    }

    /** {@code MPI_Raccumulate}: {@link #accumulate} returning a request. */
    public Request raccumulate(MemorySegment origin, long originCount, Datatype originType, int targetRank,
            long targetDisp, long targetCount, Datatype targetType, Op op) {
        int oc = RmaBuffers.originCount(origin, originCount, originType, "origin buffer");
        int tc = checkTarget(targetRank, targetDisp, targetCount, targetType);
        MemorySegment o = RmaBuffers.checkOp(op, targetType);
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Raccumulate(origin, oc, originType.handle(), targetRank, targetDisp, tc,
                targetType.handle(), o, handle(), s.handle0), "MPI_Raccumulate");
        return new Request(s.handle0(), false, origin, null);
    }

    /** {@code MPI_Rget_accumulate} of {@code count} elements of {@code type}; see {@link #getAccumulate}. */
    public Request rgetAccumulate(MemorySegment origin, MemorySegment result, long count, Datatype type,
            int targetRank, long targetDisp, Op op) {
        return rgetAccumulate(origin, count, type, result, count, type, targetRank, targetDisp, count, type, op);
    }

    /** {@code MPI_Rget_accumulate}: {@link #getAccumulate} returning a request. */
    public Request rgetAccumulate(MemorySegment origin, long originCount, Datatype originType, MemorySegment result,
            long resultCount, Datatype resultType, int targetRank, long targetDisp, long targetCount,
            Datatype targetType, Op op) {
        MemorySegment o = RmaBuffers.checkOp(op, targetType);
        int oc = 0;
        MemorySegment org = MemorySegment.NULL;
        MemorySegment otype = resultType.handle();
        if (origin != null || op != Op.NO_OP) {
            oc = RmaBuffers.originCount(origin, originCount, originType, "origin buffer");
            org = origin;
            otype = originType.handle();
        }
        int rc = RmaBuffers.resultCount(result, resultCount, resultType);
        int tc = checkTarget(targetRank, targetDisp, targetCount, targetType);
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Rget_accumulate(org, oc, otype, result, rc, resultType.handle(), targetRank,
                targetDisp, tc, targetType.handle(), o, handle(), s.handle0), "MPI_Rget_accumulate");
        return new Request(s.handle0(), false, new MemorySegment[] {origin, result}, null);
    }

    // ---- active target: fence -------------------------------------------------------------------------

    /** {@code MPI_Win_fence} without assertions. Collective over the window's group. */
    public void fence() {
        Errors.check(mpi_h.MPI_Win_fence(0, handle()), "MPI_Win_fence");
        fenceEpoch = true;
    }

    /**
     * {@code MPI_Win_fence}: completes the operations of the epoch before it and opens the next
     * (active-target synchronisation, every process of the group calls it).
     */
    public void fence(Set<Assert> asserts) {
        int mask = Assert.mask(asserts);
        Errors.check(mpi_h.MPI_Win_fence(mask, handle()), "MPI_Win_fence");
        fenceEpoch = (mask & Assert.NOSUCCEED.value()) == 0;
    }

    // ---- active target: post / start / complete / wait ------------------------------------------------

    /** {@link #start(Group, Set)} without assertions. */
    public Epoch start(Group group) {
        return start(group, Set.of());
    }

    /**
     * {@code MPI_Win_start}: opens an access epoch to the processes of {@code group} (ranks of the
     * window's group), which expose their windows with {@link #post}. End it with {@link #complete()}
     * or by closing the epoch.
     */
    public Epoch start(Group group, Set<Assert> asserts) {
        Errors.checkNotNull(group, "group");
        requireClosed(startEpoch, "start(group)");
        Errors.check(mpi_h.MPI_Win_start(group.handle(), Assert.mask(asserts), handle()), "MPI_Win_start");
        startEpoch.opened();
        return startEpoch;
    }

    /** {@code MPI_Win_complete}: ends the access epoch {@link #start} opened; its operations are complete. */
    public void complete() {
        requireOpen(startEpoch, "complete() without start(group)");
        Errors.check(mpi_h.MPI_Win_complete(handle()), "MPI_Win_complete");
        startEpoch.ended();
    }

    /** {@link #post(Group, Set)} without assertions. */
    public Epoch post(Group group) {
        return post(group, Set.of());
    }

    /**
     * {@code MPI_Win_post}: opens an exposure epoch of this process's window to the processes of
     * {@code group}, which access it after their {@link #start}. End it with {@link #waitFor()} (or
     * by closing the epoch) or poll with {@link #test()}.
     */
    public Epoch post(Group group, Set<Assert> asserts) {
        Errors.checkNotNull(group, "group");
        requireClosed(postEpoch, "post(group)");
        Errors.check(mpi_h.MPI_Win_post(group.handle(), Assert.mask(asserts), handle()), "MPI_Win_post");
        postEpoch.opened();
        return postEpoch;
    }

    /**
     * {@code MPI_Win_wait}: ends the exposure epoch {@link #post} opened, once every process it was
     * exposed to has called {@link #complete()}.
     */
    public void waitFor() {
        requireOpen(postEpoch, "waitFor() without post(group)");
        Errors.check(mpi_h.MPI_Win_wait(handle()), "MPI_Win_wait");
        postEpoch.ended();
    }

    /** {@code MPI_Win_test}: {@link #waitFor()} without blocking; true when the exposure epoch has ended. */
    public boolean test() {
        requireOpen(postEpoch, "test() without post(group)");
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Win_test(handle(), s.int0), "MPI_Win_test");
        boolean done = s.int0() != 0;
        if (done) {
            postEpoch.ended();
        }
        return done;
    }

    // ---- passive target: lock / unlock, flush, sync ---------------------------------------------------

    /** {@link #lock(LockType, int, Set)} without assertions. */
    public Epoch lock(LockType type, int rank) {
        return lock(type, rank, 0);
    }

    /**
     * {@code MPI_Win_lock}: opens an access epoch to the window of {@code rank}, with a shared or
     * exclusive lock. End it with {@link #unlock(int)} or by closing the returned epoch.
     */
    public Epoch lock(LockType type, int rank, Set<Assert> asserts) {
        return lock(type, rank, Assert.mask(asserts));
    }

    private Epoch lock(LockType type, int rank, int mask) {
        Errors.checkNotNull(type, "lock type");
        Epoch e = lockEpoch(rank);
        requireClosed(e, "lock(type, rank)");
        Errors.check(mpi_h.MPI_Win_lock(type.value(), rank, mask, handle()), "MPI_Win_lock");
        e.opened();
        return e;
    }

    private Epoch lockEpoch(int rank) {
        checkRank(rank);
        Epoch e = lockEpochs[rank];
        if (e == null) {
            e = lockEpochs[rank] = new Epoch(this, Epoch.Kind.LOCK, rank);
        }
        return e;
    }

    /** {@code MPI_Win_unlock}: ends the epoch {@link #lock} opened; its operations are complete at both ends. */
    public void unlock(int rank) {
        Epoch e = lockEpoch(rank);
        requireOpen(e, "unlock(rank) without lock(type, rank)");
        Errors.check(mpi_h.MPI_Win_unlock(rank, handle()), "MPI_Win_unlock");
        e.ended();
    }

    /** {@link #lockAll(Set)} without assertions. */
    public Epoch lockAll() {
        return lockAll(0);
    }

    /**
     * {@code MPI_Win_lock_all}: opens a shared-lock access epoch to every process of the window. End
     * it with {@link #unlockAll()} or by closing the epoch.
     */
    public Epoch lockAll(Set<Assert> asserts) {
        return lockAll(Assert.mask(asserts));
    }

    private Epoch lockAll(int mask) {
        requireClosed(lockAllEpoch, "lockAll()");
        Errors.check(mpi_h.MPI_Win_lock_all(mask, handle()), "MPI_Win_lock_all");
        lockAllEpoch.opened();
        return lockAllEpoch;
    }

    /** {@code MPI_Win_unlock_all}: ends the epoch {@link #lockAll} opened. */
    public void unlockAll() {
        requireOpen(lockAllEpoch, "unlockAll() without lockAll()");
        Errors.check(mpi_h.MPI_Win_unlock_all(handle()), "MPI_Win_unlock_all");
        lockAllEpoch.ended();
    }

    /** {@code MPI_Win_flush}: completes this process's operations to {@code rank}, at both ends, inside a lock epoch. */
    public void flush(int rank) {
        checkRank(rank);
        Errors.check(mpi_h.MPI_Win_flush(rank, handle()), "MPI_Win_flush");
    }

    /** {@code MPI_Win_flush_all}: {@link #flush} to every process. */
    public void flushAll() {
        Errors.check(mpi_h.MPI_Win_flush_all(handle()), "MPI_Win_flush_all");
    }

    /** {@code MPI_Win_flush_local}: completes this process's operations to {@code rank} locally (buffers reusable). */
    public void flushLocal(int rank) {
        checkRank(rank);
        Errors.check(mpi_h.MPI_Win_flush_local(rank, handle()), "MPI_Win_flush_local");
    }

    /** {@code MPI_Win_flush_local_all}: {@link #flushLocal} to every process. */
    public void flushLocalAll() {
        Errors.check(mpi_h.MPI_Win_flush_local_all(handle()), "MPI_Win_flush_local_all");
    }

    /**
     * {@code MPI_Win_sync}: reconciles the public and private copies of this process's window (a
     * memory barrier for windows read with direct loads, e.g. of shared memory), inside a passive
     * epoch.
     */
    public void sync() {
        Errors.check(mpi_h.MPI_Win_sync(handle()), "MPI_Win_sync");
    }

    // ---- checks ------------------------------------------------------------------------------------------

    private void checkRank(int rank) {
        if (rank < 0 || rank >= groupSize) {
            throw new IllegalArgumentException("invalid target rank " + rank + " (window of " + groupSize
                    + " processes)");
        }
    }

    /** Checks a target against what this process knows of its window; returns the count as an int. */
    private int checkTarget(int targetRank, long targetDisp, long targetCount, Datatype targetType) {
        return checkTarget(targetRank, targetDisp, targetCount, targetType, -1);
    }

    /**
     * {@link #checkTarget(int, long, long, Datatype)}, given the target's span in bytes when the
     * origin's check computed it already ({@code knownSpan >= 0}; -1 otherwise).
     */
    private int checkTarget(int targetRank, long targetDisp, long targetCount, Datatype targetType, long knownSpan) {
        Errors.checkNotNull(targetType, "target datatype");
        if (targetCount < 0) {
            throw new IllegalArgumentException("negative target count: " + targetCount);
        }
        int tc = RmaBuffers.intCount(targetCount);
        if (targetRank == MPI.PROC_NULL) {
            return tc;
        }
        checkRank(targetRank);
        checkEpoch(targetRank);
        long[] sizes = targetBytes;
        if (sizes == null) {
            return tc; // dynamic (displacements are addresses MPI checks) or borrowed (sizes unknown here): MPI checks
        }
        if (targetDisp < 0) {
            throw new IllegalArgumentException("negative target displacement: " + targetDisp);
        }
        long bytes = sizes[targetRank];
        long unit = targetUnits[targetRank];
        long need = knownSpan >= 0 ? knownSpan : targetType.bytesFor(targetCount);
        // multiplication with an overflow test rather than a 64-bit division, on every operation
        long offset = targetDisp * unit;
        if (Math.multiplyHigh(targetDisp, unit) != 0 || offset < 0 || offset > bytes || need > bytes - offset) {
            throw new IllegalArgumentException(targetCount + " elements of " + targetType.getName()
                    + " at displacement " + targetDisp + " (unit " + unit + " B) reach beyond the window of rank "
                    + targetRank + " (" + bytes + " bytes)");
        }
        return tc;
    }

    /**
     * Refuses an operation outside any access epoch to {@code targetRank}: Open MPI's shared-memory
     * component would carry it out unsynchronised instead of reporting the error.
     */
    private void checkEpoch(int targetRank) {
        if (fenceEpoch || lockAllEpoch.isOpen() || startEpoch.isOpen()) {
            return;
        }
        Epoch e = lockEpochs[targetRank];
        if (e == null || !e.isOpen()) {
            throw new IllegalStateException("no access epoch to rank " + targetRank + " is open: call fence(), "
                    + "lock(type, " + targetRank + "), lockAll() or start(group) first");
        }
    }

    /**
     * Refuses to end an epoch that is not open (Open MPI reports some of these cases, not all, and
     * waits for ever in others). {@code what} is a constant: nothing is built unless it fails.
     */
    private void requireOpen(Epoch e, String what) {
        handle();
        if (!e.isOpen()) {
            throw new IllegalStateException(what + e.target() + ": no such epoch is open");
        }
    }

    /**
     * Refuses to open an epoch that is open already (a second lock on a target would wait for
     * ever). {@code what} is a constant: nothing is built unless it fails.
     */
    private void requireClosed(Epoch e, String what) {
        if (e.isOpen()) {
            throw new IllegalStateException(what + e.target() + ": this epoch is open already");
        }
    }

    @Override
    public String toString() {
        return isFreed() ? "Win[freed]" : "Win[" + flavor + ", " + memory.byteSize() + " bytes here]";
    }
}
