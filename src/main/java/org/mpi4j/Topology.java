package org.mpi4j;

import org.mpi4j.ffi.mpi_h;

/** The kind of virtual topology a communicator carries ({@code MPI_Topo_test}, see {@link Comm#topoTest()}). */
public enum Topology {
    /** A Cartesian grid ({@code MPI_CART}): a {@link Cartcomm}. */
    CART(mpi_h.MPI_CART()),
    /** A general graph ({@code MPI_GRAPH}): a {@link Graphcomm}. */
    GRAPH(mpi_h.MPI_GRAPH()),
    /** A distributed graph ({@code MPI_DIST_GRAPH}): a {@link Distgraphcomm}. */
    DIST_GRAPH(mpi_h.MPI_DIST_GRAPH()),
    /** No topology ({@code MPI_UNDEFINED}). */
    UNDEFINED(mpi_h.MPI_UNDEFINED());

    private final int value;

    Topology(int value) {
        this.value = value;
    }

    static Topology of(int value) {
        for (Topology t : values()) {
            if (t.value == value) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown topology " + value);
    }
}
