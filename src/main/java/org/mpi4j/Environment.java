package org.mpi4j;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Locale;
import org.mpi4j.ffi.mpi_h;
import org.mpi4j.internal.Downcalls;
import org.mpi4j.internal.OpenMpiAbi;
import org.mpi4j.internal.Scratch;

/**
 * MPI's life cycle in this process: initialisation (explicit, or lazily at the first use of any
 * handle), the state every native call checks, and finalisation (explicit, or at JVM shutdown).
 * {@link MPI} is its public face. It knows no communicator or other API object, so that the
 * handle classes, which all pass its gate, do not depend on the {@code MPI} facade (and through it
 * on every class the facade names).
 */
final class Environment {
    private static volatile boolean initialized;
    private static volatile boolean finalized;
    /** True exactly between initialisation and finalisation: the one flag the hot path reads. */
    private static volatile boolean ready;
    /** {@link OpenMpiAbi#wtimeOriginNanos()} once MPI is initialised. */
    private static volatile long wtimeOrigin = OpenMpiAbi.NO_WTIME_ORIGIN;
    /** Whether MPI provides {@code MPI_THREAD_MULTIPLE}: then mpi4j's own threads may call MPI too. */
    private static volatile boolean threadMultiple;

    /** {@code MPI_Init}: initialises MPI at the library's default thread level. */
    static synchronized void init() {
        checkNotYetInitialized();
        OpenMpiAbi.beforeInit();
        Errors.check(mpi_h.MPI_Init(MemorySegment.NULL, MemorySegment.NULL), "MPI_Init");
        afterInit();
    }

