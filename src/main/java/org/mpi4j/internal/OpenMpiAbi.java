package org.mpi4j.internal;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Locale;
import java.util.Map;
import org.mpi4j.ffi.MPI_Status;
import org.mpi4j.ffi.mpi_h;

/**
 * Everything that is specific to Open MPI's binary interface, and nothing else.
 *
 * <p>Open MPI's predefined handles ({@code MPI_COMM_WORLD}, {@code MPI_INT}, {@code MPI_SUM}, ...)
 * are macros that take the address of globals such as {@code ompi_mpi_comm_world}; jextract cannot
 * emit them, so they are looked up here by symbol name. The library is opened by its soname with
 * {@code RTLD_GLOBAL}, as Open MPI's own components expect of the host program. Another MPI ABI
 * (MPICH's integer handles, another soname) would be a sibling of this class.
 */
public final class OpenMpiAbi {

    /** The soname the generated bindings bind to (see jextract.conf). */
    public static final String SONAME = "libmpi.so.40";

    /**
     * The system property that names the library to open instead of the soname, e.g. an Open MPI
     * 4.x installed under /opt: {@code -Dmpi4j.libmpi=/opt/openmpi/lib/libmpi.so.40}. Once it is
     * open, the bindings' own lookup of the soname finds it among the loaded libraries.
     */
    public static final String LIBRARY_PROPERTY = "mpi4j.libmpi";

    private static final int RTLD_NOW = 0x2;
    private static final int RTLD_GLOBAL = 0x100;

    /** Predefined handle names whose Open MPI symbol is not {@code ompi_mpi_} + lower-case name. */
    private static final Map<String, String> SYMBOL_EXCEPTIONS = Map.ofEntries(
            Map.entry("MPI_LONG_LONG", "ompi_mpi_long_long_int"),
            Map.entry("MPI_LONG_DOUBLE_INT", "ompi_mpi_longdbl_int"),
            Map.entry("MPI_REQUEST_NULL", "ompi_request_null"),
            Map.entry("MPI_MESSAGE_NULL", "ompi_message_null"),
            Map.entry("MPI_MESSAGE_NO_PROC", "ompi_message_no_proc"));

    private static volatile SymbolLookup lookup;

    private OpenMpiAbi() {
    }

    /**
     * Opens libmpi globally, once. Throws {@link LoadError} with what to install or which
     * JVM flag to pass when that is impossible.
     */
    public static SymbolLookup load() {
        SymbolLookup l = lookup;
        if (l != null) {
            return l;
        }
        synchronized (OpenMpiAbi.class) {
            if (lookup == null) {
                lookup = open();
            }
            return lookup;
        }
    }

