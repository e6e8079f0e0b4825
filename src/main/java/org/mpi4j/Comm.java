package org.mpi4j;

import org.mpi4j.internal.Downcalls;
import org.mpi4j.internal.OpenMpiAbi;
import org.mpi4j.internal.Scratch;
import org.mpi4j.internal.Staged;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.util.OptionalInt;
import org.mpi4j.ffi.mpi_h;

/**
 * A communicator ({@code MPI_Comm}): a group of processes and a context in which they exchange
 * messages. This class holds what every communicator can do (point-to-point, management);
 * {@link Intracomm} adds the collectives.
 *
 * <p>Buffers: every point-to-point operation takes a {@link MemorySegment} (native or backed by a
 * Java array), {@code (MemorySegment, count, Datatype)} for any datatype and any count (above
 * 2^31-1 too), each primitive array whole or as {@code (array, offset, count)}, and a
 * {@link java.nio.ByteBuffer} (position to limit, {@link Datatype#BYTE}). The datatype is inferred:
 * the array's element type, or {@link Datatype#BYTE} for native memory. Counts, ranks, tags and
 * buffer sizes are checked before the native call.
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
 * {@link MpiException} and the process goes on.
 */
public abstract class Comm extends NativeHandle {
    private int rank = -1;
    private int size = -1;

    Comm(MemorySegment handle, boolean predefined, boolean isNull) {
        super(handle, predefined, isNull);
    }

    @Override
    String kind() {
        return "communicator";
    }

    @Override
    void release(MemorySegment handleRef) {
        Errors.check(mpi_h.MPI_Comm_free(handleRef), "MPI_Comm_free");
    }

    /** Gives a communicator created by MPI the error handler every mpi4j communicator has. */
    static MemorySegment adopt(MemorySegment handle) {
        Errors.check(mpi_h.MPI_Comm_set_errhandler(handle, OpenMpiAbi.predefined("MPI_ERRORS_RETURN")),
                "MPI_Comm_set_errhandler");
        return handle;
    }

