package org.mpi4j;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.mpi4j.ffi.mpi_h;
import org.mpi4j.internal.Downcalls;
import org.mpi4j.internal.Scratch;
import org.mpi4j.internal.Staged;

/**
 * The collective family's message converter (mpi4py's {@code _p_msg_cco}): what the collectives
 * of {@link Comm} and {@link Intracomm} share to check their buffers against counts and datatypes
 * once, and to decide once how memory reaches MPI. Blocking calls stage small heap buffers through
 * this thread's two staging slots (0 send, 1 receive) and pass larger ones to critical downcalls;
 * nonblocking calls stage heap buffers in native memory that the {@link Request} owns until it
 * completes, and copy received data back then.
 */
final class CollectiveMessage {
    private CollectiveMessage() {
    }

    static final MemorySegment IN_PLACE = mpi_h.MPI_IN_PLACE();

    static final int SUCCESS = mpi_h.MPI_SUCCESS();

    /** The bytes (buffer, count, type) spans, refusing counts beyond MPI's int. */
    static long span(MemorySegment seg, long count, Datatype type) {
        long bytes = Buffers.span(seg, count, type);
        if (count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("count " + count + " exceeds 2^31-1 (use a larger datatype)");
        }
        return bytes;
    }

    static long recvSpan(MemorySegment seg, long count, Datatype type) {
        long bytes = span(seg, count, type);
        Buffers.checkWritable(seg);
        return bytes;
    }

    static int[] packedDispls(int[] counts) {
        Errors.checkNotNull(counts, "counts");
        int[] d = new int[counts.length];
        long at = 0;
        for (int i = 0; i < counts.length; i++) {
            if (at > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("counts: the packed displacement of entry " + i + " is " + at
                        + ", above 2^31-1 (MPI displacements are ints; use a larger datatype)");
            }
            d[i] = (int) at;
            at += counts[i];
        }
        return d;
    }

    static int sum(int[] counts) {
        long s = 0;
        for (int c : Errors.checkNotNull(counts, "counts")) {
            s += c;
        }
        if (s > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("counts add up to " + s + ", above 2^31-1 (MPI counts are ints; use"
                    + " a larger datatype)");
        }
        return (int) s;
    }

    static Datatype inferred(MemorySegment seg) {
        return Buffers.typeOf(Errors.checkNotNull(seg, "buffer"));
    }

    static void checkOp(Op op) {
        Errors.checkNotNull(op, "operation");
    }

    static void opDone(Op op) {
        if (op.isUserDefined()) {
            op.rethrowFailure();
        }
    }

    static MemorySegment sendArg(MemorySegment seg, long bytes) {
        return Buffers.stages(seg, bytes) ? Buffers.stage(0, seg, bytes, true) : seg;
    }

    static MemorySegment recvArg(MemorySegment seg, long bytes, boolean copyIn) {
        return Buffers.stages(seg, bytes) ? Buffers.stage(1, seg, bytes, copyIn) : seg;
    }

    static void recvDone(MemorySegment arg, MemorySegment seg, long bytes) {
        if (arg != seg) {
            Buffers.unstage(arg, seg, bytes);
        }
    }

    /** Whether a receive through {@code type} may leave bytes of the buffer untouched. */
    /**
     * Whether blocks of {@code counts[i]} elements at {@code displs[i]} leave parts of the receive
     * buffer unwritten (gaps, or any order but the packed one): then a staged receive copies the
     * buffer in first, so that the copy back leaves those parts as they were, as MPI does.
     */
    static boolean leavesGaps(int[] counts, int[] displs) {
        long at = 0;
        for (int i = 0; i < counts.length; i++) {
            if (displs[i] != at) {
                return true;
            }
            at += counts[i];
        }
        return false;
    }

    /**
     * Refuses send and receive buffers that share memory: MPI forbids it (Open MPI reports only
     * "invalid buffer pointer", or the data arrives wrong). The way to reuse one buffer is
     * {@code MPI_IN_PLACE}: the {@code ...InPlace} methods of {@link Intracomm}.
     */
    static void noAlias(MemorySegment send, long sendBytes, MemorySegment recv, long recvBytes) {
        if (Buffers.overlap(send, sendBytes, recv, recvBytes)) {
            throw new IllegalArgumentException("the send and receive buffers overlap (MPI forbids aliased buffers);"
                    + " to use one buffer for both, call the in-place form (MPI_IN_PLACE), e.g."
                    + " Intracomm.allreduceInPlace");
        }
    }

    static boolean holes(Datatype type) {
        return !type.isPredefined();
    }

    static Staged stageNb(MemorySegment seg, long bytes, boolean copyIn) {
        return seg == null || seg.isNative() ? null : Staged.of(seg, bytes, copyIn);
    }

    static MemorySegment arg(MemorySegment seg, Staged st) {
        return st != null ? st.segment() : seg == null ? MemorySegment.NULL : seg;
    }

    /** Wraps a started operation, or releases its staging memory and throws if it did not start. */
    static Request started(int rc, String function, Scratch s, Object keepAlive, Staged send, Staged recv,
            Op op) {
        if (rc != SUCCESS) {
            if (send != null) {
                send.release();
            }
            if (recv != null) {
                recv.release();
            }
            Errors.check(rc, function);
        }
        // until it completes, MPI may call a Java op from inside any other call: no critical downcalls
        boolean userOp = op != null && Downcalls.userOpStarted(op.isUserDefined());
        Runnable done = null;
        if (send != null || recv != null || userOp) {
            done = () -> {
                Downcalls.userOpDone(userOp);
                if (send != null) {
                    send.release();
                }
                if (recv != null) {
                    recv.copyBackAndRelease();
                }
                if (op != null) {
                    opDone(op);
                }
            };
        }
        return new Request(s.handle0(), false, keepAlive, done);
    }

    static MemorySegment typeHandle(Datatype type) {
        return type == null ? Datatype.NULL.rawHandle() : type.handle();
    }

    /**
     * Per-thread native memory for the send and receive side of reductions of small whole arrays:
     * the shortest path from a Java array to MPI (two copies, no segment wrappers or re-checks).
     */
    static final int SMALL_BYTES = 256;

    static final ThreadLocal<MemorySegment[]> SMALL = ThreadLocal.withInitial(() -> {
        MemorySegment m = Arena.ofAuto().allocate(2L * SMALL_BYTES, 64);
        return new MemorySegment[] {m.asSlice(0, SMALL_BYTES), m.asSlice(SMALL_BYTES, SMALL_BYTES)};
    });
}
