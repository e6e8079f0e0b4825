package org.mpi4j;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.mpi4j.FileIo.Access;
import org.mpi4j.ffi.mpi_h;
import org.mpi4j.internal.OpenMpiAbi;
import org.mpi4j.internal.Scratch;

/**
 * A file opened for parallel I/O by the processes of a communicator ({@code MPI_File}, MPI-IO).
 * Not {@link java.io.File}: code that uses both writes {@code org.mpi4j.File} in full.
 *
 * <pre>{@code
 * try (org.mpi4j.File f = org.mpi4j.File.open(comm, path, AccessMode.WRONLY, AccessMode.CREATE)) {
 *     f.writeAtAll(comm.rank() * seg.byteSize(), seg);      // collective, at this rank's offset
 * }
 * }</pre>
 *
 * <p>Data access comes in MPI's three ways of positioning, each blocking, nonblocking
 * ({@code i...}, returning a {@link Request}) and, for the collective ones, split
 * ({@code ...Begin} / {@code ...End}):
 * <ul>
 * <li>explicit offsets: {@link #readAt}, {@link #readAtAll}, {@link #writeAt}, {@link #writeAtAll},
 * {@link #iReadAt}, {@link #iReadAtAll}, {@link #iWriteAt}, {@link #iWriteAtAll};</li>
 * <li>this process's file pointer: {@link #read}, {@link #readAll}, {@link #write}, {@link #writeAll},
 * {@link #iread}, {@link #ireadAll}, {@link #iwrite}, {@link #iwriteAll}, {@link #seek},
 * {@link #position}, {@link #byteOffset};</li>
 * <li>the pointer shared by all processes: {@link #readShared}, {@link #writeShared},
 * {@link #ireadShared}, {@link #iwriteShared}, {@link #readOrdered}, {@link #writeOrdered},
 * {@link #seekShared}, {@link #positionShared}.</li>
 * </ul>
 * Offsets and counts are in units of the view's etype (bytes with the default view).
 *
 * <p>Buffers: a {@link MemorySegment} (count and datatype inferred: the array element type of a
 * heap segment, {@link Datatype#BYTE} for native memory) or {@code (MemorySegment, count, Datatype)}.
 * Native memory is passed as it is. Heap memory is copied through pooled native memory, never
 * passed by a critical downcall (a collective call may wait for other ranks while the garbage
 * collector must not run); nonblocking and split operations keep that copy until they complete.
 * A read reports the bytes it read through a {@link Status} ({@link Status#byteCount()},
 * {@link Status#getCount}); a read past the end of the file reads fewer, and the rest of the buffer
 * keeps its contents.
 *
 * <p>Errors: each file uses {@code MPI_ERRORS_RETURN} ({@link #setErrhandler} changes it, e.g. to a
 * Java handler from {@link Errhandler#forFile}; {@link #setDefaultErrhandler} sets the handler of
 * {@link #NULL}, which {@code open} and {@code delete} report to), so a failed call throws {@link MpiException}
 * with its {@link ErrorClass} ({@link ErrorClass#ERR_NO_SUCH_FILE}, {@link ErrorClass#ERR_ACCESS},
 * {@link ErrorClass#ERR_FILE_EXISTS}, {@link ErrorClass#ERR_AMODE}, {@link ErrorClass#ERR_READ_ONLY}
 * ...). Wrong arguments (conflicting access modes, negative offsets, an uncommitted datatype, a
 * buffer too small for its count, a closed file) throw {@link IllegalArgumentException},
 * {@link IllegalStateException} or {@link NullPointerException} before MPI is called.
 *
 * <p>{@link #close()} is collective, like {@link #open}: every process of the communicator calls it.
 *
 * <p>Open MPI 4.1 ({@code ompio}): the data representations are {@link #NATIVE} and
 * {@link #EXTERNAL32}. Its nonblocking and split reads never complete when they reach past the end
 * of the file, so collective and shared-pointer nonblocking reads and split-collective reads are
 * done by the blocking call when they start (the request returned is complete), and
 * {@link #iReadAt}/{@link #iread} too when they reach past the end of the file. A collective read is
 * cut to the whole elements the file holds (ompio would fill the rest of the buffer with bytes the
 * file does not hold). The status of a completed nonblocking request has undefined source, tag and
 * cancelled fields; its byte count is right.
 */
public final class File extends NativeHandle {
    /** The data representation {@code "native"}: bytes as in memory. */
    public static final String NATIVE = "native";
    /** The data representation {@code "internal"} (implementation-defined; Open MPI's ompio refuses it). */
    public static final String INTERNAL = "internal";
    /** The data representation {@code "external32"}: portable big-endian IEEE (MPI-3.1, 13.5.2). */
    public static final String EXTERNAL32 = "external32";
    /** {@code MPI_DISPLACEMENT_CURRENT}: a view displacement for files opened {@link AccessMode#SEQUENTIAL}. */
    public static final long DISPLACEMENT_CURRENT = mpi_h.MPI_DISPLACEMENT_CURRENT();

    private static final MemorySegment FILE_NULL = OpenMpiAbi.predefined("MPI_FILE_NULL");
    /** Whether the handler of MPI_FILE_NULL has been set, by mpi4j or by {@link #setDefaultErrhandler}. */
    private static volatile boolean nullFileHandlerSet;

    /**
     * {@code MPI_FILE_NULL}: no file. Its error handler is the default one, which {@code open} and
     * {@code delete} report to ({@link #setDefaultErrhandler}); it cannot be closed.
     */
    public static final File NULL = new File(FILE_NULL, 0, true, false);

    /** The split collective begun and not yet ended, or null (MPI allows one per file). */
    private FileIo.Split split;
    /** The data size of the view's etype, and its extent in the file's representation. */
    private long etypeSize = 1;
    private long etypeFileExtent = 1;
    /**
     * Whether this file's error handler calls no Java code (a predefined or native one): then a
     * blocking access may pass a Java array to MPI in a critical downcall (see {@code FileIo}).
     * False for a borrowed file, whose handler mpi4j did not set.
     */
    private volatile boolean noJavaErrhandler = true;
    /** Whether atomic mode is on ({@link #setAtomicity}). */
    private volatile boolean atomic;
    /** Whether the processes that opened it all run on this node ({@link #onOneNode}). */
    private final boolean oneNode;
    /** The access modes it was opened with ({@code MPI_MODE_*} bits). */
    private final int amode;
    /** Whether the view is MPI's default (displacement 0, bytes), where byte offsets are offsets. */
    private boolean defaultView = true;
    /**
     * The file on this machine's file system, for {@link #sizeOnDisk()}; null when unknown (a
     * borrowed file, a path with a file-system prefix other than {@code ufs:}).
     */
    private final java.nio.file.Path localPath;

