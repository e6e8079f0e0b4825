package org.mpi4j.internal;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.concurrent.atomic.AtomicInteger;
import org.mpi4j.ffi.mpi_h;

/**
 * Downcall handles for the MPI functions that take a message buffer, linked with
 * {@link Linker.Option#critical(boolean) critical(true)} so that they accept heap segments (Java
 * arrays) without a copy. The generated bindings do not offer this option. A critical call keeps
 * the garbage collector from moving the array while MPI works on it; it also holds off other
 * threads' collections until it returns.
 */
public final class Downcalls {
    private Downcalls() {
    }

    /**
     * Reductions with a Java-bodied op that MPI may be applying now: blocking ones during their call,
     * nonblocking ones until they complete.
     */
    private static final AtomicInteger USER_OPS_IN_FLIGHT = new AtomicInteger();

    /**
     * Whether a critical downcall may be made now. MPI calls back into Java only to apply a
     * Java-bodied reduction op, during the reduction's own call or, for a nonblocking one, from any
     * call that progresses it; an upcall inside a critical downcall aborts the JVM ("wrong thread
     * state for upcall"). While such a reduction may run, heap buffers go through native copies
     * ({@link #viaCopies}).
     */
    public static boolean criticalAllowed() {
        return USER_OPS_IN_FLIGHT.get() == 0;
    }

    /**
     * A reduction starts: counts it if its op is Java-bodied ({@code javaOp}), and says whether it
     * did (to pass to {@link #userOpDone}).
     */
    public static boolean userOpStarted(boolean javaOp) {
        if (!javaOp) {
            return false;
        }
        USER_OPS_IN_FLIGHT.incrementAndGet();
        return true;
    }

    /**
     * Java code that MPI may call from any call on some object is now in place (a Java error
     * handler set on a communicator, a datatype keyval, a pending idup): no critical downcalls
     * until {@link #upcallSourceRemoved()} balances it.
     */
    public static void upcallSourceAdded() {
        USER_OPS_IN_FLIGHT.incrementAndGet();
    }

    /** One source of {@link #upcallSourceAdded()} is gone. */
    public static void upcallSourceRemoved() {
        USER_OPS_IN_FLIGHT.decrementAndGet();
    }

    /** The reduction {@link #userOpStarted} counted (when {@code counted}) has completed. */
    public static void userOpDone(boolean counted) {
        if (counted) {
            USER_OPS_IN_FLIGHT.decrementAndGet();
        }
    }

    /**
     * Calls {@code plain}, a downcall that takes native memory only, with a native copy of each heap
     * segment among {@code args}, and copies the copies back into the writable ones when the call
     * succeeds (a send buffer gets its own bytes back). The slow path of every critical call while
     * {@link #criticalAllowed} is false.
     */
    public static int viaCopies(MethodHandle plain, Object... args) {
        Staged[] staged = new Staged[args.length];
        try {
            stageHeapArgs(args, staged);
            int rc = (int) plain.invokeWithArguments(args);
            if (rc == mpi_h.MPI_SUCCESS()) {
                copyBack(staged);
            }
            return rc;
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        } finally {
            release(staged);
        }
    }

