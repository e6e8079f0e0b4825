package org.mpi4j;

import org.mpi4j.ffi.mpi_h;

/** The split types of {@link Intracomm#splitType(SplitType, int)} ({@code MPI_Comm_split_type}). */
public enum SplitType {
    /** Processes that can share memory (the same node). */
    SHARED(mpi_h.MPI_COMM_TYPE_SHARED()),
    /** This process joins no new communicator and receives {@link MPI#COMM_NULL}. */
    UNDEFINED(mpi_h.MPI_UNDEFINED());

    private final int value;

    SplitType(int value) {
        this.value = value;
    }

    int value() {
        return value;
    }
}
