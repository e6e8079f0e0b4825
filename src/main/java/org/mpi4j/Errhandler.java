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
 * An error handler ({@code MPI_Errhandler}): what MPI does when a call on a communicator fails.
 * mpi4j gives every communicator {@link #ERRORS_RETURN}, so that errors surface as
 * {@link MpiException} (see the {@code mpi4j.errors} switch in {@link MPI}); a handler written in
 * Java ({@link #forComm}) is called by MPI, through an upcall, with the communicator and the
 * error code before the failing call returns, and {@link Comm#callErrhandler} invokes it on
 * purpose.
 *
 * <p>While a Java handler is set on a communicator MPI may call Java from any call on it, so
 * meanwhile mpi4j passes Java arrays to MPI through native copies rather than critical downcalls
 * (inside which an upcall would abort the JVM). If the Java handler throws, the
 * exception becomes the cause of the {@link MpiException} the failing call throws.
 */
public final class Errhandler extends NativeHandle {
    /** The kinds of object a handler is made for; a handler only fits objects of its kind. */
    enum Kind {
        /** Predefined handlers fit every kind. */
        ANY,
        COMM,
        // WIN and FILE: the hook for the window and file classes (MPI_Win_create_errhandler and
        // MPI_File_create_errhandler take the same upcall shape, with their own handle)
        WIN,
        FILE
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

    private static final FunctionDescriptor HANDLER_FN = FunctionDescriptor.ofVoid(ValueLayout.ADDRESS,
            ValueLayout.ADDRESS);
    private static final MethodHandle INVOKE_COMM;
    /** The Java handlers alive, by handle address, so that getErrhandler returns the same object. */
    private static final Map<Long, Errhandler> JAVA = new ConcurrentHashMap<>();

    static {
        try {
            INVOKE_COMM = MethodHandles.lookup().findVirtual(Errhandler.class, "invokeComm",
                    MethodType.methodType(void.class, MemorySegment.class, MemorySegment.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Kind handles;
    private CommHandler commHandler;
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
        Errors.checkNotNull(handler, "handler");
        Environment.ensureInitialized();
        Errhandler e = new Errhandler(null, false, false, Kind.COMM);
        e.commHandler = handler;
        e.stub = Linker.nativeLinker().upcallStub(INVOKE_COMM.bindTo(e), HANDLER_FN, Arena.global());
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Comm_create_errhandler(e.stub, s.handle0), "MPI_Comm_create_errhandler");
        e.setHandle(s.handle0());
        JAVA.put(s.handle0().address(), e);
        return e;
    }

    /** Whether MPI calls Java through this handler. */
    boolean isJava() {
        return stub != null;
    }

    /** Whether this handler may be set on objects of {@code kind}; throws if not. */
    void checkFits(Kind kind, String objectKind) {
        if (handles != Kind.ANY && handles != kind) {
            throw new IllegalArgumentException("an error handler for " + handles.name().toLowerCase()
                    + " objects cannot be set on a " + objectKind);
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

    /** The upcall MPI makes for a communicator: never lets an exception escape into MPI. */
    private void invokeComm(MemorySegment commRef, MemorySegment codeRef) {
        try {
            MemorySegment h = commRef.reinterpret(ValueLayout.ADDRESS.byteSize()).get(ValueLayout.ADDRESS, 0);
            int code = codeRef.reinterpret(4).get(ValueLayout.JAVA_INT, 0);
            Comm comm = Comm.predefinedOf(h);
            if (comm == null) {
                comm = Comm.wrapForeign(MemorySegment.ofAddress(h.address())).borrow();
            }
            commHandler.handle(comm, code);
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
        return isNull() ? "Errhandler[NULL]" : "Errhandler[" + handles.name().toLowerCase() + "]";
    }
}
