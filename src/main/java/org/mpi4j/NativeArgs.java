package org.mpi4j;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The count, displacement and datatype arrays of the v- and w-collectives in native memory.
 * Blocking calls use per-thread slots that grow as needed and are reused (nothing allocated per
 * call once they are large enough); nonblocking calls get memory of their own, kept alive by the
 * {@link Request} until the operation completes.
 */
final class NativeArgs {
    private static final int SLOTS = 6;
    private static final ThreadLocal<MemorySegment[]> SLOT = ThreadLocal.withInitial(() -> new MemorySegment[SLOTS]);

    private NativeArgs() {
    }

    private static MemorySegment slot(int i, long bytes) {
        MemorySegment[] slots = SLOT.get();
        MemorySegment s = slots[i];
        if (s == null || s.byteSize() < bytes) {
            s = slots[i] = Arena.ofAuto().allocate(Math.max(bytes, 64), 8);
        }
        return s;
    }

    /** {@code a} copied into this thread's slot {@code i}; valid until the next use of the slot. */
    static MemorySegment ints(int i, int[] a) {
        MemorySegment s = slot(i, 4L * a.length);
        MemorySegment.copy(a, 0, s, ValueLayout.JAVA_INT, 0, a.length);
        return s;
    }

    /** The handles of {@code types} in this thread's slot {@code i}. */
    static MemorySegment types(int i, Datatype[] types) {
        MemorySegment s = slot(i, ValueLayout.ADDRESS.byteSize() * types.length);
        for (int k = 0; k < types.length; k++) {
            s.setAtIndex(ValueLayout.ADDRESS, k, types[k].handle());
        }
        return s;
    }

    /** {@code a} in native memory of its own, for a nonblocking call. */
    static MemorySegment ownInts(int[] a) {
        MemorySegment s = Arena.ofAuto().allocate(Math.max(4L * a.length, 4), 8);
        MemorySegment.copy(a, 0, s, ValueLayout.JAVA_INT, 0, a.length);
        return s;
    }

    /** The handles of {@code types} in native memory of their own, for a nonblocking call. */
    static MemorySegment ownTypes(Datatype[] types) {
        MemorySegment s = Arena.ofAuto().allocate(Math.max(ValueLayout.ADDRESS.byteSize() * types.length, 8), 8);
        for (int k = 0; k < types.length; k++) {
            s.setAtIndex(ValueLayout.ADDRESS, k, types[k].handle());
        }
        return s;
    }

    /** {@code a} ({@code MPI_Aint} values) copied into this thread's slot {@code i}. */
    static MemorySegment longs(int i, long[] a) {
        MemorySegment s = slot(i, 8L * a.length);
        MemorySegment.copy(a, 0, s, ValueLayout.JAVA_LONG, 0, a.length);
        return s;
    }

    /** {@code a} ({@code MPI_Aint} values) in native memory of its own, for a nonblocking call. */
    static MemorySegment ownLongs(long[] a) {
        MemorySegment s = Arena.ofAuto().allocate(Math.max(8L * a.length, 8), 8);
        MemorySegment.copy(a, 0, s, ValueLayout.JAVA_LONG, 0, a.length);
        return s;
    }
}
