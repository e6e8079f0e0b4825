package org.mpi4j;

/**
 * The MPI library cannot be used at all: Open MPI is not installed, or the JVM refuses native
 * access. The message says what to install or which flag to pass.
 */
public final class MpiLibraryError extends Error {
    private static final long serialVersionUID = 1L;

    MpiLibraryError(String message) {
        super(message);
    }

    MpiLibraryError(String message, Throwable cause) {
        super(message, cause);
    }
}
