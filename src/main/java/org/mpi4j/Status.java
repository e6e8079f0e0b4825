package org.mpi4j;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.mpi4j.ffi.MPI_Status;
import org.mpi4j.ffi.mpi_h;
import org.mpi4j.internal.OpenMpiAbi;
import org.mpi4j.internal.Scratch;

/**
 * The status of a completed receive or probe ({@code MPI_Status}): source, tag, error, and the
 * amount of data, which {@link #getCount(Datatype)} converts to elements.
 *
 * <p>A Status is a reusable, mutable holder, as in C and mpi4py: pass one to a receive to have it
 * filled, and reuse it across calls so that a receive loop allocates nothing.
 */
public final class Status {
    private int source;
    private int tag;
    private int error;
    private boolean cancelled;
    private long byteCount;

    /** An empty status (source and tag {@link MPI#ANY_SOURCE}/{@link MPI#ANY_TAG}, no data). */
    public Status() {
        source = mpi_h.MPI_ANY_SOURCE();
        tag = mpi_h.MPI_ANY_TAG();
    }

    /** Copies a native {@code MPI_Status} into this object. */
    void fill(MemorySegment nativeStatus) {
        source = OpenMpiAbi.statusSource(nativeStatus);
        tag = OpenMpiAbi.statusTag(nativeStatus);
        error = OpenMpiAbi.statusError(nativeStatus);
        cancelled = OpenMpiAbi.statusCancelled(nativeStatus);
        byteCount = OpenMpiAbi.statusBytes(nativeStatus);
    }

    /** Writes this status back into a native {@code MPI_Status}, for calls that read one. */
    void store(MemorySegment nativeStatus) {
        OpenMpiAbi.setStatus(nativeStatus, source, tag, error, cancelled, byteCount);
    }

    // ---- setters: for generalized requests' query callbacks, and for tests --------------------------

    /** Sets {@code MPI_SOURCE}. @return this status */
    public Status setSource(int source) {
        this.source = source;
        return this;
    }

    /** Sets {@code MPI_TAG}. @return this status */
    public Status setTag(int tag) {
        this.tag = tag;
        return this;
    }

    /** Sets {@code MPI_ERROR}. @return this status */
    public Status setError(int error) {
        this.error = error;
        return this;
    }

    /** {@code MPI_Status_set_cancelled}. @return this status */
    public Status setCancelled(boolean cancelled) {
        this.cancelled = cancelled;
        return this;
    }

    /**
     * {@code MPI_Status_set_elements_x}: the status says {@code count} basic elements of
     * {@code type} were received (so {@link #getElements} gives {@code count} back).
     *
     * @return this status
     */
    public Status setElements(Datatype type, long count) {
        Errors.checkNotNull(type, "datatype");
        Errors.checkCount(count);
        Scratch s = Scratch.get();
        store(s.status);
        Errors.check(mpi_h.MPI_Status_set_elements_x(s.status, type.handle(), count), "MPI_Status_set_elements_x");
        fill(s.status);
        return this;
    }

    /** The rank the message came from. */
    public int source() {
        return source;
    }

    /** The tag of the message. */
    public int tag() {
        return tag;
    }

    /** The error code of the operation ({@code MPI_SUCCESS} = 0 when it succeeded). */
    public int error() {
        return error;
    }

    /** Whether the operation was cancelled ({@code MPI_Test_cancelled}). */
    public boolean isCancelled() {
        return cancelled;
    }

    /** The size of the received message in bytes. */
    public long byteCount() {
        return byteCount;
    }

    /**
     * {@code MPI_Get_count}: the number of whole {@code type} elements received, or
     * {@link MPI#UNDEFINED} if the byte count is not a multiple of the type's size.
     */
    public long getCount(Datatype type) {
        long size = Errors.checkNotNull(type, "datatype").size();
        if (size == 0) {
            return byteCount == 0 ? 0 : mpi_h.MPI_UNDEFINED();
        }
        return byteCount % size == 0 ? byteCount / size : mpi_h.MPI_UNDEFINED();
    }

    /**
     * {@code MPI_Test_cancelled}: whether the operation this status describes was cancelled
     * ({@link Request#cancel()}); the same as {@link #isCancelled()}.
     */
    public boolean testCancelled() {
        return cancelled;
    }

    /**
     * {@code MPI_Get_elements_x}: the number of basic elements received, which for a derived
     * {@code type} may be more than {@link #getCount} whole elements ({@link MPI#UNDEFINED} if the
     * data does not divide into basic elements of {@code type}).
     */
    public long getElements(Datatype type) {
        Errors.checkNotNull(type, "datatype");
        Scratch s = Scratch.get();
        store(s.status);
        MemorySegment h = type.handle();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment count = arena.allocate(ValueLayout.JAVA_LONG);
            Errors.check(mpi_h.MPI_Get_elements_x(s.status, h, count), "MPI_Get_elements_x");
            return count.get(ValueLayout.JAVA_LONG, 0);
        }
    }

    @Override
    public String toString() {
        return "Status[source=" + source + ", tag=" + tag + ", error=" + error + ", bytes=" + byteCount
                + (cancelled ? ", cancelled" : "") + "]";
    }
}