    private static SymbolLookup open() {
        Module self = OpenMpiAbi.class.getModule();
        if (!self.isNativeAccessEnabled()) {
            // the JDK only warns today, but denies with --illegal-native-access=deny (and will by default)
            System.err.println("mpi4j: native access is not enabled; pass " + nativeAccessFlag()
                    + " to java: mpi4j requires it (without it the JDK warns now and refuses later)");
        }
        try {
            Linker linker = Linker.nativeLinker();
            SymbolLookup libc = linker.defaultLookup();
            MethodHandle dlopen = linker.downcallHandle(libc.find("dlopen").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
            MethodHandle dlsym = linker.downcallHandle(libc.find("dlsym").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS));
            // looked up before dlopen: a lookup (dlsym) between dlopen and dlerror clears dlopen's reason
            MethodHandle dlerror = linker.downcallHandle(libc.find("dlerror").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.ADDRESS));
            String library = System.getProperty(LIBRARY_PROPERTY, SONAME);
            MemorySegment initAddress;
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment handle = (MemorySegment) dlopen.invokeExact(
                        arena.allocateFrom(library), RTLD_NOW | RTLD_GLOBAL);
                if (handle.equals(MemorySegment.NULL)) {
                    String why = dlerrorText((MemorySegment) dlerror.invokeExact());
                    throw new LoadError("Open MPI's " + library + " could not be loaded (" + why + "). "
                            + (library.equals(SONAME) ? "Install" : "Check -D" + LIBRARY_PROPERTY + ", or install")
                            + " Open MPI 4.x: apt-get install openmpi-bin libopenmpi-dev");
                }
                // a library that is not Open MPI would leave the bindings to load the system libmpi
                // behind the user's back, so it must have Open MPI's own globals
                MemorySegment world = (MemorySegment) dlsym.invokeExact(handle,
                        arena.allocateFrom("ompi_mpi_comm_world"));
                initAddress = (MemorySegment) dlsym.invokeExact(handle, arena.allocateFrom("MPI_Init"));
                if (world.equals(MemorySegment.NULL) || initAddress.equals(MemorySegment.NULL)) {
                    throw new LoadError(library + " (from -D" + LIBRARY_PROPERTY + ") is not Open MPI's "
                            + "libmpi: it has no " + (initAddress.equals(MemorySegment.NULL) ? "MPI_Init"
                            : "ompi_mpi_comm_world (another MPI's library?)")
                            + ". mpi4j needs Open MPI 4.x's " + SONAME);
                }
            }
            SymbolLookup bound = SymbolLookup.libraryLookup(SONAME, Arena.global());
            if (!bound.find("MPI_Init").map(initAddress::equals).orElse(false)) {
                throw new LoadError(library + " (from -D" + LIBRARY_PROPERTY + ") is loaded, but its soname is "
                        + "not " + SONAME + ", so mpi4j's bindings would call another libmpi. mpi4j needs "
                        + "Open MPI 4.x's " + SONAME);
            }
            return bound;
        } catch (IllegalCallerException e) {
            throw new LoadError("mpi4j needs native access: pass " + nativeAccessFlag()
                    + " to java", e);
        } catch (LoadError e) {
            throw e;
        } catch (Throwable e) {
            throw new LoadError("Open MPI's " + SONAME + " could not be loaded: " + e, e);
        }
    }

    private static String dlerrorText(MemorySegment msg) {
        return msg.equals(MemorySegment.NULL) ? "unknown reason" : msg.reinterpret(4096).getString(0);
    }

    private static String nativeAccessFlag() {
        Module self = OpenMpiAbi.class.getModule();
        return self.isNamed() ? "--enable-native-access=" + self.getName()
                : "--enable-native-access=ALL-UNNAMED";
    }

    /** What {@link #wtimeOriginNanos} returns where MPI_Wtime cannot be read from the JVM's clock. */
    public static final long NO_WTIME_ORIGIN = Long.MIN_VALUE;

    /**
     * The origin of {@code MPI_Wtime} on {@link System#nanoTime()}'s time line, so that the JVM can
     * read the same clock without a downcall (23 ns instead of 38 measured here), or
     * {@link #NO_WTIME_ORIGIN}. Open MPI 3.0 and later on Linux compute {@code MPI_Wtime} as
     * {@code clock_gettime(CLOCK_MONOTONIC)} minus the timespec {@code ompi_wtime_time_origin} taken
     * at initialisation (ompi/mpi/c/wtime.c), and the JVM's {@code nanoTime} reads
     * {@code CLOCK_MONOTONIC} on Linux. The result is checked against {@code MPI_Wtime} itself, so
     * a build that computes it any other way keeps the downcall. Call after MPI_Init.
     */
    public static long wtimeOriginNanos() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
            return NO_WTIME_ORIGIN;
        }
        MemorySegment sym = load().find("ompi_wtime_time_origin").orElse(null);
        if (sym == null) {
            return NO_WTIME_ORIGIN;
        }
        double before = mpi_h.MPI_Wtime(); // an Open MPI 4.0 sets the origin on its first call
        MemorySegment ts = sym.reinterpret(16);
        long origin = ts.get(ValueLayout.JAVA_LONG, 0) * 1_000_000_000L + ts.get(ValueLayout.JAVA_LONG, 8);
        double mine = (System.nanoTime() - origin) * 1e-9;
        double after = mpi_h.MPI_Wtime();
        return origin > 0 && mine >= before - 1e-6 && mine <= after + 1e-6 ? origin : NO_WTIME_ORIGIN;
    }

    /**
     * The handle of a predefined MPI object, named as in the standard: {@code "MPI_COMM_WORLD"},
     * {@code "MPI_INT"}, {@code "MPI_SUM"}, {@code "MPI_ERRORS_RETURN"}.
     */
    public static MemorySegment predefined(String mpiName) {
        return load().find(symbolOf(mpiName)).orElseThrow();
    }

    /**
     * Settings this process gives Open MPI before {@code MPI_Init}, as {@code OMPI_MCA_*} variables
     * of its own environment (a variable the user set, or an {@code --mca} option of mpiexec, wins).
     *
     * <p>{@code op_avx_support=AVX512F,AVX}: Open MPI 4.1.4's vectorised reductions saturate sums of
     * 8- and 16-bit integers, signed and unsigned, instead of wrapping them modulo 2^n as C and MPI
     * do. Measured from C with {@code MPI_Reduce_local} of 64 elements: int8 100 + 100 gave 127, uint8
     * 200 + 200 gave 255, int16 30000 + 30000 gave 32767 (one element, done by scalar code, was right).
     * Those kernels are the AVX2, AVX512BW and SSE ones; without them Open MPI uses its plain C loops
     * for 8- and 16-bit types and keeps the AVX512F and AVX kernels of the 32- and 64-bit and floating
     * types (a SUM of 1M doubles: 0.29-0.38 ms with this setting and with the default, 0.74-0.80 ms
     * with the whole component off).
     */
    public static void beforeInit() {
        if (System.getenv("OMPI_MCA_op_avx_support") == null && System.getenv("OMPI_MCA_op") == null) {
            setenv("OMPI_MCA_op_avx_support", "AVX512F,AVX");
        }
    }

    private static void setenv(String name, String value) {
        try (Arena arena = Arena.ofConfined()) {
            Linker linker = Linker.nativeLinker();
            MethodHandle setenv = linker.downcallHandle(linker.defaultLookup().find("setenv").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS,
                            ValueLayout.JAVA_INT));
            int rc = (int) setenv.invokeExact(arena.allocateFrom(name), arena.allocateFrom(value), 0);
            if (rc != 0) {
                throw new IllegalStateException("setenv(" + name + ") failed");
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Whether this MPI library has the predefined object at all (e.g. optional Fortran types). */
    public static boolean hasPredefined(String mpiName) {
        return load().find(symbolOf(mpiName)).isPresent();
    }

    private static String symbolOf(String mpiName) {
        String sym = SYMBOL_EXCEPTIONS.get(mpiName);
        if (sym != null) {
            return sym;
        }
        if (!mpiName.startsWith("MPI_")) {
            throw new IllegalArgumentException("not an MPI name: " + mpiName);
        }
        String rest = mpiName.substring(4).toLowerCase(Locale.ROOT);
        return switch (mpiName) {
            case "MPI_SUM", "MPI_PROD", "MPI_MAX", "MPI_MIN", "MPI_LAND", "MPI_BAND", "MPI_LOR",
                 "MPI_BOR", "MPI_LXOR", "MPI_BXOR", "MPI_MAXLOC", "MPI_MINLOC", "MPI_REPLACE",
                 "MPI_NO_OP", "MPI_OP_NULL" -> "ompi_mpi_op_" + (mpiName.equals("MPI_OP_NULL") ? "null" : rest);
            default -> "ompi_mpi_" + rest;
        };
    }

    /**
     * Open MPI could not be loaded; the message says what to install or which flag to pass. The API
     * turns it into its public {@code MpiLibraryError}.
     */
    public static final class LoadError extends Error {
        private static final long serialVersionUID = 1L;

        LoadError(String message) {
            super(message);
        }

        LoadError(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Whether {@code MPI_Compare_and_swap} on elements of {@code typeSize} bytes would crash this
     * Open MPI: 4.1.4's osc/rdma component, which serves windows from {@code MPI_Win_create} and
     * {@code MPI_Win_allocate} once a second process shares the node, emulates the atomic through
     * the shared-memory transport, and its 64-bit path ({@code mca_btl_vader_emu_acswap}) segfaults
     * on the first call (seen from C, at every thread level; 32-bit swaps work). Windows from
     * {@code MPI_Win_allocate_shared} (osc/sm) and windows of one process are not affected.
     */
    public static boolean compareAndSwapCrashes(long typeSize, boolean sharedMemoryWindow, int processes) {
        return typeSize == 8 && !sharedMemoryWindow && processes > 1;
    }

    // ---- distributed graphs: the weights arguments' special values ----

    /**
     * {@code MPI_UNWEIGHTED}: the weights argument of an unweighted distributed graph. Open MPI
     * spells it as the address {@code (int *) 2}, not a global.
     */
    public static MemorySegment unweighted() {
        return mpi_h.MPI_UNWEIGHTED();
    }

    /**
     * {@code MPI_WEIGHTS_EMPTY}: the weights argument of a weighted distributed graph from a process
     * that has no edges on that side ({@code (int *) 3} in Open MPI).
     */
    public static MemorySegment weightsEmpty() {
        return mpi_h.MPI_WEIGHTS_EMPTY();
    }

    // ---- MPI_Status: Open MPI's layout {MPI_SOURCE, MPI_TAG, MPI_ERROR, _cancelled, _ucount} ----

    /** The size of an {@code MPI_Status} (a method: the bindings load only after {@link #load}). */
    public static long statusSize() {
        return MPI_Status.layout().byteSize();
    }

    /** The status's {@code MPI_SOURCE}. */
    public static int statusSource(MemorySegment status) {
        return MPI_Status.MPI_SOURCE(status);
    }

    /** The status's {@code MPI_TAG}. */
    public static int statusTag(MemorySegment status) {
        return MPI_Status.MPI_TAG(status);
    }

    /** The status's {@code MPI_ERROR}. */
    public static int statusError(MemorySegment status) {
        return MPI_Status.MPI_ERROR(status);
    }

    /** The bytes the status says were received (Open MPI's private {@code _ucount}). */
    public static long statusBytes(MemorySegment status) {
        return MPI_Status._ucount(status);
    }

    /** Whether the status says the operation was cancelled (Open MPI's private {@code _cancelled}). */
    public static boolean statusCancelled(MemorySegment status) {
        return MPI_Status._cancelled(status) != 0;
    }

    /** Fills every field of a status. */
    public static void setStatus(MemorySegment status, int source, int tag, int error, boolean cancelled,
            long bytes) {
        MPI_Status.MPI_SOURCE(status, source);
        MPI_Status.MPI_TAG(status, tag);
        MPI_Status.MPI_ERROR(status, error);
        MPI_Status._cancelled(status, cancelled ? 1 : 0);
        MPI_Status._ucount(status, bytes);
    }

    /** Sets the bytes a status reports (Open MPI's private {@code _ucount}). */
    public static void setStatusBytes(MemorySegment status, long bytes) {
        MPI_Status._ucount(status, bytes);
    }

    /**
     * How much of an object a handle points to that Open MPI 4.1.4's {@code MPI_*_c2f} functions may
     * read: measured at most the first 300 bytes (a communicator; a datatype 208, a window 252, a
     * request 108), with a margin. A foreign handle must point to this much readable memory before
     * mpi4j asks MPI about it (see {@link ProcessMemory}), so that garbage cannot crash the JVM.
     */
    public static final long HANDLE_PROBE_BYTES = 512;

    /**
     * Open MPI 4.1 cannot finalize a process whose spawn failed in MPI (too few slots, an unknown
     * host): {@code MPI_Finalize} waits for ever. Such a process ends without it.
     */
    public static final boolean FINALIZE_HANGS_AFTER_FAILED_SPAWN = true;

    private static final java.util.regex.Pattern PORT_NAME = java.util.regex.Pattern.compile("\\d+\\.\\d+:\\d+");

    /**
     * Whether {@code port} has the form of an Open MPI 4.1 port name ({@code jobid.vpid:tag}, as
     * {@code MPI_Open_port} makes them). Open MPI fails a connect to a malformed name at the root
     * only and leaves the rest of the communicator waiting, so mpi4j refuses such names first.
     */
    public static boolean isPortName(String port) {
        return PORT_NAME.matcher(port).matches();
    }
}