    /** {@code MPI_Init_thread} asking for thread level {@code required}; the provided level. */
    static synchronized int initThread(int required) {
        checkNotYetInitialized();
        OpenMpiAbi.beforeInit();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment provided = arena.allocate(ValueLayout.JAVA_INT);
            Errors.check(mpi_h.MPI_Init_thread(MemorySegment.NULL, MemorySegment.NULL, required, provided),
                    "MPI_Init_thread");
            afterInit();
            return provided.get(ValueLayout.JAVA_INT, 0);
        }
    }

    private static void checkNotYetInitialized() {
        if (finalized || queryFinalized()) {
            throw new IllegalStateException("MPI has been finalized and cannot be initialized again");
        }
        if (initialized || queryInitialized()) {
            throw new IllegalStateException("MPI is already initialized");
        }
    }

    private static void afterInit() {
        MemorySegment errorsReturn = Errors.defaultErrhandler();
        Errors.check(mpi_h.MPI_Comm_set_errhandler(OpenMpiAbi.predefined("MPI_COMM_WORLD"), errorsReturn), "MPI_Comm_set_errhandler");
        Errors.check(mpi_h.MPI_Comm_set_errhandler(OpenMpiAbi.predefined("MPI_COMM_SELF"), errorsReturn), "MPI_Comm_set_errhandler");
        wtimeOrigin = OpenMpiAbi.wtimeOriginNanos();
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Query_thread(s.int0), "MPI_Query_thread");
        // critical sends only where no other thread of this process can be waiting for a peer's message
        Downcalls.setOneMpiThread(s.int0() <= mpi_h.MPI_THREAD_FUNNELED());
        threadMultiple = s.int0() == mpi_h.MPI_THREAD_MULTIPLE();
        initialized = true;
        ready = true;
        ExitWatch.install();
        Runtime.getRuntime().addShutdownHook(new Thread(Environment::finalizeAtExit, "mpi4j-finalize"));
    }

    /** Initialises MPI if nothing has yet; the gate every native call passes. */
    static void ensureInitialized() {
        if (!ready) {
            lazyInit();
        }
    }

    private static synchronized void lazyInit() {
        if (finalized || queryFinalized()) {
            throw new IllegalStateException("MPI has been finalized");
        }
        if (initialized) {
            return;
        }
        if (queryInitialized()) {
            // initialised by someone else in this process (another binding): adopt it
            afterInit();
            return;
        }
        String level = System.getProperty("mpi4j.threadLevel", "multiple");
        initThread(ThreadLevel.valueOf(level.trim().toUpperCase(Locale.ROOT)).value());
    }

    /**
     * {@code MPI_Finalize}. Every rank must call it (or let the JVM's shutdown do it) after its last
     * MPI call; MPI cannot be used again afterwards.
     */
    static synchronized void finalizeMpi() {
        if (finalized) {
            throw new IllegalStateException("MPI is already finalized");
        }
        if (!initialized) {
            throw new IllegalStateException("MPI is not initialized");
        }
        LazySends.stop();
        ready = false;
        finalized = true;
        if (!skipFinalize()) {
            Errors.check(mpi_h.MPI_Finalize(), "MPI_Finalize");
        }
    }

    private static void finalizeAtExit() {
        int abortCode = ExitWatch.abortCode();
        if (abortCode >= 0 && initialized && !finalized) {
            // a rank leaving early: MPI_Finalize would wait for ever for the others, and they for it.
            // Not under the class lock: another thread may hold it, blocked in MPI
            System.err.println("mpi4j: process exits with status " + abortCode + " before MPI_Finalize;"
                    + " aborting the MPI job");
            System.err.flush();
            mpi_h.MPI_Abort(OpenMpiAbi.predefined("MPI_COMM_WORLD"), abortCode);
            return;
        }
        synchronized (Environment.class) {
            if (initialized && !finalized && !queryFinalized()) {
                LazySends.stop();
                ready = false;
                finalized = true;
                if (!skipFinalize()) {
                    mpi_h.MPI_Finalize();
                }
            }
        }
    }

    /** Whether the provided thread level is {@code MPI_THREAD_MULTIPLE} (false before initialisation). */
    static boolean threadMultiple() {
        return threadMultiple;
    }

    /** Whether MPI is initialised and not finalising: callbacks that free MPI objects ask it. */
    static boolean isActive() {
        return ready;
    }

    /** {@code MPI_Initialized}: whether MPI has been initialised (by any means). */
    static boolean isInitialized() {
        return initialized || queryInitialized();
    }

    /** {@code MPI_Finalized}: whether MPI has been finalised. */
    static boolean isFinalized() {
        return finalized || queryFinalized();
    }

    /**
     * Set when finalisation must be skipped: after a failed spawn Open MPI 4.1 would wait in
     * {@code MPI_Finalize} for ever ({@link DynamicProcesses} says when).
     */
    private static volatile boolean skipFinalize;

    static void skipFinalizeFromNowOn() {
        skipFinalize = true;
    }

    private static boolean skipFinalize() {
        if (skipFinalize) {
            System.err.println("mpi4j: warning: not calling MPI_Finalize: after a failed spawn Open MPI 4.1 would"
                    + " wait in it for ever");
            return true;
        }
        return false;
    }

    private static boolean queryInitialized() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment flag = arena.allocate(ValueLayout.JAVA_INT);
            Errors.check(mpi_h.MPI_Initialized(flag), "MPI_Initialized");
            return flag.get(ValueLayout.JAVA_INT, 0) != 0;
        }
    }
    private static boolean queryFinalized() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment flag = arena.allocate(ValueLayout.JAVA_INT);
            Errors.check(mpi_h.MPI_Finalized(flag), "MPI_Finalized");
            return flag.get(ValueLayout.JAVA_INT, 0) != 0;
        }
    }

    /** {@code MPI_Query_thread}. */
    static int queryThread() {
        ensureInitialized();
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Query_thread(s.int0), "MPI_Query_thread");
        return s.int0();
    }

    /** The origin of {@code MPI_Wtime} on {@code System.nanoTime()}'s line, or {@link OpenMpiAbi#NO_WTIME_ORIGIN}. */
    static long wtimeOrigin() {
        return wtimeOrigin;
    }

    private Environment() {
    }
}
