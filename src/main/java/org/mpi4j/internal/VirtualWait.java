package org.mpi4j.internal;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.locks.LockSupport;
import org.mpi4j.ffi.mpi_h;

/**
 * Blocking point-to-point calls made on a virtual thread: the nonblocking call, then
 * {@code MPI_Test} polls that yield and park in between, as {@code Request.waitFor} does. A virtual
 * thread blocked inside {@code MPI_Recv} would hold its carrier, and with one carrier per core
 * (each rank bound to one core) 1,000 virtual threads deadlock as soon as one waits for a message
 * that another, unscheduled virtual thread of the same process has still to send.
 *
 * <p>Heap memory is staged in native memory for the duration of the operation (a Java array may
 * move while the thread is parked), and copied back into receive buffers after completion.
 */
public final class VirtualWait {
    private VirtualWait() {
    }

    private static final long STATUS = OpenMpiAbi.statusSize();

    /** Whether the calling thread is virtual: then blocking calls go through this class. */
    public static boolean applies() {
        return Thread.currentThread().isVirtual();
    }

    /** Between two polls: yield at first, then park for growing intervals up to 1 ms. */
    public static void backOff(int attempt) {
        if (attempt < 100) {
            Thread.yield();
        } else {
            LockSupport.parkNanos(Math.min(1_000_000L, 1_000L << Math.min(10, (attempt - 100) / 50)));
        }
    }

    /** Native memory standing in for {@code buf} (itself when native); null when {@code buf} is. */
    private static Staged stage(MemorySegment buf) {
        return buf == null || Downcalls.isNative(buf) ? null : Staged.of(buf, buf.byteSize(), true);
    }

    private static MemorySegment nat(MemorySegment buf, Staged st) {
        return st == null ? buf : st.segment();
    }

    private static void release(Staged st, boolean copyBack) {
        if (st != null) {
            if (copyBack && !st.heapReadOnly()) {
                st.copyBack(st.byteSize());
            }
            st.release();
        }
    }

    /**
     * Polls {@code n} requests at {@code requests} until all complete ({@code MPI_Testall}); the
     * first one's status goes to {@code status} unless it is ignored. Returns the error of the first
     * failed request, as the blocking call would.
     */
    private static int waitAll(Arena arena, int n, MemorySegment requests, MemorySegment status) {
        MemorySegment flag = arena.allocate(ValueLayout.JAVA_INT);
        MemorySegment statuses = arena.allocate(STATUS * n, 8);
        for (int i = 0; ; i++) {
            int rc = mpi_h.MPI_Testall(n, requests, flag, statuses);
            if (rc == mpi_h.MPI_ERR_IN_STATUS()) {
                for (int k = 0; k < n; k++) {
                    int err = OpenMpiAbi.statusError(statuses.asSlice(k * STATUS, STATUS));
                    if (err != mpi_h.MPI_SUCCESS()) {
                        rc = err;
                        break;
                    }
                }
            }
            if (rc != mpi_h.MPI_SUCCESS() || flag.get(ValueLayout.JAVA_INT, 0) != 0) {
                if (!isIgnore(status)) {
                    MemorySegment.copy(statuses, 0, status, 0, STATUS);
                }
                return rc;
            }
            backOff(i);
        }
    }

