package org.mpi4j;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.mpi4j.ffi.mpi_h;

/**
 * Receives and throws away a matched message of any size in 64 KiB of memory: the way out for a
 * receive that failed after matching (an {@link OutOfMemoryError} allocating the object a frame
 * announced, a part that cannot be decoded), so that the message does not stay behind for the
 * next receive and its sender does not wait for ever.
 *
 * <p>The message is received with a datatype whose extent is 0: every 64 KiB block lands on the
 * same 64 KiB of native memory. Its size must be known (from the probe that matched it), so it is
 * never truncated: Open MPI 4.1 writes past the end of a buffer when it truncates a large message.
 */
final class Drain {
    private Drain() {
    }

    private static final int BLOCK = 64 * 1024;

    /** 64 KiB of native memory every drain writes into (its contents are never read). */
    private static final MemorySegment SINK = Arena.global().allocate(BLOCK, 64);

    /** {@link #BLOCK} bytes with extent 0, committed once. */
    private static MemorySegment blockType;

    private static synchronized MemorySegment blockType() {
        if (blockType == null) {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment ref = arena.allocate(ValueLayout.ADDRESS);
                MemorySegment contiguous = arena.allocate(ValueLayout.ADDRESS);
                Errors.check(mpi_h.MPI_Type_contiguous(BLOCK, Datatype.BYTE.handle(), contiguous), "MPI_Type_contiguous");
                Errors.check(mpi_h.MPI_Type_create_resized(contiguous.get(ValueLayout.ADDRESS, 0), 0, 0, ref),
                        "MPI_Type_create_resized");
                Errors.check(mpi_h.MPI_Type_free(contiguous), "MPI_Type_free");
                Errors.check(mpi_h.MPI_Type_commit(ref), "MPI_Type_commit");
                blockType = ref.get(ValueLayout.ADDRESS, 0);
            }
        }
        return blockType;
    }

    /** Receives the message matched into {@code messageRef} ({@code bytes} bytes) into nothing. */
    static void mrecv(MemorySegment messageRef, long bytes) {
        long blocks = bytes / BLOCK;
        int rest = (int) (bytes % BLOCK);
        if (blocks > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("message of " + bytes + " bytes is too large to drain");
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment ref = arena.allocate(ValueLayout.ADDRESS);
            MemorySegment types = arena.allocate(ValueLayout.ADDRESS, 2);
            types.setAtIndex(ValueLayout.ADDRESS, 0, blockType());
            types.setAtIndex(ValueLayout.ADDRESS, 1, Datatype.BYTE.handle());
            // blocks of 64 KiB, all at offset 0, then the rest at offset 0
            Errors.check(mpi_h.MPI_Type_create_struct(2, arena.allocateFrom(ValueLayout.JAVA_INT, (int) blocks, rest),
                    arena.allocateFrom(ValueLayout.JAVA_LONG, 0, 0), types, ref), "MPI_Type_create_struct");
            Errors.check(mpi_h.MPI_Type_commit(ref), "MPI_Type_commit");
            try {
                Errors.check(mpi_h.MPI_Mrecv(SINK, 1, ref.get(ValueLayout.ADDRESS, 0), messageRef,
                        mpi_h.MPI_STATUS_IGNORE()), "MPI_Mrecv");
            } finally {
                Errors.check(mpi_h.MPI_Type_free(ref), "MPI_Type_free");
            }
        }
    }
}
