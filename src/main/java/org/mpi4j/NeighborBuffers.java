package org.mpi4j;

import java.lang.foreign.MemorySegment;
import org.mpi4j.ffi.mpi_h;
import org.mpi4j.internal.Scratch;
import org.mpi4j.internal.Staged;

/**
 * The converter of the neighbourhood collectives ({@link Topocomm}): checks every buffer against its
 * count (or counts array) and datatype and against the topology's in- and out-degree once, before
 * any native call, and decides how MPI gets the memory.
 *
 * <p>Native segments go to MPI as they are: the blocking calls allocate nothing. Heap memory is
 * copied through native memory ({@link Staged}) in the blocking calls too, not passed by a critical
 * downcall: a neighbourhood collective waits for its neighbours, and a critical downcall would hold
 * off every garbage collection of the JVM for that whole wait (a halo exchange of a few KiB costs
 * the copy about as much as the critical call saves). Receive buffers are always copied in first:
 * blocks from {@link MPI#PROC_NULL} neighbours (the edges of a non-periodic grid) stay untouched.
 * Nonblocking calls hand the staged copies to the {@link Request}, which copies back and releases
 * them on completion.
 */
final class NeighborBuffers {
    private static final int SUCCESS = mpi_h.MPI_SUCCESS();

    private NeighborBuffers() {
    }

    /** Checks {@code blocks} blocks of {@code count} elements of {@code type} in {@code seg}; their bytes. */
    static long blocks(MemorySegment seg, long count, int blocks, Datatype type, boolean write) {
        Errors.checkNotNull(seg, write ? "receive buffer" : "send buffer");
        if (count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("count " + count + " exceeds 2^31-1 (use a larger datatype)");
        }
        long bytes = Buffers.span(seg, count * blocks, type);
        if (write) {
            Buffers.checkWritable(seg);
        }
        return bytes;
    }

    /**
     * Checks {@code degree} blocks of {@code counts[i]} elements at {@code displs[i]} extents of
     * {@code type}, for a v-collective's side whose neighbours number {@code degree}; their bytes.
     */
    static long blocksV(MemorySegment seg, int[] counts, int[] displs, Datatype type, int degree, boolean write) {
        String side = write ? "receive" : "send";
        Errors.checkNotNull(seg, write ? "receive buffer" : "send buffer");
        checkLengths(counts, displs, null, degree, side, write);
        Errors.checkNotNull(type, "datatype").bytesFor(0);
        long extent = type.extent();
        long max = 0;
        for (int i = 0; i < degree; i++) {
            checkBlock(counts[i], displs[i], i, side);
            if (counts[i] > 0) {
                max = Math.max(max, displs[i] * extent + type.bytesFor(counts[i]));
            }
        }
        return fits(seg, max, write);
    }

    /** The w-collectives' {@link #blocksV}: a datatype per block, displacements in bytes. */
    static long blocksW(MemorySegment seg, int[] counts, long[] displs, Datatype[] types, int degree, boolean write) {
        String side = write ? "receive" : "send";
        Errors.checkNotNull(seg, write ? "receive buffer" : "send buffer");
        Errors.checkNotNull(displs, write ? "receive displacements" : "send displacements");
        checkLengths(counts, null, types, degree, side, write);
        if (displs.length != degree) {
            throw lengthError(side + " displacements", degree, displs.length, write);
        }
        long max = 0;
        for (int i = 0; i < degree; i++) {
            if (types[i] == null) {
                throw new NullPointerException(side + " datatype " + i + " is null");
            }
            types[i].bytesFor(0);
            checkBlock(counts[i], displs[i], i, side);
            if (counts[i] > 0) {
                max = Math.max(max, displs[i] + types[i].bytesFor(counts[i]));
            }
        }
        return fits(seg, max, write);
    }

    // messages are built only on failure: these checks run on every call, which must not allocate
    private static void checkLengths(int[] counts, int[] displs, Datatype[] types, int degree, String side,
            boolean in) {
        Errors.checkNotNull(counts, in ? "receive counts" : "send counts");
        if (counts.length != degree) {
            throw lengthError(side + " counts", degree, counts.length, in);
        }
        if (displs != null && displs.length != degree) {
            throw lengthError(side + " displacements", degree, displs.length, in);
        }
        if (types != null && types.length != degree) {
            throw lengthError(side + " datatypes", degree, types.length, in);
        }
    }

