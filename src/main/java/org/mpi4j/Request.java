package org.mpi4j;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.mpi4j.ffi.mpi_h;
import org.mpi4j.internal.OpenMpiAbi;
import org.mpi4j.internal.Scratch;
import org.mpi4j.internal.Staged;
import org.mpi4j.internal.VirtualWait;

/**
 * A nonblocking operation in progress ({@code MPI_Request}). Complete it with {@link #waitFor()}
 * or {@link #test()}, or many at once with {@link #waitAll}, {@link #waitAny}, {@link #waitSome},
 * {@link #testAll}, {@link #testAny}, {@link #testSome}; or turn it into a
 * {@link CompletableFuture} with {@link #toCompletableFuture()}.
 *
 * <p>Until the operation completes, its buffers stay reachable through this object, and a Java
 * array is never handed to MPI: a nonblocking call copies it into native memory ("staging"),
 * and the completion copies received data back into the array. So a Java array stays valid and
 * correct across garbage collections; its contents are only up to date once the request has
 * completed.
 *
 * <p>Persistent requests ({@code sendInit}, {@code recvInit}, ...) are started with
 * {@link #start()} or {@link #startAll}, completed as usual, and may be started again; free them
 * when done. A Request object is not thread-safe: complete it from one thread at a time.
 *
 * <p>Waiting on a virtual thread does not pin its carrier: {@link #waitFor} and the static
 * waits poll with {@code MPI_Test*} and yield or park between polls instead of blocking in
 * {@code MPI_Wait*}.
 */
public class Request extends NativeHandle {
    private static final MemorySegment NULL_HANDLE = OpenMpiAbi.predefined("MPI_REQUEST_NULL");
    private static final long STATUS_SIZE = OpenMpiAbi.statusSize();

    /** {@code MPI_REQUEST_NULL}: a request that is already complete. */
    public static final Request NULL = new Request(NULL_HANDLE, true);

    /** Staging kinds: what the staged copy needs at start and completion. */
    static final int STAGE_NONE = 0;
    /** A send: copy the array into native memory at each start. */
    static final int STAGE_SEND = 1;
    /** A receive whose datatype may leave holes: copy in at start, everything back at completion. */
    static final int STAGE_RECV_ALL = 2;
    /** A receive of a contiguous basic type: copy back the received bytes only. */
    static final int STAGE_RECV_RECEIVED = 3;

    /**
     * Buffers of requests freed while active: MPI goes on using them, so they must stay alive
     * (and staging memory allocated) for the rest of the program.
     */
    private static final Queue<Object> ORPHANS = new ConcurrentLinkedQueue<>();

    /** What must stay reachable while the operation runs (user buffers, staging memory). */
    private Object keepAlive;
    /** Run once when the operation completes; null when there is nothing to do. */
    private Runnable onComplete;
    private final boolean persistent;
    /** Native stand-in for a Java array, or null. */
    private Staged staged;
    private int stageKind;
    /** For persistent requests: started and not yet completed. */
    private boolean active;

    private Request(MemorySegment handle, boolean predefined) {
        super(handle, predefined, false);
        this.persistent = false;
    }

    /**
     * Wraps a request MPI has just started.
     *
     * @param handle     the {@code MPI_Request} value
     * @param persistent whether it is a persistent request (it survives completion; it is inactive
     *                   until {@link #start()})
     * @param keepAlive  objects the operation uses, kept reachable until completion
     * @param onComplete run once at completion (copy-back, release), or null; for a persistent
     *                   request, at every completion
     */
    Request(MemorySegment handle, boolean persistent, Object keepAlive, Runnable onComplete) {
        super(handle, false, false);
        this.persistent = persistent;
        this.keepAlive = keepAlive;
        this.onComplete = onComplete;
    }

