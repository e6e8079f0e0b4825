package org.mpi4j;

/**
 * A spawn ({@code MPI_Comm_spawn}, {@code MPI_Comm_spawn_multiple}) that failed in MPI: the
 * error of the call and one error code per process that was to be started.
 */
public final class SpawnException extends MpiException {
    private static final long serialVersionUID = 1L;

    private final int[] errorCodes;

    SpawnException(int errorCode, String function, int[] errorCodes) {
        super(errorCode, function);
        this.errorCodes = errorCodes.clone();
    }

    /** One MPI error code per process that was to be started ({@code MPI_SUCCESS} for those that did). */
    public int[] errorCodes() {
        return errorCodes.clone();
    }
}
