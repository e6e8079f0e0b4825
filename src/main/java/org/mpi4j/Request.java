package org.mpi4j;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.mpi4j.ffi.mpi_h;

/**
 * A nonblocking operation in progress ({@code MPI_Request}). Complete it with {@link #waitFor()}
 * or {@link #test()}; until then the operation's buffers are kept reachable (and, for Java arrays,
 * staged in native memory) by this object.
 *
 * <p>Internally a request carries an optional completion action, run exactly once when MPI reports
 * the operation complete: it copies staged data back into Java arrays and releases staging memory.
 */
public class Request extends NativeHandle {
    private static final MemorySegment NULL_HANDLE = OpenMpiAbi.predefined("MPI_REQUEST_NULL");

    /** {@code MPI_REQUEST_NULL}: a request that is already complete. */
    public static final Request NULL = new Request(NULL_HANDLE, true);

    /** What must stay reachable while the operation runs (user buffers, staging memory). */
    private Object keepAlive;
    /** Run once when the operation completes; null when there is nothing to do. */
    private Runnable onComplete;
    private final boolean persistent;

    private Request(MemorySegment handle, boolean predefined) {
        super(handle, predefined, false);
        this.persistent = false;
    }

    /**
     * Wraps a request MPI has just started.
     *
     * @param handle     the {@code MPI_Request} value
     * @param persistent whether it is a persistent request (it survives completion)
     * @param keepAlive  objects the operation uses, kept reachable until completion
     * @param onComplete run once at completion (copy-back, release), or null
     */
    Request(MemorySegment handle, boolean persistent, Object keepAlive, Runnable onComplete) {
        super(handle, false, false);
        this.persistent = persistent;
        this.keepAlive = keepAlive;
        this.onComplete = onComplete;
    }

    @Override
    String kind() {
        return "request";
    }

    @Override
    void release(MemorySegment handleRef) {
        if (!handleRef.get(ValueLayout.ADDRESS, 0).equals(NULL_HANDLE)) {
            Errors.check(mpi_h.MPI_Request_free(handleRef), "MPI_Request_free");
        }
        // MPI completes a freed operation in the background: its buffers must outlive this object,
        // so they stay with the completion action that never runs (see the class comment)
        keepAlive = null;
    }

    /** Whether this request is inactive: completed (non-persistent) or {@link #NULL}. */
    public boolean isComplete() {
        MemorySegment h = rawHandle();
        return h != null && h.equals(NULL_HANDLE);
    }

    /** Whether this is a persistent request ({@code MPI_Send_init}, {@code MPI_Recv_init}, ...). */
    public boolean isPersistent() {
        return persistent;
    }

    /**
     * {@code MPI_Wait}: blocks until the operation completes.
     *
     * @throws IllegalStateException if the request has been freed
     */
    public void waitFor() {
        waitFor(null);
    }

    /** {@code MPI_Wait}, filling {@code status} (which may be null). */
    public void waitFor(Status status) {
        MemorySegment h = handle();
        Scratch s = Scratch.get();
        s.handle1.set(ValueLayout.ADDRESS, 0, h);
        MemorySegment st = status == null ? mpi_h.MPI_STATUS_IGNORE() : s.status;
        int rc = mpi_h.MPI_Wait(s.handle1, st);
        completed(s.handle1.get(ValueLayout.ADDRESS, 0));
        Errors.check(rc, "MPI_Wait");
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
        MemorySegment st = status == null ? mpi_h.MPI_STATUS_IGNORE() : s.status;
        int rc = mpi_h.MPI_Test(s.handle1, s.int1, st);
        boolean done = s.int1() != 0;
        if (done) {
            completed(s.handle1.get(ValueLayout.ADDRESS, 0));
        }
        Errors.check(rc, "MPI_Test");
        if (done && status != null) {
            status.fill(s.status);
        }
        return done;
    }

    /** {@code MPI_Cancel}: asks MPI to cancel the operation; complete it afterwards as usual. */
    public void cancel() {
        Scratch s = Scratch.get();
        s.handle1.set(ValueLayout.ADDRESS, 0, handle());
        Errors.check(mpi_h.MPI_Cancel(s.handle1), "MPI_Cancel");
    }

    /**
     * Records that MPI completed the operation and left {@code newHandle} (the null request, or the
     * same handle for a persistent request), and runs the completion action once.
     */
    final void completed(MemorySegment newHandle) {
        setHandle(newHandle);
        Runnable action = onComplete;
        if (!persistent) {
            onComplete = null;
            keepAlive = null;
        }
        if (action != null) {
            action.run();
        }
    }

    /** Whether MPI may still be using this request's buffers (for checks before reuse). */
    final Object keepAlive() {
        return keepAlive;
    }

    @Override
    public String toString() {
        if (isFreed()) {
            return "Request[freed]";
        }
        return isComplete() ? "Request[complete]" : "Request[active]";
    }
}
