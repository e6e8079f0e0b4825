package org.mpi4j;

import org.mpi4j.ffi.mpi_h;

/** The predefined attributes of {@code MPI_COMM_WORLD} ({@link Comm#getAttr(Attribute)}). */
public enum Attribute {
    /** Upper bound of tag values. */
    TAG_UB(mpi_h.MPI_TAG_UB()),
    /** Rank of the host process, or {@link MPI#PROC_NULL}. */
    HOST(mpi_h.MPI_HOST()),
    /** Rank of a process that can do I/O, {@link MPI#ANY_SOURCE} if every one can. */
    IO(mpi_h.MPI_IO()),
    /** 1 if clocks are synchronised across processes, else 0. */
    WTIME_IS_GLOBAL(mpi_h.MPI_WTIME_IS_GLOBAL()),
    /** How many processes the job may hold in all (absent if the launcher does not say). */
    UNIVERSE_SIZE(mpi_h.MPI_UNIVERSE_SIZE()),
    /** This process's application number in an MPMD launch (absent if not set). */
    APPNUM(mpi_h.MPI_APPNUM()),
    /** The last error code or class added by the user. */
    LASTUSEDCODE(mpi_h.MPI_LASTUSEDCODE());

    private final int keyval;

    Attribute(int keyval) {
        this.keyval = keyval;
    }

    int keyval() {
        return keyval;
    }
}
