package org.mpi4j;

import org.mpi4j.internal.Scratch;
import java.lang.foreign.MemorySegment;

/**
 * The common life cycle of MPI objects with a native handle: predefined ones live forever and
 * cannot be freed, the others are freed once (idempotently) by {@link #free()} or
 * {@link #close()}, and any use after that throws {@link IllegalStateException}. Garbage
 * collection never frees a handle: freeing a communicator is collective, so it must be explicit.
 */
abstract class NativeHandle implements AutoCloseable {
    private MemorySegment handle;
    private final boolean predefined;
    private final boolean isNullHandle;

    NativeHandle(MemorySegment handle, boolean predefined, boolean isNullHandle) {
        this.handle = handle;
        this.predefined = predefined;
        this.isNullHandle = isNullHandle;
    }

    /** What this handle is, for messages ("communicator", "group", ...). */
    abstract String kind();

    /** Frees the native object; {@code handleRef} holds the handle and receives the null handle. */
    abstract void release(MemorySegment handleRef);

    /**
     * The live native handle; MPI is initialised on first use.
     *
     * @throws IllegalStateException if the object has been freed or is a null handle
     */
    final MemorySegment handle() {
        MemorySegment h = handle;
        if (h == null || isNullHandle) {
            throw new IllegalStateException(h == null ? "this " + kind() + " has been freed"
                    : "the null " + kind() + " cannot be used here");
        }
        MPI.ensureInitialized();
        return h;
    }

    /** Replaces the handle, for objects whose handle MPI changes (a completed request becomes null). */
    final void setHandle(MemorySegment newHandle) {
        handle = newHandle;
    }

    /** The handle for comparisons and the null check, without validity checks. */
    final MemorySegment rawHandle() {
        return handle;
    }

    /** Whether this is a predefined object (which cannot be freed). */
    public final boolean isPredefined() {
        return predefined;
    }

    /** Whether this is the null handle of its kind ({@code MPI_COMM_NULL}, {@code MPI_GROUP_NULL}, ...). */
    public final boolean isNull() {
        return isNullHandle;
    }

    /** Whether {@link #free()} has been called. */
    public final boolean isFreed() {
        return handle == null;
    }

    /**
     * Frees the native object. Freeing twice is harmless.
     *
     * @throws IllegalStateException for a predefined object
     */
    public void free() {
        if (predefined) {
            throw new IllegalStateException("a predefined " + kind() + " cannot be freed");
        }
        MemorySegment h = handle;
        if (h == null) {
            return;
        }
        MPI.ensureInitialized();
        Scratch s = Scratch.get();
        s.handle0.set(java.lang.foreign.ValueLayout.ADDRESS, 0, h);
        release(s.handle0);
        handle = null;
    }

    /** The same as {@link #free()}, for try-with-resources. */
    @Override
    public void close() {
        free();
    }

    /** Handles are equal when they name the same native object. */
    @Override
    public boolean equals(Object o) {
        return o instanceof NativeHandle other && getClass() == other.getClass()
                && handle != null && handle.equals(other.handle);
    }

    @Override
    public int hashCode() {
        return handle == null ? 0 : Long.hashCode(handle.address());
    }
}
