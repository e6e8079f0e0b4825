package org.mpi4j;

import org.mpi4j.ffi.mpi_h;

/**
 * The error classes of the MPI standard ({@code MPI_Error_class}). An {@link MpiException}
 * carries one; codes the library defines beyond the standard classes map to {@link #UNKNOWN_CLASS}.
 */
public enum ErrorClass {
    /** {@code MPI_SUCCESS}. */
    SUCCESS(mpi_h.MPI_SUCCESS()),
    /** {@code MPI_ERR_BUFFER}. */
    ERR_BUFFER(mpi_h.MPI_ERR_BUFFER()),
    /** {@code MPI_ERR_COUNT}. */
    ERR_COUNT(mpi_h.MPI_ERR_COUNT()),
    /** {@code MPI_ERR_TYPE}. */
    ERR_TYPE(mpi_h.MPI_ERR_TYPE()),
    /** {@code MPI_ERR_TAG}. */
    ERR_TAG(mpi_h.MPI_ERR_TAG()),
    /** {@code MPI_ERR_COMM}. */
    ERR_COMM(mpi_h.MPI_ERR_COMM()),
    /** {@code MPI_ERR_RANK}. */
    ERR_RANK(mpi_h.MPI_ERR_RANK()),
    /** {@code MPI_ERR_REQUEST}. */
    ERR_REQUEST(mpi_h.MPI_ERR_REQUEST()),
    /** {@code MPI_ERR_ROOT}. */
    ERR_ROOT(mpi_h.MPI_ERR_ROOT()),
    /** {@code MPI_ERR_GROUP}. */
    ERR_GROUP(mpi_h.MPI_ERR_GROUP()),
    /** {@code MPI_ERR_OP}. */
    ERR_OP(mpi_h.MPI_ERR_OP()),
    /** {@code MPI_ERR_TOPOLOGY}. */
    ERR_TOPOLOGY(mpi_h.MPI_ERR_TOPOLOGY()),
    /** {@code MPI_ERR_DIMS}. */
    ERR_DIMS(mpi_h.MPI_ERR_DIMS()),
    /** {@code MPI_ERR_ARG}. */
    ERR_ARG(mpi_h.MPI_ERR_ARG()),
    /** {@code MPI_ERR_UNKNOWN}. */
    ERR_UNKNOWN(mpi_h.MPI_ERR_UNKNOWN()),
    /** {@code MPI_ERR_TRUNCATE}. */
    ERR_TRUNCATE(mpi_h.MPI_ERR_TRUNCATE()),
    /** {@code MPI_ERR_OTHER}. */
    ERR_OTHER(mpi_h.MPI_ERR_OTHER()),
    /** {@code MPI_ERR_INTERN}. */
    ERR_INTERN(mpi_h.MPI_ERR_INTERN()),
    /** {@code MPI_ERR_IN_STATUS}. */
    ERR_IN_STATUS(mpi_h.MPI_ERR_IN_STATUS()),
    /** {@code MPI_ERR_PENDING}. */
    ERR_PENDING(mpi_h.MPI_ERR_PENDING()),
    /** {@code MPI_ERR_ACCESS}. */
    ERR_ACCESS(mpi_h.MPI_ERR_ACCESS()),
    /** {@code MPI_ERR_AMODE}. */
    ERR_AMODE(mpi_h.MPI_ERR_AMODE()),
    /** {@code MPI_ERR_ASSERT}. */
    ERR_ASSERT(mpi_h.MPI_ERR_ASSERT()),
    /** {@code MPI_ERR_BAD_FILE}. */
    ERR_BAD_FILE(mpi_h.MPI_ERR_BAD_FILE()),
    /** {@code MPI_ERR_BASE}. */
    ERR_BASE(mpi_h.MPI_ERR_BASE()),
    /** {@code MPI_ERR_CONVERSION}. */
    ERR_CONVERSION(mpi_h.MPI_ERR_CONVERSION()),
    /** {@code MPI_ERR_DISP}. */
    ERR_DISP(mpi_h.MPI_ERR_DISP()),
    /** {@code MPI_ERR_DUP_DATAREP}. */
    ERR_DUP_DATAREP(mpi_h.MPI_ERR_DUP_DATAREP()),
    /** {@code MPI_ERR_FILE_EXISTS}. */
    ERR_FILE_EXISTS(mpi_h.MPI_ERR_FILE_EXISTS()),
    /** {@code MPI_ERR_FILE_IN_USE}. */
    ERR_FILE_IN_USE(mpi_h.MPI_ERR_FILE_IN_USE()),
    /** {@code MPI_ERR_FILE}. */
    ERR_FILE(mpi_h.MPI_ERR_FILE()),
    /** {@code MPI_ERR_INFO_KEY}. */
    ERR_INFO_KEY(mpi_h.MPI_ERR_INFO_KEY()),
    /** {@code MPI_ERR_INFO_NOKEY}. */
    ERR_INFO_NOKEY(mpi_h.MPI_ERR_INFO_NOKEY()),
    /** {@code MPI_ERR_INFO_VALUE}. */
    ERR_INFO_VALUE(mpi_h.MPI_ERR_INFO_VALUE()),
    /** {@code MPI_ERR_INFO}. */
    ERR_INFO(mpi_h.MPI_ERR_INFO()),
    /** {@code MPI_ERR_IO}. */
    ERR_IO(mpi_h.MPI_ERR_IO()),
    /** {@code MPI_ERR_KEYVAL}. */
    ERR_KEYVAL(mpi_h.MPI_ERR_KEYVAL()),
    /** {@code MPI_ERR_LOCKTYPE}. */
    ERR_LOCKTYPE(mpi_h.MPI_ERR_LOCKTYPE()),
    /** {@code MPI_ERR_NAME}. */
    ERR_NAME(mpi_h.MPI_ERR_NAME()),
    /** {@code MPI_ERR_NO_MEM}. */
    ERR_NO_MEM(mpi_h.MPI_ERR_NO_MEM()),
    /** {@code MPI_ERR_NOT_SAME}. */
    ERR_NOT_SAME(mpi_h.MPI_ERR_NOT_SAME()),
    /** {@code MPI_ERR_NO_SPACE}. */
    ERR_NO_SPACE(mpi_h.MPI_ERR_NO_SPACE()),
    /** {@code MPI_ERR_NO_SUCH_FILE}. */
    ERR_NO_SUCH_FILE(mpi_h.MPI_ERR_NO_SUCH_FILE()),
    /** {@code MPI_ERR_PORT}. */
    ERR_PORT(mpi_h.MPI_ERR_PORT()),
    /** {@code MPI_ERR_QUOTA}. */
    ERR_QUOTA(mpi_h.MPI_ERR_QUOTA()),
    /** {@code MPI_ERR_READ_ONLY}. */
    ERR_READ_ONLY(mpi_h.MPI_ERR_READ_ONLY()),
    /** {@code MPI_ERR_RMA_CONFLICT}. */
    ERR_RMA_CONFLICT(mpi_h.MPI_ERR_RMA_CONFLICT()),
    /** {@code MPI_ERR_RMA_SYNC}. */
    ERR_RMA_SYNC(mpi_h.MPI_ERR_RMA_SYNC()),
    /** {@code MPI_ERR_SERVICE}. */
    ERR_SERVICE(mpi_h.MPI_ERR_SERVICE()),
    /** {@code MPI_ERR_SIZE}. */
    ERR_SIZE(mpi_h.MPI_ERR_SIZE()),
    /** {@code MPI_ERR_SPAWN}. */
    ERR_SPAWN(mpi_h.MPI_ERR_SPAWN()),
    /** {@code MPI_ERR_UNSUPPORTED_DATAREP}. */
    ERR_UNSUPPORTED_DATAREP(mpi_h.MPI_ERR_UNSUPPORTED_DATAREP()),
    /** {@code MPI_ERR_UNSUPPORTED_OPERATION}. */
    ERR_UNSUPPORTED_OPERATION(mpi_h.MPI_ERR_UNSUPPORTED_OPERATION()),
    /** {@code MPI_ERR_WIN}. */
    ERR_WIN(mpi_h.MPI_ERR_WIN()),
    /** {@code MPI_ERR_RMA_RANGE}. */
    ERR_RMA_RANGE(mpi_h.MPI_ERR_RMA_RANGE()),
    /** {@code MPI_ERR_RMA_ATTACH}. */
    ERR_RMA_ATTACH(mpi_h.MPI_ERR_RMA_ATTACH()),
    /** {@code MPI_ERR_RMA_FLAVOR}. */
    ERR_RMA_FLAVOR(mpi_h.MPI_ERR_RMA_FLAVOR()),
    /** {@code MPI_ERR_RMA_SHARED}. */
    ERR_RMA_SHARED(mpi_h.MPI_ERR_RMA_SHARED()),
    /** An error class this binding does not know (a user-defined class, or a newer MPI). */
    UNKNOWN_CLASS(-1);

    private final int value;

    ErrorClass(int value) {
        this.value = value;
    }

    /** The numeric error class of this MPI library. */
    public int value() {
        return value;
    }

    /** The constant whose numeric value is {@code errorClass}, or {@link #UNKNOWN_CLASS}. */
    public static ErrorClass of(int errorClass) {
        for (ErrorClass c : values()) {
            if (c.value == errorClass) {
                return c;
            }
        }
        return UNKNOWN_CLASS;
    }
}
