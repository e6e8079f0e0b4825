package org.mpi4j;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.mpi4j.ffi.mpi_h;
import org.mpi4j.internal.OpenMpiAbi;
import org.mpi4j.internal.Scratch;

/**
 * An error handler ({@code MPI_Errhandler}): what MPI does when a call on a communicator, window
 * or file fails. mpi4j gives every communicator, window and file {@link #ERRORS_RETURN}, so that
 * errors surface as {@link MpiException} (see the {@code mpi4j.errors} switch in {@link MPI}).
 *
 * <p>A handler written in Java is made for one kind of object: {@link #forComm} for communicators,
 * {@link #forWin} for windows, {@link #forFile} for files ({@code MPI_Comm_create_errhandler},
 * {@code MPI_Win_create_errhandler}, {@code MPI_File_create_errhandler}). MPI calls it, through an
 * upcall, with the object (borrowed: do not free it) and the error code before the failing call
 * returns; the call then throws its {@link MpiException} as always, with what the handler threw,
 * if anything, as its cause. {@code callErrhandler} ({@link Comm#callErrhandler},
 * {@link Win#callErrhandler}, {@link File#callErrhandler}) invokes it on purpose and rethrows what
 * it threw. Setting a handler on an object of another kind throws {@link IllegalArgumentException}
 * before MPI is called; the predefined handlers fit every kind.
 *
 * <p>While a Java handler is set on a communicator MPI may call Java from any call on it, so
 * meanwhile mpi4j passes Java arrays to MPI through native copies rather than critical downcalls
 * (inside which an upcall would abort the JVM). Windows and files never take critical downcalls.
 */
public final class Errhandler extends NativeHandle {
    /** The kinds of object a handler is made for; a handler only fits objects of its kind. */
    enum Kind {
        /** Predefined handlers fit every kind. */
        ANY("any objects", "forComm, forWin or forFile"),
        COMM("communicators", "Errhandler.forComm"),
        WIN("windows", "Errhandler.forWin"),
        FILE("files", "Errhandler.forFile");

        final String objects;
        final String factory;

        Kind(String objects, String factory) {
            this.objects = objects;
            this.factory = factory;
        }
    }

    /** {@code MPI_ERRORS_RETURN}: the failing call returns the error code (mpi4j throws it). */
    public static final Errhandler ERRORS_RETURN = predefined("MPI_ERRORS_RETURN");
    /** {@code MPI_ERRORS_ARE_FATAL}: the failing call aborts the job. */
    public static final Errhandler ERRORS_ARE_FATAL = predefined("MPI_ERRORS_ARE_FATAL");
    /** {@code MPI_ERRHANDLER_NULL}. */
    public static final Errhandler NULL = new Errhandler(OpenMpiAbi.predefined("MPI_ERRHANDLER_NULL"), true, true,
            Kind.ANY);

    /** A Java error handler for communicators. */
    @FunctionalInterface
    public interface CommHandler {
        /**
         * Handles an error. Runs inside the failing MPI call: it may make MPI calls that do not
         * communicate on {@code comm}, and should not block.
         *
         * @param comm      the communicator of the failing call (borrowed: do not free it)
         * @param errorCode the error code the call is about to return
         */
        void handle(Comm comm, int errorCode);
    }

    /** A Java error handler for windows. */
    @FunctionalInterface
    public interface WinHandler {
        /**
         * Handles an error. Runs inside the failing MPI call: it may make MPI calls that do not
         * involve {@code win}, and should not block.
         *
         * @param win       the window of the failing call (borrowed: do not free it)
         * @param errorCode the error code the call is about to return
         */
        void handle(Win win, int errorCode);
    }

    /** A Java error handler for files. */
    @FunctionalInterface
    public interface FileHandler {
        /**
         * Handles an error. Runs inside the failing MPI call: it may make MPI calls that do not
         * involve {@code file}, and should not block.
         *
         * @param file      the file of the failing call (borrowed: do not close it), or
         *                  {@link File#NULL} for an error of {@code open} or {@code delete}, which
         *                  go to the default file handler ({@link File#setDefaultErrhandler})
         * @param errorCode the error code the call is about to return
         */
        void handle(File file, int errorCode);
    }

