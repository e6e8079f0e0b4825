package org.mpi4j;

import org.mpi4j.ffi.mpi_h;

/** The one place where MPI return codes become exceptions, and where arguments are checked. */
final class Errors {
    private Errors() {
    }

    /** Throws an {@link MpiException} unless {@code rc} is {@code MPI_SUCCESS}. */
    static void check(int rc, String function) {
        if (rc != mpi_h.MPI_SUCCESS()) {
            throw new MpiException(rc, function);
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
