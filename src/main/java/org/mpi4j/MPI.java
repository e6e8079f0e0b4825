package org.mpi4j;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.mpi4j.ffi.mpi_h;
import org.mpi4j.internal.OpenMpiAbi;
import org.mpi4j.internal.Scratch;

/**
 * The MPI environment: initialisation and finalisation, the world and self communicators, the
 * wildcard constants, version and processor information, and timers.
 *
 * <p>As in mpi4py, MPI is initialised lazily on first use, with the thread level named by the
 * system property {@code mpi4j.threadLevel} ({@code single}, {@code funneled}, {@code serialized}
 * or {@code multiple}; default {@code multiple}); call {@link #init()} or
 * {@link #initThread(ThreadLevel)} first to choose. MPI is finalised when the JVM shuts down
 * unless {@link #finalizeMpi()} was called before.
 *
 * <p>MPI errors: the system property {@code mpi4j.errors} chooses, as mpi4py's {@code rc.errors},
 * between {@code exception} (the default: an MPI error throws {@link MpiException}),
 * {@code abort} (the first MPI error prints the exception and aborts the job with
 * {@code MPI_Abort}) and {@code fatal} (communicators get {@code MPI_ERRORS_ARE_FATAL}: MPI ends
 * the job with its own message).
 */
public final class MPI {
    static {
        try {
            OpenMpiAbi.load();
        } catch (OpenMpiAbi.LoadError e) {
            throw new MpiLibraryError(e.getMessage(), e.getCause());
        }
    }

    /** Wildcard source for receives and probes. */
    public static final int ANY_SOURCE = mpi_h.MPI_ANY_SOURCE();
    /** Wildcard tag for receives and probes. */
    public static final int ANY_TAG = mpi_h.MPI_ANY_TAG();
    /** The null process: communication with it completes at once and moves no data. */
    public static final int PROC_NULL = mpi_h.MPI_PROC_NULL();
    /** The root marker of intercommunicator collectives. */
    public static final int ROOT = mpi_h.MPI_ROOT();
    /** The undefined value ({@code MPI_UNDEFINED}): a split color that yields no communicator, a rank outside a group. */
    public static final int UNDEFINED = mpi_h.MPI_UNDEFINED();

    /** All processes of the job. */
    public static final Intracomm COMM_WORLD = Intracomm.predefined("MPI_COMM_WORLD");
    /** This process alone. */
    public static final Intracomm COMM_SELF = Intracomm.predefined("MPI_COMM_SELF");
    /** The null communicator, returned where MPI returns {@code MPI_COMM_NULL}. */
    public static final Intracomm COMM_NULL = Intracomm.nullComm();

    private MPI() {
    }

    /** {@code MPI_Init}: initialises MPI at the library's default thread level. */
    public static void init() {
        Environment.init();
    }

    /**
     * {@code MPI_Init_thread}: initialises MPI asking for {@code required} thread support.
     *
     * @return the level the library provides, which may be lower than asked
     */
    public static ThreadLevel initThread(ThreadLevel required) {
        Errors.checkNotNull(required, "required thread level");
        return ThreadLevel.of(Environment.initThread(required.value()));
    }

    /** Initialises MPI if nothing has yet; the gate every native call passes. */
    static void ensureInitialized() {
        Environment.ensureInitialized();
    }

    /**
     * {@code MPI_Finalize}. Every rank must call it (or let the JVM's shutdown do it) after its last
     * MPI call; MPI cannot be used again afterwards.
     */
    public static void finalizeMpi() {
        Environment.finalizeMpi();
    }

    /** {@code MPI_Initialized}: whether MPI has been initialised (by any means). */
    public static boolean isInitialized() {
        return Environment.isInitialized();
    }

    /** {@code MPI_Finalized}: whether MPI has been finalised. */
    public static boolean isFinalized() {
        return Environment.isFinalized();
    }



    /** {@code MPI_Query_thread}: the thread level MPI provides. */
    public static ThreadLevel queryThread() {
        return ThreadLevel.of(Environment.queryThread());
    }

