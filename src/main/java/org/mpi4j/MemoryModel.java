package org.mpi4j;

import org.mpi4j.ffi.mpi_h;

/**
 * A window's memory model, its {@code MPI_WIN_MODEL} attribute: whether the public copy of the
 * window (what remote operations see) and the private copy (what local loads and stores see) are
 * one and the same.
 */
public enum MemoryModel {
    /** {@code MPI_WIN_UNIFIED}: public and private copies are the same memory (eventually consistent). */
    UNIFIED(mpi_h.MPI_WIN_UNIFIED()),
    /** {@code MPI_WIN_SEPARATE}: the copies are reconciled only by synchronisation calls. */
    SEPARATE(mpi_h.MPI_WIN_SEPARATE());

    private final int value;

    MemoryModel(int value) {
        this.value = value;
    }

    static MemoryModel of(int value) {
        for (MemoryModel m : values()) {
            if (m.value == value) {
                return m;
            }
        }
        throw new IllegalStateException("unknown memory model " + value);
    }
}
