package org.mpi4j;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.mpi4j.ffi.mpi_h;

/**
 * An MPI datatype ({@code MPI_Datatype}). The predefined types are constants of this class; the
 * Java primitive arrays map to {@link #INT8_T} ({@code byte}), {@link #INT16_T} ({@code short}),
 * {@link #UINT16_T} ({@code char}), {@link #INT32_T} ({@code int}), {@link #INT64_T}
 * ({@code long}), {@link #FLOAT} and {@link #DOUBLE}.
 */
public class Datatype extends NativeHandle {
    /** {@code MPI_BYTE}: Untyped bytes. */
    public static final Datatype BYTE = predefined("MPI_BYTE");
    /** {@code MPI_PACKED}: Packed data ({@code MPI_Pack}). */
    public static final Datatype PACKED = predefined("MPI_PACKED");
    /** {@code MPI_CHAR}: C {@code char}. */
    public static final Datatype CHAR = predefined("MPI_CHAR");
    /** {@code MPI_SIGNED_CHAR}: C {@code signed char}. */
    public static final Datatype SIGNED_CHAR = predefined("MPI_SIGNED_CHAR");
    /** {@code MPI_UNSIGNED_CHAR}: C {@code unsigned char}. */
    public static final Datatype UNSIGNED_CHAR = predefined("MPI_UNSIGNED_CHAR");
    /** {@code MPI_WCHAR}: C {@code wchar_t}. */
    public static final Datatype WCHAR = predefined("MPI_WCHAR");
    /** {@code MPI_SHORT}: C {@code short}. */
    public static final Datatype SHORT = predefined("MPI_SHORT");
    /** {@code MPI_UNSIGNED_SHORT}: C {@code unsigned short}. */
    public static final Datatype UNSIGNED_SHORT = predefined("MPI_UNSIGNED_SHORT");
    /** {@code MPI_INT}: C {@code int}. */
    public static final Datatype INT = predefined("MPI_INT");
    /** {@code MPI_UNSIGNED}: C {@code unsigned int}. */
    public static final Datatype UNSIGNED = predefined("MPI_UNSIGNED");
    /** {@code MPI_LONG}: C {@code long} (64 bits on Linux x86-64). */
    public static final Datatype LONG = predefined("MPI_LONG");
    /** {@code MPI_UNSIGNED_LONG}: C {@code unsigned long}. */
    public static final Datatype UNSIGNED_LONG = predefined("MPI_UNSIGNED_LONG");
    /** {@code MPI_LONG_LONG}: C {@code long long}. */
    public static final Datatype LONG_LONG = predefined("MPI_LONG_LONG");
    /** {@code MPI_UNSIGNED_LONG_LONG}: C {@code unsigned long long}. */
    public static final Datatype UNSIGNED_LONG_LONG = predefined("MPI_UNSIGNED_LONG_LONG");
    /** {@code MPI_FLOAT}: C {@code float}; Java {@code float}. */
    public static final Datatype FLOAT = predefined("MPI_FLOAT");
    /** {@code MPI_DOUBLE}: C {@code double}; Java {@code double}. */
    public static final Datatype DOUBLE = predefined("MPI_DOUBLE");
    /** {@code MPI_LONG_DOUBLE}: C {@code long double}. */
    public static final Datatype LONG_DOUBLE = predefined("MPI_LONG_DOUBLE");
    /** {@code MPI_C_BOOL}: C {@code _Bool}. */
    public static final Datatype C_BOOL = predefined("MPI_C_BOOL");
    /** {@code MPI_INT8_T}: {@code int8_t}; Java {@code byte}. */
    public static final Datatype INT8_T = predefined("MPI_INT8_T");
    /** {@code MPI_INT16_T}: {@code int16_t}; Java {@code short}. */
    public static final Datatype INT16_T = predefined("MPI_INT16_T");
    /** {@code MPI_INT32_T}: {@code int32_t}; Java {@code int}. */
    public static final Datatype INT32_T = predefined("MPI_INT32_T");
    /** {@code MPI_INT64_T}: {@code int64_t}; Java {@code long}. */
    public static final Datatype INT64_T = predefined("MPI_INT64_T");
    /** {@code MPI_UINT8_T}: {@code uint8_t}. */
    public static final Datatype UINT8_T = predefined("MPI_UINT8_T");
    /** {@code MPI_UINT16_T}: {@code uint16_t}; Java {@code char}. */
    public static final Datatype UINT16_T = predefined("MPI_UINT16_T");
    /** {@code MPI_UINT32_T}: {@code uint32_t}. */
    public static final Datatype UINT32_T = predefined("MPI_UINT32_T");
    /** {@code MPI_UINT64_T}: {@code uint64_t}. */
    public static final Datatype UINT64_T = predefined("MPI_UINT64_T");
    /** {@code MPI_AINT}: {@code MPI_Aint}, an address-sized integer. */
    public static final Datatype AINT = predefined("MPI_AINT");
    /** {@code MPI_OFFSET}: {@code MPI_Offset}, a file offset. */
    public static final Datatype OFFSET = predefined("MPI_OFFSET");
    /** {@code MPI_COUNT}: {@code MPI_Count}. */
    public static final Datatype COUNT = predefined("MPI_COUNT");
    /** {@code MPI_C_FLOAT_COMPLEX}: C {@code float _Complex}. */
    public static final Datatype C_FLOAT_COMPLEX = predefined("MPI_C_FLOAT_COMPLEX");
    /** {@code MPI_C_DOUBLE_COMPLEX}: C {@code double _Complex}. */
    public static final Datatype C_DOUBLE_COMPLEX = predefined("MPI_C_DOUBLE_COMPLEX");
    /** {@code MPI_FLOAT_INT}: A {@code float} value and an {@code int} index, for MAXLOC/MINLOC. */
    public static final Datatype FLOAT_INT = predefined("MPI_FLOAT_INT");
    /** {@code MPI_DOUBLE_INT}: A {@code double} value and an {@code int} index, for MAXLOC/MINLOC. */
    public static final Datatype DOUBLE_INT = predefined("MPI_DOUBLE_INT");
    /** {@code MPI_LONG_INT}: A {@code long} value and an {@code int} index, for MAXLOC/MINLOC. */
    public static final Datatype LONG_INT = predefined("MPI_LONG_INT");
    /** {@code MPI_2INT}: Two {@code int}s ({@code MPI_2INT}), for MAXLOC/MINLOC. */
    public static final Datatype INT_INT = predefined("MPI_2INT");
    /** {@code MPI_SHORT_INT}: A {@code short} value and an {@code int} index, for MAXLOC/MINLOC. */
    public static final Datatype SHORT_INT = predefined("MPI_SHORT_INT");
    /** {@code MPI_LONG_DOUBLE_INT}: A {@code long double} value and an {@code int} index. */
    public static final Datatype LONG_DOUBLE_INT = predefined("MPI_LONG_DOUBLE_INT");
    /** {@code MPI_DATATYPE_NULL}. */
    public static final Datatype NULL = new Datatype(OpenMpiAbi.predefined("MPI_DATATYPE_NULL"), true, true);