    /** Replaces each heap segment among {@code args} by a native copy of it, kept in {@code staged}. */
    static void stageHeapArgs(Object[] args, Staged[] staged) {
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof MemorySegment m && !m.isNative()) {
                staged[i] = Staged.of(m, m.byteSize(), true);
                args[i] = staged[i].segment();
            }
        }
    }

    /** Copies the staged copies back into their heap segments, except read-only ones. */
    static void copyBack(Staged[] staged) {
        for (Staged st : staged) {
            if (st != null && !st.heapReadOnly()) {
                st.copyBack(st.byteSize());
            }
        }
    }

    /** Releases the staged copies. */
    static void release(Staged[] staged) {
        for (Staged st : staged) {
            if (st != null) {
                st.release();
            }
        }
    }

    public static MethodHandle critical(MemorySegment address, FunctionDescriptor descriptor) {
        return Linker.nativeLinker().downcallHandle(address, descriptor, Linker.Option.critical(true));
    }

    private static final MethodHandle SEND = critical(mpi_h.MPI_Send$address(), mpi_h.MPI_Send$descriptor());
    private static final MethodHandle BSEND = critical(mpi_h.MPI_Bsend$address(), mpi_h.MPI_Bsend$descriptor());
    private static final MethodHandle SSEND = critical(mpi_h.MPI_Ssend$address(), mpi_h.MPI_Ssend$descriptor());
    private static final MethodHandle RSEND = critical(mpi_h.MPI_Rsend$address(), mpi_h.MPI_Rsend$descriptor());
    private static final MethodHandle RECV = critical(mpi_h.MPI_Recv$address(), mpi_h.MPI_Recv$descriptor());
    private static final MethodHandle MRECV = critical(mpi_h.MPI_Mrecv$address(), mpi_h.MPI_Mrecv$descriptor());
    private static final MethodHandle SENDRECV = critical(mpi_h.MPI_Sendrecv$address(),
            mpi_h.MPI_Sendrecv$descriptor());
    private static final MethodHandle SENDRECV_REPLACE = critical(mpi_h.MPI_Sendrecv_replace$address(),
            mpi_h.MPI_Sendrecv_replace$descriptor());

    private static final MethodHandle FILE_READ_AT = critical(mpi_h.MPI_File_read_at$address(),
            mpi_h.MPI_File_read_at$descriptor());
    private static final MethodHandle FILE_WRITE_AT = critical(mpi_h.MPI_File_write_at$address(),
            mpi_h.MPI_File_write_at$descriptor());
    private static final MethodHandle FILE_READ = critical(mpi_h.MPI_File_read$address(),
            mpi_h.MPI_File_read$descriptor());
    private static final MethodHandle FILE_WRITE = critical(mpi_h.MPI_File_write$address(),
            mpi_h.MPI_File_write$descriptor());

    /**
     * An independent file access ({@code MPI_File_read_at}, {@code _write_at} at {@code offset};
     * {@code MPI_File_read}, {@code _write} at the individual file pointer) on a heap {@code buf},
     * as a critical downcall. Independent I/O waits for no other process (ompio's posix calls on
     * this process's own descriptor), so holding off this JVM's safepoints lasts only as long as
     * the system call; callers keep each call short (chunks) and never pass a collective here.
     */
    public static int fileAccess(boolean read, boolean explicitOffset, MemorySegment fh, long offset,
            MemorySegment buf, int count, MemorySegment type, MemorySegment status) {
        try {
            if (explicitOffset) {
                return read ? (int) FILE_READ_AT.invokeExact(fh, offset, buf, count, type, status)
                        : (int) FILE_WRITE_AT.invokeExact(fh, offset, buf, count, type, status);
            }
            return read ? (int) FILE_READ.invokeExact(fh, buf, count, type, status)
                    : (int) FILE_WRITE.invokeExact(fh, buf, count, type, status);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    /** The send modes, in the order of {@link #SEND_NAMES}. */
    public static final int STANDARD = 0;
    public static final int BUFFERED = 1;
    public static final int SYNCHRONOUS = 2;
    public static final int READY = 3;
    public static final String[] SEND_NAMES = {"MPI_Send", "MPI_Bsend", "MPI_Ssend", "MPI_Rsend"};

    /**
     * Whether blocking sends of Java arrays may be critical downcalls, which hold off this JVM's
     * safepoints (and so every garbage collection) until the peer has taken the message. With
     * several threads doing MPI (THREAD_SERIALIZED or MULTIPLE) the thread that would receive that
     * peer's message, in this JVM, may be stopped at the safepoint a collection requested: both
     * JVMs freeze. Then a large array is sent from a native copy instead
     * ({@code -Dmpi4j.criticalSends=always} keeps the critical call at every thread level).
     */
    private static volatile boolean criticalSends = true;
    private static final boolean CRITICAL_SENDS_ALWAYS = "always".equals(System.getProperty("mpi4j.criticalSends"));

    /** Records the thread level MPI provides: whether only one thread of this process does MPI. */
    public static void setOneMpiThread(boolean one) {
        criticalSends = one || CRITICAL_SENDS_ALWAYS;
    }

    /** {@code MPI_Send}. */
    public static int send(MemorySegment buf, int count, MemorySegment type, int dest, int tag, MemorySegment comm) {
        return send(STANDARD, buf, count, type, dest, tag, comm);
    }

    /**
     * A blocking send in {@code mode} ({@link #STANDARD}, {@link #BUFFERED}, {@link #SYNCHRONOUS},
     * {@link #READY}); a heap {@code buf} goes through a critical downcall.
     */
    public static int send(int mode, MemorySegment buf, int count, MemorySegment type, int dest, int tag,
            MemorySegment comm) {
        if (VirtualWait.applies()) {
            return VirtualWait.send(mode, buf, count, type, dest, tag, comm);
        }
        if (buf.isNative()) {
            return switch (mode) {
                case STANDARD -> mpi_h.MPI_Send(buf, count, type, dest, tag, comm);
                case BUFFERED -> mpi_h.MPI_Bsend(buf, count, type, dest, tag, comm);
                case SYNCHRONOUS -> mpi_h.MPI_Ssend(buf, count, type, dest, tag, comm);
                default -> mpi_h.MPI_Rsend(buf, count, type, dest, tag, comm);
            };
        }
        if (!criticalAllowed() || !criticalSends) {
            MethodHandle plain = switch (mode) {
                case STANDARD -> mpi_h.MPI_Send$handle();
                case BUFFERED -> mpi_h.MPI_Bsend$handle();
                case SYNCHRONOUS -> mpi_h.MPI_Ssend$handle();
                default -> mpi_h.MPI_Rsend$handle();
            };
            return viaCopies(plain, buf, count, type, dest, tag, comm);
        }
        try {
            return switch (mode) {
                case STANDARD -> (int) SEND.invokeExact(buf, count, type, dest, tag, comm);
                case BUFFERED -> (int) BSEND.invokeExact(buf, count, type, dest, tag, comm);
                case SYNCHRONOUS -> (int) SSEND.invokeExact(buf, count, type, dest, tag, comm);
                default -> (int) RSEND.invokeExact(buf, count, type, dest, tag, comm);
            };
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    /** {@code MPI_Recv}; a heap {@code buf} goes through a critical downcall. */
    public static int recv(MemorySegment buf, int count, MemorySegment type, int source, int tag, MemorySegment comm,
            MemorySegment status) {
        if (VirtualWait.applies()) {
            return VirtualWait.recv(buf, count, type, source, tag, comm, status);
        }
        if (buf.isNative()) {
            return mpi_h.MPI_Recv(buf, count, type, source, tag, comm, status);
        }
        if (!criticalAllowed()) {
            return viaCopies(mpi_h.MPI_Recv$handle(), buf, count, type, source, tag, comm, status);
        }
        try {
            return (int) RECV.invokeExact(buf, count, type, source, tag, comm, status);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    /** {@code MPI_Mrecv} ({@code message} points to the message handle); heap {@code buf}: critical. */
    public static int mrecv(MemorySegment buf, int count, MemorySegment type, MemorySegment message, MemorySegment status) {
        if (VirtualWait.applies()) {
            return VirtualWait.mrecv(buf, count, type, message, status);
        }
        if (buf.isNative()) {
            return mpi_h.MPI_Mrecv(buf, count, type, message, status);
        }
        if (!criticalAllowed()) {
            return viaCopies(mpi_h.MPI_Mrecv$handle(), buf, count, type, message, status);
        }
        try {
            return (int) MRECV.invokeExact(buf, count, type, message, status);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    /** {@code MPI_Sendrecv}; heap buffers go through a critical downcall. */
    public static int sendrecv(MemorySegment sbuf, int scount, MemorySegment stype, int dest, int stag,
            MemorySegment rbuf, int rcount, MemorySegment rtype, int source, int rtag, MemorySegment comm,
            MemorySegment status) {
        if (VirtualWait.applies()) {
            return VirtualWait.sendrecv(sbuf, scount, stype, dest, stag, rbuf, rcount, rtype, source, rtag, comm, status);
        }
        if (sbuf.isNative() && rbuf.isNative()) {
            return mpi_h.MPI_Sendrecv(sbuf, scount, stype, dest, stag, rbuf, rcount, rtype, source, rtag, comm,
                    status);
        }
        if (!criticalAllowed() || !criticalSends) {
            return viaCopies(mpi_h.MPI_Sendrecv$handle(),
                    sbuf, scount, stype, dest, stag, rbuf, rcount, rtype, source, rtag,
                    comm, status);
        }
        try {
            return (int) SENDRECV.invokeExact(sbuf, scount, stype, dest, stag, rbuf, rcount, rtype, source, rtag,
                    comm, status);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    /** {@code MPI_Sendrecv_replace}; a heap buffer goes through a critical downcall. */
    public static int sendrecvReplace(MemorySegment buf, int count, MemorySegment type, int dest, int stag, int source,
            int rtag, MemorySegment comm, MemorySegment status) {
        if (VirtualWait.applies()) {
            return VirtualWait.sendrecvReplace(buf, count, type, dest, stag, source, rtag, comm, status);
        }
        if (buf.isNative()) {
            return mpi_h.MPI_Sendrecv_replace(buf, count, type, dest, stag, source, rtag, comm, status);
        }
        if (!criticalAllowed() || !criticalSends) {
            return viaCopies(mpi_h.MPI_Sendrecv_replace$handle(),
                    buf, count, type, dest, stag, source, rtag, comm, status);
        }
        try {
            return (int) SENDRECV_REPLACE.invokeExact(buf, count, type, dest, stag, source, rtag, comm, status);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    /**
     * {@code MPI_Mprobe}; on a virtual thread {@code MPI_Improbe} polls instead (see
     * {@link VirtualWait}).
     */
    public static int mprobe(int source, int tag, MemorySegment comm, MemorySegment message, MemorySegment status) {
        if (VirtualWait.applies()) {
            return VirtualWait.mprobe(source, tag, comm, message, status);
        }
        return mpi_h.MPI_Mprobe(source, tag, comm, message, status);
    }

    /** {@code MPI_Probe}; on a virtual thread {@code MPI_Iprobe} polls instead. */
    public static int probe(int source, int tag, MemorySegment comm, MemorySegment status) {
        if (VirtualWait.applies()) {
            return VirtualWait.probe(source, tag, comm, status);
        }
        return mpi_h.MPI_Probe(source, tag, comm, status);
    }

    /** {@code MPI_Comm_dup}; on a virtual thread {@code MPI_Comm_idup} and polls instead. */
    public static int commDup(MemorySegment comm, MemorySegment newComm) {
        if (VirtualWait.applies()) {
            return VirtualWait.collective(mpi_h.MPI_Comm_idup$handle(), comm, newComm);
        }
        return mpi_h.MPI_Comm_dup(comm, newComm);
    }

    /** {@code MPI_Barrier}; on a virtual thread {@code MPI_Ibarrier} and polls instead. */
    public static int barrier(MemorySegment comm) {
        if (VirtualWait.applies()) {
            return VirtualWait.barrier(comm);
        }
        return mpi_h.MPI_Barrier(comm);
    }

    /** The class of segments that {@code Arena}s allocate. */
    private static final Class<?> NATIVE_SEGMENT = java.lang.foreign.Arena.global().allocate(1).getClass();

    /**
     * {@link MemorySegment#isNative()} without a virtual call for the segments arenas allocate. The
     * JIT keeps one type profile per call site of a shared helper, however many callers inline it:
     * once arrays of several element types have passed through, {@code seg.isNative()} is a
     * megamorphic call on every path, native segments' included; comparing the class is one load
     * and one compare whatever went through before.
     */
    public static boolean isNative(MemorySegment seg) {
        return seg.getClass() == NATIVE_SEGMENT || seg.isNative();
    }

    /** {@code t} as an unchecked exception (a downcall through a method handle declares Throwable). */
    public static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }
}
