package org.mpi4j;

import java.util.Set;
import org.mpi4j.ffi.mpi_h;

/**
 * The assertions a program may give to the window synchronisation calls ({@code MPI_MODE_*}) so
 * that MPI can skip work; pass them as a set, e.g. {@code win.fence(EnumSet.of(Assert.NOPRECEDE))}.
 * An assertion that does not hold makes the program erroneous: MPI need not notice.
 */
public enum Assert {
    /** {@code MPI_MODE_NOCHECK}: no conflicting lock or matching post/start is pending (lock, start, post). */
    NOCHECK(mpi_h.MPI_MODE_NOCHECK()),
    /** {@code MPI_MODE_NOSTORE}: the local window was not updated by local stores since the last sync. */
    NOSTORE(mpi_h.MPI_MODE_NOSTORE()),
    /** {@code MPI_MODE_NOPUT}: the local window will not be updated by put or accumulate until the next sync. */
    NOPUT(mpi_h.MPI_MODE_NOPUT()),
    /** {@code MPI_MODE_NOPRECEDE}: the fence completes no locally issued operations (fence). */
    NOPRECEDE(mpi_h.MPI_MODE_NOPRECEDE()),
    /** {@code MPI_MODE_NOSUCCEED}: no operations will be issued after the fence (fence). */
    NOSUCCEED(mpi_h.MPI_MODE_NOSUCCEED());

    private static final Assert[] VALUES = values();

    private final int value;

    Assert(int value) {
        this.value = value;
    }

    /** The MPI constant. */
    int value() {
        return value;
    }

    /** The {@code assert} argument of a set of assertions (without allocating). */
    static int mask(Set<Assert> asserts) {
        Errors.checkNotNull(asserts, "assertions");
        if (asserts.isEmpty()) {
            return 0;
        }
        int m = 0;
        for (Assert a : VALUES) {
            if (asserts.contains(a)) {
                m |= a.value;
            }
        }
        return m;
    }
}
