package org.mpi4j;

import org.mpi4j.ffi.mpi_h;

/** The result of comparing two communicators or groups ({@code MPI_Comm_compare}, {@code MPI_Group_compare}). */
public enum Comparison {
    /** The same object. */
    IDENT(mpi_h.MPI_IDENT()),
    /** Same group and order, different context (communicators only). */
    CONGRUENT(mpi_h.MPI_CONGRUENT()),
    /** Same members in another order. */
    SIMILAR(mpi_h.MPI_SIMILAR()),
    /** Anything else. */
    UNEQUAL(mpi_h.MPI_UNEQUAL());

    private final int value;

    Comparison(int value) {
        this.value = value;
    }

    static Comparison of(int value) {
        for (Comparison c : values()) {
            if (c.value == value) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown comparison result " + value);
    }
}
