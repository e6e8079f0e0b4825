package org.mpi4j;

import org.mpi4j.ffi.mpi_h;

/** How a window was created: its {@code MPI_WIN_CREATE_FLAVOR} attribute. */
public enum WinFlavor {
    /** {@code MPI_WIN_FLAVOR_CREATE}: {@link Win#create} over the program's memory. */
    CREATE(mpi_h.MPI_WIN_FLAVOR_CREATE()),
    /** {@code MPI_WIN_FLAVOR_ALLOCATE}: {@link Win#allocate}, memory MPI allocated. */
    ALLOCATE(mpi_h.MPI_WIN_FLAVOR_ALLOCATE()),
    /** {@code MPI_WIN_FLAVOR_DYNAMIC}: {@link Win#createDynamic}, memory attached later. */
    DYNAMIC(mpi_h.MPI_WIN_FLAVOR_DYNAMIC()),
    /** {@code MPI_WIN_FLAVOR_SHARED}: {@link Win#allocateShared}, memory shared by the processes of a node. */
    SHARED(mpi_h.MPI_WIN_FLAVOR_SHARED());

    private final int value;

    WinFlavor(int value) {
        this.value = value;
    }

    static WinFlavor of(int value) {
        for (WinFlavor f : values()) {
            if (f.value == value) {
                return f;
            }
        }
        throw new IllegalStateException("unknown window flavor " + value);
    }
}