    private long size = -1;
    private long extent = -1;

    Datatype(MemorySegment handle, boolean predefined, boolean isNull) {
        super(handle, predefined, isNull);
    }

    private static Datatype predefined(String mpiName) {
        return new Datatype(OpenMpiAbi.predefined(mpiName), true, false);
    }

    @Override
    String kind() {
        return "datatype";
    }

    @Override
    void release(MemorySegment handleRef) {
        Errors.check(mpi_h.MPI_Type_free(handleRef), "MPI_Type_free");
    }

    /** {@code MPI_Type_size}: the number of bytes of data in one element. */
    public long size() {
        long s = size;
        if (s < 0) {
            Scratch sc = Scratch.get();
            Errors.check(mpi_h.MPI_Type_size(handle(), sc.int0), "MPI_Type_size");
            s = size = Integer.toUnsignedLong(sc.int0());
        }
        return s;
    }

    /** {@code MPI_Type_get_extent}: the span of one element, the stride between consecutive elements. */
    public long extent() {
        long e = extent;
        if (e < 0) {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment lb = arena.allocate(ValueLayout.JAVA_LONG);
                MemorySegment ext = arena.allocate(ValueLayout.JAVA_LONG);
                Errors.check(mpi_h.MPI_Type_get_extent(handle(), lb, ext), "MPI_Type_get_extent");
                e = extent = ext.get(ValueLayout.JAVA_LONG, 0);
            }
        }
        return e;
    }

    /** {@code MPI_Type_get_name}. */
    public String getName() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment str = arena.allocate(mpi_h.MPI_MAX_OBJECT_NAME() + 1L);
            MemorySegment len = arena.allocate(ValueLayout.JAVA_INT);
            Errors.check(mpi_h.MPI_Type_get_name(handle(), str, len), "MPI_Type_get_name");
            return str.getString(0);
        }
    }

    /**
     * The number of bytes a buffer needs to hold {@code count} elements of this type, measured
     * from the buffer's start.
     */
    long bytesFor(long count) {
        return count == 0 ? 0 : (count - 1) * extent() + size();
    }

    @Override
    public String toString() {
        return isFreed() ? "Datatype[freed]" : "Datatype[" + getName() + "]";
    }
}
