package org.mpi4j;

import java.lang.foreign.MemorySegment;
import org.mpi4j.ffi.mpi_h;

/** A reduction operation ({@code MPI_Op}). The predefined operations are constants of this class. */
public class Op extends NativeHandle {
    /** {@code MPI_MAX}: Maximum. */
    public static final Op MAX = predefined("MPI_MAX");
    /** {@code MPI_MIN}: Minimum. */
    public static final Op MIN = predefined("MPI_MIN");
    /** {@code MPI_SUM}: Sum. */
    public static final Op SUM = predefined("MPI_SUM");
    /** {@code MPI_PROD}: Product. */
    public static final Op PROD = predefined("MPI_PROD");
    /** {@code MPI_LAND}: Logical and. */
    public static final Op LAND = predefined("MPI_LAND");
    /** {@code MPI_BAND}: Bitwise and. */
    public static final Op BAND = predefined("MPI_BAND");
    /** {@code MPI_LOR}: Logical or. */
    public static final Op LOR = predefined("MPI_LOR");
    /** {@code MPI_BOR}: Bitwise or. */
    public static final Op BOR = predefined("MPI_BOR");
    /** {@code MPI_LXOR}: Logical exclusive or. */
    public static final Op LXOR = predefined("MPI_LXOR");
    /** {@code MPI_BXOR}: Bitwise exclusive or. */
    public static final Op BXOR = predefined("MPI_BXOR");
    /** {@code MPI_MAXLOC}: Maximum and its location (pair types). */
    public static final Op MAXLOC = predefined("MPI_MAXLOC");
    /** {@code MPI_MINLOC}: Minimum and its location (pair types). */
    public static final Op MINLOC = predefined("MPI_MINLOC");
    /** {@code MPI_REPLACE}: Replace (one-sided accumulate). */
    public static final Op REPLACE = predefined("MPI_REPLACE");
    /** {@code MPI_NO_OP}: No operation (one-sided fetch). */
    public static final Op NO_OP = predefined("MPI_NO_OP");
    /** {@code MPI_OP_NULL}. */
    public static final Op NULL = new Op(OpenMpiAbi.predefined("MPI_OP_NULL"), true, true);

    Op(MemorySegment handle, boolean predefined, boolean isNull) {
        super(handle, predefined, isNull);
    }

    private static Op predefined(String mpiName) {
        return new Op(OpenMpiAbi.predefined(mpiName), true, false);
    }

    @Override
    String kind() {
        return "operation";
    }

    @Override
    void release(MemorySegment handleRef) {
        Errors.check(mpi_h.MPI_Op_free(handleRef), "MPI_Op_free");
    }
}
