package org.mpi4j;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.mpi4j.ffi.mpi_h;
import org.mpi4j.internal.CollectiveDowncalls;
import org.mpi4j.internal.OpenMpiAbi;
import org.mpi4j.internal.Scratch;

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
    /**
     * The last operation {@link RmaBuffers#checkOp} found defined on this type: a benign race (ops
     * are immutable), so that a loop of fetchAndOp or accumulate checks the pair once.
     */
    Op rmaCheckedOp;
    /**
     * The extent of a type whose elements are dense and start at their origin (true lower bound 0,
     * true extent = extent: every predefined type, contiguous derived ones), so that {@link #bytesFor}
     * is one multiplication; -1 for other types, 0 until known. Bounds never change after commit.
     */
    private long denseExtent;

    Datatype(MemorySegment handle, boolean predefined, boolean isNull) {
        super(handle, predefined, isNull);
        this.committed = predefined;
    }

    private static Datatype predefined(String mpiName) {
        return new Datatype(OpenMpiAbi.predefined(mpiName), true, false);
    }

    @Override
    String kind() {
        return "datatype";
    }

    @Override
    int c2f(MemorySegment h) {
        return mpi_h.MPI_Type_c2f(h);
    }

    /**
     * Wraps a raw {@code MPI_Datatype} made elsewhere: a predefined type comes back as its constant,
     * a derived one is borrowed (see {@link NativeHandle#isBorrowed()}) and taken to be committed,
     * as a type another library hands over for communication is.
     *
     * @throws IllegalArgumentException if MPI knows no datatype at that address
     */
    public static Datatype fromHandle(MemorySegment handle) {
        return fromForeign(handle, "datatype", h -> h.equals(NULL.rawHandle()) ? NULL : Named.of(h),
                mpi_h::MPI_Type_c2f, mpi_h::MPI_Type_f2c, h -> {
                    Datatype d = new Datatype(h, false, false);
                    d.committed = true;
                    return d;
                });
    }

    /** {@code MPI_Type_f2c}, as {@link #fromHandle}; an integer that names no datatype is refused. */
    public static Datatype fromFortran(int fortranHandle) {
        return fromFortranHandle(fortranHandle, "datatype", mpi_h::MPI_Type_f2c, Datatype::fromHandle);
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
        checkUsable();
        if (count == 0) {
            return 0;
        }
        long dense = denseExtent;
        if (dense == 0) {
            dense = denseExtent = trueLowerBound() == 0 && trueExtent() == extent() && extent() > 0 ? extent() : -1;
        }
        if (dense > 0) { // the common case, without the general arithmetic: count * extent, if it fits
            long n = count * dense;
            if (Math.multiplyHigh(count, dense) == 0 && n >= 0) {
                return n;
            }
        }
        // elements start extent() apart; each touches [trueLb, trueLb + trueExtent) from its start.
        // Exact arithmetic: an overflowed span would pass the buffer check and let MPI read anywhere
        long step;
        long low;
        long high;
        try {
            step = Math.multiplyExact(count - 1, extent());
            low = Math.addExact(trueLowerBound(), Math.min(0, step));
            high = Math.addExact(Math.addExact(trueLowerBound(), trueExtent()), Math.max(0, step));
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(count + " elements of " + this + " (extent " + extent()
                    + ", true extent " + trueExtent() + " bytes) span more than 2^63-1 bytes: the byte offsets overflow");
        }
        if (low < 0) {
            throw new IllegalArgumentException(this + " reaches " + (low == Long.MIN_VALUE ? "2^63" : -low)
                    + " bytes before the start of the buffer (negative lower bound)");
        }
        return high;
    }

    /**
     * {@code f}'s value, computed with exact arithmetic: a constructor argument whose byte offsets
     * overflow 64 bits is refused, naming the constructor and the quantity, instead of producing a
     * datatype whose size checks could pass by wrap-around.
     */
    private static long exact(String constructor, String what, java.util.function.LongSupplier f) {
        try {
            return f.getAsLong();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(constructor + ": " + what + " overflows a 64-bit byte offset");
        }
    }

    /** {@code count} blocks of {@code blockBytes} bytes whose starts lie {@code strideBytes} apart. */
    private static void checkStrided(String constructor, long count, long blockBytes, long strideBytes) {
        if (count > 0) {
            exact(constructor, "(count - 1) * stride + block length (" + (count - 1) + " * " + strideBytes + " + "
                    + blockBytes + " bytes)", () -> Math.addExact(
                    Math.multiplyExact(count - 1, Math.absExact(strideBytes)), blockBytes));
        }
    }

    /** A block of {@code bytes} bytes at byte displacement {@code displacement} (block {@code i}). */
    private static void checkBlock(String constructor, int i, long displacement, long bytes) {
        exact(constructor, "block " + i + " (displacement " + displacement + " + " + bytes + " bytes)",
                () -> Math.addExact(Math.absExact(displacement), bytes));
    }

    /** The bytes of {@code n} elements of this type (the old type of a constructor), exactly. */
    private long blockBytes(String constructor, long n) {
        long ext = Math.max(extent(), trueExtent());
        return exact(constructor, "block length * extent (" + n + " * " + ext + " bytes)",
                () -> Math.multiplyExact(n, ext));
    }

    // ---- derived datatypes ---------------------------------------------------------------------
    // Type constructors return new, uncommitted datatypes: commit() before use in communication,
    // free() (or try-with-resources) when done. A freed or uncommitted type is refused by every
    // buffer check (bytesFor), with an IllegalStateException that says which.

    private boolean committed;
    private long lowerBound = Long.MIN_VALUE;
    private long trueLb = Long.MIN_VALUE;
    private long trueExtent = -1;

    /** The storage order of multidimensional arrays, for {@link #subarray} and {@link #darray}. */
    public enum Order {
        /** Row-major ({@code MPI_ORDER_C}). */
        C(mpi_h.MPI_ORDER_C()),
        /** Column-major ({@code MPI_ORDER_FORTRAN}). */
        FORTRAN(mpi_h.MPI_ORDER_FORTRAN());

        final int value;

        Order(int value) {
            this.value = value;
        }
    }

    /** How {@link #darray} distributes one dimension over the process grid. */
    public enum Distribution {
        /** {@code MPI_DISTRIBUTE_BLOCK}: contiguous blocks. */
        BLOCK(mpi_h.MPI_DISTRIBUTE_BLOCK()),
        /** {@code MPI_DISTRIBUTE_CYCLIC}: round robin in blocks of the distribution argument. */
        CYCLIC(mpi_h.MPI_DISTRIBUTE_CYCLIC()),
        /** {@code MPI_DISTRIBUTE_NONE}: not distributed. */
        NONE(mpi_h.MPI_DISTRIBUTE_NONE());

        final int value;

        Distribution(int value) {
            this.value = value;
        }
    }

    /** {@code MPI_DISTRIBUTE_DFLT_DARG}: the default distribution argument of {@link #darray}. */
    public static final int DISTRIBUTE_DFLT_DARG = mpi_h.MPI_DISTRIBUTE_DFLT_DARG();

    /** The constructor that made a datatype ({@code MPI_COMBINER_*}), as {@link #envelope()} reports it. */
    public enum Combiner {
        /** A predefined datatype. */
        NAMED(mpi_h.MPI_COMBINER_NAMED()),
        /** {@link #dup()}. */
        DUP(mpi_h.MPI_COMBINER_DUP()),
        /** {@link #contiguous(int)}. */
        CONTIGUOUS(mpi_h.MPI_COMBINER_CONTIGUOUS()),
        /** {@link #vector(int, int, int)}. */
        VECTOR(mpi_h.MPI_COMBINER_VECTOR()),
        /** {@link #hvector(int, int, long)}. */
        HVECTOR(mpi_h.MPI_COMBINER_HVECTOR()),
        /** {@link #indexed(int[], int[])}. */
        INDEXED(mpi_h.MPI_COMBINER_INDEXED()),
        /** {@link #hindexed(int[], long[])}. */
        HINDEXED(mpi_h.MPI_COMBINER_HINDEXED()),
        /** {@link #indexedBlock(int, int[])}. */
        INDEXED_BLOCK(mpi_h.MPI_COMBINER_INDEXED_BLOCK()),
        /** {@link #hindexedBlock(int, long[])}. */
        HINDEXED_BLOCK(mpi_h.MPI_COMBINER_HINDEXED_BLOCK()),
        /** {@link #struct(int[], long[], Datatype[])}. */
        STRUCT(mpi_h.MPI_COMBINER_STRUCT()),
        /** {@link #subarray(int[], int[], int[], Order)}. */
        SUBARRAY(mpi_h.MPI_COMBINER_SUBARRAY()),
        /** {@link #darray}. */
        DARRAY(mpi_h.MPI_COMBINER_DARRAY()),
        /** {@link #resized(long, long)}. */
        RESIZED(mpi_h.MPI_COMBINER_RESIZED()),
        /** A Fortran {@code REAL} of given precision (not made by mpi4j). */
        F90_REAL(mpi_h.MPI_COMBINER_F90_REAL()),
        /** A Fortran {@code COMPLEX} of given precision (not made by mpi4j). */
        F90_COMPLEX(mpi_h.MPI_COMBINER_F90_COMPLEX()),
        /** A Fortran {@code INTEGER} of given range (not made by mpi4j). */
        F90_INTEGER(mpi_h.MPI_COMBINER_F90_INTEGER()),
        /** A combiner this binding does not name (the Fortran-only variants). */
        OTHER(Integer.MIN_VALUE);

        final int value;

        Combiner(int value) {
            this.value = value;
        }

        static Combiner of(int value) {
            for (Combiner c : values()) {
                if (c.value == value) {
                    return c;
                }
            }
            return OTHER;
        }
    }

    /**
     * What {@code MPI_Type_get_envelope} reports: how many integers, addresses and datatypes
     * {@link #contents()} returns, and the constructor that made the type.
     */
    public record Envelope(int numIntegers, int numAddresses, int numDatatypes, Combiner combiner) {
    }

    /**
     * What {@code MPI_Type_get_contents} reports: the arguments of the constructor that made a
     * datatype. Derived datatypes among {@link #datatypes()} are new handles the caller should free;
     * predefined ones are the constants of {@link Datatype}.
     */
    public record Contents(int[] integers, long[] addresses, java.util.List<Datatype> datatypes) {
    }

    /** Whether this datatype may be used in communication: predefined, or committed and not freed. */
    public final boolean isCommitted() {
        return committed && !isFreed();
    }

    /** Refuses a freed, null or uncommitted datatype before it reaches MPI. */
    final void checkUsable() {
        if (isFreed()) {
            throw new IllegalStateException("this datatype has been freed");
        }
        if (isNull()) {
            throw new IllegalStateException("Datatype.NULL cannot be used in communication");
        }
        if (!committed) {
            throw new IllegalStateException("datatype " + this + " is not committed: call commit() first");
        }
    }

    /** {@code MPI_Type_commit}: makes this datatype usable in communication. Returns this, for chaining. */
    public final Datatype commit() {
        if (isFreed()) {
            throw new IllegalStateException("this datatype has been freed: it cannot be committed");
        }
        if (!committed) {
            Scratch s = Scratch.get();
            s.handle0.set(ValueLayout.ADDRESS, 0, handle());
            Errors.check(mpi_h.MPI_Type_commit(s.handle0), "MPI_Type_commit");
            committed = true;
        }
        return this;
    }

    /** Wraps the datatype a constructor left in {@code ref}. */
    private static Datatype derivedFrom(MemorySegment ref) {
        return new Datatype(ref.get(ValueLayout.ADDRESS, 0), false, false);
    }

    private MemorySegment liveHandle() {
        if (isNull()) {
            throw new IllegalStateException("Datatype.NULL has no layout");
        }
        return handle();
    }

    private static int checkNonNegative(int value, String what) {
        if (value < 0) {
            throw new IllegalArgumentException(what + " must not be negative: " + value);
        }
        return value;
    }

    private static MemorySegment ints(Arena arena, int[] values, String what) {
        Errors.checkNotNull(values, what);
        return values.length == 0 ? arena.allocate(4) : arena.allocateFrom(ValueLayout.JAVA_INT, values);
    }

    private static MemorySegment longs(Arena arena, long[] values, String what) {
        Errors.checkNotNull(values, what);
        return values.length == 0 ? arena.allocate(8) : arena.allocateFrom(ValueLayout.JAVA_LONG, values);
    }

    private static void checkSameLength(int a, int b, String what) {
        if (a != b) {
            throw new IllegalArgumentException(what + " have different lengths: " + a + " and " + b);
        }
    }

    private static void checkNonNegative(int[] values, String what) {
        for (int v : values) {
            checkNonNegative(v, what);
        }
    }

    /** {@code MPI_Type_dup}: a new datatype with the same layout (committed if this one is). */
    public final Datatype dup() {
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Type_dup(liveHandle(), s.handle0), "MPI_Type_dup");
        Datatype d = derivedFrom(s.handle0);
        d.committed = committed;
        return d;
    }

    /** {@code MPI_Type_contiguous}: {@code count} consecutive elements of this type. */
    public final Datatype contiguous(int count) {
        blockBytes("contiguous", checkNonNegative(count, "count"));
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Type_contiguous(checkNonNegative(count, "count"), liveHandle(), s.handle0),
                "MPI_Type_contiguous");
        return derivedFrom(s.handle0);
    }

    /**
     * {@code MPI_Type_vector}: {@code count} blocks of {@code blockLength} elements, block starts
     * {@code stride} elements apart.
     */
    public final Datatype vector(int count, int blockLength, int stride) {
        long ext = extent();
        checkStrided("vector", checkNonNegative(count, "count"), blockBytes("vector", checkNonNegative(blockLength,
                "block length")), exact("vector", "stride * extent", () -> Math.multiplyExact((long) stride, ext)));
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Type_vector(checkNonNegative(count, "count"),
                checkNonNegative(blockLength, "block length"), stride, liveHandle(), s.handle0), "MPI_Type_vector");
        return derivedFrom(s.handle0);
    }

    /** {@code MPI_Type_create_hvector}: like {@link #vector} with the stride in bytes. */
    public final Datatype hvector(int count, int blockLength, long strideBytes) {
        checkStrided("hvector", checkNonNegative(count, "count"), blockBytes("hvector", checkNonNegative(blockLength,
                "block length")), strideBytes);
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Type_create_hvector(checkNonNegative(count, "count"),
                checkNonNegative(blockLength, "block length"), strideBytes, liveHandle(), s.handle0),
                "MPI_Type_create_hvector");
        return derivedFrom(s.handle0);
    }

    /**
     * {@code MPI_Type_indexed}: blocks of {@code blockLengths[i]} elements at {@code displacements[i]}
     * elements (in units of this type's extent).
     */
    public final Datatype indexed(int[] blockLengths, int[] displacements) {
        Errors.checkNotNull(blockLengths, "block lengths");
        Errors.checkNotNull(displacements, "displacements");
        checkSameLength(blockLengths.length, displacements.length, "block lengths and displacements");
        checkNonNegative(blockLengths, "block length");
        long ext = extent();
        for (int i = 0; i < blockLengths.length; i++) {
            long d = displacements[i];
            checkBlock("indexed", i, exact("indexed", "displacements[" + i + "] * extent",
                    () -> Math.multiplyExact(d, ext)), blockBytes("indexed", blockLengths[i]));
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(ValueLayout.ADDRESS);
            Errors.check(mpi_h.MPI_Type_indexed(blockLengths.length, ints(arena, blockLengths, "block lengths"),
                    ints(arena, displacements, "displacements"), liveHandle(), out), "MPI_Type_indexed");
            return derivedFrom(out);
        }
    }

    /** {@code MPI_Type_create_hindexed}: like {@link #indexed} with displacements in bytes. */
    public final Datatype hindexed(int[] blockLengths, long[] byteDisplacements) {
        Errors.checkNotNull(blockLengths, "block lengths");
        Errors.checkNotNull(byteDisplacements, "displacements");
        checkSameLength(blockLengths.length, byteDisplacements.length, "block lengths and displacements");
        checkNonNegative(blockLengths, "block length");
        for (int i = 0; i < blockLengths.length; i++) {
            checkBlock("hindexed", i, byteDisplacements[i], blockBytes("hindexed", blockLengths[i]));
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(ValueLayout.ADDRESS);
            Errors.check(mpi_h.MPI_Type_create_hindexed(blockLengths.length, ints(arena, blockLengths, "block lengths"),
                    longs(arena, byteDisplacements, "displacements"), liveHandle(), out), "MPI_Type_create_hindexed");
            return derivedFrom(out);
        }
    }

    /** {@code MPI_Type_create_indexed_block}: blocks of equal length at element displacements. */
    public final Datatype indexedBlock(int blockLength, int[] displacements) {
        checkNonNegative(blockLength, "block length");
        Errors.checkNotNull(displacements, "displacements");
        long ext = extent();
        long bytes = blockBytes("indexedBlock", blockLength);
        for (int i = 0; i < displacements.length; i++) {
            long d = displacements[i];
            checkBlock("indexedBlock", i, exact("indexedBlock", "displacements[" + i + "] * extent",
                    () -> Math.multiplyExact(d, ext)), bytes);
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(ValueLayout.ADDRESS);
            MemorySegment d = ints(arena, displacements, "displacements");
            Errors.check(mpi_h.MPI_Type_create_indexed_block(displacements.length, blockLength, d, liveHandle(), out),
                    "MPI_Type_create_indexed_block");
            return derivedFrom(out);
        }
    }

    /** {@code MPI_Type_create_hindexed_block}: blocks of equal length at byte displacements. */
    public final Datatype hindexedBlock(int blockLength, long[] byteDisplacements) {
        checkNonNegative(blockLength, "block length");
        Errors.checkNotNull(byteDisplacements, "displacements");
        long bytes = blockBytes("hindexedBlock", blockLength);
        for (int i = 0; i < byteDisplacements.length; i++) {
            checkBlock("hindexedBlock", i, byteDisplacements[i], bytes);
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(ValueLayout.ADDRESS);
            MemorySegment d = longs(arena, byteDisplacements, "displacements");
            Errors.check(mpi_h.MPI_Type_create_hindexed_block(byteDisplacements.length, blockLength, d, liveHandle(),
                    out), "MPI_Type_create_hindexed_block");
            return derivedFrom(out);
        }
    }

    /**
     * {@code MPI_Type_create_struct}: {@code blockLengths[i]} elements of {@code types[i]} at byte
     * displacement {@code displacements[i]}.
     */
    public static Datatype struct(int[] blockLengths, long[] byteDisplacements, Datatype[] types) {
        Errors.checkNotNull(blockLengths, "block lengths");
        Errors.checkNotNull(byteDisplacements, "displacements");
        Errors.checkNotNull(types, "types");
        checkSameLength(blockLengths.length, byteDisplacements.length, "block lengths and displacements");
        checkSameLength(blockLengths.length, types.length, "block lengths and types");
        checkNonNegative(blockLengths, "block length");
        for (int i = 0; i < types.length; i++) {
            Datatype type = Errors.checkNotNull(types[i], "types[" + i + "]");
            long lb = type.trueLowerBound();
            long d = byteDisplacements[i];
            checkBlock("struct", i, exact("struct", "displacements[" + i + "] + true lower bound",
                    () -> Math.addExact(d, lb)), type.blockBytes("struct", blockLengths[i]));
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment t = arena.allocate(ValueLayout.ADDRESS, Math.max(1, types.length));
            for (int i = 0; i < types.length; i++) {
                t.setAtIndex(ValueLayout.ADDRESS, i, Errors.checkNotNull(types[i], "types[" + i + "]").liveHandle());
            }
            MemorySegment out = arena.allocate(ValueLayout.ADDRESS);
            Errors.check(mpi_h.MPI_Type_create_struct(types.length, ints(arena, blockLengths, "block lengths"),
                    longs(arena, byteDisplacements, "displacements"), t, out), "MPI_Type_create_struct");
            return derivedFrom(out);
        }
    }

    /**
     * {@code MPI_Type_create_subarray}: the block {@code subsizes} at {@code starts} of an array of
     * {@code sizes} elements of this type.
     */
    public final Datatype subarray(int[] sizes, int[] subsizes, int[] starts, Order order) {
        Errors.checkNotNull(sizes, "sizes");
        Errors.checkNotNull(subsizes, "subsizes");
        Errors.checkNotNull(starts, "starts");
        Errors.checkNotNull(order, "order");
        checkSameLength(sizes.length, subsizes.length, "sizes and subsizes");
        checkSameLength(sizes.length, starts.length, "sizes and starts");
        if (sizes.length == 0) {
            throw new IllegalArgumentException("subarray: at least one dimension is needed (sizes is empty)");
        }
        long elements = 1;
        for (int i = 0; i < sizes.length; i++) {
            long e = elements;
            int n = sizes[i];
            elements = exact("subarray", "the product of sizes", () -> Math.multiplyExact(e, (long) n));
        }
        blockBytes("subarray", elements);
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] < 1 || subsizes[i] < 1 || subsizes[i] > sizes[i] || starts[i] < 0
                    || starts[i] > sizes[i] - subsizes[i]) {
                throw new IllegalArgumentException("dimension " + i + ": subarray of " + subsizes[i] + " at "
                        + starts[i] + " does not fit in " + sizes[i]);
            }
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(ValueLayout.ADDRESS);
            Errors.check(mpi_h.MPI_Type_create_subarray(sizes.length, ints(arena, sizes, "sizes"),
                    ints(arena, subsizes, "subsizes"), ints(arena, starts, "starts"), order.value, liveHandle(), out),
                    "MPI_Type_create_subarray");
            return derivedFrom(out);
        }
    }

    /**
     * {@code MPI_Type_create_darray}: the part of a global array of {@code gsizes} that process
     * {@code rank} of {@code size} owns under an HPF-style distribution on a {@code psizes} grid.
     */
    public final Datatype darray(int size, int rank, int[] gsizes, Distribution[] distribs, int[] dargs,
            int[] psizes, Order order) {
        Errors.checkNotNull(gsizes, "global sizes");
        Errors.checkNotNull(distribs, "distributions");
        Errors.checkNotNull(dargs, "distribution arguments");
        Errors.checkNotNull(psizes, "process grid sizes");
        Errors.checkNotNull(order, "order");
        int nd = gsizes.length;
        checkSameLength(nd, distribs.length, "global sizes and distributions");
        checkSameLength(nd, dargs.length, "global sizes and distribution arguments");
        checkSameLength(nd, psizes.length, "global sizes and process grid sizes");
        if (size < 1 || rank < 0 || rank >= size) {
            throw new IllegalArgumentException("invalid rank " + rank + " of " + size);
        }
        long grid = 1;
        for (int p : psizes) {
            grid *= checkNonNegative(p, "process grid size");
        }
        if (grid != size) {
            throw new IllegalArgumentException("process grid of " + grid + " processes for " + size);
        }
        if (nd == 0) {
            throw new IllegalArgumentException("darray: at least one dimension is needed (global sizes is empty)");
        }
        int[] d = new int[nd];
        long elements = 1;
        for (int i = 0; i < nd; i++) {
            Distribution dist = Errors.checkNotNull(distribs[i], "distributions[" + i + "]");
            d[i] = dist.value;
            checkDarrayDimension(i, gsizes[i], dist, dargs[i], psizes[i]);
            long e = elements;
            int n = gsizes[i];
            elements = exact("darray", "the product of global sizes", () -> Math.multiplyExact(e, (long) n));
        }
        blockBytes("darray", elements);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(ValueLayout.ADDRESS);
            Errors.check(mpi_h.MPI_Type_create_darray(size, rank, nd, ints(arena, gsizes, "global sizes"),
                    ints(arena, d, "distributions"), ints(arena, dargs, "distribution arguments"),
                    ints(arena, psizes, "process grid sizes"), order.value, liveHandle(), out),
                    "MPI_Type_create_darray");
            return derivedFrom(out);
        }
    }

    /**
     * Checks one dimension of {@link #darray} as MPI would, but naming the argument: MPI only says
     * {@code MPI_ERR_ARG}.
     */
    private static void checkDarrayDimension(int i, int gsize, Distribution dist, int darg, int psize) {
        if (gsize < 1) {
            throw new IllegalArgumentException("darray: global sizes[" + i + "] must be positive: " + gsize);
        }
        if (psize < 1) {
            throw new IllegalArgumentException("darray: process grid sizes[" + i + "] must be positive: " + psize);
        }
        if (darg != DISTRIBUTE_DFLT_DARG && darg < 1) {
            throw new IllegalArgumentException("darray: distribution arguments[" + i + "] must be positive or"
                    + " DISTRIBUTE_DFLT_DARG: " + darg);
        }
        if (dist == Distribution.NONE && psize != 1) {
            throw new IllegalArgumentException("darray: distributions[" + i + "] is NONE, so process grid sizes["
                    + i + "] must be 1, not " + psize);
        }
        if (dist == Distribution.BLOCK && darg != DISTRIBUTE_DFLT_DARG && (long) darg * psize < gsize) {
            throw new IllegalArgumentException("darray: distribution arguments[" + i + "] = " + darg + " blocks of "
                    + psize + " processes cover " + (long) darg * psize + " of the " + gsize + " elements of global"
                    + " sizes[" + i + "] (BLOCK needs darg * psize >= gsize)");
        }
    }

    /** {@code MPI_Type_create_resized}: this layout with lower bound {@code lb} and extent {@code extent}, in bytes. */
    public final Datatype resized(long lb, long extent) {
        exact("resized", "lower bound + extent (" + lb + " + " + extent + ")", () -> Math.addExact(lb, extent));
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Type_create_resized(liveHandle(), lb, extent, s.handle0), "MPI_Type_create_resized");
        return derivedFrom(s.handle0);
    }

    private void loadBounds() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment a = arena.allocate(ValueLayout.JAVA_LONG);
            MemorySegment b = arena.allocate(ValueLayout.JAVA_LONG);
            MemorySegment h = liveHandle();
            Errors.check(mpi_h.MPI_Type_get_true_extent(h, a, b), "MPI_Type_get_true_extent");
            long tlb = a.get(ValueLayout.JAVA_LONG, 0);
            long text = b.get(ValueLayout.JAVA_LONG, 0);
            Errors.check(mpi_h.MPI_Type_get_extent(h, a, b), "MPI_Type_get_extent");
            lowerBound = a.get(ValueLayout.JAVA_LONG, 0);
            extent = b.get(ValueLayout.JAVA_LONG, 0);
            trueLb = tlb;
            trueExtent = text;
        }
    }

    /** {@code MPI_Type_get_extent}: the lower bound, in bytes (0 for predefined types). */
    public final long lowerBound() {
        if (trueExtent < 0) {
            loadBounds();
        }
        return lowerBound;
    }

    /** {@code MPI_Type_get_true_extent}: where the first byte of data lies, relative to an element's start. */
    public final long trueLowerBound() {
        if (trueExtent < 0) {
            loadBounds();
        }
        return trueLb;
    }

    /** {@code MPI_Type_get_true_extent}: the span from the first to the last byte of data of one element. */
    public final long trueExtent() {
        if (trueExtent < 0) {
            loadBounds();
        }
        return trueExtent;
    }

    /** {@code MPI_Type_get_envelope}: how this datatype was made. */
    public final Envelope envelope() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment n = arena.allocate(ValueLayout.JAVA_INT, 4);
            Errors.check(mpi_h.MPI_Type_get_envelope(liveHandle(), n, n.asSlice(4), n.asSlice(8), n.asSlice(12)),
                    "MPI_Type_get_envelope");
            return new Envelope(n.getAtIndex(ValueLayout.JAVA_INT, 0), n.getAtIndex(ValueLayout.JAVA_INT, 1),
                    n.getAtIndex(ValueLayout.JAVA_INT, 2), Combiner.of(n.getAtIndex(ValueLayout.JAVA_INT, 3)));
        }
    }

    /**
     * {@code MPI_Type_get_contents}: the arguments of the constructor that made this datatype.
     *
     * @throws IllegalStateException for a predefined datatype (it has no contents)
     */
    public final Contents contents() {
        Envelope e = envelope();
        if (e.combiner() == Combiner.NAMED) {
            throw new IllegalStateException("a predefined datatype has no contents");
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment ints = arena.allocate(ValueLayout.JAVA_INT, Math.max(1, e.numIntegers()));
            MemorySegment addrs = arena.allocate(ValueLayout.JAVA_LONG, Math.max(1, e.numAddresses()));
            MemorySegment types = arena.allocate(ValueLayout.ADDRESS, Math.max(1, e.numDatatypes()));
            Errors.check(mpi_h.MPI_Type_get_contents(liveHandle(), e.numIntegers(), e.numAddresses(),
                    e.numDatatypes(), ints, addrs, types), "MPI_Type_get_contents");
            int[] i = ints.asSlice(0, 4L * e.numIntegers()).toArray(ValueLayout.JAVA_INT);
            long[] a = addrs.asSlice(0, 8L * e.numAddresses()).toArray(ValueLayout.JAVA_LONG);
            Datatype[] t = new Datatype[e.numDatatypes()];
            for (int k = 0; k < t.length; k++) {
                MemorySegment h = types.getAtIndex(ValueLayout.ADDRESS, k);
                t[k] = returned(h);
            }
            return new Contents(i, a, java.util.List.of(t));
        }
    }

    /**
     * A datatype handle MPI returned ({@code MPI_Type_get_contents}, {@code MPI_File_get_view}): the
     * predefined constant, or a new committed datatype the caller owns.
     */
    static Datatype returned(MemorySegment h) {
        Datatype named = Named.of(h);
        if (named != null) {
            return named;
        }
        Datatype t = new Datatype(h, false, false);
        t.committed = true;
        return t;
    }

    /** {@code MPI_Type_set_name}: names this datatype (for debuggers and error messages). */
    public final void setName(String name) {
        Errors.checkNotNull(name, "name");
        if (name.length() >= mpi_h.MPI_MAX_OBJECT_NAME()) {
            throw new IllegalArgumentException("name longer than " + (mpi_h.MPI_MAX_OBJECT_NAME() - 1));
        }
        try (Arena arena = Arena.ofConfined()) {
            Errors.check(mpi_h.MPI_Type_set_name(liveHandle(), arena.allocateFrom(name)), "MPI_Type_set_name");
        }
    }

    /**
     * {@code MPI_Type_set_attr}: caches {@code value} on this datatype under {@code keyval}; a value
     * already there is deleted first (its deleter runs).
     *
     * @throws IllegalArgumentException if {@code keyval} is a key for another kind of object
     */
    public final <T> void setAttr(Keyval<T> keyval, T value) {
        Errors.checkNotNull(keyval, "keyval").set(Keyval.Kind.DATATYPE, liveHandle(), value);
    }

    /** {@code MPI_Type_get_attr}: the value cached under {@code keyval}, if any. */
    public final <T> java.util.Optional<T> getAttr(Keyval<T> keyval) {
        return Errors.checkNotNull(keyval, "keyval").get(Keyval.Kind.DATATYPE, liveHandle());
    }

    /** {@code MPI_Type_delete_attr}: deletes the value cached under {@code keyval} (its deleter runs). */
    public final void deleteAttr(Keyval<?> keyval) {
        Errors.checkNotNull(keyval, "keyval").delete(Keyval.Kind.DATATYPE, liveHandle());
    }

    /** The datatype a handle MPI hands back names: a predefined constant, or null for a derived type. */
    static Datatype predefinedOf(MemorySegment handle) {
        return Named.of(handle);
    }

    /**
     * A view of a derived datatype MPI hands to a user function: usable, but not this object's to
     * free (the caller's own {@link Datatype} owns the handle).
     */
    static Datatype borrowed(MemorySegment handle) {
        Datatype d = new Datatype(handle, true, false);
        return d;
    }

    /** The predefined datatypes by handle, built on first use (after the constants exist). */
    private static final class Named {
        private static final java.util.Map<Long, Datatype> BY_ADDRESS = new java.util.HashMap<>();

        static {
            for (Datatype d : new Datatype[] {BYTE, PACKED, CHAR, SIGNED_CHAR, UNSIGNED_CHAR, WCHAR, SHORT,
                    UNSIGNED_SHORT, INT, UNSIGNED, LONG, UNSIGNED_LONG, LONG_LONG, UNSIGNED_LONG_LONG, FLOAT, DOUBLE,
                    LONG_DOUBLE, C_BOOL, INT8_T, INT16_T, INT32_T, INT64_T, UINT8_T, UINT16_T, UINT32_T, UINT64_T,
                    AINT, OFFSET, COUNT, C_FLOAT_COMPLEX, C_DOUBLE_COMPLEX, FLOAT_INT, DOUBLE_INT, LONG_INT, INT_INT,
                    SHORT_INT, LONG_DOUBLE_INT}) {
                BY_ADDRESS.putIfAbsent(d.rawHandle().address(), d);
            }
        }

        static Datatype of(MemorySegment h) {
            return BY_ADDRESS.get(h.address());
        }
    }

    // ---- pack / unpack ------------------------------------------------------------------------

    private static final String EXTERNAL32 = "external32";

    /**
     * {@code MPI_Pack}: packs {@code count} elements of this type from {@code in} into {@code out}
     * at byte {@code position}.
     *
     * @return the position after the packed data
     */
    public final long pack(MemorySegment in, long count, MemorySegment out, long position, Comm comm) {
        Buffers.check(in, count, this);
        checkPosition(out, position);
        Buffers.checkAccessible(out, "pack buffer");
        Buffers.checkWritable(out);
        Errors.checkNotNull(comm, "communicator");
        Scratch s = Scratch.get();
        s.int0.set(ValueLayout.JAVA_INT, 0, (int) position);
        Errors.check(CollectiveDowncalls.pack(in, (int) count, handle(), out, clampInt(out.byteSize()), s.int0,
                comm.handle()), "MPI_Pack");
        return s.int0();
    }

    /**
     * {@code MPI_Unpack}: unpacks {@code count} elements of this type from {@code in}, starting at
     * byte {@code position}, into {@code out}.
     *
     * @return the position after the unpacked data
     */
    public final long unpack(MemorySegment in, long position, MemorySegment out, long count, Comm comm) {
        Buffers.check(out, count, this);
        Buffers.checkWritable(out);
        checkPosition(in, position);
        Buffers.checkAccessible(in, "pack buffer");
        Errors.checkNotNull(comm, "communicator");
        Scratch s = Scratch.get();
        s.int0.set(ValueLayout.JAVA_INT, 0, (int) position);
        Errors.check(CollectiveDowncalls.unpack(in, clampInt(in.byteSize()), s.int0, out, (int) count, handle(),
                comm.handle()), "MPI_Unpack");
        return s.int0();
    }

    /** {@code MPI_Pack_size}: an upper bound on the bytes {@link #pack} needs for {@code count} elements. */
    public final long packSize(long count, Comm comm) {
        Errors.checkCount(count);
        checkUsable();
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Pack_size(checkIntCount(count), handle(), Errors.checkNotNull(comm, "communicator")
                .handle(), s.int0), "MPI_Pack_size");
        return s.int0();
    }

    /** {@code MPI_Pack_external} with the portable {@code "external32"} representation. */
    public final long packExternal(MemorySegment in, long count, MemorySegment out, long position) {
        Buffers.check(in, count, this);
        checkPosition(out, position);
        Buffers.checkAccessible(out, "pack buffer");
        Buffers.checkWritable(out);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment pos = arena.allocateFrom(ValueLayout.JAVA_LONG, position);
            Errors.check(CollectiveDowncalls.packExternal(arena.allocateFrom(EXTERNAL32), in, (int) count, handle(),
                    out, out.byteSize(), pos), "MPI_Pack_external");
            return pos.get(ValueLayout.JAVA_LONG, 0);
        }
    }

    /** {@code MPI_Unpack_external} with the portable {@code "external32"} representation. */
    public final long unpackExternal(MemorySegment in, long position, MemorySegment out, long count) {
        Buffers.check(out, count, this);
        Buffers.checkWritable(out);
        checkPosition(in, position);
        Buffers.checkAccessible(in, "pack buffer");
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment pos = arena.allocateFrom(ValueLayout.JAVA_LONG, position);
            Errors.check(CollectiveDowncalls.unpackExternal(arena.allocateFrom(EXTERNAL32), in, in.byteSize(), pos,
                    out, (int) count, handle()), "MPI_Unpack_external");
            return pos.get(ValueLayout.JAVA_LONG, 0);
        }
    }

    /** {@code MPI_Pack_external_size}: the bytes {@code count} elements take in {@code "external32"}. */
    public final long packExternalSize(long count) {
        Errors.checkCount(count);
        checkUsable();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment size = arena.allocate(ValueLayout.JAVA_LONG);
            Errors.check(mpi_h.MPI_Pack_external_size(arena.allocateFrom(EXTERNAL32), checkIntCount(count), handle(),
                    size), "MPI_Pack_external_size");
            return size.get(ValueLayout.JAVA_LONG, 0);
        }
    }

    private static int checkIntCount(long count) {
        if (count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("count " + count + " exceeds 2^31-1");
        }
        return (int) count;
    }

    private static void checkPosition(MemorySegment buf, long position) {
        Errors.checkNotNull(buf, "pack buffer");
        if (position < 0 || position > buf.byteSize()) {
            throw new IllegalArgumentException("position " + position + " outside the buffer of " + buf.byteSize()
                    + " bytes");
        }
    }

    private static int clampInt(long n) {
        return (int) Math.min(n, Integer.MAX_VALUE);
    }

    @Override
    public String toString() {
        return isFreed() ? "Datatype[freed]" : "Datatype[" + getName() + "]";
    }
}
