package org.mpi4j;

import java.lang.foreign.MemorySegment;
import java.util.Locale;
import org.mpi4j.ffi.mpi_h;
import org.mpi4j.internal.OpenMpiAbi;

/**
 * The one place where MPI return codes become exceptions, and where arguments are checked.
 *
 * <p>The system property {@code mpi4j.errors}, read once, chooses what an MPI error does, as
 * mpi4py's {@code rc.errors}: {@code exception} (the default: every object gets
 * {@code MPI_ERRORS_RETURN} and the call throws {@link MpiException}), {@code abort} (the same
 * handler, but the first error prints the exception and aborts the job with {@code MPI_Abort}),
 * or {@code fatal} (every object gets {@code MPI_ERRORS_ARE_FATAL}: MPI itself ends the job).
 */
final class Errors {
    private Errors() {
    }

    /** The system property of the error mode. */
    static final String MODE_PROPERTY = "mpi4j.errors";

    /** What an MPI error does. */
    enum Mode {
        EXCEPTION, ABORT, FATAL
    }

    static final Mode MODE = parseMode(System.getProperty(MODE_PROPERTY, "exception"));

    private static Mode parseMode(String value) {
        try {
            return Mode.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("-D" + MODE_PROPERTY + "=" + value
                    + ": expected exception, abort or fatal", e);
        }
    }

    /** The error handler every communicator, window and file mpi4j creates gets, by {@link #MODE}. */
    static MemorySegment defaultErrhandler() {
        return OpenMpiAbi.predefined(MODE == Mode.FATAL ? "MPI_ERRORS_ARE_FATAL" : "MPI_ERRORS_RETURN");
    }

    /** What a Java callback MPI called on this thread threw, until the failing call reports it. */
    private static final ThreadLocal<Throwable> UPCALL_FAILURE = new ThreadLocal<>();

    /**
     * Keeps what a Java callback (error handler, attribute copy/delete, generalized request) threw
     * inside an upcall, where it must not propagate: the MPI call that made the upcall reports it
     * as the cause of its exception.
     */
    static void upcallFailed(Throwable t) {
        if (UPCALL_FAILURE.get() == null) {
            UPCALL_FAILURE.set(t);
        }
    }

    /** Throws an {@link MpiException} unless {@code rc} is {@code MPI_SUCCESS}. */
    static void check(int rc, String function) {
        if (rc != mpi_h.MPI_SUCCESS()) {
            throw failure(rc, function);
        }
    }

    /**
     * The exception for a failed call, with the Java callback's exception as its cause if one
     * failed during the call; in {@link Mode#ABORT} the job ends here instead.
     */
    static MpiException failure(int rc, String function) {
        MpiException e = new MpiException(rc, function);
        Throwable cause = UPCALL_FAILURE.get();
        if (cause != null) {
            UPCALL_FAILURE.remove();
            e.initCause(cause);
        }
        if (MODE == Mode.ABORT) {
            System.err.println("mpi4j: aborting the job on an MPI error (-D" + MODE_PROPERTY + "=abort):");
            e.printStackTrace();
            System.err.flush();
            mpi_h.MPI_Abort(OpenMpiAbi.predefined("MPI_COMM_WORLD"), rc);
        }
        return e;
    }

    /** Rethrows what a Java callback threw during a call that succeeded anyway, if anything. */
    static void rethrowUpcallFailure() {
        Throwable t = UPCALL_FAILURE.get();
        if (t != null) {
            UPCALL_FAILURE.remove();
            throw rethrow(t);
        }
    }

    static void checkCount(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("negative count: " + count);
        }
    }

    static <T> T checkNotNull(T value, String what) {
        if (value == null) {
            throw new NullPointerException(what + " is null");
        }
        return value;
    }

    static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }
}
