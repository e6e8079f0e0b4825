package org.mpi4j;

import java.lang.foreign.MemorySegment;
import java.lang.ref.Cleaner;
import org.mpi4j.internal.Scratch;

/**
 * The common life cycle of MPI objects with a native handle: predefined ones live forever and
 * cannot be freed, the others are freed once (idempotently) by {@link #free()} or
 * {@link #close()}, and any use after that throws {@link IllegalStateException}. Garbage
 * collection never frees a handle: freeing a communicator is collective, so it must be explicit.
 * An owned handle that the garbage collector finds unfreed prints one warning naming it on
 * standard error (as mpi4py does), so that the leak can be found; the MPI object itself stays.
 */
abstract class NativeHandle implements AutoCloseable {
    /** One daemon thread for every handle's leak check. */
    private static final Cleaner CLEANER = Cleaner.create(r -> {
        Thread t = new Thread(r, "mpi4j-leak-check");
        t.setDaemon(true);
        return t;
    });

    private MemorySegment handle;
    private final boolean predefined;
    private final boolean isNullHandle;
    /** The leak check of an owned handle, or null (predefined, null, or not ours to free). */
    private final Leak leak;
    private final Cleaner.Cleanable cleanable;

    NativeHandle(MemorySegment handle, boolean predefined, boolean isNullHandle) {
        this(handle, predefined, isNullHandle, !predefined && !isNullHandle);
    }

    /**
     * @param owned whether this process must free the object (and is warned when it never does);
     *              false for predefined objects and handles borrowed from native code
     */
    NativeHandle(MemorySegment handle, boolean predefined, boolean isNullHandle, boolean owned) {
        this.handle = handle;
        this.predefined = predefined;
        this.isNullHandle = isNullHandle;
        if (owned) {
            leak = new Leak(kind(), handle == null ? 0 : handle.address());
            cleanable = CLEANER.register(this, leak);
        } else {
            leak = null;
            cleanable = null;
        }
    }

    /**
     * What the cleaner runs when an owned handle becomes unreachable: a warning if it was never
     * freed. It must not reach the handle object (that would keep it alive), so it keeps its own
     * copy of what the warning says.
     */
    private static final class Leak implements Runnable {
        private final String kind;
        private volatile long address;
        private volatile boolean live = true;

        Leak(String kind, long address) {
            this.kind = kind;
            this.address = address;
        }

        @Override
        public void run() {
            if (live) {
                System.err.printf("mpi4j: warning: an MPI %s (handle 0x%x) was garbage-collected without being freed;"
                        + " free it with free() or try-with-resources%n", kind, address);
            }
        }
    }

    /**
     * The native object no longer needs freeing (freed, or released by MPI itself, as a completed
     * request is): ends the leak check.
     */
    final void released() {
        if (leak != null && leak.live) {
            leak.live = false;
            cleanable.clean();
        }
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
        if (leak != null && newHandle != null) {
            leak.address = newHandle.address();
        }
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
        released();
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