    private static final FunctionDescriptor HANDLER_FN = FunctionDescriptor.ofVoid(ValueLayout.ADDRESS,
            ValueLayout.ADDRESS);
    private static final MethodHandle INVOKE;
    /** The Java handlers alive, by handle address, so that getErrhandler returns the same object. */
    private static final Map<Long, Errhandler> JAVA = new ConcurrentHashMap<>();

    static {
        try {
            INVOKE = MethodHandles.lookup().findVirtual(Errhandler.class, "invoke",
                    MethodType.methodType(void.class, MemorySegment.class, MemorySegment.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Kind handles;
    /** The Java body: a CommHandler, WinHandler or FileHandler as {@link #handles} says; null if none. */
    private Object body;
    /** The upcall stub MPI calls: reachable as long as this object is. */
    private MemorySegment stub;

    private Errhandler(MemorySegment handle, boolean predefined, boolean isNull, Kind handles) {
        super(handle, predefined, isNull);
        this.handles = handles;
    }

    private static Errhandler predefined(String mpiName) {
        return new Errhandler(OpenMpiAbi.predefined(mpiName), true, false, Kind.ANY);
    }

    @Override
    String kind() {
        return "error handler";
    }

    @Override
    void release(MemorySegment handleRef) {
        // MPI keeps the handler while a communicator uses it, so its stub lives in the global arena
        JAVA.remove(handleRef.get(ValueLayout.ADDRESS, 0).address());
        Errors.check(mpi_h.MPI_Errhandler_free(handleRef), "MPI_Errhandler_free");
    }

    @Override
    int c2f(MemorySegment h) {
        return mpi_h.MPI_Errhandler_c2f(h);
    }

    /**
     * {@code MPI_Comm_create_errhandler}: an error handler for communicators whose body is
     * {@code handler}. Set it with {@link Comm#setErrhandler}; free it when no longer needed (the
     * communicators that use it keep it).
     */
    public static Errhandler forComm(CommHandler handler) {
        return create(Kind.COMM, Errors.checkNotNull(handler, "handler"));
    }

    /**
     * {@code MPI_Win_create_errhandler}: an error handler for windows whose body is
     * {@code handler}. Set it with {@link Win#setErrhandler}; free it when no longer needed (the
     * windows that use it keep it).
     */
    public static Errhandler forWin(WinHandler handler) {
        return create(Kind.WIN, Errors.checkNotNull(handler, "handler"));
    }

    /**
     * {@code MPI_File_create_errhandler}: an error handler for files whose body is {@code handler}.
     * Set it with {@link File#setErrhandler}, or for {@code open} and {@code delete} with
     * {@link File#setDefaultErrhandler}; free it when no longer needed (the files that use it keep it).
     */
    public static Errhandler forFile(FileHandler handler) {
        return create(Kind.FILE, Errors.checkNotNull(handler, "handler"));
    }

    private static Errhandler create(Kind kind, Object body) {
        Environment.ensureInitialized();
        Errhandler e = new Errhandler(null, false, false, kind);
        e.body = body;
        // MPI keeps the handler while an object uses it, after free(): the stub lives as long as the JVM
        e.stub = Linker.nativeLinker().upcallStub(INVOKE.bindTo(e), HANDLER_FN, Arena.global());
        Scratch s = Scratch.get();
        String function = switch (kind) {
            case COMM -> "MPI_Comm_create_errhandler";
            case WIN -> "MPI_Win_create_errhandler";
            case FILE -> "MPI_File_create_errhandler";
            case ANY -> throw new AssertionError(kind);
        };
        Errors.check(switch (kind) {
            case COMM -> mpi_h.MPI_Comm_create_errhandler(e.stub, s.handle0);
            case WIN -> mpi_h.MPI_Win_create_errhandler(e.stub, s.handle0);
            default -> mpi_h.MPI_File_create_errhandler(e.stub, s.handle0);
        }, function);
        e.setHandle(s.handle0());
        JAVA.put(s.handle0().address(), e);
        return e;
    }

    /** Whether MPI calls Java through this handler. */
    boolean isJava() {
        return stub != null;
    }

    /**
     * Checks, before MPI is called, that this handler may be set on objects of {@code kind}: a
     * handler made for another kind would be called with the wrong kind of handle.
     *
     * @throws IllegalArgumentException naming both kinds if not
     */
    void checkFits(Kind kind) {
        if (handles != Kind.ANY && handles != kind) {
            throw new IllegalArgumentException("an error handler for " + handles.objects + " (" + handles.factory
                    + ") cannot be set on " + kind.objects + ": make one with " + kind.factory);
        }
    }

    /**
     * The object for a handler handle MPI returned with a new reference ({@code MPI_*_get_errhandler}):
     * a known one (predefined or Java) gives its reference back and is returned itself; another is
     * a new object that owns the reference.
     */
    static Errhandler ofReturned(MemorySegment ref) {
        MemorySegment h = ref.get(ValueLayout.ADDRESS, 0);
        Errhandler known = known(h);
        if (known == null) {
            return new Errhandler(h, false, false, Kind.ANY);
        }
        Errors.check(mpi_h.MPI_Errhandler_free(ref), "MPI_Errhandler_free");
        return known;
    }

    private static Errhandler known(MemorySegment h) {
        for (Errhandler e : new Errhandler[] {ERRORS_RETURN, ERRORS_ARE_FATAL, NULL}) {
            if (e.rawHandle().equals(h)) {
                return e;
            }
        }
        return JAVA.get(h.address());
    }

    /**
     * Wraps a raw {@code MPI_Errhandler} made elsewhere: a predefined or Java handler of this program
     * comes back as itself, another is borrowed (see {@link NativeHandle#isBorrowed()}).
     *
     * @throws IllegalArgumentException if MPI knows no error handler at that address
     */
    public static Errhandler fromHandle(MemorySegment handle) {
        return fromForeign(handle, "error handler", Errhandler::known, mpi_h::MPI_Errhandler_c2f,
                mpi_h::MPI_Errhandler_f2c, h -> new Errhandler(h, false, false, Kind.ANY));
    }

    /** {@code MPI_Errhandler_f2c}, as {@link #fromHandle}; an integer that names no handler is refused. */
    public static Errhandler fromFortran(int fortranHandle) {
        return fromFortranHandle(fortranHandle, "error handler", mpi_h::MPI_Errhandler_f2c, Errhandler::fromHandle);
    }

    /**
     * The upcall MPI makes: {@code objectRef} points to the communicator, window or file handle, as
     * {@link #handles} says. Never lets an exception escape into MPI.
     */
    private void invoke(MemorySegment objectRef, MemorySegment codeRef) {
        try {
            MemorySegment h = objectRef.reinterpret(ValueLayout.ADDRESS.byteSize()).get(ValueLayout.ADDRESS, 0);
            h = MemorySegment.ofAddress(h.address());
            int code = codeRef.reinterpret(4).get(ValueLayout.JAVA_INT, 0);
            switch (body) {
                case CommHandler c -> {
                    Comm comm = Comm.predefinedOf(h);
                    c.handle(comm != null ? comm : Comm.wrapForeign(h).borrow(), code);
                }
                case WinHandler w -> w.handle(Win.wrapForeign(h), code);
                case FileHandler f -> f.handle(File.wrapForeign(h), code);
                default -> throw new AssertionError(body);
            }
        } catch (Throwable t) {
            Errors.upcallFailed(t);
        }
    }

    @Override
    public String toString() {
        if (isFreed()) {
            return "Errhandler[freed]";
        }
        if (this == ERRORS_RETURN) {
            return "Errhandler[ERRORS_RETURN]";
        }
        if (this == ERRORS_ARE_FATAL) {
            return "Errhandler[ERRORS_ARE_FATAL]";
        }
        return isNull() ? "Errhandler[NULL]" : "Errhandler[" + handles.objects + "]";
    }
}