    /** A blocking send in {@code mode} (the {@link Downcalls} send modes). */
    public static int send(int mode, MemorySegment buf, int count, MemorySegment type, int dest, int tag,
            MemorySegment comm) {
        Staged st = stage(buf);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment req = arena.allocate(ValueLayout.ADDRESS);
            MemorySegment b = nat(buf, st);
            int rc = switch (mode) {
                case Downcalls.STANDARD -> mpi_h.MPI_Isend(b, count, type, dest, tag, comm, req);
                case Downcalls.BUFFERED -> mpi_h.MPI_Ibsend(b, count, type, dest, tag, comm, req);
                case Downcalls.SYNCHRONOUS -> mpi_h.MPI_Issend(b, count, type, dest, tag, comm, req);
                default -> mpi_h.MPI_Irsend(b, count, type, dest, tag, comm, req);
            };
            if (rc != mpi_h.MPI_SUCCESS()) {
                return rc;
            }
            return waitAll(arena, 1, req, null);
        } finally {
            release(st, false);
        }
    }

    /** Posts a nonblocking receive into {@code buf}, leaving its request at {@code req}. */
    private interface Post {
        int post(MemorySegment buf, MemorySegment req);
    }

    /** A receive into {@code buf} (staged if on the heap) that {@code post} starts, then polled. */
    private static int receive(MemorySegment buf, MemorySegment status, Post post) {
        Staged st = stage(buf);
        boolean ok = false;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment req = arena.allocate(ValueLayout.ADDRESS);
            int rc = post.post(nat(buf, st), req);
            if (rc == mpi_h.MPI_SUCCESS()) {
                rc = waitAll(arena, 1, req, status);
            }
            ok = rc == mpi_h.MPI_SUCCESS();
            return rc;
        } finally {
            release(st, ok);
        }
    }

    /** {@code MPI_Recv}. */
    public static int recv(MemorySegment buf, int count, MemorySegment type, int source, int tag, MemorySegment comm,
            MemorySegment status) {
        return receive(buf, status, (b, req) -> mpi_h.MPI_Irecv(b, count, type, source, tag, comm, req));
    }

    /** {@code MPI_Mrecv} of the message whose handle {@code message} points to. */
    public static int mrecv(MemorySegment buf, int count, MemorySegment type, MemorySegment message,
            MemorySegment status) {
        return receive(buf, status, (b, req) -> mpi_h.MPI_Imrecv(b, count, type, message, req));
    }

    /** {@code MPI_Sendrecv}: the receive and the send posted together, then polled. */
    public static int sendrecv(MemorySegment sbuf, int scount, MemorySegment stype, int dest, int stag,
            MemorySegment rbuf, int rcount, MemorySegment rtype, int source, int rtag, MemorySegment comm,
            MemorySegment status) {
        Staged ss = stage(sbuf);
        Staged rs = stage(rbuf);
        boolean ok = false;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment reqs = arena.allocate(ValueLayout.ADDRESS, 2);
            int rc = mpi_h.MPI_Irecv(nat(rbuf, rs), rcount, rtype, source, rtag, comm, reqs);
            if (rc != mpi_h.MPI_SUCCESS()) {
                return rc;
            }
            rc = mpi_h.MPI_Isend(nat(sbuf, ss), scount, stype, dest, stag, comm, reqs.asSlice(ValueLayout.ADDRESS.byteSize()));
            if (rc != mpi_h.MPI_SUCCESS()) {
                // the receive is posted: cancel it and let it complete before its buffer goes
                mpi_h.MPI_Cancel(reqs);
                waitAll(arena, 1, reqs, null);
                return rc;
            }
            rc = waitAll(arena, 2, reqs, status);
            ok = rc == mpi_h.MPI_SUCCESS();
            return rc;
        } finally {
            release(ss, false);
            release(rs, ok);
        }
    }

    /** {@code MPI_Sendrecv_replace}: the send goes from a copy, the receive into the buffer. */
    public static int sendrecvReplace(MemorySegment buf, int count, MemorySegment type, int dest, int stag,
            int source, int rtag, MemorySegment comm, MemorySegment status) {
        Staged copy = Staged.of(buf, buf.byteSize(), true);
        try {
            return sendrecv(copy.segment(), count, type, dest, stag, buf, count, type, source, rtag, comm, status);
        } finally {
            copy.release();
        }
    }

    /** {@code MPI_Probe}: {@code MPI_Iprobe} polls. */
    public static int probe(int source, int tag, MemorySegment comm, MemorySegment status) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment flag = arena.allocate(ValueLayout.JAVA_INT);
            for (int i = 0; ; i++) {
                int rc = mpi_h.MPI_Iprobe(source, tag, comm, flag, status);
                if (rc != mpi_h.MPI_SUCCESS() || flag.get(ValueLayout.JAVA_INT, 0) != 0) {
                    return rc;
                }
                backOff(i);
            }
        }
    }

    /** {@code MPI_Barrier}: {@code MPI_Ibarrier}, then polls. */
    public static int barrier(MemorySegment comm) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment req = arena.allocate(ValueLayout.ADDRESS);
            int rc = mpi_h.MPI_Ibarrier(comm, req);
            return rc != mpi_h.MPI_SUCCESS() ? rc : waitAll(arena, 1, req, null);
        }
    }

    /**
     * A blocking collective: its nonblocking form {@code nonblocking} ({@code MPI_Ibcast} for
     * {@code MPI_Bcast}, same arguments plus the request) with {@code args}, then polls. Heap
     * segments among the arguments are staged in native memory for the duration and copied back
     * (unless read-only) once the collective succeeded.
     */
    public static int collective(java.lang.invoke.MethodHandle nonblocking, Object... args) {
        Object[] full = java.util.Arrays.copyOf(args, args.length + 1);
        Staged[] staged = new Staged[full.length];
        try (Arena arena = Arena.ofConfined()) {
            Downcalls.stageHeapArgs(full, staged);
            MemorySegment req = arena.allocate(ValueLayout.ADDRESS);
            full[args.length] = req;
            int rc = (int) nonblocking.invokeWithArguments(full);
            if (rc == mpi_h.MPI_SUCCESS()) {
                rc = waitAll(arena, 1, req, null);
            }
            if (rc == mpi_h.MPI_SUCCESS()) {
                Downcalls.copyBack(staged);
            }
            return rc;
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        } finally {
            Downcalls.release(staged);
        }
    }

    /** {@code MPI_Mprobe}: {@code MPI_Improbe} polls. */
    public static int mprobe(int source, int tag, MemorySegment comm, MemorySegment message, MemorySegment status) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment flag = arena.allocate(ValueLayout.JAVA_INT);
            for (int i = 0; ; i++) {
                int rc = mpi_h.MPI_Improbe(source, tag, comm, flag, message, status);
                if (rc != mpi_h.MPI_SUCCESS() || flag.get(ValueLayout.JAVA_INT, 0) != 0) {
                    return rc;
                }
                backOff(i);
            }
        }
    }

    private static boolean isIgnore(MemorySegment status) {
        return status == null || status.address() == mpi_h.MPI_STATUS_IGNORE().address();
    }
}
