package org.mpi4j;

import org.mpi4j.ffi.mpi_h;

/** The thread support levels of {@code MPI_Init_thread}, in increasing order. */
public enum ThreadLevel {
    /** Only one thread will execute. */
    SINGLE(mpi_h.MPI_THREAD_SINGLE()),
    /** Only the main thread will make MPI calls. */
    FUNNELED(mpi_h.MPI_THREAD_FUNNELED()),
    /** Any thread may call MPI, but only one at a time. */
    SERIALIZED(mpi_h.MPI_THREAD_SERIALIZED()),
    /** Any thread may call MPI at any time. */
    MULTIPLE(mpi_h.MPI_THREAD_MULTIPLE());

    private final int value;

    ThreadLevel(int value) {
        this.value = value;
    }

    int value() {
        return value;
    }

    static ThreadLevel of(int value) {
        for (ThreadLevel l : values()) {
            if (l.value == value) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown thread level " + value);
    }
}