    /**
     * A request whose buffer is the native stand-in {@code staged} for a Java array; the request
     * copies and releases it as {@code kind} ({@link #STAGE_SEND}, {@link #STAGE_RECV_ALL},
     * {@link #STAGE_RECV_RECEIVED}) says. A nonblocking call has done the initial copy already.
     */
    static Request staged(MemorySegment handle, boolean persistent, Staged staged, int kind) {
        Request r = new Request(handle, persistent, staged, null);
        r.staged = staged;
        r.stageKind = kind;
        return r;
    }

    @Override
    String kind() {
        return "request";
    }

    @Override
    int c2f(MemorySegment h) {
        return mpi_h.MPI_Request_c2f(h);
    }

    /**
     * Wraps a raw {@code MPI_Request} of a nonblocking operation started elsewhere (a native
     * library), to complete it with mpi4j's waits and tests; borrowed (see
     * {@link NativeHandle#isBorrowed()}). The operation's buffers are its starter's to keep alive.
     * {@code MPI_REQUEST_NULL} comes back as {@link #NULL}. MPI cannot check a request handle
     * without changing its own tables, so only the null pointer is refused.
     */
    public static Request fromHandle(MemorySegment handle) {
        return fromForeign(handle, "request", h -> h.equals(NULL_HANDLE) ? NULL : null, null, null,
                h -> new Request(h, false, null, null));
    }

    /** {@code MPI_Request_f2c}, as {@link #fromHandle}; an integer that names no request is refused. */
    public static Request fromFortran(int fortranHandle) {
        return fromFortranHandle(fortranHandle, "request", mpi_h::MPI_Request_f2c, Request::fromHandle);
    }

    @Override
    void release(MemorySegment handleRef) {
        boolean running = isRunning();
        if (!handleRef.get(ValueLayout.ADDRESS, 0).equals(NULL_HANDLE)) {
            Errors.check(mpi_h.MPI_Request_free(handleRef), "MPI_Request_free");
        }
        if (running) {
            // MPI completes a freed operation in the background, at a time nobody can learn
            if (keepAlive != null) {
                ORPHANS.add(keepAlive);
            }
        } else if (staged != null) {
            staged.release();
        }
        staged = null;
        keepAlive = null;
        onComplete = null;
    }

    /** Whether MPI may be working on this request's buffers. */
    private boolean isRunning() {
        MemorySegment h = rawHandle();
        return h != null && (persistent ? active : !h.equals(NULL_HANDLE));
    }

    /**
     * Whether this request is inactive: completed, or {@link #NULL}, or a persistent request not
     * started (or completed since its last start).
     */
    public boolean isComplete() {
        return rawHandle() != null && !isRunning();
    }

    /** Whether this is a persistent request ({@code MPI_Send_init}, {@code MPI_Recv_init}, ...). */
    public boolean isPersistent() {
        return persistent;
    }

    // ---- completion of one request ---------------------------------------------------------------

    /**
     * {@code MPI_Wait}: blocks until the operation completes.
     *
     * @throws IllegalStateException if the request has been freed
     * @throws MpiException          if the operation failed (e.g. {@link ErrorClass#ERR_TRUNCATE})
     */
    public void waitFor() {
        waitFor(null);
    }

    /**
     * {@code MPI_Wait}, filling {@code status} (which may be null). On a virtual thread this polls
     * ({@code MPI_Test}) and yields between polls, so the carrier thread stays free.
     */
    public void waitFor(Status status) {
        MemorySegment h = handle();
        if (Thread.currentThread().isVirtual()) {
            for (int i = 0; !test(status); i++) {
                backOff(i);
            }
            return;
        }
        Scratch s = Scratch.get();
        s.handle1.set(ValueLayout.ADDRESS, 0, h);
        boolean wasRunning = isRunning();
        MpiCallEvent ev = MpiCallEvent.ENABLED ? MpiCallEvent.start() : null;
        int rc = mpi_h.MPI_Wait(s.handle1, s.status);
        if (wasRunning) {
            completed(s.handle1.get(ValueLayout.ADDRESS, 0), s.status);
        }
        Errors.check(rc, "MPI_Wait");
        if (ev != null) {
            ev.done("MPI_Wait", null, MpiCallEvent.NO_PEER, MpiCallEvent.NO_TAG, 0);
        }
        if (status != null) {
            status.fill(s.status);
        }
    }