    static boolean isNullHandle(MemorySegment handle) {
        return handle.equals(MPI.COMM_NULL.rawHandle());
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
        Errors.check(mpi_h.MPI_Barrier(handle()), "MPI_Barrier");
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

    // ---- point-to-point: cores ------------------------------------------------------------------
    // Every public overload converts its buffer with Buffers and calls one of these, which check
    // all arguments before the native call. Java arrays (heap memory) in blocking calls: up to
    // Buffers.STAGE_LIMIT bytes are copied through per-thread native memory; larger ones are passed
    // in place by a critical downcall, except receives, which first wait for the message with
    // MPI_Mprobe (not critical, so the garbage collector runs while they wait) and then take it with
    // a critical MPI_Mrecv. Nonblocking calls always stage Java arrays (see Request).

    private static MemorySegment statusOut(Status status, Scratch s) {
        return status == null ? mpi_h.MPI_STATUS_IGNORE() : s.status;
    }

    private static void fill(Status status, Scratch s) {
        if (status != null) {
            status.fill(s.status);
        }
    }

    /** The received bytes a staged receive copies back: those that arrived, or all it spans. */
    private static long received(Scratch s, long bytes, boolean contiguous) {
        return contiguous ? Math.min(bytes, OpenMpiAbi.statusBytes(s.status)) : bytes;
    }

    private void sendCore(int mode, MemorySegment buf, long count, Datatype type, int dest, int tag) {
        long bytes = Buffers.span(buf, count, type);
        checkDest(dest);
        checkSendTag(tag);
        MemorySegment comm = handle();
        int rc;
        if (count > Buffers.INT_MAX) {
            MemorySegment t = Buffers.mpiType(count, type);
            try {
                rc = Downcalls.send(mode, buf, 1, t, dest, tag, comm);
            } finally {
                Buffers.releaseType(t, type);
            }
        } else if (Buffers.stages(buf, bytes)) {
            rc = Downcalls.send(mode, Buffers.stage(0, buf, bytes, true), (int) count, type.handle(), dest, tag,
                    comm);
        } else {
            rc = Downcalls.send(mode, buf, (int) count, type.handle(), dest, tag, comm);
        }
        Errors.check(rc, Downcalls.SEND_NAMES[mode]);
    }

    /**
     * A blocking send of {@code count} elements of a Java array from {@code offset} (checked by the
     * caller): copied through native memory up to the staging limit, without creating a segment, so
     * that the hot path allocates nothing; larger arrays go to {@link #sendCore}.
     */
    private void sendArray(int mode, Object array, ValueLayout layout, int offset, int count, Datatype type,
            int dest, int tag) {
        long bytes = count * layout.byteSize();
        if (bytes > Buffers.STAGE_LIMIT) {
            sendCore(mode, Buffers.slice(array, layout, offset, count), count, type, dest, tag);
            return;
        }
        checkDest(dest);
        checkSendTag(tag);
        MemorySegment comm = handle();
        MemorySegment staged = Buffers.stageArray(0, array, layout, offset, count);
        Errors.check(Downcalls.send(mode, staged, count, type.handle(), dest, tag, comm), Downcalls.SEND_NAMES[mode]);
    }

    /** A blocking receive into a Java array; see {@link #sendArray}. */
    private void recvArray(Object array, ValueLayout layout, int offset, int count, Datatype type, int source, int tag,
            Status status) {
        long bytes = count * layout.byteSize();
        if (bytes > Buffers.STAGE_LIMIT) {
            recvCore(Buffers.slice(array, layout, offset, count), count, type, source, tag, status);
            return;
        }
        checkSource(source);
        checkRecvTag(tag);
        MemorySegment comm = handle();
        Scratch s = Scratch.get();
        MemorySegment staged = Buffers.stage(1, null, bytes, false);
        int rc = Downcalls.recv(staged, count, type.handle(), source, tag, comm, s.status);
        if (rc == mpi_h.MPI_SUCCESS()) {
            Buffers.unstageArray(staged, array, layout, offset,
                    (int) Math.min(count, OpenMpiAbi.statusBytes(s.status) / layout.byteSize()));
        }
        Errors.check(rc, "MPI_Recv");
        fill(status, s);
    }

    private void recvCore(MemorySegment buf, long count, Datatype type, int source, int tag, Status status) {
        long bytes = Buffers.span(buf, count, type);
        Buffers.checkWritable(buf);
        checkSource(source);
        checkRecvTag(tag);
        MemorySegment comm = handle();
        Scratch s = Scratch.get();
        int rc;
        if (count > Buffers.INT_MAX) {
            MemorySegment t = Buffers.mpiType(count, type);
            try {
                rc = Downcalls.recv(buf, 1, t, source, tag, comm, statusOut(status, s));
            } finally {
                Buffers.releaseType(t, type);
            }
        } else if (buf.isNative()) {
            rc = Downcalls.recv(buf, (int) count, type.handle(), source, tag, comm, statusOut(status, s));
        } else if (bytes <= Buffers.STAGE_LIMIT) {
            boolean contiguous = Buffers.contiguous(type);
            MemorySegment r = Buffers.stage(1, buf, bytes, !contiguous);
            rc = Downcalls.recv(r, (int) count, type.handle(), source, tag, comm, s.status);
            if (rc == mpi_h.MPI_SUCCESS()) {
                Buffers.unstage(r, buf, received(s, bytes, contiguous));
            }
        } else {
            Errors.check(mpi_h.MPI_Mprobe(source, tag, comm, s.handle1, s.status), "MPI_Mprobe");
            if (OpenMpiAbi.statusBytes(s.status) > count * type.size()) {
                fill(status, s);
                Message.discard(s.handle1, OpenMpiAbi.statusBytes(s.status), "MPI_Recv");
            }
            rc = Downcalls.mrecv(buf, (int) count, type.handle(), s.handle1, statusOut(status, s));
        }
        Errors.check(rc, "MPI_Recv");
        fill(status, s);
    }

    private void sendrecvCore(MemorySegment sendBuf, long sendCount, Datatype sendType, int dest, int sendTag,
            MemorySegment recvBuf, long recvCount, Datatype recvType, int source, int recvTag, Status status) {
        long sendBytes = Buffers.span(sendBuf, sendCount, sendType);
        long recvBytes = Buffers.span(recvBuf, recvCount, recvType);
        Buffers.checkWritable(recvBuf);
        checkDest(dest);
        checkSendTag(sendTag);
        checkSource(source);
        checkRecvTag(recvTag);
        MemorySegment comm = handle();
        Scratch s = Scratch.get();
        MemorySegment sb = Buffers.stages(sendBuf, sendBytes) ? Buffers.stage(0, sendBuf, sendBytes, true) : sendBuf;
        boolean stageRecv = Buffers.stages(recvBuf, recvBytes);
        boolean contiguous = stageRecv && Buffers.contiguous(recvType);
        MemorySegment rb = stageRecv ? Buffers.stage(1, recvBuf, recvBytes, !contiguous) : recvBuf;
        MemorySegment st = Buffers.mpiType(sendCount, sendType);
        MemorySegment rt = Buffers.mpiType(recvCount, recvType);
        int rc;
        try {
            rc = Downcalls.sendrecv(sb, Buffers.mpiCount(sendCount), st, dest, sendTag, rb,
                    Buffers.mpiCount(recvCount), rt, source, recvTag, comm,
                    stageRecv ? s.status : statusOut(status, s));
        } finally {
            Buffers.releaseType(st, sendType);
            Buffers.releaseType(rt, recvType);
        }
        if (stageRecv && rc == mpi_h.MPI_SUCCESS()) {
            Buffers.unstage(rb, recvBuf, received(s, recvBytes, contiguous));
        }
        Errors.check(rc, "MPI_Sendrecv");
        fill(status, s);
    }

    private void sendrecvReplaceCore(MemorySegment buf, long count, Datatype type, int dest, int sendTag, int source,
            int recvTag, Status status) {
        long bytes = Buffers.span(buf, count, type);
        Buffers.checkWritable(buf);
        checkDest(dest);
        checkSendTag(sendTag);
        checkSource(source);
        checkRecvTag(recvTag);
        MemorySegment comm = handle();
        Scratch s = Scratch.get();
        boolean stage = Buffers.stages(buf, bytes);
        boolean contiguous = stage && Buffers.contiguous(type);
        MemorySegment b = stage ? Buffers.stage(1, buf, bytes, true) : buf;
        MemorySegment t = Buffers.mpiType(count, type);
        int rc;
        try {
            rc = Downcalls.sendrecvReplace(b, Buffers.mpiCount(count), t, dest, sendTag, source, recvTag, comm,
                    stage ? s.status : statusOut(status, s));
        } finally {
            Buffers.releaseType(t, type);
        }
        if (stage && rc == mpi_h.MPI_SUCCESS()) {
            Buffers.unstage(b, buf, received(s, bytes, contiguous));
        }
        Errors.check(rc, "MPI_Sendrecv_replace");
        fill(status, s);
    }

    private static final String[] ISEND_NAMES = {"MPI_Isend", "MPI_Ibsend", "MPI_Issend", "MPI_Irsend"};
    private static final String[] SEND_INIT_NAMES = {"MPI_Send_init", "MPI_Bsend_init", "MPI_Ssend_init",
        "MPI_Rsend_init"};

    private Request isendCore(int mode, MemorySegment buf, long count, Datatype type, int dest, int tag) {
        return startSend(mode, buf, count, type, dest, tag, false);
    }

    private Request sendInitCore(int mode, MemorySegment buf, long count, Datatype type, int dest, int tag) {
        return startSend(mode, buf, count, type, dest, tag, true);
    }

    /** A nonblocking ({@code persistent} false) or persistent send; Java arrays are staged. */
    private Request startSend(int mode, MemorySegment buf, long count, Datatype type, int dest, int tag,
            boolean persistent) {
        long bytes = Buffers.span(buf, count, type);
        checkDest(dest);
        checkSendTag(tag);
        MemorySegment comm = handle();
        // a persistent send copies the array at each start, not now
        Staged staged = buf.isNative() ? null : Staged.of(buf, bytes, !persistent);
        MemorySegment b = staged == null ? buf : staged.segment();
        MemorySegment t = Buffers.mpiType(count, type);
        int c = Buffers.mpiCount(count);
        Scratch s = Scratch.get();
        int rc;
        try {
            if (persistent) {
                rc = switch (mode) {
                    case Downcalls.STANDARD -> mpi_h.MPI_Send_init(b, c, t, dest, tag, comm, s.handle0);
                    case Downcalls.BUFFERED -> mpi_h.MPI_Bsend_init(b, c, t, dest, tag, comm, s.handle0);
                    case Downcalls.SYNCHRONOUS -> mpi_h.MPI_Ssend_init(b, c, t, dest, tag, comm, s.handle0);
                    default -> mpi_h.MPI_Rsend_init(b, c, t, dest, tag, comm, s.handle0);
                };
            } else {
                rc = switch (mode) {
                    case Downcalls.STANDARD -> mpi_h.MPI_Isend(b, c, t, dest, tag, comm, s.handle0);
                    case Downcalls.BUFFERED -> mpi_h.MPI_Ibsend(b, c, t, dest, tag, comm, s.handle0);
                    case Downcalls.SYNCHRONOUS -> mpi_h.MPI_Issend(b, c, t, dest, tag, comm, s.handle0);
                    default -> mpi_h.MPI_Irsend(b, c, t, dest, tag, comm, s.handle0);
                };
            }
        } finally {
            Buffers.releaseType(t, type);
        }
        if (rc != mpi_h.MPI_SUCCESS() && staged != null) {
            staged.release();
        }
        Errors.check(rc, (persistent ? SEND_INIT_NAMES : ISEND_NAMES)[mode]);
        return staged == null ? new Request(s.handle0(), persistent, buf, null)
                : Request.staged(s.handle0(), persistent, staged, Request.STAGE_SEND);
    }

    /** {@code MPI_Irecv} or, if {@code persistent}, {@code MPI_Recv_init}; Java arrays are staged. */
    private Request irecvCore(MemorySegment buf, long count, Datatype type, int source, int tag, boolean persistent) {
        long bytes = Buffers.span(buf, count, type);
        Buffers.checkWritable(buf);
        checkSource(source);
        checkRecvTag(tag);
        MemorySegment comm = handle();
        boolean contiguous = Buffers.contiguous(type);
        // datatypes with holes: copy the array in, so that the holes survive the copy back
        Staged staged = buf.isNative() ? null : Staged.of(buf, bytes, !contiguous && !persistent);
        MemorySegment b = staged == null ? buf : staged.segment();
        MemorySegment t = Buffers.mpiType(count, type);
        int c = Buffers.mpiCount(count);
        Scratch s = Scratch.get();
        int rc;
        try {
            rc = persistent ? mpi_h.MPI_Recv_init(b, c, t, source, tag, comm, s.handle0)
                    : mpi_h.MPI_Irecv(b, c, t, source, tag, comm, s.handle0);
        } finally {
            Buffers.releaseType(t, type);
        }
        if (rc != mpi_h.MPI_SUCCESS() && staged != null) {
            staged.release();
        }
        Errors.check(rc, persistent ? "MPI_Recv_init" : "MPI_Irecv");
        return staged == null ? new Request(s.handle0(), persistent, buf, null)
                : Request.staged(s.handle0(), persistent, staged,
                        contiguous ? Request.STAGE_RECV_RECEIVED : Request.STAGE_RECV_ALL);
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
        sendCore(Downcalls.STANDARD, buf, Buffers.countOfLong(buf, t), t, dest, tag);
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
        sendCore(Downcalls.STANDARD, buf, count, type, dest, tag);
    }

    /**
     * {@code MPI_Send}: sends in standard mode: returns when the buffer may be reused (the message may or may not
     * have been received).
     *
     * <p>The buffer: a whole {@code byte[]} ({@link Datatype#INT8_T}).
     */
    public final void send(byte[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buffer");
        sendArray(Downcalls.STANDARD, buf, ValueLayout.JAVA_BYTE, 0, buf.length, Datatype.INT8_T, dest, tag);
    }

    /**
     * {@code MPI_Send}: sends in standard mode: returns when the buffer may be reused (the message may or may not
     * have been received).
     *
     * <p>The buffer: a whole {@code short[]} ({@link Datatype#INT16_T}).
     */
    public final void send(short[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buffer");
        sendArray(Downcalls.STANDARD, buf, ValueLayout.JAVA_SHORT, 0, buf.length, Datatype.INT16_T, dest, tag);
    }

    /**
     * {@code MPI_Send}: sends in standard mode: returns when the buffer may be reused (the message may or may not
     * have been received).
     *
     * <p>The buffer: a whole {@code char[]} ({@link Datatype#UINT16_T}).
     */
    public final void send(char[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buffer");
        sendArray(Downcalls.STANDARD, buf, ValueLayout.JAVA_CHAR, 0, buf.length, Datatype.UINT16_T, dest, tag);
    }

    /**
     * {@code MPI_Send}: sends in standard mode: returns when the buffer may be reused (the message may or may not
     * have been received).
     *
     * <p>The buffer: a whole {@code int[]} ({@link Datatype#INT32_T}).
     */
    public final void send(int[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buffer");
        sendArray(Downcalls.STANDARD, buf, ValueLayout.JAVA_INT, 0, buf.length, Datatype.INT32_T, dest, tag);
    }

    /**
     * {@code MPI_Send}: sends in standard mode: returns when the buffer may be reused (the message may or may not
     * have been received).
     *
     * <p>The buffer: a whole {@code long[]} ({@link Datatype#INT64_T}).
     */
    public final void send(long[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buffer");
        sendArray(Downcalls.STANDARD, buf, ValueLayout.JAVA_LONG, 0, buf.length, Datatype.INT64_T, dest, tag);
    }

    /**
     * {@code MPI_Send}: sends in standard mode: returns when the buffer may be reused (the message may or may not
     * have been received).
     *
     * <p>The buffer: a whole {@code float[]} ({@link Datatype#FLOAT}).
     */
    public final void send(float[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buffer");
        sendArray(Downcalls.STANDARD, buf, ValueLayout.JAVA_FLOAT, 0, buf.length, Datatype.FLOAT, dest, tag);
    }

    /**
     * {@code MPI_Send}: sends in standard mode: returns when the buffer may be reused (the message may or may not
     * have been received).
     *
     * <p>The buffer: a whole {@code double[]} ({@link Datatype#DOUBLE}).
     */
    public final void send(double[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buffer");
        sendArray(Downcalls.STANDARD, buf, ValueLayout.JAVA_DOUBLE, 0, buf.length, Datatype.DOUBLE, dest, tag);
    }

    /**
     * {@code MPI_Send}: sends in standard mode: returns when the buffer may be reused (the message may or may not
     * have been received).
     *
     * <p>The buffer: {@code count} elements of the {@code byte[]} from index {@code offset} ({@link
     * Datatype#INT8_T}).
     */
    public final void send(byte[] buf, int offset, int count, int dest, int tag) {
        Buffers.checkSlice(Errors.checkNotNull(buf, "buffer").length, offset, count);
        sendArray(Downcalls.STANDARD, buf, ValueLayout.JAVA_BYTE, offset, count, Datatype.INT8_T, dest, tag);
    }

    /**
     * {@code MPI_Send}: sends in standard mode: returns when the buffer may be reused (the message may or may not
     * have been received).
     *
     * <p>The buffer: {@code count} elements of the {@code short[]} from index {@code offset} ({@link
     * Datatype#INT16_T}).
     */
    public final void send(short[] buf, int offset, int count, int dest, int tag) {
        Buffers.checkSlice(Errors.checkNotNull(buf, "buffer").length, offset, count);
        sendArray(Downcalls.STANDARD, buf, ValueLayout.JAVA_SHORT, offset, count, Datatype.INT16_T, dest, tag);
    }

    /**
     * {@code MPI_Send}: sends in standard mode: returns when the buffer may be reused (the message may or may not
     * have been received).
     *
     * <p>The buffer: {@code count} elements of the {@code char[]} from index {@code offset} ({@link
     * Datatype#UINT16_T}).
     */
    public final void send(char[] buf, int offset, int count, int dest, int tag) {
        Buffers.checkSlice(Errors.checkNotNull(buf, "buffer").length, offset, count);
        sendArray(Downcalls.STANDARD, buf, ValueLayout.JAVA_CHAR, offset, count, Datatype.UINT16_T, dest, tag);
    }

    /**
     * {@code MPI_Send}: sends in standard mode: returns when the buffer may be reused (the message may or may not
     * have been received).
     *
     * <p>The buffer: {@code count} elements of the {@code int[]} from index {@code offset} ({@link
     * Datatype#INT32_T}).
     */
    public final void send(int[] buf, int offset, int count, int dest, int tag) {
        Buffers.checkSlice(Errors.checkNotNull(buf, "buffer").length, offset, count);
        sendArray(Downcalls.STANDARD, buf, ValueLayout.JAVA_INT, offset, count, Datatype.INT32_T, dest, tag);
    }

    /**
     * {@code MPI_Send}: sends in standard mode: returns when the buffer may be reused (the message may or may not
     * have been received).
     *
     * <p>The buffer: {@code count} elements of the {@code long[]} from index {@code offset} ({@link
     * Datatype#INT64_T}).
     */
    public final void send(long[] buf, int offset, int count, int dest, int tag) {
        Buffers.checkSlice(Errors.checkNotNull(buf, "buffer").length, offset, count);
        sendArray(Downcalls.STANDARD, buf, ValueLayout.JAVA_LONG, offset, count, Datatype.INT64_T, dest, tag);
    }

    /**
     * {@code MPI_Send}: sends in standard mode: returns when the buffer may be reused (the message may or may not
     * have been received).
     *
     * <p>The buffer: {@code count} elements of the {@code float[]} from index {@code offset} ({@link
     * Datatype#FLOAT}).
     */
    public final void send(float[] buf, int offset, int count, int dest, int tag) {
        Buffers.checkSlice(Errors.checkNotNull(buf, "buffer").length, offset, count);
        sendArray(Downcalls.STANDARD, buf, ValueLayout.JAVA_FLOAT, offset, count, Datatype.FLOAT, dest, tag);
    }

    /**
     * {@code MPI_Send}: sends in standard mode: returns when the buffer may be reused (the message may or may not
     * have been received).
     *
     * <p>The buffer: {@code count} elements of the {@code double[]} from index {@code offset} ({@link
     * Datatype#DOUBLE}).
     */
    public final void send(double[] buf, int offset, int count, int dest, int tag) {
        Buffers.checkSlice(Errors.checkNotNull(buf, "buffer").length, offset, count);
        sendArray(Downcalls.STANDARD, buf, ValueLayout.JAVA_DOUBLE, offset, count, Datatype.DOUBLE, dest, tag);
    }

    /**
     * {@code MPI_Send}: sends in standard mode: returns when the buffer may be reused (the message may or may not
     * have been received).
     *
     * <p>The buffer: the bytes of a {@link ByteBuffer} (direct or heap) from its position to its limit ({@link
     * Datatype#BYTE}; the position is not moved).
     */
    public final void send(ByteBuffer buf, int dest, int tag) {
        MemorySegment seg = Buffers.of(buf);
        sendCore(Downcalls.STANDARD, seg, seg.byteSize(), Datatype.BYTE, dest, tag);
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
        sendCore(Downcalls.BUFFERED, buf, Buffers.countOfLong(buf, t), t, dest, tag);
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
        sendCore(Downcalls.BUFFERED, buf, count, type, dest, tag);
    }

    /**
     * {@code MPI_Bsend}: sends in buffered mode: copies the message into the buffer attached with {@link
     * MPI#attachBuffer} and returns.
     *
     * <p>The buffer: a whole {@code byte[]} ({@link Datatype#INT8_T}).
     */
    public final void bsend(byte[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buffer");
        sendArray(Downcalls.BUFFERED, buf, ValueLayout.JAVA_BYTE, 0, buf.length, Datatype.INT8_T, dest, tag);
    }

    /**
     * {@code MPI_Bsend}: sends in buffered mode: copies the message into the buffer attached with {@link
     * MPI#attachBuffer} and returns.
     *
     * <p>The buffer: a whole {@code short[]} ({@link Datatype#INT16_T}).
     */
    public final void bsend(short[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buffer");
        sendArray(Downcalls.BUFFERED, buf, ValueLayout.JAVA_SHORT, 0, buf.length, Datatype.INT16_T, dest, tag);
    }

    /**
     * {@code MPI_Bsend}: sends in buffered mode: copies the message into the buffer attached with {@link
     * MPI#attachBuffer} and returns.
     *
     * <p>The buffer: a whole {@code char[]} ({@link Datatype#UINT16_T}).
     */
    public final void bsend(char[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buffer");
        sendArray(Downcalls.BUFFERED, buf, ValueLayout.JAVA_CHAR, 0, buf.length, Datatype.UINT16_T, dest, tag);
    }

    /**
     * {@code MPI_Bsend}: sends in buffered mode: copies the message into the buffer attached with {@link
     * MPI#attachBuffer} and returns.
     *
     * <p>The buffer: a whole {@code int[]} ({@link Datatype#INT32_T}).
     */
    public final void bsend(int[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buffer");
        sendArray(Downcalls.BUFFERED, buf, ValueLayout.JAVA_INT, 0, buf.length, Datatype.INT32_T, dest, tag);
    }

    /**
     * {@code MPI_Bsend}: sends in buffered mode: copies the message into the buffer attached with {@link
     * MPI#attachBuffer} and returns.
     *
     * <p>The buffer: a whole {@code long[]} ({@link Datatype#INT64_T}).
     */
    public final void bsend(long[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buffer");
        sendArray(Downcalls.BUFFERED, buf, ValueLayout.JAVA_LONG, 0, buf.length, Datatype.INT64_T, dest, tag);
    }

    /**
     * {@code MPI_Bsend}: sends in buffered mode: copies the message into the buffer attached with {@link
     * MPI#attachBuffer} and returns.
     *
     * <p>The buffer: a whole {@code float[]} ({@link Datatype#FLOAT}).
     */
    public final void bsend(float[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buffer");
        sendArray(Downcalls.BUFFERED, buf, ValueLayout.JAVA_FLOAT, 0, buf.length, Datatype.FLOAT, dest, tag);
    }

    /**
     * {@code MPI_Bsend}: sends in buffered mode: copies the message into the buffer attached with {@link
     * MPI#attachBuffer} and returns.
     *
     * <p>The buffer: a whole {@code double[]} ({@link Datatype#DOUBLE}).
     */
    public final void bsend(double[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buffer");
        sendArray(Downcalls.BUFFERED, buf, ValueLayout.JAVA_DOUBLE, 0, buf.length, Datatype.DOUBLE, dest, tag);
    }

    /**
     * {@code MPI_Bsend}: sends in buffered mode: copies the message into the buffer attached with {@link
     * MPI#attachBuffer} and returns.
     *
     * <p>The buffer: {@code count} elements of the {@code byte[]} from index {@code offset} ({@link
     * Datatype#INT8_T}).
     */
    public final void bsend(byte[] buf, int offset, int count, int dest, int tag) {
        Buffers.checkSlice(Errors.checkNotNull(buf, "buffer").length, offset, count);
        sendArray(Downcalls.BUFFERED, buf, ValueLayout.JAVA_BYTE, offset, count, Datatype.INT8_T, dest, tag);
    }

    /**
     * {@code MPI_Bsend}: sends in buffered mode: copies the message into the buffer attached with {@link
     * MPI#attachBuffer} and returns.
     *
     * <p>The buffer: {@code count} elements of the {@code short[]} from index {@code offset} ({@link
     * Datatype#INT16_T}).
     */
    public final void bsend(short[] buf, int offset, int count, int dest, int tag) {
        Buffers.checkSlice(Errors.checkNotNull(buf, "buffer").length, offset, count);
        sendArray(Downcalls.BUFFERED, buf, ValueLayout.JAVA_SHORT, offset, count, Datatype.INT16_T, dest, tag);
    }

    /**
     * {@code MPI_Bsend}: sends in buffered mode: copies the message into the buffer attached with {@link
     * MPI#attachBuffer} and returns.
     *
     * <p>The buffer: {@code count} elements of the {@code char[]} from index {@code offset} ({@link
     * Datatype#UINT16_T}).
     */
    public final void bsend(char[] buf, int offset, int count, int dest, int tag) {
        Buffers.checkSlice(Errors.checkNotNull(buf, "buffer").length, offset, count);
        sendArray(Downcalls.BUFFERED, buf, ValueLayout.JAVA_CHAR, offset, count, Datatype.UINT16_T, dest, tag);
    }

    /**
     * {@code MPI_Bsend}: sends in buffered mode: copies the message into the buffer attached with {@link
     * MPI#attachBuffer} and returns.
     *
     * <p>The buffer: {@code count} elements of the {@code int[]} from index {@code offset} ({@link
     * Datatype#INT32_T}).
     */
    public final void bsend(int[] buf, int offset, int count, int dest, int tag) {
        Buffers.checkSlice(Errors.checkNotNull(buf, "buffer").length, offset, count);
        sendArray(Downcalls.BUFFERED, buf, ValueLayout.JAVA_INT, offset, count, Datatype.INT32_T, dest, tag);
    }

    /**
     * {@code MPI_Bsend}: sends in buffered mode: copies the message into the buffer attached with {@link
     * MPI#attachBuffer} and returns.
     *
     * <p>The buffer: {@code count} elements of the {@code long[]} from index {@code offset} ({@link
     * Datatype#INT64_T}).
     */
    public final void bsend(long[] buf, int offset, int count, int dest, int tag) {
        Buffers.checkSlice(Errors.checkNotNull(buf, "buffer").length, offset, count);
        sendArray(Downcalls.BUFFERED, buf, ValueLayout.JAVA_LONG, offset, count, Datatype.INT64_T, dest, tag);
    }

    /**
     * {@code MPI_Bsend}: sends in buffered mode: copies the message into the buffer attached with {@link
     * MPI#attachBuffer} and returns.
     *
     * <p>The buffer: {@code count} elements of the {@code float[]} from index {@code offset} ({@link
     * Datatype#FLOAT}).
     */
    public final void bsend(float[] buf, int offset, int count, int dest, int tag) {
        Buffers.checkSlice(Errors.checkNotNull(buf, "buffer").length, offset, count);
        sendArray(Downcalls.BUFFERED, buf, ValueLayout.JAVA_FLOAT, offset, count, Datatype.FLOAT, dest, tag);
    }

    /**
     * {@code MPI_Bsend}: sends in buffered mode: copies the message into the buffer attached with {@link
     * MPI#attachBuffer} and returns.
     *
     * <p>The buffer: {@code count} elements of the {@code double[]} from index {@code offset} ({@link
     * Datatype#DOUBLE}).
     */
    public final void bsend(double[] buf, int offset, int count, int dest, int tag) {
        Buffers.checkSlice(Errors.checkNotNull(buf, "buffer").length, offset, count);
        sendArray(Downcalls.BUFFERED, buf, ValueLayout.JAVA_DOUBLE, offset, count, Datatype.DOUBLE, dest, tag);
    }

    /**
     * {@code MPI_Bsend}: sends in buffered mode: copies the message into the buffer attached with {@link
     * MPI#attachBuffer} and returns.
     *
     * <p>The buffer: the bytes of a {@link ByteBuffer} (direct or heap) from its position to its limit ({@link
     * Datatype#BYTE}; the position is not moved).
     */
    public final void bsend(ByteBuffer buf, int dest, int tag) {
        MemorySegment seg = Buffers.of(buf);
        sendCore(Downcalls.BUFFERED, seg, seg.byteSize(), Datatype.BYTE, dest, tag);
    }

    /**
     * {@code MPI_Ssend}: sends in synchronous mode: returns once the matching receive has started.
     *
     * <p>The buffer: a whole segment, its datatype inferred (the element type of the array behind a heap segment,
     * {@link Datatype#BYTE} for native memory).
     */
    public final void ssend(MemorySegment buf, int dest, int tag) {
        Datatype t = Buffers.typeOf(Errors.checkNotNull(buf, "buffer"));
        sendCore(Downcalls.SYNCHRONOUS, buf, Buffers.countOfLong(buf, t), t, dest, tag);
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
        sendCore(Downcalls.SYNCHRONOUS, buf, count, type, dest, tag);
    }

    /**
     * {@code MPI_Ssend}: sends in synchronous mode: returns once the matching receive has started.
     *
     * <p>The buffer: a whole {@code byte[]} ({@link Datatype#INT8_T}).
     */
    public final void ssend(byte[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buffer");
        sendArray(Downcalls.SYNCHRONOUS, buf, ValueLayout.JAVA_BYTE, 0, buf.length, Datatype.INT8_T, dest, tag);
    }

    /**
     * {@code MPI_Ssend}: sends in synchronous mode: returns once the matching receive has started.
     *
     * <p>The buffer: a whole {@code short[]} ({@link Datatype#INT16_T}).
     */
    public final void ssend(short[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buffer");
        sendArray(Downcalls.SYNCHRONOUS, buf, ValueLayout.JAVA_SHORT, 0, buf.length, Datatype.INT16_T, dest, tag);
    }

    /**
     * {@code MPI_Ssend}: sends in synchronous mode: returns once the matching receive has started.
     *
     * <p>The buffer: a whole {@code char[]} ({@link Datatype#UINT16_T}).
     */
    public final void ssend(char[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buffer");
        sendArray(Downcalls.SYNCHRONOUS, buf, ValueLayout.JAVA_CHAR, 0, buf.length, Datatype.UINT16_T, dest, tag);
    }

    /**
     * {@code MPI_Ssend}: sends in synchronous mode: returns once the matching receive has started.
     *
     * <p>The buffer: a whole {@code int[]} ({@link Datatype#INT32_T}).
     */
    public final void ssend(int[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buffer");
        sendArray(Downcalls.SYNCHRONOUS, buf, ValueLayout.JAVA_INT, 0, buf.length, Datatype.INT32_T, dest, tag);
    }

    /**
     * {@code MPI_Ssend}: sends in synchronous mode: returns once the matching receive has started.
     *
     * <p>The buffer: a whole {@code long[]} ({@link Datatype#INT64_T}).
     */
    public final void ssend(long[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buffer");
        sendArray(Downcalls.SYNCHRONOUS, buf, ValueLayout.JAVA_LONG, 0, buf.length, Datatype.INT64_T, dest, tag);
    }

    /**
     * {@code MPI_Ssend}: sends in synchronous mode: returns once the matching receive has started.
     *
     * <p>The buffer: a whole {@code float[]} ({@link Datatype#FLOAT}).
     */
    public final void ssend(float[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buffer");
        sendArray(Downcalls.SYNCHRONOUS, buf, ValueLayout.JAVA_FLOAT, 0, buf.length, Datatype.FLOAT, dest, tag);
    }

    /**
     * {@code MPI_Ssend}: sends in synchronous mode: returns once the matching receive has started.
     *
     * <p>The buffer: a whole {@code double[]} ({@link Datatype#DOUBLE}).
     */
    public final void ssend(double[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buffer");
        sendArray(Downcalls.SYNCHRONOUS, buf, ValueLayout.JAVA_DOUBLE, 0, buf.length, Datatype.DOUBLE, dest, tag);
    }

    /**
     * {@code MPI_Ssend}: sends in synchronous mode: returns once the matching receive has started.
     *
     * <p>The buffer: {@code count} elements of the {@code byte[]} from index {@code offset} ({@link
     * Datatype#INT8_T}).
     */
    public final void ssend(byte[] buf, int offset, int count, int dest, int tag) {
        Buffers.checkSlice(Errors.checkNotNull(buf, "buffer").length, offset, count);
        sendArray(Downcalls.SYNCHRONOUS, buf, ValueLayout.JAVA_BYTE, offset, count, Datatype.INT8_T, dest, tag);
    }

    /**
     * {@code MPI_Ssend}: sends in synchronous mode: returns once the matching receive has started.
     *
     * <p>The buffer: {@code count} elements of the {@code short[]} from index {@code offset} ({@link
     * Datatype#INT16_T}).
     */
    public final void ssend(short[] buf, int offset, int count, int dest, int tag) {
        Buffers.checkSlice(Errors.checkNotNull(buf, "buffer").length, offset, count);
        sendArray(Downcalls.SYNCHRONOUS, buf, ValueLayout.JAVA_SHORT, offset, count, Datatype.INT16_T, dest, tag);
    }

    /**
     * {@code MPI_Ssend}: sends in synchronous mode: returns once the matching receive has started.
     *
     * <p>The buffer: {@code count} elements of the {@code char[]} from index {@code offset} ({@link
     * Datatype#UINT16_T}).
     */
    public final void ssend(char[] buf, int offset, int count, int dest, int tag) {
        Buffers.checkSlice(Errors.checkNotNull(buf, "buffer").length, offset, count);
        sendArray(Downcalls.SYNCHRONOUS, buf, ValueLayout.JAVA_CHAR, offset, count, Datatype.UINT16_T, dest, tag);
    }

    /**
     * {@code MPI_Ssend}: sends in synchronous mode: returns once the matching receive has started.
     *
     * <p>The buffer: {@code count} elements of the {@code int[]} from index {@code offset} ({@link
     * Datatype#INT32_T}).
     */
    public final void ssend(int[] buf, int offset, int count, int dest, int tag) {
        Buffers.checkSlice(Errors.checkNotNull(buf, "buffer").length, offset, count);
        sendArray(Downcalls.SYNCHRONOUS, buf, ValueLayout.JAVA_INT, offset, count, Datatype.INT32_T, dest, tag);
    }

    /**
     * {@code MPI_Ssend}: sends in synchronous mode: returns once the matching receive has started.
     *
     * <p>The buffer: {@code count} elements of the {@code long[]} from index {@code offset} ({@link
     * Datatype#INT64_T}).
     */
    public final void ssend(long[] buf, int offset, int count, int dest, int tag) {
        Buffers.checkSlice(Errors.checkNotNull(buf, "buffer").length, offset, count);
        sendArray(Downcalls.SYNCHRONOUS, buf, ValueLayout.JAVA_LONG, offset, count, Datatype.INT64_T, dest, tag);
    }

    /**
     * {@code MPI_Ssend}: sends in synchronous mode: returns once the matching receive has started.
     *
     * <p>The buffer: {@code count} elements of the {@code float[]} from index {@code offset} ({@link
     * Datatype#FLOAT}).
     */
    public final void ssend(float[] buf, int offset, int count, int dest, int tag) {
        Buffers.checkSlice(Errors.checkNotNull(buf, "buffer").length, offset, count);
        sendArray(Downcalls.SYNCHRONOUS, buf, ValueLayout.JAVA_FLOAT, offset, count, Datatype.FLOAT, dest, tag);
    }

    /**
     * {@code MPI_Ssend}: sends in synchronous mode: returns once the matching receive has started.
     *
     * <p>The buffer: {@code count} elements of the {@code double[]} from index {@code offset} ({@link
     * Datatype#DOUBLE}).
     */
    public final void ssend(double[] buf, int offset, int count, int dest, int tag) {
        Buffers.checkSlice(Errors.checkNotNull(buf, "buffer").length, offset, count);
        sendArray(Downcalls.SYNCHRONOUS, buf, ValueLayout.JAVA_DOUBLE, offset, count, Datatype.DOUBLE, dest, tag);
    }

    /**
     * {@code MPI_Ssend}: sends in synchronous mode: returns once the matching receive has started.
     *
     * <p>The buffer: the bytes of a {@link ByteBuffer} (direct or heap) from its position to its limit ({@link
     * Datatype#BYTE}; the position is not moved).
     */
    public final void ssend(ByteBuffer buf, int dest, int tag) {
        MemorySegment seg = Buffers.of(buf);
        sendCore(Downcalls.SYNCHRONOUS, seg, seg.byteSize(), Datatype.BYTE, dest, tag);
    }

    /**
     * {@code MPI_Rsend}: sends in ready mode: the matching receive must already be posted.
     *
     * <p>The buffer: a whole segment, its datatype inferred (the element type of the array behind a heap segment,
     * {@link Datatype#BYTE} for native memory).
     */
    public final void rsend(MemorySegment buf, int dest, int tag) {
        Datatype t = Buffers.typeOf(Errors.checkNotNull(buf, "buffer"));
        sendCore(Downcalls.READY, buf, Buffers.countOfLong(buf, t), t, dest, tag);
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
        sendCore(Downcalls.READY, buf, count, type, dest, tag);
    }

    /**
     * {@code MPI_Rsend}: sends in ready mode: the matching receive must already be posted.
     *
     * <p>The buffer: a whole {@code byte[]} ({@link Datatype#INT8_T}).
     */
    public final void rsend(byte[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buffer");
        sendArray(Downcalls.READY, buf, ValueLayout.JAVA_BYTE, 0, buf.length, Datatype.INT8_T, dest, tag);
    }

    /**
     * {@code MPI_Rsend}: sends in ready mode: the matching receive must already be posted.
     *
     * <p>The buffer: a whole {@code short[]} ({@link Datatype#INT16_T}).
     */
    public final void rsend(short[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buffer");
        sendArray(Downcalls.READY, buf, ValueLayout.JAVA_SHORT, 0, buf.length, Datatype.INT16_T, dest, tag);
    }

    /**
     * {@code MPI_Rsend}: sends in ready mode: the matching receive must already be posted.
     *
     * <p>The buffer: a whole {@code char[]} ({@link Datatype#UINT16_T}).
     */
    public final void rsend(char[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buffer");
        sendArray(Downcalls.READY, buf, ValueLayout.JAVA_CHAR, 0, buf.length, Datatype.UINT16_T, dest, tag);
    }

    /**
     * {@code MPI_Rsend}: sends in ready mode: the matching receive must already be posted.
     *
     * <p>The buffer: a whole {@code int[]} ({@link Datatype#INT32_T}).
     */
    public final void rsend(int[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buffer");
        sendArray(Downcalls.READY, buf, ValueLayout.JAVA_INT, 0, buf.length, Datatype.INT32_T, dest, tag);
    }

    /**
     * {@code MPI_Rsend}: sends in ready mode: the matching receive must already be posted.
     *
     * <p>The buffer: a whole {@code long[]} ({@link Datatype#INT64_T}).
     */
    public final void rsend(long[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buffer");
        sendArray(Downcalls.READY, buf, ValueLayout.JAVA_LONG, 0, buf.length, Datatype.INT64_T, dest, tag);
    }

    /**
     * {@code MPI_Rsend}: sends in ready mode: the matching receive must already be posted.
     *
     * <p>The buffer: a whole {@code float[]} ({@link Datatype#FLOAT}).
     */
    public final void rsend(float[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buffer");
        sendArray(Downcalls.READY, buf, ValueLayout.JAVA_FLOAT, 0, buf.length, Datatype.FLOAT, dest, tag);
    }

    /**
     * {@code MPI_Rsend}: sends in ready mode: the matching receive must already be posted.
     *
     * <p>The buffer: a whole {@code double[]} ({@link Datatype#DOUBLE}).
     */
    public final void rsend(double[] buf, int dest, int tag) {
        Errors.checkNotNull(buf, "buffer");
        sendArray(Downcalls.READY, buf, ValueLayout.JAVA_DOUBLE, 0, buf.length, Datatype.DOUBLE, dest, tag);
    }

    /**
     * {@code MPI_Rsend}: sends in ready mode: the matching receive must already be posted.
     *
     * <p>The buffer: {@code count} elements of the {@code byte[]} from index {@code offset} ({@link
     * Datatype#INT8_T}).
     */
    public final void rsend(byte[] buf, int offset, int count, int dest, int tag) {
        Buffers.checkSlice(Errors.checkNotNull(buf, "buffer").length, offset, count);
        sendArray(Downcalls.READY, buf, ValueLayout.JAVA_BYTE, offset, count, Datatype.INT8_T, dest, tag);
    }

    /**
     * {@code MPI_Rsend}: sends in ready mode: the matching receive must already be posted.
     *
     * <p>The buffer: {@code count} elements of the {@code short[]} from index {@code offset} ({@link
     * Datatype#INT16_T}).
     */
    public final void rsend(short[] buf, int offset, int count, int dest, int tag) {
        Buffers.checkSlice(Errors.checkNotNull(buf, "buffer").length, offset, count);
        sendArray(Downcalls.READY, buf, ValueLayout.JAVA_SHORT, offset, count, Datatype.INT16_T, dest, tag);
    }

    /**
     * {@code MPI_Rsend}: sends in ready mode: the matching receive must already be posted.
     *
     * <p>The buffer: {@code count} elements of the {@code char[]} from index {@code offset} ({@link
     * Datatype#UINT16_T}).
     */
    public final void rsend(char[] buf, int offset, int count, int dest, int tag) {
        Buffers.checkSlice(Errors.checkNotNull(buf, "buffer").length, offset, count);
        sendArray(Downcalls.READY, buf, ValueLayout.JAVA_CHAR, offset, count, Datatype.UINT16_T, dest, tag);
    }

    /**
     * {@code MPI_Rsend}: sends in ready mode: the matching receive must already be posted.
     *
     * <p>The buffer: {@code count} elements of the {@code int[]} from index {@code offset} ({@link
     * Datatype#INT32_T}).
     */
    public final void rsend(int[] buf, int offset, int count, int dest, int tag) {
        Buffers.checkSlice(Errors.checkNotNull(buf, "buffer").length, offset, count);
        sendArray(Downcalls.READY, buf, ValueLayout.JAVA_INT, offset, count, Datatype.INT32_T, dest, tag);
    }

    /**
     * {@code MPI_Rsend}: sends in ready mode: the matching receive must already be posted.
     *
     * <p>The buffer: {@code count} elements of the {@code long[]} from index {@code offset} ({@link
     * Datatype#INT64_T}).
     */
    public final void rsend(long[] buf, int offset, int count, int dest, int tag) {
        Buffers.checkSlice(Errors.checkNotNull(buf, "buffer").length, offset, count);
        sendArray(Downcalls.READY, buf, ValueLayout.JAVA_LONG, offset, count, Datatype.INT64_T, dest, tag);
    }

    /**
     * {@code MPI_Rsend}: sends in ready mode: the matching receive must already be posted.
     *
     * <p>The buffer: {@code count} elements of the {@code float[]} from index {@code offset} ({@link
     * Datatype#FLOAT}).
     */
    public final void rsend(float[] buf, int offset, int count, int dest, int tag) {
        Buffers.checkSlice(Errors.checkNotNull(buf, "buffer").length, offset, count);
        sendArray(Downcalls.READY, buf, ValueLayout.JAVA_FLOAT, offset, count, Datatype.FLOAT, dest, tag);
    }

    /**
     * {@code MPI_Rsend}: sends in ready mode: the matching receive must already be posted.
     *
     * <p>The buffer: {@code count} elements of the {@code double[]} from index {@code offset} ({@link
     * Datatype#DOUBLE}).
     */
    public final void rsend(double[] buf, int offset, int count, int dest, int tag) {
        Buffers.checkSlice(Errors.checkNotNull(buf, "buffer").length, offset, count);
        sendArray(Downcalls.READY, buf, ValueLayout.JAVA_DOUBLE, offset, count, Datatype.DOUBLE, dest, tag);
    }

    /**
     * {@code MPI_Rsend}: sends in ready mode: the matching receive must already be posted.
     *
     * <p>The buffer: the bytes of a {@link ByteBuffer} (direct or heap) from its position to its limit ({@link
     * Datatype#BYTE}; the position is not moved).
     */
    public final void rsend(ByteBuffer buf, int dest, int tag) {
        MemorySegment seg = Buffers.of(buf);
        sendCore(Downcalls.READY, seg, seg.byteSize(), Datatype.BYTE, dest, tag);
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
        recvCore(buf, Buffers.countOfLong(buf, t), t, source, tag, status);
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
        recvCore(buf, count, type, source, tag, status);
    }

    /**
     * {@code MPI_Recv}: receives a message, waiting for it.
     *
     * <p>The buffer: a whole {@code byte[]} ({@link Datatype#INT8_T}).
     */
    public final void recv(byte[] buf, int source, int tag, Status status) {
        Errors.checkNotNull(buf, "buffer");
        recvArray(buf, ValueLayout.JAVA_BYTE, 0, buf.length, Datatype.INT8_T, source, tag, status);
    }

    /**
     * {@code MPI_Recv}: receives a message, waiting for it.
     *
     * <p>The buffer: a whole {@code short[]} ({@link Datatype#INT16_T}).
     */
    public final void recv(short[] buf, int source, int tag, Status status) {
        Errors.checkNotNull(buf, "buffer");
        recvArray(buf, ValueLayout.JAVA_SHORT, 0, buf.length, Datatype.INT16_T, source, tag, status);
    }

    /**
     * {@code MPI_Recv}: receives a message, waiting for it.
     *
     * <p>The buffer: a whole {@code char[]} ({@link Datatype#UINT16_T}).
     */
    public final void recv(char[] buf, int source, int tag, Status status) {
        Errors.checkNotNull(buf, "buffer");
        recvArray(buf, ValueLayout.JAVA_CHAR, 0, buf.length, Datatype.UINT16_T, source, tag, status);
    }

    /**
     * {@code MPI_Recv}: receives a message, waiting for it.
     *
     * <p>The buffer: a whole {@code int[]} ({@link Datatype#INT32_T}).
     */
    public final void recv(int[] buf, int source, int tag, Status status) {
        Errors.checkNotNull(buf, "buffer");
        recvArray(buf, ValueLayout.JAVA_INT, 0, buf.length, Datatype.INT32_T, source, tag, status);
    }

    /**
     * {@code MPI_Recv}: receives a message, waiting for it.
     *
     * <p>The buffer: a whole {@code long[]} ({@link Datatype#INT64_T}).
     */
    public final void recv(long[] buf, int source, int tag, Status status) {
        Errors.checkNotNull(buf, "buffer");
        recvArray(buf, ValueLayout.JAVA_LONG, 0, buf.length, Datatype.INT64_T, source, tag, status);
    }

    /**
     * {@code MPI_Recv}: receives a message, waiting for it.
     *
     * <p>The buffer: a whole {@code float[]} ({@link Datatype#FLOAT}).
     */
    public final void recv(float[] buf, int source, int tag, Status status) {
        Errors.checkNotNull(buf, "buffer");
        recvArray(buf, ValueLayout.JAVA_FLOAT, 0, buf.length, Datatype.FLOAT, source, tag, status);
    }

    /**
     * {@code MPI_Recv}: receives a message, waiting for it.
     *
     * <p>The buffer: a whole {@code double[]} ({@link Datatype#DOUBLE}).
     */
    public final void recv(double[] buf, int source, int tag, Status status) {
        Errors.checkNotNull(buf, "buffer");
        recvArray(buf, ValueLayout.JAVA_DOUBLE, 0, buf.length, Datatype.DOUBLE, source, tag, status);
    }

    /**
     * {@code MPI_Recv}: receives a message, waiting for it.
     *
     * <p>The buffer: {@code count} elements of the {@code byte[]} from index {@code offset} ({@link
     * Datatype#INT8_T}).
     */
    public final void recv(byte[] buf, int offset, int count, int source, int tag, Status status) {
        Buffers.checkSlice(Errors.checkNotNull(buf, "buffer").length, offset, count);
        recvArray(buf, ValueLayout.JAVA_BYTE, offset, count, Datatype.INT8_T, source, tag, status);
    }

    /**
     * {@code MPI_Recv}: receives a message, waiting for it.
     *
     * <p>The buffer: {@code count} elements of the {@code short[]} from index {@code offset} ({@link
     * Datatype#INT16_T}).
     */
    public final void recv(short[] buf, int offset, int count, int source, int tag, Status status) {
        Buffers.checkSlice(Errors.checkNotNull(buf, "buffer").length, offset, count);
        recvArray(buf, ValueLayout.JAVA_SHORT, offset, count, Datatype.INT16_T, source, tag, status);
    }

    /**
     * {@code MPI_Recv}: receives a message, waiting for it.
     *
     * <p>The buffer: {@code count} elements of the {@code char[]} from index {@code offset} ({@link
     * Datatype#UINT16_T}).
     */
    public final void recv(char[] buf, int offset, int count, int source, int tag, Status status) {
        Buffers.checkSlice(Errors.checkNotNull(buf, "buffer").length, offset, count);
        recvArray(buf, ValueLayout.JAVA_CHAR, offset, count, Datatype.UINT16_T, source, tag, status);
    }

    /**
     * {@code MPI_Recv}: receives a message, waiting for it.
     *
     * <p>The buffer: {@code count} elements of the {@code int[]} from index {@code offset} ({@link
     * Datatype#INT32_T}).
     */
    public final void recv(int[] buf, int offset, int count, int source, int tag, Status status) {
        Buffers.checkSlice(Errors.checkNotNull(buf, "buffer").length, offset, count);
        recvArray(buf, ValueLayout.JAVA_INT, offset, count, Datatype.INT32_T, source, tag, status);
    }

    /**
     * {@code MPI_Recv}: receives a message, waiting for it.
     *
     * <p>The buffer: {@code count} elements of the {@code long[]} from index {@code offset} ({@link
     * Datatype#INT64_T}).
     */
    public final void recv(long[] buf, int offset, int count, int source, int tag, Status status) {
        Buffers.checkSlice(Errors.checkNotNull(buf, "buffer").length, offset, count);
        recvArray(buf, ValueLayout.JAVA_LONG, offset, count, Datatype.INT64_T, source, tag, status);
    }

    /**
     * {@code MPI_Recv}: receives a message, waiting for it.
     *
     * <p>The buffer: {@code count} elements of the {@code float[]} from index {@code offset} ({@link
     * Datatype#FLOAT}).
     */
    public final void recv(float[] buf, int offset, int count, int source, int tag, Status status) {
        Buffers.checkSlice(Errors.checkNotNull(buf, "buffer").length, offset, count);
        recvArray(buf, ValueLayout.JAVA_FLOAT, offset, count, Datatype.FLOAT, source, tag, status);
    }

    /**
     * {@code MPI_Recv}: receives a message, waiting for it.
     *
     * <p>The buffer: {@code count} elements of the {@code double[]} from index {@code offset} ({@link
     * Datatype#DOUBLE}).
     */
    public final void recv(double[] buf, int offset, int count, int source, int tag, Status status) {
        Buffers.checkSlice(Errors.checkNotNull(buf, "buffer").length, offset, count);
        recvArray(buf, ValueLayout.JAVA_DOUBLE, offset, count, Datatype.DOUBLE, source, tag, status);
    }

    /**
     * {@code MPI_Recv}: receives a message, waiting for it.
     *
     * <p>The buffer: the bytes of a {@link ByteBuffer} (direct or heap) from its position to its limit ({@link
     * Datatype#BYTE}; the position is not moved).
     */
    public final void recv(ByteBuffer buf, int source, int tag, Status status) {
        MemorySegment seg = Buffers.of(buf);
        recvCore(seg, seg.byteSize(), Datatype.BYTE, source, tag, status);
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
        sendrecvCore(sendBuf, Buffers.countOfLong(sendBuf, sendt), sendt, dest, sendTag, recvBuf,
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
        sendrecvCore(sendBuf, sendCount, sendType, dest, sendTag, recvBuf, recvCount, recvType, source, recvTag,
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
        sendrecvCore(Buffers.of(sendBuf), sendBuf.length, Datatype.INT8_T, dest, sendTag, Buffers.of(recvBuf),
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
        sendrecvCore(Buffers.of(sendBuf), sendBuf.length, Datatype.INT16_T, dest, sendTag, Buffers.of(recvBuf),
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
        sendrecvCore(Buffers.of(sendBuf), sendBuf.length, Datatype.UINT16_T, dest, sendTag, Buffers.of(recvBuf),
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
        sendrecvCore(Buffers.of(sendBuf), sendBuf.length, Datatype.INT32_T, dest, sendTag, Buffers.of(recvBuf),
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
        sendrecvCore(Buffers.of(sendBuf), sendBuf.length, Datatype.INT64_T, dest, sendTag, Buffers.of(recvBuf),
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
        sendrecvCore(Buffers.of(sendBuf), sendBuf.length, Datatype.FLOAT, dest, sendTag, Buffers.of(recvBuf),
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
        sendrecvCore(Buffers.of(sendBuf), sendBuf.length, Datatype.DOUBLE, dest, sendTag, Buffers.of(recvBuf),
                recvBuf.length, Datatype.DOUBLE, source, recvTag, status);
    }

    /**
     * {@code MPI_Sendrecv}: sends one message and receives another in one call, without deadlock between pairs of
     * processes.
     *
     * <p>The buffers: {@code sendCount} elements of {@code sendBuf} from index {@code sendOffset}, and up to {@code
     * recvCount} elements into {@code recvBuf} from index {@code recvOffset} ({@link Datatype#INT8_T}).
     */
    public final void sendrecv(byte[] sendBuf, int sendOffset, int sendCount, int dest, int sendTag, byte[] recvBuf,
            int recvOffset, int recvCount, int source, int recvTag, Status status) {
        sendrecvCore(Buffers.of(sendBuf, sendOffset, sendCount), sendCount, Datatype.INT8_T, dest, sendTag,
                Buffers.of(recvBuf, recvOffset, recvCount), recvCount, Datatype.INT8_T, source, recvTag, status);
    }

    /**
     * {@code MPI_Sendrecv}: sends one message and receives another in one call, without deadlock between pairs of
     * processes.
     *
     * <p>The buffers: {@code sendCount} elements of {@code sendBuf} from index {@code sendOffset}, and up to {@code
     * recvCount} elements into {@code recvBuf} from index {@code recvOffset} ({@link Datatype#INT16_T}).
     */
    public final void sendrecv(short[] sendBuf, int sendOffset, int sendCount, int dest, int sendTag, short[] recvBuf,
            int recvOffset, int recvCount, int source, int recvTag, Status status) {
        sendrecvCore(Buffers.of(sendBuf, sendOffset, sendCount), sendCount, Datatype.INT16_T, dest, sendTag,
                Buffers.of(recvBuf, recvOffset, recvCount), recvCount, Datatype.INT16_T, source, recvTag, status);
    }

    /**
     * {@code MPI_Sendrecv}: sends one message and receives another in one call, without deadlock between pairs of
     * processes.
     *
     * <p>The buffers: {@code sendCount} elements of {@code sendBuf} from index {@code sendOffset}, and up to {@code
     * recvCount} elements into {@code recvBuf} from index {@code recvOffset} ({@link Datatype#UINT16_T}).
     */
    public final void sendrecv(char[] sendBuf, int sendOffset, int sendCount, int dest, int sendTag, char[] recvBuf,
            int recvOffset, int recvCount, int source, int recvTag, Status status) {
        sendrecvCore(Buffers.of(sendBuf, sendOffset, sendCount), sendCount, Datatype.UINT16_T, dest, sendTag,
                Buffers.of(recvBuf, recvOffset, recvCount), recvCount, Datatype.UINT16_T, source, recvTag, status);
    }

    /**
     * {@code MPI_Sendrecv}: sends one message and receives another in one call, without deadlock between pairs of
     * processes.
     *
     * <p>The buffers: {@code sendCount} elements of {@code sendBuf} from index {@code sendOffset}, and up to {@code
     * recvCount} elements into {@code recvBuf} from index {@code recvOffset} ({@link Datatype#INT32_T}).
     */
    public final void sendrecv(int[] sendBuf, int sendOffset, int sendCount, int dest, int sendTag, int[] recvBuf,
            int recvOffset, int recvCount, int source, int recvTag, Status status) {
        sendrecvCore(Buffers.of(sendBuf, sendOffset, sendCount), sendCount, Datatype.INT32_T, dest, sendTag,
                Buffers.of(recvBuf, recvOffset, recvCount), recvCount, Datatype.INT32_T, source, recvTag, status);
    }

    /**
     * {@code MPI_Sendrecv}: sends one message and receives another in one call, without deadlock between pairs of
     * processes.
     *
     * <p>The buffers: {@code sendCount} elements of {@code sendBuf} from index {@code sendOffset}, and up to {@code
     * recvCount} elements into {@code recvBuf} from index {@code recvOffset} ({@link Datatype#INT64_T}).
     */
    public final void sendrecv(long[] sendBuf, int sendOffset, int sendCount, int dest, int sendTag, long[] recvBuf,
            int recvOffset, int recvCount, int source, int recvTag, Status status) {
        sendrecvCore(Buffers.of(sendBuf, sendOffset, sendCount), sendCount, Datatype.INT64_T, dest, sendTag,
                Buffers.of(recvBuf, recvOffset, recvCount), recvCount, Datatype.INT64_T, source, recvTag, status);
    }

    /**
     * {@code MPI_Sendrecv}: sends one message and receives another in one call, without deadlock between pairs of
     * processes.
     *
     * <p>The buffers: {@code sendCount} elements of {@code sendBuf} from index {@code sendOffset}, and up to {@code
     * recvCount} elements into {@code recvBuf} from index {@code recvOffset} ({@link Datatype#FLOAT}).
     */
    public final void sendrecv(float[] sendBuf, int sendOffset, int sendCount, int dest, int sendTag, float[] recvBuf,
            int recvOffset, int recvCount, int source, int recvTag, Status status) {
        sendrecvCore(Buffers.of(sendBuf, sendOffset, sendCount), sendCount, Datatype.FLOAT, dest, sendTag,
                Buffers.of(recvBuf, recvOffset, recvCount), recvCount, Datatype.FLOAT, source, recvTag, status);
    }

    /**
     * {@code MPI_Sendrecv}: sends one message and receives another in one call, without deadlock between pairs of
     * processes.
     *
     * <p>The buffers: {@code sendCount} elements of {@code sendBuf} from index {@code sendOffset}, and up to {@code
     * recvCount} elements into {@code recvBuf} from index {@code recvOffset} ({@link Datatype#DOUBLE}).
     */
    public final void sendrecv(double[] sendBuf, int sendOffset, int sendCount, int dest, int sendTag,
            double[] recvBuf, int recvOffset, int recvCount, int source, int recvTag, Status status) {
        sendrecvCore(Buffers.of(sendBuf, sendOffset, sendCount), sendCount, Datatype.DOUBLE, dest, sendTag,
                Buffers.of(recvBuf, recvOffset, recvCount), recvCount, Datatype.DOUBLE, source, recvTag, status);
    }

    /**
     * {@code MPI_Sendrecv}: sends one message and receives another in one call, without deadlock between pairs of
     * processes.
     *
     * <p>The buffers: the bytes of {@link ByteBuffer}s (direct or heap) from position to limit ({@link
     * Datatype#BYTE}; positions are not moved).
     */
    public final void sendrecv(ByteBuffer sendBuf, int dest, int sendTag, ByteBuffer recvBuf, int source, int recvTag,
            Status status) {
        MemorySegment sendSeg = Buffers.of(sendBuf);
        MemorySegment recvSeg = Buffers.of(recvBuf);
        sendrecvCore(sendSeg, sendSeg.byteSize(), Datatype.BYTE, dest, sendTag, recvSeg, recvSeg.byteSize(),
                Datatype.BYTE, source, recvTag, status);
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
        sendrecvReplaceCore(buf, Buffers.countOfLong(buf, t), t, dest, sendTag, source, recvTag, status);
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
        sendrecvReplaceCore(buf, count, type, dest, sendTag, source, recvTag, status);
    }

    /**
     * {@code MPI_Sendrecv_replace}: sends the buffer's contents and receives a message into the same buffer.
     *
     * <p>The buffer: a whole {@code byte[]} ({@link Datatype#INT8_T}).
     */
    public final void sendrecvReplace(byte[] buf, int dest, int sendTag, int source, int recvTag, Status status) {
        sendrecvReplaceCore(Buffers.of(buf), buf.length, Datatype.INT8_T, dest, sendTag, source, recvTag, status);
    }

    /**
     * {@code MPI_Sendrecv_replace}: sends the buffer's contents and receives a message into the same buffer.
     *
     * <p>The buffer: a whole {@code short[]} ({@link Datatype#INT16_T}).
     */
    public final void sendrecvReplace(short[] buf, int dest, int sendTag, int source, int recvTag, Status status) {
        sendrecvReplaceCore(Buffers.of(buf), buf.length, Datatype.INT16_T, dest, sendTag, source, recvTag, status);
    }

    /**
     * {@code MPI_Sendrecv_replace}: sends the buffer's contents and receives a message into the same buffer.
     *
     * <p>The buffer: a whole {@code char[]} ({@link Datatype#UINT16_T}).
     */
    public final void sendrecvReplace(char[] buf, int dest, int sendTag, int source, int recvTag, Status status) {
        sendrecvReplaceCore(Buffers.of(buf), buf.length, Datatype.UINT16_T, dest, sendTag, source, recvTag, status);
    }

    /**
     * {@code MPI_Sendrecv_replace}: sends the buffer's contents and receives a message into the same buffer.
     *
     * <p>The buffer: a whole {@code int[]} ({@link Datatype#INT32_T}).
     */
    public final void sendrecvReplace(int[] buf, int dest, int sendTag, int source, int recvTag, Status status) {
        sendrecvReplaceCore(Buffers.of(buf), buf.length, Datatype.INT32_T, dest, sendTag, source, recvTag, status);
    }

    /**
     * {@code MPI_Sendrecv_replace}: sends the buffer's contents and receives a message into the same buffer.
     *
     * <p>The buffer: a whole {@code long[]} ({@link Datatype#INT64_T}).
     */
    public final void sendrecvReplace(long[] buf, int dest, int sendTag, int source, int recvTag, Status status) {
        sendrecvReplaceCore(Buffers.of(buf), buf.length, Datatype.INT64_T, dest, sendTag, source, recvTag, status);
    }

    /**
     * {@code MPI_Sendrecv_replace}: sends the buffer's contents and receives a message into the same buffer.
     *
     * <p>The buffer: a whole {@code float[]} ({@link Datatype#FLOAT}).
     */
    public final void sendrecvReplace(float[] buf, int dest, int sendTag, int source, int recvTag, Status status) {
        sendrecvReplaceCore(Buffers.of(buf), buf.length, Datatype.FLOAT, dest, sendTag, source, recvTag, status);
    }

    /**
     * {@code MPI_Sendrecv_replace}: sends the buffer's contents and receives a message into the same buffer.
     *
     * <p>The buffer: a whole {@code double[]} ({@link Datatype#DOUBLE}).
     */
    public final void sendrecvReplace(double[] buf, int dest, int sendTag, int source, int recvTag, Status status) {
        sendrecvReplaceCore(Buffers.of(buf), buf.length, Datatype.DOUBLE, dest, sendTag, source, recvTag, status);
    }

    /**
     * {@code MPI_Sendrecv_replace}: sends the buffer's contents and receives a message into the same buffer.
     *
     * <p>The buffer: {@code count} elements of the {@code byte[]} from index {@code offset} ({@link
     * Datatype#INT8_T}).
     */
    public final void sendrecvReplace(byte[] buf, int offset, int count, int dest, int sendTag, int source,
            int recvTag, Status status) {
        sendrecvReplaceCore(Buffers.of(buf, offset, count), count, Datatype.INT8_T, dest, sendTag, source, recvTag,
                status);
    }

    /**
     * {@code MPI_Sendrecv_replace}: sends the buffer's contents and receives a message into the same buffer.
     *
     * <p>The buffer: {@code count} elements of the {@code short[]} from index {@code offset} ({@link
     * Datatype#INT16_T}).
     */
    public final void sendrecvReplace(short[] buf, int offset, int count, int dest, int sendTag, int source,
            int recvTag, Status status) {
        sendrecvReplaceCore(Buffers.of(buf, offset, count), count, Datatype.INT16_T, dest, sendTag, source, recvTag,
                status);
    }

    /**
     * {@code MPI_Sendrecv_replace}: sends the buffer's contents and receives a message into the same buffer.
     *
     * <p>The buffer: {@code count} elements of the {@code char[]} from index {@code offset} ({@link
     * Datatype#UINT16_T}).
     */
    public final void sendrecvReplace(char[] buf, int offset, int count, int dest, int sendTag, int source,
            int recvTag, Status status) {
        sendrecvReplaceCore(Buffers.of(buf, offset, count), count, Datatype.UINT16_T, dest, sendTag, source, recvTag,
                status);
    }

    /**
     * {@code MPI_Sendrecv_replace}: sends the buffer's contents and receives a message into the same buffer.
     *
     * <p>The buffer: {@code count} elements of the {@code int[]} from index {@code offset} ({@link
     * Datatype#INT32_T}).
     */
    public final void sendrecvReplace(int[] buf, int offset, int count, int dest, int sendTag, int source,
            int recvTag, Status status) {
        sendrecvReplaceCore(Buffers.of(buf, offset, count), count, Datatype.INT32_T, dest, sendTag, source, recvTag,
                status);
    }

    /**
     * {@code MPI_Sendrecv_replace}: sends the buffer's contents and receives a message into the same buffer.
     *
     * <p>The buffer: {@code count} elements of the {@code long[]} from index {@code offset} ({@link
     * Datatype#INT64_T}).
     */
    public final void sendrecvReplace(long[] buf, int offset, int count, int dest, int sendTag, int source,
            int recvTag, Status status) {
        sendrecvReplaceCore(Buffers.of(buf, offset, count), count, Datatype.INT64_T, dest, sendTag, source, recvTag,
                status);
    }

    /**
     * {@code MPI_Sendrecv_replace}: sends the buffer's contents and receives a message into the same buffer.
     *
     * <p>The buffer: {@code count} elements of the {@code float[]} from index {@code offset} ({@link
     * Datatype#FLOAT}).
     */
    public final void sendrecvReplace(float[] buf, int offset, int count, int dest, int sendTag, int source,
            int recvTag, Status status) {
        sendrecvReplaceCore(Buffers.of(buf, offset, count), count, Datatype.FLOAT, dest, sendTag, source, recvTag,
                status);
    }

    /**
     * {@code MPI_Sendrecv_replace}: sends the buffer's contents and receives a message into the same buffer.
     *
     * <p>The buffer: {@code count} elements of the {@code double[]} from index {@code offset} ({@link
     * Datatype#DOUBLE}).
     */
    public final void sendrecvReplace(double[] buf, int offset, int count, int dest, int sendTag, int source,
            int recvTag, Status status) {
        sendrecvReplaceCore(Buffers.of(buf, offset, count), count, Datatype.DOUBLE, dest, sendTag, source, recvTag,
                status);
    }

    /**
     * {@code MPI_Sendrecv_replace}: sends the buffer's contents and receives a message into the same buffer.
     *
     * <p>The buffer: the bytes of a {@link ByteBuffer} (direct or heap) from its position to its limit ({@link
     * Datatype#BYTE}; the position is not moved).
     */
    public final void sendrecvReplace(ByteBuffer buf, int dest, int sendTag, int source, int recvTag, Status status) {
        MemorySegment seg = Buffers.of(buf);
        sendrecvReplaceCore(seg, seg.byteSize(), Datatype.BYTE, dest, sendTag, source, recvTag, status);
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
        return isendCore(Downcalls.STANDARD, buf, Buffers.countOfLong(buf, t), t, dest, tag);
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
        return isendCore(Downcalls.STANDARD, buf, count, type, dest, tag);
    }

    /**
     * {@code MPI_Isend}: starts a send in standard mode; complete the returned request.
     *
     * <p>The buffer: a whole {@code byte[]} ({@link Datatype#INT8_T}).
     */
    public final Request isend(byte[] buf, int dest, int tag) {
        return isendCore(Downcalls.STANDARD, Buffers.of(buf), buf.length, Datatype.INT8_T, dest, tag);
    }

    /**
     * {@code MPI_Isend}: starts a send in standard mode; complete the returned request.
     *
     * <p>The buffer: a whole {@code short[]} ({@link Datatype#INT16_T}).
     */
    public final Request isend(short[] buf, int dest, int tag) {
        return isendCore(Downcalls.STANDARD, Buffers.of(buf), buf.length, Datatype.INT16_T, dest, tag);
    }

    /**
     * {@code MPI_Isend}: starts a send in standard mode; complete the returned request.
     *
     * <p>The buffer: a whole {@code char[]} ({@link Datatype#UINT16_T}).
     */
    public final Request isend(char[] buf, int dest, int tag) {
        return isendCore(Downcalls.STANDARD, Buffers.of(buf), buf.length, Datatype.UINT16_T, dest, tag);
    }

    /**
     * {@code MPI_Isend}: starts a send in standard mode; complete the returned request.
     *
     * <p>The buffer: a whole {@code int[]} ({@link Datatype#INT32_T}).
     */
    public final Request isend(int[] buf, int dest, int tag) {
        return isendCore(Downcalls.STANDARD, Buffers.of(buf), buf.length, Datatype.INT32_T, dest, tag);
    }

    /**
     * {@code MPI_Isend}: starts a send in standard mode; complete the returned request.
     *
     * <p>The buffer: a whole {@code long[]} ({@link Datatype#INT64_T}).
     */
    public final Request isend(long[] buf, int dest, int tag) {
        return isendCore(Downcalls.STANDARD, Buffers.of(buf), buf.length, Datatype.INT64_T, dest, tag);
    }

    /**
     * {@code MPI_Isend}: starts a send in standard mode; complete the returned request.
     *
     * <p>The buffer: a whole {@code float[]} ({@link Datatype#FLOAT}).
     */
    public final Request isend(float[] buf, int dest, int tag) {
        return isendCore(Downcalls.STANDARD, Buffers.of(buf), buf.length, Datatype.FLOAT, dest, tag);
    }

    /**
     * {@code MPI_Isend}: starts a send in standard mode; complete the returned request.
     *
     * <p>The buffer: a whole {@code double[]} ({@link Datatype#DOUBLE}).
     */
    public final Request isend(double[] buf, int dest, int tag) {
        return isendCore(Downcalls.STANDARD, Buffers.of(buf), buf.length, Datatype.DOUBLE, dest, tag);
    }

    /**
     * {@code MPI_Isend}: starts a send in standard mode; complete the returned request.
     *
     * <p>The buffer: {@code count} elements of the {@code byte[]} from index {@code offset} ({@link
     * Datatype#INT8_T}).
     */
    public final Request isend(byte[] buf, int offset, int count, int dest, int tag) {
        return isendCore(Downcalls.STANDARD, Buffers.of(buf, offset, count), count, Datatype.INT8_T, dest, tag);
    }

    /**
     * {@code MPI_Isend}: starts a send in standard mode; complete the returned request.
     *
     * <p>The buffer: {@code count} elements of the {@code short[]} from index {@code offset} ({@link
     * Datatype#INT16_T}).
     */
    public final Request isend(short[] buf, int offset, int count, int dest, int tag) {
        return isendCore(Downcalls.STANDARD, Buffers.of(buf, offset, count), count, Datatype.INT16_T, dest, tag);
    }

    /**
     * {@code MPI_Isend}: starts a send in standard mode; complete the returned request.
     *
     * <p>The buffer: {@code count} elements of the {@code char[]} from index {@code offset} ({@link
     * Datatype#UINT16_T}).
     */
    public final Request isend(char[] buf, int offset, int count, int dest, int tag) {
        return isendCore(Downcalls.STANDARD, Buffers.of(buf, offset, count), count, Datatype.UINT16_T, dest, tag);
    }

    /**
     * {@code MPI_Isend}: starts a send in standard mode; complete the returned request.
     *
     * <p>The buffer: {@code count} elements of the {@code int[]} from index {@code offset} ({@link
     * Datatype#INT32_T}).
     */
    public final Request isend(int[] buf, int offset, int count, int dest, int tag) {
        return isendCore(Downcalls.STANDARD, Buffers.of(buf, offset, count), count, Datatype.INT32_T, dest, tag);
    }

    /**
     * {@code MPI_Isend}: starts a send in standard mode; complete the returned request.
     *
     * <p>The buffer: {@code count} elements of the {@code long[]} from index {@code offset} ({@link
     * Datatype#INT64_T}).
     */
    public final Request isend(long[] buf, int offset, int count, int dest, int tag) {
        return isendCore(Downcalls.STANDARD, Buffers.of(buf, offset, count), count, Datatype.INT64_T, dest, tag);
    }

    /**
     * {@code MPI_Isend}: starts a send in standard mode; complete the returned request.
     *
     * <p>The buffer: {@code count} elements of the {@code float[]} from index {@code offset} ({@link
     * Datatype#FLOAT}).
     */
    public final Request isend(float[] buf, int offset, int count, int dest, int tag) {
        return isendCore(Downcalls.STANDARD, Buffers.of(buf, offset, count), count, Datatype.FLOAT, dest, tag);
    }

    /**
     * {@code MPI_Isend}: starts a send in standard mode; complete the returned request.
     *
     * <p>The buffer: {@code count} elements of the {@code double[]} from index {@code offset} ({@link
     * Datatype#DOUBLE}).
     */
    public final Request isend(double[] buf, int offset, int count, int dest, int tag) {
        return isendCore(Downcalls.STANDARD, Buffers.of(buf, offset, count), count, Datatype.DOUBLE, dest, tag);
    }

    /**
     * {@code MPI_Isend}: starts a send in standard mode; complete the returned request.
     *
     * <p>The buffer: the bytes of a {@link ByteBuffer} (direct or heap) from its position to its limit ({@link
     * Datatype#BYTE}; the position is not moved).
     */
    public final Request isend(ByteBuffer buf, int dest, int tag) {
        MemorySegment seg = Buffers.of(buf);
        return isendCore(Downcalls.STANDARD, seg, seg.byteSize(), Datatype.BYTE, dest, tag);
    }

    /**
     * {@code MPI_Ibsend}: starts a send in buffered mode; complete the returned request.
     *
     * <p>The buffer: a whole segment, its datatype inferred (the element type of the array behind a heap segment,
     * {@link Datatype#BYTE} for native memory).
     */
    public final Request ibsend(MemorySegment buf, int dest, int tag) {
        Datatype t = Buffers.typeOf(Errors.checkNotNull(buf, "buffer"));
        return isendCore(Downcalls.BUFFERED, buf, Buffers.countOfLong(buf, t), t, dest, tag);
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
        return isendCore(Downcalls.BUFFERED, buf, count, type, dest, tag);
    }

    /**
     * {@code MPI_Ibsend}: starts a send in buffered mode; complete the returned request.
     *
     * <p>The buffer: a whole {@code byte[]} ({@link Datatype#INT8_T}).
     */
    public final Request ibsend(byte[] buf, int dest, int tag) {
        return isendCore(Downcalls.BUFFERED, Buffers.of(buf), buf.length, Datatype.INT8_T, dest, tag);
    }

    /**
     * {@code MPI_Ibsend}: starts a send in buffered mode; complete the returned request.
     *
     * <p>The buffer: a whole {@code short[]} ({@link Datatype#INT16_T}).
     */
    public final Request ibsend(short[] buf, int dest, int tag) {
        return isendCore(Downcalls.BUFFERED, Buffers.of(buf), buf.length, Datatype.INT16_T, dest, tag);
    }

    /**
     * {@code MPI_Ibsend}: starts a send in buffered mode; complete the returned request.
     *
     * <p>The buffer: a whole {@code char[]} ({@link Datatype#UINT16_T}).
     */
    public final Request ibsend(char[] buf, int dest, int tag) {
        return isendCore(Downcalls.BUFFERED, Buffers.of(buf), buf.length, Datatype.UINT16_T, dest, tag);
    }

    /**
     * {@code MPI_Ibsend}: starts a send in buffered mode; complete the returned request.
     *
     * <p>The buffer: a whole {@code int[]} ({@link Datatype#INT32_T}).
     */
    public final Request ibsend(int[] buf, int dest, int tag) {
        return isendCore(Downcalls.BUFFERED, Buffers.of(buf), buf.length, Datatype.INT32_T, dest, tag);
    }

    /**
     * {@code MPI_Ibsend}: starts a send in buffered mode; complete the returned request.
     *
     * <p>The buffer: a whole {@code long[]} ({@link Datatype#INT64_T}).
     */
    public final Request ibsend(long[] buf, int dest, int tag) {
        return isendCore(Downcalls.BUFFERED, Buffers.of(buf), buf.length, Datatype.INT64_T, dest, tag);
    }

    /**
     * {@code MPI_Ibsend}: starts a send in buffered mode; complete the returned request.
     *
     * <p>The buffer: a whole {@code float[]} ({@link Datatype#FLOAT}).
     */
    public final Request ibsend(float[] buf, int dest, int tag) {
        return isendCore(Downcalls.BUFFERED, Buffers.of(buf), buf.length, Datatype.FLOAT, dest, tag);
    }

    /**
     * {@code MPI_Ibsend}: starts a send in buffered mode; complete the returned request.
     *
     * <p>The buffer: a whole {@code double[]} ({@link Datatype#DOUBLE}).
     */
    public final Request ibsend(double[] buf, int dest, int tag) {
        return isendCore(Downcalls.BUFFERED, Buffers.of(buf), buf.length, Datatype.DOUBLE, dest, tag);
    }

    /**
     * {@code MPI_Ibsend}: starts a send in buffered mode; complete the returned request.
     *
     * <p>The buffer: {@code count} elements of the {@code byte[]} from index {@code offset} ({@link
     * Datatype#INT8_T}).
     */
    public final Request ibsend(byte[] buf, int offset, int count, int dest, int tag) {
        return isendCore(Downcalls.BUFFERED, Buffers.of(buf, offset, count), count, Datatype.INT8_T, dest, tag);
    }

    /**
     * {@code MPI_Ibsend}: starts a send in buffered mode; complete the returned request.
     *
     * <p>The buffer: {@code count} elements of the {@code short[]} from index {@code offset} ({@link
     * Datatype#INT16_T}).
     */
    public final Request ibsend(short[] buf, int offset, int count, int dest, int tag) {
        return isendCore(Downcalls.BUFFERED, Buffers.of(buf, offset, count), count, Datatype.INT16_T, dest, tag);
    }

    /**
     * {@code MPI_Ibsend}: starts a send in buffered mode; complete the returned request.
     *
     * <p>The buffer: {@code count} elements of the {@code char[]} from index {@code offset} ({@link
     * Datatype#UINT16_T}).
     */
    public final Request ibsend(char[] buf, int offset, int count, int dest, int tag) {
        return isendCore(Downcalls.BUFFERED, Buffers.of(buf, offset, count), count, Datatype.UINT16_T, dest, tag);
    }

    /**
     * {@code MPI_Ibsend}: starts a send in buffered mode; complete the returned request.
     *
     * <p>The buffer: {@code count} elements of the {@code int[]} from index {@code offset} ({@link
     * Datatype#INT32_T}).
     */
    public final Request ibsend(int[] buf, int offset, int count, int dest, int tag) {
        return isendCore(Downcalls.BUFFERED, Buffers.of(buf, offset, count), count, Datatype.INT32_T, dest, tag);
    }

    /**
     * {@code MPI_Ibsend}: starts a send in buffered mode; complete the returned request.
     *
     * <p>The buffer: {@code count} elements of the {@code long[]} from index {@code offset} ({@link
     * Datatype#INT64_T}).
     */
    public final Request ibsend(long[] buf, int offset, int count, int dest, int tag) {
        return isendCore(Downcalls.BUFFERED, Buffers.of(buf, offset, count), count, Datatype.INT64_T, dest, tag);
    }

    /**
     * {@code MPI_Ibsend}: starts a send in buffered mode; complete the returned request.
     *
     * <p>The buffer: {@code count} elements of the {@code float[]} from index {@code offset} ({@link
     * Datatype#FLOAT}).
     */
    public final Request ibsend(float[] buf, int offset, int count, int dest, int tag) {
        return isendCore(Downcalls.BUFFERED, Buffers.of(buf, offset, count), count, Datatype.FLOAT, dest, tag);
    }

    /**
     * {@code MPI_Ibsend}: starts a send in buffered mode; complete the returned request.
     *
     * <p>The buffer: {@code count} elements of the {@code double[]} from index {@code offset} ({@link
     * Datatype#DOUBLE}).
     */
    public final Request ibsend(double[] buf, int offset, int count, int dest, int tag) {
        return isendCore(Downcalls.BUFFERED, Buffers.of(buf, offset, count), count, Datatype.DOUBLE, dest, tag);
    }

    /**
     * {@code MPI_Ibsend}: starts a send in buffered mode; complete the returned request.
     *
     * <p>The buffer: the bytes of a {@link ByteBuffer} (direct or heap) from its position to its limit ({@link
     * Datatype#BYTE}; the position is not moved).
     */
    public final Request ibsend(ByteBuffer buf, int dest, int tag) {
        MemorySegment seg = Buffers.of(buf);
        return isendCore(Downcalls.BUFFERED, seg, seg.byteSize(), Datatype.BYTE, dest, tag);
    }

    /**
     * {@code MPI_Issend}: starts a send in synchronous mode; complete the returned request.
     *
     * <p>The buffer: a whole segment, its datatype inferred (the element type of the array behind a heap segment,
     * {@link Datatype#BYTE} for native memory).
     */
    public final Request issend(MemorySegment buf, int dest, int tag) {
        Datatype t = Buffers.typeOf(Errors.checkNotNull(buf, "buffer"));
        return isendCore(Downcalls.SYNCHRONOUS, buf, Buffers.countOfLong(buf, t), t, dest, tag);
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
        return isendCore(Downcalls.SYNCHRONOUS, buf, count, type, dest, tag);
    }

    /**
     * {@code MPI_Issend}: starts a send in synchronous mode; complete the returned request.
     *
     * <p>The buffer: a whole {@code byte[]} ({@link Datatype#INT8_T}).
     */
    public final Request issend(byte[] buf, int dest, int tag) {
        return isendCore(Downcalls.SYNCHRONOUS, Buffers.of(buf), buf.length, Datatype.INT8_T, dest, tag);
    }

    /**
     * {@code MPI_Issend}: starts a send in synchronous mode; complete the returned request.
     *
     * <p>The buffer: a whole {@code short[]} ({@link Datatype#INT16_T}).
     */
    public final Request issend(short[] buf, int dest, int tag) {
        return isendCore(Downcalls.SYNCHRONOUS, Buffers.of(buf), buf.length, Datatype.INT16_T, dest, tag);
    }

    /**
     * {@code MPI_Issend}: starts a send in synchronous mode; complete the returned request.
     *
     * <p>The buffer: a whole {@code char[]} ({@link Datatype#UINT16_T}).
     */
    public final Request issend(char[] buf, int dest, int tag) {
        return isendCore(Downcalls.SYNCHRONOUS, Buffers.of(buf), buf.length, Datatype.UINT16_T, dest, tag);
    }

    /**
     * {@code MPI_Issend}: starts a send in synchronous mode; complete the returned request.
     *
     * <p>The buffer: a whole {@code int[]} ({@link Datatype#INT32_T}).
     */
    public final Request issend(int[] buf, int dest, int tag) {
        return isendCore(Downcalls.SYNCHRONOUS, Buffers.of(buf), buf.length, Datatype.INT32_T, dest, tag);
    }

    /**
     * {@code MPI_Issend}: starts a send in synchronous mode; complete the returned request.
     *
     * <p>The buffer: a whole {@code long[]} ({@link Datatype#INT64_T}).
     */
    public final Request issend(long[] buf, int dest, int tag) {
        return isendCore(Downcalls.SYNCHRONOUS, Buffers.of(buf), buf.length, Datatype.INT64_T, dest, tag);
    }

    /**
     * {@code MPI_Issend}: starts a send in synchronous mode; complete the returned request.
     *
     * <p>The buffer: a whole {@code float[]} ({@link Datatype#FLOAT}).
     */
    public final Request issend(float[] buf, int dest, int tag) {
        return isendCore(Downcalls.SYNCHRONOUS, Buffers.of(buf), buf.length, Datatype.FLOAT, dest, tag);
    }

    /**
     * {@code MPI_Issend}: starts a send in synchronous mode; complete the returned request.
     *
     * <p>The buffer: a whole {@code double[]} ({@link Datatype#DOUBLE}).
     */
    public final Request issend(double[] buf, int dest, int tag) {
        return isendCore(Downcalls.SYNCHRONOUS, Buffers.of(buf), buf.length, Datatype.DOUBLE, dest, tag);
    }

    /**
     * {@code MPI_Issend}: starts a send in synchronous mode; complete the returned request.
     *
     * <p>The buffer: {@code count} elements of the {@code byte[]} from index {@code offset} ({@link
     * Datatype#INT8_T}).
     */
    public final Request issend(byte[] buf, int offset, int count, int dest, int tag) {
        return isendCore(Downcalls.SYNCHRONOUS, Buffers.of(buf, offset, count), count, Datatype.INT8_T, dest, tag);
    }

    /**
     * {@code MPI_Issend}: starts a send in synchronous mode; complete the returned request.
     *
     * <p>The buffer: {@code count} elements of the {@code short[]} from index {@code offset} ({@link
     * Datatype#INT16_T}).
     */
    public final Request issend(short[] buf, int offset, int count, int dest, int tag) {
        return isendCore(Downcalls.SYNCHRONOUS, Buffers.of(buf, offset, count), count, Datatype.INT16_T, dest, tag);
    }

    /**
     * {@code MPI_Issend}: starts a send in synchronous mode; complete the returned request.
     *
     * <p>The buffer: {@code count} elements of the {@code char[]} from index {@code offset} ({@link
     * Datatype#UINT16_T}).
     */
    public final Request issend(char[] buf, int offset, int count, int dest, int tag) {
        return isendCore(Downcalls.SYNCHRONOUS, Buffers.of(buf, offset, count), count, Datatype.UINT16_T, dest, tag);
    }

    /**
     * {@code MPI_Issend}: starts a send in synchronous mode; complete the returned request.
     *
     * <p>The buffer: {@code count} elements of the {@code int[]} from index {@code offset} ({@link
     * Datatype#INT32_T}).
     */
    public final Request issend(int[] buf, int offset, int count, int dest, int tag) {
        return isendCore(Downcalls.SYNCHRONOUS, Buffers.of(buf, offset, count), count, Datatype.INT32_T, dest, tag);
    }

    /**
     * {@code MPI_Issend}: starts a send in synchronous mode; complete the returned request.
     *
     * <p>The buffer: {@code count} elements of the {@code long[]} from index {@code offset} ({@link
     * Datatype#INT64_T}).
     */
    public final Request issend(long[] buf, int offset, int count, int dest, int tag) {
        return isendCore(Downcalls.SYNCHRONOUS, Buffers.of(buf, offset, count), count, Datatype.INT64_T, dest, tag);
    }

    /**
     * {@code MPI_Issend}: starts a send in synchronous mode; complete the returned request.
     *
     * <p>The buffer: {@code count} elements of the {@code float[]} from index {@code offset} ({@link
     * Datatype#FLOAT}).
     */
    public final Request issend(float[] buf, int offset, int count, int dest, int tag) {
        return isendCore(Downcalls.SYNCHRONOUS, Buffers.of(buf, offset, count), count, Datatype.FLOAT, dest, tag);
    }

    /**
     * {@code MPI_Issend}: starts a send in synchronous mode; complete the returned request.
     *
     * <p>The buffer: {@code count} elements of the {@code double[]} from index {@code offset} ({@link
     * Datatype#DOUBLE}).
     */
    public final Request issend(double[] buf, int offset, int count, int dest, int tag) {
        return isendCore(Downcalls.SYNCHRONOUS, Buffers.of(buf, offset, count), count, Datatype.DOUBLE, dest, tag);
    }

    /**
     * {@code MPI_Issend}: starts a send in synchronous mode; complete the returned request.
     *
     * <p>The buffer: the bytes of a {@link ByteBuffer} (direct or heap) from its position to its limit ({@link
     * Datatype#BYTE}; the position is not moved).
     */
    public final Request issend(ByteBuffer buf, int dest, int tag) {
        MemorySegment seg = Buffers.of(buf);
        return isendCore(Downcalls.SYNCHRONOUS, seg, seg.byteSize(), Datatype.BYTE, dest, tag);
    }

    /**
     * {@code MPI_Irsend}: starts a send in ready mode; complete the returned request.
     *
     * <p>The buffer: a whole segment, its datatype inferred (the element type of the array behind a heap segment,
     * {@link Datatype#BYTE} for native memory).
     */
    public final Request irsend(MemorySegment buf, int dest, int tag) {
        Datatype t = Buffers.typeOf(Errors.checkNotNull(buf, "buffer"));
        return isendCore(Downcalls.READY, buf, Buffers.countOfLong(buf, t), t, dest, tag);
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
        return isendCore(Downcalls.READY, buf, count, type, dest, tag);
    }

    /**
     * {@code MPI_Irsend}: starts a send in ready mode; complete the returned request.
     *
     * <p>The buffer: a whole {@code byte[]} ({@link Datatype#INT8_T}).
     */
    public final Request irsend(byte[] buf, int dest, int tag) {
        return isendCore(Downcalls.READY, Buffers.of(buf), buf.length, Datatype.INT8_T, dest, tag);
    }

    /**
     * {@code MPI_Irsend}: starts a send in ready mode; complete the returned request.
     *
     * <p>The buffer: a whole {@code short[]} ({@link Datatype#INT16_T}).
     */
    public final Request irsend(short[] buf, int dest, int tag) {
        return isendCore(Downcalls.READY, Buffers.of(buf), buf.length, Datatype.INT16_T, dest, tag);
    }

    /**
     * {@code MPI_Irsend}: starts a send in ready mode; complete the returned request.
     *
     * <p>The buffer: a whole {@code char[]} ({@link Datatype#UINT16_T}).
     */
    public final Request irsend(char[] buf, int dest, int tag) {
        return isendCore(Downcalls.READY, Buffers.of(buf), buf.length, Datatype.UINT16_T, dest, tag);
    }

    /**
     * {@code MPI_Irsend}: starts a send in ready mode; complete the returned request.
     *
     * <p>The buffer: a whole {@code int[]} ({@link Datatype#INT32_T}).
     */
    public final Request irsend(int[] buf, int dest, int tag) {
        return isendCore(Downcalls.READY, Buffers.of(buf), buf.length, Datatype.INT32_T, dest, tag);
    }

    /**
     * {@code MPI_Irsend}: starts a send in ready mode; complete the returned request.
     *
     * <p>The buffer: a whole {@code long[]} ({@link Datatype#INT64_T}).
     */
    public final Request irsend(long[] buf, int dest, int tag) {
        return isendCore(Downcalls.READY, Buffers.of(buf), buf.length, Datatype.INT64_T, dest, tag);
    }

    /**
     * {@code MPI_Irsend}: starts a send in ready mode; complete the returned request.
     *
     * <p>The buffer: a whole {@code float[]} ({@link Datatype#FLOAT}).
     */
    public final Request irsend(float[] buf, int dest, int tag) {
        return isendCore(Downcalls.READY, Buffers.of(buf), buf.length, Datatype.FLOAT, dest, tag);
    }

    /**
     * {@code MPI_Irsend}: starts a send in ready mode; complete the returned request.
     *
     * <p>The buffer: a whole {@code double[]} ({@link Datatype#DOUBLE}).
     */
    public final Request irsend(double[] buf, int dest, int tag) {
        return isendCore(Downcalls.READY, Buffers.of(buf), buf.length, Datatype.DOUBLE, dest, tag);
    }

    /**
     * {@code MPI_Irsend}: starts a send in ready mode; complete the returned request.
     *
     * <p>The buffer: {@code count} elements of the {@code byte[]} from index {@code offset} ({@link
     * Datatype#INT8_T}).
     */
    public final Request irsend(byte[] buf, int offset, int count, int dest, int tag) {
        return isendCore(Downcalls.READY, Buffers.of(buf, offset, count), count, Datatype.INT8_T, dest, tag);
    }

    /**
     * {@code MPI_Irsend}: starts a send in ready mode; complete the returned request.
     *
     * <p>The buffer: {@code count} elements of the {@code short[]} from index {@code offset} ({@link
     * Datatype#INT16_T}).
     */
    public final Request irsend(short[] buf, int offset, int count, int dest, int tag) {
        return isendCore(Downcalls.READY, Buffers.of(buf, offset, count), count, Datatype.INT16_T, dest, tag);
    }

    /**
     * {@code MPI_Irsend}: starts a send in ready mode; complete the returned request.
     *
     * <p>The buffer: {@code count} elements of the {@code char[]} from index {@code offset} ({@link
     * Datatype#UINT16_T}).
     */
    public final Request irsend(char[] buf, int offset, int count, int dest, int tag) {
        return isendCore(Downcalls.READY, Buffers.of(buf, offset, count), count, Datatype.UINT16_T, dest, tag);
    }

    /**
     * {@code MPI_Irsend}: starts a send in ready mode; complete the returned request.
     *
     * <p>The buffer: {@code count} elements of the {@code int[]} from index {@code offset} ({@link
     * Datatype#INT32_T}).
     */
    public final Request irsend(int[] buf, int offset, int count, int dest, int tag) {
        return isendCore(Downcalls.READY, Buffers.of(buf, offset, count), count, Datatype.INT32_T, dest, tag);
    }

    /**
     * {@code MPI_Irsend}: starts a send in ready mode; complete the returned request.
     *
     * <p>The buffer: {@code count} elements of the {@code long[]} from index {@code offset} ({@link
     * Datatype#INT64_T}).
     */
    public final Request irsend(long[] buf, int offset, int count, int dest, int tag) {
        return isendCore(Downcalls.READY, Buffers.of(buf, offset, count), count, Datatype.INT64_T, dest, tag);
    }

    /**
     * {@code MPI_Irsend}: starts a send in ready mode; complete the returned request.
     *
     * <p>The buffer: {@code count} elements of the {@code float[]} from index {@code offset} ({@link
     * Datatype#FLOAT}).
     */
    public final Request irsend(float[] buf, int offset, int count, int dest, int tag) {
        return isendCore(Downcalls.READY, Buffers.of(buf, offset, count), count, Datatype.FLOAT, dest, tag);
    }

    /**
     * {@code MPI_Irsend}: starts a send in ready mode; complete the returned request.
     *
     * <p>The buffer: {@code count} elements of the {@code double[]} from index {@code offset} ({@link
     * Datatype#DOUBLE}).
     */
    public final Request irsend(double[] buf, int offset, int count, int dest, int tag) {
        return isendCore(Downcalls.READY, Buffers.of(buf, offset, count), count, Datatype.DOUBLE, dest, tag);
    }

    /**
     * {@code MPI_Irsend}: starts a send in ready mode; complete the returned request.
     *
     * <p>The buffer: the bytes of a {@link ByteBuffer} (direct or heap) from its position to its limit ({@link
     * Datatype#BYTE}; the position is not moved).
     */
    public final Request irsend(ByteBuffer buf, int dest, int tag) {
        MemorySegment seg = Buffers.of(buf);
        return isendCore(Downcalls.READY, seg, seg.byteSize(), Datatype.BYTE, dest, tag);
    }

    /**
     * {@code MPI_Irecv}: starts a receive; complete the returned request.
     *
     * <p>The buffer: a whole segment, its datatype inferred (the element type of the array behind a heap segment,
     * {@link Datatype#BYTE} for native memory).
     */
    public final Request irecv(MemorySegment buf, int source, int tag) {
        Datatype t = Buffers.typeOf(Errors.checkNotNull(buf, "buffer"));
        return irecvCore(buf, Buffers.countOfLong(buf, t), t, source, tag, false);
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
        return irecvCore(buf, count, type, source, tag, false);
    }

    /**
     * {@code MPI_Irecv}: starts a receive; complete the returned request.
     *
     * <p>The buffer: a whole {@code byte[]} ({@link Datatype#INT8_T}).
     */
    public final Request irecv(byte[] buf, int source, int tag) {
        return irecvCore(Buffers.of(buf), buf.length, Datatype.INT8_T, source, tag, false);
    }

    /**
     * {@code MPI_Irecv}: starts a receive; complete the returned request.
     *
     * <p>The buffer: a whole {@code short[]} ({@link Datatype#INT16_T}).
     */
    public final Request irecv(short[] buf, int source, int tag) {
        return irecvCore(Buffers.of(buf), buf.length, Datatype.INT16_T, source, tag, false);
    }

    /**
     * {@code MPI_Irecv}: starts a receive; complete the returned request.
     *
     * <p>The buffer: a whole {@code char[]} ({@link Datatype#UINT16_T}).
     */
    public final Request irecv(char[] buf, int source, int tag) {
        return irecvCore(Buffers.of(buf), buf.length, Datatype.UINT16_T, source, tag, false);
    }

    /**
     * {@code MPI_Irecv}: starts a receive; complete the returned request.
     *
     * <p>The buffer: a whole {@code int[]} ({@link Datatype#INT32_T}).
     */
    public final Request irecv(int[] buf, int source, int tag) {
        return irecvCore(Buffers.of(buf), buf.length, Datatype.INT32_T, source, tag, false);
    }

    /**
     * {@code MPI_Irecv}: starts a receive; complete the returned request.
     *
     * <p>The buffer: a whole {@code long[]} ({@link Datatype#INT64_T}).
     */
    public final Request irecv(long[] buf, int source, int tag) {
        return irecvCore(Buffers.of(buf), buf.length, Datatype.INT64_T, source, tag, false);
    }

    /**
     * {@code MPI_Irecv}: starts a receive; complete the returned request.
     *
     * <p>The buffer: a whole {@code float[]} ({@link Datatype#FLOAT}).
     */
    public final Request irecv(float[] buf, int source, int tag) {
        return irecvCore(Buffers.of(buf), buf.length, Datatype.FLOAT, source, tag, false);
    }

    /**
     * {@code MPI_Irecv}: starts a receive; complete the returned request.
     *
     * <p>The buffer: a whole {@code double[]} ({@link Datatype#DOUBLE}).
     */
    public final Request irecv(double[] buf, int source, int tag) {
        return irecvCore(Buffers.of(buf), buf.length, Datatype.DOUBLE, source, tag, false);
    }

    /**
     * {@code MPI_Irecv}: starts a receive; complete the returned request.
     *
     * <p>The buffer: {@code count} elements of the {@code byte[]} from index {@code offset} ({@link
     * Datatype#INT8_T}).
     */
    public final Request irecv(byte[] buf, int offset, int count, int source, int tag) {
        return irecvCore(Buffers.of(buf, offset, count), count, Datatype.INT8_T, source, tag, false);
    }

    /**
     * {@code MPI_Irecv}: starts a receive; complete the returned request.
     *
     * <p>The buffer: {@code count} elements of the {@code short[]} from index {@code offset} ({@link
     * Datatype#INT16_T}).
     */
    public final Request irecv(short[] buf, int offset, int count, int source, int tag) {
        return irecvCore(Buffers.of(buf, offset, count), count, Datatype.INT16_T, source, tag, false);
    }

    /**
     * {@code MPI_Irecv}: starts a receive; complete the returned request.
     *
     * <p>The buffer: {@code count} elements of the {@code char[]} from index {@code offset} ({@link
     * Datatype#UINT16_T}).
     */
    public final Request irecv(char[] buf, int offset, int count, int source, int tag) {
        return irecvCore(Buffers.of(buf, offset, count), count, Datatype.UINT16_T, source, tag, false);
    }

    /**
     * {@code MPI_Irecv}: starts a receive; complete the returned request.
     *
     * <p>The buffer: {@code count} elements of the {@code int[]} from index {@code offset} ({@link
     * Datatype#INT32_T}).
     */
    public final Request irecv(int[] buf, int offset, int count, int source, int tag) {
        return irecvCore(Buffers.of(buf, offset, count), count, Datatype.INT32_T, source, tag, false);
    }

    /**
     * {@code MPI_Irecv}: starts a receive; complete the returned request.
     *
     * <p>The buffer: {@code count} elements of the {@code long[]} from index {@code offset} ({@link
     * Datatype#INT64_T}).
     */
    public final Request irecv(long[] buf, int offset, int count, int source, int tag) {
        return irecvCore(Buffers.of(buf, offset, count), count, Datatype.INT64_T, source, tag, false);
    }

    /**
     * {@code MPI_Irecv}: starts a receive; complete the returned request.
     *
     * <p>The buffer: {@code count} elements of the {@code float[]} from index {@code offset} ({@link
     * Datatype#FLOAT}).
     */
    public final Request irecv(float[] buf, int offset, int count, int source, int tag) {
        return irecvCore(Buffers.of(buf, offset, count), count, Datatype.FLOAT, source, tag, false);
    }

    /**
     * {@code MPI_Irecv}: starts a receive; complete the returned request.
     *
     * <p>The buffer: {@code count} elements of the {@code double[]} from index {@code offset} ({@link
     * Datatype#DOUBLE}).
     */
    public final Request irecv(double[] buf, int offset, int count, int source, int tag) {
        return irecvCore(Buffers.of(buf, offset, count), count, Datatype.DOUBLE, source, tag, false);
    }

    /**
     * {@code MPI_Irecv}: starts a receive; complete the returned request.
     *
     * <p>The buffer: the bytes of a {@link ByteBuffer} (direct or heap) from its position to its limit ({@link
     * Datatype#BYTE}; the position is not moved).
     */
    public final Request irecv(ByteBuffer buf, int source, int tag) {
        MemorySegment seg = Buffers.of(buf);
        return irecvCore(seg, seg.byteSize(), Datatype.BYTE, source, tag, false);
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
        return sendInitCore(Downcalls.STANDARD, buf, Buffers.countOfLong(buf, t), t, dest, tag);
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
        return sendInitCore(Downcalls.STANDARD, buf, count, type, dest, tag);
    }

    /**
     * {@code MPI_Send_init}: a persistent send in standard mode, inactive until {@link Request#start()}; free it
     * when done.
     *
     * <p>The buffer: a whole {@code byte[]} ({@link Datatype#INT8_T}).
     */
    public final Request sendInit(byte[] buf, int dest, int tag) {
        return sendInitCore(Downcalls.STANDARD, Buffers.of(buf), buf.length, Datatype.INT8_T, dest, tag);
    }

    /**
     * {@code MPI_Send_init}: a persistent send in standard mode, inactive until {@link Request#start()}; free it
     * when done.
     *
     * <p>The buffer: a whole {@code short[]} ({@link Datatype#INT16_T}).
     */
    public final Request sendInit(short[] buf, int dest, int tag) {
        return sendInitCore(Downcalls.STANDARD, Buffers.of(buf), buf.length, Datatype.INT16_T, dest, tag);
    }

    /**
     * {@code MPI_Send_init}: a persistent send in standard mode, inactive until {@link Request#start()}; free it
     * when done.
     *
     * <p>The buffer: a whole {@code char[]} ({@link Datatype#UINT16_T}).
     */
    public final Request sendInit(char[] buf, int dest, int tag) {
        return sendInitCore(Downcalls.STANDARD, Buffers.of(buf), buf.length, Datatype.UINT16_T, dest, tag);
    }

    /**
     * {@code MPI_Send_init}: a persistent send in standard mode, inactive until {@link Request#start()}; free it
     * when done.
     *
     * <p>The buffer: a whole {@code int[]} ({@link Datatype#INT32_T}).
     */
    public final Request sendInit(int[] buf, int dest, int tag) {
        return sendInitCore(Downcalls.STANDARD, Buffers.of(buf), buf.length, Datatype.INT32_T, dest, tag);
    }

    /**
     * {@code MPI_Send_init}: a persistent send in standard mode, inactive until {@link Request#start()}; free it
     * when done.
     *
     * <p>The buffer: a whole {@code long[]} ({@link Datatype#INT64_T}).
     */
    public final Request sendInit(long[] buf, int dest, int tag) {
        return sendInitCore(Downcalls.STANDARD, Buffers.of(buf), buf.length, Datatype.INT64_T, dest, tag);
    }

    /**
     * {@code MPI_Send_init}: a persistent send in standard mode, inactive until {@link Request#start()}; free it
     * when done.
     *
     * <p>The buffer: a whole {@code float[]} ({@link Datatype#FLOAT}).
     */
    public final Request sendInit(float[] buf, int dest, int tag) {
        return sendInitCore(Downcalls.STANDARD, Buffers.of(buf), buf.length, Datatype.FLOAT, dest, tag);
    }

    /**
     * {@code MPI_Send_init}: a persistent send in standard mode, inactive until {@link Request#start()}; free it
     * when done.
     *
     * <p>The buffer: a whole {@code double[]} ({@link Datatype#DOUBLE}).
     */
    public final Request sendInit(double[] buf, int dest, int tag) {
        return sendInitCore(Downcalls.STANDARD, Buffers.of(buf), buf.length, Datatype.DOUBLE, dest, tag);
    }

    /**
     * {@code MPI_Send_init}: a persistent send in standard mode, inactive until {@link Request#start()}; free it
     * when done.
     *
     * <p>The buffer: {@code count} elements of the {@code byte[]} from index {@code offset} ({@link
     * Datatype#INT8_T}).
     */
    public final Request sendInit(byte[] buf, int offset, int count, int dest, int tag) {
        return sendInitCore(Downcalls.STANDARD, Buffers.of(buf, offset, count), count, Datatype.INT8_T, dest, tag);
    }

    /**
     * {@code MPI_Send_init}: a persistent send in standard mode, inactive until {@link Request#start()}; free it
     * when done.
     *
     * <p>The buffer: {@code count} elements of the {@code short[]} from index {@code offset} ({@link
     * Datatype#INT16_T}).
     */
    public final Request sendInit(short[] buf, int offset, int count, int dest, int tag) {
        return sendInitCore(Downcalls.STANDARD, Buffers.of(buf, offset, count), count, Datatype.INT16_T, dest, tag);
    }

    /**
     * {@code MPI_Send_init}: a persistent send in standard mode, inactive until {@link Request#start()}; free it
     * when done.
     *
     * <p>The buffer: {@code count} elements of the {@code char[]} from index {@code offset} ({@link
     * Datatype#UINT16_T}).
     */
    public final Request sendInit(char[] buf, int offset, int count, int dest, int tag) {
        return sendInitCore(Downcalls.STANDARD, Buffers.of(buf, offset, count), count, Datatype.UINT16_T, dest, tag);
    }

    /**
     * {@code MPI_Send_init}: a persistent send in standard mode, inactive until {@link Request#start()}; free it
     * when done.
     *
     * <p>The buffer: {@code count} elements of the {@code int[]} from index {@code offset} ({@link
     * Datatype#INT32_T}).
     */
    public final Request sendInit(int[] buf, int offset, int count, int dest, int tag) {
        return sendInitCore(Downcalls.STANDARD, Buffers.of(buf, offset, count), count, Datatype.INT32_T, dest, tag);
    }

    /**
     * {@code MPI_Send_init}: a persistent send in standard mode, inactive until {@link Request#start()}; free it
     * when done.
     *
     * <p>The buffer: {@code count} elements of the {@code long[]} from index {@code offset} ({@link
     * Datatype#INT64_T}).
     */
    public final Request sendInit(long[] buf, int offset, int count, int dest, int tag) {
        return sendInitCore(Downcalls.STANDARD, Buffers.of(buf, offset, count), count, Datatype.INT64_T, dest, tag);
    }

    /**
     * {@code MPI_Send_init}: a persistent send in standard mode, inactive until {@link Request#start()}; free it
     * when done.
     *
     * <p>The buffer: {@code count} elements of the {@code float[]} from index {@code offset} ({@link
     * Datatype#FLOAT}).
     */
    public final Request sendInit(float[] buf, int offset, int count, int dest, int tag) {
        return sendInitCore(Downcalls.STANDARD, Buffers.of(buf, offset, count), count, Datatype.FLOAT, dest, tag);
    }

    /**
     * {@code MPI_Send_init}: a persistent send in standard mode, inactive until {@link Request#start()}; free it
     * when done.
     *
     * <p>The buffer: {@code count} elements of the {@code double[]} from index {@code offset} ({@link
     * Datatype#DOUBLE}).
     */
    public final Request sendInit(double[] buf, int offset, int count, int dest, int tag) {
        return sendInitCore(Downcalls.STANDARD, Buffers.of(buf, offset, count), count, Datatype.DOUBLE, dest, tag);
    }

    /**
     * {@code MPI_Send_init}: a persistent send in standard mode, inactive until {@link Request#start()}; free it
     * when done.
     *
     * <p>The buffer: the bytes of a {@link ByteBuffer} (direct or heap) from its position to its limit ({@link
     * Datatype#BYTE}; the position is not moved).
     */
    public final Request sendInit(ByteBuffer buf, int dest, int tag) {
        MemorySegment seg = Buffers.of(buf);
        return sendInitCore(Downcalls.STANDARD, seg, seg.byteSize(), Datatype.BYTE, dest, tag);
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
        return sendInitCore(Downcalls.BUFFERED, buf, Buffers.countOfLong(buf, t), t, dest, tag);
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
        return sendInitCore(Downcalls.BUFFERED, buf, count, type, dest, tag);
    }

    /**
     * {@code MPI_Bsend_init}: a persistent send in buffered mode, inactive until {@link Request#start()}; free it
     * when done.
     *
     * <p>The buffer: a whole {@code byte[]} ({@link Datatype#INT8_T}).
     */
    public final Request bsendInit(byte[] buf, int dest, int tag) {
        return sendInitCore(Downcalls.BUFFERED, Buffers.of(buf), buf.length, Datatype.INT8_T, dest, tag);
    }

    /**
     * {@code MPI_Bsend_init}: a persistent send in buffered mode, inactive until {@link Request#start()}; free it
     * when done.
     *
     * <p>The buffer: a whole {@code short[]} ({@link Datatype#INT16_T}).
     */
    public final Request bsendInit(short[] buf, int dest, int tag) {
        return sendInitCore(Downcalls.BUFFERED, Buffers.of(buf), buf.length, Datatype.INT16_T, dest, tag);
    }

    /**
     * {@code MPI_Bsend_init}: a persistent send in buffered mode, inactive until {@link Request#start()}; free it
     * when done.
     *
     * <p>The buffer: a whole {@code char[]} ({@link Datatype#UINT16_T}).
     */
    public final Request bsendInit(char[] buf, int dest, int tag) {
        return sendInitCore(Downcalls.BUFFERED, Buffers.of(buf), buf.length, Datatype.UINT16_T, dest, tag);
    }

    /**
     * {@code MPI_Bsend_init}: a persistent send in buffered mode, inactive until {@link Request#start()}; free it
     * when done.
     *
     * <p>The buffer: a whole {@code int[]} ({@link Datatype#INT32_T}).
     */
    public final Request bsendInit(int[] buf, int dest, int tag) {
        return sendInitCore(Downcalls.BUFFERED, Buffers.of(buf), buf.length, Datatype.INT32_T, dest, tag);
    }

    /**
     * {@code MPI_Bsend_init}: a persistent send in buffered mode, inactive until {@link Request#start()}; free it
     * when done.
     *
     * <p>The buffer: a whole {@code long[]} ({@link Datatype#INT64_T}).
     */
    public final Request bsendInit(long[] buf, int dest, int tag) {
        return sendInitCore(Downcalls.BUFFERED, Buffers.of(buf), buf.length, Datatype.INT64_T, dest, tag);
    }

    /**
     * {@code MPI_Bsend_init}: a persistent send in buffered mode, inactive until {@link Request#start()}; free it
     * when done.
     *
     * <p>The buffer: a whole {@code float[]} ({@link Datatype#FLOAT}).
     */
    public final Request bsendInit(float[] buf, int dest, int tag) {
        return sendInitCore(Downcalls.BUFFERED, Buffers.of(buf), buf.length, Datatype.FLOAT, dest, tag);
    }

    /**
     * {@code MPI_Bsend_init}: a persistent send in buffered mode, inactive until {@link Request#start()}; free it
     * when done.
     *
     * <p>The buffer: a whole {@code double[]} ({@link Datatype#DOUBLE}).
     */
    public final Request bsendInit(double[] buf, int dest, int tag) {
        return sendInitCore(Downcalls.BUFFERED, Buffers.of(buf), buf.length, Datatype.DOUBLE, dest, tag);
    }

    /**
     * {@code MPI_Bsend_init}: a persistent send in buffered mode, inactive until {@link Request#start()}; free it
     * when done.
     *
     * <p>The buffer: {@code count} elements of the {@code byte[]} from index {@code offset} ({@link
     * Datatype#INT8_T}).
     */
    public final Request bsendInit(byte[] buf, int offset, int count, int dest, int tag) {
        return sendInitCore(Downcalls.BUFFERED, Buffers.of(buf, offset, count), count, Datatype.INT8_T, dest, tag);
    }

    /**
     * {@code MPI_Bsend_init}: a persistent send in buffered mode, inactive until {@link Request#start()}; free it
     * when done.
     *
     * <p>The buffer: {@code count} elements of the {@code short[]} from index {@code offset} ({@link
     * Datatype#INT16_T}).
     */
    public final Request bsendInit(short[] buf, int offset, int count, int dest, int tag) {
        return sendInitCore(Downcalls.BUFFERED, Buffers.of(buf, offset, count), count, Datatype.INT16_T, dest, tag);
    }

    /**
     * {@code MPI_Bsend_init}: a persistent send in buffered mode, inactive until {@link Request#start()}; free it
     * when done.
     *
     * <p>The buffer: {@code count} elements of the {@code char[]} from index {@code offset} ({@link
     * Datatype#UINT16_T}).
     */
    public final Request bsendInit(char[] buf, int offset, int count, int dest, int tag) {
        return sendInitCore(Downcalls.BUFFERED, Buffers.of(buf, offset, count), count, Datatype.UINT16_T, dest, tag);
    }

    /**
     * {@code MPI_Bsend_init}: a persistent send in buffered mode, inactive until {@link Request#start()}; free it
     * when done.
     *
     * <p>The buffer: {@code count} elements of the {@code int[]} from index {@code offset} ({@link
     * Datatype#INT32_T}).
     */
    public final Request bsendInit(int[] buf, int offset, int count, int dest, int tag) {
        return sendInitCore(Downcalls.BUFFERED, Buffers.of(buf, offset, count), count, Datatype.INT32_T, dest, tag);
    }

    /**
     * {@code MPI_Bsend_init}: a persistent send in buffered mode, inactive until {@link Request#start()}; free it
     * when done.
     *
     * <p>The buffer: {@code count} elements of the {@code long[]} from index {@code offset} ({@link
     * Datatype#INT64_T}).
     */
    public final Request bsendInit(long[] buf, int offset, int count, int dest, int tag) {
        return sendInitCore(Downcalls.BUFFERED, Buffers.of(buf, offset, count), count, Datatype.INT64_T, dest, tag);
    }

    /**
     * {@code MPI_Bsend_init}: a persistent send in buffered mode, inactive until {@link Request#start()}; free it
     * when done.
     *
     * <p>The buffer: {@code count} elements of the {@code float[]} from index {@code offset} ({@link
     * Datatype#FLOAT}).
     */
    public final Request bsendInit(float[] buf, int offset, int count, int dest, int tag) {
        return sendInitCore(Downcalls.BUFFERED, Buffers.of(buf, offset, count), count, Datatype.FLOAT, dest, tag);
    }

    /**
     * {@code MPI_Bsend_init}: a persistent send in buffered mode, inactive until {@link Request#start()}; free it
     * when done.
     *
     * <p>The buffer: {@code count} elements of the {@code double[]} from index {@code offset} ({@link
     * Datatype#DOUBLE}).
     */
    public final Request bsendInit(double[] buf, int offset, int count, int dest, int tag) {
        return sendInitCore(Downcalls.BUFFERED, Buffers.of(buf, offset, count), count, Datatype.DOUBLE, dest, tag);
    }

    /**
     * {@code MPI_Bsend_init}: a persistent send in buffered mode, inactive until {@link Request#start()}; free it
     * when done.
     *
     * <p>The buffer: the bytes of a {@link ByteBuffer} (direct or heap) from its position to its limit ({@link
     * Datatype#BYTE}; the position is not moved).
     */
    public final Request bsendInit(ByteBuffer buf, int dest, int tag) {
        MemorySegment seg = Buffers.of(buf);
        return sendInitCore(Downcalls.BUFFERED, seg, seg.byteSize(), Datatype.BYTE, dest, tag);
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
        return sendInitCore(Downcalls.SYNCHRONOUS, buf, Buffers.countOfLong(buf, t), t, dest, tag);
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
        return sendInitCore(Downcalls.SYNCHRONOUS, buf, count, type, dest, tag);
    }

    /**
     * {@code MPI_Ssend_init}: a persistent send in synchronous mode, inactive until {@link Request#start()}; free it
     * when done.
     *
     * <p>The buffer: a whole {@code byte[]} ({@link Datatype#INT8_T}).
     */
    public final Request ssendInit(byte[] buf, int dest, int tag) {
        return sendInitCore(Downcalls.SYNCHRONOUS, Buffers.of(buf), buf.length, Datatype.INT8_T, dest, tag);
    }

    /**
     * {@code MPI_Ssend_init}: a persistent send in synchronous mode, inactive until {@link Request#start()}; free it
     * when done.
     *
     * <p>The buffer: a whole {@code short[]} ({@link Datatype#INT16_T}).
     */
    public final Request ssendInit(short[] buf, int dest, int tag) {
        return sendInitCore(Downcalls.SYNCHRONOUS, Buffers.of(buf), buf.length, Datatype.INT16_T, dest, tag);
    }

    /**
     * {@code MPI_Ssend_init}: a persistent send in synchronous mode, inactive until {@link Request#start()}; free it
     * when done.
     *
     * <p>The buffer: a whole {@code char[]} ({@link Datatype#UINT16_T}).
     */
    public final Request ssendInit(char[] buf, int dest, int tag) {
        return sendInitCore(Downcalls.SYNCHRONOUS, Buffers.of(buf), buf.length, Datatype.UINT16_T, dest, tag);
    }

    /**
     * {@code MPI_Ssend_init}: a persistent send in synchronous mode, inactive until {@link Request#start()}; free it
     * when done.
     *
     * <p>The buffer: a whole {@code int[]} ({@link Datatype#INT32_T}).
     */
    public final Request ssendInit(int[] buf, int dest, int tag) {
        return sendInitCore(Downcalls.SYNCHRONOUS, Buffers.of(buf), buf.length, Datatype.INT32_T, dest, tag);
    }

    /**
     * {@code MPI_Ssend_init}: a persistent send in synchronous mode, inactive until {@link Request#start()}; free it
     * when done.
     *
     * <p>The buffer: a whole {@code long[]} ({@link Datatype#INT64_T}).
     */
    public final Request ssendInit(long[] buf, int dest, int tag) {
        return sendInitCore(Downcalls.SYNCHRONOUS, Buffers.of(buf), buf.length, Datatype.INT64_T, dest, tag);
    }

    /**
     * {@code MPI_Ssend_init}: a persistent send in synchronous mode, inactive until {@link Request#start()}; free it
     * when done.
     *
     * <p>The buffer: a whole {@code float[]} ({@link Datatype#FLOAT}).
     */
    public final Request ssendInit(float[] buf, int dest, int tag) {
        return sendInitCore(Downcalls.SYNCHRONOUS, Buffers.of(buf), buf.length, Datatype.FLOAT, dest, tag);
    }

    /**
     * {@code MPI_Ssend_init}: a persistent send in synchronous mode, inactive until {@link Request#start()}; free it
     * when done.
     *
     * <p>The buffer: a whole {@code double[]} ({@link Datatype#DOUBLE}).
     */
    public final Request ssendInit(double[] buf, int dest, int tag) {
        return sendInitCore(Downcalls.SYNCHRONOUS, Buffers.of(buf), buf.length, Datatype.DOUBLE, dest, tag);
    }

    /**
     * {@code MPI_Ssend_init}: a persistent send in synchronous mode, inactive until {@link Request#start()}; free it
     * when done.
     *
     * <p>The buffer: {@code count} elements of the {@code byte[]} from index {@code offset} ({@link
     * Datatype#INT8_T}).
     */
    public final Request ssendInit(byte[] buf, int offset, int count, int dest, int tag) {
        return sendInitCore(Downcalls.SYNCHRONOUS, Buffers.of(buf, offset, count), count, Datatype.INT8_T, dest, tag);
    }

    /**
     * {@code MPI_Ssend_init}: a persistent send in synchronous mode, inactive until {@link Request#start()}; free it
     * when done.
     *
     * <p>The buffer: {@code count} elements of the {@code short[]} from index {@code offset} ({@link
     * Datatype#INT16_T}).
     */
    public final Request ssendInit(short[] buf, int offset, int count, int dest, int tag) {
        return sendInitCore(Downcalls.SYNCHRONOUS, Buffers.of(buf, offset, count), count, Datatype.INT16_T, dest,
                tag);
    }

    /**
     * {@code MPI_Ssend_init}: a persistent send in synchronous mode, inactive until {@link Request#start()}; free it
     * when done.
     *
     * <p>The buffer: {@code count} elements of the {@code char[]} from index {@code offset} ({@link
     * Datatype#UINT16_T}).
     */
    public final Request ssendInit(char[] buf, int offset, int count, int dest, int tag) {
        return sendInitCore(Downcalls.SYNCHRONOUS, Buffers.of(buf, offset, count), count, Datatype.UINT16_T, dest,
                tag);
    }

    /**
     * {@code MPI_Ssend_init}: a persistent send in synchronous mode, inactive until {@link Request#start()}; free it
     * when done.
     *
     * <p>The buffer: {@code count} elements of the {@code int[]} from index {@code offset} ({@link
     * Datatype#INT32_T}).
     */
    public final Request ssendInit(int[] buf, int offset, int count, int dest, int tag) {
        return sendInitCore(Downcalls.SYNCHRONOUS, Buffers.of(buf, offset, count), count, Datatype.INT32_T, dest,
                tag);
    }

    /**
     * {@code MPI_Ssend_init}: a persistent send in synchronous mode, inactive until {@link Request#start()}; free it
     * when done.
     *
     * <p>The buffer: {@code count} elements of the {@code long[]} from index {@code offset} ({@link
     * Datatype#INT64_T}).
     */
    public final Request ssendInit(long[] buf, int offset, int count, int dest, int tag) {
        return sendInitCore(Downcalls.SYNCHRONOUS, Buffers.of(buf, offset, count), count, Datatype.INT64_T, dest,
                tag);
    }

    /**
     * {@code MPI_Ssend_init}: a persistent send in synchronous mode, inactive until {@link Request#start()}; free it
     * when done.
     *
     * <p>The buffer: {@code count} elements of the {@code float[]} from index {@code offset} ({@link
     * Datatype#FLOAT}).
     */
    public final Request ssendInit(float[] buf, int offset, int count, int dest, int tag) {
        return sendInitCore(Downcalls.SYNCHRONOUS, Buffers.of(buf, offset, count), count, Datatype.FLOAT, dest, tag);
    }

    /**
     * {@code MPI_Ssend_init}: a persistent send in synchronous mode, inactive until {@link Request#start()}; free it
     * when done.
     *
     * <p>The buffer: {@code count} elements of the {@code double[]} from index {@code offset} ({@link
     * Datatype#DOUBLE}).
     */
    public final Request ssendInit(double[] buf, int offset, int count, int dest, int tag) {
        return sendInitCore(Downcalls.SYNCHRONOUS, Buffers.of(buf, offset, count), count, Datatype.DOUBLE, dest, tag);
    }

    /**
     * {@code MPI_Ssend_init}: a persistent send in synchronous mode, inactive until {@link Request#start()}; free it
     * when done.
     *
     * <p>The buffer: the bytes of a {@link ByteBuffer} (direct or heap) from its position to its limit ({@link
     * Datatype#BYTE}; the position is not moved).
     */
    public final Request ssendInit(ByteBuffer buf, int dest, int tag) {
        MemorySegment seg = Buffers.of(buf);
        return sendInitCore(Downcalls.SYNCHRONOUS, seg, seg.byteSize(), Datatype.BYTE, dest, tag);
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
        return sendInitCore(Downcalls.READY, buf, Buffers.countOfLong(buf, t), t, dest, tag);
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
        return sendInitCore(Downcalls.READY, buf, count, type, dest, tag);
    }

    /**
     * {@code MPI_Rsend_init}: a persistent send in ready mode, inactive until {@link Request#start()}; free it when
     * done.
     *
     * <p>The buffer: a whole {@code byte[]} ({@link Datatype#INT8_T}).
     */
    public final Request rsendInit(byte[] buf, int dest, int tag) {
        return sendInitCore(Downcalls.READY, Buffers.of(buf), buf.length, Datatype.INT8_T, dest, tag);
    }

    /**
     * {@code MPI_Rsend_init}: a persistent send in ready mode, inactive until {@link Request#start()}; free it when
     * done.
     *
     * <p>The buffer: a whole {@code short[]} ({@link Datatype#INT16_T}).
     */
    public final Request rsendInit(short[] buf, int dest, int tag) {
        return sendInitCore(Downcalls.READY, Buffers.of(buf), buf.length, Datatype.INT16_T, dest, tag);
    }

    /**
     * {@code MPI_Rsend_init}: a persistent send in ready mode, inactive until {@link Request#start()}; free it when
     * done.
     *
     * <p>The buffer: a whole {@code char[]} ({@link Datatype#UINT16_T}).
     */
    public final Request rsendInit(char[] buf, int dest, int tag) {
        return sendInitCore(Downcalls.READY, Buffers.of(buf), buf.length, Datatype.UINT16_T, dest, tag);
    }

    /**
     * {@code MPI_Rsend_init}: a persistent send in ready mode, inactive until {@link Request#start()}; free it when
     * done.
     *
     * <p>The buffer: a whole {@code int[]} ({@link Datatype#INT32_T}).
     */
    public final Request rsendInit(int[] buf, int dest, int tag) {
        return sendInitCore(Downcalls.READY, Buffers.of(buf), buf.length, Datatype.INT32_T, dest, tag);
    }

    /**
     * {@code MPI_Rsend_init}: a persistent send in ready mode, inactive until {@link Request#start()}; free it when
     * done.
     *
     * <p>The buffer: a whole {@code long[]} ({@link Datatype#INT64_T}).
     */
    public final Request rsendInit(long[] buf, int dest, int tag) {
        return sendInitCore(Downcalls.READY, Buffers.of(buf), buf.length, Datatype.INT64_T, dest, tag);
    }

    /**
     * {@code MPI_Rsend_init}: a persistent send in ready mode, inactive until {@link Request#start()}; free it when
     * done.
     *
     * <p>The buffer: a whole {@code float[]} ({@link Datatype#FLOAT}).
     */
    public final Request rsendInit(float[] buf, int dest, int tag) {
        return sendInitCore(Downcalls.READY, Buffers.of(buf), buf.length, Datatype.FLOAT, dest, tag);
    }

    /**
     * {@code MPI_Rsend_init}: a persistent send in ready mode, inactive until {@link Request#start()}; free it when
     * done.
     *
     * <p>The buffer: a whole {@code double[]} ({@link Datatype#DOUBLE}).
     */
    public final Request rsendInit(double[] buf, int dest, int tag) {
        return sendInitCore(Downcalls.READY, Buffers.of(buf), buf.length, Datatype.DOUBLE, dest, tag);
    }

    /**
     * {@code MPI_Rsend_init}: a persistent send in ready mode, inactive until {@link Request#start()}; free it when
     * done.
     *
     * <p>The buffer: {@code count} elements of the {@code byte[]} from index {@code offset} ({@link
     * Datatype#INT8_T}).
     */
    public final Request rsendInit(byte[] buf, int offset, int count, int dest, int tag) {
        return sendInitCore(Downcalls.READY, Buffers.of(buf, offset, count), count, Datatype.INT8_T, dest, tag);
    }

    /**
     * {@code MPI_Rsend_init}: a persistent send in ready mode, inactive until {@link Request#start()}; free it when
     * done.
     *
     * <p>The buffer: {@code count} elements of the {@code short[]} from index {@code offset} ({@link
     * Datatype#INT16_T}).
     */
    public final Request rsendInit(short[] buf, int offset, int count, int dest, int tag) {
        return sendInitCore(Downcalls.READY, Buffers.of(buf, offset, count), count, Datatype.INT16_T, dest, tag);
    }

    /**
     * {@code MPI_Rsend_init}: a persistent send in ready mode, inactive until {@link Request#start()}; free it when
     * done.
     *
     * <p>The buffer: {@code count} elements of the {@code char[]} from index {@code offset} ({@link
     * Datatype#UINT16_T}).
     */
    public final Request rsendInit(char[] buf, int offset, int count, int dest, int tag) {
        return sendInitCore(Downcalls.READY, Buffers.of(buf, offset, count), count, Datatype.UINT16_T, dest, tag);
    }

    /**
     * {@code MPI_Rsend_init}: a persistent send in ready mode, inactive until {@link Request#start()}; free it when
     * done.
     *
     * <p>The buffer: {@code count} elements of the {@code int[]} from index {@code offset} ({@link
     * Datatype#INT32_T}).
     */
    public final Request rsendInit(int[] buf, int offset, int count, int dest, int tag) {
        return sendInitCore(Downcalls.READY, Buffers.of(buf, offset, count), count, Datatype.INT32_T, dest, tag);
    }

    /**
     * {@code MPI_Rsend_init}: a persistent send in ready mode, inactive until {@link Request#start()}; free it when
     * done.
     *
     * <p>The buffer: {@code count} elements of the {@code long[]} from index {@code offset} ({@link
     * Datatype#INT64_T}).
     */
    public final Request rsendInit(long[] buf, int offset, int count, int dest, int tag) {
        return sendInitCore(Downcalls.READY, Buffers.of(buf, offset, count), count, Datatype.INT64_T, dest, tag);
    }

    /**
     * {@code MPI_Rsend_init}: a persistent send in ready mode, inactive until {@link Request#start()}; free it when
     * done.
     *
     * <p>The buffer: {@code count} elements of the {@code float[]} from index {@code offset} ({@link
     * Datatype#FLOAT}).
     */
    public final Request rsendInit(float[] buf, int offset, int count, int dest, int tag) {
        return sendInitCore(Downcalls.READY, Buffers.of(buf, offset, count), count, Datatype.FLOAT, dest, tag);
    }

    /**
     * {@code MPI_Rsend_init}: a persistent send in ready mode, inactive until {@link Request#start()}; free it when
     * done.
     *
     * <p>The buffer: {@code count} elements of the {@code double[]} from index {@code offset} ({@link
     * Datatype#DOUBLE}).
     */
    public final Request rsendInit(double[] buf, int offset, int count, int dest, int tag) {
        return sendInitCore(Downcalls.READY, Buffers.of(buf, offset, count), count, Datatype.DOUBLE, dest, tag);
    }

    /**
     * {@code MPI_Rsend_init}: a persistent send in ready mode, inactive until {@link Request#start()}; free it when
     * done.
     *
     * <p>The buffer: the bytes of a {@link ByteBuffer} (direct or heap) from its position to its limit ({@link
     * Datatype#BYTE}; the position is not moved).
     */
    public final Request rsendInit(ByteBuffer buf, int dest, int tag) {
        MemorySegment seg = Buffers.of(buf);
        return sendInitCore(Downcalls.READY, seg, seg.byteSize(), Datatype.BYTE, dest, tag);
    }

    /**
     * {@code MPI_Recv_init}: a persistent receive, inactive until {@link Request#start()}; free it when done.
     *
     * <p>The buffer: a whole segment, its datatype inferred (the element type of the array behind a heap segment,
     * {@link Datatype#BYTE} for native memory).
     */
    public final Request recvInit(MemorySegment buf, int source, int tag) {
        Datatype t = Buffers.typeOf(Errors.checkNotNull(buf, "buffer"));
        return irecvCore(buf, Buffers.countOfLong(buf, t), t, source, tag, true);
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
        return irecvCore(buf, count, type, source, tag, true);
    }

    /**
     * {@code MPI_Recv_init}: a persistent receive, inactive until {@link Request#start()}; free it when done.
     *
     * <p>The buffer: a whole {@code byte[]} ({@link Datatype#INT8_T}).
     */
    public final Request recvInit(byte[] buf, int source, int tag) {
        return irecvCore(Buffers.of(buf), buf.length, Datatype.INT8_T, source, tag, true);
    }

    /**
     * {@code MPI_Recv_init}: a persistent receive, inactive until {@link Request#start()}; free it when done.
     *
     * <p>The buffer: a whole {@code short[]} ({@link Datatype#INT16_T}).
     */
    public final Request recvInit(short[] buf, int source, int tag) {
        return irecvCore(Buffers.of(buf), buf.length, Datatype.INT16_T, source, tag, true);
    }

    /**
     * {@code MPI_Recv_init}: a persistent receive, inactive until {@link Request#start()}; free it when done.
     *
     * <p>The buffer: a whole {@code char[]} ({@link Datatype#UINT16_T}).
     */
    public final Request recvInit(char[] buf, int source, int tag) {
        return irecvCore(Buffers.of(buf), buf.length, Datatype.UINT16_T, source, tag, true);
    }

    /**
     * {@code MPI_Recv_init}: a persistent receive, inactive until {@link Request#start()}; free it when done.
     *
     * <p>The buffer: a whole {@code int[]} ({@link Datatype#INT32_T}).
     */
    public final Request recvInit(int[] buf, int source, int tag) {
        return irecvCore(Buffers.of(buf), buf.length, Datatype.INT32_T, source, tag, true);
    }

    /**
     * {@code MPI_Recv_init}: a persistent receive, inactive until {@link Request#start()}; free it when done.
     *
     * <p>The buffer: a whole {@code long[]} ({@link Datatype#INT64_T}).
     */
    public final Request recvInit(long[] buf, int source, int tag) {
        return irecvCore(Buffers.of(buf), buf.length, Datatype.INT64_T, source, tag, true);
    }

    /**
     * {@code MPI_Recv_init}: a persistent receive, inactive until {@link Request#start()}; free it when done.
     *
     * <p>The buffer: a whole {@code float[]} ({@link Datatype#FLOAT}).
     */
    public final Request recvInit(float[] buf, int source, int tag) {
        return irecvCore(Buffers.of(buf), buf.length, Datatype.FLOAT, source, tag, true);
    }

    /**
     * {@code MPI_Recv_init}: a persistent receive, inactive until {@link Request#start()}; free it when done.
     *
     * <p>The buffer: a whole {@code double[]} ({@link Datatype#DOUBLE}).
     */
    public final Request recvInit(double[] buf, int source, int tag) {
        return irecvCore(Buffers.of(buf), buf.length, Datatype.DOUBLE, source, tag, true);
    }

    /**
     * {@code MPI_Recv_init}: a persistent receive, inactive until {@link Request#start()}; free it when done.
     *
     * <p>The buffer: {@code count} elements of the {@code byte[]} from index {@code offset} ({@link
     * Datatype#INT8_T}).
     */
    public final Request recvInit(byte[] buf, int offset, int count, int source, int tag) {
        return irecvCore(Buffers.of(buf, offset, count), count, Datatype.INT8_T, source, tag, true);
    }

    /**
     * {@code MPI_Recv_init}: a persistent receive, inactive until {@link Request#start()}; free it when done.
     *
     * <p>The buffer: {@code count} elements of the {@code short[]} from index {@code offset} ({@link
     * Datatype#INT16_T}).
     */
    public final Request recvInit(short[] buf, int offset, int count, int source, int tag) {
        return irecvCore(Buffers.of(buf, offset, count), count, Datatype.INT16_T, source, tag, true);
    }

    /**
     * {@code MPI_Recv_init}: a persistent receive, inactive until {@link Request#start()}; free it when done.
     *
     * <p>The buffer: {@code count} elements of the {@code char[]} from index {@code offset} ({@link
     * Datatype#UINT16_T}).
     */
    public final Request recvInit(char[] buf, int offset, int count, int source, int tag) {
        return irecvCore(Buffers.of(buf, offset, count), count, Datatype.UINT16_T, source, tag, true);
    }

    /**
     * {@code MPI_Recv_init}: a persistent receive, inactive until {@link Request#start()}; free it when done.
     *
     * <p>The buffer: {@code count} elements of the {@code int[]} from index {@code offset} ({@link
     * Datatype#INT32_T}).
     */
    public final Request recvInit(int[] buf, int offset, int count, int source, int tag) {
        return irecvCore(Buffers.of(buf, offset, count), count, Datatype.INT32_T, source, tag, true);
    }

    /**
     * {@code MPI_Recv_init}: a persistent receive, inactive until {@link Request#start()}; free it when done.
     *
     * <p>The buffer: {@code count} elements of the {@code long[]} from index {@code offset} ({@link
     * Datatype#INT64_T}).
     */
    public final Request recvInit(long[] buf, int offset, int count, int source, int tag) {
        return irecvCore(Buffers.of(buf, offset, count), count, Datatype.INT64_T, source, tag, true);
    }

    /**
     * {@code MPI_Recv_init}: a persistent receive, inactive until {@link Request#start()}; free it when done.
     *
     * <p>The buffer: {@code count} elements of the {@code float[]} from index {@code offset} ({@link
     * Datatype#FLOAT}).
     */
    public final Request recvInit(float[] buf, int offset, int count, int source, int tag) {
        return irecvCore(Buffers.of(buf, offset, count), count, Datatype.FLOAT, source, tag, true);
    }

    /**
     * {@code MPI_Recv_init}: a persistent receive, inactive until {@link Request#start()}; free it when done.
     *
     * <p>The buffer: {@code count} elements of the {@code double[]} from index {@code offset} ({@link
     * Datatype#DOUBLE}).
     */
    public final Request recvInit(double[] buf, int offset, int count, int source, int tag) {
        return irecvCore(Buffers.of(buf, offset, count), count, Datatype.DOUBLE, source, tag, true);
    }

    /**
     * {@code MPI_Recv_init}: a persistent receive, inactive until {@link Request#start()}; free it when done.
     *
     * <p>The buffer: the bytes of a {@link ByteBuffer} (direct or heap) from its position to its limit ({@link
     * Datatype#BYTE}; the position is not moved).
     */
    public final Request recvInit(ByteBuffer buf, int source, int tag) {
        MemorySegment seg = Buffers.of(buf);
        return irecvCore(seg, seg.byteSize(), Datatype.BYTE, source, tag, true);
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
        Errors.check(mpi_h.MPI_Probe(source, tag, handle(), s.status), "MPI_Probe");
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
        fill(status, s);
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
        Errors.check(mpi_h.MPI_Mprobe(source, tag, handle(), s.handle0, s.status), "MPI_Mprobe");
        fill(status, s);
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
        fill(status, s);
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
     * Starts sending an object; the object is serialized (and its arrays copied) before this
     * returns, so it may be changed at once.
     *
     * @throws SerializationException if the object cannot be serialized (nothing is sent)
     */
    public final ObjectRequest<Void> isendObject(Object obj, int dest, int tag) {
        return ObjectTransport.isend(this, obj, dest, tag, ObjectTransport.Mode.STANDARD);
    }

    /** {@link #isendObject} in synchronous mode: completes once the receive has started. */
    public final ObjectRequest<Void> issendObject(Object obj, int dest, int tag) {
        return ObjectTransport.isend(this, obj, dest, tag, ObjectTransport.Mode.SYNCHRONOUS);
    }

    /** {@link #isendObject} in buffered mode (see {@link #bsendObject}). */
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
        Errors.check(mpi_h.MPI_Mprobe(source, tag, c, s.handle0, s.status), "MPI_Mprobe");
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
}