    /** {@code MPI_Is_thread_main}: whether the calling thread is the one that initialised MPI. */
    public static boolean isThreadMain() {
        ensureInitialized();
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Is_thread_main(s.int0), "MPI_Is_thread_main");
        return s.int0() != 0;
    }

    /** {@code MPI_Get_version}: the version of the MPI standard the library implements. */
    public static Version version() {
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Get_version(s.int0, s.int1), "MPI_Get_version");
        return new Version(s.int0(), s.int1());
    }

    /** {@code MPI_Get_library_version}: the library's own description of itself. */
    public static String libraryVersion() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment str = arena.allocate(mpi_h.MPI_MAX_LIBRARY_VERSION_STRING() + 1L);
            MemorySegment len = arena.allocate(ValueLayout.JAVA_INT);
            Errors.check(mpi_h.MPI_Get_library_version(str, len), "MPI_Get_library_version");
            return str.getString(0).strip();
        }
    }

    /** {@code MPI_Get_processor_name}: the name of the machine this process runs on. */
    public static String processorName() {
        ensureInitialized();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment str = arena.allocate(mpi_h.MPI_MAX_PROCESSOR_NAME() + 1L);
            MemorySegment len = arena.allocate(ValueLayout.JAVA_INT);
            Errors.check(mpi_h.MPI_Get_processor_name(str, len), "MPI_Get_processor_name");
            return str.getString(0);
        }
    }

    /**
     * Turns the collective debug mode on or off (default: {@code -Dmpi4j.debug.collectives}, false).
     * With it on, every rooted collective of an intracommunicator ({@code bcast}, {@code gather(v)},
     * {@code scatter(v)}, {@code reduce}) first checks the arguments of every process and agrees on
     * the outcome with one or two small extra collectives: the same collective and root everywhere,
     * no process's arguments refused, each process sending or receiving what the root has for it,
     * no overlapping {@code gatherv} blocks at the root. An error that only one process can see then
     * throws on every process, and the communicator stays usable. Turn it on at every process or at
     * none (its extra collectives must match); it costs about a small allreduce per call.
     */
    public static void setCollectiveChecks(boolean on) {
        CollectiveChecks.setEnabled(on);
    }

    /** Whether the collective debug mode is on ({@link #setCollectiveChecks}). */
    public static boolean collectiveChecks() {
        return CollectiveChecks.enabled();
    }

    /**
     * {@code MPI_Wtime}: elapsed wall-clock seconds since some time in the past. Once MPI is
     * initialised this reads MPI's clock directly where the library allows it (Open MPI on Linux:
     * {@code CLOCK_MONOTONIC} from the same origin, through {@link System#nanoTime()}), which
     * saves a native call per reading; the values are {@code MPI_Wtime}'s.
     */
    public static double wtime() {
        long origin = Environment.wtimeOrigin();
        return origin != OpenMpiAbi.NO_WTIME_ORIGIN ? (System.nanoTime() - origin) * 1e-9 : mpi_h.MPI_Wtime();
    }

    /** {@code MPI_Wtick}: the resolution of {@link #wtime()} in seconds. */
    public static double wtick() {
        return mpi_h.MPI_Wtick();
    }

    /**
     * {@code MPI_Abort} on {@code MPI_COMM_WORLD}: ends every process of the job with
     * {@code errorCode}. Does not return.
     */
    public static void abort(int errorCode) {
        COMM_WORLD.abort(errorCode);
    }

    /** The {@link Attribute#TAG_UB} attribute of {@link #COMM_WORLD}: the largest valid tag. */
    public static int tagUpperBound() {
        return COMM_WORLD.tagUpperBound();
    }

    // ---- buffered mode ------------------------------------------------------------------------

    /** {@code MPI_BSEND_OVERHEAD}: the bytes of attached buffer each buffered message needs besides its data. */
    public static final int BSEND_OVERHEAD = mpi_h.MPI_BSEND_OVERHEAD();

    /** The buffer attached for buffered sends, kept reachable until it is detached. */
    private static volatile MemorySegment attachedBuffer;

    /**
     * Refuses a buffered send of {@code bytes} bytes that the attached buffer cannot hold (or with
     * no buffer attached) before MPI sees it: Open MPI 4.1 fails such a send with
     * {@code MPI_ERR_BUFFER} and may then hang the next communication. The check knows the size of
     * the buffer, not what pending buffered messages still occupy.
     */
    static void checkBufferedSend(long bytes, String call) {
        MemorySegment b = attachedBuffer;
        if (b == null) {
            throw new IllegalStateException(call + ": no buffer is attached for buffered sends; call"
                    + " MPI.attachBuffer(bytes) first with room for every pending message plus MPI.BSEND_OVERHEAD each");
        }
        if (bytes > b.byteSize() - BSEND_OVERHEAD) {
            throw new IllegalArgumentException(call + ": a message of " + bytes + " bytes needs " + (bytes
                    + BSEND_OVERHEAD) + " bytes of attached buffer (with MPI.BSEND_OVERHEAD); the attached buffer"
                    + " has " + b.byteSize());
        }
    }

    /**
     * {@code MPI_Alloc_mem}: {@code bytes} of memory from MPI (which may be faster for one-sided
     * communication and message passing than other memory), as a segment of {@code arena}: closing
     * the arena gives the memory back with {@code MPI_Free_mem}, after which any access through the
     * segment fails inside FFM instead of touching freed memory.
     *
     * <pre>{@code
     * try (Arena arena = Arena.ofConfined()) {
     *     MemorySegment buf = MPI.allocMem(arena, 1 << 20);
     *     ...
     * }   // MPI_Free_mem
     * }</pre>
     *
     * @param arena the lifetime of the memory (an automatic arena frees it after garbage collection)
     * @param bytes the size, at least 0
     * @throws MpiException if MPI has no memory to give ({@code ERR_NO_MEM})
     */
    public static MemorySegment allocMem(Arena arena, long bytes) {
        return allocMem(arena, bytes, Info.NULL);
    }

    /** {@link #allocMem(Arena, long)} with hints for MPI's allocator ({@code Info}, may be null). */
    public static MemorySegment allocMem(Arena arena, long bytes, Info info) {
        Errors.checkNotNull(arena, "arena");
        if (bytes < 0) {
            throw new IllegalArgumentException("negative size: " + bytes);
        }
        ensureInitialized();
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Alloc_mem(bytes, Info.handleOf(info), s.handle0), "MPI_Alloc_mem");
        MemorySegment base = s.handle0();
        // the cleanup must not reach this class's state beyond the finalized check: it runs at
        // arena close, possibly on another thread, possibly after MPI_Finalize (then the memory
        // went with MPI)
        return base.reinterpret(bytes, arena, b -> {
            if (!isFinalized()) {
                mpi_h.MPI_Free_mem(b);
            }
        });
    }

    /**
     * {@code MPI_Buffer_attach}: gives MPI native memory to copy buffered-mode messages into
     * ({@code bsend}, {@code ibsend}, {@code bsendInit}). Size it as the sum over the messages that
     * may be pending at once of their size plus {@link #BSEND_OVERHEAD}. The segment must stay
     * alive (its arena open) until {@link #detachBuffer()}.
     *
     * @throws IllegalArgumentException if {@code buffer} is not native memory or larger than 2^31-1 bytes
     * @throws IllegalStateException    if a buffer is attached already
     */
    public static synchronized void attachBuffer(MemorySegment buffer) {
        Errors.checkNotNull(buffer, "buffer");
        Buffers.checkAccessible(buffer, "buffered-mode buffer");
        if (buffer.isReadOnly()) {
            throw new IllegalArgumentException("the buffered-mode buffer is read-only: MPI writes the buffered"
                    + " messages into it");
        }
        if (!buffer.isNative()) {
            throw new IllegalArgumentException("the buffered-mode buffer must be native memory: MPI keeps using"
                    + " it after the call returns, and the garbage collector may move a Java array");
        }
        if (buffer.byteSize() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("buffer of " + buffer.byteSize() + " bytes exceeds 2^31-1");
        }
        if (attachedBuffer != null) {
            throw new IllegalStateException("a buffer is attached already; detachBuffer() first");
        }
        ensureInitialized();
        Errors.check(mpi_h.MPI_Buffer_attach(buffer, (int) buffer.byteSize()), "MPI_Buffer_attach");
        attachedBuffer = buffer;
    }

    /**
     * {@code MPI_Buffer_attach} of {@code bytes} of new native memory, which is released once
     * detached and no longer referenced.
     *
     * @return the attached memory
     */
    public static synchronized MemorySegment attachBuffer(long bytes) {
        if (bytes < 0 || bytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("buffer size " + bytes + " is not in 0..2^31-1");
        }
        MemorySegment buffer = Arena.ofAuto().allocate(Math.max(1, bytes), 16).asSlice(0, bytes);
        attachBuffer(buffer);
        return buffer;
    }

    /**
     * {@code MPI_Buffer_detach}: waits until every buffered message has been sent, then takes the
     * buffer back from MPI.
     *
     * @return the detached buffer, or null if none was attached
     */
    public static synchronized MemorySegment detachBuffer() {
        MemorySegment buffer = attachedBuffer;
        if (buffer == null) {
            return null;
        }
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Buffer_detach(s.handle0, s.int0), "MPI_Buffer_detach");
        attachedBuffer = null;
        return buffer;
    }

    // ---- dynamic processes ----------------------------------------------------------------------

    /**
     * {@code MPI_Comm_get_parent}: in a process started by {@link Intracomm#spawn}, the
     * intercommunicator to the spawning processes (its remote group); otherwise the null
     * communicator ({@link Intercomm#isNull()}), as after the parent link was disconnected.
     */
    public static Intercomm parent() {
        ensureInitialized();
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Comm_get_parent(s.handle0), "MPI_Comm_get_parent");
        return Intercomm.parentFromRef(s.handle0);
    }

    /** {@code MPI_Open_port}: a new port name for clients to {@link Intracomm#connect} to. */
    public static String openPort() {
        return DynamicProcesses.openPort(Info.NULL);
    }

    /** {@code MPI_Open_port} with hints ({@link Info#NULL} or null for none). */
    public static String openPort(Info info) {
        return DynamicProcesses.openPort(info);
    }

    /** {@code MPI_Close_port}: releases a port from {@link #openPort()}. */
    public static void closePort(String port) {
        DynamicProcesses.closePort(port);
    }

    /**
     * {@code MPI_Publish_name}: makes {@code port} findable by {@link #lookupName} under
     * {@code service}, for the processes of this job and, with Open MPI's {@code ompi-server},
     * of other jobs.
     */
    public static void publishName(String service, String port) {
        DynamicProcesses.publishName(service, port, Info.NULL, true);
    }

    /** {@code MPI_Unpublish_name}: withdraws a name {@link #publishName} published. */
    public static void unpublishName(String service, String port) {
        DynamicProcesses.publishName(service, port, Info.NULL, false);
    }

    /**
     * {@code MPI_Lookup_name}: the port published under {@code service}.
     *
     * @throws MpiException of class {@link ErrorClass#ERR_NAME} if nothing is published under that name
     */
    public static String lookupName(String service) {
        return DynamicProcesses.lookupName(service, Info.NULL);
    }

    // ---- user error classes and codes ------------------------------------------------------------

    /**
     * {@code MPI_Add_error_class}: a new error class, for a library built on MPI to report its own
     * errors through MPI's machinery ({@link Comm#callErrhandler}, {@link MpiException}).
     */
    public static int addErrorClass() {
        ensureInitialized();
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Add_error_class(s.int0), "MPI_Add_error_class");
        return s.int0();
    }

    /** {@code MPI_Add_error_code}: a new error code in {@code errorClass} (a standard or added class). */
    public static int addErrorCode(int errorClass) {
        ensureInitialized();
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Add_error_code(errorClass, s.int0), "MPI_Add_error_code");
        return s.int0();
    }

    /**
     * {@code MPI_Add_error_string}: the text {@code MPI_Error_string} (and so
     * {@link MpiException#errorString()}) gives for an added error class or code.
     *
     * @throws IllegalArgumentException if the text is longer than {@code MPI_MAX_ERROR_STRING - 1}
     */
    public static void addErrorString(int errorCode, String text) {
        Errors.checkNotNull(text, "text");
        if (text.length() >= mpi_h.MPI_MAX_ERROR_STRING()) {
            throw new IllegalArgumentException("error string longer than " + (mpi_h.MPI_MAX_ERROR_STRING() - 1));
        }
        ensureInitialized();
        try (Arena arena = Arena.ofConfined()) {
            Errors.check(mpi_h.MPI_Add_error_string(errorCode, arena.allocateFrom(text)), "MPI_Add_error_string");
        }
    }

    /** {@code MPI_Error_string}: the library's text for an error code or class. */
    public static String errorString(int errorCode) {
        ensureInitialized();
        return new MpiException(errorCode).errorString();
    }

    // ---- profiling and addresses ---------------------------------------------------------------

    private static final mpi_h.MPI_Pcontrol PCONTROL = mpi_h.MPI_Pcontrol.makeInvoker();

    /**
     * {@code MPI_Pcontrol}: tells a profiling library what to record ({@code 0} off, {@code 1} on,
     * {@code 2} flush; other levels are the library's). Without one it does nothing.
     */
    public static void pcontrol(int level) {
        ensureInitialized();
        Errors.check(PCONTROL.apply(level), "MPI_Pcontrol");
    }

    /**
     * {@code MPI_Get_address}: the address of the first byte of {@code location}, for the
     * displacements of a struct datatype over native memory ({@link Datatype#struct}).
     *
     * @throws IllegalArgumentException if {@code location} is a Java array's memory, which has no
     *                                  fixed address
     */
    public static long getAddress(MemorySegment location) {
        Errors.checkNotNull(location, "location");
        if (!location.isNative()) {
            throw new IllegalArgumentException("a heap segment has no fixed address: the garbage collector"
                    + " moves arrays; allocate the memory from an Arena");
        }
        ensureInitialized();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(ValueLayout.JAVA_LONG);
            Errors.check(mpi_h.MPI_Get_address(location, out), "MPI_Get_address");
            return out.get(ValueLayout.JAVA_LONG, 0);
        }
    }

    /**
     * {@code MPI_Aint_add}: the address {@code displacement} bytes from {@code base} (as Open MPI,
     * plain addition on its flat address space).
     */
    public static long aintAdd(long base, long displacement) {
        return base + displacement;
    }

    /** {@code MPI_Aint_diff}: the displacement from {@code subtrahend} to {@code minuend}, in bytes. */
    public static long aintDiff(long minuend, long subtrahend) {
        return minuend - subtrahend;
    }

    /** The version of the MPI standard: {@code MPI_VERSION}.{@code MPI_SUBVERSION}. */
    public record Version(int version, int subversion) {
        @Override
        public String toString() {
            return version + "." + subversion;
        }
    }
}
