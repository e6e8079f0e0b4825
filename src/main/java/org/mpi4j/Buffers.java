package org.mpi4j;

import java.lang.foreign.MemorySegment;

/**
 * Turns the buffers the API accepts into what MPI wants: a segment, an element count and a
 * datatype, checked against each other before any native call.
 */
final class Buffers {
    private Buffers() {
    }

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

    /** The number of whole elements of {@code type} in {@code seg}. */
    static int countOf(MemorySegment seg, Datatype type) {
        long size = type.size();
        long n = size == 0 ? 0 : seg.byteSize() / size;
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("buffer of " + seg.byteSize()
                    + " bytes holds more than 2^31-1 elements; pass a count and a larger datatype");
        }
        return (int) n;
    }

    /** Checks that {@code seg} can hold {@code count} elements of {@code type}. */
    static MemorySegment check(MemorySegment seg, long count, Datatype type) {
        Errors.checkNotNull(seg, "buffer");
        Errors.checkNotNull(type, "datatype");
        Errors.checkCount(count);
        if (count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("count " + count + " exceeds 2^31-1");
        }
        long need = type.bytesFor(count);
        if (need > seg.byteSize()) {
            throw new IllegalArgumentException("buffer of " + seg.byteSize() + " bytes is too small for "
                    + count + " elements of " + type.getName() + " (" + need + " bytes)");
        }
        return seg;
    }
}
