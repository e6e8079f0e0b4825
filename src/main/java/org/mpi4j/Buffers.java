package org.mpi4j;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.mpi4j.ffi.mpi_h;
import org.mpi4j.internal.Downcalls;
import org.mpi4j.internal.Scratch;
import org.mpi4j.internal.Staged;

/**
 * What every family's message converter shares (like mpi4py's msgbuffer): turns every buffer
 * the API accepts into what MPI wants, a {@link MemorySegment}, an {@code int} count and a datatype
 * handle, checked against each other before any native call. The families (point-to-point and
 * collectives in {@link Comm}, one-sided, I/O) decide native / staged / critical once, on top.
 *
 * <p>The buffer rule, in three tiers (README's "Buffers" table):
 * <ul>
 * <li>Tier 1, the hot path (blocking point-to-point and collectives, {@code Message.mrecv}): a
 * {@code MemorySegment} with its datatype inferred, {@code (MemorySegment, long count, Datatype)},
 * and the seven primitive arrays whole. Slices and {@code ByteBuffer}s are segments
 * ({@code MemorySegment.ofArray(a).asSlice(...)}, {@code MemorySegment.ofBuffer(bb)}).</li>
 * <li>Tier 2 (nonblocking and persistent calls, neighbourhood and intercommunicator
 * collectives): the two segment forms, plus whole arrays where tier 1 has them; heap memory is
 * staged and owned by the {@link Request}.</li>
 * <li>Tier 3 (files, windows, spawn): the two segment forms only.</li>
 * </ul>
 *
 * <ul>
 * <li>Spellings: {@link #of(int[])} and its siblings take a whole primitive array;
 * {@link #typeOf} infers the datatype of a segment (the array element type, {@link Datatype#BYTE}
 * for native memory); {@link #span} checks a (segment, count, datatype) triple and returns the
 * bytes it covers.</li>
 * <li>Counts above 2^31-1: {@link #mpiCount} and {@link #mpiType} describe the same data as one
 * element of a contiguous derived datatype (Open MPI 4.1 has no large-count calls);
 * {@link #releaseType} frees it after the call.</li>
 * <li>Heap memory in <em>blocking</em> calls: small buffers (up to {@link #STAGE_LIMIT} bytes)
 * are copied through per-thread native memory ({@link #stage}, {@link #unstage}), larger ones go
 * to a {@link Downcalls critical} downcall, which passes the array itself. Heap memory in
 * <em>nonblocking</em> calls is always staged in native memory ({@link Staged}), kept alive by the
 * {@link Request} and copied back when it completes: a Java array cannot stay pinned beyond one
 * downcall.</li>
 * </ul>
 */
final class Buffers {
    static {
        // Load every heap segment class before any hot path is compiled. The JIT compiles a call
        // on a MemorySegment for the implementation classes loaded so far; the first array of a new
        // element type loads one more and throws away all that compiled code at once (measured: a
        // first double[] after a warmed-up loop over native segments deoptimized every downcall
        // path, and the small allreduce ran slower for the next 0.5 s while it was recompiled).
        MemorySegment.ofArray(new byte[0]);
        MemorySegment.ofArray(new char[0]);
        MemorySegment.ofArray(new short[0]);
        MemorySegment.ofArray(new int[0]);
        MemorySegment.ofArray(new long[0]);
        MemorySegment.ofArray(new float[0]);
        MemorySegment.ofArray(new double[0]);
    }

    private Buffers() {
    }

    /**
     * Blocking calls copy heap buffers up to this many bytes through native memory instead of
     * passing them with a critical downcall. A critical downcall holds off every garbage collection
     * of the JVM while it runs; a blocking receive may run for ever if the message it waits for is
     * to be sent by another thread of this JVM that first needs to allocate, so larger receives wait
     * in {@code MPI_Mprobe} first. Measured (2-rank ping-pong, shared memory): up to 1 KiB the copy,
     * the critical call and a native segment cost the same, while mprobe-then-receive adds about
     * 0.5 us; at 4 KiB and above the copy costs more than the probe (4 KiB: 9.6 us copied, 7.2 us
     * probed, 7.0 us critical, 5.9 us native; 32 KiB: 28.5, 11.2, 11.5, 9.7 us). Hence 2 KiB.
     */
    static final long STAGE_LIMIT = Long.getLong("mpi4j.stageLimit", 2 * 1024);

    /** The largest count MPI's {@code int} count arguments take. */
    static final long INT_MAX = Integer.MAX_VALUE;

    // ---- datatype inference and checks ------------------------------------------------------

