package org.mpi4j;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.OptionalInt;
import org.mpi4j.ffi.mpi_h;

/**
 * A communicator ({@code MPI_Comm}): a group of processes and a context in which they exchange
 * messages. This class holds what every communicator can do (point-to-point, management);
 * {@link Intracomm} adds the collectives.
 *
 * <p>Buffers: a {@link MemorySegment} (native or backed by a Java array) or a primitive array. The
 * datatype is inferred: the array's element type, or {@link Datatype#BYTE} for native memory; the
 * explicit {@code (buffer, count, datatype)} forms take any datatype. Counts and ranks are checked
 * before the native call.
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

    private static MemorySegment statusOut(Status status, Scratch s) {
        return status == null ? mpi_h.MPI_STATUS_IGNORE() : s.status;
    }

    private static void fill(Status status, Scratch s) {
        if (status != null) {
            status.fill(s.status);
        }
    }

    // ---- point-to-point: blocking -------------------------------------------------------------

    /**
     * {@code MPI_Send} of {@code count} elements of {@code type} from {@code buf}.
     *
     * @throws IllegalArgumentException if {@code buf} is too small, or {@code dest}/{@code tag} is invalid
     */
    public final void send(MemorySegment buf, long count, Datatype type, int dest, int tag) {
        Buffers.check(buf, count, type);
        Errors.check(Downcalls.send(buf, (int) count, type.handle(), checkDest(dest), checkSendTag(tag), handle()),
                "MPI_Send");
    }

    /** {@code MPI_Send} of a whole segment, its datatype inferred (see the class comment). */
    public final void send(MemorySegment buf, int dest, int tag) {
        Datatype t = Buffers.typeOf(Errors.checkNotNull(buf, "buffer"));
        send(buf, Buffers.countOf(buf, t), t, dest, tag);
    }

    /** {@code MPI_Send} of a whole {@code byte[]}. */
    public final void send(byte[] buf, int dest, int tag) {
        send(MemorySegment.ofArray(buf), buf.length, Datatype.INT8_T, dest, tag);
    }

    /** {@code MPI_Send} of a whole {@code int[]}. */
    public final void send(int[] buf, int dest, int tag) {
        send(MemorySegment.ofArray(buf), buf.length, Datatype.INT32_T, dest, tag);
    }

    /** {@code MPI_Send} of a whole {@code long[]}. */
    public final void send(long[] buf, int dest, int tag) {
        send(MemorySegment.ofArray(buf), buf.length, Datatype.INT64_T, dest, tag);
    }

    /** {@code MPI_Send} of a whole {@code double[]}. */
    public final void send(double[] buf, int dest, int tag) {
        send(MemorySegment.ofArray(buf), buf.length, Datatype.DOUBLE, dest, tag);
    }

    /**
     * {@code MPI_Recv} of up to {@code count} elements of {@code type} into {@code buf}.
     *
     * @param status filled with the source, tag and size of the message; may be null
     * @throws MpiException with {@link ErrorClass#ERR_TRUNCATE} if the message is longer than {@code count}
     */
    public final void recv(MemorySegment buf, long count, Datatype type, int source, int tag, Status status) {
        Buffers.check(buf, count, type);
        Scratch s = Scratch.get();
        Errors.check(Downcalls.recv(buf, (int) count, type.handle(), checkSource(source), checkRecvTag(tag), handle(),
                statusOut(status, s)), "MPI_Recv");
        fill(status, s);
    }

    /** {@code MPI_Recv} into a whole segment, its datatype inferred. */
    public final void recv(MemorySegment buf, int source, int tag, Status status) {
        Datatype t = Buffers.typeOf(Errors.checkNotNull(buf, "buffer"));
        recv(buf, Buffers.countOf(buf, t), t, source, tag, status);
    }

    /** {@code MPI_Recv} into a whole segment, its datatype inferred, ignoring the status. */
    public final void recv(MemorySegment buf, int source, int tag) {
        recv(buf, source, tag, null);
    }

    /** {@code MPI_Recv} into a whole {@code byte[]}. */
    public final void recv(byte[] buf, int source, int tag, Status status) {
        recv(MemorySegment.ofArray(buf), buf.length, Datatype.INT8_T, source, tag, status);
    }

    /** {@code MPI_Recv} into a whole {@code int[]}. */
    public final void recv(int[] buf, int source, int tag, Status status) {
        recv(MemorySegment.ofArray(buf), buf.length, Datatype.INT32_T, source, tag, status);
    }

    /** {@code MPI_Recv} into a whole {@code long[]}. */
    public final void recv(long[] buf, int source, int tag, Status status) {
        recv(MemorySegment.ofArray(buf), buf.length, Datatype.INT64_T, source, tag, status);
    }

    /** {@code MPI_Recv} into a whole {@code double[]}. */
    public final void recv(double[] buf, int source, int tag, Status status) {
        recv(MemorySegment.ofArray(buf), buf.length, Datatype.DOUBLE, source, tag, status);
    }

    /** {@code MPI_Sendrecv}: sends and receives in one call, without deadlock between pairs. */
    public final void sendrecv(MemorySegment sendBuf, long sendCount, Datatype sendType, int dest, int sendTag,
            MemorySegment recvBuf, long recvCount, Datatype recvType, int source, int recvTag, Status status) {
        Buffers.check(sendBuf, sendCount, sendType);
        Buffers.check(recvBuf, recvCount, recvType);
        Scratch s = Scratch.get();
        Errors.check(Downcalls.sendrecv(sendBuf, (int) sendCount, sendType.handle(), checkDest(dest),
                checkSendTag(sendTag), recvBuf, (int) recvCount, recvType.handle(), checkSource(source),
                checkRecvTag(recvTag), handle(), statusOut(status, s)), "MPI_Sendrecv");
        fill(status, s);
    }

    /** {@code MPI_Sendrecv} of whole segments, datatypes inferred. */
    public final void sendrecv(MemorySegment sendBuf, int dest, int sendTag, MemorySegment recvBuf, int source,
            int recvTag, Status status) {
        Datatype st = Buffers.typeOf(Errors.checkNotNull(sendBuf, "send buffer"));
        Datatype rt = Buffers.typeOf(Errors.checkNotNull(recvBuf, "receive buffer"));
        sendrecv(sendBuf, Buffers.countOf(sendBuf, st), st, dest, sendTag, recvBuf, Buffers.countOf(recvBuf, rt), rt,
                source, recvTag, status);
    }

    /** {@code MPI_Sendrecv} of whole {@code int[]}s. */
    public final void sendrecv(int[] sendBuf, int dest, int sendTag, int[] recvBuf, int source, int recvTag,
            Status status) {
        sendrecv(MemorySegment.ofArray(sendBuf), sendBuf.length, Datatype.INT32_T, dest, sendTag,
                MemorySegment.ofArray(recvBuf), recvBuf.length, Datatype.INT32_T, source, recvTag, status);
    }

    /** {@code MPI_Sendrecv} of whole {@code double[]}s. */
    public final void sendrecv(double[] sendBuf, int dest, int sendTag, double[] recvBuf, int source, int recvTag,
            Status status) {
        sendrecv(MemorySegment.ofArray(sendBuf), sendBuf.length, Datatype.DOUBLE, dest, sendTag,
                MemorySegment.ofArray(recvBuf), recvBuf.length, Datatype.DOUBLE, source, recvTag, status);
    }

    // ---- probe ----------------------------------------------------------------------------------

    /** {@code MPI_Probe}: waits for a matching message without receiving it. */
    public final Status probe(int source, int tag) {
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Probe(checkSource(source), checkRecvTag(tag), handle(), s.status), "MPI_Probe");
        Status status = new Status();
        status.fill(s.status);
        return status;
    }

    /**
     * {@code MPI_Iprobe}: checks for a matching message without waiting.
     *
     * @return its status, or null if there is none yet
     */
    public final Status iprobe(int source, int tag) {
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Iprobe(checkSource(source), checkRecvTag(tag), handle(), s.int0, s.status),
                "MPI_Iprobe");
        if (s.int0() == 0) {
            return null;
        }
        Status status = new Status();
        status.fill(s.status);
        return status;
    }
}
