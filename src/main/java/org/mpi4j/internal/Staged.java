package org.mpi4j.internal;

import java.lang.foreign.MemorySegment;

/**
 * Native memory standing in for a heap buffer during one nonblocking (or persistent) operation.
 * The garbage collector may move a Java array at any time after a downcall returns, so MPI is
 * given this copy instead; the {@link Request} keeps the Staged object (and so the array) alive
 * and runs {@link #complete} or {@link #release} exactly once when the operation completes.
 *
 * <p>The memory comes from {@link StagingPool}, which any thread may give it back to (a request may
 * complete on another thread than the one that started it), and which, unlike a GC-managed arena,
 * reuses or returns large buffers at once.
 *
 * <p>Typical use for a nonblocking receive into a heap segment {@code buf} spanning {@code bytes}:
 * <pre>{@code
 * Staged st = Staged.of(buf, bytes, true);          // copyIn: keep what MPI does not overwrite
 * ... MPI_Irecv(st.segment(), ...)
 * return new Request(ref, false, st, st::copyBackAndRelease);
 * }</pre>
 * and for a send: {@code Staged.of(buf, bytes, true)}, then {@code new Request(ref, false, st,
 * st::release)}.
 */
public final class Staged {
    private final MemorySegment heap;
    private final long bytes;
    /** The pool's block, of at least {@code bytes} bytes. */
    private final MemorySegment block;
    /** The block's reservation if it is a receive block ({@link #forReceive}), else null. */
    private final StagingPool.Reservation reservation;
    private MemorySegment memory;
    private boolean spoiled;

    private Staged(MemorySegment heap, long bytes, boolean reserve) {
        this.heap = heap;
        this.bytes = bytes;
        this.reservation = reserve ? StagingPool.takeReceive(bytes) : null;
        this.block = reservation != null ? reservation.block() : StagingPool.take(bytes);
        this.memory = block.asSlice(0, bytes);
    }

    /**
     * Native memory for the first {@code bytes} of {@code heap}, holding a copy of them when
     * {@code copyIn} (sends, and receives whose datatype may leave bytes untouched).
     */
    public static Staged of(MemorySegment heap, long bytes, boolean copyIn) {
        Staged s = new Staged(heap, bytes, false);
        if (copyIn) {
            s.copyIn();
        }
        return s;
    }

    /**
     * Like {@link #of}, for a receive posted before the size of its message is known
     * ({@code MPI_Irecv}, {@code MPI_Recv_init}): the memory is the start of a large reservation
     * ({@link StagingPool#RECEIVE_RESERVE}), because Open MPI 4.1 writes a truncated message
     * above the eager limit whole, past the end of the buffer. The request then fails with
     * {@code MPI_ERR_TRUNCATE}; mark it {@link #spoil spoiled} so that the pages it wrote are unmapped.
     */
    public static Staged forReceive(MemorySegment heap, long bytes, boolean copyIn) {
        Staged s = new Staged(heap, bytes, true);
        if (copyIn) {
            s.copyIn();
        }
        return s;
    }

    /** Records that the receive failed (MPI may have written past the buffer): release unmaps it. */
    public void spoil() {
        spoiled = true;
    }

    /** The native memory to give MPI. */
    public MemorySegment segment() {
        MemorySegment m = memory;
        if (m == null) {
            throw new IllegalStateException("staging memory already released");
        }
        return m;
    }

    /** Refreshes the native copy from the heap buffer (a persistent send's {@code start}). */
    public void copyIn() {
        if (bytes > 0) {
            MemorySegment.copy(heap, 0, segment(), 0, bytes);
        }
    }

    /** Copies the first {@code n} bytes back into the heap buffer (a receive's completion). */
    public void copyBack(long n) {
        if (n > 0) {
            MemorySegment.copy(segment(), 0, heap, 0, Math.min(n, bytes));
        }
    }

    /** Copies everything back and frees the native memory: a staged receive's completion action. */
    public void copyBackAndRelease() {
        copyBack(bytes);
        release();
    }

    /** Gives the native memory back; later calls do nothing. */
    public void release() {
        MemorySegment m = memory;
        memory = null;
        if (m != null) {
            if (reservation != null) {
                StagingPool.giveReceive(reservation, spoiled);
            } else {
                StagingPool.give(block);
            }
        }
    }

    /** Whether the heap buffer cannot be written (a send from a read-only buffer). */
    public boolean heapReadOnly() {
        return heap.isReadOnly();
    }

    /** The number of bytes staged. */
    public long byteSize() {
        return bytes;
    }
}