    private static IllegalArgumentException lengthError(String what, int degree, int length, boolean in) {
        return new IllegalArgumentException(what + " need " + degree + " entries (one per " + (in ? "in" : "out")
                + "-neighbour), not " + length);
    }

    private static void checkBlock(int count, long displ, int i, String side) {
        if (count < 0 || displ < 0) {
            throw new IllegalArgumentException("negative " + side + " count or displacement for neighbour " + i
                    + ": " + count + " at " + displ);
        }
    }

    private static long fits(MemorySegment seg, long bytes, boolean write) {
        if (bytes > seg.byteSize()) {
            throw new IllegalArgumentException((write ? "receive" : "send") + " buffer of " + seg.byteSize()
                    + " bytes is too small for these counts and displacements (" + bytes + " bytes)");
        }
        if (write) {
            Buffers.checkWritable(seg);
        }
        return bytes;
    }

    /** Packed displacements (each block right after the previous one) for {@code counts}. */
    static int[] packed(int[] counts) {
        return CollectiveMessage.packedDispls(counts);
    }

    /** {@code n} counts of {@code count} each. */
    static int[] uniform(int n, long count) {
        int[] c = new int[n];
        java.util.Arrays.fill(c, (int) count);
        if ((long) n * count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(n + " blocks of " + count + " elements exceed 2^31-1 elements");
        }
        return c;
    }

    /** {@code a} with entry {@code j} taken from {@code a[order[j]]}; {@code a} itself for a null order. */
    static int[] reorder(int[] a, int[] order) {
        if (order == null) {
            return a;
        }
        int[] r = new int[a.length];
        for (int j = 0; j < a.length; j++) {
            r[j] = a[order[j]];
        }
        return r;
    }

    /** {@link #reorder(int[], int[])} for byte displacements. */
    static long[] reorder(long[] a, int[] order) {
        if (order == null) {
            return a;
        }
        long[] r = new long[a.length];
        for (int j = 0; j < a.length; j++) {
            r[j] = a[order[j]];
        }
        return r;
    }

    /** {@link #reorder(int[], int[])} for datatypes. */
    static Datatype[] reorder(Datatype[] a, int[] order) {
        if (order == null) {
            return a;
        }
        Datatype[] r = new Datatype[a.length];
        for (int j = 0; j < a.length; j++) {
            r[j] = a[order[j]];
        }
        return r;
    }

    /** The whole-segment forms' count per block: {@code seg}'s elements split into {@code degree} blocks. */
    static int perBlock(MemorySegment seg, Datatype type, int degree) {
        int total = Buffers.countOf(seg, type);
        if (degree == 0) {
            return 0;
        }
        if (total % degree != 0) {
            throw new IllegalArgumentException(total + " elements do not split into " + degree
                    + " equal blocks (one per neighbour)");
        }
        return total / degree;
    }

    /** The datatype a whole segment's contents have. */
    static Datatype inferred(MemorySegment seg) {
        return CollectiveMessage.inferred(seg);
    }

    // ---- memory: native as it is, heap staged -------------------------------------------------

    /** A native copy of heap memory ({@code copyIn}: holding its bytes), or null for native memory. */
    static Staged stage(MemorySegment seg, long bytes, boolean copyIn) {
        return CollectiveMessage.stageNb(seg, bytes, copyIn);
    }

    /** What to give MPI for {@code seg}: its staged copy or itself. */
    static MemorySegment arg(MemorySegment seg, Staged st) {
        return CollectiveMessage.arg(seg, st);
    }

    /** Finishes a blocking call: copies the staged receive back if it succeeded, releases, checks. */
    static void done(int rc, String function, Staged send, Staged recv) {
        if (send != null) {
            send.release();
        }
        if (recv != null) {
            if (rc == SUCCESS) {
                recv.copyBackAndRelease();
            } else {
                recv.release();
            }
        }
        Errors.check(rc, function);
    }

    /**
     * Wraps a started nonblocking call whose request handle is in {@code s.handle0}, or releases its
     * staging memory and throws if it did not start. {@code keepAlive}: what MPI reads until completion.
     */
    static Request started(int rc, String function, Scratch s, Object keepAlive, Staged send, Staged recv) {
        return CollectiveMessage.started(rc, function, s, keepAlive, send, recv, null);
    }
}
