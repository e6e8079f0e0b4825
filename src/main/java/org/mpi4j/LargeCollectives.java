package org.mpi4j;

import static org.mpi4j.CollectiveMessage.IN_PLACE;

import java.lang.foreign.MemorySegment;
import org.mpi4j.ffi.mpi_h;
import org.mpi4j.internal.CollectiveDowncalls;

/**
 * Blocking collectives of more than 2^31-1 elements, which MPI-3.1's {@code int} counts cannot
 * name (mpi4py emulates them the same way before MPI-4's {@code _c} functions). A broadcast sends
 * one element of a derived datatype that holds all of them (the BigMPI approach:
 * {@link Buffers#largeType}); a reduction runs in chunks of 2^30 elements, because MPI's predefined
 * operations apply to predefined datatypes only, and chunks of an element-wise reduction give the
 * same result. The buffers must be native memory: a Java array that large cannot be staged
 * cheaply and would hold off the garbage collector for the whole call.
 */
final class LargeCollectives {
    private LargeCollectives() {
    }

    /** Elements per reduction call, and per block of the broadcast's derived datatype. */
    static final int CHUNK = 1 << 30;

    static boolean isLarge(long count) {
        return count > Integer.MAX_VALUE;
    }

    /** Checks that a buffer (not null or {@code MPI_IN_PLACE}) holds {@code count} elements, overflow-safe. */
    private static void checkSpan(MemorySegment seg, long count, Datatype type) {
        if (seg != null && seg != CollectiveMessage.IN_PLACE) {
            Buffers.span(seg, count, type);
        }
    }

    private static void requireNative(MemorySegment seg, long count) {
        if (seg != null && seg != IN_PLACE && !seg.isNative()) {
            throw new IllegalArgumentException("a collective of " + count + " elements (above 2^31-1) needs native"
                    + " memory: allocate the buffer from an Arena or with MPI.allocMem");
        }
    }

    /** {@code MPI_Bcast} of {@code count} elements as one element of a derived datatype. */
    static void bcast(Comm comm, MemorySegment buf, long count, Datatype type, int root) {
        bcast(comm, buf, count, type, root, CHUNK);
    }

    /** {@link #bcast}, the derived datatype made of blocks of {@code chunk} elements (tests use small ones). */
    static void bcast(Comm comm, MemorySegment buf, long count, Datatype type, int root, int chunk) {
        comm.checkRoot(root);
        // a count whose span overflows is refused for that first, whatever the memory
        Errors.checkNotNull(type, "datatype").bytesFor(count);
        requireNative(Errors.checkNotNull(buf, "buffer"), count);
        Buffers.span(buf, count, type);
        if (!comm.isRoot(root)) {
            Buffers.checkWritable(buf);
        }
        MemorySegment big = Buffers.largeType(count, type.handle(), type.extent(), chunk);
        int rc;
        try {
            rc = CollectiveDowncalls.bcast(buf, 1, big, root, comm.handle());
        } finally {
            Buffers.releaseType(big, type);
        }
        Errors.check(rc, "MPI_Bcast");
    }

    /** {@code MPI_Reduce} of {@code count} elements, in chunks (the root's {@code recvBuf} only matters there). */
    static void reduce(Comm comm, MemorySegment sendBuf, MemorySegment recvBuf, long count, Datatype type, Op op,
            int root) {
        reduce(comm, sendBuf, recvBuf, count, type, op, root, CHUNK);
    }

    /** {@link #reduce} in calls of {@code chunk} elements. */
    static void reduce(Comm comm, MemorySegment sendBuf, MemorySegment recvBuf, long count, Datatype type, Op op,
            int root, int chunk) {
        boolean isRoot = comm.isRoot(comm.checkRoot(root));
        Errors.checkNotNull(type, "datatype").bytesFor(count);
        requireNative(sendBuf, count);
        requireNative(isRoot ? recvBuf : null, count);
        checkSpan(sendBuf, count, type);
        checkSpan(isRoot ? recvBuf : null, count, type);
        long extent = type.extent();
        for (long done = 0; done < count; done += chunk) {
            long n = Math.min(chunk, count - done);
            comm.reduce(chunk(sendBuf, done, extent), isRoot ? chunk(recvBuf, done, extent) : recvBuf, n, type, op,
                    root);
        }
    }

    /** {@code MPI_Allreduce} of {@code count} elements, in chunks. */
    static void allreduce(Comm comm, MemorySegment sendBuf, MemorySegment recvBuf, long count, Datatype type, Op op) {
        allreduce(comm, sendBuf, recvBuf, count, type, op, CHUNK);
    }

    /** {@link #allreduce} in calls of {@code chunk} elements. */
    static void allreduce(Comm comm, MemorySegment sendBuf, MemorySegment recvBuf, long count, Datatype type, Op op,
            int chunk) {
        Errors.checkNotNull(type, "datatype").bytesFor(count);
        requireNative(sendBuf, count);
        requireNative(recvBuf, count);
        checkSpan(sendBuf, count, type);
        checkSpan(recvBuf, count, type);
        long extent = type.extent();
        for (long done = 0; done < count; done += chunk) {
            long n = Math.min(chunk, count - done);
            comm.allreduce(chunk(sendBuf, done, extent), chunk(recvBuf, done, extent), n, type, op);
        }
    }

    /** The part of {@code seg} from element {@code from} on ({@code MPI_IN_PLACE} and null stay as they are). */
    private static MemorySegment chunk(MemorySegment seg, long from, long extent) {
        if (seg == null || seg == IN_PLACE) {
            return seg;
        }
        return seg.asSlice(Math.min(seg.byteSize(), from * extent));
    }
}