    /**
     * The datatype a segment's contents have: the element type of the array behind a heap segment,
     * {@link Datatype#BYTE} for native memory.
     */
    static Datatype typeOf(MemorySegment seg) {
        Object base = seg.heapBase().orElse(null);
        return switch (base) {
            case null -> Datatype.BYTE;
            case byte[] a -> Datatype.INT8_T;
            case short[] a -> Datatype.INT16_T;
            case char[] a -> Datatype.UINT16_T;
            case int[] a -> Datatype.INT32_T;
            case long[] a -> Datatype.INT64_T;
            case float[] a -> Datatype.FLOAT;
            case double[] a -> Datatype.DOUBLE;
            default -> Datatype.BYTE;
        };
    }

    /** The number of whole elements of {@code type} in {@code seg}, limited to 2^31-1. */
    static int countOf(MemorySegment seg, Datatype type) {
        long n = countOfLong(seg, type);
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("buffer of " + seg.byteSize()
                    + " bytes holds more than 2^31-1 elements; pass a count and a larger datatype");
        }
        return (int) n;
    }

    /** The number of whole elements of {@code type} in {@code seg} (any size). */
    static long countOfLong(MemorySegment seg, Datatype type) {
        long extent = type.extent();
        long size = type.size();
        if (extent <= 0 || size == 0 || seg.byteSize() < size) {
            return 0;
        }
        return (seg.byteSize() - size) / extent + 1;
    }

    /**
     * Checks that {@code seg} can hold {@code count} elements of {@code type}, for calls that
     * take an {@code int} count only.
     */
    static MemorySegment check(MemorySegment seg, long count, Datatype type) {
        span(seg, count, type);
        if (count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("count " + count + " exceeds 2^31-1");
        }
        return seg;
    }

    /**
     * Checks a (buffer, count, datatype) triple and returns the number of bytes it spans from the
     * buffer's start. Any count is accepted (see {@link #mpiType}).
     *
     * @throws NullPointerException     if {@code seg} or {@code type} is null
     * @throws IllegalArgumentException if the count is negative or the buffer too small
     */
    static long span(MemorySegment seg, long count, Datatype type) {
        if (seg == null) {
            throw new NullPointerException("buffer is null");
        }
        if (type == null) {
            throw new NullPointerException("datatype is null");
        }
        if (count < 0) {
            throw new IllegalArgumentException("negative count: " + count);
        }
        checkAccessible(seg, "buffer");
        long need = type.bytesFor(count);
        if (need > seg.byteSize()) {
            throw new IllegalArgumentException("buffer of " + seg.byteSize() + " bytes is too small for "
                    + count + " elements of " + type.getName() + " (" + need + " bytes)");
        }
        return need;
    }

    /**
     * Refuses a segment MPI cannot safely be given from this thread: one whose arena is closed
     * ({@link IllegalStateException}) or a confined segment of another thread
     * ({@link WrongThreadException}). Without this check the generated bindings would turn the
     * linker's exception into an {@code AssertionError}. Heap segments always pass.
     *
     * @param what names the buffer in the message ("send buffer", "receive buffer", ...)
     */
    static MemorySegment checkAccessible(MemorySegment seg, String what) {
        if (!seg.scope().isAlive()) {
            throw new IllegalStateException("the " + what + " (" + describe(seg) + ") belongs to an arena that is"
                    + " already closed");
        }
        if (!seg.isAccessibleBy(Thread.currentThread())) {
            throw new WrongThreadException("the " + what + " (" + describe(seg) + ") belongs to a confined arena of"
                    + " another thread; use a shared arena (Arena.ofShared()) to pass memory between threads");
        }
        return seg;
    }

    /**
     * Whether the first {@code aBytes} of {@code a} and the first {@code bBytes} of {@code b} share
     * memory: the same array, or overlapping native addresses.
     */
    static boolean overlap(MemorySegment a, long aBytes, MemorySegment b, long bBytes) {
        if (aBytes == 0 || bBytes == 0 || a.isNative() != b.isNative()) {
            return false;
        }
        if (!a.isNative() && a.heapBase().orElse(null) != b.heapBase().orElse(null)) {
            return false;
        }
        // heap segments of one array: address() is the offset in it; native: the address
        long a0 = a.address();
        long b0 = b.address();
        return a0 < b0 + bBytes && b0 < a0 + aBytes;
    }

    /** A segment in a few words, for error messages. */
    static String describe(MemorySegment seg) {
        return seg.isNative() ? "native segment of " + seg.byteSize() + " bytes at 0x" + Long.toHexString(seg.address())
                : "heap segment of " + seg.byteSize() + " bytes";
    }

    /**
     * Whether {@code type}'s elements lie back to back with no holes (a predefined type whose size is
     * its extent): then a receive fills exactly the bytes the status counts, from the start.
     */
    static boolean contiguous(Datatype type) {
        return type.isPredefined() && type.size() == type.extent();
    }

    /** Rejects read-only buffers as receive buffers (MPI would write through them). */
    static MemorySegment checkWritable(MemorySegment seg) {
        if (seg.isReadOnly()) {
            throw new IllegalArgumentException("receive buffer is read-only (" + describe(seg) + ")");
        }
        return seg;
    }

    // ---- buffer spellings -------------------------------------------------------------------

    /** The whole of {@code a}, null-checked. */
    static MemorySegment of(byte[] a) {
        return MemorySegment.ofArray(Errors.checkNotNull(a, "buffer"));
    }

    /** The whole of {@code a}, null-checked. */
    static MemorySegment of(short[] a) {
        return MemorySegment.ofArray(Errors.checkNotNull(a, "buffer"));
    }

    /** The whole of {@code a}, null-checked. */
    static MemorySegment of(char[] a) {
        return MemorySegment.ofArray(Errors.checkNotNull(a, "buffer"));
    }

    /** The whole of {@code a}, null-checked. */
    static MemorySegment of(int[] a) {
        return MemorySegment.ofArray(Errors.checkNotNull(a, "buffer"));
    }

    /** The whole of {@code a}, null-checked. */
    static MemorySegment of(long[] a) {
        return MemorySegment.ofArray(Errors.checkNotNull(a, "buffer"));
    }

    /** The whole of {@code a}, null-checked. */
    static MemorySegment of(float[] a) {
        return MemorySegment.ofArray(Errors.checkNotNull(a, "buffer"));
    }

    /** The whole of {@code a}, null-checked. */
    static MemorySegment of(double[] a) {
        return MemorySegment.ofArray(Errors.checkNotNull(a, "buffer"));
    }

    // ---- counts above 2^31-1 ------------------------------------------------------------------

    /** The count to pass to MPI: {@code count} itself, or 1 element of {@link #mpiType}'s type. */
    static int mpiCount(long count) {
        return count <= INT_MAX ? (int) count : 1;
    }

    /**
     * The datatype handle to pass to MPI with {@link #mpiCount}: {@code type}'s own handle for
     * counts up to 2^31-1; above, a new committed datatype holding {@code count} elements of
     * {@code type}, which the caller frees with {@link #releaseType} right after the call (MPI keeps
     * a datatype in use by a pending operation alive until it completes).
     */
    static MemorySegment mpiType(long count, Datatype type) {
        MemorySegment h = type.handle();
        return count <= INT_MAX ? h : largeType(count, h, type.extent(), 1 << 30);
    }

    /** Frees a datatype {@link #mpiType} created; does nothing for {@code type}'s own handle. */
    static void releaseType(MemorySegment mpiType, Datatype type) {
        if (!mpiType.equals(type.rawHandle())) {
            // not Scratch: callers still hold their request handle there
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment ref = arena.allocate(ValueLayout.ADDRESS);
                ref.set(ValueLayout.ADDRESS, 0, mpiType);
                Errors.check(mpi_h.MPI_Type_free(ref), "MPI_Type_free");
            }
        }
    }

    /**
     * One element of {@code count} consecutive {@code old} elements: {@code count / chunk} blocks of
     * {@code chunk} elements, followed by the remainder (a struct of two contiguous types when
     * there is one). {@code chunk} is a parameter so tests can exercise the shape with small data.
     */
    static MemorySegment largeType(long count, MemorySegment old, long extent, int chunk) {
        long blocks = count / chunk;
        long rest = count % chunk;
        if (blocks > INT_MAX) {
            throw new IllegalArgumentException("count " + count + " is too large");
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment ref = arena.allocate(ValueLayout.ADDRESS);
            MemorySegment one = arena.allocate(ValueLayout.ADDRESS);
            Errors.check(mpi_h.MPI_Type_contiguous(chunk, old, one), "MPI_Type_contiguous");
            MemorySegment chunkType = one.get(ValueLayout.ADDRESS, 0);
            Errors.check(mpi_h.MPI_Type_contiguous((int) blocks, chunkType, ref), "MPI_Type_contiguous");
            MemorySegment result = ref.get(ValueLayout.ADDRESS, 0);
            Errors.check(mpi_h.MPI_Type_free(one), "MPI_Type_free");
            if (rest != 0) {
                MemorySegment bigPart = result;
                MemorySegment lengths = arena.allocateFrom(ValueLayout.JAVA_INT, 1, (int) rest);
                MemorySegment displs = arena.allocateFrom(ValueLayout.JAVA_LONG, 0, blocks * chunk * extent);
                MemorySegment types = arena.allocate(ValueLayout.ADDRESS, 2);
                types.setAtIndex(ValueLayout.ADDRESS, 0, bigPart);
                types.setAtIndex(ValueLayout.ADDRESS, 1, old);
                Errors.check(mpi_h.MPI_Type_create_struct(2, lengths, displs, types, ref), "MPI_Type_create_struct");
                result = ref.get(ValueLayout.ADDRESS, 0);
                one.set(ValueLayout.ADDRESS, 0, bigPart);
                Errors.check(mpi_h.MPI_Type_free(one), "MPI_Type_free");
            }
            ref.set(ValueLayout.ADDRESS, 0, result);
            Errors.check(mpi_h.MPI_Type_commit(ref), "MPI_Type_commit");
            return ref.get(ValueLayout.ADDRESS, 0);
        }
    }

    // ---- staging heap memory for blocking calls ----------------------------------------------

    /** Per-thread native memory for the blocking calls' small heap buffers: two slots (send, receive). */
    private static final ThreadLocal<MemorySegment[]> STAGING = ThreadLocal.withInitial(() -> {
        MemorySegment all = Arena.ofAuto().allocate(2 * STAGE_LIMIT, 64);
        return new MemorySegment[] {all.asSlice(0, STAGE_LIMIT), all.asSlice(STAGE_LIMIT, STAGE_LIMIT)};
    });

    /** Whether a blocking call should copy this buffer of {@code bytes} through native memory. */
    static boolean stages(MemorySegment seg, long bytes) {
        return !isNative(seg) && bytes <= STAGE_LIMIT;
    }

    /** {@link Downcalls#isNative} for a buffer that may be null (null is not native). */
    static boolean isNative(MemorySegment seg) {
        return seg != null && Downcalls.isNative(seg);
    }

    /**
     * This thread's native staging slot {@code slot} (0 or 1), holding a copy of the first
     * {@code bytes} of {@code heap} when {@code copyIn}. Valid until the thread's next call of
     * {@code stage} for the same slot; {@code bytes} must be at most {@link #STAGE_LIMIT}.
     */
    static MemorySegment stage(int slot, MemorySegment heap, long bytes, boolean copyIn) {
        MemorySegment s = STAGING.get()[slot];
        if (copyIn && bytes > 0) {
            MemorySegment.copy(heap, 0, s, 0, bytes);
        }
        return s;
    }

    /**
     * This thread's staging slot {@code slot} holding a copy of {@code count} elements of a Java
     * array from {@code offset}: the allocation-free form of {@link #stage} for arrays (no segment
     * object is created). {@code layout} is the array's element layout ({@code JAVA_INT} for
     * {@code int[]}, ...).
     */
    static MemorySegment stageArray(int slot, Object array, ValueLayout layout, int offset, int count) {
        MemorySegment s = STAGING.get()[slot];
        MemorySegment.copy(array, offset, s, layout, 0, count);
        return s;
    }

    /** Copies {@code count} elements from the start of a staging slot into a Java array at {@code offset}. */
    static void unstageArray(MemorySegment staging, Object array, ValueLayout layout, int offset, int count) {
        MemorySegment.copy(staging, layout, 0, array, offset, count);
    }

    /**
     * The last array each thread passed to {@link #slice} and its segment, so that a loop sending
     * the same large array allocates nothing. It keeps that one array reachable until the thread
     * passes another.
     */
    private static final ThreadLocal<Object[]> LAST_ARRAY = ThreadLocal.withInitial(() -> new Object[2]);

    /** A heap segment over {@code count} elements of a Java array from {@code offset} (already checked). */
    static MemorySegment slice(Object array, ValueLayout layout, int offset, int count) {
        Object[] last = LAST_ARRAY.get();
        MemorySegment whole;
        if (last[0] == array) {
            whole = (MemorySegment) last[1];
        } else {
            whole = ofArray(array);
            last[0] = array;
            last[1] = whole;
        }
        long bytes = count * layout.byteSize();
        return offset == 0 && bytes == whole.byteSize() ? whole : whole.asSlice(offset * layout.byteSize(), bytes);
    }

    /**
     * A heap segment over the whole of a primitive array of any element type (null stays null): the
     * one place that turns an array of unknown element type into a segment.
     */
    static MemorySegment ofArray(Object array) {
        return switch (array) {
            case null -> null;
            case byte[] a -> MemorySegment.ofArray(a);
            case short[] a -> MemorySegment.ofArray(a);
            case char[] a -> MemorySegment.ofArray(a);
            case int[] a -> MemorySegment.ofArray(a);
            case long[] a -> MemorySegment.ofArray(a);
            case float[] a -> MemorySegment.ofArray(a);
            case double[] a -> MemorySegment.ofArray(a);
            default -> throw new IllegalArgumentException("not a primitive array: " + array.getClass());
        };
    }

    /** Copies the first {@code bytes} of a staging slot back into {@code heap}. */
    static void unstage(MemorySegment staging, MemorySegment heap, long bytes) {
        if (bytes > 0) {
            MemorySegment.copy(staging, 0, heap, 0, bytes);
        }
    }
}
