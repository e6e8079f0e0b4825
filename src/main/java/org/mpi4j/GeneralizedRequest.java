package org.mpi4j;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.mpi4j.ffi.mpi_h;
import org.mpi4j.internal.Scratch;

/**
 * A generalized request ({@code MPI_Grequest_start}): an operation of the program's own (I/O on
 * another thread, a call into a native library) that MPI's waits and tests complete like any
 * other request: {@link #waitFor()}, {@link Request#waitAll}, {@link Request#testAny} and the
 * rest, {@link #toCompletableFuture()}. The program calls {@link #complete()}, from any thread,
 * when the operation is done. (It is not persistent: the inherited {@link #start()} refuses it.)
 *
 * <p>MPI calls the Java callbacks (upcalls) from the call that completes or frees the request:
 * {@code query} fills the status the wait reports, {@code free} releases what the operation held,
 * {@code cancel} is told of {@link #cancel()}. What a callback throws becomes the cause of the
 * {@link MpiException} that call throws.
 */
public final class GeneralizedRequest extends Request {

    /** Fills the status of the completed operation ({@code query_fn}). */
    @FunctionalInterface
    public interface Query {
        /**
         * Sets the status's fields with the {@link Status} setters; it starts out empty (no data,
         * not cancelled, source {@link MPI#ANY_SOURCE}, tag {@link MPI#ANY_TAG}).
         */
        void query(Status status);
    }

    /** Told that {@link Request#cancel()} was called ({@code cancel_fn}). */
    @FunctionalInterface
    public interface Cancel {
        /** @param completed whether {@link #complete()} has been called already */
        void cancel(boolean completed);
    }

    private static final MemorySegment QUERY_STUB;
    private static final MemorySegment FREE_STUB;
    private static final MemorySegment CANCEL_STUB;
    private static final int SUCCESS = mpi_h.MPI_SUCCESS();

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            Linker linker = Linker.nativeLinker();
            QUERY_STUB = linker.upcallStub(l.findStatic(GeneralizedRequest.class, "queryUpcall",
                    MethodType.methodType(int.class, MemorySegment.class, MemorySegment.class)),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS),
                    Arena.global());
            FREE_STUB = linker.upcallStub(l.findStatic(GeneralizedRequest.class, "freeUpcall",
                    MethodType.methodType(int.class, MemorySegment.class)),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS), Arena.global());
            CANCEL_STUB = linker.upcallStub(l.findStatic(GeneralizedRequest.class, "cancelUpcall",
                    MethodType.methodType(int.class, MemorySegment.class, int.class)),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT),
                    Arena.global());
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final AtomicLong IDS = new AtomicLong();
    /** The generalized requests MPI has not freed yet, by the id MPI passes as extra_state. */
    private static final Map<Long, GeneralizedRequest> LIVE = new ConcurrentHashMap<>();

    private final long id = IDS.incrementAndGet();
    private final Query query;
    private final Runnable onFree;
    private final Cancel onCancel;
    private final AtomicBoolean completeCalled = new AtomicBoolean();
    /** The handle MPI_Grequest_complete takes: the one MPI_Grequest_start returned. */
    private MemorySegment startHandle;

    private GeneralizedRequest(Query query, Runnable onFree, Cancel onCancel) {
        super(null, false, null, null);
        this.query = query;
        this.onFree = onFree;
        this.onCancel = onCancel;
    }

    /**
     * {@code MPI_Grequest_start}: a request that completes when {@link #complete()} is called.
     *
     * @param query  fills the status a wait or test reports; null: an empty status
     * @param free   run once MPI frees the request (after it was completed and waited for, or freed); may be null
     * @param cancel run when the request is cancelled; may be null
     */
    public static GeneralizedRequest start(Query query, Runnable free, Cancel cancel) {
        Environment.ensureInitialized();
        GeneralizedRequest r = new GeneralizedRequest(query, free, cancel);
        LIVE.put(r.id, r);
        Scratch s = Scratch.get();
        int rc = mpi_h.MPI_Grequest_start(QUERY_STUB, FREE_STUB, CANCEL_STUB, MemorySegment.ofAddress(r.id),
                s.handle0);
        if (rc != SUCCESS) {
            LIVE.remove(r.id);
        }
        Errors.check(rc, "MPI_Grequest_start");
        r.startHandle = s.handle0();
        r.setHandle(r.startHandle);
        return r;
    }

    /**
     * {@code MPI_Grequest_complete}: the operation is done; a wait on this request returns. May be
     * called from any thread (MPI must then run at {@link ThreadLevel#MULTIPLE}, mpi4j's default).
     *
     * @throws IllegalStateException if it was called before
     */
    public void complete() {
        if (!completeCalled.compareAndSet(false, true)) {
            throw new IllegalStateException("this generalized request has been completed already");
        }
        Environment.ensureInitialized();
        Errors.check(mpi_h.MPI_Grequest_complete(startHandle), "MPI_Grequest_complete");
    }

    /** Whether {@link #complete()} has been called. */
    public boolean isCompleteCalled() {
        return completeCalled.get();
    }

    // ---- upcalls: never let an exception into MPI --------------------------------------------------

    private static int queryUpcall(MemorySegment extraState, MemorySegment status) {
        try {
            GeneralizedRequest r = LIVE.get(extraState.address());
            Status st = new Status();
            st.setElements(Datatype.BYTE, 0);
            if (r.query != null) {
                r.query.query(st);
            }
            st.store(status.reinterpret(org.mpi4j.internal.OpenMpiAbi.statusSize()));
            return SUCCESS;
        } catch (Throwable t) {
            Errors.upcallFailed(t);
            return mpi_h.MPI_ERR_OTHER();
        }
    }

    private static int freeUpcall(MemorySegment extraState) {
        try {
            GeneralizedRequest r = LIVE.remove(extraState.address());
            if (r != null && r.onFree != null) {
                r.onFree.run();
            }
            return SUCCESS;
        } catch (Throwable t) {
            Errors.upcallFailed(t);
            return mpi_h.MPI_ERR_OTHER();
        }
    }

    private static int cancelUpcall(MemorySegment extraState, int completed) {
        try {
            GeneralizedRequest r = LIVE.get(extraState.address());
            if (r != null && r.onCancel != null) {
                r.onCancel.cancel(completed != 0);
            }
            return SUCCESS;
        } catch (Throwable t) {
            Errors.upcallFailed(t);
            return mpi_h.MPI_ERR_OTHER();
        }
    }

    @Override
    public String toString() {
        return "GeneralizedRequest[" + (isFreed() ? "freed" : isComplete() ? "complete" : "active") + "]";
    }
}