    private File(MemorySegment handle, int amode, java.nio.file.Path localPath, boolean oneNode) {
        super(handle, false, false);
        this.amode = amode;
        this.localPath = localPath;
        this.oneNode = oneNode;
    }

    /** {@link #NULL} ({@code isNull}), or a borrowed file ({@code owned} false). */
    private File(MemorySegment handle, int amode, boolean isNull, boolean owned) {
        super(handle, isNull, isNull, owned);
        this.amode = amode;
        this.localPath = null;
        this.oneNode = false;
        this.defaultView = false; // not known: ask MPI
        this.noJavaErrhandler = false; // not known, and not worth asking: heap accesses are staged
    }

    /**
     * Whether a blocking access may give MPI a Java array in a critical downcall: no Java error
     * handler may be called back from it, and atomic mode (one atomic access per call) is off. A
     * write also needs all processes on one node: a collective write of other processes may
     * read-modify-write the holes between their data (ROMIO does; data sieving), and on a network
     * file system another node could read this one's independent write stale and write it back.
     */
    boolean criticalAccessAllowed(boolean read) {
        return noJavaErrhandler && !atomic && (read || oneNode);
    }

    @Override
    String kind() {
        return "file";
    }

    @Override
    int c2f(MemorySegment h) {
        return mpi_h.MPI_File_c2f(h);
    }

    /**
     * Wraps a raw {@code MPI_File} opened elsewhere (a native I/O library); borrowed (see
     * {@link NativeHandle#isBorrowed()}: {@code close()} leaves it open, {@code free()} closes it).
     * Its error handler is left as it is.
     *
     * @throws IllegalArgumentException if MPI knows no file at that address
     */
    public static File fromHandle(MemorySegment handle) {
        return fromForeign(handle, "file", h -> h.equals(FILE_NULL) ? NULL : null, mpi_h::MPI_File_c2f,
                mpi_h::MPI_File_f2c, File::wrapForeign);
    }

