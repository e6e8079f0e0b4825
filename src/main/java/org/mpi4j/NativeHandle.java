package org.mpi4j;

import java.lang.foreign.MemorySegment;
import java.lang.ref.Cleaner;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;
import org.mpi4j.internal.OpenMpiAbi;
import org.mpi4j.internal.ProcessMemory;
import org.mpi4j.internal.Scratch;

/**
 * The common life cycle of MPI objects with a native handle: predefined ones live forever and
 * cannot be freed, the others are freed once (idempotently) by {@link #free()} or
 * {@link #close()}, and any use after that throws {@link IllegalStateException}. Garbage
 * collection never frees a handle: freeing a communicator is collective, so it must be explicit.
 *
 * <p>Native interop: {@link #toHandle()} gives the raw MPI handle to hand to a native library,
 * {@link #toFortran()} its Fortran integer; each handle class has {@code fromHandle} and
 * {@code fromFortran} to wrap a handle made elsewhere. Such a wrapper is <em>borrowed</em>, as
 * mpi4py's {@code fromhandle}: {@link #close()} leaves the native object alone, and only an
 * explicit {@link #free()} frees it.
 *
 * <p>An owned handle that the garbage collector finds unfreed prints one warning naming it on
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
    /** Wraps a handle created outside mpi4j: close() leaves it alone, only free() frees it. */
    private boolean borrowed;
    /** The handle comes when a nonblocking constructor (idup) completes. */
    private volatile boolean pending;
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
                // one write of the whole line: under mpiexec the ranks' standard errors are merged
                String line = String.format("mpi4j: warning: an MPI %s (handle 0x%x) was garbage-collected without"
                        + " being freed; free it with free() or try-with-resources%n", kind, address);
                System.err.print(line);
                System.err.flush();
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
            throw new IllegalStateException(pending ? "this " + kind() + " is not ready yet: complete the request"
                    + " that creates it first" : h == null ? "this " + kind() + " has been freed"
                    : "the null " + kind() + " cannot be used here");
        }
        Environment.ensureInitialized();
        return h;
    }

    /** Marks an object whose handle a pending request will set. */
    final void setPending(boolean pending) {
        this.pending = pending;
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

    // ---- native interop -------------------------------------------------------------------------

    /**
     * The raw MPI handle ({@code MPI_Comm}, {@code MPI_Datatype}, ...) as a zero-length segment
     * whose address is the handle, to pass to a native library through FFM. The handle stays
     * valid until this object is freed; a null object gives its kind's null handle.
     *
     * @throws IllegalStateException if this object has been freed
     */
    public final MemorySegment toHandle() {
        MemorySegment h = handle;
        if (h == null) {
            throw new IllegalStateException("this " + kind() + " has been freed");
        }
        Environment.ensureInitialized();
        return h;
    }

    /**
     * The Fortran integer handle of this object ({@code MPI_*_c2f}), for Fortran code and for
     * bindings that pass handles as integers.
     *
     * @throws IllegalStateException if this object has been freed
     */
    public final int toFortran() {
        return c2f(toHandle());
    }

    /**
     * {@code MPI_<Kind>_c2f} of a live handle of this kind: each handle class overrides it with its
     * own function (a new class that does not yet has no Fortran handle).
     */
    int c2f(MemorySegment h) {
        throw new UnsupportedOperationException("no Fortran handle for a " + kind() + " yet");
    }

    /** Whether this object wraps a handle made outside mpi4j ({@code fromHandle}/{@code fromFortran}). */
    public final boolean isBorrowed() {
        return borrowed;
    }

    /** Marks a wrapper of a foreign handle, which {@link #close()} must not free. */
    final <T extends NativeHandle> T borrow() {
        borrowed = true;
        released(); // not ours: no leak warning
        @SuppressWarnings("unchecked")
        T self = (T) this;
        return self;
    }

    /**
     * The shared core of every {@code fromHandle}: checks that {@code h} is not the C null pointer,
     * returns the predefined object it names if any ({@code predefined} maps a handle to it, or to
     * null), else checks that the address has readable memory behind it (garbage must not crash the
     * JVM) and with a {@code c2f}/{@code f2c} round trip that MPI knows a {@code kind} at that
     * address ({@code c2f} null where the round trip would change MPI's state), and wraps
     * it as a borrowed object.
     */
    static <T extends NativeHandle> T fromForeign(MemorySegment h, String kind, Function<MemorySegment, T> predefined,
            ToIntFunction<MemorySegment> c2f, IntFunction<MemorySegment> f2c, Function<MemorySegment, T> wrap) {
        Errors.checkNotNull(h, kind + " handle");
        if (h.address() == 0) {
            throw new IllegalArgumentException("the C null pointer is not a valid " + kind + " handle");
        }
        Environment.ensureInitialized();
        h = MemorySegment.ofAddress(h.address());
        T known = predefined.apply(h);
        if (known != null) {
            return known;
        }
        checkReadable(h, kind);
        if (c2f != null) {
            MemorySegment back = f2c.apply(c2f.applyAsInt(h));
            if (back == null || back.address() != h.address()) {
                throw new IllegalArgumentException(String.format(
                        "0x%x is not a valid %s handle: MPI does not know it", h.address(), kind));
            }
        }
        return wrap.apply(h).borrow();
    }

    /**
     * Refuses an address with too little readable memory behind it to be an MPI object: MPI would
     * read it (its {@code c2f}, or any call) and crash the JVM.
     */
    static void checkReadable(MemorySegment h, String kind) {
        if (!ProcessMemory.isReadable(h.address(), OpenMpiAbi.HANDLE_PROBE_BYTES)) {
            throw new IllegalArgumentException(String.format(
                    "0x%x is not a valid %s handle: no MPI object can be there (not readable memory)", h.address(),
                    kind));
        }
    }

    /**
     * The shared core of every {@code fromFortran}: {@code MPI_<Kind>_f2c} of {@code f}, which Open
     * MPI answers with the C null pointer for an integer that names no object.
     */
    static <T extends NativeHandle> T fromFortranHandle(int f, String kind, IntFunction<MemorySegment> f2c,
            Function<MemorySegment, T> fromHandle) {
        Environment.ensureInitialized();
        MemorySegment h = f2c.apply(f);
        if (h == null || h.address() == 0) {
            throw new IllegalArgumentException(f + " is not a valid Fortran " + kind + " handle");
        }
        return fromHandle.apply(h);
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
        Environment.ensureInitialized();
        Scratch s = Scratch.get();
        s.handle0.set(java.lang.foreign.ValueLayout.ADDRESS, 0, h);
        release(s.handle0);
        handle = null;
        released();
    }

    /**
     * The same as {@link #free()}, for try-with-resources; does nothing for a borrowed object (see
     * {@link #isBorrowed()}), whose owner frees it.
     */
    @Override
    public void close() {
        if (borrowed) {
            return;
        }
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
