package org.mpi4j;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.mpi4j.ffi.mpi_h;
import org.mpi4j.internal.Downcalls;
import org.mpi4j.internal.OpenMpiAbi;
import org.mpi4j.internal.Scratch;
import org.mpi4j.internal.VirtualWait;

/**
 * A nonblocking object operation ({@link Comm#isendObject}, {@link Comm#irecvObject}, ...): one or
 * more MPI requests that complete to an object, as mpi4py's {@code req.wait()} returns the
 * received object.
 *
 * <p>A receive needs no size bound: it matches the message when first tested or waited for
 * ({@code MPI_Improbe}/{@code MPI_Mprobe}), receives it with its exact size and then its
 * out-of-band parts. Until complete, the request keeps its native buffers alive; a send of large
 * arrays copies and posts their chunks as earlier ones complete (see {@link Comm#isendObject}).
 * Not for use by several threads at once.
 *
 * <p>Sets of them complete as MPI's request sets do: {@link #waitAll}, {@link #waitAny},
 * {@link #testAll}, {@link #testAny}, {@link #testSome}, and {@link #waitAll(Request[],
 * ObjectRequest[])} mixes them with buffer {@link Request}s. As with MPI, a request that
 * {@code waitAny}/{@code testAny}/{@code testSome} has reported is inactive for them afterwards.
 *
 * @param <T> the type of the received object ({@link Void} for sends)
 */
public final class ObjectRequest<T> {
    private enum State { PROBE, PARTS, DONE }

    private State state;
    private Request[] requests;
    private T value;
    private RuntimeException failure;
    /** A send's out-of-band messages not all posted yet (null when every one was posted at once). */
    private final LazySend lazy;

    // receives only
    private final Comm comm;
    private final int source;
    private final int tag;
    private ObjectFrame frame;
    private Object[] parts;
    private MemorySegment[] staged;
    private int matchedSource;
    private int matchedTag;
    private long bytes;
    /** Reported complete by waitAny/testAny/testSome: inactive for them from then on. */
    private boolean reported;
    private boolean cancelled;

    private ObjectRequest(Comm comm, int source, int tag, State state, Request[] requests, LazySend lazy) {
        this.comm = comm;
        this.lazy = lazy;
        this.source = source;
        this.tag = tag;
        this.state = state;
        this.requests = requests;
    }

    static ObjectRequest<Void> forSend(Request[] requests, LazySend lazy) {
        return new ObjectRequest<>(null, 0, 0, State.PARTS, requests, lazy);
    }

    static <T> ObjectRequest<T> forRecv(Comm comm, int source, int tag) {
        ObjectRequest<T> r = new ObjectRequest<>(comm, source, tag, State.PROBE, new Request[0], null);
        PENDING.get().add(r);
        return r;
    }

    /** A receive of a message already matched by {@code MPI_Mprobe} (see {@link ObjectMessage#irecv()}). */
    static <T> ObjectRequest<T> forMatched(Comm comm, MemorySegment message, MemorySegment probedStatus) {
        ObjectRequest<T> r = new ObjectRequest<>(comm, 0, 0, State.PROBE, new Request[0], null);
        r.matched(message, probedStatus);
        return r;
    }

    /**
     * Waits for completion.
     *
     * @return the received object (null for sends)
     * @throws SerializationException if the received payload cannot be deserialized
     */
    public T waitFor() {
        return waitFor(null);
    }

    /** Waits for completion, filling {@code status} (source, tag, total bytes); it may be null. */
    public T waitFor(Status status) {
        if (state == State.PROBE) {
            if (PENDING.get().size() == 1 && source != MPI.PROC_NULL) {
                // the only receive waiting to be matched: block in MPI
                Scratch s = Scratch.get();
                Errors.check(Downcalls.mprobe(source, tag, comm.handle(), s.handle0, s.status), "MPI_Mprobe");
                matched(s.handle0(), s.status);
            } else {
                for (int i = 0; state == State.PROBE; i++) {
                    progressPending();
                    pause(i);
                }
            }
        }
        if (state == State.PARTS) {
            if (PENDING.get().isEmpty()) {
                for (Request r : requests) {
                    r.waitFor();
                }
                if (lazy != null) {
                    lazy.waitFor();
                }
            } else {
                // other receives of this thread wait to be matched: keep matching them, or their
                // senders (blocked on their parts) could wait for us while we wait for them
                for (int i = 0; !partsDone(); i++) {
                    progressPending();
                    pause(i);
                }
            }
            finish();
        }
        return result(status);
    }

    /** Between two polls: spin on a platform thread; yield and park on a virtual one (its carrier is shared). */
    private static void pause(int attempt) {
        if (VirtualWait.applies()) {
            VirtualWait.backOff(attempt);
        } else {
            Thread.onSpinWait();
        }
    }

    private boolean partsDone() {
        for (Request r : requests) {
            if (!r.isComplete() && !r.test()) {
                return false;
            }
        }
        return lazy == null || lazy.test();
    }

    // ---- progress of receives not yet matched --------------------------------------------------
    // A receive is matched lazily (its size is unknown until then), so MPI cannot progress it on its
    // own; every object wait of the thread matches the pending ones, oldest first.

