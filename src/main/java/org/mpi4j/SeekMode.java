package org.mpi4j;

import org.mpi4j.ffi.mpi_h;

/** Where {@link File#seek} and {@link File#seekShared} count from ({@code whence}: {@code MPI_SEEK_*}). */
public enum SeekMode {
    /** {@code MPI_SEEK_SET}: the pointer is set to the offset. */
    SET(mpi_h.MPI_SEEK_SET()),
    /** {@code MPI_SEEK_CUR}: the offset is added to the current position. */
    CUR(mpi_h.MPI_SEEK_CUR()),
    /** {@code MPI_SEEK_END}: the offset is added to the end of the file. */
    END(mpi_h.MPI_SEEK_END());

    private final int value;

    SeekMode(int value) {
        this.value = value;
    }

    /** The {@code MPI_SEEK_*} value. */
    public int value() {
        return value;
    }
}
