package org.mpi4j;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import org.mpi4j.ffi.mpi_h;

/**
 * The access modes of {@link File#open} ({@code MPI_MODE_*}), combined as a set: exactly one of
 * {@link #RDONLY}, {@link #WRONLY} and {@link #RDWR}, plus any compatible others, e.g.
 * {@code EnumSet.of(AccessMode.RDWR, AccessMode.CREATE)} or
 * {@code File.open(comm, path, AccessMode.WRONLY, AccessMode.CREATE)}.
 */
public enum AccessMode {
    /** {@code MPI_MODE_RDONLY}: read only. */
    RDONLY(mpi_h.MPI_MODE_RDONLY()),
    /** {@code MPI_MODE_WRONLY}: write only. */
    WRONLY(mpi_h.MPI_MODE_WRONLY()),
    /** {@code MPI_MODE_RDWR}: reading and writing. */
    RDWR(mpi_h.MPI_MODE_RDWR()),
    /** {@code MPI_MODE_CREATE}: create the file if it does not exist. */
    CREATE(mpi_h.MPI_MODE_CREATE()),
    /** {@code MPI_MODE_EXCL}: fail ({@link ErrorClass#ERR_FILE_EXISTS}) if creating a file that exists. */
    EXCL(mpi_h.MPI_MODE_EXCL()),
    /** {@code MPI_MODE_DELETE_ON_CLOSE}: delete the file when it is closed. */
    DELETE_ON_CLOSE(mpi_h.MPI_MODE_DELETE_ON_CLOSE()),
    /** {@code MPI_MODE_UNIQUE_OPEN}: the file is not opened concurrently elsewhere. */
    UNIQUE_OPEN(mpi_h.MPI_MODE_UNIQUE_OPEN()),
    /** {@code MPI_MODE_SEQUENTIAL}: the file is accessed sequentially only (shared pointer calls). */
    SEQUENTIAL(mpi_h.MPI_MODE_SEQUENTIAL()),
    /** {@code MPI_MODE_APPEND}: all file pointers start at the end of the file. */
    APPEND(mpi_h.MPI_MODE_APPEND());

    private final int value;

    AccessMode(int value) {
        this.value = value;
    }

    /** The {@code MPI_MODE_*} bit of this mode. */
    public int value() {
        return value;
    }

    /**
     * The {@code amode} bits of {@code modes}, checked as MPI requires (MPI-3.1, 13.2.1): exactly one
     * of RDONLY, WRONLY, RDWR; no CREATE or EXCL with RDONLY; no SEQUENTIAL with RDWR.
     *
     * @throws IllegalArgumentException for a combination MPI calls erroneous
     */
    static int bitsOf(Collection<AccessMode> modes) {
        Errors.checkNotNull(modes, "access modes");
        int bits = 0;
        int access = 0;
        for (AccessMode m : modes) {
            bits |= Errors.checkNotNull(m, "access mode").value;
            if (m == RDONLY || m == WRONLY || m == RDWR) {
                access++;
            }
        }
        if (access != 1) {
            throw new IllegalArgumentException("access modes " + modes
                    + " must hold exactly one of RDONLY, WRONLY, RDWR");
        }
        if (modes.contains(RDONLY) && (modes.contains(CREATE) || modes.contains(EXCL))) {
            throw new IllegalArgumentException("access modes " + modes
                    + ": CREATE and EXCL cannot be combined with RDONLY");
        }
        if (modes.contains(RDWR) && modes.contains(SEQUENTIAL)) {
            throw new IllegalArgumentException("access modes " + modes + ": SEQUENTIAL cannot be combined with RDWR");
        }
        return bits;
    }

    /** The modes whose bits are set in {@code bits}. */
    static Set<AccessMode> setOf(int bits) {
        EnumSet<AccessMode> s = EnumSet.noneOf(AccessMode.class);
        for (AccessMode m : values()) {
            if ((bits & m.value) != 0) {
                s.add(m);
            }
        }
        return s;
    }
}
