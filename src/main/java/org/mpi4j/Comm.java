package org.mpi4j;

import static org.mpi4j.CollectiveMessage.IN_PLACE;
import static org.mpi4j.CollectiveMessage.SMALL;
import static org.mpi4j.CollectiveMessage.SMALL_BYTES;
import static org.mpi4j.CollectiveMessage.arg;
import static org.mpi4j.CollectiveMessage.checkOp;
import static org.mpi4j.CollectiveMessage.holes;
import static org.mpi4j.CollectiveMessage.inferred;
import static org.mpi4j.CollectiveMessage.leavesGaps;
import static org.mpi4j.CollectiveMessage.noAlias;
import static org.mpi4j.CollectiveMessage.opDone;
import static org.mpi4j.CollectiveMessage.packedDispls;
import static org.mpi4j.CollectiveMessage.recvArg;
import static org.mpi4j.CollectiveMessage.recvDone;
import static org.mpi4j.CollectiveMessage.recvSpan;
import static org.mpi4j.CollectiveMessage.sendArg;
import static org.mpi4j.CollectiveMessage.span;
import static org.mpi4j.CollectiveMessage.stageNb;
import static org.mpi4j.CollectiveMessage.started;
import static org.mpi4j.CollectiveMessage.sum;
import static org.mpi4j.CollectiveMessage.typeHandle;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.OptionalInt;
import org.mpi4j.ffi.mpi_h;
import org.mpi4j.internal.CollectiveDowncalls;
import org.mpi4j.internal.Downcalls;
import org.mpi4j.internal.OpenMpiAbi;
import org.mpi4j.internal.Scratch;
import org.mpi4j.internal.SmallCopy;
import org.mpi4j.internal.Staged;

/**
 * A communicator ({@code MPI_Comm}): a group of processes and a context in which they exchange
 * messages. This class holds what every communicator can do (point-to-point, management);
 * {@link Intracomm} adds the collectives.
 *
 * <p>This class holds the point-to-point operations and the collectives every communicator has
 * (intra- and intercommunicators alike, as in MPI); {@link Intracomm} adds the constructors, the
 * in-place forms, scan and exscan.
 *
 * <p>Buffers (the three-tier rule, see README): every blocking operation takes a
 * {@link MemorySegment} (native or backed by a Java array; the datatype is inferred: the array's
 * element type, or {@link Datatype#BYTE} for native memory), {@code (MemorySegment, count,
 * Datatype)} for any datatype and any count (above 2^31-1 too for point-to-point), and each of the
 * seven primitive arrays whole. A slice of an array is {@code MemorySegment.ofArray(a).asSlice(
 * offset * elementSize, count * elementSize)}; a {@code ByteBuffer} is
 * {@code MemorySegment.ofBuffer(bb)} (position to limit). Counts, ranks, tags and buffer sizes are
 * checked before the native call.
 *
 * <p>Java arrays: a blocking call copies an array of up to 2 KiB ({@code -Dmpi4j.stageLimit})
 * through per-thread native memory (no allocation, no measurable cost at that size) and passes a
 * larger one in place through a {@code critical} downcall, which keeps it from moving during the
 * call but also holds off the JVM's garbage collections meanwhile; a blocking {@code recv} into a
 * large array therefore waits for the message with {@code MPI_Mprobe} (an ordinary call) and only
 * then receives it critically. Threads of one JVM that send large arrays to each other should use
 * native segments or nonblocking calls: a thread blocked in a critical send whose receiver needs a
 * garbage collection first would wait for ever. Nonblocking and persistent calls always copy
 * arrays into native memory held by the {@link Request}, and copy received data back on completion.
 *
 * <p>Every communicator mpi4j creates uses {@code MPI_ERRORS_RETURN}: MPI errors surface as
 * {@link MpiException} and the process goes on (unless {@code -Dmpi4j.errors} says otherwise, see
 * {@link MPI}; {@link #setErrhandler} changes it per communicator).
 */
public abstract class Comm extends NativeHandle {
    private int rank = -1;
    private int size = -1;
    // the name MPI call events carry, read once (MpiCallEvent), forgotten by setName
    private String eventName;

    Comm(MemorySegment handle, boolean predefined, boolean isNull) {
        super(handle, predefined, isNull);
    }

    /** A communicator this process may but need not free ({@code owned == false}: no leak warning). */
    Comm(MemorySegment handle, boolean predefined, boolean isNull, boolean owned) {
        super(handle, predefined, isNull, owned);
    }

    @Override
    String kind() {
        return "communicator";
    }

    @Override
    void release(MemorySegment handleRef) {
        // MPI may not be handed a freed communicator: the lazy sends on it post their rest now
        LazySends.flush(handleRef.get(ValueLayout.ADDRESS, 0));
        Errors.check(mpi_h.MPI_Comm_free(handleRef), "MPI_Comm_free");
        javaErrhandler(false);
    }

    /** Whether a Java error handler is set on this communicator (MPI may call Java from any call on it). */
    private boolean javaErrhandler;

    /** Records whether a Java error handler is set, keeping critical downcalls off while one is. */
    private synchronized void javaErrhandler(boolean java) {
        if (java != javaErrhandler) {
            javaErrhandler = java;
            if (java) {
                Downcalls.upcallSourceAdded();
            } else {
                Downcalls.upcallSourceRemoved();
            }
        }
    }

    /** Gives a communicator created by MPI the error handler every mpi4j communicator has. */
    static MemorySegment adopt(MemorySegment handle) {
        Errors.check(mpi_h.MPI_Comm_set_errhandler(handle, Errors.defaultErrhandler()),
                "MPI_Comm_set_errhandler");
        return handle;
    }

    static boolean isNullHandle(MemorySegment handle) {
        return handle.equals(MPI.COMM_NULL.rawHandle());
    }

    // ---- native interop -----------------------------------------------------------------------

    @Override
    final int c2f(MemorySegment h) {
        return mpi_h.MPI_Comm_c2f(h);
    }

    /**
     * Wraps a raw {@code MPI_Comm} made elsewhere (a native library, {@link #toHandle()} of another
     * object): the predefined communicators come back as {@link MPI#COMM_WORLD},
     * {@link MPI#COMM_SELF}, {@link MPI#COMM_NULL}; any other is borrowed ({@link #isBorrowed()}):
     * {@code close()} leaves it alone, {@code free()} frees it. Its error handler is left as it is.
     *
     * @throws IllegalArgumentException if MPI knows no communicator at that address: an address
     *                                  without readable memory behind it is refused before MPI
     *                                  sees it, then a {@code MPI_Comm_c2f}/{@code MPI_Comm_f2c}
     *                                  round trip must give it back
     */
    public static Comm fromHandle(MemorySegment handle) {
        return fromForeign(handle, "communicator", Comm::predefinedOf, mpi_h::MPI_Comm_c2f, mpi_h::MPI_Comm_f2c,
                Comm::wrapForeign);
    }

    /**
     * {@code MPI_Comm_f2c}: the communicator of a Fortran integer handle, as {@link #fromHandle}.
     *
     * @throws IllegalArgumentException if the integer names no communicator
     */
    public static Comm fromFortran(int fortranHandle) {
        return fromFortranHandle(fortranHandle, "communicator", mpi_h::MPI_Comm_f2c, Comm::fromHandle);
    }

    /**
     * The communicator a typed {@code fromHandle}/{@code fromFortran} ({@link Intracomm#fromHandle},
     * {@link Cartcomm#fromHandle} ...) expects, or an exception naming what it is instead.
     */
    static <T extends Comm> T as(Comm c, Class<T> expected) {
        if (expected.isInstance(c)) {
            return expected.cast(c);
        }
        throw new IllegalArgumentException("not a" + (expected == Intracomm.class || expected == Intercomm.class
                ? "n " : " ") + expected.getSimpleName() + " but a " + c.getClass().getSimpleName() + ": " + c);
    }

    /** The predefined communicator {@code h} names, or null. */
    static Comm predefinedOf(MemorySegment h) {
        for (Comm c : new Comm[] {MPI.COMM_WORLD, MPI.COMM_SELF, MPI.COMM_NULL}) {
            if (c.rawHandle().equals(h)) {
                return c;
            }
        }
        return null;
    }