    private static final ThreadLocal<java.util.ArrayList<ObjectRequest<?>>> PENDING =
            ThreadLocal.withInitial(java.util.ArrayList::new);

    /** Whether this thread has object receives waiting to be matched. */
    static boolean anyPending() {
        return !PENDING.get().isEmpty();
    }

    /** Tries to match every pending receive of this thread, in the order they were started. */
    static void progressPending() {
        java.util.ArrayList<ObjectRequest<?>> list = PENDING.get();
        if (list.isEmpty()) {
            return;
        }
        for (Object o : list.toArray()) {
            ((ObjectRequest<?>) o).tryMatch();
        }
    }

    private boolean tryMatch() {
        if (state != State.PROBE) {
            return true;
        }
        if (source == MPI.PROC_NULL) {
            completeProcNull();
            return true;
        }
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Improbe(source, tag, comm.handle(), s.int0, s.handle0, s.status), "MPI_Improbe");
        if (s.int0() == 0) {
            return false;
        }
        matched(s.handle0(), s.status);
        return true;
    }

    /** Whether the operation has completed, without blocking; on true, {@link #get()} has the object. */
    public boolean test() {
        return test(null);
    }

    /** {@link #test()}, filling {@code status} (which may be null) when it returns true. */
    public boolean test(Status status) {
        if (state == State.PROBE) {
            progressPending();
            if (state == State.PROBE) {
                return false;
            }
        }
        if (state == State.PARTS) {
            if (!partsDone()) {
                return false;
            }
            finish();
        }
        result(status);
        return true;
    }

    /** Whether the operation has completed. */
    public boolean isComplete() {
        return state == State.DONE;
    }

    /**
     * Cancels a receive that has not matched a message yet (call it from the thread that started
     * it); it completes at once to null, and {@link #isCancelled()} says so. A receive that has
     * matched its message, and a send, run to completion as they are: MPI cannot take back a message
     * whose first part has been delivered.
     *
     * @return whether the operation was cancelled
     */
    public boolean cancel() {
        if (state != State.PROBE) {
            return cancelled;
        }
        PENDING.get().remove(this);
        matchedSource = MPI.ANY_SOURCE;
        matchedTag = MPI.ANY_TAG;
        cancelled = true;
        state = State.DONE;
        return true;
    }

    /** Whether {@link #cancel()} cancelled this operation. */
    public boolean isCancelled() {
        return cancelled;
    }

    /** Whether a set operation has reported this request complete already. */
    boolean isReported() {
        return reported;
    }

    void markReported() {
        reported = true;
    }

    // ---- sets of requests: see ObjectRequests --------------------------------------------------

    /**
     * Waits for all of {@code requests}, as {@code MPI_Waitall}; every one completes before the
     * first failure (a {@link SerializationException}, an {@link MpiException}) is rethrown.
     *
     * @return their objects, in order (null for sends)
     */
    public static java.util.List<Object> waitAll(ObjectRequest<?>... requests) {
        return ObjectRequests.waitAll(requests, null);
    }

    /** {@link #waitAll(ObjectRequest...)}, filling {@code statuses[i]} (it and its elements may be null). */
    public static java.util.List<Object> waitAll(ObjectRequest<?>[] requests, Status[] statuses) {
        return ObjectRequests.waitAll(requests, statuses);
    }

    /** Waits for every buffer request and every object request: both kinds progress together. */
    public static void waitAll(Request[] requests, ObjectRequest<?>[] objectRequests) {
        ObjectRequests.waitAll(requests, objectRequests);
    }

    /** Whether all of {@code requests} have completed ({@code MPI_Testall}); completes those that have. */
    public static boolean testAll(ObjectRequest<?>... requests) {
        return ObjectRequests.testAll(requests);
    }

    /**
     * Waits until one of {@code requests} not yet reported completes ({@code MPI_Waitany}).
     *
     * @param status filled for it; may be null
     * @return its index, or {@link MPI#UNDEFINED} if every one has been reported already
     */
    public static int waitAny(ObjectRequest<?>[] requests, Status status) {
        return ObjectRequests.waitAny(requests, status);
    }

    /**
     * {@link #waitAny} without waiting ({@code MPI_Testany}).
     *
     * @return the index, -1 if none has completed yet, or {@link MPI#UNDEFINED} if none is active
     */
    public static int testAny(ObjectRequest<?>[] requests, Status status) {
        return ObjectRequests.testAny(requests, status);
    }

    /**
     * Completes those of {@code requests} (not yet reported) that have completed ({@code MPI_Testsome}).
     *
     * @param indices receives their indices (as long as {@code requests})
     * @return how many, or {@link MPI#UNDEFINED} if none is active
     */
    public static int testSome(ObjectRequest<?>[] requests, int[] indices) {
        return ObjectRequests.testSome(requests, indices);
    }

    /** Cancels every request of {@code requests} that can be ({@link #cancel()}); returns how many were. */
    public static int cancelAll(ObjectRequest<?>... requests) {
        Errors.checkNotNull(requests, "requests");
        int n = 0;
        for (ObjectRequest<?> r : requests) {
            n += Errors.checkNotNull(r, "request").cancel() ? 1 : 0;
        }
        return n;
    }

    /**
     * The received object of a completed operation.
     *
     * @throws IllegalStateException if it has not completed yet
     */
    public T get() {
        if (state != State.DONE) {
            throw new IllegalStateException("the operation has not completed; call waitFor() or test()");
        }
        return result(null);
    }

    private T result(Status status) {
        if (failure != null) {
            throw failure;
        }
        if (status != null && comm != null) {
            ObjectTransport.fillStatus(status, matchedSource, matchedTag, bytes);
        }
        return value;
    }

    private void completeProcNull() {
        PENDING.get().remove(this);
        matchedSource = MPI.PROC_NULL;
        matchedTag = MPI.ANY_TAG;
        state = State.DONE;
    }

    /**
     * Out-of-band parts adding up to at least this many bytes (64 MiB) are received when the frame is
     * matched, into their arrays, rather than staged natively until completion (which doubled the
     * memory a large object needs on the receiving side).
     */
    static final long IN_PLACE_PARTS = 64L << 20;

    /** The frame is matched: receive it now (its size is known) and post the receives of its parts. */
    private void matched(MemorySegment msg, MemorySegment probed) {
        PENDING.get().remove(this);
        MemorySegment c = comm.handle();
        matchedSource = OpenMpiAbi.statusSource(probed);
        matchedTag = OpenMpiAbi.statusTag(probed);
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Get_count(probed, Datatype.BYTE.handle(), s.int1), "MPI_Get_count");
        int count = s.int1();
        if (matchedSource == MPI.PROC_NULL) {
            s.handle0.set(java.lang.foreign.ValueLayout.ADDRESS, 0, msg);
            Errors.check(mpi_h.MPI_Mrecv(MemorySegment.NULL, 0, Datatype.BYTE.handle(), s.handle0,
                    mpi_h.MPI_STATUS_IGNORE()), "MPI_Mrecv");
            matchedTag = MPI.ANY_TAG;
            state = State.DONE;
            return;
        }
        ObjectFrame f = ObjectFrame.obtain();
        try {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment buf = arena.allocate(Math.max(1, count));
                MemorySegment ref = arena.allocate(java.lang.foreign.ValueLayout.ADDRESS);
                ref.set(java.lang.foreign.ValueLayout.ADDRESS, 0, msg);
                Errors.check(mpi_h.MPI_Mrecv(buf, count, Datatype.BYTE.handle(), ref, mpi_h.MPI_STATUS_IGNORE()),
                        "MPI_Mrecv");
                MemorySegment.copy(buf, 0, MemorySegment.ofArray(f.frameBuffer(count)), 0, count);
            }
            bytes = count;
            int n = f.parse(count, matchedSource, matchedTag);
            long outOfBand = 0;
            for (int i = 0; i < n; i++) {
                outOfBand += f.partBytes(i);
            }
            if (outOfBand >= IN_PLACE_PARTS) {
                // large parts: straight into their arrays now, chunk by chunk, as a blocking receive
                // takes them (the sender sent them right after the frame, so they are on their way),
                // instead of native staging as large as they are and a copy at completion
                for (int i = 0; i < n; i++) {
                    bytes += ObjectTransport.receivePart(f, i, matchedSource, matchedTag, c);
                }
                parts = new Object[0];
                staged = new MemorySegment[0];
                requests = new Request[0];
                frame = f;
                f = null;
                state = State.PARTS;
                return;
            }
            Object[] p = new Object[n];
            try {
                for (int i = 0; i < n; i++) {
                    p[i] = f.allocatePart(i);
                }
            } catch (RuntimeException | OutOfMemoryError e) {
                // the parts are on their way: take them into nothing, or they would wait for ever
                ObjectTransport.drainParts(f, matchedSource, matchedTag, c, e);
                throw e;
            }
            parts = p;
            staged = new MemorySegment[parts.length];
            requests = ObjectTransport.postPartReceives(c, parts, staged, matchedSource, matchedTag);
            for (MemorySegment m : staged) {
                bytes += m.byteSize();
            }
            frame = f;
            f = null;
            state = State.PARTS;
        } catch (RuntimeException e) {
            failure = e;
            state = State.DONE;
        } finally {
            if (f != null) {
                f.release();
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void finish() {
        state = State.DONE;
        requests = null;
        if (frame == null) {
            // a send
            if (lazy != null) {
                failure = lazy.failure();
            }
            return;
        }
        try {
            for (int i = 0; i < parts.length; i++) {
                if (!(parts[i] instanceof MemorySegment)) {
                    MemorySegment.copy(staged[i], 0, ObjectFrame.segmentOf(parts[i]), 0, staged[i].byteSize());
                }
            }
            value = (T) frame.decode(matchedSource, matchedTag);
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            frame.release();
            frame = null;
            parts = null;
            staged = null;
        }
    }

    @Override
    public String toString() {
        return "ObjectRequest[" + state.name().toLowerCase() + "]";
    }
}
