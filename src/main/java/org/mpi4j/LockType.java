package org.mpi4j;

import org.mpi4j.ffi.mpi_h;

/** The lock types of {@link Win#lock(LockType, int)} ({@code MPI_LOCK_EXCLUSIVE}, {@code MPI_LOCK_SHARED}). */
public enum LockType {
    /** {@code MPI_LOCK_EXCLUSIVE}: no other process holds a lock on the target meanwhile. */
    EXCLUSIVE(mpi_h.MPI_LOCK_EXCLUSIVE()),
    /** {@code MPI_LOCK_SHARED}: other processes may hold shared locks on the target meanwhile. */
    SHARED(mpi_h.MPI_LOCK_SHARED());

    private final int value;

    LockType(int value) {
        this.value = value;
    }

    /** The MPI constant. */
    int value() {
        return value;
    }
}