    /**
     * The class of object for a communicator handle: an intercommunicator, or an intracommunicator
     * of its topology's class (a Cartcomm, Graphcomm or Distgraphcomm if it has a topology).
     */
    static Comm wrapForeign(MemorySegment h) {
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Comm_test_inter(h, s.int0), "MPI_Comm_test_inter");
        return s.int0() != 0 ? new Intercomm(h, false, false) : Topocomm.ofTopology(h);
    }

    // ---- management -------------------------------------------------------------------------

    /** {@code MPI_Comm_rank}: the calling process's rank. */
    public final int rank() {
        MemorySegment h = handle();
        int r = rank;
        if (r < 0) {
            Scratch s = Scratch.get();
            Errors.check(mpi_h.MPI_Comm_rank(h, s.int0), "MPI_Comm_rank");
            r = rank = s.int0();
        }
        return r;
    }

    /** {@code MPI_Comm_size}: the number of processes (of the local group, for an intercommunicator). */
    public final int size() {
        MemorySegment h = handle();
        int n = size;
        if (n < 0) {
            Scratch s = Scratch.get();
            Errors.check(mpi_h.MPI_Comm_size(h, s.int0), "MPI_Comm_size");
            n = size = s.int0();
        }
        return n;
    }

    /** {@code MPI_Comm_group}: the group of this communicator (free it when done). */
    public final Group group() {
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Comm_group(handle(), s.handle0), "MPI_Comm_group");
        return Group.fromRef(s.handle0);
    }

    /** {@code MPI_Comm_compare}. */
    public final Comparison compare(Comm other) {
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Comm_compare(handle(), Errors.checkNotNull(other, "communicator").handle(),
                s.int0), "MPI_Comm_compare");
        return Comparison.of(s.int0());
    }

    /** {@code MPI_Comm_test_inter}: whether this is an intercommunicator. */
    public final boolean isInter() {
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Comm_test_inter(handle(), s.int0), "MPI_Comm_test_inter");
        return s.int0() != 0;
    }

    /** {@code MPI_Topo_test}: the kind of topology this communicator carries, {@link Topology#UNDEFINED} for none. */
    public final Topology topoTest() {
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Topo_test(handle(), s.int0), "MPI_Topo_test");
        return Topology.of(s.int0());
    }

    /** {@code MPI_Comm_get_name}. */
    public final String getName() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment str = arena.allocate(mpi_h.MPI_MAX_OBJECT_NAME() + 1L);
            MemorySegment len = arena.allocate(ValueLayout.JAVA_INT);
            Errors.check(mpi_h.MPI_Comm_get_name(handle(), str, len), "MPI_Comm_get_name");
            return str.getString(0);
        }
    }

    /** {@code MPI_Comm_set_name}: names the communicator (for debuggers and error messages). */
    public final void setName(String name) {
        Errors.checkNotNull(name, "name");
        if (name.length() >= mpi_h.MPI_MAX_OBJECT_NAME()) {
            throw new IllegalArgumentException("name longer than " + (mpi_h.MPI_MAX_OBJECT_NAME() - 1));
        }
        try (Arena arena = Arena.ofConfined()) {
            Errors.check(mpi_h.MPI_Comm_set_name(handle(), arena.allocateFrom(name)), "MPI_Comm_set_name");
        }
        eventName = null;
    }

    /** The name {@link MpiCallEvent}s carry: asked of MPI once, not at every event. */
    final String eventName() {
        String n = eventName;
        if (n == null) {
            n = isFreed() ? "(freed)" : getName();
            eventName = n;
        }
        return n;
    }

    /**
     * {@code MPI_Comm_get_info}: the hints MPI actually uses for this communicator (a new
     * {@link Info}; free it when done).
     */
    public final Info getInfo() {
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Comm_get_info(handle(), s.handle0), "MPI_Comm_get_info");
        return Info.fromRef(s.handle0);
    }

    /** {@code MPI_Comm_set_info}: gives MPI new hints for this communicator. Collective. */
    public final void setInfo(Info info) {
        Errors.checkNotNull(info, "info");
        Errors.check(mpi_h.MPI_Comm_set_info(handle(), Info.handleOf(info)), "MPI_Comm_set_info");
    }

    /**
     * {@code MPI_Comm_get_attr} for a predefined attribute.
     *
     * @return the value, or empty if the attribute is not set
     */
    public final OptionalInt getAttr(Attribute attribute) {
        Errors.checkNotNull(attribute, "attribute");
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Comm_get_attr(handle(), attribute.keyval(), s.handle0, s.int0), "MPI_Comm_get_attr");
        if (s.int0() == 0) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(s.handle0().reinterpret(4).get(ValueLayout.JAVA_INT, 0));
    }

    /**
     * {@code MPI_Comm_set_attr}: caches {@code value} on this communicator under {@code keyval};
     * a value already there is deleted first (its deleter runs).
     *
     * @throws IllegalArgumentException if {@code keyval} is a key for another kind of object
     */
    public final <T> void setAttr(Keyval<T> keyval, T value) {
        Errors.checkNotNull(keyval, "keyval").set(Keyval.Kind.COMM, handle(), value);
    }

    /** {@code MPI_Comm_get_attr}: the value cached under {@code keyval}, if any. */
    public final <T> java.util.Optional<T> getAttr(Keyval<T> keyval) {
        return Errors.checkNotNull(keyval, "keyval").get(Keyval.Kind.COMM, handle());
    }

    /** {@code MPI_Comm_delete_attr}: deletes the value cached under {@code keyval} (its deleter runs). */
    public final void deleteAttr(Keyval<?> keyval) {
        Errors.checkNotNull(keyval, "keyval").delete(Keyval.Kind.COMM, handle());
    }

    /** The largest tag value (the {@link Attribute#TAG_UB} attribute). */
    final int tagUpperBound() {
        int ub = tagUb;
        if (ub < 0) {
            ub = tagUb = MPI.COMM_WORLD.getAttr(Attribute.TAG_UB).orElse(32767);
        }
        return ub;
    }

    private static int tagUb = -1;

    /** {@code MPI_Abort}: ends every process of this communicator's job with {@code errorCode}. */
    public final void abort(int errorCode) {
        Errors.check(mpi_h.MPI_Abort(handle(), errorCode), "MPI_Abort");
    }

    /** {@code MPI_Barrier}: returns once every process of the communicator has called it. */
    public final void barrier() {
        MpiCallEvent ev = MpiCallEvent.ENABLED ? MpiCallEvent.start() : null;
        int rc = Downcalls.barrier(handle());
        Errors.check(rc, "MPI_Barrier");
        if (ev != null) {
            ev.done("MPI_Barrier", this, MpiCallEvent.NO_PEER, MpiCallEvent.NO_TAG, 0);
        }
    }

    /**
     * {@code MPI_Comm_free}: frees this communicator. Collective: every member must call it.
     *
     * @throws IllegalStateException for {@code COMM_WORLD}, {@code COMM_SELF} and {@code COMM_NULL}
     */
    @Override
    public final void free() {
        super.free();
    }

    /**
     * {@code MPI_Comm_disconnect}: waits until every pending message on this communicator has
     * been delivered, then frees it, cutting the link to the processes of a spawn, accept or
     * connect. Collective. Disconnecting twice is harmless.
     *
     * @throws IllegalStateException for {@code COMM_WORLD}, {@code COMM_SELF} and {@code COMM_NULL}
     */
    public final void disconnect() {
        if (isNull() || isPredefined()) {
            throw new IllegalStateException((isNull() ? "the null communicator" : "a predefined communicator")
                    + " cannot be disconnected");
        }
        if (isFreed()) {
            return;
        }
        LazySends.flush(handle());
        Scratch s = Scratch.get();
        s.handle0.set(ValueLayout.ADDRESS, 0, handle());
        Errors.check(mpi_h.MPI_Comm_disconnect(s.handle0), "MPI_Comm_disconnect");
        setHandle(null);
        released();
    }

    // ---- error handlers ---------------------------------------------------------------------------

    /**
     * {@code MPI_Comm_set_errhandler}: what MPI does on an error in a call on this communicator.
     *
     * @throws IllegalArgumentException if {@code errhandler} was made for another kind of object
     */
    public final void setErrhandler(Errhandler errhandler) {
        Errors.checkNotNull(errhandler, "error handler");
        errhandler.checkFits(Errhandler.Kind.COMM);
        if (errhandler.isJava()) {
            javaErrhandler(true); // before MPI may call it
        }
        Errors.check(mpi_h.MPI_Comm_set_errhandler(handle(), errhandler.handle()), "MPI_Comm_set_errhandler");
        javaErrhandler(errhandler.isJava());
    }

    /**
     * {@code MPI_Comm_get_errhandler}: the error handler of this communicator; a predefined or Java
     * handler comes back as the same object (nothing to free), another as a new object to free.
     */
    public final Errhandler getErrhandler() {
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Comm_get_errhandler(handle(), s.handle0), "MPI_Comm_get_errhandler");
        return Errhandler.ofReturned(s.handle0);
    }

    /**
     * {@code MPI_Comm_call_errhandler}: invokes this communicator's error handler with
     * {@code errorCode}, as MPI does on an error (a library built on MPI reports its own errors
     * this way, with codes from {@link MPI#addErrorCode}). With {@link Errhandler#ERRORS_RETURN}
     * nothing happens; a Java handler runs before this returns, and what it throws is rethrown here.
     */
    public final void callErrhandler(int errorCode) {
        Errors.check(mpi_h.MPI_Comm_call_errhandler(handle(), errorCode), "MPI_Comm_call_errhandler");
        Errors.rethrowUpcallFailure();
    }

    // ---- argument checks --------------------------------------------------------------------

    /** The number of processes a rank argument refers to (the remote group's, for intercommunicators). */
    int peerSize() {
        return size();
    }

    final int checkDest(int dest) {
        if (dest != MPI.PROC_NULL && (dest < 0 || dest >= peerSize())) {
            throw new IllegalArgumentException("invalid rank " + dest + " (communicator of " + peerSize()
                    + " processes)");
        }
        return dest;
    }

    final int checkSource(int source) {
        if (source != MPI.ANY_SOURCE) {
            checkDest(source);
        }
        return source;
    }

    final int checkSendTag(int tag) {
        if (tag < 0 || tag > tagUpperBound()) {
            throw new IllegalArgumentException("invalid tag " + tag + " (0.." + tagUpperBound() + ")");
        }
        return tag;
    }

    final int checkRecvTag(int tag) {
        if (tag != MPI.ANY_TAG) {
            checkSendTag(tag);
        }
        return tag;
    }

    // ---- point-to-point: blocking sends -------------------------------------------------------------

    /**
     * {@code MPI_Send}: sends in standard mode: returns when the buffer may be reused (the message may or may not
     * have been received).
     *
     * <p>The buffer: a whole segment, its datatype inferred (the element type of the array behind a heap segment,
     * {@link Datatype#BYTE} for native memory).
     */
    public final void send(MemorySegment buf, int dest, int tag) {
        Datatype t = Buffers.typeOf(Errors.checkNotNull(buf, "buffer"));
        P2pMessage.sendCore(this, Downcalls.STANDARD, buf, Buffers.countOfLong(buf, t), t, dest, tag);
    }

    /**
     * {@code MPI_Send}: sends in standard mode: returns when the buffer may be reused (the message may or may not
     * have been received).
     *
     * <p>The buffer: {@code count} elements of {@code type} (any datatype, any count).
     *
     * @param buf   the data
     * @param count the number of elements
     * @param type  their datatype
     * @param dest  the destination rank, or {@link MPI#PROC_NULL}
     * @param tag   the message tag (0..{@link MPI#tagUpperBound()})
     * @throws IllegalArgumentException if the buffer is too small, or the rank or tag is invalid
     * @throws MpiException if MPI reports an error
     */
    public final void send(MemorySegment buf, long count, Datatype type, int dest, int tag) {
        P2pMessage.sendCore(this, Downcalls.STANDARD, buf, count, type, dest, tag);
    }

    /**
     * {@code MPI_Send}: sends in standard mode: returns when the buffer may be reused (the message may or may not
     * have been received).
     *
     * <p>The buffer: a whole {@code byte[]} ({@link Datatype#INT8_T}).
     */
    public final void send(byte[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        Errors.checkNotNull(buf, "buffer");
        P2pMessage.sendArray(this, Downcalls.STANDARD, buf, ValueLayout.JAVA_BYTE, buf.length, Datatype.INT8_T, dest, tag);
    }

    /**
     * {@code MPI_Send}: sends in standard mode: returns when the buffer may be reused (the message may or may not
     * have been received).
     *
     * <p>The buffer: a whole {@code short[]} ({@link Datatype#INT16_T}).
     */
    public final void send(short[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        Errors.checkNotNull(buf, "buffer");
        P2pMessage.sendArray(this, Downcalls.STANDARD, buf, ValueLayout.JAVA_SHORT, buf.length, Datatype.INT16_T, dest, tag);
    }

    /**
     * {@code MPI_Send}: sends in standard mode: returns when the buffer may be reused (the message may or may not
     * have been received).
     *
     * <p>The buffer: a whole {@code char[]} ({@link Datatype#UINT16_T}).
     */
    public final void send(char[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        Errors.checkNotNull(buf, "buffer");
        P2pMessage.sendArray(this, Downcalls.STANDARD, buf, ValueLayout.JAVA_CHAR, buf.length, Datatype.UINT16_T, dest, tag);
    }

    /**
     * {@code MPI_Send}: sends in standard mode: returns when the buffer may be reused (the message may or may not
     * have been received).
     *
     * <p>The buffer: a whole {@code int[]} ({@link Datatype#INT32_T}).
     */
    public final void send(int[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        Errors.checkNotNull(buf, "buffer");
        P2pMessage.sendArray(this, Downcalls.STANDARD, buf, ValueLayout.JAVA_INT, buf.length, Datatype.INT32_T, dest, tag);
    }

    /**
     * {@code MPI_Send}: sends in standard mode: returns when the buffer may be reused (the message may or may not
     * have been received).
     *
     * <p>The buffer: a whole {@code long[]} ({@link Datatype#INT64_T}).
     */
    public final void send(long[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        Errors.checkNotNull(buf, "buffer");
        P2pMessage.sendArray(this, Downcalls.STANDARD, buf, ValueLayout.JAVA_LONG, buf.length, Datatype.INT64_T, dest, tag);
    }

    /**
     * {@code MPI_Send}: sends in standard mode: returns when the buffer may be reused (the message may or may not
     * have been received).
     *
     * <p>The buffer: a whole {@code float[]} ({@link Datatype#FLOAT}).
     */
    public final void send(float[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        Errors.checkNotNull(buf, "buffer");
        P2pMessage.sendArray(this, Downcalls.STANDARD, buf, ValueLayout.JAVA_FLOAT, buf.length, Datatype.FLOAT, dest, tag);
    }

    /**
     * {@code MPI_Send}: sends in standard mode: returns when the buffer may be reused (the message may or may not
     * have been received).
     *
     * <p>The buffer: a whole {@code double[]} ({@link Datatype#DOUBLE}).
     */
    public final void send(double[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        Errors.checkNotNull(buf, "buffer");
        P2pMessage.sendArray(this, Downcalls.STANDARD, buf, ValueLayout.JAVA_DOUBLE, buf.length, Datatype.DOUBLE, dest, tag);
    }

    /**
     * {@code MPI_Bsend}: sends in buffered mode: copies the message into the buffer attached with {@link
     * MPI#attachBuffer} and returns.
     *
     * <p>The buffer: a whole segment, its datatype inferred (the element type of the array behind a heap segment,
     * {@link Datatype#BYTE} for native memory).
     */
    public final void bsend(MemorySegment buf, int dest, int tag) {
        Datatype t = Buffers.typeOf(Errors.checkNotNull(buf, "buffer"));
        P2pMessage.sendCore(this, Downcalls.BUFFERED, buf, Buffers.countOfLong(buf, t), t, dest, tag);
    }

    /**
     * {@code MPI_Bsend}: sends in buffered mode: copies the message into the buffer attached with {@link
     * MPI#attachBuffer} and returns.
     *
     * <p>The buffer: {@code count} elements of {@code type} (any datatype, any count).
     *
     * @param buf   the data
     * @param count the number of elements
     * @param type  their datatype
     * @param dest  the destination rank, or {@link MPI#PROC_NULL}
     * @param tag   the message tag (0..{@link MPI#tagUpperBound()})
     * @throws IllegalArgumentException if the buffer is too small, or the rank or tag is invalid
     * @throws MpiException if MPI reports an error
     */
    public final void bsend(MemorySegment buf, long count, Datatype type, int dest, int tag) {
        P2pMessage.sendCore(this, Downcalls.BUFFERED, buf, count, type, dest, tag);
    }

    /**
     * {@code MPI_Bsend}: sends in buffered mode: copies the message into the buffer attached with {@link
     * MPI#attachBuffer} and returns.
     *
     * <p>The buffer: a whole {@code byte[]} ({@link Datatype#INT8_T}).
     */
    public final void bsend(byte[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        Errors.checkNotNull(buf, "buffer");
        P2pMessage.sendArray(this, Downcalls.BUFFERED, buf, ValueLayout.JAVA_BYTE, buf.length, Datatype.INT8_T, dest, tag);
    }

    /**
     * {@code MPI_Bsend}: sends in buffered mode: copies the message into the buffer attached with {@link
     * MPI#attachBuffer} and returns.
     *
     * <p>The buffer: a whole {@code short[]} ({@link Datatype#INT16_T}).
     */
    public final void bsend(short[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        Errors.checkNotNull(buf, "buffer");
        P2pMessage.sendArray(this, Downcalls.BUFFERED, buf, ValueLayout.JAVA_SHORT, buf.length, Datatype.INT16_T, dest, tag);
    }

    /**
     * {@code MPI_Bsend}: sends in buffered mode: copies the message into the buffer attached with {@link
     * MPI#attachBuffer} and returns.
     *
     * <p>The buffer: a whole {@code char[]} ({@link Datatype#UINT16_T}).
     */
    public final void bsend(char[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        Errors.checkNotNull(buf, "buffer");
        P2pMessage.sendArray(this, Downcalls.BUFFERED, buf, ValueLayout.JAVA_CHAR, buf.length, Datatype.UINT16_T, dest, tag);
    }

    /**
     * {@code MPI_Bsend}: sends in buffered mode: copies the message into the buffer attached with {@link
     * MPI#attachBuffer} and returns.
     *
     * <p>The buffer: a whole {@code int[]} ({@link Datatype#INT32_T}).
     */
    public final void bsend(int[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        Errors.checkNotNull(buf, "buffer");
        P2pMessage.sendArray(this, Downcalls.BUFFERED, buf, ValueLayout.JAVA_INT, buf.length, Datatype.INT32_T, dest, tag);
    }

    /**
     * {@code MPI_Bsend}: sends in buffered mode: copies the message into the buffer attached with {@link
     * MPI#attachBuffer} and returns.
     *
     * <p>The buffer: a whole {@code long[]} ({@link Datatype#INT64_T}).
     */
    public final void bsend(long[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        Errors.checkNotNull(buf, "buffer");
        P2pMessage.sendArray(this, Downcalls.BUFFERED, buf, ValueLayout.JAVA_LONG, buf.length, Datatype.INT64_T, dest, tag);
    }

    /**
     * {@code MPI_Bsend}: sends in buffered mode: copies the message into the buffer attached with {@link
     * MPI#attachBuffer} and returns.
     *
     * <p>The buffer: a whole {@code float[]} ({@link Datatype#FLOAT}).
     */
    public final void bsend(float[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        Errors.checkNotNull(buf, "buffer");
        P2pMessage.sendArray(this, Downcalls.BUFFERED, buf, ValueLayout.JAVA_FLOAT, buf.length, Datatype.FLOAT, dest, tag);
    }

    /**
     * {@code MPI_Bsend}: sends in buffered mode: copies the message into the buffer attached with {@link
     * MPI#attachBuffer} and returns.
     *
     * <p>The buffer: a whole {@code double[]} ({@link Datatype#DOUBLE}).
     */
    public final void bsend(double[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        Errors.checkNotNull(buf, "buffer");
        P2pMessage.sendArray(this, Downcalls.BUFFERED, buf, ValueLayout.JAVA_DOUBLE, buf.length, Datatype.DOUBLE, dest, tag);
    }

    /**
     * {@code MPI_Ssend}: sends in synchronous mode: returns once the matching receive has started.
     *
     * <p>The buffer: a whole segment, its datatype inferred (the element type of the array behind a heap segment,
     * {@link Datatype#BYTE} for native memory).
     */
    public final void ssend(MemorySegment buf, int dest, int tag) {
        Datatype t = Buffers.typeOf(Errors.checkNotNull(buf, "buffer"));
        P2pMessage.sendCore(this, Downcalls.SYNCHRONOUS, buf, Buffers.countOfLong(buf, t), t, dest, tag);
    }

    /**
     * {@code MPI_Ssend}: sends in synchronous mode: returns once the matching receive has started.
     *
     * <p>The buffer: {@code count} elements of {@code type} (any datatype, any count).
     *
     * @param buf   the data
     * @param count the number of elements
     * @param type  their datatype
     * @param dest  the destination rank, or {@link MPI#PROC_NULL}
     * @param tag   the message tag (0..{@link MPI#tagUpperBound()})
     * @throws IllegalArgumentException if the buffer is too small, or the rank or tag is invalid
     * @throws MpiException if MPI reports an error
     */
    public final void ssend(MemorySegment buf, long count, Datatype type, int dest, int tag) {
        P2pMessage.sendCore(this, Downcalls.SYNCHRONOUS, buf, count, type, dest, tag);
    }

    /**
     * {@code MPI_Ssend}: sends in synchronous mode: returns once the matching receive has started.
     *
     * <p>The buffer: a whole {@code byte[]} ({@link Datatype#INT8_T}).
     */
    public final void ssend(byte[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        Errors.checkNotNull(buf, "buffer");
        P2pMessage.sendArray(this, Downcalls.SYNCHRONOUS, buf, ValueLayout.JAVA_BYTE, buf.length, Datatype.INT8_T, dest, tag);
    }

    /**
     * {@code MPI_Ssend}: sends in synchronous mode: returns once the matching receive has started.
     *
     * <p>The buffer: a whole {@code short[]} ({@link Datatype#INT16_T}).
     */
    public final void ssend(short[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        Errors.checkNotNull(buf, "buffer");
        P2pMessage.sendArray(this, Downcalls.SYNCHRONOUS, buf, ValueLayout.JAVA_SHORT, buf.length, Datatype.INT16_T, dest, tag);
    }

    /**
     * {@code MPI_Ssend}: sends in synchronous mode: returns once the matching receive has started.
     *
     * <p>The buffer: a whole {@code char[]} ({@link Datatype#UINT16_T}).
     */
    public final void ssend(char[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        Errors.checkNotNull(buf, "buffer");
        P2pMessage.sendArray(this, Downcalls.SYNCHRONOUS, buf, ValueLayout.JAVA_CHAR, buf.length, Datatype.UINT16_T, dest, tag);
    }

    /**
     * {@code MPI_Ssend}: sends in synchronous mode: returns once the matching receive has started.
     *
     * <p>The buffer: a whole {@code int[]} ({@link Datatype#INT32_T}).
     */
    public final void ssend(int[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        Errors.checkNotNull(buf, "buffer");
        P2pMessage.sendArray(this, Downcalls.SYNCHRONOUS, buf, ValueLayout.JAVA_INT, buf.length, Datatype.INT32_T, dest, tag);
    }

    /**
     * {@code MPI_Ssend}: sends in synchronous mode: returns once the matching receive has started.
     *
     * <p>The buffer: a whole {@code long[]} ({@link Datatype#INT64_T}).
     */
    public final void ssend(long[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        Errors.checkNotNull(buf, "buffer");
        P2pMessage.sendArray(this, Downcalls.SYNCHRONOUS, buf, ValueLayout.JAVA_LONG, buf.length, Datatype.INT64_T, dest, tag);
    }

    /**
     * {@code MPI_Ssend}: sends in synchronous mode: returns once the matching receive has started.
     *
     * <p>The buffer: a whole {@code float[]} ({@link Datatype#FLOAT}).
     */
    public final void ssend(float[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        Errors.checkNotNull(buf, "buffer");
        P2pMessage.sendArray(this, Downcalls.SYNCHRONOUS, buf, ValueLayout.JAVA_FLOAT, buf.length, Datatype.FLOAT, dest, tag);
    }

    /**
     * {@code MPI_Ssend}: sends in synchronous mode: returns once the matching receive has started.
     *
     * <p>The buffer: a whole {@code double[]} ({@link Datatype#DOUBLE}).
     */
    public final void ssend(double[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        Errors.checkNotNull(buf, "buffer");
        P2pMessage.sendArray(this, Downcalls.SYNCHRONOUS, buf, ValueLayout.JAVA_DOUBLE, buf.length, Datatype.DOUBLE, dest, tag);
    }

    /**
     * {@code MPI_Rsend}: sends in ready mode: the matching receive must already be posted.
     *
     * <p>The buffer: a whole segment, its datatype inferred (the element type of the array behind a heap segment,
     * {@link Datatype#BYTE} for native memory).
     */
    public final void rsend(MemorySegment buf, int dest, int tag) {
        Datatype t = Buffers.typeOf(Errors.checkNotNull(buf, "buffer"));
        P2pMessage.sendCore(this, Downcalls.READY, buf, Buffers.countOfLong(buf, t), t, dest, tag);
    }

    /**
     * {@code MPI_Rsend}: sends in ready mode: the matching receive must already be posted.
     *
     * <p>The buffer: {@code count} elements of {@code type} (any datatype, any count).
     *
     * @param buf   the data
     * @param count the number of elements
     * @param type  their datatype
     * @param dest  the destination rank, or {@link MPI#PROC_NULL}
     * @param tag   the message tag (0..{@link MPI#tagUpperBound()})
     * @throws IllegalArgumentException if the buffer is too small, or the rank or tag is invalid
     * @throws MpiException if MPI reports an error
     */
    public final void rsend(MemorySegment buf, long count, Datatype type, int dest, int tag) {
        P2pMessage.sendCore(this, Downcalls.READY, buf, count, type, dest, tag);
    }

    /**
     * {@code MPI_Rsend}: sends in ready mode: the matching receive must already be posted.
     *
     * <p>The buffer: a whole {@code byte[]} ({@link Datatype#INT8_T}).
     */
    public final void rsend(byte[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        Errors.checkNotNull(buf, "buffer");
        P2pMessage.sendArray(this, Downcalls.READY, buf, ValueLayout.JAVA_BYTE, buf.length, Datatype.INT8_T, dest, tag);
    }

    /**
     * {@code MPI_Rsend}: sends in ready mode: the matching receive must already be posted.
     *
     * <p>The buffer: a whole {@code short[]} ({@link Datatype#INT16_T}).
     */
    public final void rsend(short[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        Errors.checkNotNull(buf, "buffer");
        P2pMessage.sendArray(this, Downcalls.READY, buf, ValueLayout.JAVA_SHORT, buf.length, Datatype.INT16_T, dest, tag);
    }

    /**
     * {@code MPI_Rsend}: sends in ready mode: the matching receive must already be posted.
     *
     * <p>The buffer: a whole {@code char[]} ({@link Datatype#UINT16_T}).
     */
    public final void rsend(char[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        Errors.checkNotNull(buf, "buffer");
        P2pMessage.sendArray(this, Downcalls.READY, buf, ValueLayout.JAVA_CHAR, buf.length, Datatype.UINT16_T, dest, tag);
    }

    /**
     * {@code MPI_Rsend}: sends in ready mode: the matching receive must already be posted.
     *
     * <p>The buffer: a whole {@code int[]} ({@link Datatype#INT32_T}).
     */
    public final void rsend(int[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        Errors.checkNotNull(buf, "buffer");
        P2pMessage.sendArray(this, Downcalls.READY, buf, ValueLayout.JAVA_INT, buf.length, Datatype.INT32_T, dest, tag);
    }

    /**
     * {@code MPI_Rsend}: sends in ready mode: the matching receive must already be posted.
     *
     * <p>The buffer: a whole {@code long[]} ({@link Datatype#INT64_T}).
     */
    public final void rsend(long[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        Errors.checkNotNull(buf, "buffer");
        P2pMessage.sendArray(this, Downcalls.READY, buf, ValueLayout.JAVA_LONG, buf.length, Datatype.INT64_T, dest, tag);
    }

    /**
     * {@code MPI_Rsend}: sends in ready mode: the matching receive must already be posted.
     *
     * <p>The buffer: a whole {@code float[]} ({@link Datatype#FLOAT}).
     */
    public final void rsend(float[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        Errors.checkNotNull(buf, "buffer");
        P2pMessage.sendArray(this, Downcalls.READY, buf, ValueLayout.JAVA_FLOAT, buf.length, Datatype.FLOAT, dest, tag);
    }

    /**
     * {@code MPI_Rsend}: sends in ready mode: the matching receive must already be posted.
     *
     * <p>The buffer: a whole {@code double[]} ({@link Datatype#DOUBLE}).
     */
    public final void rsend(double[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        Errors.checkNotNull(buf, "buffer");
        P2pMessage.sendArray(this, Downcalls.READY, buf, ValueLayout.JAVA_DOUBLE, buf.length, Datatype.DOUBLE, dest, tag);
    }

    // ---- point-to-point: blocking receive, sendrecv -------------------------------------------------

    /**
     * {@code MPI_Recv}: receives a message, waiting for it.
     *
     * <p>The buffer: a whole segment, its datatype inferred (the element type of the array behind a heap segment,
     * {@link Datatype#BYTE} for native memory).
     */
    public final void recv(MemorySegment buf, int source, int tag, Status status) {
        Datatype t = Buffers.typeOf(Errors.checkNotNull(buf, "buffer"));
        P2pMessage.recvCore(this, buf, Buffers.countOfLong(buf, t), t, source, tag, status);
    }

    /**
     * {@code MPI_Recv}: receives a message, waiting for it.
     *
     * <p>The buffer: {@code count} elements of {@code type} (any datatype, any count).
     *
     * @param buf    receives the data
     * @param count  the most elements the message may have
     * @param type   their datatype
     * @param source the source rank, {@link MPI#ANY_SOURCE} or {@link MPI#PROC_NULL}
     * @param tag    the message tag, or {@link MPI#ANY_TAG}
     * @param status filled with the source, tag and size of the message; may be null
     * @throws IllegalArgumentException if the buffer is too small or read-only, or the rank or tag is invalid
     * @throws MpiException with {@link ErrorClass#ERR_TRUNCATE} if the message is longer than {@code count}
     */
    public final void recv(MemorySegment buf, long count, Datatype type, int source, int tag, Status status) {
        P2pMessage.recvCore(this, buf, count, type, source, tag, status);
    }

    /**
     * {@code MPI_Recv}: receives a message, waiting for it.
     *
     * <p>The buffer: a whole {@code byte[]} ({@link Datatype#INT8_T}).
     */
    public final void recv(byte[] buf, int source, int tag, Status status) {
        Errors.checkNotNull(buf, "buf");
        Errors.checkNotNull(buf, "buffer");
        P2pMessage.recvArray(this, buf, ValueLayout.JAVA_BYTE, buf.length, Datatype.INT8_T, source, tag, status);
    }

    /**
     * {@code MPI_Recv}: receives a message, waiting for it.
     *
     * <p>The buffer: a whole {@code short[]} ({@link Datatype#INT16_T}).
     */
    public final void recv(short[] buf, int source, int tag, Status status) {
        Errors.checkNotNull(buf, "buf");
        Errors.checkNotNull(buf, "buffer");
        P2pMessage.recvArray(this, buf, ValueLayout.JAVA_SHORT, buf.length, Datatype.INT16_T, source, tag, status);
    }

    /**
     * {@code MPI_Recv}: receives a message, waiting for it.
     *
     * <p>The buffer: a whole {@code char[]} ({@link Datatype#UINT16_T}).
     */
    public final void recv(char[] buf, int source, int tag, Status status) {
        Errors.checkNotNull(buf, "buf");
        Errors.checkNotNull(buf, "buffer");
        P2pMessage.recvArray(this, buf, ValueLayout.JAVA_CHAR, buf.length, Datatype.UINT16_T, source, tag, status);
    }

    /**
     * {@code MPI_Recv}: receives a message, waiting for it.
     *
     * <p>The buffer: a whole {@code int[]} ({@link Datatype#INT32_T}).
     */
    public final void recv(int[] buf, int source, int tag, Status status) {
        Errors.checkNotNull(buf, "buf");
        Errors.checkNotNull(buf, "buffer");
        P2pMessage.recvArray(this, buf, ValueLayout.JAVA_INT, buf.length, Datatype.INT32_T, source, tag, status);
    }

    /**
     * {@code MPI_Recv}: receives a message, waiting for it.
     *
     * <p>The buffer: a whole {@code long[]} ({@link Datatype#INT64_T}).
     */
    public final void recv(long[] buf, int source, int tag, Status status) {
        Errors.checkNotNull(buf, "buf");
        Errors.checkNotNull(buf, "buffer");
        P2pMessage.recvArray(this, buf, ValueLayout.JAVA_LONG, buf.length, Datatype.INT64_T, source, tag, status);
    }

    /**
     * {@code MPI_Recv}: receives a message, waiting for it.
     *
     * <p>The buffer: a whole {@code float[]} ({@link Datatype#FLOAT}).
     */
    public final void recv(float[] buf, int source, int tag, Status status) {
        Errors.checkNotNull(buf, "buf");
        Errors.checkNotNull(buf, "buffer");
        P2pMessage.recvArray(this, buf, ValueLayout.JAVA_FLOAT, buf.length, Datatype.FLOAT, source, tag, status);
    }

    /**
     * {@code MPI_Recv}: receives a message, waiting for it.
     *
     * <p>The buffer: a whole {@code double[]} ({@link Datatype#DOUBLE}).
     */
    public final void recv(double[] buf, int source, int tag, Status status) {
        Errors.checkNotNull(buf, "buf");
        Errors.checkNotNull(buf, "buffer");
        P2pMessage.recvArray(this, buf, ValueLayout.JAVA_DOUBLE, buf.length, Datatype.DOUBLE, source, tag, status);
    }

    /**
     * {@code MPI_Sendrecv}: sends one message and receives another in one call, without deadlock between pairs of
     * processes.
     *
     * <p>The buffers: whole segments, each datatype inferred (the element type of the array behind a heap segment,
     * {@link Datatype#BYTE} for native memory).
     */
    public final void sendrecv(MemorySegment sendBuf, int dest, int sendTag, MemorySegment recvBuf, int source,
            int recvTag, Status status) {
        Datatype sendt = Buffers.typeOf(Errors.checkNotNull(sendBuf, "buffer"));
        Datatype recvt = Buffers.typeOf(Errors.checkNotNull(recvBuf, "buffer"));
        P2pMessage.sendrecvCore(this, sendBuf, Buffers.countOfLong(sendBuf, sendt), sendt, dest, sendTag, recvBuf,
                Buffers.countOfLong(recvBuf, recvt), recvt, source, recvTag, status);
    }

    /**
     * {@code MPI_Sendrecv}: sends one message and receives another in one call, without deadlock between pairs of
     * processes.
     *
     * <p>The buffers: {@code sendCount} elements of {@code sendType}, and up to {@code recvCount} elements of {@code
     * recvType} (any datatypes, any counts).
     *
     * @param status filled for the received message; may be null
     * @throws IllegalArgumentException if a buffer is too small, or a rank or tag is invalid
     * @throws MpiException with {@link ErrorClass#ERR_TRUNCATE} if the incoming message is too long
     */
    public final void sendrecv(MemorySegment sendBuf, long sendCount, Datatype sendType, int dest, int sendTag,
            MemorySegment recvBuf, long recvCount, Datatype recvType, int source, int recvTag, Status status) {
        P2pMessage.sendrecvCore(this, sendBuf, sendCount, sendType, dest, sendTag, recvBuf, recvCount, recvType, source, recvTag,
                status);
    }

    /**
     * {@code MPI_Sendrecv}: sends one message and receives another in one call, without deadlock between pairs of
     * processes.
     *
     * <p>The buffers: whole arrays: {@code byte[]} ({@link Datatype#INT8_T}).
     */
    public final void sendrecv(byte[] sendBuf, int dest, int sendTag, byte[] recvBuf, int source, int recvTag,
            Status status) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        Errors.checkNotNull(recvBuf, "recvBuf");
        P2pMessage.sendrecvCore(this, Buffers.of(sendBuf), sendBuf.length, Datatype.INT8_T, dest, sendTag, Buffers.of(recvBuf),
                recvBuf.length, Datatype.INT8_T, source, recvTag, status);
    }

    /**
     * {@code MPI_Sendrecv}: sends one message and receives another in one call, without deadlock between pairs of
     * processes.
     *
     * <p>The buffers: whole arrays: {@code short[]} ({@link Datatype#INT16_T}).
     */
    public final void sendrecv(short[] sendBuf, int dest, int sendTag, short[] recvBuf, int source, int recvTag,
            Status status) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        Errors.checkNotNull(recvBuf, "recvBuf");
        P2pMessage.sendrecvCore(this, Buffers.of(sendBuf), sendBuf.length, Datatype.INT16_T, dest, sendTag, Buffers.of(recvBuf),
                recvBuf.length, Datatype.INT16_T, source, recvTag, status);
    }

    /**
     * {@code MPI_Sendrecv}: sends one message and receives another in one call, without deadlock between pairs of
     * processes.
     *
     * <p>The buffers: whole arrays: {@code char[]} ({@link Datatype#UINT16_T}).
     */
    public final void sendrecv(char[] sendBuf, int dest, int sendTag, char[] recvBuf, int source, int recvTag,
            Status status) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        Errors.checkNotNull(recvBuf, "recvBuf");
        P2pMessage.sendrecvCore(this, Buffers.of(sendBuf), sendBuf.length, Datatype.UINT16_T, dest, sendTag, Buffers.of(recvBuf),
                recvBuf.length, Datatype.UINT16_T, source, recvTag, status);
    }

    /**
     * {@code MPI_Sendrecv}: sends one message and receives another in one call, without deadlock between pairs of
     * processes.
     *
     * <p>The buffers: whole arrays: {@code int[]} ({@link Datatype#INT32_T}).
     */
    public final void sendrecv(int[] sendBuf, int dest, int sendTag, int[] recvBuf, int source, int recvTag,
            Status status) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        Errors.checkNotNull(recvBuf, "recvBuf");
        P2pMessage.sendrecvCore(this, Buffers.of(sendBuf), sendBuf.length, Datatype.INT32_T, dest, sendTag, Buffers.of(recvBuf),
                recvBuf.length, Datatype.INT32_T, source, recvTag, status);
    }

    /**
     * {@code MPI_Sendrecv}: sends one message and receives another in one call, without deadlock between pairs of
     * processes.
     *
     * <p>The buffers: whole arrays: {@code long[]} ({@link Datatype#INT64_T}).
     */
    public final void sendrecv(long[] sendBuf, int dest, int sendTag, long[] recvBuf, int source, int recvTag,
            Status status) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        Errors.checkNotNull(recvBuf, "recvBuf");
        P2pMessage.sendrecvCore(this, Buffers.of(sendBuf), sendBuf.length, Datatype.INT64_T, dest, sendTag, Buffers.of(recvBuf),
                recvBuf.length, Datatype.INT64_T, source, recvTag, status);
    }

    /**
     * {@code MPI_Sendrecv}: sends one message and receives another in one call, without deadlock between pairs of
     * processes.
     *
     * <p>The buffers: whole arrays: {@code float[]} ({@link Datatype#FLOAT}).
     */
    public final void sendrecv(float[] sendBuf, int dest, int sendTag, float[] recvBuf, int source, int recvTag,
            Status status) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        Errors.checkNotNull(recvBuf, "recvBuf");
        P2pMessage.sendrecvCore(this, Buffers.of(sendBuf), sendBuf.length, Datatype.FLOAT, dest, sendTag, Buffers.of(recvBuf),
                recvBuf.length, Datatype.FLOAT, source, recvTag, status);
    }

    /**
     * {@code MPI_Sendrecv}: sends one message and receives another in one call, without deadlock between pairs of
     * processes.
     *
     * <p>The buffers: whole arrays: {@code double[]} ({@link Datatype#DOUBLE}).
     */
    public final void sendrecv(double[] sendBuf, int dest, int sendTag, double[] recvBuf, int source, int recvTag,
            Status status) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        Errors.checkNotNull(recvBuf, "recvBuf");
        P2pMessage.sendrecvCore(this, Buffers.of(sendBuf), sendBuf.length, Datatype.DOUBLE, dest, sendTag, Buffers.of(recvBuf),
                recvBuf.length, Datatype.DOUBLE, source, recvTag, status);
    }

    /**
     * {@code MPI_Sendrecv_replace}: sends the buffer's contents and receives a message into the same buffer.
     *
     * <p>The buffer: a whole segment, its datatype inferred (the element type of the array behind a heap segment,
     * {@link Datatype#BYTE} for native memory).
     */
    public final void sendrecvReplace(MemorySegment buf, int dest, int sendTag, int source, int recvTag,
            Status status) {
        Datatype t = Buffers.typeOf(Errors.checkNotNull(buf, "buffer"));
        P2pMessage.sendrecvReplaceCore(this, buf, Buffers.countOfLong(buf, t), t, dest, sendTag, source, recvTag, status);
    }

    /**
     * {@code MPI_Sendrecv_replace}: sends the buffer's contents and receives a message into the same buffer.
     *
     * <p>The buffer: {@code count} elements of {@code type} (any datatype, any count).
     *
     * @param status filled for the received message; may be null
     * @throws MpiException with {@link ErrorClass#ERR_TRUNCATE} if the incoming message is longer than {@code count}
     */
    public final void sendrecvReplace(MemorySegment buf, long count, Datatype type, int dest, int sendTag, int source,
            int recvTag, Status status) {
        P2pMessage.sendrecvReplaceCore(this, buf, count, type, dest, sendTag, source, recvTag, status);
    }

    /**
     * {@code MPI_Sendrecv_replace}: sends the buffer's contents and receives a message into the same buffer.
     *
     * <p>The buffer: a whole {@code byte[]} ({@link Datatype#INT8_T}).
     */
    public final void sendrecvReplace(byte[] buf, int dest, int sendTag, int source, int recvTag, Status status) {
        Errors.checkNotNull(buf, "buf");
        P2pMessage.sendrecvReplaceCore(this, Buffers.of(buf), buf.length, Datatype.INT8_T, dest, sendTag, source, recvTag, status);
    }

    /**
     * {@code MPI_Sendrecv_replace}: sends the buffer's contents and receives a message into the same buffer.
     *
     * <p>The buffer: a whole {@code short[]} ({@link Datatype#INT16_T}).
     */
    public final void sendrecvReplace(short[] buf, int dest, int sendTag, int source, int recvTag, Status status) {
        Errors.checkNotNull(buf, "buf");
        P2pMessage.sendrecvReplaceCore(this, Buffers.of(buf), buf.length, Datatype.INT16_T, dest, sendTag, source, recvTag, status);
    }

    /**
     * {@code MPI_Sendrecv_replace}: sends the buffer's contents and receives a message into the same buffer.
     *
     * <p>The buffer: a whole {@code char[]} ({@link Datatype#UINT16_T}).
     */
    public final void sendrecvReplace(char[] buf, int dest, int sendTag, int source, int recvTag, Status status) {
        Errors.checkNotNull(buf, "buf");
        P2pMessage.sendrecvReplaceCore(this, Buffers.of(buf), buf.length, Datatype.UINT16_T, dest, sendTag, source, recvTag, status);
    }

    /**
     * {@code MPI_Sendrecv_replace}: sends the buffer's contents and receives a message into the same buffer.
     *
     * <p>The buffer: a whole {@code int[]} ({@link Datatype#INT32_T}).
     */
    public final void sendrecvReplace(int[] buf, int dest, int sendTag, int source, int recvTag, Status status) {
        Errors.checkNotNull(buf, "buf");
        P2pMessage.sendrecvReplaceCore(this, Buffers.of(buf), buf.length, Datatype.INT32_T, dest, sendTag, source, recvTag, status);
    }

    /**
     * {@code MPI_Sendrecv_replace}: sends the buffer's contents and receives a message into the same buffer.
     *
     * <p>The buffer: a whole {@code long[]} ({@link Datatype#INT64_T}).
     */
    public final void sendrecvReplace(long[] buf, int dest, int sendTag, int source, int recvTag, Status status) {
        Errors.checkNotNull(buf, "buf");
        P2pMessage.sendrecvReplaceCore(this, Buffers.of(buf), buf.length, Datatype.INT64_T, dest, sendTag, source, recvTag, status);
    }

    /**
     * {@code MPI_Sendrecv_replace}: sends the buffer's contents and receives a message into the same buffer.
     *
     * <p>The buffer: a whole {@code float[]} ({@link Datatype#FLOAT}).
     */
    public final void sendrecvReplace(float[] buf, int dest, int sendTag, int source, int recvTag, Status status) {
        Errors.checkNotNull(buf, "buf");
        P2pMessage.sendrecvReplaceCore(this, Buffers.of(buf), buf.length, Datatype.FLOAT, dest, sendTag, source, recvTag, status);
    }

    /**
     * {@code MPI_Sendrecv_replace}: sends the buffer's contents and receives a message into the same buffer.
     *
     * <p>The buffer: a whole {@code double[]} ({@link Datatype#DOUBLE}).
     */
    public final void sendrecvReplace(double[] buf, int dest, int sendTag, int source, int recvTag, Status status) {
        Errors.checkNotNull(buf, "buf");
        P2pMessage.sendrecvReplaceCore(this, Buffers.of(buf), buf.length, Datatype.DOUBLE, dest, sendTag, source, recvTag, status);
    }

    // ---- point-to-point: nonblocking ----------------------------------------------------------------

    /**
     * {@code MPI_Isend}: starts a send in standard mode; complete the returned request.
     *
     * <p>The buffer: a whole segment, its datatype inferred (the element type of the array behind a heap segment,
     * {@link Datatype#BYTE} for native memory).
     */
    public final Request isend(MemorySegment buf, int dest, int tag) {
        Datatype t = Buffers.typeOf(Errors.checkNotNull(buf, "buffer"));
        return P2pMessage.isendCore(this, Downcalls.STANDARD, buf, Buffers.countOfLong(buf, t), t, dest, tag);
    }

    /**
     * {@code MPI_Isend}: starts a send in standard mode; complete the returned request.
     *
     * <p>The buffer: {@code count} elements of {@code type} (any datatype, any count).
     *
     * @param buf   the data
     * @param count the number of elements
     * @param type  their datatype
     * @param dest  the destination rank, or {@link MPI#PROC_NULL}
     * @param tag   the message tag (0..{@link MPI#tagUpperBound()})
     * @return the request; the buffer may be reused once it completes
     * @throws IllegalArgumentException if the buffer is too small, or the rank or tag is invalid
     * @throws MpiException if MPI reports an error
     */
    public final Request isend(MemorySegment buf, long count, Datatype type, int dest, int tag) {
        return P2pMessage.isendCore(this, Downcalls.STANDARD, buf, count, type, dest, tag);
    }

    /**
     * {@code MPI_Isend}: starts a send in standard mode; complete the returned request.
     *
     * <p>The buffer: a whole {@code byte[]} ({@link Datatype#INT8_T}).
     */
    public final Request isend(byte[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        return P2pMessage.isendCore(this, Downcalls.STANDARD, Buffers.of(buf), buf.length, Datatype.INT8_T, dest, tag);
    }

    /**
     * {@code MPI_Isend}: starts a send in standard mode; complete the returned request.
     *
     * <p>The buffer: a whole {@code short[]} ({@link Datatype#INT16_T}).
     */
    public final Request isend(short[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        return P2pMessage.isendCore(this, Downcalls.STANDARD, Buffers.of(buf), buf.length, Datatype.INT16_T, dest, tag);
    }

    /**
     * {@code MPI_Isend}: starts a send in standard mode; complete the returned request.
     *
     * <p>The buffer: a whole {@code char[]} ({@link Datatype#UINT16_T}).
     */
    public final Request isend(char[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        return P2pMessage.isendCore(this, Downcalls.STANDARD, Buffers.of(buf), buf.length, Datatype.UINT16_T, dest, tag);
    }

    /**
     * {@code MPI_Isend}: starts a send in standard mode; complete the returned request.
     *
     * <p>The buffer: a whole {@code int[]} ({@link Datatype#INT32_T}).
     */
    public final Request isend(int[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        return P2pMessage.isendCore(this, Downcalls.STANDARD, Buffers.of(buf), buf.length, Datatype.INT32_T, dest, tag);
    }

    /**
     * {@code MPI_Isend}: starts a send in standard mode; complete the returned request.
     *
     * <p>The buffer: a whole {@code long[]} ({@link Datatype#INT64_T}).
     */
    public final Request isend(long[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        return P2pMessage.isendCore(this, Downcalls.STANDARD, Buffers.of(buf), buf.length, Datatype.INT64_T, dest, tag);
    }

    /**
     * {@code MPI_Isend}: starts a send in standard mode; complete the returned request.
     *
     * <p>The buffer: a whole {@code float[]} ({@link Datatype#FLOAT}).
     */
    public final Request isend(float[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        return P2pMessage.isendCore(this, Downcalls.STANDARD, Buffers.of(buf), buf.length, Datatype.FLOAT, dest, tag);
    }

    /**
     * {@code MPI_Isend}: starts a send in standard mode; complete the returned request.
     *
     * <p>The buffer: a whole {@code double[]} ({@link Datatype#DOUBLE}).
     */
    public final Request isend(double[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        return P2pMessage.isendCore(this, Downcalls.STANDARD, Buffers.of(buf), buf.length, Datatype.DOUBLE, dest, tag);
    }

    /**
     * {@code MPI_Ibsend}: starts a send in buffered mode; complete the returned request.
     *
     * <p>The buffer: a whole segment, its datatype inferred (the element type of the array behind a heap segment,
     * {@link Datatype#BYTE} for native memory).
     */
    public final Request ibsend(MemorySegment buf, int dest, int tag) {
        Datatype t = Buffers.typeOf(Errors.checkNotNull(buf, "buffer"));
        return P2pMessage.isendCore(this, Downcalls.BUFFERED, buf, Buffers.countOfLong(buf, t), t, dest, tag);
    }

    /**
     * {@code MPI_Ibsend}: starts a send in buffered mode; complete the returned request.
     *
     * <p>The buffer: {@code count} elements of {@code type} (any datatype, any count).
     *
     * @param buf   the data
     * @param count the number of elements
     * @param type  their datatype
     * @param dest  the destination rank, or {@link MPI#PROC_NULL}
     * @param tag   the message tag (0..{@link MPI#tagUpperBound()})
     * @return the request; the buffer may be reused once it completes
     * @throws IllegalArgumentException if the buffer is too small, or the rank or tag is invalid
     * @throws MpiException if MPI reports an error
     */
    public final Request ibsend(MemorySegment buf, long count, Datatype type, int dest, int tag) {
        return P2pMessage.isendCore(this, Downcalls.BUFFERED, buf, count, type, dest, tag);
    }

    /**
     * {@code MPI_Ibsend}: starts a send in buffered mode; complete the returned request.
     *
     * <p>The buffer: a whole {@code byte[]} ({@link Datatype#INT8_T}).
     */
    public final Request ibsend(byte[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        return P2pMessage.isendCore(this, Downcalls.BUFFERED, Buffers.of(buf), buf.length, Datatype.INT8_T, dest, tag);
    }

    /**
     * {@code MPI_Ibsend}: starts a send in buffered mode; complete the returned request.
     *
     * <p>The buffer: a whole {@code short[]} ({@link Datatype#INT16_T}).
     */
    public final Request ibsend(short[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        return P2pMessage.isendCore(this, Downcalls.BUFFERED, Buffers.of(buf), buf.length, Datatype.INT16_T, dest, tag);
    }

    /**
     * {@code MPI_Ibsend}: starts a send in buffered mode; complete the returned request.
     *
     * <p>The buffer: a whole {@code char[]} ({@link Datatype#UINT16_T}).
     */
    public final Request ibsend(char[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        return P2pMessage.isendCore(this, Downcalls.BUFFERED, Buffers.of(buf), buf.length, Datatype.UINT16_T, dest, tag);
    }

    /**
     * {@code MPI_Ibsend}: starts a send in buffered mode; complete the returned request.
     *
     * <p>The buffer: a whole {@code int[]} ({@link Datatype#INT32_T}).
     */
    public final Request ibsend(int[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        return P2pMessage.isendCore(this, Downcalls.BUFFERED, Buffers.of(buf), buf.length, Datatype.INT32_T, dest, tag);
    }

    /**
     * {@code MPI_Ibsend}: starts a send in buffered mode; complete the returned request.
     *
     * <p>The buffer: a whole {@code long[]} ({@link Datatype#INT64_T}).
     */
    public final Request ibsend(long[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        return P2pMessage.isendCore(this, Downcalls.BUFFERED, Buffers.of(buf), buf.length, Datatype.INT64_T, dest, tag);
    }

    /**
     * {@code MPI_Ibsend}: starts a send in buffered mode; complete the returned request.
     *
     * <p>The buffer: a whole {@code float[]} ({@link Datatype#FLOAT}).
     */
    public final Request ibsend(float[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        return P2pMessage.isendCore(this, Downcalls.BUFFERED, Buffers.of(buf), buf.length, Datatype.FLOAT, dest, tag);
    }

    /**
     * {@code MPI_Ibsend}: starts a send in buffered mode; complete the returned request.
     *
     * <p>The buffer: a whole {@code double[]} ({@link Datatype#DOUBLE}).
     */
    public final Request ibsend(double[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        return P2pMessage.isendCore(this, Downcalls.BUFFERED, Buffers.of(buf), buf.length, Datatype.DOUBLE, dest, tag);
    }

    /**
     * {@code MPI_Issend}: starts a send in synchronous mode; complete the returned request.
     *
     * <p>The buffer: a whole segment, its datatype inferred (the element type of the array behind a heap segment,
     * {@link Datatype#BYTE} for native memory).
     */
    public final Request issend(MemorySegment buf, int dest, int tag) {
        Datatype t = Buffers.typeOf(Errors.checkNotNull(buf, "buffer"));
        return P2pMessage.isendCore(this, Downcalls.SYNCHRONOUS, buf, Buffers.countOfLong(buf, t), t, dest, tag);
    }

    /**
     * {@code MPI_Issend}: starts a send in synchronous mode; complete the returned request.
     *
     * <p>The buffer: {@code count} elements of {@code type} (any datatype, any count).
     *
     * @param buf   the data
     * @param count the number of elements
     * @param type  their datatype
     * @param dest  the destination rank, or {@link MPI#PROC_NULL}
     * @param tag   the message tag (0..{@link MPI#tagUpperBound()})
     * @return the request; the buffer may be reused once it completes
     * @throws IllegalArgumentException if the buffer is too small, or the rank or tag is invalid
     * @throws MpiException if MPI reports an error
     */
    public final Request issend(MemorySegment buf, long count, Datatype type, int dest, int tag) {
        return P2pMessage.isendCore(this, Downcalls.SYNCHRONOUS, buf, count, type, dest, tag);
    }

    /**
     * {@code MPI_Issend}: starts a send in synchronous mode; complete the returned request.
     *
     * <p>The buffer: a whole {@code byte[]} ({@link Datatype#INT8_T}).
     */
    public final Request issend(byte[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        return P2pMessage.isendCore(this, Downcalls.SYNCHRONOUS, Buffers.of(buf), buf.length, Datatype.INT8_T, dest, tag);
    }

    /**
     * {@code MPI_Issend}: starts a send in synchronous mode; complete the returned request.
     *
     * <p>The buffer: a whole {@code short[]} ({@link Datatype#INT16_T}).
     */
    public final Request issend(short[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        return P2pMessage.isendCore(this, Downcalls.SYNCHRONOUS, Buffers.of(buf), buf.length, Datatype.INT16_T, dest, tag);
    }

    /**
     * {@code MPI_Issend}: starts a send in synchronous mode; complete the returned request.
     *
     * <p>The buffer: a whole {@code char[]} ({@link Datatype#UINT16_T}).
     */
    public final Request issend(char[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        return P2pMessage.isendCore(this, Downcalls.SYNCHRONOUS, Buffers.of(buf), buf.length, Datatype.UINT16_T, dest, tag);
    }

    /**
     * {@code MPI_Issend}: starts a send in synchronous mode; complete the returned request.
     *
     * <p>The buffer: a whole {@code int[]} ({@link Datatype#INT32_T}).
     */
    public final Request issend(int[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        return P2pMessage.isendCore(this, Downcalls.SYNCHRONOUS, Buffers.of(buf), buf.length, Datatype.INT32_T, dest, tag);
    }

    /**
     * {@code MPI_Issend}: starts a send in synchronous mode; complete the returned request.
     *
     * <p>The buffer: a whole {@code long[]} ({@link Datatype#INT64_T}).
     */
    public final Request issend(long[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        return P2pMessage.isendCore(this, Downcalls.SYNCHRONOUS, Buffers.of(buf), buf.length, Datatype.INT64_T, dest, tag);
    }

    /**
     * {@code MPI_Issend}: starts a send in synchronous mode; complete the returned request.
     *
     * <p>The buffer: a whole {@code float[]} ({@link Datatype#FLOAT}).
     */
    public final Request issend(float[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        return P2pMessage.isendCore(this, Downcalls.SYNCHRONOUS, Buffers.of(buf), buf.length, Datatype.FLOAT, dest, tag);
    }

    /**
     * {@code MPI_Issend}: starts a send in synchronous mode; complete the returned request.
     *
     * <p>The buffer: a whole {@code double[]} ({@link Datatype#DOUBLE}).
     */
    public final Request issend(double[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        return P2pMessage.isendCore(this, Downcalls.SYNCHRONOUS, Buffers.of(buf), buf.length, Datatype.DOUBLE, dest, tag);
    }

    /**
     * {@code MPI_Irsend}: starts a send in ready mode; complete the returned request.
     *
     * <p>The buffer: a whole segment, its datatype inferred (the element type of the array behind a heap segment,
     * {@link Datatype#BYTE} for native memory).
     */
    public final Request irsend(MemorySegment buf, int dest, int tag) {
        Datatype t = Buffers.typeOf(Errors.checkNotNull(buf, "buffer"));
        return P2pMessage.isendCore(this, Downcalls.READY, buf, Buffers.countOfLong(buf, t), t, dest, tag);
    }

    /**
     * {@code MPI_Irsend}: starts a send in ready mode; complete the returned request.
     *
     * <p>The buffer: {@code count} elements of {@code type} (any datatype, any count).
     *
     * @param buf   the data
     * @param count the number of elements
     * @param type  their datatype
     * @param dest  the destination rank, or {@link MPI#PROC_NULL}
     * @param tag   the message tag (0..{@link MPI#tagUpperBound()})
     * @return the request; the buffer may be reused once it completes
     * @throws IllegalArgumentException if the buffer is too small, or the rank or tag is invalid
     * @throws MpiException if MPI reports an error
     */
    public final Request irsend(MemorySegment buf, long count, Datatype type, int dest, int tag) {
        return P2pMessage.isendCore(this, Downcalls.READY, buf, count, type, dest, tag);
    }

    /**
     * {@code MPI_Irsend}: starts a send in ready mode; complete the returned request.
     *
     * <p>The buffer: a whole {@code byte[]} ({@link Datatype#INT8_T}).
     */
    public final Request irsend(byte[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        return P2pMessage.isendCore(this, Downcalls.READY, Buffers.of(buf), buf.length, Datatype.INT8_T, dest, tag);
    }

    /**
     * {@code MPI_Irsend}: starts a send in ready mode; complete the returned request.
     *
     * <p>The buffer: a whole {@code short[]} ({@link Datatype#INT16_T}).
     */
    public final Request irsend(short[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        return P2pMessage.isendCore(this, Downcalls.READY, Buffers.of(buf), buf.length, Datatype.INT16_T, dest, tag);
    }

    /**
     * {@code MPI_Irsend}: starts a send in ready mode; complete the returned request.
     *
     * <p>The buffer: a whole {@code char[]} ({@link Datatype#UINT16_T}).
     */
    public final Request irsend(char[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        return P2pMessage.isendCore(this, Downcalls.READY, Buffers.of(buf), buf.length, Datatype.UINT16_T, dest, tag);
    }

    /**
     * {@code MPI_Irsend}: starts a send in ready mode; complete the returned request.
     *
     * <p>The buffer: a whole {@code int[]} ({@link Datatype#INT32_T}).
     */
    public final Request irsend(int[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        return P2pMessage.isendCore(this, Downcalls.READY, Buffers.of(buf), buf.length, Datatype.INT32_T, dest, tag);
    }

    /**
     * {@code MPI_Irsend}: starts a send in ready mode; complete the returned request.
     *
     * <p>The buffer: a whole {@code long[]} ({@link Datatype#INT64_T}).
     */
    public final Request irsend(long[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        return P2pMessage.isendCore(this, Downcalls.READY, Buffers.of(buf), buf.length, Datatype.INT64_T, dest, tag);
    }

    /**
     * {@code MPI_Irsend}: starts a send in ready mode; complete the returned request.
     *
     * <p>The buffer: a whole {@code float[]} ({@link Datatype#FLOAT}).
     */
    public final Request irsend(float[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        return P2pMessage.isendCore(this, Downcalls.READY, Buffers.of(buf), buf.length, Datatype.FLOAT, dest, tag);
    }

    /**
     * {@code MPI_Irsend}: starts a send in ready mode; complete the returned request.
     *
     * <p>The buffer: a whole {@code double[]} ({@link Datatype#DOUBLE}).
     */
    public final Request irsend(double[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        return P2pMessage.isendCore(this, Downcalls.READY, Buffers.of(buf), buf.length, Datatype.DOUBLE, dest, tag);
    }

    /**
     * {@code MPI_Irecv}: starts a receive; complete the returned request.
     *
     * <p>The buffer: a whole segment, its datatype inferred (the element type of the array behind a heap segment,
     * {@link Datatype#BYTE} for native memory).
     */
    public final Request irecv(MemorySegment buf, int source, int tag) {
        Datatype t = Buffers.typeOf(Errors.checkNotNull(buf, "buffer"));
        return P2pMessage.irecvCore(this, buf, Buffers.countOfLong(buf, t), t, source, tag, false);
    }

    /**
     * {@code MPI_Irecv}: starts a receive; complete the returned request.
     *
     * <p>The buffer: {@code count} elements of {@code type} (any datatype, any count).
     *
     * @param buf    receives the data
     * @param count  the most elements the message may have
     * @param type   their datatype
     * @param source the source rank, {@link MPI#ANY_SOURCE} or {@link MPI#PROC_NULL}
     * @param tag    the message tag, or {@link MPI#ANY_TAG}
     * @throws IllegalArgumentException if the buffer is too small or read-only, or the rank or tag is invalid
     * @throws MpiException with {@link ErrorClass#ERR_TRUNCATE} if the message is longer than {@code count}
     * @return the request; the buffer holds the message once it completes
     */
    public final Request irecv(MemorySegment buf, long count, Datatype type, int source, int tag) {
        return P2pMessage.irecvCore(this, buf, count, type, source, tag, false);
    }

    /**
     * {@code MPI_Irecv}: starts a receive; complete the returned request.
     *
     * <p>The buffer: a whole {@code byte[]} ({@link Datatype#INT8_T}).
     */
    public final Request irecv(byte[] buf, int source, int tag) {
        Errors.checkNotNull(buf, "buf");
        return P2pMessage.irecvCore(this, Buffers.of(buf), buf.length, Datatype.INT8_T, source, tag, false);
    }

    /**
     * {@code MPI_Irecv}: starts a receive; complete the returned request.
     *
     * <p>The buffer: a whole {@code short[]} ({@link Datatype#INT16_T}).
     */
    public final Request irecv(short[] buf, int source, int tag) {
        Errors.checkNotNull(buf, "buf");
        return P2pMessage.irecvCore(this, Buffers.of(buf), buf.length, Datatype.INT16_T, source, tag, false);
    }

    /**
     * {@code MPI_Irecv}: starts a receive; complete the returned request.
     *
     * <p>The buffer: a whole {@code char[]} ({@link Datatype#UINT16_T}).
     */
    public final Request irecv(char[] buf, int source, int tag) {
        Errors.checkNotNull(buf, "buf");
        return P2pMessage.irecvCore(this, Buffers.of(buf), buf.length, Datatype.UINT16_T, source, tag, false);
    }

    /**
     * {@code MPI_Irecv}: starts a receive; complete the returned request.
     *
     * <p>The buffer: a whole {@code int[]} ({@link Datatype#INT32_T}).
     */
    public final Request irecv(int[] buf, int source, int tag) {
        Errors.checkNotNull(buf, "buf");
        return P2pMessage.irecvCore(this, Buffers.of(buf), buf.length, Datatype.INT32_T, source, tag, false);
    }

    /**
     * {@code MPI_Irecv}: starts a receive; complete the returned request.
     *
     * <p>The buffer: a whole {@code long[]} ({@link Datatype#INT64_T}).
     */
    public final Request irecv(long[] buf, int source, int tag) {
        Errors.checkNotNull(buf, "buf");
        return P2pMessage.irecvCore(this, Buffers.of(buf), buf.length, Datatype.INT64_T, source, tag, false);
    }

    /**
     * {@code MPI_Irecv}: starts a receive; complete the returned request.
     *
     * <p>The buffer: a whole {@code float[]} ({@link Datatype#FLOAT}).
     */
    public final Request irecv(float[] buf, int source, int tag) {
        Errors.checkNotNull(buf, "buf");
        return P2pMessage.irecvCore(this, Buffers.of(buf), buf.length, Datatype.FLOAT, source, tag, false);
    }

    /**
     * {@code MPI_Irecv}: starts a receive; complete the returned request.
     *
     * <p>The buffer: a whole {@code double[]} ({@link Datatype#DOUBLE}).
     */
    public final Request irecv(double[] buf, int source, int tag) {
        Errors.checkNotNull(buf, "buf");
        return P2pMessage.irecvCore(this, Buffers.of(buf), buf.length, Datatype.DOUBLE, source, tag, false);
    }

    // ---- point-to-point: persistent -----------------------------------------------------------------

    /**
     * {@code MPI_Send_init}: a persistent send in standard mode, inactive until {@link Request#start()}; free it
     * when done.
     *
     * <p>The buffer: a whole segment, its datatype inferred (the element type of the array behind a heap segment,
     * {@link Datatype#BYTE} for native memory).
     */
    public final Request sendInit(MemorySegment buf, int dest, int tag) {
        Datatype t = Buffers.typeOf(Errors.checkNotNull(buf, "buffer"));
        return P2pMessage.sendInitCore(this, Downcalls.STANDARD, buf, Buffers.countOfLong(buf, t), t, dest, tag);
    }

    /**
     * {@code MPI_Send_init}: a persistent send in standard mode, inactive until {@link Request#start()}; free it
     * when done.
     *
     * <p>The buffer: {@code count} elements of {@code type} (any datatype, any count).
     *
     * @param buf   the data
     * @param count the number of elements
     * @param type  their datatype
     * @param dest  the destination rank, or {@link MPI#PROC_NULL}
     * @param tag   the message tag (0..{@link MPI#tagUpperBound()})
     * @return the inactive persistent request
     * @throws IllegalArgumentException if the buffer is too small, or the rank or tag is invalid
     * @throws MpiException if MPI reports an error
     */
    public final Request sendInit(MemorySegment buf, long count, Datatype type, int dest, int tag) {
        return P2pMessage.sendInitCore(this, Downcalls.STANDARD, buf, count, type, dest, tag);
    }

    /**
     * {@code MPI_Send_init}: a persistent send in standard mode, inactive until {@link Request#start()}; free it
     * when done.
     *
     * <p>The buffer: a whole {@code byte[]} ({@link Datatype#INT8_T}).
     */
    public final Request sendInit(byte[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        return P2pMessage.sendInitCore(this, Downcalls.STANDARD, Buffers.of(buf), buf.length, Datatype.INT8_T, dest, tag);
    }

    /**
     * {@code MPI_Send_init}: a persistent send in standard mode, inactive until {@link Request#start()}; free it
     * when done.
     *
     * <p>The buffer: a whole {@code short[]} ({@link Datatype#INT16_T}).
     */
    public final Request sendInit(short[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        return P2pMessage.sendInitCore(this, Downcalls.STANDARD, Buffers.of(buf), buf.length, Datatype.INT16_T, dest, tag);
    }

    /**
     * {@code MPI_Send_init}: a persistent send in standard mode, inactive until {@link Request#start()}; free it
     * when done.
     *
     * <p>The buffer: a whole {@code char[]} ({@link Datatype#UINT16_T}).
     */
    public final Request sendInit(char[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        return P2pMessage.sendInitCore(this, Downcalls.STANDARD, Buffers.of(buf), buf.length, Datatype.UINT16_T, dest, tag);
    }

    /**
     * {@code MPI_Send_init}: a persistent send in standard mode, inactive until {@link Request#start()}; free it
     * when done.
     *
     * <p>The buffer: a whole {@code int[]} ({@link Datatype#INT32_T}).
     */
    public final Request sendInit(int[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        return P2pMessage.sendInitCore(this, Downcalls.STANDARD, Buffers.of(buf), buf.length, Datatype.INT32_T, dest, tag);
    }

    /**
     * {@code MPI_Send_init}: a persistent send in standard mode, inactive until {@link Request#start()}; free it
     * when done.
     *
     * <p>The buffer: a whole {@code long[]} ({@link Datatype#INT64_T}).
     */
    public final Request sendInit(long[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        return P2pMessage.sendInitCore(this, Downcalls.STANDARD, Buffers.of(buf), buf.length, Datatype.INT64_T, dest, tag);
    }

    /**
     * {@code MPI_Send_init}: a persistent send in standard mode, inactive until {@link Request#start()}; free it
     * when done.
     *
     * <p>The buffer: a whole {@code float[]} ({@link Datatype#FLOAT}).
     */
    public final Request sendInit(float[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        return P2pMessage.sendInitCore(this, Downcalls.STANDARD, Buffers.of(buf), buf.length, Datatype.FLOAT, dest, tag);
    }

    /**
     * {@code MPI_Send_init}: a persistent send in standard mode, inactive until {@link Request#start()}; free it
     * when done.
     *
     * <p>The buffer: a whole {@code double[]} ({@link Datatype#DOUBLE}).
     */
    public final Request sendInit(double[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        return P2pMessage.sendInitCore(this, Downcalls.STANDARD, Buffers.of(buf), buf.length, Datatype.DOUBLE, dest, tag);
    }

    /**
     * {@code MPI_Bsend_init}: a persistent send in buffered mode, inactive until {@link Request#start()}; free it
     * when done.
     *
     * <p>The buffer: a whole segment, its datatype inferred (the element type of the array behind a heap segment,
     * {@link Datatype#BYTE} for native memory).
     */
    public final Request bsendInit(MemorySegment buf, int dest, int tag) {
        Datatype t = Buffers.typeOf(Errors.checkNotNull(buf, "buffer"));
        return P2pMessage.sendInitCore(this, Downcalls.BUFFERED, buf, Buffers.countOfLong(buf, t), t, dest, tag);
    }

    /**
     * {@code MPI_Bsend_init}: a persistent send in buffered mode, inactive until {@link Request#start()}; free it
     * when done.
     *
     * <p>The buffer: {@code count} elements of {@code type} (any datatype, any count).
     *
     * @param buf   the data
     * @param count the number of elements
     * @param type  their datatype
     * @param dest  the destination rank, or {@link MPI#PROC_NULL}
     * @param tag   the message tag (0..{@link MPI#tagUpperBound()})
     * @return the inactive persistent request
     * @throws IllegalArgumentException if the buffer is too small, or the rank or tag is invalid
     * @throws MpiException if MPI reports an error
     */
    public final Request bsendInit(MemorySegment buf, long count, Datatype type, int dest, int tag) {
        return P2pMessage.sendInitCore(this, Downcalls.BUFFERED, buf, count, type, dest, tag);
    }

    /**
     * {@code MPI_Bsend_init}: a persistent send in buffered mode, inactive until {@link Request#start()}; free it
     * when done.
     *
     * <p>The buffer: a whole {@code byte[]} ({@link Datatype#INT8_T}).
     */
    public final Request bsendInit(byte[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        return P2pMessage.sendInitCore(this, Downcalls.BUFFERED, Buffers.of(buf), buf.length, Datatype.INT8_T, dest, tag);
    }

    /**
     * {@code MPI_Bsend_init}: a persistent send in buffered mode, inactive until {@link Request#start()}; free it
     * when done.
     *
     * <p>The buffer: a whole {@code short[]} ({@link Datatype#INT16_T}).
     */
    public final Request bsendInit(short[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        return P2pMessage.sendInitCore(this, Downcalls.BUFFERED, Buffers.of(buf), buf.length, Datatype.INT16_T, dest, tag);
    }

    /**
     * {@code MPI_Bsend_init}: a persistent send in buffered mode, inactive until {@link Request#start()}; free it
     * when done.
     *
     * <p>The buffer: a whole {@code char[]} ({@link Datatype#UINT16_T}).
     */
    public final Request bsendInit(char[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        return P2pMessage.sendInitCore(this, Downcalls.BUFFERED, Buffers.of(buf), buf.length, Datatype.UINT16_T, dest, tag);
    }

    /**
     * {@code MPI_Bsend_init}: a persistent send in buffered mode, inactive until {@link Request#start()}; free it
     * when done.
     *
     * <p>The buffer: a whole {@code int[]} ({@link Datatype#INT32_T}).
     */
    public final Request bsendInit(int[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        return P2pMessage.sendInitCore(this, Downcalls.BUFFERED, Buffers.of(buf), buf.length, Datatype.INT32_T, dest, tag);
    }

    /**
     * {@code MPI_Bsend_init}: a persistent send in buffered mode, inactive until {@link Request#start()}; free it
     * when done.
     *
     * <p>The buffer: a whole {@code long[]} ({@link Datatype#INT64_T}).
     */
    public final Request bsendInit(long[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        return P2pMessage.sendInitCore(this, Downcalls.BUFFERED, Buffers.of(buf), buf.length, Datatype.INT64_T, dest, tag);
    }

    /**
     * {@code MPI_Bsend_init}: a persistent send in buffered mode, inactive until {@link Request#start()}; free it
     * when done.
     *
     * <p>The buffer: a whole {@code float[]} ({@link Datatype#FLOAT}).
     */
    public final Request bsendInit(float[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        return P2pMessage.sendInitCore(this, Downcalls.BUFFERED, Buffers.of(buf), buf.length, Datatype.FLOAT, dest, tag);
    }

    /**
     * {@code MPI_Bsend_init}: a persistent send in buffered mode, inactive until {@link Request#start()}; free it
     * when done.
     *
     * <p>The buffer: a whole {@code double[]} ({@link Datatype#DOUBLE}).
     */
    public final Request bsendInit(double[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        return P2pMessage.sendInitCore(this, Downcalls.BUFFERED, Buffers.of(buf), buf.length, Datatype.DOUBLE, dest, tag);
    }

    /**
     * {@code MPI_Ssend_init}: a persistent send in synchronous mode, inactive until {@link Request#start()}; free it
     * when done.
     *
     * <p>The buffer: a whole segment, its datatype inferred (the element type of the array behind a heap segment,
     * {@link Datatype#BYTE} for native memory).
     */
    public final Request ssendInit(MemorySegment buf, int dest, int tag) {
        Datatype t = Buffers.typeOf(Errors.checkNotNull(buf, "buffer"));
        return P2pMessage.sendInitCore(this, Downcalls.SYNCHRONOUS, buf, Buffers.countOfLong(buf, t), t, dest, tag);
    }

    /**
     * {@code MPI_Ssend_init}: a persistent send in synchronous mode, inactive until {@link Request#start()}; free it
     * when done.
     *
     * <p>The buffer: {@code count} elements of {@code type} (any datatype, any count).
     *
     * @param buf   the data
     * @param count the number of elements
     * @param type  their datatype
     * @param dest  the destination rank, or {@link MPI#PROC_NULL}
     * @param tag   the message tag (0..{@link MPI#tagUpperBound()})
     * @return the inactive persistent request
     * @throws IllegalArgumentException if the buffer is too small, or the rank or tag is invalid
     * @throws MpiException if MPI reports an error
     */
    public final Request ssendInit(MemorySegment buf, long count, Datatype type, int dest, int tag) {
        return P2pMessage.sendInitCore(this, Downcalls.SYNCHRONOUS, buf, count, type, dest, tag);
    }

    /**
     * {@code MPI_Ssend_init}: a persistent send in synchronous mode, inactive until {@link Request#start()}; free it
     * when done.
     *
     * <p>The buffer: a whole {@code byte[]} ({@link Datatype#INT8_T}).
     */
    public final Request ssendInit(byte[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        return P2pMessage.sendInitCore(this, Downcalls.SYNCHRONOUS, Buffers.of(buf), buf.length, Datatype.INT8_T, dest, tag);
    }

    /**
     * {@code MPI_Ssend_init}: a persistent send in synchronous mode, inactive until {@link Request#start()}; free it
     * when done.
     *
     * <p>The buffer: a whole {@code short[]} ({@link Datatype#INT16_T}).
     */
    public final Request ssendInit(short[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        return P2pMessage.sendInitCore(this, Downcalls.SYNCHRONOUS, Buffers.of(buf), buf.length, Datatype.INT16_T, dest, tag);
    }

    /**
     * {@code MPI_Ssend_init}: a persistent send in synchronous mode, inactive until {@link Request#start()}; free it
     * when done.
     *
     * <p>The buffer: a whole {@code char[]} ({@link Datatype#UINT16_T}).
     */
    public final Request ssendInit(char[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        return P2pMessage.sendInitCore(this, Downcalls.SYNCHRONOUS, Buffers.of(buf), buf.length, Datatype.UINT16_T, dest, tag);
    }

    /**
     * {@code MPI_Ssend_init}: a persistent send in synchronous mode, inactive until {@link Request#start()}; free it
     * when done.
     *
     * <p>The buffer: a whole {@code int[]} ({@link Datatype#INT32_T}).
     */
    public final Request ssendInit(int[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        return P2pMessage.sendInitCore(this, Downcalls.SYNCHRONOUS, Buffers.of(buf), buf.length, Datatype.INT32_T, dest, tag);
    }

    /**
     * {@code MPI_Ssend_init}: a persistent send in synchronous mode, inactive until {@link Request#start()}; free it
     * when done.
     *
     * <p>The buffer: a whole {@code long[]} ({@link Datatype#INT64_T}).
     */
    public final Request ssendInit(long[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        return P2pMessage.sendInitCore(this, Downcalls.SYNCHRONOUS, Buffers.of(buf), buf.length, Datatype.INT64_T, dest, tag);
    }

    /**
     * {@code MPI_Ssend_init}: a persistent send in synchronous mode, inactive until {@link Request#start()}; free it
     * when done.
     *
     * <p>The buffer: a whole {@code float[]} ({@link Datatype#FLOAT}).
     */
    public final Request ssendInit(float[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        return P2pMessage.sendInitCore(this, Downcalls.SYNCHRONOUS, Buffers.of(buf), buf.length, Datatype.FLOAT, dest, tag);
    }

    /**
     * {@code MPI_Ssend_init}: a persistent send in synchronous mode, inactive until {@link Request#start()}; free it
     * when done.
     *
     * <p>The buffer: a whole {@code double[]} ({@link Datatype#DOUBLE}).
     */
    public final Request ssendInit(double[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        return P2pMessage.sendInitCore(this, Downcalls.SYNCHRONOUS, Buffers.of(buf), buf.length, Datatype.DOUBLE, dest, tag);
    }

    /**
     * {@code MPI_Rsend_init}: a persistent send in ready mode, inactive until {@link Request#start()}; free it when
     * done.
     *
     * <p>The buffer: a whole segment, its datatype inferred (the element type of the array behind a heap segment,
     * {@link Datatype#BYTE} for native memory).
     */
    public final Request rsendInit(MemorySegment buf, int dest, int tag) {
        Datatype t = Buffers.typeOf(Errors.checkNotNull(buf, "buffer"));
        return P2pMessage.sendInitCore(this, Downcalls.READY, buf, Buffers.countOfLong(buf, t), t, dest, tag);
    }

    /**
     * {@code MPI_Rsend_init}: a persistent send in ready mode, inactive until {@link Request#start()}; free it when
     * done.
     *
     * <p>The buffer: {@code count} elements of {@code type} (any datatype, any count).
     *
     * @param buf   the data
     * @param count the number of elements
     * @param type  their datatype
     * @param dest  the destination rank, or {@link MPI#PROC_NULL}
     * @param tag   the message tag (0..{@link MPI#tagUpperBound()})
     * @return the inactive persistent request
     * @throws IllegalArgumentException if the buffer is too small, or the rank or tag is invalid
     * @throws MpiException if MPI reports an error
     */
    public final Request rsendInit(MemorySegment buf, long count, Datatype type, int dest, int tag) {
        return P2pMessage.sendInitCore(this, Downcalls.READY, buf, count, type, dest, tag);
    }

    /**
     * {@code MPI_Rsend_init}: a persistent send in ready mode, inactive until {@link Request#start()}; free it when
     * done.
     *
     * <p>The buffer: a whole {@code byte[]} ({@link Datatype#INT8_T}).
     */
    public final Request rsendInit(byte[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        return P2pMessage.sendInitCore(this, Downcalls.READY, Buffers.of(buf), buf.length, Datatype.INT8_T, dest, tag);
    }

    /**
     * {@code MPI_Rsend_init}: a persistent send in ready mode, inactive until {@link Request#start()}; free it when
     * done.
     *
     * <p>The buffer: a whole {@code short[]} ({@link Datatype#INT16_T}).
     */
    public final Request rsendInit(short[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        return P2pMessage.sendInitCore(this, Downcalls.READY, Buffers.of(buf), buf.length, Datatype.INT16_T, dest, tag);
    }

    /**
     * {@code MPI_Rsend_init}: a persistent send in ready mode, inactive until {@link Request#start()}; free it when
     * done.
     *
     * <p>The buffer: a whole {@code char[]} ({@link Datatype#UINT16_T}).
     */
    public final Request rsendInit(char[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        return P2pMessage.sendInitCore(this, Downcalls.READY, Buffers.of(buf), buf.length, Datatype.UINT16_T, dest, tag);
    }

    /**
     * {@code MPI_Rsend_init}: a persistent send in ready mode, inactive until {@link Request#start()}; free it when
     * done.
     *
     * <p>The buffer: a whole {@code int[]} ({@link Datatype#INT32_T}).
     */
    public final Request rsendInit(int[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        return P2pMessage.sendInitCore(this, Downcalls.READY, Buffers.of(buf), buf.length, Datatype.INT32_T, dest, tag);
    }

    /**
     * {@code MPI_Rsend_init}: a persistent send in ready mode, inactive until {@link Request#start()}; free it when
     * done.
     *
     * <p>The buffer: a whole {@code long[]} ({@link Datatype#INT64_T}).
     */
    public final Request rsendInit(long[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        return P2pMessage.sendInitCore(this, Downcalls.READY, Buffers.of(buf), buf.length, Datatype.INT64_T, dest, tag);
    }

    /**
     * {@code MPI_Rsend_init}: a persistent send in ready mode, inactive until {@link Request#start()}; free it when
     * done.
     *
     * <p>The buffer: a whole {@code float[]} ({@link Datatype#FLOAT}).
     */
    public final Request rsendInit(float[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        return P2pMessage.sendInitCore(this, Downcalls.READY, Buffers.of(buf), buf.length, Datatype.FLOAT, dest, tag);
    }

    /**
     * {@code MPI_Rsend_init}: a persistent send in ready mode, inactive until {@link Request#start()}; free it when
     * done.
     *
     * <p>The buffer: a whole {@code double[]} ({@link Datatype#DOUBLE}).
     */
    public final Request rsendInit(double[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buf");
        return P2pMessage.sendInitCore(this, Downcalls.READY, Buffers.of(buf), buf.length, Datatype.DOUBLE, dest, tag);
    }

    /**
     * {@code MPI_Recv_init}: a persistent receive, inactive until {@link Request#start()}; free it when done.
     *
     * <p>The buffer: a whole segment, its datatype inferred (the element type of the array behind a heap segment,
     * {@link Datatype#BYTE} for native memory).
     */
    public final Request recvInit(MemorySegment buf, int source, int tag) {
        Datatype t = Buffers.typeOf(Errors.checkNotNull(buf, "buffer"));
        return P2pMessage.irecvCore(this, buf, Buffers.countOfLong(buf, t), t, source, tag, true);
    }

    /**
     * {@code MPI_Recv_init}: a persistent receive, inactive until {@link Request#start()}; free it when done.
     *
     * <p>The buffer: {@code count} elements of {@code type} (any datatype, any count).
     *
     * @param buf    receives the data
     * @param count  the most elements the message may have
     * @param type   their datatype
     * @param source the source rank, {@link MPI#ANY_SOURCE} or {@link MPI#PROC_NULL}
     * @param tag    the message tag, or {@link MPI#ANY_TAG}
     * @throws IllegalArgumentException if the buffer is too small or read-only, or the rank or tag is invalid
     * @throws MpiException with {@link ErrorClass#ERR_TRUNCATE} if the message is longer than {@code count}
     * @return the inactive persistent request
     */
    public final Request recvInit(MemorySegment buf, long count, Datatype type, int source, int tag) {
        return P2pMessage.irecvCore(this, buf, count, type, source, tag, true);
    }

    /**
     * {@code MPI_Recv_init}: a persistent receive, inactive until {@link Request#start()}; free it when done.
     *
     * <p>The buffer: a whole {@code byte[]} ({@link Datatype#INT8_T}).
     */
    public final Request recvInit(byte[] buf, int source, int tag) {
        Errors.checkNotNull(buf, "buf");
        return P2pMessage.irecvCore(this, Buffers.of(buf), buf.length, Datatype.INT8_T, source, tag, true);
    }

    /**
     * {@code MPI_Recv_init}: a persistent receive, inactive until {@link Request#start()}; free it when done.
     *
     * <p>The buffer: a whole {@code short[]} ({@link Datatype#INT16_T}).
     */
    public final Request recvInit(short[] buf, int source, int tag) {
        Errors.checkNotNull(buf, "buf");
        return P2pMessage.irecvCore(this, Buffers.of(buf), buf.length, Datatype.INT16_T, source, tag, true);
    }

    /**
     * {@code MPI_Recv_init}: a persistent receive, inactive until {@link Request#start()}; free it when done.
     *
     * <p>The buffer: a whole {@code char[]} ({@link Datatype#UINT16_T}).
     */
    public final Request recvInit(char[] buf, int source, int tag) {
        Errors.checkNotNull(buf, "buf");
        return P2pMessage.irecvCore(this, Buffers.of(buf), buf.length, Datatype.UINT16_T, source, tag, true);
    }

    /**
     * {@code MPI_Recv_init}: a persistent receive, inactive until {@link Request#start()}; free it when done.
     *
     * <p>The buffer: a whole {@code int[]} ({@link Datatype#INT32_T}).
     */
    public final Request recvInit(int[] buf, int source, int tag) {
        Errors.checkNotNull(buf, "buf");
        return P2pMessage.irecvCore(this, Buffers.of(buf), buf.length, Datatype.INT32_T, source, tag, true);
    }

    /**
     * {@code MPI_Recv_init}: a persistent receive, inactive until {@link Request#start()}; free it when done.
     *
     * <p>The buffer: a whole {@code long[]} ({@link Datatype#INT64_T}).
     */
    public final Request recvInit(long[] buf, int source, int tag) {
        Errors.checkNotNull(buf, "buf");
        return P2pMessage.irecvCore(this, Buffers.of(buf), buf.length, Datatype.INT64_T, source, tag, true);
    }

    /**
     * {@code MPI_Recv_init}: a persistent receive, inactive until {@link Request#start()}; free it when done.
     *
     * <p>The buffer: a whole {@code float[]} ({@link Datatype#FLOAT}).
     */
    public final Request recvInit(float[] buf, int source, int tag) {
        Errors.checkNotNull(buf, "buf");
        return P2pMessage.irecvCore(this, Buffers.of(buf), buf.length, Datatype.FLOAT, source, tag, true);
    }

    /**
     * {@code MPI_Recv_init}: a persistent receive, inactive until {@link Request#start()}; free it when done.
     *
     * <p>The buffer: a whole {@code double[]} ({@link Datatype#DOUBLE}).
     */
    public final Request recvInit(double[] buf, int source, int tag) {
        Errors.checkNotNull(buf, "buf");
        return P2pMessage.irecvCore(this, Buffers.of(buf), buf.length, Datatype.DOUBLE, source, tag, true);
    }

    // ---- point-to-point: probe, matched probe ---------------------------------------------------

    /**
     * {@code MPI_Probe}: waits for a matching message without receiving it.
     *
     * @param status filled with the message's source, tag and size (reuse one to allocate nothing)
     */
    public final void probe(int source, int tag, Status status) {
        Errors.checkNotNull(status, "status");
        checkSource(source);
        checkRecvTag(tag);
        Scratch s = Scratch.get();
        Errors.check(Downcalls.probe(source, tag, handle(), s.status), "MPI_Probe");
        status.fill(s.status);
    }

    /** {@code MPI_Probe}, returning a new status. */
    public final Status probe(int source, int tag) {
        Status status = new Status();
        probe(source, tag, status);
        return status;
    }

    /**
     * {@code MPI_Iprobe}: checks for a matching message without waiting.
     *
     * @param status filled when there is one; may be null
     * @return whether there is one
     */
    public final boolean iprobe(int source, int tag, Status status) {
        checkSource(source);
        checkRecvTag(tag);
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Iprobe(source, tag, handle(), s.int0, s.status), "MPI_Iprobe");
        if (s.int0() == 0) {
            return false;
        }
        P2pMessage.fill(status, s);
        return true;
    }

    /**
     * {@code MPI_Iprobe}, returning a new status.
     *
     * @return the message's status, or null if there is none yet
     */
    public final Status iprobe(int source, int tag) {
        Status status = new Status();
        return iprobe(source, tag, status) ? status : null;
    }

    /**
     * {@code MPI_Mprobe}: waits for a matching message and takes it out of the queue, so that no
     * other receive can match it; receive it with {@link Message#mrecv}. This is how to receive a
     * message of unknown size: probe, size the buffer from the status, mrecv.
     *
     * @param status filled with the message's source, tag and size; may be null
     * @return the message ({@link Message#NO_PROC} for source {@link MPI#PROC_NULL})
     */
    public final Message mprobe(int source, int tag, Status status) {
        checkSource(source);
        checkRecvTag(tag);
        Scratch s = Scratch.get();
        Errors.check(Downcalls.mprobe(source, tag, handle(), s.handle0, s.status), "MPI_Mprobe");
        P2pMessage.fill(status, s);
        return Message.of(s.handle0(), OpenMpiAbi.statusBytes(s.status));
    }

    /**
     * {@code MPI_Improbe}: {@link #mprobe} without waiting.
     *
     * @param status filled when there is a message; may be null
     * @return the message, or null if there is none yet
     */
    public final Message improbe(int source, int tag, Status status) {
        checkSource(source);
        checkRecvTag(tag);
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Improbe(source, tag, handle(), s.int0, s.handle0, s.status), "MPI_Improbe");
        if (s.int0() == 0) {
            return null;
        }
        P2pMessage.fill(status, s);
        return Message.of(s.handle0(), OpenMpiAbi.statusBytes(s.status));
    }
    // ---- end of point-to-point ------------------------------------------------------------------

    // ---- object messaging ---------------------------------------------------------------------
    // Any Java object, serialized by ObjectSerializer.getDefault() (Kryo unless changed): mpi4py's
    // lowercase send/recv. The names end in "Object" so that they never clash with the buffer calls.

    /**
     * Sends any object (null included), as mpi4py's {@code comm.send}. The object is serialized
     * completely before anything is sent; large primitive arrays and memory segments inside it
     * travel as messages of their own, straight from the array.
     *
     * @throws SerializationException if the object cannot be serialized (nothing is sent)
     */
    public final void sendObject(Object obj, int dest, int tag) {
        ObjectTransport.send(this, obj, dest, tag, ObjectTransport.Mode.STANDARD);
    }

    /** {@link #sendObject} in synchronous mode ({@code MPI_Ssend}): returns once the receive has started. */
    public final void ssendObject(Object obj, int dest, int tag) {
        ObjectTransport.send(this, obj, dest, tag, ObjectTransport.Mode.SYNCHRONOUS);
    }

    /**
     * {@link #sendObject} in buffered mode ({@code MPI_Bsend}): the attached buffer must hold the
     * serialized object, its out-of-band parts and {@code MPI_BSEND_OVERHEAD} per message.
     */
    public final void bsendObject(Object obj, int dest, int tag) {
        ObjectTransport.send(this, obj, dest, tag, ObjectTransport.Mode.BUFFERED);
    }

    /**
     * Receives an object of any size (no buffer, no size bound: the message is probed, then
     * received with its exact size).
     *
     * @param source a rank, {@link MPI#ANY_SOURCE} or {@link MPI#PROC_NULL} (which returns null)
     * @param tag    a tag or {@link MPI#ANY_TAG}
     * @throws SerializationException if the payload cannot be deserialized (it has been received)
     */
    public final <T> T recvObject(int source, int tag) {
        return recvObject(source, tag, null);
    }

    /**
     * {@link #recvObject(int, int)}, filling {@code status} (which may be null) with the actual
     * source and tag and the total number of bytes received.
     */
    @SuppressWarnings("unchecked")
    public final <T> T recvObject(int source, int tag, Status status) {
        return (T) ObjectTransport.recv(this, source, tag, status);
    }

    /** Receives an object from any source with any tag. */
    public final <T> T recvObject() {
        return recvObject(MPI.ANY_SOURCE, MPI.ANY_TAG, null);
    }

    /**
     * Sends {@code obj} to {@code dest} and receives an object from {@code source}, without
     * deadlock between processes that exchange objects of any size.
     *
     * @param status filled for the receive; may be null
     */
    @SuppressWarnings("unchecked")
    public final <T> T sendrecvObject(Object obj, int dest, int sendTag, int source, int recvTag, Status status) {
        return (T) ObjectTransport.sendrecv(this, obj, dest, sendTag, source, recvTag, status);
    }

    /**
     * Starts sending an object. It is serialized before this returns; its out-of-band arrays
     * (primitive arrays and segments of 64 KiB or more) are sent from native memory, since the
     * garbage collector moves Java arrays.
     *
     * <p>When its Java arrays add up to two chunks (128 MiB) or more and MPI provides
     * {@code MPI_THREAD_MULTIPLE} (mpi4j's default), they are copied a 64 MiB chunk at a time
     * into two native slots while the request is in progress (a daemon thread, {@code
     * mpi4j-send-pump}, posts the chunks, so this thread may block in other MPI calls meanwhile):
     * the send costs 128 MiB of native memory instead of a copy of the arrays. Then, as with any
     * MPI send buffer, the arrays (and any {@code MemorySegment} in the object) must not be modified
     * until the request completes. Otherwise (smaller arrays, a lower thread level) the arrays are
     * copied before this returns, and only the object's segments must stay unchanged. A later send
     * of this process to the same destination with the same tag on this communicator first posts
     * the remaining chunks from a full copy, so that it cannot overtake them.
     *
     * @throws SerializationException if the object cannot be serialized (nothing is sent)
     */
    public final ObjectRequest<Void> isendObject(Object obj, int dest, int tag) {
        return ObjectTransport.isend(this, obj, dest, tag, ObjectTransport.Mode.STANDARD);
    }

    /**
     * {@link #isendObject} in synchronous mode: completes once the receive has started. Large
     * arrays are read while the request is in progress, as for {@link #isendObject}.
     */
    public final ObjectRequest<Void> issendObject(Object obj, int dest, int tag) {
        return ObjectTransport.isend(this, obj, dest, tag, ObjectTransport.Mode.SYNCHRONOUS);
    }

    /**
     * {@link #isendObject} in buffered mode (see {@link #bsendObject}): the arrays are copied into
     * the attached buffer before this returns, so the object may be changed at once.
     */
    public final ObjectRequest<Void> ibsendObject(Object obj, int dest, int tag) {
        return ObjectTransport.isend(this, obj, dest, tag, ObjectTransport.Mode.BUFFERED);
    }

    /**
     * Starts receiving an object of any size; the request completes to the object. The message is
     * matched when the request is first tested or waited for.
     */
    public final <T> ObjectRequest<T> irecvObject(int source, int tag) {
        handle();
        checkSource(source);
        checkRecvTag(tag);
        return ObjectRequest.forRecv(this, source, tag);
    }

    /**
     * Waits for an object message and matches it ({@code MPI_Mprobe}) without receiving it: no other
     * receive can take it, and {@link ObjectMessage#status()} tells its source and tag first.
     */
    public final ObjectMessage mprobeObject(int source, int tag) {
        MemorySegment c = handle();
        checkSource(source);
        checkRecvTag(tag);
        Scratch s = Scratch.get();
        Errors.check(Downcalls.mprobe(source, tag, c, s.handle0, s.status), "MPI_Mprobe");
        return new ObjectMessage(this, s.handle0(), s.status);
    }

    /** {@link #mprobeObject} without waiting ({@code MPI_Improbe}); null if no message is there yet. */
    public final ObjectMessage improbeObject(int source, int tag) {
        MemorySegment c = handle();
        checkSource(source);
        checkRecvTag(tag);
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Improbe(source, tag, c, s.int0, s.handle0, s.status), "MPI_Improbe");
        return s.int0() == 0 ? null : new ObjectMessage(this, s.handle0(), s.status);
    }
    // ---- end of object messaging ---------------------------------------------------------------

    // ---- collectives ---------------------------------------------------------------------------
    // The collectives every communicator has (intra- and intercommunicators alike, as in MPI and
    // mpi4py); Intracomm adds the in-place forms, scan and exscan. Where MPI counts blocks, one per
    // process of the group a rank refers to: peerSize() (the remote group's on an intercommunicator).
    // Every collective comes as (buffer, count, Datatype) and, where the buffers say it, with the
    // count and datatype inferred from whole segments (heap segments of any primitive array,
    // slices, ByteBuffers via MemorySegment.ofBuffer) and whole primitive arrays (blocking ones,
    // and ibcast/iallreduce). Buffers only one
    // process reads (the root's receive buffer of gather, send buffer of scatter, ...) may be null
    // on the other processes. In-place variants (MPI_IN_PLACE) are separate methods named
    // ...InPlace. Heap memory follows the message layer's rules (Buffers, Staged): blocking calls
    // stage small heap buffers per thread and pass large ones to critical downcalls; nonblocking
    // calls stage heap buffers in native memory until the Request completes.

    /**
     * Checks a root argument. An intercommunicator overrides it for MPI's root rules there
     * ({@link MPI#ROOT}, {@link MPI#PROC_NULL}, or a rank of the remote group).
     */
    int checkRoot(int root) {
        if (root < 0 || root >= size()) {
            throw new IllegalArgumentException("invalid root " + root + " (communicator of " + size()
                    + " processes)");
        }
        return root;
    }

    /**
     * Whether this process is the root of a rooted collective with {@code root} (checked): the one
     * whose root-only buffers matter. An intercommunicator overrides it ({@code root == MPI.ROOT}).
     */
    boolean isRoot(int root) {
        return root == rank();
    }

    /** Whether rank {@code peer} of a point-to-point call is this process (never on an intercommunicator). */
    final boolean isSelf(int peer) {
        return peer == rank() && !isInter();
    }

    /**
     * Whether this process has the non-root part of a rooted collective with {@code root} (checked):
     * it sends to the root (gather, reduce) or receives from it (bcast, scatter). Every process of an
     * intracommunicator has, the root too; on an intercommunicator only the group without the root
     * has, so the root's and its group's buffers for that part may be null there.
     */
    boolean contributes(int root) {
        return true;
    }

    /**
     * A datatype handle for an argument MPI ignores at this process (it may still check it). A
     * process that takes no part passes it with a count of 1, never 0: Open MPI returns from a
     * zero-count (i)bcast or (i)reduce at once, and that process's next nonblocking collective
     * then waits for ever (its schedule tags no longer match the others').
     */
    private static MemorySegment ignoredType(Datatype type) {
        return type == null ? Datatype.BYTE.handle() : type.handle();
    }

    /** Bytes needed by blocks of {@code counts[i]} elements at {@code displs[i]} extents. */
    long spanV(MemorySegment seg, int[] counts, int[] displs, Datatype type, boolean write) {
        Errors.checkNotNull(seg, "buffer");
        Errors.checkNotNull(counts, "counts");
        Errors.checkNotNull(displs, "displacements");
        Errors.checkNotNull(type, "datatype");
        int n = peerSize();
        if (counts.length != n || displs.length != n) {
            throw new IllegalArgumentException("counts and displacements need " + n + " entries each, not "
                    + counts.length + " and " + displs.length);
        }
        type.bytesFor(0);
        long extent = type.extent();
        long max = 0;
        for (int i = 0; i < n; i++) {
            if (counts[i] < 0 || displs[i] < 0) {
                throw new IllegalArgumentException("negative count or displacement for rank " + i + ": "
                        + counts[i] + " at " + displs[i]);
            }
            if (counts[i] > 0) {
                try {
                    max = Math.max(max, Math.addExact(Math.multiplyExact(displs[i], extent), type.bytesFor(counts[i])));
                } catch (ArithmeticException e) {
                    throw new IllegalArgumentException("displacement " + displs[i] + " of rank " + i + " times the"
                            + " extent " + extent + " overflows a 64-bit byte offset");
                }
            }
        }
        Buffers.checkAccessible(seg, "buffer");
        if (max > seg.byteSize()) {
            throw new IllegalArgumentException("buffer of " + seg.byteSize() + " bytes is too small for these counts"
                    + " and displacements (" + max + " bytes)");
        }
        if (write) {
            Buffers.checkWritable(seg);
        }
        return max;
    }

    /** Bytes needed by blocks of {@code counts[i]} elements of {@code types[i]} at byte {@code displs[i]}. */
    long spanW(MemorySegment seg, int[] counts, int[] displs, Datatype[] types, boolean write) {
        Errors.checkNotNull(seg, "buffer");
        Errors.checkNotNull(counts, "counts");
        Errors.checkNotNull(displs, "displacements");
        Errors.checkNotNull(types, "datatypes");
        int n = peerSize();
        if (counts.length != n || displs.length != n || types.length != n) {
            throw new IllegalArgumentException("counts, displacements and datatypes need " + n + " entries each");
        }
        long max = 0;
        for (int i = 0; i < n; i++) {
            Errors.checkNotNull(types[i], "datatype for rank " + i).bytesFor(0);
            if (counts[i] < 0 || displs[i] < 0) {
                throw new IllegalArgumentException("negative count or displacement for rank " + i);
            }
            if (counts[i] > 0) {
                max = Math.max(max, displs[i] + types[i].bytesFor(counts[i]));
            }
        }
        if (max > seg.byteSize()) {
            throw new IllegalArgumentException("buffer of " + seg.byteSize() + " bytes is too small for these counts"
                    + " and displacements (" + max + " bytes)");
        }
        if (write) {
            Buffers.checkWritable(seg);
        }
        return max;
    }

    // blocking: small heap buffers go through this thread's staging slots (0 send, 1 receive)

    // nonblocking: heap buffers are staged in native memory until the request completes

    // collectives: barrier, bcast

    /** {@code MPI_Ibarrier}: a barrier that completes once every process has started it. */
    public final Request ibarrier() {
        Scratch s = Scratch.get();
        return started(mpi_h.MPI_Ibarrier(handle(), s.handle0), "MPI_Ibarrier", s, null, null, null, null);
    }

    /**
     * {@code MPI_Bcast}: the root's {@code count} elements of {@code type} in {@code buf} are copied
     * into {@code buf} on every process. Above 2^31-1 elements (native memory only) the elements
     * travel as one element of a derived datatype.
     */
    public final void bcast(MemorySegment buf, long count, Datatype type, int root) {
        if (LargeCollectives.isLarge(count)) {
            LargeCollectives.bcast(this, buf, count, type, root);
            return;
        }
        if (CollectiveChecks.on(this)) {
            CollectiveChecks.verify(this, CollectiveChecks.BCAST, root, () -> {
                if (isRoot(checkRoot(root))) {
                    span(buf, count, type);
                } else {
                    recvSpan(buf, count, type);
                }
            }, () -> CollectiveChecks.same(size(), P2pMessage.dataBytes(count, type)), P2pMessage.dataBytes(count, type));
        }
        checkRoot(root);
        boolean isRoot = isRoot(root);
        if (!isRoot && !contributes(root)) {
            Errors.check(CollectiveDowncalls.bcast(MemorySegment.NULL, 1, ignoredType(type), root, handle()), "MPI_Bcast");
            return;
        }
        long bytes = isRoot ? span(buf, count, type) : recvSpan(buf, count, type);
        MemorySegment a = recvArg(buf, bytes, isRoot || holes(type));
        MpiCallEvent ev = MpiCallEvent.ENABLED ? MpiCallEvent.start() : null;
        int rc = CollectiveDowncalls.bcast(a, (int) count, type.handle(), root, handle());
        if (!isRoot) {
            recvDone(a, buf, bytes);
        }
        Errors.check(rc, "MPI_Bcast");
        if (ev != null) {
            ev.done("MPI_Bcast", this, root, MpiCallEvent.NO_TAG, bytes);
        }
    }

    /** {@code MPI_Bcast} of a whole segment, its datatype inferred. */
    public final void bcast(MemorySegment buf, int root) {
        Datatype t = inferred(buf);
        bcast(buf, Buffers.countOf(buf, t), t, root);
    }

    /** {@code MPI_Ibcast}: nonblocking {@link #bcast(MemorySegment, long, Datatype, int)}. */
    public final Request ibcast(MemorySegment buf, long count, Datatype type, int root) {
        checkRoot(root);
        boolean isRoot = isRoot(root);
        if (!isRoot && !contributes(root)) {
            Scratch s = Scratch.get();
            int rc = mpi_h.MPI_Ibcast(MemorySegment.NULL, 1, ignoredType(type), root, handle(), s.handle0);
            return started(rc, "MPI_Ibcast", s, null, null, null, null);
        }
        long bytes = isRoot ? span(buf, count, type) : recvSpan(buf, count, type);
        Staged st = stageNb(buf, bytes, isRoot || holes(type));
        Scratch s = Scratch.get();
        int rc = mpi_h.MPI_Ibcast(arg(buf, st), (int) count, type.handle(), root, handle(), s.handle0);
        return started(rc, "MPI_Ibcast", s, new Object[] {buf, type}, isRoot ? st : null, isRoot ? null : st, null);
    }

    /** {@code MPI_Ibcast} of a whole segment, its datatype inferred. */
    public final Request ibcast(MemorySegment buf, int root) {
        Datatype t = inferred(buf);
        return ibcast(buf, Buffers.countOf(buf, t), t, root);
    }

    // collectives: gather

    /**
     * {@code MPI_Gather}: the root receives {@code recvCount} elements from every process, in rank
     * order, into {@code recvBuf} (ignored, and may be null, elsewhere).
     */
    public final void gather(MemorySegment sendBuf, long sendCount, Datatype sendType, MemorySegment recvBuf,
            long recvCount, Datatype recvType, int root) {
        if (CollectiveChecks.on(this)) {
            CollectiveChecks.verify(this, CollectiveChecks.GATHER, root, () -> {
                boolean isRoot = isRoot(checkRoot(root));
                span(sendBuf, sendCount, sendType);
                if (isRoot) {
                    recvSpan(recvBuf, recvCount * peerSize(), recvType);
                }
            }, () -> CollectiveChecks.same(size(), P2pMessage.dataBytes(recvCount, recvType)),
                    P2pMessage.dataBytes(sendCount, sendType));
        }
        checkRoot(root);
        boolean sends = contributes(root);
        long sb = sends ? span(sendBuf, sendCount, sendType) : 0;
        boolean isRoot = isRoot(root);
        long rb = isRoot ? recvSpan(recvBuf, recvCount * peerSize(), recvType) : 0;
        MemorySegment sa = sends ? sendArg(sendBuf, sb) : MemorySegment.NULL;
        MemorySegment ra = isRoot ? recvArg(recvBuf, rb, holes(recvType)) : MemorySegment.NULL;
        MpiCallEvent ev = MpiCallEvent.ENABLED ? MpiCallEvent.start() : null;
        int rc = CollectiveDowncalls.gather(sa, (int) sendCount, ignoredType(sendType), ra,
                (int) recvCount, isRoot ? recvType.handle() : typeHandle(recvType), root, handle());
        if (isRoot) {
            recvDone(ra, recvBuf, rb);
        }
        Errors.check(rc, "MPI_Gather");
        if (ev != null) {
            ev.done("MPI_Gather", this, root, MpiCallEvent.NO_TAG, sb + rb);
        }
    }

    /**
     * {@code MPI_Gather} of whole segments: every process sends all of {@code sendBuf} (same size
     * everywhere), its datatype inferred; the root's {@code recvBuf} receives them in rank order.
     */
    public final void gather(MemorySegment sendBuf, MemorySegment recvBuf, int root) {
        Datatype t = inferred(sendBuf);
        int n = Buffers.countOf(sendBuf, t);
        gather(sendBuf, n, t, recvBuf, n, t, root);
    }

    /** {@code MPI_Igather}: nonblocking {@link #gather(MemorySegment, long, Datatype, MemorySegment, long, Datatype, int)}. */
    public final Request igather(MemorySegment sendBuf, long sendCount, Datatype sendType, MemorySegment recvBuf,
            long recvCount, Datatype recvType, int root) {
        checkRoot(root);
        boolean isRoot = isRoot(root);
        boolean inPlace = sendBuf == IN_PLACE;
        boolean sends = !inPlace && contributes(root);
        long sb = sends ? span(sendBuf, sendCount, sendType) : 0;
        long rb = isRoot ? recvSpan(recvBuf, recvCount * peerSize(), recvType) : 0;
        noAlias(sendBuf, sb, recvBuf, rb);
        Staged ss = sends ? stageNb(sendBuf, sb, true) : null;
        Staged rs = isRoot ? stageNb(recvBuf, rb, inPlace || holes(recvType)) : null;
        Scratch s = Scratch.get();
        int rc = mpi_h.MPI_Igather(inPlace ? IN_PLACE : sends ? arg(sendBuf, ss) : MemorySegment.NULL,
                (int) sendCount, sends ? sendType.handle() : typeHandle(sendType),
                isRoot ? arg(recvBuf, rs) : MemorySegment.NULL, (int) recvCount, typeHandle(recvType), root,
                handle(), s.handle0);
        return started(rc, "MPI_Igather", s, new Object[] {sendBuf, recvBuf, sendType, recvType}, ss, rs, null);
    }

    /** {@code MPI_Igather} of whole segments (see {@link #gather(MemorySegment, MemorySegment, int)}). */
    public final Request igather(MemorySegment sendBuf, MemorySegment recvBuf, int root) {
        Datatype t = inferred(sendBuf);
        int n = Buffers.countOf(sendBuf, t);
        return igather(sendBuf, n, t, recvBuf, n, t, root);
    }

    /**
     * {@code MPI_Gatherv}: the root receives {@code recvCounts[i]} elements from process {@code i}
     * at {@code displs[i]} elements into {@code recvBuf}; {@code recvBuf}, {@code recvCounts},
     * {@code displs} and {@code recvType} matter at the root only.
     */
    public final void gatherv(MemorySegment sendBuf, long sendCount, Datatype sendType, MemorySegment recvBuf,
            int[] recvCounts, int[] displs, Datatype recvType, int root) {
        if (CollectiveChecks.on(this)) {
            CollectiveChecks.verify(this, CollectiveChecks.GATHERV, root, () -> {
                boolean isRoot = isRoot(checkRoot(root));
                if (sendBuf != IN_PLACE) {
                    span(sendBuf, sendCount, sendType);
                }
                if (isRoot) {
                    spanV(recvBuf, recvCounts, displs, recvType, true);
                    CollectiveChecks.checkNoOverlap(recvCounts, displs, recvType.extent(), "gatherv");
                }
            }, () -> CollectiveChecks.each(recvCounts, recvType),
                    sendBuf == IN_PLACE ? -1 : P2pMessage.dataBytes(sendCount, sendType));
        }
        checkRoot(root);
        boolean inPlace = sendBuf == IN_PLACE;
        boolean sends = !inPlace && contributes(root);
        long sb = sends ? span(sendBuf, sendCount, sendType) : 0;
        boolean isRoot = isRoot(root);
        long rb = isRoot ? spanV(recvBuf, recvCounts, displs, recvType, true) : 0;
        MemorySegment sa = inPlace ? IN_PLACE : sends ? sendArg(sendBuf, sb) : MemorySegment.NULL;
        MemorySegment ra = isRoot ? recvArg(recvBuf, rb, inPlace || holes(recvType)
                || leavesGaps(recvCounts, displs)) : MemorySegment.NULL;
        MpiCallEvent ev = MpiCallEvent.ENABLED ? MpiCallEvent.start() : null;
        int rc = CollectiveDowncalls.gatherv(sa, (int) sendCount, typeHandle(sendType), ra,
                isRoot ? NativeArgs.ints(0, recvCounts) : MemorySegment.NULL,
                isRoot ? NativeArgs.ints(1, displs) : MemorySegment.NULL, typeHandle(recvType), root, handle());
        if (isRoot) {
            recvDone(ra, recvBuf, rb);
        }
        Errors.check(rc, "MPI_Gatherv");
        if (ev != null) {
            ev.done("MPI_Gatherv", this, root, MpiCallEvent.NO_TAG, sb + rb);
        }
    }

    /**
     * {@code MPI_Gatherv} of whole segments: every process sends all of {@code sendBuf} (datatype
     * inferred); the root places them at {@code displs} (null: one after the other).
     */
    public final void gatherv(MemorySegment sendBuf, MemorySegment recvBuf, int[] recvCounts, int[] displs, int root) {
        Datatype t = inferred(sendBuf);
        boolean isRoot = isRoot(checkRoot(root));
        gatherv(sendBuf, Buffers.countOf(sendBuf, t), t, recvBuf, recvCounts,
                isRoot && displs == null ? packedDispls(recvCounts) : displs, t, root);
    }

    /** {@code MPI_Igatherv}: nonblocking {@link #gatherv(MemorySegment, long, Datatype, MemorySegment, int[], int[], Datatype, int)}. */
    public final Request igatherv(MemorySegment sendBuf, long sendCount, Datatype sendType, MemorySegment recvBuf,
            int[] recvCounts, int[] displs, Datatype recvType, int root) {
        checkRoot(root);
        boolean inPlace = sendBuf == IN_PLACE;
        boolean sends = !inPlace && contributes(root);
        long sb = sends ? span(sendBuf, sendCount, sendType) : 0;
        boolean isRoot = isRoot(root);
        long rb = isRoot ? spanV(recvBuf, recvCounts, displs, recvType, true) : 0;
        Staged ss = sends ? stageNb(sendBuf, sb, true) : null;
        Staged rs = isRoot ? stageNb(recvBuf, rb, inPlace || holes(recvType) || leavesGaps(recvCounts, displs))
                : null;
        MemorySegment c = isRoot ? NativeArgs.ownInts(recvCounts) : MemorySegment.NULL;
        MemorySegment d = isRoot ? NativeArgs.ownInts(displs) : MemorySegment.NULL;
        Scratch s = Scratch.get();
        int rc = mpi_h.MPI_Igatherv(inPlace ? IN_PLACE : sends ? arg(sendBuf, ss) : MemorySegment.NULL,
                (int) sendCount, typeHandle(sendType),
                isRoot ? arg(recvBuf, rs) : MemorySegment.NULL, c, d, typeHandle(recvType), root, handle(),
                s.handle0);
        return started(rc, "MPI_Igatherv", s, new Object[] {sendBuf, recvBuf, c, d, sendType, recvType}, ss, rs,
                null);
    }

    // collectives: scatter

    /**
     * {@code MPI_Scatter}: the root sends block {@code i} of {@code sendCount} elements of
     * {@code sendBuf} to process {@code i}; {@code sendBuf} and {@code sendType} matter at the root only.
     */
    public final void scatter(MemorySegment sendBuf, long sendCount, Datatype sendType, MemorySegment recvBuf,
            long recvCount, Datatype recvType, int root) {
        if (CollectiveChecks.on(this)) {
            CollectiveChecks.verify(this, CollectiveChecks.SCATTER, root, () -> {
                if (isRoot(checkRoot(root))) {
                    span(sendBuf, sendCount * peerSize(), sendType);
                }
                if (recvBuf != IN_PLACE) {
                    recvSpan(recvBuf, recvCount, recvType);
                }
            }, () -> CollectiveChecks.same(size(), P2pMessage.dataBytes(sendCount, sendType)),
                    recvBuf == IN_PLACE ? -1 : P2pMessage.dataBytes(recvCount, recvType));
        }
        checkRoot(root);
        boolean isRoot = isRoot(root);
        boolean inPlace = recvBuf == IN_PLACE;
        boolean receives = !inPlace && contributes(root);
        long sb = isRoot ? span(sendBuf, sendCount * peerSize(), sendType) : 0;
        long rb = receives ? recvSpan(recvBuf, recvCount, recvType) : 0;
        noAlias(sendBuf, sb, recvBuf, rb);
        MemorySegment sa = isRoot ? sendArg(sendBuf, sb) : MemorySegment.NULL;
        MemorySegment ra = inPlace ? IN_PLACE : receives ? recvArg(recvBuf, rb, holes(recvType)) : MemorySegment.NULL;
        MpiCallEvent ev = MpiCallEvent.ENABLED ? MpiCallEvent.start() : null;
        int rc = CollectiveDowncalls.scatter(sa, (int) sendCount, isRoot ? sendType.handle() : typeHandle(sendType),
                ra, (int) recvCount, receives ? recvType.handle() : ignoredType(recvType), root,
                handle());
        if (receives) {
            recvDone(ra, recvBuf, rb);
        }
        Errors.check(rc, "MPI_Scatter");
        if (ev != null) {
            ev.done("MPI_Scatter", this, root, MpiCallEvent.NO_TAG, sb + rb);
        }
    }

    /**
     * {@code MPI_Scatter} of whole segments: every process receives exactly {@code recvBuf}
     * (datatype inferred); the root's {@code sendBuf} holds {@code peerSize()} such blocks.
     */
    public final void scatter(MemorySegment sendBuf, MemorySegment recvBuf, int root) {
        Datatype t = inferred(recvBuf);
        int n = Buffers.countOf(recvBuf, t);
        scatter(sendBuf, n, t, recvBuf, n, t, root);
    }

    /** {@code MPI_Iscatter}: nonblocking {@link #scatter(MemorySegment, long, Datatype, MemorySegment, long, Datatype, int)}. */
    public final Request iscatter(MemorySegment sendBuf, long sendCount, Datatype sendType, MemorySegment recvBuf,
            long recvCount, Datatype recvType, int root) {
        checkRoot(root);
        boolean isRoot = isRoot(root);
        boolean inPlace = recvBuf == IN_PLACE;
        boolean receives = !inPlace && contributes(root);
        long sb = isRoot ? span(sendBuf, sendCount * peerSize(), sendType) : 0;
        long rb = receives ? recvSpan(recvBuf, recvCount, recvType) : 0;
        noAlias(sendBuf, sb, recvBuf, rb);
        Staged ss = isRoot ? stageNb(sendBuf, sb, true) : null;
        Staged rs = receives ? stageNb(recvBuf, rb, holes(recvType)) : null;
        Scratch s = Scratch.get();
        int rc = mpi_h.MPI_Iscatter(isRoot ? arg(sendBuf, ss) : MemorySegment.NULL, (int) sendCount,
                typeHandle(sendType), inPlace ? IN_PLACE : receives ? arg(recvBuf, rs) : MemorySegment.NULL,
                (int) recvCount, receives ? recvType.handle() : ignoredType(recvType), root, handle(),
                s.handle0);
        return started(rc, "MPI_Iscatter", s, new Object[] {sendBuf, recvBuf, sendType, recvType}, ss, rs, null);
    }

    /** {@code MPI_Iscatter} of whole segments (see {@link #scatter(MemorySegment, MemorySegment, int)}). */
    public final Request iscatter(MemorySegment sendBuf, MemorySegment recvBuf, int root) {
        Datatype t = inferred(recvBuf);
        int n = Buffers.countOf(recvBuf, t);
        return iscatter(sendBuf, n, t, recvBuf, n, t, root);
    }

    /**
     * {@code MPI_Scatterv}: the root sends {@code sendCounts[i]} elements at {@code displs[i]} of
     * {@code sendBuf} to process {@code i}; the send arguments matter at the root only.
     */
    public final void scatterv(MemorySegment sendBuf, int[] sendCounts, int[] displs, Datatype sendType,
            MemorySegment recvBuf, long recvCount, Datatype recvType, int root) {
        if (CollectiveChecks.on(this)) {
            CollectiveChecks.verify(this, CollectiveChecks.SCATTERV, root, () -> {
                if (isRoot(checkRoot(root))) {
                    spanV(sendBuf, sendCounts, displs, sendType, false);
                }
                if (recvBuf != IN_PLACE) {
                    recvSpan(recvBuf, recvCount, recvType);
                }
            }, () -> CollectiveChecks.each(sendCounts, sendType),
                    recvBuf == IN_PLACE ? -1 : P2pMessage.dataBytes(recvCount, recvType));
        }
        checkRoot(root);
        boolean isRoot = isRoot(root);
        boolean inPlace = recvBuf == IN_PLACE;
        boolean receives = !inPlace && contributes(root);
        long sb = isRoot ? spanV(sendBuf, sendCounts, displs, sendType, false) : 0;
        long rb = receives ? recvSpan(recvBuf, recvCount, recvType) : 0;
        noAlias(sendBuf, sb, recvBuf, rb);
        MemorySegment sa = isRoot ? sendArg(sendBuf, sb) : MemorySegment.NULL;
        MemorySegment ra = inPlace ? IN_PLACE : receives ? recvArg(recvBuf, rb, holes(recvType)) : MemorySegment.NULL;
        MpiCallEvent ev = MpiCallEvent.ENABLED ? MpiCallEvent.start() : null;
        int rc = CollectiveDowncalls.scatterv(sa, isRoot ? NativeArgs.ints(0, sendCounts) : MemorySegment.NULL,
                isRoot ? NativeArgs.ints(1, displs) : MemorySegment.NULL, typeHandle(sendType), ra,
                (int) recvCount, receives ? recvType.handle() : ignoredType(recvType), root, handle());
        if (receives) {
            recvDone(ra, recvBuf, rb);
        }
        Errors.check(rc, "MPI_Scatterv");
        if (ev != null) {
            ev.done("MPI_Scatterv", this, root, MpiCallEvent.NO_TAG, sb + rb);
        }
    }

    /**
     * {@code MPI_Scatterv} of whole segments: every process receives exactly {@code recvBuf}
     * (datatype inferred); the root sends from {@code displs} (null: one after the other).
     */
    public final void scatterv(MemorySegment sendBuf, int[] sendCounts, int[] displs, MemorySegment recvBuf,
            int root) {
        Datatype t = inferred(recvBuf);
        boolean isRoot = isRoot(checkRoot(root));
        scatterv(sendBuf, sendCounts, isRoot && displs == null ? packedDispls(sendCounts) : displs, t, recvBuf,
                Buffers.countOf(recvBuf, t), t, root);
    }

    /** {@code MPI_Iscatterv}: nonblocking {@link #scatterv(MemorySegment, int[], int[], Datatype, MemorySegment, long, Datatype, int)}. */
    public final Request iscatterv(MemorySegment sendBuf, int[] sendCounts, int[] displs, Datatype sendType,
            MemorySegment recvBuf, long recvCount, Datatype recvType, int root) {
        checkRoot(root);
        boolean isRoot = isRoot(root);
        boolean inPlace = recvBuf == IN_PLACE;
        boolean receives = !inPlace && contributes(root);
        long sb = isRoot ? spanV(sendBuf, sendCounts, displs, sendType, false) : 0;
        long rb = receives ? recvSpan(recvBuf, recvCount, recvType) : 0;
        noAlias(sendBuf, sb, recvBuf, rb);
        Staged ss = isRoot ? stageNb(sendBuf, sb, true) : null;
        Staged rs = receives ? stageNb(recvBuf, rb, holes(recvType)) : null;
        MemorySegment c = isRoot ? NativeArgs.ownInts(sendCounts) : MemorySegment.NULL;
        MemorySegment d = isRoot ? NativeArgs.ownInts(displs) : MemorySegment.NULL;
        Scratch s = Scratch.get();
        int rc = mpi_h.MPI_Iscatterv(isRoot ? arg(sendBuf, ss) : MemorySegment.NULL, c, d, typeHandle(sendType),
                inPlace ? IN_PLACE : receives ? arg(recvBuf, rs) : MemorySegment.NULL, (int) recvCount,
                receives ? recvType.handle() : ignoredType(recvType), root, handle(), s.handle0);
        return started(rc, "MPI_Iscatterv", s, new Object[] {sendBuf, recvBuf, c, d, sendType, recvType}, ss, rs,
                null);
    }

    // collectives: allgather

    /** {@code MPI_Allgather}: every process receives {@code recvCount} elements from each, in rank order. */
    public final void allgather(MemorySegment sendBuf, long sendCount, Datatype sendType, MemorySegment recvBuf,
            long recvCount, Datatype recvType) {
        boolean inPlace = sendBuf == IN_PLACE;
        long sb = inPlace ? 0 : span(sendBuf, sendCount, sendType);
        long rb = recvSpan(recvBuf, recvCount * peerSize(), recvType);
        noAlias(sendBuf, sb, recvBuf, rb);
        MemorySegment sa = inPlace ? IN_PLACE : sendArg(sendBuf, sb);
        MemorySegment ra = recvArg(recvBuf, rb, inPlace || holes(recvType));
        MpiCallEvent ev = MpiCallEvent.ENABLED ? MpiCallEvent.start() : null;
        int rc = CollectiveDowncalls.allgather(sa, (int) sendCount, typeHandle(sendType), ra, (int) recvCount,
                recvType.handle(), handle());
        recvDone(ra, recvBuf, rb);
        Errors.check(rc, "MPI_Allgather");
        if (ev != null) {
            ev.done("MPI_Allgather", this, MpiCallEvent.NO_PEER, MpiCallEvent.NO_TAG, sb + rb);
        }
    }

    /** {@code MPI_Allgather} of whole segments: all of {@code sendBuf} (same size everywhere), datatype inferred. */
    public final void allgather(MemorySegment sendBuf, MemorySegment recvBuf) {
        Datatype t = inferred(sendBuf);
        int n = Buffers.countOf(sendBuf, t);
        allgather(sendBuf, n, t, recvBuf, n, t);
    }

    /** {@code MPI_Iallgather}: nonblocking {@link #allgather(MemorySegment, long, Datatype, MemorySegment, long, Datatype)}. */
    public final Request iallgather(MemorySegment sendBuf, long sendCount, Datatype sendType, MemorySegment recvBuf,
            long recvCount, Datatype recvType) {
        boolean inPlace = sendBuf == IN_PLACE;
        long sb = inPlace ? 0 : span(sendBuf, sendCount, sendType);
        long rb = recvSpan(recvBuf, recvCount * peerSize(), recvType);
        noAlias(sendBuf, sb, recvBuf, rb);
        Staged ss = inPlace ? null : stageNb(sendBuf, sb, true);
        Staged rs = stageNb(recvBuf, rb, inPlace || holes(recvType));
        Scratch s = Scratch.get();
        int rc = mpi_h.MPI_Iallgather(inPlace ? IN_PLACE : arg(sendBuf, ss), (int) sendCount, typeHandle(sendType),
                arg(recvBuf, rs), (int) recvCount, recvType.handle(), handle(), s.handle0);
        return started(rc, "MPI_Iallgather", s, new Object[] {sendBuf, recvBuf, sendType, recvType}, ss, rs, null);
    }

    /** {@code MPI_Iallgather} of whole segments. */
    public final Request iallgather(MemorySegment sendBuf, MemorySegment recvBuf) {
        Datatype t = inferred(sendBuf);
        int n = Buffers.countOf(sendBuf, t);
        return iallgather(sendBuf, n, t, recvBuf, n, t);
    }

    /**
     * {@code MPI_Allgatherv}: every process receives {@code recvCounts[i]} elements from process
     * {@code i} at {@code displs[i]} elements of {@code recvBuf}.
     */
    public final void allgatherv(MemorySegment sendBuf, long sendCount, Datatype sendType, MemorySegment recvBuf,
            int[] recvCounts, int[] displs, Datatype recvType) {
        boolean inPlace = sendBuf == IN_PLACE;
        long sb = inPlace ? 0 : span(sendBuf, sendCount, sendType);
        long rb = spanV(recvBuf, recvCounts, displs, recvType, true);
        noAlias(sendBuf, sb, recvBuf, rb);
        MemorySegment sa = inPlace ? IN_PLACE : sendArg(sendBuf, sb);
        MemorySegment ra = recvArg(recvBuf, rb, inPlace || holes(recvType) || leavesGaps(recvCounts, displs));
        MpiCallEvent ev = MpiCallEvent.ENABLED ? MpiCallEvent.start() : null;
        int rc = CollectiveDowncalls.allgatherv(sa, (int) sendCount, typeHandle(sendType), ra,
                NativeArgs.ints(0, recvCounts), NativeArgs.ints(1, displs), recvType.handle(), handle());
        recvDone(ra, recvBuf, rb);
        Errors.check(rc, "MPI_Allgatherv");
        if (ev != null) {
            ev.done("MPI_Allgatherv", this, MpiCallEvent.NO_PEER, MpiCallEvent.NO_TAG, sb + rb);
        }
    }

    /** {@code MPI_Allgatherv} of whole segments: all of {@code sendBuf}, placed at {@code displs} (null: packed). */
    public final void allgatherv(MemorySegment sendBuf, MemorySegment recvBuf, int[] recvCounts, int[] displs) {
        Datatype t = inferred(sendBuf);
        allgatherv(sendBuf, Buffers.countOf(sendBuf, t), t, recvBuf, recvCounts,
                displs == null ? packedDispls(recvCounts) : displs, t);
    }

    /** {@code MPI_Iallgatherv}: nonblocking {@link #allgatherv(MemorySegment, long, Datatype, MemorySegment, int[], int[], Datatype)}. */
    public final Request iallgatherv(MemorySegment sendBuf, long sendCount, Datatype sendType, MemorySegment recvBuf,
            int[] recvCounts, int[] displs, Datatype recvType) {
        boolean inPlace = sendBuf == IN_PLACE;
        long sb = inPlace ? 0 : span(sendBuf, sendCount, sendType);
        long rb = spanV(recvBuf, recvCounts, displs, recvType, true);
        noAlias(sendBuf, sb, recvBuf, rb);
        Staged ss = inPlace ? null : stageNb(sendBuf, sb, true);
        Staged rs = stageNb(recvBuf, rb, inPlace || holes(recvType) || leavesGaps(recvCounts, displs));
        MemorySegment c = NativeArgs.ownInts(recvCounts);
        MemorySegment d = NativeArgs.ownInts(displs);
        Scratch s = Scratch.get();
        int rc = mpi_h.MPI_Iallgatherv(inPlace ? IN_PLACE : arg(sendBuf, ss), (int) sendCount, typeHandle(sendType),
                arg(recvBuf, rs), c, d, recvType.handle(), handle(), s.handle0);
        return started(rc, "MPI_Iallgatherv", s, new Object[] {sendBuf, recvBuf, c, d, sendType, recvType}, ss, rs,
                null);
    }

    // collectives: alltoall

    /**
     * {@code MPI_Alltoall}: block {@code i} of {@code sendCount} elements goes to process {@code i},
     * which stores it as block {@code rank()} of its {@code recvBuf}.
     */
    public final void alltoall(MemorySegment sendBuf, long sendCount, Datatype sendType, MemorySegment recvBuf,
            long recvCount, Datatype recvType) {
        boolean inPlace = sendBuf == IN_PLACE;
        long sb = inPlace ? 0 : span(sendBuf, sendCount * peerSize(), sendType);
        long rb = recvSpan(recvBuf, recvCount * peerSize(), recvType);
        noAlias(sendBuf, sb, recvBuf, rb);
        MemorySegment sa = inPlace ? IN_PLACE : sendArg(sendBuf, sb);
        MemorySegment ra = recvArg(recvBuf, rb, inPlace || holes(recvType));
        MpiCallEvent ev = MpiCallEvent.ENABLED ? MpiCallEvent.start() : null;
        int rc = CollectiveDowncalls.alltoall(sa, (int) sendCount, typeHandle(sendType), ra, (int) recvCount,
                recvType.handle(), handle());
        recvDone(ra, recvBuf, rb);
        Errors.check(rc, "MPI_Alltoall");
        if (ev != null) {
            ev.done("MPI_Alltoall", this, MpiCallEvent.NO_PEER, MpiCallEvent.NO_TAG, sb + rb);
        }
    }

    /**
     * {@code MPI_Alltoall} of whole segments: {@code sendBuf} (datatype inferred) is cut into
     * {@code peerSize()} equal blocks.
     */
    public final void alltoall(MemorySegment sendBuf, MemorySegment recvBuf) {
        Datatype t = inferred(sendBuf);
        int n = blockOf(Buffers.countOf(sendBuf, t));
        alltoall(sendBuf, n, t, recvBuf, n, t);
    }

    int blockOf(int total) {
        if (total % peerSize() != 0) {
            throw new IllegalArgumentException(total + " elements do not split into " + peerSize() + " equal blocks");
        }
        return total / peerSize();
    }

    /** {@code MPI_Ialltoall}: nonblocking {@link #alltoall(MemorySegment, long, Datatype, MemorySegment, long, Datatype)}. */
    public final Request ialltoall(MemorySegment sendBuf, long sendCount, Datatype sendType, MemorySegment recvBuf,
            long recvCount, Datatype recvType) {
        boolean inPlace = sendBuf == IN_PLACE;
        long sb = inPlace ? 0 : span(sendBuf, sendCount * peerSize(), sendType);
        long rb = recvSpan(recvBuf, recvCount * peerSize(), recvType);
        noAlias(sendBuf, sb, recvBuf, rb);
        Staged ss = inPlace ? null : stageNb(sendBuf, sb, true);
        Staged rs = stageNb(recvBuf, rb, inPlace || holes(recvType));
        Scratch s = Scratch.get();
        int rc = mpi_h.MPI_Ialltoall(inPlace ? IN_PLACE : arg(sendBuf, ss), (int) sendCount, typeHandle(sendType),
                arg(recvBuf, rs), (int) recvCount, recvType.handle(), handle(), s.handle0);
        return started(rc, "MPI_Ialltoall", s, new Object[] {sendBuf, recvBuf, sendType, recvType}, ss, rs, null);
    }

    /** {@code MPI_Ialltoall} of whole segments. */
    public final Request ialltoall(MemorySegment sendBuf, MemorySegment recvBuf) {
        Datatype t = inferred(sendBuf);
        int n = blockOf(Buffers.countOf(sendBuf, t));
        return ialltoall(sendBuf, n, t, recvBuf, n, t);
    }

    /**
     * {@code MPI_Alltoallv}: {@code sendCounts[i]} elements at {@code sendDispls[i]} go to process
     * {@code i}; {@code recvCounts[i]} elements from process {@code i} land at {@code recvDispls[i]}.
     */
    public final void alltoallv(MemorySegment sendBuf, int[] sendCounts, int[] sendDispls, Datatype sendType,
            MemorySegment recvBuf, int[] recvCounts, int[] recvDispls, Datatype recvType) {
        boolean inPlace = sendBuf == IN_PLACE;
        long sb = inPlace ? 0 : spanV(sendBuf, sendCounts, sendDispls, sendType, false);
        long rb = spanV(recvBuf, recvCounts, recvDispls, recvType, true);
        noAlias(sendBuf, sb, recvBuf, rb);
        MemorySegment sa = inPlace ? IN_PLACE : sendArg(sendBuf, sb);
        MemorySegment ra = recvArg(recvBuf, rb, true);
        MpiCallEvent ev = MpiCallEvent.ENABLED ? MpiCallEvent.start() : null;
        int rc = CollectiveDowncalls.alltoallv(sa, inPlace ? MemorySegment.NULL : NativeArgs.ints(0, sendCounts),
                inPlace ? MemorySegment.NULL : NativeArgs.ints(1, sendDispls), typeHandle(sendType), ra,
                NativeArgs.ints(2, recvCounts), NativeArgs.ints(3, recvDispls), recvType.handle(), handle());
        recvDone(ra, recvBuf, rb);
        Errors.check(rc, "MPI_Alltoallv");
        if (ev != null) {
            ev.done("MPI_Alltoallv", this, MpiCallEvent.NO_PEER, MpiCallEvent.NO_TAG, sb + rb);
        }
    }

    /** {@code MPI_Alltoallv} of segments whose datatypes are inferred; null displacements: packed. */
    public final void alltoallv(MemorySegment sendBuf, int[] sendCounts, int[] sendDispls, MemorySegment recvBuf,
            int[] recvCounts, int[] recvDispls) {
        Datatype st = inferred(sendBuf);
        Datatype rt = inferred(recvBuf);
        alltoallv(sendBuf, sendCounts, sendDispls == null ? packedDispls(sendCounts) : sendDispls, st, recvBuf,
                recvCounts, recvDispls == null ? packedDispls(recvCounts) : recvDispls, rt);
    }

    /** {@code MPI_Ialltoallv}: nonblocking {@link #alltoallv(MemorySegment, int[], int[], Datatype, MemorySegment, int[], int[], Datatype)}. */
    public final Request ialltoallv(MemorySegment sendBuf, int[] sendCounts, int[] sendDispls, Datatype sendType,
            MemorySegment recvBuf, int[] recvCounts, int[] recvDispls, Datatype recvType) {
        boolean inPlace = sendBuf == IN_PLACE;
        long sb = inPlace ? 0 : spanV(sendBuf, sendCounts, sendDispls, sendType, false);
        long rb = spanV(recvBuf, recvCounts, recvDispls, recvType, true);
        noAlias(sendBuf, sb, recvBuf, rb);
        Staged ss = inPlace ? null : stageNb(sendBuf, sb, true);
        Staged rs = stageNb(recvBuf, rb, true);
        MemorySegment sc = inPlace ? MemorySegment.NULL : NativeArgs.ownInts(sendCounts);
        MemorySegment sd = inPlace ? MemorySegment.NULL : NativeArgs.ownInts(sendDispls);
        MemorySegment rcs = NativeArgs.ownInts(recvCounts);
        MemorySegment rd = NativeArgs.ownInts(recvDispls);
        Scratch s = Scratch.get();
        int rc = mpi_h.MPI_Ialltoallv(inPlace ? IN_PLACE : arg(sendBuf, ss), sc, sd, typeHandle(sendType),
                arg(recvBuf, rs), rcs, rd, recvType.handle(), handle(), s.handle0);
        return started(rc, "MPI_Ialltoallv", s, new Object[] {sendBuf, recvBuf, sc, sd, rcs, rd, sendType, recvType},
                ss, rs, null);
    }

    /**
     * {@code MPI_Alltoallw}: like {@link #alltoallv(MemorySegment, int[], int[], Datatype, MemorySegment, int[], int[], Datatype)}
     * with a datatype per process and displacements in <em>bytes</em>.
     */
    public final void alltoallw(MemorySegment sendBuf, int[] sendCounts, int[] sendDisplsBytes, Datatype[] sendTypes,
            MemorySegment recvBuf, int[] recvCounts, int[] recvDisplsBytes, Datatype[] recvTypes) {
        long sb = spanW(sendBuf, sendCounts, sendDisplsBytes, sendTypes, false);
        long rb = spanW(recvBuf, recvCounts, recvDisplsBytes, recvTypes, true);
        noAlias(sendBuf, sb, recvBuf, rb);
        MemorySegment sa = sendArg(sendBuf, sb);
        MemorySegment ra = recvArg(recvBuf, rb, true);
        MpiCallEvent ev = MpiCallEvent.ENABLED ? MpiCallEvent.start() : null;
        int rc = CollectiveDowncalls.alltoallw(sa, NativeArgs.ints(0, sendCounts), NativeArgs.ints(1, sendDisplsBytes),
                NativeArgs.types(4, sendTypes), ra, NativeArgs.ints(2, recvCounts), NativeArgs.ints(3, recvDisplsBytes),
                NativeArgs.types(5, recvTypes), handle());
        recvDone(ra, recvBuf, rb);
        Errors.check(rc, "MPI_Alltoallw");
        if (ev != null) {
            ev.done("MPI_Alltoallw", this, MpiCallEvent.NO_PEER, MpiCallEvent.NO_TAG, sb + rb);
        }
    }

    /** {@code MPI_Ialltoallw}: nonblocking {@link #alltoallw}. */
    public final Request ialltoallw(MemorySegment sendBuf, int[] sendCounts, int[] sendDisplsBytes,
            Datatype[] sendTypes, MemorySegment recvBuf, int[] recvCounts, int[] recvDisplsBytes,
            Datatype[] recvTypes) {
        long sb = spanW(sendBuf, sendCounts, sendDisplsBytes, sendTypes, false);
        long rb = spanW(recvBuf, recvCounts, recvDisplsBytes, recvTypes, true);
        noAlias(sendBuf, sb, recvBuf, rb);
        Staged ss = stageNb(sendBuf, sb, true);
        Staged rs = stageNb(recvBuf, rb, true);
        MemorySegment[] a = {NativeArgs.ownInts(sendCounts), NativeArgs.ownInts(sendDisplsBytes),
            NativeArgs.ownTypes(sendTypes), NativeArgs.ownInts(recvCounts), NativeArgs.ownInts(recvDisplsBytes),
            NativeArgs.ownTypes(recvTypes)};
        Scratch s = Scratch.get();
        int rc = mpi_h.MPI_Ialltoallw(arg(sendBuf, ss), a[0], a[1], a[2], arg(recvBuf, rs), a[3], a[4], a[5],
                handle(), s.handle0);
        return started(rc, "MPI_Ialltoallw", s, new Object[] {sendBuf, recvBuf, a, sendTypes.clone(),
            recvTypes.clone()}, ss, rs, null);
    }

    // collectives: reductions

    /**
     * {@code MPI_Reduce}: combines the {@code count} elements of every process's {@code sendBuf}
     * with {@code op} into the root's {@code recvBuf} (ignored, and may be null, elsewhere). Above
     * 2^31-1 elements (native memory only) it runs in chunks of 2^30.
     */
    public final void reduce(MemorySegment sendBuf, MemorySegment recvBuf, long count, Datatype type, Op op,
            int root) {
        if (LargeCollectives.isLarge(count)) {
            LargeCollectives.reduce(this, sendBuf, recvBuf, count, type, op, root);
            return;
        }
        if (CollectiveChecks.on(this)) {
            CollectiveChecks.verify(this, CollectiveChecks.REDUCE, root, () -> {
                boolean isRoot = isRoot(checkRoot(root));
                checkOp(op);
                if (sendBuf != IN_PLACE) {
                    span(sendBuf, count, type);
                }
                if (isRoot) {
                    recvSpan(recvBuf, count, type);
                }
            }, () -> CollectiveChecks.same(size(), P2pMessage.dataBytes(count, type)), P2pMessage.dataBytes(count, type));
        }
        checkRoot(root);
        checkOp(op);
        boolean isRoot = isRoot(root);
        boolean inPlace = sendBuf == IN_PLACE;
        boolean sends = !inPlace && contributes(root);
        if (!isRoot && !sends) {
            Errors.check(CollectiveDowncalls.reduce(MemorySegment.NULL, MemorySegment.NULL, 1, ignoredType(type), op.handle(),
                    root, handle()), "MPI_Reduce");
            return;
        }
        long sb = sends ? span(sendBuf, count, type) : 0;
        long rb = isRoot ? recvSpan(recvBuf, count, type) : 0;
        noAlias(sendBuf, sb, recvBuf, rb);
        MemorySegment sa = inPlace ? IN_PLACE : sends ? sendArg(sendBuf, sb) : MemorySegment.NULL;
        MemorySegment ra = isRoot ? recvArg(recvBuf, rb, inPlace || holes(type)) : MemorySegment.NULL;
        MpiCallEvent ev = MpiCallEvent.ENABLED ? MpiCallEvent.start() : null;
        int rc;
        boolean javaOp = Downcalls.userOpStarted(op.isUserDefined());
        try {
            rc = CollectiveDowncalls.reduce(sa, ra, (int) count, type.handle(), op.handle(), root, handle());
        } finally {
            Downcalls.userOpDone(javaOp);
        }
        if (isRoot) {
            recvDone(ra, recvBuf, rb);
        }
        opDone(op);
        Errors.check(rc, "MPI_Reduce");
        if (ev != null) {
            ev.done("MPI_Reduce", this, root, MpiCallEvent.NO_TAG, sb + rb);
        }
    }

    /** {@code MPI_Reduce} of whole segments, count and datatype inferred from {@code sendBuf}. */
    public final void reduce(MemorySegment sendBuf, MemorySegment recvBuf, Op op, int root) {
        Datatype t = inferred(sendBuf);
        reduce(sendBuf, recvBuf, Buffers.countOf(sendBuf, t), t, op, root);
    }

    /** {@code MPI_Ireduce}: nonblocking {@link #reduce(MemorySegment, MemorySegment, long, Datatype, Op, int)}. */
    public final Request ireduce(MemorySegment sendBuf, MemorySegment recvBuf, long count, Datatype type, Op op,
            int root) {
        checkRoot(root);
        checkOp(op);
        boolean isRoot = isRoot(root);
        boolean inPlace = sendBuf == IN_PLACE;
        boolean sends = !inPlace && contributes(root);
        if (!isRoot && !sends) {
            Scratch s = Scratch.get();
            int rc = mpi_h.MPI_Ireduce(MemorySegment.NULL, MemorySegment.NULL, 1, ignoredType(type), op.handle(), root,
                    handle(), s.handle0);
            return started(rc, "MPI_Ireduce", s, op, null, null, null);
        }
        long sb = sends ? span(sendBuf, count, type) : 0;
        long rb = isRoot ? recvSpan(recvBuf, count, type) : 0;
        noAlias(sendBuf, sb, recvBuf, rb);
        Staged ss = sends ? stageNb(sendBuf, sb, true) : null;
        Staged rs = isRoot ? stageNb(recvBuf, rb, inPlace || holes(type)) : null;
        Scratch s = Scratch.get();
        int rc = mpi_h.MPI_Ireduce(inPlace ? IN_PLACE : sends ? arg(sendBuf, ss) : MemorySegment.NULL,
                isRoot ? arg(recvBuf, rs) : MemorySegment.NULL, (int) count, type.handle(), op.handle(), root, handle(),
                s.handle0);
        return started(rc, "MPI_Ireduce", s, new Object[] {sendBuf, recvBuf, type, op}, ss, rs, op);
    }

    /**
     * {@code MPI_Allreduce}: every process receives the combination of all processes' {@code sendBuf}.
     * Above 2^31-1 elements (native memory only) it runs in chunks of 2^30.
     */
    public final void allreduce(MemorySegment sendBuf, MemorySegment recvBuf, long count, Datatype type, Op op) {
        if (LargeCollectives.isLarge(count)) {
            LargeCollectives.allreduce(this, sendBuf, recvBuf, count, type, op);
            return;
        }
        if (sendBuf != IN_PLACE && Buffers.isNative(sendBuf) && Buffers.isNative(recvBuf)) {
            allreduceNative(sendBuf, recvBuf, count, type, op);
            return;
        }
        checkOp(op);
        boolean inPlace = sendBuf == IN_PLACE;
        long sb = inPlace ? 0 : span(sendBuf, count, type);
        long rb = recvSpan(recvBuf, count, type);
        noAlias(sendBuf, sb, recvBuf, rb);
        MemorySegment sa = inPlace ? IN_PLACE : sendArg(sendBuf, sb);
        MemorySegment ra = recvArg(recvBuf, rb, inPlace || holes(type));
        MpiCallEvent ev = MpiCallEvent.ENABLED ? MpiCallEvent.start() : null;
        int rc;
        boolean javaOp = Downcalls.userOpStarted(op.isUserDefined());
        try {
            rc = CollectiveDowncalls.allreduce(sa, ra, (int) count, type.handle(), op.handle(), handle());
        } finally {
            Downcalls.userOpDone(javaOp);
        }
        recvDone(ra, recvBuf, rb);
        opDone(op);
        Errors.check(rc, "MPI_Allreduce");
        if (ev != null) {
            ev.done("MPI_Allreduce", this, MpiCallEvent.NO_PEER, MpiCallEvent.NO_TAG, sb + rb);
        }
    }

    /**
     * {@link #allreduce(MemorySegment, MemorySegment, long, Datatype, Op)} of two native segments:
     * the path a small allreduce takes at C speed. Kept apart from the general path because the JIT
     * profiles a method once for all its callers: after arrays have gone through the general path
     * (staging, critical downcalls) its compiled code grows too large to inline and every call
     * through it paid for the other kinds (measured: 54 ns instead of 45 per call on one rank).
     */
    void allreduceNative(MemorySegment sendBuf, MemorySegment recvBuf, long count, Datatype type, Op op) {
        checkOp(op);
        long sb = span(sendBuf, count, type);
        long rb = recvSpan(recvBuf, count, type);
        long s0 = sendBuf.address();
        long r0 = recvBuf.address();
        if (s0 < r0 + rb && r0 < s0 + sb) {
            noAlias(sendBuf, sb, recvBuf, rb); // throws, with the message
        }
        MpiCallEvent ev = MpiCallEvent.ENABLED ? MpiCallEvent.start() : null;
        int rc;
        boolean javaOp = Downcalls.userOpStarted(op.isUserDefined());
        try {
            rc = CollectiveDowncalls.allreduce(sendBuf, recvBuf, (int) count, type.handle(), op.handle(), handle());
        } finally {
            Downcalls.userOpDone(javaOp);
        }
        opDone(op);
        Errors.check(rc, "MPI_Allreduce");
        if (ev != null) {
            ev.done("MPI_Allreduce", this, MpiCallEvent.NO_PEER, MpiCallEvent.NO_TAG, sb + rb);
        }
    }

    /** {@code MPI_Allreduce} of whole segments, count and datatype inferred from {@code sendBuf}. */
    public final void allreduce(MemorySegment sendBuf, MemorySegment recvBuf, Op op) {
        Datatype t = inferred(sendBuf);
        allreduce(sendBuf, recvBuf, Buffers.countOf(sendBuf, t), t, op);
    }

    /** {@code MPI_Iallreduce}: nonblocking {@link #allreduce(MemorySegment, MemorySegment, long, Datatype, Op)}. */
    public final Request iallreduce(MemorySegment sendBuf, MemorySegment recvBuf, long count, Datatype type, Op op) {
        checkOp(op);
        boolean inPlace = sendBuf == IN_PLACE;
        long sb = inPlace ? 0 : span(sendBuf, count, type);
        long rb = recvSpan(recvBuf, count, type);
        noAlias(sendBuf, sb, recvBuf, rb);
        Staged ss = inPlace ? null : stageNb(sendBuf, sb, true);
        Staged rs = stageNb(recvBuf, rb, inPlace || holes(type));
        Scratch s = Scratch.get();
        int rc = mpi_h.MPI_Iallreduce(inPlace ? IN_PLACE : arg(sendBuf, ss), arg(recvBuf, rs), (int) count,
                type.handle(), op.handle(), handle(), s.handle0);
        return started(rc, "MPI_Iallreduce", s, new Object[] {sendBuf, recvBuf, type, op}, ss, rs, op);
    }

    /** {@code MPI_Iallreduce} of whole segments. */
    public final Request iallreduce(MemorySegment sendBuf, MemorySegment recvBuf, Op op) {
        Datatype t = inferred(sendBuf);
        return iallreduce(sendBuf, recvBuf, Buffers.countOf(sendBuf, t), t, op);
    }

    /**
     * {@code MPI_Reduce_scatter}: combines {@code sendBuf} (the sum of {@code recvCounts} elements)
     * over all processes and scatters the result, {@code recvCounts[i]} elements to process {@code i}.
     */
    public final void reduceScatter(MemorySegment sendBuf, MemorySegment recvBuf, int[] recvCounts, Datatype type,
            Op op) {
        checkOp(op);
        Errors.checkNotNull(recvCounts, "counts");
        // one count per process of the local group, on an intercommunicator too (MPI 4.1, 6.11.1)
        if (recvCounts.length != size()) {
            throw new IllegalArgumentException("counts need " + size() + " entries, not " + recvCounts.length);
        }
        for (int c : recvCounts) {
            Errors.checkCount(c);
        }
        boolean inPlace = sendBuf == IN_PLACE;
        int total = sum(recvCounts);
        long sb = inPlace ? 0 : span(sendBuf, total, type);
        long rb = recvSpan(recvBuf, inPlace ? total : recvCounts[rank()], type);
        noAlias(sendBuf, sb, recvBuf, rb);
        MemorySegment sa = inPlace ? IN_PLACE : sendArg(sendBuf, sb);
        MemorySegment ra = recvArg(recvBuf, rb, inPlace || holes(type));
        MpiCallEvent ev = MpiCallEvent.ENABLED ? MpiCallEvent.start() : null;
        int rc;
        boolean javaOp = Downcalls.userOpStarted(op.isUserDefined());
        try {
            rc = CollectiveDowncalls.reduceScatter(sa, ra, NativeArgs.ints(0, recvCounts), type.handle(), op.handle(),
                    handle());
        } finally {
            Downcalls.userOpDone(javaOp);
        }
        recvDone(ra, recvBuf, rb);
        opDone(op);
        Errors.check(rc, "MPI_Reduce_scatter");
        if (ev != null) {
            ev.done("MPI_Reduce_scatter", this, MpiCallEvent.NO_PEER, MpiCallEvent.NO_TAG, sb + rb);
        }
    }

    /** {@code MPI_Ireduce_scatter}: nonblocking {@link #reduceScatter}. */
    public final Request ireduceScatter(MemorySegment sendBuf, MemorySegment recvBuf, int[] recvCounts,
            Datatype type, Op op) {
        checkOp(op);
        Errors.checkNotNull(recvCounts, "counts");
        // one count per process of the local group, on an intercommunicator too (MPI 4.1, 6.11.1)
        if (recvCounts.length != size()) {
            throw new IllegalArgumentException("counts need " + size() + " entries, not " + recvCounts.length);
        }
        for (int c : recvCounts) {
            Errors.checkCount(c);
        }
        boolean inPlace = sendBuf == IN_PLACE;
        int total = sum(recvCounts);
        long sb = inPlace ? 0 : span(sendBuf, total, type);
        long rb = recvSpan(recvBuf, inPlace ? total : recvCounts[rank()], type);
        noAlias(sendBuf, sb, recvBuf, rb);
        Staged ss = inPlace ? null : stageNb(sendBuf, sb, true);
        Staged rs = stageNb(recvBuf, rb, inPlace || holes(type));
        MemorySegment c = NativeArgs.ownInts(recvCounts);
        Scratch s = Scratch.get();
        int rc = mpi_h.MPI_Ireduce_scatter(inPlace ? IN_PLACE : arg(sendBuf, ss), arg(recvBuf, rs), c,
                type.handle(), op.handle(), handle(), s.handle0);
        return started(rc, "MPI_Ireduce_scatter", s, new Object[] {sendBuf, recvBuf, c, type, op}, ss, rs, op);
    }

    /**
     * {@code MPI_Reduce_scatter_block}: combines {@code sendBuf} ({@code size() * recvCount}
     * elements) over all processes; process {@code i} receives block {@code i} of the result. On an
     * intercommunicator each group combines the other group's vectors (of the same length in both
     * groups) and scatters them among its own processes.
     */
    public final void reduceScatterBlock(MemorySegment sendBuf, MemorySegment recvBuf, long recvCount, Datatype type,
            Op op) {
        checkOp(op);
        boolean inPlace = sendBuf == IN_PLACE;
        long sb = inPlace ? 0 : span(sendBuf, recvCount * size(), type);
        long rb = recvSpan(recvBuf, inPlace ? recvCount * size() : recvCount, type);
        noAlias(sendBuf, sb, recvBuf, rb);
        MemorySegment sa = inPlace ? IN_PLACE : sendArg(sendBuf, sb);
        MemorySegment ra = recvArg(recvBuf, rb, inPlace || holes(type));
        MpiCallEvent ev = MpiCallEvent.ENABLED ? MpiCallEvent.start() : null;
        int rc;
        boolean javaOp = Downcalls.userOpStarted(op.isUserDefined());
        try {
            rc = CollectiveDowncalls.reduceScatterBlock(sa, ra, (int) recvCount, type.handle(), op.handle(), handle());
        } finally {
            Downcalls.userOpDone(javaOp);
        }
        recvDone(ra, recvBuf, rb);
        opDone(op);
        Errors.check(rc, "MPI_Reduce_scatter_block");
        if (ev != null) {
            ev.done("MPI_Reduce_scatter_block", this, MpiCallEvent.NO_PEER, MpiCallEvent.NO_TAG, sb + rb);
        }
    }

    /** {@code MPI_Reduce_scatter_block} of whole segments: the count comes from {@code recvBuf}. */
    public final void reduceScatterBlock(MemorySegment sendBuf, MemorySegment recvBuf, Op op) {
        Datatype t = inferred(recvBuf);
        reduceScatterBlock(sendBuf, recvBuf, Buffers.countOf(recvBuf, t), t, op);
    }

    /** {@code MPI_Ireduce_scatter_block}: nonblocking {@link #reduceScatterBlock(MemorySegment, MemorySegment, long, Datatype, Op)}. */
    public final Request ireduceScatterBlock(MemorySegment sendBuf, MemorySegment recvBuf, long recvCount,
            Datatype type, Op op) {
        checkOp(op);
        boolean inPlace = sendBuf == IN_PLACE;
        long sb = inPlace ? 0 : span(sendBuf, recvCount * size(), type);
        long rb = recvSpan(recvBuf, inPlace ? recvCount * size() : recvCount, type);
        noAlias(sendBuf, sb, recvBuf, rb);
        Staged ss = inPlace ? null : stageNb(sendBuf, sb, true);
        Staged rs = stageNb(recvBuf, rb, inPlace || holes(type));
        Scratch s = Scratch.get();
        int rc = mpi_h.MPI_Ireduce_scatter_block(inPlace ? IN_PLACE : arg(sendBuf, ss), arg(recvBuf, rs),
                (int) recvCount, type.handle(), op.handle(), handle(), s.handle0);
        return started(rc, "MPI_Ireduce_scatter_block", s, new Object[] {sendBuf, recvBuf, type, op}, ss, rs, op);
    }

    // collectives: whole primitive arrays (datatype from the element type; slices and other
    // element types through MemorySegment.ofArray(a).asSlice(...) and the segment forms)

    /** {@code MPI_Bcast} of a whole {@code byte[]}. */
    public final void bcast(byte[] buf, int root) {
        Errors.checkNotNull(buf, "buf");
        bcast(MemorySegment.ofArray(buf), buf.length, Datatype.INT8_T, root);
    }

    /** {@code MPI_Ibcast} of a whole {@code byte[]} (staged in native memory until the request completes). */
    public final Request ibcast(byte[] buf, int root) {
        Errors.checkNotNull(buf, "buf");
        return ibcast(MemorySegment.ofArray(buf), buf.length, Datatype.INT8_T, root);
    }

    /** {@code MPI_Reduce} of whole {@code byte[]}s; {@code recvBuf} may be null except at the root. */
    public final void reduce(byte[] sendBuf, byte[] recvBuf, Op op, int root) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        reduce(MemorySegment.ofArray(sendBuf), Buffers.ofArray(recvBuf), sendBuf.length, Datatype.INT8_T, op, root);
    }

    /** {@code MPI_Allreduce} of whole {@code byte[]}s. */
    public final void allreduce(byte[] sendBuf, byte[] recvBuf, Op op) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        Errors.checkNotNull(recvBuf, "recvBuf");
        int n = sendBuf.length;
        if (n <= SMALL_BYTES / 1 && recvBuf.length >= n && op.isPredefined()) {
            MemorySegment[] st = SMALL.get();
            SmallCopy.in(sendBuf, st[0], n);
            MpiCallEvent ev = MpiCallEvent.ENABLED ? MpiCallEvent.start() : null;
            int rc = CollectiveDowncalls.allreduce(st[0], st[1], n, Datatype.INT8_T.handle(), op.handle(), handle());
            SmallCopy.out(st[1], recvBuf, n);
            Errors.check(rc, "MPI_Allreduce");
            if (ev != null) {
                ev.done("MPI_Allreduce", this, MpiCallEvent.NO_PEER, MpiCallEvent.NO_TAG, 2L * n * 1);
            }
            return;
        }
        allreduce(MemorySegment.ofArray(sendBuf), MemorySegment.ofArray(recvBuf), n, Datatype.INT8_T, op);
    }

    /** {@code MPI_Iallreduce} of whole {@code byte[]}s (staged in native memory until the request completes). */
    public final Request iallreduce(byte[] sendBuf, byte[] recvBuf, Op op) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        Errors.checkNotNull(recvBuf, "recvBuf");
        return iallreduce(MemorySegment.ofArray(sendBuf), MemorySegment.ofArray(recvBuf), sendBuf.length,
                Datatype.INT8_T, op);
    }

    /** {@code MPI_Gather} of whole {@code byte[]}s: every process sends all of {@code sendBuf}; {@code recvBuf} may be null except at the root. */
    public final void gather(byte[] sendBuf, byte[] recvBuf, int root) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        gather(MemorySegment.ofArray(sendBuf), sendBuf.length, Datatype.INT8_T, Buffers.ofArray(recvBuf), sendBuf.length,
                Datatype.INT8_T, root);
    }

    /** {@code MPI_Gatherv} of whole {@code byte[]}s (null {@code displs}: packed); the receive arguments matter at the root only. */
    public final void gatherv(byte[] sendBuf, byte[] recvBuf, int[] recvCounts, int[] displs, int root) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        boolean isRoot = isRoot(checkRoot(root));
        gatherv(MemorySegment.ofArray(sendBuf), sendBuf.length, Datatype.INT8_T, Buffers.ofArray(recvBuf), recvCounts,
                isRoot && displs == null ? packedDispls(recvCounts) : displs, Datatype.INT8_T, root);
    }

    /** {@code MPI_Scatter} of whole {@code byte[]}s: every process receives exactly {@code recvBuf.length} elements; {@code sendBuf} may be null except at the root. */
    public final void scatter(byte[] sendBuf, byte[] recvBuf, int root) {
        Errors.checkNotNull(recvBuf, "recvBuf");
        scatter(Buffers.ofArray(sendBuf), recvBuf.length, Datatype.INT8_T, MemorySegment.ofArray(recvBuf), recvBuf.length,
                Datatype.INT8_T, root);
    }

    /** {@code MPI_Scatterv} of whole {@code byte[]}s (null {@code displs}: packed); the send arguments matter at the root only. */
    public final void scatterv(byte[] sendBuf, int[] sendCounts, int[] displs, byte[] recvBuf, int root) {
        Errors.checkNotNull(recvBuf, "recvBuf");
        boolean isRoot = isRoot(checkRoot(root));
        scatterv(Buffers.ofArray(sendBuf), sendCounts, isRoot && displs == null ? packedDispls(sendCounts) : displs,
                Datatype.INT8_T, MemorySegment.ofArray(recvBuf), recvBuf.length, Datatype.INT8_T, root);
    }

    /** {@code MPI_Allgather} of whole {@code byte[]}s. */
    public final void allgather(byte[] sendBuf, byte[] recvBuf) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        Errors.checkNotNull(recvBuf, "recvBuf");
        allgather(MemorySegment.ofArray(sendBuf), sendBuf.length, Datatype.INT8_T, MemorySegment.ofArray(recvBuf),
                sendBuf.length, Datatype.INT8_T);
    }

    /** {@code MPI_Allgatherv} of whole {@code byte[]}s (null {@code displs}: packed). */
    public final void allgatherv(byte[] sendBuf, byte[] recvBuf, int[] recvCounts, int[] displs) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        Errors.checkNotNull(recvBuf, "recvBuf");
        allgatherv(MemorySegment.ofArray(sendBuf), sendBuf.length, Datatype.INT8_T, MemorySegment.ofArray(recvBuf),
                recvCounts, displs == null ? packedDispls(recvCounts) : displs, Datatype.INT8_T);
    }

    /** {@code MPI_Alltoall} of whole {@code byte[]}s, cut into {@code peerSize()} equal blocks. */
    public final void alltoall(byte[] sendBuf, byte[] recvBuf) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        Errors.checkNotNull(recvBuf, "recvBuf");
        int n = blockOf(sendBuf.length);
        alltoall(MemorySegment.ofArray(sendBuf), n, Datatype.INT8_T, MemorySegment.ofArray(recvBuf), n, Datatype.INT8_T);
    }

    /** {@code MPI_Bcast} of a whole {@code int[]}. */
    public final void bcast(int[] buf, int root) {
        Errors.checkNotNull(buf, "buf");
        bcast(MemorySegment.ofArray(buf), buf.length, Datatype.INT32_T, root);
    }

    /** {@code MPI_Ibcast} of a whole {@code int[]} (staged in native memory until the request completes). */
    public final Request ibcast(int[] buf, int root) {
        Errors.checkNotNull(buf, "buf");
        return ibcast(MemorySegment.ofArray(buf), buf.length, Datatype.INT32_T, root);
    }

    /** {@code MPI_Reduce} of whole {@code int[]}s; {@code recvBuf} may be null except at the root. */
    public final void reduce(int[] sendBuf, int[] recvBuf, Op op, int root) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        reduce(MemorySegment.ofArray(sendBuf), Buffers.ofArray(recvBuf), sendBuf.length, Datatype.INT32_T, op, root);
    }

    /** {@code MPI_Allreduce} of whole {@code int[]}s. */
    public final void allreduce(int[] sendBuf, int[] recvBuf, Op op) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        Errors.checkNotNull(recvBuf, "recvBuf");
        int n = sendBuf.length;
        if (n <= SMALL_BYTES / 4 && recvBuf.length >= n && op.isPredefined()) {
            MemorySegment[] st = SMALL.get();
            SmallCopy.in(sendBuf, st[0], n);
            MpiCallEvent ev = MpiCallEvent.ENABLED ? MpiCallEvent.start() : null;
            int rc = CollectiveDowncalls.allreduce(st[0], st[1], n, Datatype.INT32_T.handle(), op.handle(), handle());
            SmallCopy.out(st[1], recvBuf, n);
            Errors.check(rc, "MPI_Allreduce");
            if (ev != null) {
                ev.done("MPI_Allreduce", this, MpiCallEvent.NO_PEER, MpiCallEvent.NO_TAG, 2L * n * 4);
            }
            return;
        }
        allreduce(MemorySegment.ofArray(sendBuf), MemorySegment.ofArray(recvBuf), n, Datatype.INT32_T, op);
    }

    /** {@code MPI_Iallreduce} of whole {@code int[]}s (staged in native memory until the request completes). */
    public final Request iallreduce(int[] sendBuf, int[] recvBuf, Op op) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        Errors.checkNotNull(recvBuf, "recvBuf");
        return iallreduce(MemorySegment.ofArray(sendBuf), MemorySegment.ofArray(recvBuf), sendBuf.length,
                Datatype.INT32_T, op);
    }

    /** {@code MPI_Gather} of whole {@code int[]}s: every process sends all of {@code sendBuf}; {@code recvBuf} may be null except at the root. */
    public final void gather(int[] sendBuf, int[] recvBuf, int root) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        gather(MemorySegment.ofArray(sendBuf), sendBuf.length, Datatype.INT32_T, Buffers.ofArray(recvBuf), sendBuf.length,
                Datatype.INT32_T, root);
    }

    /** {@code MPI_Gatherv} of whole {@code int[]}s (null {@code displs}: packed); the receive arguments matter at the root only. */
    public final void gatherv(int[] sendBuf, int[] recvBuf, int[] recvCounts, int[] displs, int root) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        boolean isRoot = isRoot(checkRoot(root));
        gatherv(MemorySegment.ofArray(sendBuf), sendBuf.length, Datatype.INT32_T, Buffers.ofArray(recvBuf), recvCounts,
                isRoot && displs == null ? packedDispls(recvCounts) : displs, Datatype.INT32_T, root);
    }

    /** {@code MPI_Scatter} of whole {@code int[]}s: every process receives exactly {@code recvBuf.length} elements; {@code sendBuf} may be null except at the root. */
    public final void scatter(int[] sendBuf, int[] recvBuf, int root) {
        Errors.checkNotNull(recvBuf, "recvBuf");
        scatter(Buffers.ofArray(sendBuf), recvBuf.length, Datatype.INT32_T, MemorySegment.ofArray(recvBuf), recvBuf.length,
                Datatype.INT32_T, root);
    }

    /** {@code MPI_Scatterv} of whole {@code int[]}s (null {@code displs}: packed); the send arguments matter at the root only. */
    public final void scatterv(int[] sendBuf, int[] sendCounts, int[] displs, int[] recvBuf, int root) {
        Errors.checkNotNull(recvBuf, "recvBuf");
        boolean isRoot = isRoot(checkRoot(root));
        scatterv(Buffers.ofArray(sendBuf), sendCounts, isRoot && displs == null ? packedDispls(sendCounts) : displs,
                Datatype.INT32_T, MemorySegment.ofArray(recvBuf), recvBuf.length, Datatype.INT32_T, root);
    }

    /** {@code MPI_Allgather} of whole {@code int[]}s. */
    public final void allgather(int[] sendBuf, int[] recvBuf) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        Errors.checkNotNull(recvBuf, "recvBuf");
        allgather(MemorySegment.ofArray(sendBuf), sendBuf.length, Datatype.INT32_T, MemorySegment.ofArray(recvBuf),
                sendBuf.length, Datatype.INT32_T);
    }

    /** {@code MPI_Allgatherv} of whole {@code int[]}s (null {@code displs}: packed). */
    public final void allgatherv(int[] sendBuf, int[] recvBuf, int[] recvCounts, int[] displs) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        Errors.checkNotNull(recvBuf, "recvBuf");
        allgatherv(MemorySegment.ofArray(sendBuf), sendBuf.length, Datatype.INT32_T, MemorySegment.ofArray(recvBuf),
                recvCounts, displs == null ? packedDispls(recvCounts) : displs, Datatype.INT32_T);
    }

    /** {@code MPI_Alltoall} of whole {@code int[]}s, cut into {@code peerSize()} equal blocks. */
    public final void alltoall(int[] sendBuf, int[] recvBuf) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        Errors.checkNotNull(recvBuf, "recvBuf");
        int n = blockOf(sendBuf.length);
        alltoall(MemorySegment.ofArray(sendBuf), n, Datatype.INT32_T, MemorySegment.ofArray(recvBuf), n, Datatype.INT32_T);
    }

    /** {@code MPI_Bcast} of a whole {@code long[]}. */
    public final void bcast(long[] buf, int root) {
        Errors.checkNotNull(buf, "buf");
        bcast(MemorySegment.ofArray(buf), buf.length, Datatype.INT64_T, root);
    }

    /** {@code MPI_Ibcast} of a whole {@code long[]} (staged in native memory until the request completes). */
    public final Request ibcast(long[] buf, int root) {
        Errors.checkNotNull(buf, "buf");
        return ibcast(MemorySegment.ofArray(buf), buf.length, Datatype.INT64_T, root);
    }

    /** {@code MPI_Reduce} of whole {@code long[]}s; {@code recvBuf} may be null except at the root. */
    public final void reduce(long[] sendBuf, long[] recvBuf, Op op, int root) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        reduce(MemorySegment.ofArray(sendBuf), Buffers.ofArray(recvBuf), sendBuf.length, Datatype.INT64_T, op, root);
    }

    /** {@code MPI_Allreduce} of whole {@code long[]}s. */
    public final void allreduce(long[] sendBuf, long[] recvBuf, Op op) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        Errors.checkNotNull(recvBuf, "recvBuf");
        int n = sendBuf.length;
        if (n <= SMALL_BYTES / 8 && recvBuf.length >= n && op.isPredefined()) {
            MemorySegment[] st = SMALL.get();
            SmallCopy.in(sendBuf, st[0], n);
            MpiCallEvent ev = MpiCallEvent.ENABLED ? MpiCallEvent.start() : null;
            int rc = CollectiveDowncalls.allreduce(st[0], st[1], n, Datatype.INT64_T.handle(), op.handle(), handle());
            SmallCopy.out(st[1], recvBuf, n);
            Errors.check(rc, "MPI_Allreduce");
            if (ev != null) {
                ev.done("MPI_Allreduce", this, MpiCallEvent.NO_PEER, MpiCallEvent.NO_TAG, 2L * n * 8);
            }
            return;
        }
        allreduce(MemorySegment.ofArray(sendBuf), MemorySegment.ofArray(recvBuf), n, Datatype.INT64_T, op);
    }

    /** {@code MPI_Iallreduce} of whole {@code long[]}s (staged in native memory until the request completes). */
    public final Request iallreduce(long[] sendBuf, long[] recvBuf, Op op) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        Errors.checkNotNull(recvBuf, "recvBuf");
        return iallreduce(MemorySegment.ofArray(sendBuf), MemorySegment.ofArray(recvBuf), sendBuf.length,
                Datatype.INT64_T, op);
    }

    /** {@code MPI_Gather} of whole {@code long[]}s: every process sends all of {@code sendBuf}; {@code recvBuf} may be null except at the root. */
    public final void gather(long[] sendBuf, long[] recvBuf, int root) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        gather(MemorySegment.ofArray(sendBuf), sendBuf.length, Datatype.INT64_T, Buffers.ofArray(recvBuf), sendBuf.length,
                Datatype.INT64_T, root);
    }

    /** {@code MPI_Gatherv} of whole {@code long[]}s (null {@code displs}: packed); the receive arguments matter at the root only. */
    public final void gatherv(long[] sendBuf, long[] recvBuf, int[] recvCounts, int[] displs, int root) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        boolean isRoot = isRoot(checkRoot(root));
        gatherv(MemorySegment.ofArray(sendBuf), sendBuf.length, Datatype.INT64_T, Buffers.ofArray(recvBuf), recvCounts,
                isRoot && displs == null ? packedDispls(recvCounts) : displs, Datatype.INT64_T, root);
    }

    /** {@code MPI_Scatter} of whole {@code long[]}s: every process receives exactly {@code recvBuf.length} elements; {@code sendBuf} may be null except at the root. */
    public final void scatter(long[] sendBuf, long[] recvBuf, int root) {
        Errors.checkNotNull(recvBuf, "recvBuf");
        scatter(Buffers.ofArray(sendBuf), recvBuf.length, Datatype.INT64_T, MemorySegment.ofArray(recvBuf), recvBuf.length,
                Datatype.INT64_T, root);
    }

    /** {@code MPI_Scatterv} of whole {@code long[]}s (null {@code displs}: packed); the send arguments matter at the root only. */
    public final void scatterv(long[] sendBuf, int[] sendCounts, int[] displs, long[] recvBuf, int root) {
        Errors.checkNotNull(recvBuf, "recvBuf");
        boolean isRoot = isRoot(checkRoot(root));
        scatterv(Buffers.ofArray(sendBuf), sendCounts, isRoot && displs == null ? packedDispls(sendCounts) : displs,
                Datatype.INT64_T, MemorySegment.ofArray(recvBuf), recvBuf.length, Datatype.INT64_T, root);
    }

    /** {@code MPI_Allgather} of whole {@code long[]}s. */
    public final void allgather(long[] sendBuf, long[] recvBuf) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        Errors.checkNotNull(recvBuf, "recvBuf");
        allgather(MemorySegment.ofArray(sendBuf), sendBuf.length, Datatype.INT64_T, MemorySegment.ofArray(recvBuf),
                sendBuf.length, Datatype.INT64_T);
    }

    /** {@code MPI_Allgatherv} of whole {@code long[]}s (null {@code displs}: packed). */
    public final void allgatherv(long[] sendBuf, long[] recvBuf, int[] recvCounts, int[] displs) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        Errors.checkNotNull(recvBuf, "recvBuf");
        allgatherv(MemorySegment.ofArray(sendBuf), sendBuf.length, Datatype.INT64_T, MemorySegment.ofArray(recvBuf),
                recvCounts, displs == null ? packedDispls(recvCounts) : displs, Datatype.INT64_T);
    }

    /** {@code MPI_Alltoall} of whole {@code long[]}s, cut into {@code peerSize()} equal blocks. */
    public final void alltoall(long[] sendBuf, long[] recvBuf) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        Errors.checkNotNull(recvBuf, "recvBuf");
        int n = blockOf(sendBuf.length);
        alltoall(MemorySegment.ofArray(sendBuf), n, Datatype.INT64_T, MemorySegment.ofArray(recvBuf), n, Datatype.INT64_T);
    }

    /** {@code MPI_Bcast} of a whole {@code float[]}. */
    public final void bcast(float[] buf, int root) {
        Errors.checkNotNull(buf, "buf");
        bcast(MemorySegment.ofArray(buf), buf.length, Datatype.FLOAT, root);
    }

    /** {@code MPI_Ibcast} of a whole {@code float[]} (staged in native memory until the request completes). */
    public final Request ibcast(float[] buf, int root) {
        Errors.checkNotNull(buf, "buf");
        return ibcast(MemorySegment.ofArray(buf), buf.length, Datatype.FLOAT, root);
    }

    /** {@code MPI_Reduce} of whole {@code float[]}s; {@code recvBuf} may be null except at the root. */
    public final void reduce(float[] sendBuf, float[] recvBuf, Op op, int root) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        reduce(MemorySegment.ofArray(sendBuf), Buffers.ofArray(recvBuf), sendBuf.length, Datatype.FLOAT, op, root);
    }

    /** {@code MPI_Allreduce} of whole {@code float[]}s. */
    public final void allreduce(float[] sendBuf, float[] recvBuf, Op op) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        Errors.checkNotNull(recvBuf, "recvBuf");
        int n = sendBuf.length;
        if (n <= SMALL_BYTES / 4 && recvBuf.length >= n && op.isPredefined()) {
            MemorySegment[] st = SMALL.get();
            SmallCopy.in(sendBuf, st[0], n);
            MpiCallEvent ev = MpiCallEvent.ENABLED ? MpiCallEvent.start() : null;
            int rc = CollectiveDowncalls.allreduce(st[0], st[1], n, Datatype.FLOAT.handle(), op.handle(), handle());
            SmallCopy.out(st[1], recvBuf, n);
            Errors.check(rc, "MPI_Allreduce");
            if (ev != null) {
                ev.done("MPI_Allreduce", this, MpiCallEvent.NO_PEER, MpiCallEvent.NO_TAG, 2L * n * 4);
            }
            return;
        }
        allreduce(MemorySegment.ofArray(sendBuf), MemorySegment.ofArray(recvBuf), n, Datatype.FLOAT, op);
    }

    /** {@code MPI_Iallreduce} of whole {@code float[]}s (staged in native memory until the request completes). */
    public final Request iallreduce(float[] sendBuf, float[] recvBuf, Op op) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        Errors.checkNotNull(recvBuf, "recvBuf");
        return iallreduce(MemorySegment.ofArray(sendBuf), MemorySegment.ofArray(recvBuf), sendBuf.length,
                Datatype.FLOAT, op);
    }

    /** {@code MPI_Gather} of whole {@code float[]}s: every process sends all of {@code sendBuf}; {@code recvBuf} may be null except at the root. */
    public final void gather(float[] sendBuf, float[] recvBuf, int root) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        gather(MemorySegment.ofArray(sendBuf), sendBuf.length, Datatype.FLOAT, Buffers.ofArray(recvBuf), sendBuf.length,
                Datatype.FLOAT, root);
    }

    /** {@code MPI_Gatherv} of whole {@code float[]}s (null {@code displs}: packed); the receive arguments matter at the root only. */
    public final void gatherv(float[] sendBuf, float[] recvBuf, int[] recvCounts, int[] displs, int root) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        boolean isRoot = isRoot(checkRoot(root));
        gatherv(MemorySegment.ofArray(sendBuf), sendBuf.length, Datatype.FLOAT, Buffers.ofArray(recvBuf), recvCounts,
                isRoot && displs == null ? packedDispls(recvCounts) : displs, Datatype.FLOAT, root);
    }

    /** {@code MPI_Scatter} of whole {@code float[]}s: every process receives exactly {@code recvBuf.length} elements; {@code sendBuf} may be null except at the root. */
    public final void scatter(float[] sendBuf, float[] recvBuf, int root) {
        Errors.checkNotNull(recvBuf, "recvBuf");
        scatter(Buffers.ofArray(sendBuf), recvBuf.length, Datatype.FLOAT, MemorySegment.ofArray(recvBuf), recvBuf.length,
                Datatype.FLOAT, root);
    }

    /** {@code MPI_Scatterv} of whole {@code float[]}s (null {@code displs}: packed); the send arguments matter at the root only. */
    public final void scatterv(float[] sendBuf, int[] sendCounts, int[] displs, float[] recvBuf, int root) {
        Errors.checkNotNull(recvBuf, "recvBuf");
        boolean isRoot = isRoot(checkRoot(root));
        scatterv(Buffers.ofArray(sendBuf), sendCounts, isRoot && displs == null ? packedDispls(sendCounts) : displs,
                Datatype.FLOAT, MemorySegment.ofArray(recvBuf), recvBuf.length, Datatype.FLOAT, root);
    }

    /** {@code MPI_Allgather} of whole {@code float[]}s. */
    public final void allgather(float[] sendBuf, float[] recvBuf) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        Errors.checkNotNull(recvBuf, "recvBuf");
        allgather(MemorySegment.ofArray(sendBuf), sendBuf.length, Datatype.FLOAT, MemorySegment.ofArray(recvBuf),
                sendBuf.length, Datatype.FLOAT);
    }

    /** {@code MPI_Allgatherv} of whole {@code float[]}s (null {@code displs}: packed). */
    public final void allgatherv(float[] sendBuf, float[] recvBuf, int[] recvCounts, int[] displs) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        Errors.checkNotNull(recvBuf, "recvBuf");
        allgatherv(MemorySegment.ofArray(sendBuf), sendBuf.length, Datatype.FLOAT, MemorySegment.ofArray(recvBuf),
                recvCounts, displs == null ? packedDispls(recvCounts) : displs, Datatype.FLOAT);
    }

    /** {@code MPI_Alltoall} of whole {@code float[]}s, cut into {@code peerSize()} equal blocks. */
    public final void alltoall(float[] sendBuf, float[] recvBuf) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        Errors.checkNotNull(recvBuf, "recvBuf");
        int n = blockOf(sendBuf.length);
        alltoall(MemorySegment.ofArray(sendBuf), n, Datatype.FLOAT, MemorySegment.ofArray(recvBuf), n, Datatype.FLOAT);
    }

    /** {@code MPI_Bcast} of a whole {@code double[]}. */
    public final void bcast(double[] buf, int root) {
        Errors.checkNotNull(buf, "buf");
        bcast(MemorySegment.ofArray(buf), buf.length, Datatype.DOUBLE, root);
    }

    /** {@code MPI_Ibcast} of a whole {@code double[]} (staged in native memory until the request completes). */
    public final Request ibcast(double[] buf, int root) {
        Errors.checkNotNull(buf, "buf");
        return ibcast(MemorySegment.ofArray(buf), buf.length, Datatype.DOUBLE, root);
    }

    /** {@code MPI_Reduce} of whole {@code double[]}s; {@code recvBuf} may be null except at the root. */
    public final void reduce(double[] sendBuf, double[] recvBuf, Op op, int root) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        reduce(MemorySegment.ofArray(sendBuf), Buffers.ofArray(recvBuf), sendBuf.length, Datatype.DOUBLE, op, root);
    }

    /** {@code MPI_Allreduce} of whole {@code double[]}s. */
    public final void allreduce(double[] sendBuf, double[] recvBuf, Op op) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        Errors.checkNotNull(recvBuf, "recvBuf");
        int n = sendBuf.length;
        if (n <= SMALL_BYTES / 8 && recvBuf.length >= n && op.isPredefined()) {
            MemorySegment[] st = SMALL.get();
            SmallCopy.in(sendBuf, st[0], n);
            MpiCallEvent ev = MpiCallEvent.ENABLED ? MpiCallEvent.start() : null;
            int rc = CollectiveDowncalls.allreduce(st[0], st[1], n, Datatype.DOUBLE.handle(), op.handle(), handle());
            SmallCopy.out(st[1], recvBuf, n);
            Errors.check(rc, "MPI_Allreduce");
            if (ev != null) {
                ev.done("MPI_Allreduce", this, MpiCallEvent.NO_PEER, MpiCallEvent.NO_TAG, 2L * n * 8);
            }
            return;
        }
        allreduce(MemorySegment.ofArray(sendBuf), MemorySegment.ofArray(recvBuf), n, Datatype.DOUBLE, op);
    }

    /** {@code MPI_Iallreduce} of whole {@code double[]}s (staged in native memory until the request completes). */
    public final Request iallreduce(double[] sendBuf, double[] recvBuf, Op op) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        Errors.checkNotNull(recvBuf, "recvBuf");
        return iallreduce(MemorySegment.ofArray(sendBuf), MemorySegment.ofArray(recvBuf), sendBuf.length,
                Datatype.DOUBLE, op);
    }

    /** {@code MPI_Gather} of whole {@code double[]}s: every process sends all of {@code sendBuf}; {@code recvBuf} may be null except at the root. */
    public final void gather(double[] sendBuf, double[] recvBuf, int root) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        gather(MemorySegment.ofArray(sendBuf), sendBuf.length, Datatype.DOUBLE, Buffers.ofArray(recvBuf), sendBuf.length,
                Datatype.DOUBLE, root);
    }

    /** {@code MPI_Gatherv} of whole {@code double[]}s (null {@code displs}: packed); the receive arguments matter at the root only. */
    public final void gatherv(double[] sendBuf, double[] recvBuf, int[] recvCounts, int[] displs, int root) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        boolean isRoot = isRoot(checkRoot(root));
        gatherv(MemorySegment.ofArray(sendBuf), sendBuf.length, Datatype.DOUBLE, Buffers.ofArray(recvBuf), recvCounts,
                isRoot && displs == null ? packedDispls(recvCounts) : displs, Datatype.DOUBLE, root);
    }

    /** {@code MPI_Scatter} of whole {@code double[]}s: every process receives exactly {@code recvBuf.length} elements; {@code sendBuf} may be null except at the root. */
    public final void scatter(double[] sendBuf, double[] recvBuf, int root) {
        Errors.checkNotNull(recvBuf, "recvBuf");
        scatter(Buffers.ofArray(sendBuf), recvBuf.length, Datatype.DOUBLE, MemorySegment.ofArray(recvBuf), recvBuf.length,
                Datatype.DOUBLE, root);
    }

    /** {@code MPI_Scatterv} of whole {@code double[]}s (null {@code displs}: packed); the send arguments matter at the root only. */
    public final void scatterv(double[] sendBuf, int[] sendCounts, int[] displs, double[] recvBuf, int root) {
        Errors.checkNotNull(recvBuf, "recvBuf");
        boolean isRoot = isRoot(checkRoot(root));
        scatterv(Buffers.ofArray(sendBuf), sendCounts, isRoot && displs == null ? packedDispls(sendCounts) : displs,
                Datatype.DOUBLE, MemorySegment.ofArray(recvBuf), recvBuf.length, Datatype.DOUBLE, root);
    }

    /** {@code MPI_Allgather} of whole {@code double[]}s. */
    public final void allgather(double[] sendBuf, double[] recvBuf) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        Errors.checkNotNull(recvBuf, "recvBuf");
        allgather(MemorySegment.ofArray(sendBuf), sendBuf.length, Datatype.DOUBLE, MemorySegment.ofArray(recvBuf),
                sendBuf.length, Datatype.DOUBLE);
    }

    /** {@code MPI_Allgatherv} of whole {@code double[]}s (null {@code displs}: packed). */
    public final void allgatherv(double[] sendBuf, double[] recvBuf, int[] recvCounts, int[] displs) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        Errors.checkNotNull(recvBuf, "recvBuf");
        allgatherv(MemorySegment.ofArray(sendBuf), sendBuf.length, Datatype.DOUBLE, MemorySegment.ofArray(recvBuf),
                recvCounts, displs == null ? packedDispls(recvCounts) : displs, Datatype.DOUBLE);
    }

    /** {@code MPI_Alltoall} of whole {@code double[]}s, cut into {@code peerSize()} equal blocks. */
    public final void alltoall(double[] sendBuf, double[] recvBuf) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        Errors.checkNotNull(recvBuf, "recvBuf");
        int n = blockOf(sendBuf.length);
        alltoall(MemorySegment.ofArray(sendBuf), n, Datatype.DOUBLE, MemorySegment.ofArray(recvBuf), n, Datatype.DOUBLE);
    }

    /** {@code MPI_Bcast} of a whole {@code short[]}. */
    public final void bcast(short[] buf, int root) {
        Errors.checkNotNull(buf, "buf");
        bcast(MemorySegment.ofArray(buf), buf.length, Datatype.INT16_T, root);
    }

    /** {@code MPI_Bcast} of a whole {@code char[]}. */
    public final void bcast(char[] buf, int root) {
        Errors.checkNotNull(buf, "buf");
        bcast(MemorySegment.ofArray(buf), buf.length, Datatype.UINT16_T, root);
    }

    /** {@code MPI_Ibcast} of a whole {@code short[]} (staged in native memory until the request completes). */
    public final Request ibcast(short[] buf, int root) {
        Errors.checkNotNull(buf, "buf");
        return ibcast(MemorySegment.ofArray(buf), buf.length, Datatype.INT16_T, root);
    }

    /** {@code MPI_Ibcast} of a whole {@code char[]} (staged in native memory until the request completes). */
    public final Request ibcast(char[] buf, int root) {
        Errors.checkNotNull(buf, "buf");
        return ibcast(MemorySegment.ofArray(buf), buf.length, Datatype.UINT16_T, root);
    }

    /** {@code MPI_Reduce} of whole {@code short[]}s; {@code recvBuf} may be null except at the root. */
    public final void reduce(short[] sendBuf, short[] recvBuf, Op op, int root) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        reduce(MemorySegment.ofArray(sendBuf), Buffers.ofArray(recvBuf), sendBuf.length, Datatype.INT16_T, op, root);
    }

    /** {@code MPI_Reduce} of whole {@code char[]}s; {@code recvBuf} may be null except at the root. */
    public final void reduce(char[] sendBuf, char[] recvBuf, Op op, int root) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        reduce(MemorySegment.ofArray(sendBuf), Buffers.ofArray(recvBuf), sendBuf.length, Datatype.UINT16_T, op, root);
    }

    /** {@code MPI_Allreduce} of whole {@code short[]}s. */
    public final void allreduce(short[] sendBuf, short[] recvBuf, Op op) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        Errors.checkNotNull(recvBuf, "recvBuf");
        int n = sendBuf.length;
        if (n <= SMALL_BYTES / 2 && recvBuf.length >= n && op.isPredefined()) {
            MemorySegment[] st = SMALL.get();
            SmallCopy.in(sendBuf, st[0], n);
            MpiCallEvent ev = MpiCallEvent.ENABLED ? MpiCallEvent.start() : null;
            int rc = CollectiveDowncalls.allreduce(st[0], st[1], n, Datatype.INT16_T.handle(), op.handle(), handle());
            SmallCopy.out(st[1], recvBuf, n);
            Errors.check(rc, "MPI_Allreduce");
            if (ev != null) {
                ev.done("MPI_Allreduce", this, MpiCallEvent.NO_PEER, MpiCallEvent.NO_TAG, 2L * n * 2);
            }
            return;
        }
        allreduce(MemorySegment.ofArray(sendBuf), MemorySegment.ofArray(recvBuf), n, Datatype.INT16_T, op);
    }

    /** {@code MPI_Allreduce} of whole {@code char[]}s. */
    public final void allreduce(char[] sendBuf, char[] recvBuf, Op op) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        Errors.checkNotNull(recvBuf, "recvBuf");
        int n = sendBuf.length;
        if (n <= SMALL_BYTES / 2 && recvBuf.length >= n && op.isPredefined()) {
            MemorySegment[] st = SMALL.get();
            SmallCopy.in(sendBuf, st[0], n);
            MpiCallEvent ev = MpiCallEvent.ENABLED ? MpiCallEvent.start() : null;
            int rc = CollectiveDowncalls.allreduce(st[0], st[1], n, Datatype.UINT16_T.handle(), op.handle(), handle());
            SmallCopy.out(st[1], recvBuf, n);
            Errors.check(rc, "MPI_Allreduce");
            if (ev != null) {
                ev.done("MPI_Allreduce", this, MpiCallEvent.NO_PEER, MpiCallEvent.NO_TAG, 2L * n * 2);
            }
            return;
        }
        allreduce(MemorySegment.ofArray(sendBuf), MemorySegment.ofArray(recvBuf), n, Datatype.UINT16_T, op);
    }

    /** {@code MPI_Iallreduce} of whole {@code short[]}s (staged in native memory until the request completes). */
    public final Request iallreduce(short[] sendBuf, short[] recvBuf, Op op) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        Errors.checkNotNull(recvBuf, "recvBuf");
        return iallreduce(MemorySegment.ofArray(sendBuf), MemorySegment.ofArray(recvBuf), sendBuf.length,
                Datatype.INT16_T, op);
    }

    /** {@code MPI_Iallreduce} of whole {@code char[]}s (staged in native memory until the request completes). */
    public final Request iallreduce(char[] sendBuf, char[] recvBuf, Op op) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        Errors.checkNotNull(recvBuf, "recvBuf");
        return iallreduce(MemorySegment.ofArray(sendBuf), MemorySegment.ofArray(recvBuf), sendBuf.length,
                Datatype.UINT16_T, op);
    }

    /** {@code MPI_Gather} of whole {@code short[]}s: every process sends all of {@code sendBuf}; {@code recvBuf} may be null except at the root. */
    public final void gather(short[] sendBuf, short[] recvBuf, int root) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        gather(MemorySegment.ofArray(sendBuf), sendBuf.length, Datatype.INT16_T, Buffers.ofArray(recvBuf), sendBuf.length,
                Datatype.INT16_T, root);
    }

    /** {@code MPI_Gather} of whole {@code char[]}s: every process sends all of {@code sendBuf}; {@code recvBuf} may be null except at the root. */
    public final void gather(char[] sendBuf, char[] recvBuf, int root) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        gather(MemorySegment.ofArray(sendBuf), sendBuf.length, Datatype.UINT16_T, Buffers.ofArray(recvBuf), sendBuf.length,
                Datatype.UINT16_T, root);
    }

    /** {@code MPI_Gatherv} of whole {@code short[]}s (null {@code displs}: packed); the receive arguments matter at the root only. */
    public final void gatherv(short[] sendBuf, short[] recvBuf, int[] recvCounts, int[] displs, int root) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        boolean isRoot = isRoot(checkRoot(root));
        gatherv(MemorySegment.ofArray(sendBuf), sendBuf.length, Datatype.INT16_T, Buffers.ofArray(recvBuf), recvCounts,
                isRoot && displs == null ? packedDispls(recvCounts) : displs, Datatype.INT16_T, root);
    }

    /** {@code MPI_Gatherv} of whole {@code char[]}s (null {@code displs}: packed); the receive arguments matter at the root only. */
    public final void gatherv(char[] sendBuf, char[] recvBuf, int[] recvCounts, int[] displs, int root) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        boolean isRoot = isRoot(checkRoot(root));
        gatherv(MemorySegment.ofArray(sendBuf), sendBuf.length, Datatype.UINT16_T, Buffers.ofArray(recvBuf), recvCounts,
                isRoot && displs == null ? packedDispls(recvCounts) : displs, Datatype.UINT16_T, root);
    }

    /** {@code MPI_Scatter} of whole {@code short[]}s: every process receives exactly {@code recvBuf.length} elements; {@code sendBuf} may be null except at the root. */
    public final void scatter(short[] sendBuf, short[] recvBuf, int root) {
        Errors.checkNotNull(recvBuf, "recvBuf");
        scatter(Buffers.ofArray(sendBuf), recvBuf.length, Datatype.INT16_T, MemorySegment.ofArray(recvBuf), recvBuf.length,
                Datatype.INT16_T, root);
    }

    /** {@code MPI_Scatter} of whole {@code char[]}s: every process receives exactly {@code recvBuf.length} elements; {@code sendBuf} may be null except at the root. */
    public final void scatter(char[] sendBuf, char[] recvBuf, int root) {
        Errors.checkNotNull(recvBuf, "recvBuf");
        scatter(Buffers.ofArray(sendBuf), recvBuf.length, Datatype.UINT16_T, MemorySegment.ofArray(recvBuf), recvBuf.length,
                Datatype.UINT16_T, root);
    }

    /** {@code MPI_Scatterv} of whole {@code short[]}s (null {@code displs}: packed); the send arguments matter at the root only. */
    public final void scatterv(short[] sendBuf, int[] sendCounts, int[] displs, short[] recvBuf, int root) {
        Errors.checkNotNull(recvBuf, "recvBuf");
        boolean isRoot = isRoot(checkRoot(root));
        scatterv(Buffers.ofArray(sendBuf), sendCounts, isRoot && displs == null ? packedDispls(sendCounts) : displs,
                Datatype.INT16_T, MemorySegment.ofArray(recvBuf), recvBuf.length, Datatype.INT16_T, root);
    }

    /** {@code MPI_Scatterv} of whole {@code char[]}s (null {@code displs}: packed); the send arguments matter at the root only. */
    public final void scatterv(char[] sendBuf, int[] sendCounts, int[] displs, char[] recvBuf, int root) {
        Errors.checkNotNull(recvBuf, "recvBuf");
        boolean isRoot = isRoot(checkRoot(root));
        scatterv(Buffers.ofArray(sendBuf), sendCounts, isRoot && displs == null ? packedDispls(sendCounts) : displs,
                Datatype.UINT16_T, MemorySegment.ofArray(recvBuf), recvBuf.length, Datatype.UINT16_T, root);
    }

    /** {@code MPI_Allgather} of whole {@code short[]}s. */
    public final void allgather(short[] sendBuf, short[] recvBuf) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        Errors.checkNotNull(recvBuf, "recvBuf");
        allgather(MemorySegment.ofArray(sendBuf), sendBuf.length, Datatype.INT16_T, MemorySegment.ofArray(recvBuf),
                sendBuf.length, Datatype.INT16_T);
    }

    /** {@code MPI_Allgather} of whole {@code char[]}s. */
    public final void allgather(char[] sendBuf, char[] recvBuf) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        Errors.checkNotNull(recvBuf, "recvBuf");
        allgather(MemorySegment.ofArray(sendBuf), sendBuf.length, Datatype.UINT16_T, MemorySegment.ofArray(recvBuf),
                sendBuf.length, Datatype.UINT16_T);
    }

    /** {@code MPI_Allgatherv} of whole {@code short[]}s (null {@code displs}: packed). */
    public final void allgatherv(short[] sendBuf, short[] recvBuf, int[] recvCounts, int[] displs) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        Errors.checkNotNull(recvBuf, "recvBuf");
        allgatherv(MemorySegment.ofArray(sendBuf), sendBuf.length, Datatype.INT16_T, MemorySegment.ofArray(recvBuf),
                recvCounts, displs == null ? packedDispls(recvCounts) : displs, Datatype.INT16_T);
    }

    /** {@code MPI_Allgatherv} of whole {@code char[]}s (null {@code displs}: packed). */
    public final void allgatherv(char[] sendBuf, char[] recvBuf, int[] recvCounts, int[] displs) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        Errors.checkNotNull(recvBuf, "recvBuf");
        allgatherv(MemorySegment.ofArray(sendBuf), sendBuf.length, Datatype.UINT16_T, MemorySegment.ofArray(recvBuf),
                recvCounts, displs == null ? packedDispls(recvCounts) : displs, Datatype.UINT16_T);
    }

    /** {@code MPI_Alltoall} of whole {@code short[]}s, cut into {@code peerSize()} equal blocks. */
    public final void alltoall(short[] sendBuf, short[] recvBuf) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        Errors.checkNotNull(recvBuf, "recvBuf");
        int n = blockOf(sendBuf.length);
        alltoall(MemorySegment.ofArray(sendBuf), n, Datatype.INT16_T, MemorySegment.ofArray(recvBuf), n, Datatype.INT16_T);
    }

    /** {@code MPI_Alltoall} of whole {@code char[]}s, cut into {@code peerSize()} equal blocks. */
    public final void alltoall(char[] sendBuf, char[] recvBuf) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        Errors.checkNotNull(recvBuf, "recvBuf");
        int n = blockOf(sendBuf.length);
        alltoall(MemorySegment.ofArray(sendBuf), n, Datatype.UINT16_T, MemorySegment.ofArray(recvBuf), n, Datatype.UINT16_T);
    }

}