    /** {@link #NULL}, or a borrowed file object for a valid handle. */
    static File wrapForeign(MemorySegment h) {
        if (h.equals(FILE_NULL)) {
            return NULL;
        }
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_File_get_amode(h, s.int0), "MPI_File_get_amode");
        return new File(h, s.int0(), false, false).borrow();
    }

    /** {@code MPI_File_f2c}, as {@link #fromHandle}; an integer that names no file is refused. */
    public static File fromFortran(int fortranHandle) {
        return fromFortranHandle(fortranHandle, "file", mpi_h::MPI_File_f2c, File::fromHandle);
    }

    @Override
    void release(MemorySegment handleRef) {
        if (split != null) {
            throw new IllegalStateException("close: the split collective " + split.op().function
                    + " has not been ended");
        }
        Errors.check(mpi_h.MPI_File_close(handleRef), "MPI_File_close");
    }

    /**
     * Errors of open and delete go to the handler of {@code MPI_FILE_NULL}: MPI's default returns
     * them, but a program may have changed it, so mpi4j sets it once.
     */
    private static void nullFileReturnsErrors() {
        if (!nullFileHandlerSet) {
            Environment.ensureInitialized();
            Errors.check(mpi_h.MPI_File_set_errhandler(FILE_NULL, Errors.defaultErrhandler()),
                    "MPI_File_set_errhandler");
            nullFileHandlerSet = true;
        }
    }

    // ---- error handlers ---------------------------------------------------------------------------

    /** The handle error handler calls take: {@code MPI_FILE_NULL} for {@link #NULL}. */
    private MemorySegment errhandlerTarget() {
        if (isNull()) {
            Environment.ensureInitialized();
            return FILE_NULL;
        }
        return handle();
    }

    /**
     * {@code MPI_File_set_errhandler}: what MPI does on an error in a call on this file (see
     * {@link Errhandler}); on {@link #NULL}, the same as {@link #setDefaultErrhandler}.
     *
     * @throws IllegalArgumentException if {@code errhandler} was made for another kind of object
     */
    public void setErrhandler(Errhandler errhandler) {
        Errors.checkNotNull(errhandler, "error handler").checkFits(Errhandler.Kind.FILE);
        Errors.check(mpi_h.MPI_File_set_errhandler(errhandlerTarget(), errhandler.handle()),
                "MPI_File_set_errhandler");
        noJavaErrhandler = !errhandler.isJava();
        if (isNull()) {
            nullFileHandlerSet = true; // the program's choice: mpi4j no longer sets it before open
        }
    }

    /**
     * {@code MPI_File_get_errhandler}: the error handler of this file; a predefined or Java handler
     * comes back as the same object (nothing to free), another as a new object to free.
     */
    public Errhandler getErrhandler() {
        if (isNull()) {
            nullFileReturnsErrors();
        }
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_File_get_errhandler(errhandlerTarget(), s.handle0), "MPI_File_get_errhandler");
        return Errhandler.ofReturned(s.handle0);
    }

    /**
     * {@code MPI_File_call_errhandler}: invokes this file's error handler with {@code errorCode}, as
     * MPI does on an error. With {@link Errhandler#ERRORS_RETURN} nothing happens; a Java handler
     * runs before this returns, and what it throws is rethrown here.
     */
    public void callErrhandler(int errorCode) {
        Errors.check(mpi_h.MPI_File_call_errhandler(errhandlerTarget(), errorCode), "MPI_File_call_errhandler");
        Errors.rethrowUpcallFailure();
    }

    /**
     * {@code MPI_File_set_errhandler} on {@code MPI_FILE_NULL}: the handler of errors that have no
     * file yet ({@link #open}, {@link #delete}), and that files opened afterwards would inherit in
     * MPI (mpi4j still gives each new file {@code MPI_ERRORS_RETURN}). mpi4j's default is
     * {@link Errhandler#ERRORS_RETURN}; a Java handler ({@link Errhandler#forFile}) receives
     * {@link #NULL}, and the failing call still throws its {@link MpiException}.
     *
     * @throws IllegalArgumentException if {@code errhandler} was made for another kind of object
     */
    public static void setDefaultErrhandler(Errhandler errhandler) {
        NULL.setErrhandler(errhandler);
    }

    /** {@code MPI_File_get_errhandler} on {@code MPI_FILE_NULL}: see {@link #setDefaultErrhandler}. */
    public static Errhandler getDefaultErrhandler() {
        return NULL.getErrhandler();
    }

    // ---- open, close, delete -------------------------------------------------------------------

    /**
     * {@code MPI_File_open} (collective over {@code comm}): opens {@code path} with the access
     * {@code modes}. All processes name the same file and the same modes.
     *
     * @throws IllegalArgumentException if the modes conflict (see {@link AccessMode})
     * @throws MpiException             e.g. {@link ErrorClass#ERR_NO_SUCH_FILE}, {@link ErrorClass#ERR_ACCESS},
     *                                  {@link ErrorClass#ERR_FILE_EXISTS}
     */
    public static File open(Intracomm comm, Path path, Set<AccessMode> modes) {
        return open(comm, path, modes, Info.NULL);
    }

    /**
     * {@code MPI_File_open} with hints ({@code info}: e.g. {@code "cb_buffer_size"},
     * {@code "striping_factor"}; {@link Info#NULL} or null for none).
     */
    public static File open(Intracomm comm, Path path, Set<AccessMode> modes, Info info) {
        return open(comm, Errors.checkNotNull(path, "path").toString(), modes, info);
    }

    /** {@code MPI_File_open} with the modes as arguments: {@code open(comm, path, RDWR, CREATE)}. */
    public static File open(Intracomm comm, Path path, AccessMode... modes) {
        return open(comm, path, modeSet(modes));
    }

    /** {@code MPI_File_open} of the file named {@code path}. */
    public static File open(Intracomm comm, String path, Set<AccessMode> modes) {
        return open(comm, path, modes, Info.NULL);
    }

    /** {@code MPI_File_open} of the file named {@code path}, with the modes as arguments. */
    public static File open(Intracomm comm, String path, AccessMode... modes) {
        return open(comm, path, modeSet(modes));
    }

    private static Set<AccessMode> modeSet(AccessMode[] modes) {
        Errors.checkNotNull(modes, "access modes");
        EnumSet<AccessMode> set = EnumSet.noneOf(AccessMode.class);
        for (AccessMode m : modes) {
            set.add(Errors.checkNotNull(m, "access mode"));
        }
        return set;
    }

    /** {@code MPI_File_open} of the file named {@code path}, with hints. */
    public static File open(Intracomm comm, String path, Set<AccessMode> modes, Info info) {
        Errors.checkNotNull(comm, "communicator");
        Errors.checkNotNull(path, "path");
        int amode = AccessMode.bitsOf(modes);
        MemorySegment c = comm.handle();
        MemorySegment hints = Info.handleOf(info);
        nullFileReturnsErrors();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment ref = arena.allocate(ValueLayout.ADDRESS);
            Errors.check(mpi_h.MPI_File_open(c, arena.allocateFrom(path), amode, hints, ref), "MPI_File_open");
            MemorySegment fh = ref.get(ValueLayout.ADDRESS, 0);
            int rc = mpi_h.MPI_File_set_errhandler(fh, Errors.defaultErrhandler());
            if (rc != mpi_h.MPI_SUCCESS()) {
                mpi_h.MPI_File_close(ref);
                throw new MpiException(rc, "MPI_File_set_errhandler");
            }
            boolean oneNode;
            try {
                oneNode = onOneNode(comm);
            } catch (RuntimeException e) {
                mpi_h.MPI_File_close(ref);
                throw e;
            }
            return new File(fh, amode, localPath(path), oneNode);
        }
    }

    /**
     * Whether every process of {@code comm} runs on this node ({@code MPI_Comm_split_type} by shared
     * memory, made once at open): then their writes meet in one page cache, and an independent
     * write made before a collective call is seen by any read-modify-write the collective does.
     */
    private static boolean onOneNode(Intracomm comm) {
        if (comm.size() == 1) {
            return true;
        }
        try (Intracomm node = comm.splitType(SplitType.SHARED, 0)) {
            return node.size() == comm.size();
        }
    }

    /** The file a path names on this machine, as ompio's {@code ufs} component opens it; null if unsure. */
    private static java.nio.file.Path localPath(String path) {
        String p = path.startsWith("ufs:") ? path.substring(4) : path;
        if (p.indexOf(':') >= 0) { // another file-system prefix (nfs:, lustre:, ...) or not a plain path
            return null;
        }
        try {
            return java.nio.file.Path.of(p).toAbsolutePath();
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    /**
     * The file's size for mpi4j's own end-of-file checks ({@link FileIo#elementsInFile}): the size
     * the local file system reports ({@code stat}), which is what {@code MPI_File_get_size} reads for
     * a file on it, or that call where the file is not known to be local. Measured: an
     * {@code MPI_File_get_size} before each 4 MiB {@code MPI_File_read_at_all} of two processes
     * halved the reads' bandwidth (14-16 GB/s against 26-32 GB/s without); a {@code stat} costs
     * about a microsecond.
     */
    long sizeOnDisk() {
        if (localPath != null) {
            try {
                return java.nio.file.Files.size(localPath);
            } catch (java.io.IOException | SecurityException e) {
                // fall back to MPI's answer
            }
        }
        return size();
    }

    /** {@link #byteOffset}, without a call to MPI while the view is the default one. */
    long byteOffsetInView(long offset) {
        return defaultView ? offset : byteOffset(offset);
    }

    /**
     * {@code MPI_File_close} (collective): flushes and closes the file; later calls throw
     * {@link IllegalStateException}. Closing twice is harmless.
     *
     * @throws IllegalStateException if a split collective was begun and not ended
     */
    @Override
    public void close() {
        super.close();
    }

    /** The same as {@link #close()}. */
    @Override
    public void free() {
        super.free();
    }

    /**
     * {@code MPI_File_delete}: deletes the file {@code path} (not open anywhere).
     *
     * @throws MpiException {@link ErrorClass#ERR_NO_SUCH_FILE} if it does not exist
     */
    public static void delete(Path path) {
        delete(Errors.checkNotNull(path, "path").toString());
    }

    /** {@code MPI_File_delete} with hints ({@link Info#NULL} or null for none). */
    public static void delete(Path path, Info info) {
        delete(Errors.checkNotNull(path, "path").toString(), info);
    }

    /** {@code MPI_File_delete} of the file named {@code path}. */
    public static void delete(String path) {
        delete(path, Info.NULL);
    }

    /** {@code MPI_File_delete} with hints ({@link Info#NULL} or null for none). */
    public static void delete(String path, Info info) {
        Errors.checkNotNull(path, "path");
        MemorySegment hints = Info.handleOf(info);
        nullFileReturnsErrors();
        try (Arena arena = Arena.ofConfined()) {
            Errors.check(mpi_h.MPI_File_delete(arena.allocateFrom(path), hints), "MPI_File_delete");
        }
    }

    // ---- file attributes ----------------------------------------------------------------------

    /** {@code MPI_File_get_size}: the file's size in bytes. */
    public long size() {
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_File_get_size(handle(), s.handle0), "MPI_File_get_size");
        return s.handle0.get(ValueLayout.JAVA_LONG, 0);
    }

    /** {@code MPI_File_set_size} (collective): truncates or extends the file to {@code bytes}. */
    public void setSize(long bytes) {
        MemorySegment fh = handle();
        checkNonNegative(bytes, "file size");
        Errors.check(mpi_h.MPI_File_set_size(fh, bytes), "MPI_File_set_size");
    }

    /** {@code MPI_File_preallocate} (collective): reserves storage for the first {@code bytes} bytes. */
    public void preallocate(long bytes) {
        MemorySegment fh = handle();
        checkNonNegative(bytes, "preallocation size");
        Errors.check(mpi_h.MPI_File_preallocate(fh, bytes), "MPI_File_preallocate");
    }

    /** {@code MPI_File_get_amode}: the access modes the file was opened with. */
    public Set<AccessMode> amode() {
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_File_get_amode(handle(), s.int0), "MPI_File_get_amode");
        return AccessMode.setOf(s.int0());
    }

    /** {@code MPI_File_get_group}: the processes that opened the file (a new group; free it). */
    public Group group() {
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_File_get_group(handle(), s.handle0), "MPI_File_get_group");
        return Group.fromRef(s.handle0);
    }

    /** {@code MPI_File_get_info}: the hints in use (a new info object; close it). */
    public Info getInfo() {
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_File_get_info(handle(), s.handle0), "MPI_File_get_info");
        return Info.fromRef(s.handle0);
    }

    /** {@code MPI_File_set_info} (collective): gives MPI new hints for this file. */
    public void setInfo(Info info) {
        MemorySegment fh = handle();
        Errors.checkNotNull(info, "info");
        Errors.check(mpi_h.MPI_File_set_info(fh, Info.handleOf(info)), "MPI_File_set_info");
    }

    /** {@code MPI_File_set_atomicity} (collective): whether conflicting accesses are atomic. */
    public void setAtomicity(boolean atomic) {
        Errors.check(mpi_h.MPI_File_set_atomicity(handle(), atomic ? 1 : 0), "MPI_File_set_atomicity");
        this.atomic = atomic;
    }

    /** {@code MPI_File_get_atomicity}. */
    public boolean atomicity() {
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_File_get_atomicity(handle(), s.int0), "MPI_File_get_atomicity");
        return s.int0() != 0;
    }

    /** {@code MPI_File_sync} (collective): writes this process's data through to storage. */
    public void sync() {
        Errors.check(mpi_h.MPI_File_sync(handle()), "MPI_File_sync");
    }

    /** {@code MPI_File_get_type_extent}: the extent of {@code type} in the file's data representation. */
    public long typeExtent(Datatype type) {
        MemorySegment fh = handle();
        Errors.checkNotNull(type, "datatype").checkUsable();
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_File_get_type_extent(fh, type.handle(), s.handle0), "MPI_File_get_type_extent");
        return s.handle0.get(ValueLayout.JAVA_LONG, 0);
    }

    // ---- views --------------------------------------------------------------------------------

    /**
     * {@code MPI_File_set_view} (collective): this process sees the file from {@code displacement}
     * bytes on, as {@code etype} elements laid out by {@code filetype}, in the representation
     * {@code datarep} ({@link #NATIVE}, {@link #EXTERNAL32}). Resets both file pointers to zero.
     *
     * @throws IllegalArgumentException if {@code displacement} is negative (other than
     *                                  {@link #DISPLACEMENT_CURRENT})
     * @throws IllegalStateException    if a datatype is not committed or has been freed
     * @throws MpiException             {@link ErrorClass#ERR_UNSUPPORTED_DATAREP} for an unknown representation
     */
    public void setView(long displacement, Datatype etype, Datatype filetype, String datarep) {
        setView(displacement, etype, filetype, datarep, Info.NULL);
    }

    /** {@code MPI_File_set_view} of {@code view}. */
    public void setView(FileView view) {
        Errors.checkNotNull(view, "view");
        setView(view.displacement(), view.etype(), view.filetype(), view.datarep());
    }

    /** {@code MPI_File_set_view} with hints ({@link Info#NULL} or null for none). */
    public void setView(long displacement, Datatype etype, Datatype filetype, String datarep, Info info) {
        MemorySegment fh = handle();
        MemorySegment hints = Info.handleOf(info);
        Errors.checkNotNull(etype, "etype").checkUsable();
        Errors.checkNotNull(filetype, "filetype").checkUsable();
        Errors.checkNotNull(datarep, "datarep");
        if (displacement < 0 && displacement != DISPLACEMENT_CURRENT) {
            throw new IllegalArgumentException("negative view displacement: " + displacement);
        }
        try (Arena arena = Arena.ofConfined()) {
            Errors.check(mpi_h.MPI_File_set_view(fh, displacement, etype.handle(), filetype.handle(),
                    arena.allocateFrom(datarep), hints), "MPI_File_set_view");
        }
        etypeSize = Math.max(1, etype.size());
        etypeFileExtent = typeExtent(etype);
        defaultView = displacement == 0 && etype.equals(Datatype.BYTE) && filetype.equals(Datatype.BYTE)
                && "native".equals(datarep);
    }

    /**
     * Refuses a write to a file opened {@link AccessMode#RDONLY} ({@link ErrorClass#ERR_READ_ONLY})
     * and a read of one opened {@link AccessMode#WRONLY} ({@link ErrorClass#ERR_ACCESS}) as MPI
     * would: Open MPI's collective writes on 3 or more processes return success for a read-only
     * file and write nothing.
     */
    void checkAccess(boolean read, String function) {
        if (!read && (amode & mpi_h.MPI_MODE_RDONLY()) != 0) {
            throw raise(mpi_h.MPI_ERR_READ_ONLY(), function);
        }
        if (read && (amode & mpi_h.MPI_MODE_WRONLY()) != 0) {
            throw raise(mpi_h.MPI_ERR_ACCESS(), function);
        }
    }

    /**
     * An error MPI would raise but mpi4j finds first: it goes through this file's error handler, as
     * MPI's own would (a Java handler runs, {@code MPI_ERRORS_ARE_FATAL} ends the job), then becomes
     * the exception of {@code function}.
     */
    private MpiException raise(int code, String function) {
        mpi_h.MPI_File_call_errhandler(handle(), code);
        return Errors.failure(code, function);
    }

    /** The data size of the view's etype (1 for the default view of bytes). */
    long etypeSize() {
        return etypeSize;
    }

    /** The extent of the view's etype in the file's data representation. */
    long etypeFileExtent() {
        return etypeFileExtent;
    }

    /**
     * {@code MPI_File_get_view}: this process's view. Its derived datatypes are new objects the
     * caller frees ({@link FileView#free()}).
     */
    public FileView getView() {
        MemorySegment fh = handle();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment disp = arena.allocate(ValueLayout.JAVA_LONG);
            MemorySegment etype = arena.allocate(ValueLayout.ADDRESS);
            MemorySegment filetype = arena.allocate(ValueLayout.ADDRESS);
            MemorySegment rep = arena.allocate(mpi_h.MPI_MAX_DATAREP_STRING() + 1L);
            Errors.check(mpi_h.MPI_File_get_view(fh, disp, etype, filetype, rep), "MPI_File_get_view");
            return new FileView(disp.get(ValueLayout.JAVA_LONG, 0),
                    Datatype.returned(etype.get(ValueLayout.ADDRESS, 0)),
                    Datatype.returned(filetype.get(ValueLayout.ADDRESS, 0)), rep.getString(0));
        }
    }

    // ---- explicit offsets -----------------------------------------------------------------------

    /** {@code MPI_File_read_at}: reads into {@code buf} (count and type inferred) at {@code offset}. */
    public void readAt(long offset, MemorySegment buf) {
        readAt(offset, buf, null);
    }

    /** {@code MPI_File_read_at}, filling {@code status} (may be null) with what was read. */
    public void readAt(long offset, MemorySegment buf, Status status) {
        inferred(Access.READ_AT, offset, buf, status);
    }

    /** {@code MPI_File_read_at} of {@code count} elements of {@code type}. */
    public void readAt(long offset, MemorySegment buf, long count, Datatype type) {
        readAt(offset, buf, count, type, null);
    }

    /** {@code MPI_File_read_at} of {@code count} elements of {@code type}, filling {@code status}. */
    public void readAt(long offset, MemorySegment buf, long count, Datatype type, Status status) {
        FileIo.blocking(this, Access.READ_AT, offset, buf, count, type, status);
    }

    /** {@code MPI_File_read_at_all} (collective): reads into {@code buf} at {@code offset}. */
    public void readAtAll(long offset, MemorySegment buf) {
        readAtAll(offset, buf, null);
    }

    /** {@code MPI_File_read_at_all}, filling {@code status} (may be null). */
    public void readAtAll(long offset, MemorySegment buf, Status status) {
        inferred(Access.READ_AT_ALL, offset, buf, status);
    }

    /** {@code MPI_File_read_at_all} of {@code count} elements of {@code type}. */
    public void readAtAll(long offset, MemorySegment buf, long count, Datatype type) {
        readAtAll(offset, buf, count, type, null);
    }

    /** {@code MPI_File_read_at_all} of {@code count} elements of {@code type}, filling {@code status}. */
    public void readAtAll(long offset, MemorySegment buf, long count, Datatype type, Status status) {
        FileIo.blocking(this, Access.READ_AT_ALL, offset, buf, count, type, status);
    }

    /** {@code MPI_File_write_at}: writes {@code buf} (count and type inferred) at {@code offset}. */
    public void writeAt(long offset, MemorySegment buf) {
        writeAt(offset, buf, null);
    }

    /** {@code MPI_File_write_at}, filling {@code status} (may be null). */
    public void writeAt(long offset, MemorySegment buf, Status status) {
        inferred(Access.WRITE_AT, offset, buf, status);
    }

    /** {@code MPI_File_write_at} of {@code count} elements of {@code type}. */
    public void writeAt(long offset, MemorySegment buf, long count, Datatype type) {
        writeAt(offset, buf, count, type, null);
    }

    /** {@code MPI_File_write_at} of {@code count} elements of {@code type}, filling {@code status}. */
    public void writeAt(long offset, MemorySegment buf, long count, Datatype type, Status status) {
        FileIo.blocking(this, Access.WRITE_AT, offset, buf, count, type, status);
    }

    /** {@code MPI_File_write_at_all} (collective): writes {@code buf} at {@code offset}. */
    public void writeAtAll(long offset, MemorySegment buf) {
        writeAtAll(offset, buf, null);
    }

    /** {@code MPI_File_write_at_all}, filling {@code status} (may be null). */
    public void writeAtAll(long offset, MemorySegment buf, Status status) {
        inferred(Access.WRITE_AT_ALL, offset, buf, status);
    }

    /** {@code MPI_File_write_at_all} of {@code count} elements of {@code type}. */
    public void writeAtAll(long offset, MemorySegment buf, long count, Datatype type) {
        writeAtAll(offset, buf, count, type, null);
    }

    /** {@code MPI_File_write_at_all} of {@code count} elements of {@code type}, filling {@code status}. */
    public void writeAtAll(long offset, MemorySegment buf, long count, Datatype type, Status status) {
        FileIo.blocking(this, Access.WRITE_AT_ALL, offset, buf, count, type, status);
    }

    /** {@code MPI_File_iread_at}: starts reading into {@code buf} at {@code offset}. */
    public Request iReadAt(long offset, MemorySegment buf) {
        return inferred(Access.IREAD_AT, offset, buf);
    }

    /** {@code MPI_File_iread_at} of {@code count} elements of {@code type}. */
    public Request iReadAt(long offset, MemorySegment buf, long count, Datatype type) {
        return FileIo.start(this, Access.IREAD_AT, offset, buf, count, type);
    }

    /** {@code MPI_File_iread_at_all} (collective, MPI-3.1): starts reading into {@code buf} at {@code offset}. */
    public Request iReadAtAll(long offset, MemorySegment buf) {
        return inferred(Access.IREAD_AT_ALL, offset, buf);
    }

    /** {@code MPI_File_iread_at_all} of {@code count} elements of {@code type}. */
    public Request iReadAtAll(long offset, MemorySegment buf, long count, Datatype type) {
        return FileIo.start(this, Access.IREAD_AT_ALL, offset, buf, count, type);
    }

    /** {@code MPI_File_iwrite_at}: starts writing {@code buf} at {@code offset}. */
    public Request iWriteAt(long offset, MemorySegment buf) {
        return inferred(Access.IWRITE_AT, offset, buf);
    }

    /** {@code MPI_File_iwrite_at} of {@code count} elements of {@code type}. */
    public Request iWriteAt(long offset, MemorySegment buf, long count, Datatype type) {
        return FileIo.start(this, Access.IWRITE_AT, offset, buf, count, type);
    }

    /** {@code MPI_File_iwrite_at_all} (collective, MPI-3.1): starts writing {@code buf} at {@code offset}. */
    public Request iWriteAtAll(long offset, MemorySegment buf) {
        return inferred(Access.IWRITE_AT_ALL, offset, buf);
    }

    /** {@code MPI_File_iwrite_at_all} of {@code count} elements of {@code type}. */
    public Request iWriteAtAll(long offset, MemorySegment buf, long count, Datatype type) {
        return FileIo.start(this, Access.IWRITE_AT_ALL, offset, buf, count, type);
    }

    // ---- individual file pointer ------------------------------------------------------------------

    /** {@code MPI_File_read}: reads into {@code buf} at this process's file pointer, and advances it. */
    public void read(MemorySegment buf) {
        read(buf, null);
    }

    /** {@code MPI_File_read}, filling {@code status} (may be null). */
    public void read(MemorySegment buf, Status status) {
        inferred(Access.READ, 0, buf, status);
    }

    /** {@code MPI_File_read} of {@code count} elements of {@code type}. */
    public void read(MemorySegment buf, long count, Datatype type) {
        read(buf, count, type, null);
    }

    /** {@code MPI_File_read} of {@code count} elements of {@code type}, filling {@code status}. */
    public void read(MemorySegment buf, long count, Datatype type, Status status) {
        FileIo.blocking(this, Access.READ, 0, buf, count, type, status);
    }

    /** {@code MPI_File_read_all} (collective): reads into {@code buf} at this process's file pointer. */
    public void readAll(MemorySegment buf) {
        readAll(buf, null);
    }

    /** {@code MPI_File_read_all}, filling {@code status} (may be null). */
    public void readAll(MemorySegment buf, Status status) {
        inferred(Access.READ_ALL, 0, buf, status);
    }

    /** {@code MPI_File_read_all} of {@code count} elements of {@code type}. */
    public void readAll(MemorySegment buf, long count, Datatype type) {
        readAll(buf, count, type, null);
    }

    /** {@code MPI_File_read_all} of {@code count} elements of {@code type}, filling {@code status}. */
    public void readAll(MemorySegment buf, long count, Datatype type, Status status) {
        FileIo.blocking(this, Access.READ_ALL, 0, buf, count, type, status);
    }

    /** {@code MPI_File_write}: writes {@code buf} at this process's file pointer, and advances it. */
    public void write(MemorySegment buf) {
        write(buf, null);
    }

    /** {@code MPI_File_write}, filling {@code status} (may be null). */
    public void write(MemorySegment buf, Status status) {
        inferred(Access.WRITE, 0, buf, status);
    }

    /** {@code MPI_File_write} of {@code count} elements of {@code type}. */
    public void write(MemorySegment buf, long count, Datatype type) {
        write(buf, count, type, null);
    }

    /** {@code MPI_File_write} of {@code count} elements of {@code type}, filling {@code status}. */
    public void write(MemorySegment buf, long count, Datatype type, Status status) {
        FileIo.blocking(this, Access.WRITE, 0, buf, count, type, status);
    }

    /** {@code MPI_File_write_all} (collective): writes {@code buf} at this process's file pointer. */
    public void writeAll(MemorySegment buf) {
        writeAll(buf, null);
    }

    /** {@code MPI_File_write_all}, filling {@code status} (may be null). */
    public void writeAll(MemorySegment buf, Status status) {
        inferred(Access.WRITE_ALL, 0, buf, status);
    }

    /** {@code MPI_File_write_all} of {@code count} elements of {@code type}. */
    public void writeAll(MemorySegment buf, long count, Datatype type) {
        writeAll(buf, count, type, null);
    }

    /** {@code MPI_File_write_all} of {@code count} elements of {@code type}, filling {@code status}. */
    public void writeAll(MemorySegment buf, long count, Datatype type, Status status) {
        FileIo.blocking(this, Access.WRITE_ALL, 0, buf, count, type, status);
    }

    /** {@code MPI_File_iread}: starts reading into {@code buf} at this process's file pointer. */
    public Request iread(MemorySegment buf) {
        return inferred(Access.IREAD, 0, buf);
    }

    /** {@code MPI_File_iread} of {@code count} elements of {@code type}. */
    public Request iread(MemorySegment buf, long count, Datatype type) {
        return FileIo.start(this, Access.IREAD, 0, buf, count, type);
    }

    /** {@code MPI_File_iread_all} (collective, MPI-3.1). */
    public Request ireadAll(MemorySegment buf) {
        return inferred(Access.IREAD_ALL, 0, buf);
    }

    /** {@code MPI_File_iread_all} of {@code count} elements of {@code type}. */
    public Request ireadAll(MemorySegment buf, long count, Datatype type) {
        return FileIo.start(this, Access.IREAD_ALL, 0, buf, count, type);
    }

    /** {@code MPI_File_iwrite}: starts writing {@code buf} at this process's file pointer. */
    public Request iwrite(MemorySegment buf) {
        return inferred(Access.IWRITE, 0, buf);
    }

    /** {@code MPI_File_iwrite} of {@code count} elements of {@code type}. */
    public Request iwrite(MemorySegment buf, long count, Datatype type) {
        return FileIo.start(this, Access.IWRITE, 0, buf, count, type);
    }

    /** {@code MPI_File_iwrite_all} (collective, MPI-3.1). */
    public Request iwriteAll(MemorySegment buf) {
        return inferred(Access.IWRITE_ALL, 0, buf);
    }

    /** {@code MPI_File_iwrite_all} of {@code count} elements of {@code type}. */
    public Request iwriteAll(MemorySegment buf, long count, Datatype type) {
        return FileIo.start(this, Access.IWRITE_ALL, 0, buf, count, type);
    }

    /** {@code MPI_File_seek}: moves this process's file pointer ({@code offset} in etypes). */
    public void seek(long offset, SeekMode whence) {
        MemorySegment fh = handle();
        Errors.checkNotNull(whence, "whence");
        Errors.check(mpi_h.MPI_File_seek(fh, offset, whence.value()), "MPI_File_seek");
    }

    /** {@code MPI_File_get_position}: this process's file pointer, in etypes from the view's start. */
    public long position() {
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_File_get_position(handle(), s.handle0), "MPI_File_get_position");
        return s.handle0.get(ValueLayout.JAVA_LONG, 0);
    }

    /** {@code MPI_File_get_byte_offset}: the absolute byte position of view offset {@code offset}. */
    public long byteOffset(long offset) {
        MemorySegment fh = handle();
        checkNonNegative(offset, "file offset");
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_File_get_byte_offset(fh, offset, s.handle0), "MPI_File_get_byte_offset");
        return s.handle0.get(ValueLayout.JAVA_LONG, 0);
    }

    // ---- shared file pointer -------------------------------------------------------------------

    /** {@code MPI_File_read_shared}: reads into {@code buf} at the shared file pointer, and advances it. */
    public void readShared(MemorySegment buf) {
        readShared(buf, null);
    }

    /** {@code MPI_File_read_shared}, filling {@code status} (may be null). */
    public void readShared(MemorySegment buf, Status status) {
        inferred(Access.READ_SHARED, 0, buf, status);
    }

    /** {@code MPI_File_read_shared} of {@code count} elements of {@code type}. */
    public void readShared(MemorySegment buf, long count, Datatype type) {
        readShared(buf, count, type, null);
    }

    /** {@code MPI_File_read_shared} of {@code count} elements of {@code type}, filling {@code status}. */
    public void readShared(MemorySegment buf, long count, Datatype type, Status status) {
        FileIo.blocking(this, Access.READ_SHARED, 0, buf, count, type, status);
    }

    /** {@code MPI_File_write_shared}: writes {@code buf} at the shared file pointer, and advances it. */
    public void writeShared(MemorySegment buf) {
        writeShared(buf, null);
    }

    /** {@code MPI_File_write_shared}, filling {@code status} (may be null). */
    public void writeShared(MemorySegment buf, Status status) {
        inferred(Access.WRITE_SHARED, 0, buf, status);
    }

    /** {@code MPI_File_write_shared} of {@code count} elements of {@code type}. */
    public void writeShared(MemorySegment buf, long count, Datatype type) {
        writeShared(buf, count, type, null);
    }

    /** {@code MPI_File_write_shared} of {@code count} elements of {@code type}, filling {@code status}. */
    public void writeShared(MemorySegment buf, long count, Datatype type, Status status) {
        FileIo.blocking(this, Access.WRITE_SHARED, 0, buf, count, type, status);
    }

    /** {@code MPI_File_iread_shared}: starts reading into {@code buf} at the shared file pointer. */
    public Request ireadShared(MemorySegment buf) {
        return inferred(Access.IREAD_SHARED, 0, buf);
    }

    /** {@code MPI_File_iread_shared} of {@code count} elements of {@code type}. */
    public Request ireadShared(MemorySegment buf, long count, Datatype type) {
        return FileIo.start(this, Access.IREAD_SHARED, 0, buf, count, type);
    }

    /** {@code MPI_File_iwrite_shared}: starts writing {@code buf} at the shared file pointer. */
    public Request iwriteShared(MemorySegment buf) {
        return inferred(Access.IWRITE_SHARED, 0, buf);
    }

    /** {@code MPI_File_iwrite_shared} of {@code count} elements of {@code type}. */
    public Request iwriteShared(MemorySegment buf, long count, Datatype type) {
        return FileIo.start(this, Access.IWRITE_SHARED, 0, buf, count, type);
    }

    /** {@code MPI_File_read_ordered} (collective): reads at the shared pointer, process after process in rank order. */
    public void readOrdered(MemorySegment buf) {
        readOrdered(buf, null);
    }

    /** {@code MPI_File_read_ordered}, filling {@code status} (may be null). */
    public void readOrdered(MemorySegment buf, Status status) {
        inferred(Access.READ_ORDERED, 0, buf, status);
    }

    /** {@code MPI_File_read_ordered} of {@code count} elements of {@code type}. */
    public void readOrdered(MemorySegment buf, long count, Datatype type) {
        readOrdered(buf, count, type, null);
    }

    /** {@code MPI_File_read_ordered} of {@code count} elements of {@code type}, filling {@code status}. */
    public void readOrdered(MemorySegment buf, long count, Datatype type, Status status) {
        FileIo.blocking(this, Access.READ_ORDERED, 0, buf, count, type, status);
    }

    /** {@code MPI_File_write_ordered} (collective): writes at the shared pointer in rank order. */
    public void writeOrdered(MemorySegment buf) {
        writeOrdered(buf, null);
    }

    /** {@code MPI_File_write_ordered}, filling {@code status} (may be null). */
    public void writeOrdered(MemorySegment buf, Status status) {
        inferred(Access.WRITE_ORDERED, 0, buf, status);
    }

    /** {@code MPI_File_write_ordered} of {@code count} elements of {@code type}. */
    public void writeOrdered(MemorySegment buf, long count, Datatype type) {
        writeOrdered(buf, count, type, null);
    }

    /** {@code MPI_File_write_ordered} of {@code count} elements of {@code type}, filling {@code status}. */
    public void writeOrdered(MemorySegment buf, long count, Datatype type, Status status) {
        FileIo.blocking(this, Access.WRITE_ORDERED, 0, buf, count, type, status);
    }

    /** {@code MPI_File_seek_shared} (collective): moves the shared file pointer. */
    public void seekShared(long offset, SeekMode whence) {
        MemorySegment fh = handle();
        Errors.checkNotNull(whence, "whence");
        Errors.check(mpi_h.MPI_File_seek_shared(fh, offset, whence.value()), "MPI_File_seek_shared");
    }

    /** {@code MPI_File_get_position_shared}: the shared file pointer, in etypes. */
    public long positionShared() {
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_File_get_position_shared(handle(), s.handle0), "MPI_File_get_position_shared");
        return s.handle0.get(ValueLayout.JAVA_LONG, 0);
    }

    // ---- split collectives ------------------------------------------------------------------------
    // One split collective may be active per file; its buffer (or the native copy of a heap buffer)
    // is held here until the matching ...End call, which takes no buffer: it completes the begun one.

    /** {@code MPI_File_read_at_all_begin} (collective): begins reading into {@code buf} at {@code offset}. */
    public void readAtAllBegin(long offset, MemorySegment buf) {
        beginInferred(Access.READ_AT_ALL_BEGIN, offset, buf);
    }

    /** {@code MPI_File_read_at_all_begin} of {@code count} elements of {@code type}. */
    public void readAtAllBegin(long offset, MemorySegment buf, long count, Datatype type) {
        begin(Access.READ_AT_ALL_BEGIN, offset, buf, count, type);
    }

    /** {@code MPI_File_read_at_all_end}: completes {@link #readAtAllBegin}; {@code buf} then holds the data. */
    public void readAtAllEnd() {
        readAtAllEnd(null);
    }

    /** {@code MPI_File_read_at_all_end}, filling {@code status} (may be null). */
    public void readAtAllEnd(Status status) {
        end(Access.READ_AT_ALL_BEGIN, status);
    }

    /** {@code MPI_File_write_at_all_begin} (collective): begins writing {@code buf} at {@code offset}. */
    public void writeAtAllBegin(long offset, MemorySegment buf) {
        beginInferred(Access.WRITE_AT_ALL_BEGIN, offset, buf);
    }

    /** {@code MPI_File_write_at_all_begin} of {@code count} elements of {@code type}. */
    public void writeAtAllBegin(long offset, MemorySegment buf, long count, Datatype type) {
        begin(Access.WRITE_AT_ALL_BEGIN, offset, buf, count, type);
    }

    /** {@code MPI_File_write_at_all_end}: completes {@link #writeAtAllBegin}. */
    public void writeAtAllEnd() {
        writeAtAllEnd(null);
    }

    /** {@code MPI_File_write_at_all_end}, filling {@code status} (may be null). */
    public void writeAtAllEnd(Status status) {
        end(Access.WRITE_AT_ALL_BEGIN, status);
    }

    /** {@code MPI_File_read_all_begin} (collective): begins reading at this process's file pointer. */
    public void readAllBegin(MemorySegment buf) {
        beginInferred(Access.READ_ALL_BEGIN, 0, buf);
    }

    /** {@code MPI_File_read_all_begin} of {@code count} elements of {@code type}. */
    public void readAllBegin(MemorySegment buf, long count, Datatype type) {
        begin(Access.READ_ALL_BEGIN, 0, buf, count, type);
    }

    /** {@code MPI_File_read_all_end}: completes {@link #readAllBegin}. */
    public void readAllEnd() {
        readAllEnd(null);
    }

    /** {@code MPI_File_read_all_end}, filling {@code status} (may be null). */
    public void readAllEnd(Status status) {
        end(Access.READ_ALL_BEGIN, status);
    }

    /** {@code MPI_File_write_all_begin} (collective): begins writing at this process's file pointer. */
    public void writeAllBegin(MemorySegment buf) {
        beginInferred(Access.WRITE_ALL_BEGIN, 0, buf);
    }

    /** {@code MPI_File_write_all_begin} of {@code count} elements of {@code type}. */
    public void writeAllBegin(MemorySegment buf, long count, Datatype type) {
        begin(Access.WRITE_ALL_BEGIN, 0, buf, count, type);
    }

    /** {@code MPI_File_write_all_end}: completes {@link #writeAllBegin}. */
    public void writeAllEnd() {
        writeAllEnd(null);
    }

    /** {@code MPI_File_write_all_end}, filling {@code status} (may be null). */
    public void writeAllEnd(Status status) {
        end(Access.WRITE_ALL_BEGIN, status);
    }

    /** {@code MPI_File_read_ordered_begin} (collective): begins reading at the shared pointer in rank order. */
    public void readOrderedBegin(MemorySegment buf) {
        beginInferred(Access.READ_ORDERED_BEGIN, 0, buf);
    }

    /** {@code MPI_File_read_ordered_begin} of {@code count} elements of {@code type}. */
    public void readOrderedBegin(MemorySegment buf, long count, Datatype type) {
        begin(Access.READ_ORDERED_BEGIN, 0, buf, count, type);
    }

    /** {@code MPI_File_read_ordered_end}: completes {@link #readOrderedBegin}. */
    public void readOrderedEnd() {
        readOrderedEnd(null);
    }

    /** {@code MPI_File_read_ordered_end}, filling {@code status} (may be null). */
    public void readOrderedEnd(Status status) {
        end(Access.READ_ORDERED_BEGIN, status);
    }

    /** {@code MPI_File_write_ordered_begin} (collective): begins writing at the shared pointer in rank order. */
    public void writeOrderedBegin(MemorySegment buf) {
        beginInferred(Access.WRITE_ORDERED_BEGIN, 0, buf);
    }

    /** {@code MPI_File_write_ordered_begin} of {@code count} elements of {@code type}. */
    public void writeOrderedBegin(MemorySegment buf, long count, Datatype type) {
        begin(Access.WRITE_ORDERED_BEGIN, 0, buf, count, type);
    }

    /** {@code MPI_File_write_ordered_end}: completes {@link #writeOrderedBegin}. */
    public void writeOrderedEnd() {
        writeOrderedEnd(null);
    }

    /** {@code MPI_File_write_ordered_end}, filling {@code status} (may be null). */
    public void writeOrderedEnd(Status status) {
        end(Access.WRITE_ORDERED_BEGIN, status);
    }

    // ---- plumbing -------------------------------------------------------------------------------

    private void inferred(Access op, long offset, MemorySegment buf, Status status) {
        Datatype type = Buffers.typeOf(Errors.checkNotNull(buf, "buffer"));
        FileIo.blocking(this, op, offset, buf, Buffers.countOfLong(buf, type), type, status);
    }

    private Request inferred(Access op, long offset, MemorySegment buf) {
        Datatype type = Buffers.typeOf(Errors.checkNotNull(buf, "buffer"));
        return FileIo.start(this, op, offset, buf, Buffers.countOfLong(buf, type), type);
    }

    private void beginInferred(Access op, long offset, MemorySegment buf) {
        Datatype type = Buffers.typeOf(Errors.checkNotNull(buf, "buffer"));
        begin(op, offset, buf, Buffers.countOfLong(buf, type), type);
    }

    private void begin(Access op, long offset, MemorySegment buf, long count, Datatype type) {
        handle();
        if (split != null) {
            throw new IllegalStateException(op.function + ": " + split.op().function
                    + " has begun and not ended (one split collective at a time per file)");
        }
        split = FileIo.begin(this, op, offset, buf, count, type);
    }

    private void end(Access op, Status status) {
        handle();
        FileIo.Split s = split;
        if (s == null || s.op() != op) {
            throw new IllegalStateException(op.endFunction() + " without " + op.function
                    + (s == null ? "" : " (" + s.op().function + " is the one begun)"));
        }
        split = null;
        FileIo.end(this, s, status);
    }

    private static void checkNonNegative(long value, String what) {
        if (value < 0) {
            throw new IllegalArgumentException("negative " + what + ": " + value);
        }
    }

    @Override
    public String toString() {
        return isNull() ? "File[NULL]" : isFreed() ? "File[closed]" : "File[open]";
    }
}