    /** {@code MPI_Test}: whether the operation has completed, without blocking. */
    public boolean test() {
        return test(null);
    }

    /** {@code MPI_Test}, filling {@code status} (which may be null) when it returns true. */
    public boolean test(Status status) {
        MemorySegment h = handle();
        Scratch s = Scratch.get();
        s.handle1.set(ValueLayout.ADDRESS, 0, h);
        boolean wasRunning = isRunning();
        int rc = mpi_h.MPI_Test(s.handle1, s.int1, s.status);
        boolean done = s.int1() != 0;
        if (done && wasRunning) {
            completed(s.handle1.get(ValueLayout.ADDRESS, 0), s.status);
        }
        Errors.check(rc, "MPI_Test");
        if (done && status != null) {
            status.fill(s.status);
        }
        return done;
    }

    /**
     * {@code MPI_Request_get_status}: whether the operation has completed, without completing the
     * request (it must still be waited for, tested or freed).
     *
     * @param status filled when it returns true; may be null
     */
    public boolean getStatus(Status status) {
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Request_get_status(handle(), s.int1, s.status), "MPI_Request_get_status");
        boolean done = s.int1() != 0;
        if (done && status != null) {
            status.fill(s.status);
        }
        return done;
    }

    /**
     * {@code MPI_Cancel}: asks MPI to cancel the operation; complete it afterwards as usual and ask
     * the status {@link Status#testCancelled()}. A cancelled receive leaves its buffer as it was.
     */
    public void cancel() {
        MemorySegment h = handle();
        if (persistent && !active) {
            // Open MPI 4.1 crashes (SIGSEGV) cancelling a persistent receive that was never started
            throw new IllegalStateException("this persistent request is not active (not started, or completed"
                    + " since): there is nothing to cancel");
        }
        Scratch s = Scratch.get();
        s.handle1.set(ValueLayout.ADDRESS, 0, h);
        Errors.check(mpi_h.MPI_Cancel(s.handle1), "MPI_Cancel");
    }

    /**
     * {@code MPI_Request_free}. Freeing an active request lets the operation finish in the background;
     * as nobody can know when, its buffers then stay allocated for the rest of the program. Freeing a
     * completed or inactive persistent request releases everything.
     */
    @Override
    public void free() {
        super.free();
    }

    /**
     * Records that MPI completed the operation and left {@code newHandle} (the null request, or the
     * same handle for a persistent request), and runs the completion action once.
     */
    final void completed(MemorySegment newHandle) {
        completed(newHandle, null);
    }

    /**
     * {@link #completed(MemorySegment)} with the native status MPI reported (null if unknown): a
     * staged receive copies back what arrived, nothing if it was cancelled.
     */
    final void completed(MemorySegment newHandle, MemorySegment nativeStatus) {
        setHandle(newHandle);
        active = false;
        if (!persistent) {
            released();
        }
        Staged st = staged;
        if (st != null && stageKind >= STAGE_RECV_ALL) {
            boolean cancelled = nativeStatus != null && OpenMpiAbi.statusCancelled(nativeStatus);
            if (nativeStatus != null && OpenMpiAbi.statusError(nativeStatus) == mpi_h.MPI_ERR_TRUNCATE()) {
                st.spoil();
            }
            if (!cancelled) {
                st.copyBack(stageKind == STAGE_RECV_RECEIVED && nativeStatus != null
                        ? OpenMpiAbi.statusBytes(nativeStatus) : st.byteSize());
            }
        }
        Runnable action = onComplete;
        Object kept = keepAlive;
        if (!persistent) {
            onComplete = null;
            keepAlive = null;
            staged = null;
            if (st != null) {
                st.release();
            }
        }
        if (action != null) {
            action.run();
        }
        checkAlive(kept, "completed");
    }

    /**
     * Refuses to let a closed arena go unnoticed: FFM cannot keep a user's arena open while MPI
     * works on its memory, so a request whose buffer's arena was closed before it started or
     * completed reports it (the rule: a nonblocking call's buffer must outlive its request).
     */
    private static void checkAlive(Object kept, String when) {
        if (kept instanceof MemorySegment m && !m.scope().isAlive()) {
            throw new IllegalStateException("the buffer of this request (" + Buffers.describe(m) + ") belongs to an"
                    + " arena that was closed before the request " + when + ": MPI may have used freed memory."
                    + " A nonblocking operation's buffer must stay alive until the request completes");
        }
    }

    /** Whether MPI may still be using this request's buffers (for checks before reuse). */
    final Object keepAlive() {
        return keepAlive;
    }

    // ---- persistent requests -------------------------------------------------------------------

    /**
     * {@code MPI_Start}: starts a persistent request. A staged send copies the array's current
     * contents at this moment.
     *
     * @throws IllegalStateException if this is not a persistent request, or it is already active
     */
    public void start() {
        MemorySegment h = handle();
        beforeStart();
        Scratch s = Scratch.get();
        s.handle1.set(ValueLayout.ADDRESS, 0, h);
        // a persistent send's destination and tag are not at hand: no lazy send may be overtaken
        LazySends.flush(null);
        Errors.check(mpi_h.MPI_Start(s.handle1), "MPI_Start");
        active = true;
    }

    private void beforeStart() {
        if (!persistent) {
            throw new IllegalStateException("only persistent requests can be started");
        }
        if (active) {
            throw new IllegalStateException("persistent request already active");
        }
        checkAlive(keepAlive, "started");
        if (staged != null && stageKind != STAGE_RECV_RECEIVED) {
            staged.copyIn();
        }
    }

    /** {@code MPI_Startall}: starts persistent requests. */
    public static void startAll(Request... requests) {
        Errors.checkNotNull(requests, "requests");
        int n = requests.length;
        Arrays a = Arrays.get(n);
        for (int i = 0; i < n; i++) {
            Request r = Errors.checkNotNull(requests[i], "request");
            a.handles.setAtIndex(ValueLayout.ADDRESS, i, r.handle());
            if (!r.persistent || r.active) {
                throw new IllegalStateException("request " + i + (r.persistent ? " is already active"
                        : " is not persistent"));
            }
        }
        for (Request r : requests) {
            r.beforeStart();
        }
        LazySends.flush(null);
        Errors.check(mpi_h.MPI_Startall(n, a.handles), "MPI_Startall");
        for (Request r : requests) {
            r.active = true;
        }
    }

    // ---- completion of many requests -----------------------------------------------------------

    /** Per-thread native arrays of handles, statuses and indices for the many-request calls. */
    private static final class Arrays {
        private static final ThreadLocal<Arrays> CURRENT = new ThreadLocal<>();
        final int capacity;
        final MemorySegment handles;
        final MemorySegment statuses;
        final MemorySegment indices;
        final boolean[] running;

        private Arrays(int capacity) {
            this.capacity = capacity;
            MemorySegment all = Arena.ofAuto().allocate(capacity * (8 + STATUS_SIZE + 4), 8);
            handles = all.asSlice(0, capacity * 8L);
            statuses = all.asSlice(capacity * 8L, capacity * STATUS_SIZE);
            indices = all.asSlice(capacity * (8 + STATUS_SIZE), capacity * 4L);
            running = new boolean[capacity];
        }

        static Arrays get(int n) {
            Arrays a = CURRENT.get();
            if (a == null || a.capacity < n) {
                a = new Arrays(Math.max(n, a == null ? 16 : 2 * a.capacity));
                CURRENT.set(a);
            }
            return a;
        }

        MemorySegment status(int i) {
            return statuses.asSlice(i * STATUS_SIZE, STATUS_SIZE);
        }
    }

    /** Loads the handles of {@code requests} (checking each) into this thread's native arrays. */
    private static Arrays load(Request[] requests, Status[] statuses) {
        Errors.checkNotNull(requests, "requests");
        if (statuses != null && statuses.length < requests.length) {
            throw new IllegalArgumentException(statuses.length + " statuses for " + requests.length + " requests");
        }
        Arrays a = Arrays.get(requests.length);
        for (int i = 0; i < requests.length; i++) {
            Request r = requests[i];
            if (r == null) {
                // the message only when it is needed: building it for every request allocated on each wait
                throw new NullPointerException("request " + i + " is null");
            }
            a.handles.setAtIndex(ValueLayout.ADDRESS, i, r.handle());
            a.running[i] = r.isRunning();
        }
        return a;
    }

    /** Records the completion of request {@code i} and fills its status. */
    private static void finish(Request[] requests, Arrays a, int i, Status status) {
        finish(requests, a, i, a.status(i), status);
    }

    /**
     * Records that request {@code i} completed (status at {@code st}) and fills {@code status}. Its
     * completion action may throw (a user reduction's exception surfaces that way); the request is
     * recorded as complete before, so callers completing several requests go on with the others.
     */
    private static void finish(Request[] requests, Arrays a, int i, MemorySegment st, Status status) {
        if (status != null) {
            status.fill(st);
        }
        if (a.running[i]) {
            requests[i].completed(a.handles.getAtIndex(ValueLayout.ADDRESS, i), st);
        }
    }

    /**
     * Runs {@link #finish} for {@code count} completed requests ({@code k}-th: index {@code at(k)},
     * status slot {@code k} if {@code statusBySlot}, else its index), and only then rethrows the first
     * exception a completion action threw, so that no completed request is left looking active.
     */
    private static void finishMany(Request[] requests, Arrays a, int count, java.util.function.IntUnaryOperator at,
            boolean statusBySlot, Status[] statuses) {
        RuntimeException firstRuntime = null;
        Error firstError = null;
        for (int k = 0; k < count; k++) {
            int i = at.applyAsInt(k);
            try {
                finish(requests, a, i, a.status(statusBySlot ? k : i), at(statuses, statusBySlot ? k : i));
            } catch (RuntimeException e) {
                firstRuntime = firstRuntime == null ? e : firstRuntime;
            } catch (Error e) {
                firstError = firstError == null ? e : firstError;
            }
        }
        if (firstError != null) {
            throw firstError;
        }
        if (firstRuntime != null) {
            throw firstRuntime;
        }
    }

    /** Throws for an error of a many-request call: the first failed status's code, else {@code rc}. */
    private static void checkMany(int rc, Arrays a, int[] done, int count, String function) {
        if (rc == mpi_h.MPI_SUCCESS()) {
            return;
        }
        if (rc == mpi_h.MPI_ERR_IN_STATUS()) {
            for (int k = 0; k < count; k++) {
                int err = OpenMpiAbi.statusError(a.status(done == null ? k : done[k]));
                if (err != mpi_h.MPI_SUCCESS() && err != mpi_h.MPI_ERR_PENDING()) {
                    throw Errors.failure(err, function);
                }
            }
        }
        throw Errors.failure(rc, function);
    }

    private static Status at(Status[] statuses, int i) {
        return statuses == null ? null : statuses[i];
    }

    /** {@code MPI_Waitall}: waits for all of {@code requests}. */
    public static void waitAll(Request... requests) {
        waitAll(requests, null);
    }

    /**
     * {@code MPI_Waitall}, filling {@code statuses[i]} for {@code requests[i]} ({@code statuses}
     * and its elements may be null).
     *
     * @throws MpiException for the first failed operation; all of them have completed anyway
     */
    public static void waitAll(Request[] requests, Status[] statuses) {
        if (Thread.currentThread().isVirtual()) {
            for (int i = 0; !testAll(requests, statuses); i++) {
                backOff(i);
            }
            return;
        }
        Arrays a = load(requests, statuses);
        int n = requests.length;
        MpiCallEvent ev = MpiCallEvent.ENABLED ? MpiCallEvent.start() : null;
        // MPI_Testall polls, not MPI_Waitall: Open MPI 4.1.4's MPI_Waitall never returns when one of
        // the requests is a receive from this process truncating a message above the eager limit
        Scratch s = Scratch.get();
        MemorySegment flag = s.int1;
        int rc = mpi_h.MPI_Testall(n, a.handles, flag, a.statuses);
        while (rc == mpi_h.MPI_SUCCESS() && flag.get(ValueLayout.JAVA_INT, 0) == 0) {
            Thread.onSpinWait();
            rc = mpi_h.MPI_Testall(n, a.handles, flag, a.statuses);
        }
        finishMany(requests, a, n, i -> i, false, statuses);
        checkMany(rc, a, null, n, "MPI_Waitall");
        if (ev != null) {
            ev.done("MPI_Waitall", null, MpiCallEvent.NO_PEER, MpiCallEvent.NO_TAG, 0);
        }
    }

    /**
     * {@code MPI_Testall}: whether all of {@code requests} have completed; if so, they are
     * completed and {@code statuses} filled, otherwise nothing changes.
     */
    public static boolean testAll(Request[] requests, Status[] statuses) {
        Arrays a = load(requests, statuses);
        int n = requests.length;
        Scratch s = Scratch.get();
        int rc = mpi_h.MPI_Testall(n, a.handles, s.int1, a.statuses);
        boolean done = s.int1() != 0;
        if (done) {
            finishMany(requests, a, n, i -> i, false, statuses);
        }
        checkMany(rc, a, null, done ? n : 0, "MPI_Testall");
        return done;
    }

    /** {@code MPI_Testall} without statuses. */
    public static boolean testAll(Request... requests) {
        return testAll(requests, null);
    }

    /**
     * {@code MPI_Waitany}: waits until one of {@code requests} completes.
     *
     * @param status filled for the completed request; may be null
     * @return its index, or {@link MPI#UNDEFINED} if none of them is active
     */
    public static int waitAny(Request[] requests, Status status) {
        if (Thread.currentThread().isVirtual()) {
            for (int i = 0;; i++) {
                int k = testAny(requests, status);
                if (k != -1) {
                    return k;
                }
                backOff(i);
            }
        }
        Arrays a = load(requests, null);
        Scratch s = Scratch.get();
        int rc = mpi_h.MPI_Waitany(requests.length, a.handles, s.int1, a.statuses);
        return afterAny(requests, a, rc, s.int1(), status, "MPI_Waitany");
    }

    private static int afterAny(Request[] requests, Arrays a, int rc, int index, Status status, String function) {
        if (index >= 0 && index != mpi_h.MPI_UNDEFINED()) {
            // MPI wrote the one status to the first slot
            MemorySegment.copy(a.statuses, 0, a.statuses, index * STATUS_SIZE, STATUS_SIZE);
            finish(requests, a, index, status);
        }
        Errors.check(rc, function);
        return index;
    }

    /**
     * {@code MPI_Testany}: completes one of {@code requests} if one has completed.
     *
     * @param status filled for the completed request; may be null
     * @return its index; -1 if none has completed yet; {@link MPI#UNDEFINED} if none is active
     */
    public static int testAny(Request[] requests, Status status) {
        Arrays a = load(requests, null);
        Scratch s = Scratch.get();
        int rc = mpi_h.MPI_Testany(requests.length, a.handles, s.int1, s.int0, a.statuses);
        if (s.int0() == 0) {
            Errors.check(rc, "MPI_Testany");
            return -1;
        }
        return afterAny(requests, a, rc, s.int1(), status, "MPI_Testany");
    }

    /**
     * {@code MPI_Waitsome}: waits until at least one of {@code requests} completes, and completes
     * all that have.
     *
     * @param indices  receives the indices of the completed requests (as long as {@code requests})
     * @param statuses {@code statuses[k]} is filled for {@code requests[indices[k]]}; may be null
     * @return how many completed, or {@link MPI#UNDEFINED} if none of them is active
     */
    public static int waitSome(Request[] requests, int[] indices, Status[] statuses) {
        if (Thread.currentThread().isVirtual()) {
            for (int i = 0;; i++) {
                int k = testSome(requests, indices, statuses);
                if (k != 0) {
                    return k;
                }
                backOff(i);
            }
        }
        Arrays a = loadSome(requests, indices, statuses);
        Scratch s = Scratch.get();
        int rc = mpi_h.MPI_Waitsome(requests.length, a.handles, s.int1, a.indices, a.statuses);
        return afterSome(requests, a, rc, s.int1(), indices, statuses, "MPI_Waitsome");
    }

    /**
     * {@code MPI_Testsome}: completes those of {@code requests} that have completed, without waiting.
     *
     * @return how many completed (0 if none yet), or {@link MPI#UNDEFINED} if none is active
     * @see #waitSome
     */
    public static int testSome(Request[] requests, int[] indices, Status[] statuses) {
        Arrays a = loadSome(requests, indices, statuses);
        Scratch s = Scratch.get();
        int rc = mpi_h.MPI_Testsome(requests.length, a.handles, s.int1, a.indices, a.statuses);
        return afterSome(requests, a, rc, s.int1(), indices, statuses, "MPI_Testsome");
    }

    private static Arrays loadSome(Request[] requests, int[] indices, Status[] statuses) {
        Errors.checkNotNull(indices, "indices");
        Arrays a = load(requests, statuses);
        if (indices.length < requests.length) {
            throw new IllegalArgumentException(indices.length + " indices for " + requests.length + " requests");
        }
        return a;
    }

    private static int afterSome(Request[] requests, Arrays a, int rc, int count, int[] indices, Status[] statuses,
            String function) {
        if (count == mpi_h.MPI_UNDEFINED()) {
            Errors.check(rc, function);
            return count;
        }
        for (int k = 0; k < count; k++) {
            indices[k] = a.indices.getAtIndex(ValueLayout.JAVA_INT, k);
        }
        finishMany(requests, a, count, k -> indices[k], true, statuses);
        if (rc != mpi_h.MPI_SUCCESS()) {
            for (int k = 0; k < count; k++) {
                int err = OpenMpiAbi.statusError(a.status(k));
                if (err != mpi_h.MPI_SUCCESS()) {
                    throw Errors.failure(err, function);
                }
            }
            throw Errors.failure(rc, function);
        }
        return count;
    }

    /** Yields, then parks for growing intervals (up to 1 ms), between the polls of a virtual thread. */
    private static void backOff(int attempt) {
        VirtualWait.backOff(attempt);
    }

    // ---- futures -------------------------------------------------------------------------------

    /**
     * A future completed (with the operation's status) when this request completes, or
     * exceptionally if it fails. A virtual thread polls the request (without pinning a carrier), so
     * MPI must run at {@link ThreadLevel#MULTIPLE} (mpi4j's default); do not complete the request
     * in any other way afterwards.
     *
     * @throws IllegalStateException if the request has been freed, or MPI's thread level is lower
     */
    public CompletableFuture<Status> toCompletableFuture() {
        handle();
        if (Environment.queryThread() != mpi_h.MPI_THREAD_MULTIPLE()) {
            throw new IllegalStateException("toCompletableFuture needs MPI at ThreadLevel.MULTIPLE, not "
                    + ThreadLevel.of(Environment.queryThread()));
        }
        CompletableFuture<Status> future = new CompletableFuture<>();
        Thread.ofVirtual().name("mpi4j-request").start(() -> {
            try {
                Status st = new Status();
                waitFor(st);
                future.complete(st);
            } catch (Throwable t) {
                future.completeExceptionally(t);
            }
        });
        return future;
    }

    @Override
    public String toString() {
        if (isFreed()) {
            return "Request[freed]";
        }
        return isComplete() ? "Request[complete]" : "Request[active]";
    }
}
