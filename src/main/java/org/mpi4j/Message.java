package org.mpi4j;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.mpi4j.ffi.mpi_h;
import org.mpi4j.internal.Downcalls;
import org.mpi4j.internal.OpenMpiAbi;
import org.mpi4j.internal.Scratch;
import org.mpi4j.internal.Staged;

/**
 * A message matched by {@link Comm#mprobe} or {@link Comm#improbe} ({@code MPI_Message}): taken
 * out of the message queue, so that it can only be received here, with {@link #mrecv} or
 * {@link #imrecv}, exactly once. The way to receive a message of unknown size in a multithreaded
 * program: {@code mprobe}, size a buffer from the status, {@code mrecv}.
 *
 * <p>Buffers are given as in {@link Comm}'s receives; Java arrays are handled as there.
 */
public final class Message {
    private static final MemorySegment NULL_HANDLE = OpenMpiAbi.predefined("MPI_MESSAGE_NULL");
    private static final MemorySegment NO_PROC_HANDLE = OpenMpiAbi.predefined("MPI_MESSAGE_NO_PROC");

    /**
     * {@code MPI_MESSAGE_NO_PROC}: the message a probe of {@link MPI#PROC_NULL} matches; receiving it
     * moves no data.
     */
    public static final Message NO_PROC = new Message(NO_PROC_HANDLE, 0);

    /** The handle; {@code MPI_MESSAGE_NULL} once received. */
    private MemorySegment handle;
    /** The size of the message in bytes, from the probe. */
    private final long byteCount;

    private Message(MemorySegment handle, long byteCount) {
        this.handle = handle;
        this.byteCount = byteCount;
    }

    /** Wraps the handle a matched probe returned for a message of {@code byteCount} bytes. */
    static Message of(MemorySegment handle, long byteCount) {
        return handle.equals(NO_PROC_HANDLE) ? NO_PROC : new Message(handle, byteCount);
    }

    /**
     * Wraps a raw {@code MPI_Message} matched elsewhere ({@code MPI_Mprobe} in a native library), of
     * {@code byteCount} bytes (from that probe's status: mpi4j refuses to receive into a buffer that
     * is too small, before MPI truncates).
     */
    public static Message fromHandle(MemorySegment handle, long byteCount) {
        Errors.checkNotNull(handle, "message handle");
        if (handle.address() == 0) {
            throw new IllegalArgumentException("the C null pointer is not a valid message handle");
        }
        if (byteCount < 0) {
            throw new IllegalArgumentException("negative byte count: " + byteCount);
        }
        Environment.ensureInitialized();
        MemorySegment h = MemorySegment.ofAddress(handle.address());
        if (!h.equals(NO_PROC_HANDLE) && !h.equals(OpenMpiAbi.predefined("MPI_MESSAGE_NULL"))) {
            NativeHandle.checkReadable(h, "message");
        }
        return of(h, byteCount);
    }

    /** {@code MPI_Message_f2c}, as {@link #fromHandle}; an integer that names no message is refused. */
    public static Message fromFortran(int fortranHandle, long byteCount) {
        Environment.ensureInitialized();
        MemorySegment h = mpi_h.MPI_Message_f2c(fortranHandle);
        if (h.address() == 0) {
            throw new IllegalArgumentException(fortranHandle + " is not a valid Fortran message handle");
        }
        return fromHandle(h, byteCount);
    }

    /** The raw {@code MPI_Message} ({@code MPI_MESSAGE_NULL} once received), for a native library. */
    public MemorySegment toHandle() {
        Environment.ensureInitialized();
        return handle;
    }

    /** {@code MPI_Message_c2f}: the Fortran integer handle of this message. */
    public int toFortran() {
        Environment.ensureInitialized();
        return mpi_h.MPI_Message_c2f(handle);
    }

    /** The size of the message in bytes. */
    public long byteCount() {
        return byteCount;
    }

    /**
     * Receives the matched message {@code ref} points to into scratch memory and throws
     * {@link ErrorClass#ERR_TRUNCATE}: what a receive does when it knows beforehand that the message
     * is longer than its buffer. Open MPI 4.1 itself writes past the end of the buffer when it
     * truncates a message above the eager limit (it crashes C and mpi4py programs alike), so mpi4j
     * never lets it truncate one where the size is known; the receive buffer is left unchanged.
     */
    static void discard(MemorySegment ref, long bytes, String function) {
        Drain.mrecv(ref, bytes); // in 64 KiB, whatever the size
        throw Errors.failure(mpi_h.MPI_ERR_TRUNCATE(), function);
    }

    /** Throws (after discarding the message) if it is longer than {@code count} elements of {@code type}. */
    private void checkFits(MemorySegment ref, long count, Datatype type, String function) {
        if (byteCount > count * type.size()) {
            MemorySegment h = ref.get(ValueLayout.ADDRESS, 0);
            try {
                discard(ref, byteCount, function);
            } finally {
                handle = ref.get(ValueLayout.ADDRESS, 0);
                if (handle.equals(h)) {
                    handle = NULL_HANDLE;
                }
            }
        }
    }

    /** Whether this message has been received (its handle is {@code MPI_MESSAGE_NULL}). */
    public boolean isReceived() {
        return handle.equals(NULL_HANDLE);
    }

    /** Whether this is {@link #NO_PROC}. */
    public boolean isNoProc() {
        return handle.equals(NO_PROC_HANDLE);
    }

    /** Puts this message's handle into {@code ref} for a call that consumes it. */
    private MemorySegment load(MemorySegment ref) {
        if (isReceived()) {
            throw new IllegalStateException("this message has been received already");
        }
        Environment.ensureInitialized();
        ref.set(ValueLayout.ADDRESS, 0, handle);
        return ref;
    }

    /** Records the handle MPI left after a receive ({@link #NO_PROC} stays as it is). */
    private void consumed(MemorySegment ref) {
        if (this != NO_PROC) {
            handle = ref.get(ValueLayout.ADDRESS, 0);
        }
    }

    private void mrecvCore(MemorySegment buf, long count, Datatype type, Status status) {
        MpiCallEvent ev = MpiCallEvent.ENABLED ? MpiCallEvent.start() : null;
        long bytes = Buffers.span(buf, count, type);
        Buffers.checkWritable(buf);
        Scratch s = Scratch.get();
        MemorySegment ref = load(s.handle1);
        checkFits(ref, count, type, "MPI_Mrecv");
        MemorySegment st = status == null ? mpi_h.MPI_STATUS_IGNORE() : s.status;
        int rc;
        if (count > Buffers.INT_MAX) {
            MemorySegment t = Buffers.mpiType(count, type);
            try {
                rc = Downcalls.mrecv(buf, 1, t, ref, st);
            } finally {
                Buffers.releaseType(t, type);
            }
        } else if (Buffers.stages(buf, bytes)) {
            boolean contiguous = Buffers.contiguous(type);
            MemorySegment r = Buffers.stage(1, buf, bytes, !contiguous);
            rc = Downcalls.mrecv(r, (int) count, type.handle(), ref, s.status);
            if (rc == mpi_h.MPI_SUCCESS()) {
                Buffers.unstage(r, buf, contiguous ? Math.min(bytes, OpenMpiAbi.statusBytes(s.status))
                        : bytes);
            }
        } else {
            // the message has arrived (matched): a critical call does not wait for another thread
            rc = Downcalls.mrecv(buf, (int) count, type.handle(), ref, st);
        }
        consumed(ref);
        Errors.check(rc, "MPI_Mrecv");
        if (ev != null) {
            ev.done("MPI_Mrecv", null, MpiCallEvent.NO_PEER, MpiCallEvent.NO_TAG, bytes);
        }
        if (status != null) {
            status.fill(s.status);
        }
    }

    private Request imrecvCore(MemorySegment buf, long count, Datatype type) {
        long bytes = Buffers.span(buf, count, type);
        Buffers.checkWritable(buf);
        Scratch s = Scratch.get();
        MemorySegment ref = load(s.handle1);
        checkFits(ref, count, type, "MPI_Imrecv");
        boolean contiguous = Buffers.contiguous(type);
        Staged staged = buf.isNative() ? null : Staged.of(buf, bytes, !contiguous);
        MemorySegment b = staged == null ? buf : staged.segment();
        MemorySegment t = Buffers.mpiType(count, type);
        int rc;
        try {
            rc = mpi_h.MPI_Imrecv(b, Buffers.mpiCount(count), t, ref, s.handle0);
        } finally {
            Buffers.releaseType(t, type);
        }
        consumed(ref);
        if (rc != mpi_h.MPI_SUCCESS() && staged != null) {
            staged.release();
        }
        Errors.check(rc, "MPI_Imrecv");
        return staged == null ? new Request(s.handle0(), false, buf, null)
                : Request.staged(s.handle0(), false, staged,
                        contiguous ? Request.STAGE_RECV_RECEIVED : Request.STAGE_RECV_ALL);
    }

    @Override
    public String toString() {
        return isNoProc() ? "Message[NO_PROC]" : isReceived() ? "Message[received]" : "Message[pending]";
    }

    /**
     * {@code MPI_Mrecv}: receives this message.
     *
     * <p>The buffer: a whole segment, its datatype inferred (the element type of the array behind a heap segment,
     * {@link Datatype#BYTE} for native memory).
     */
    public void mrecv(MemorySegment buf, Status status) {
        Datatype t = Buffers.typeOf(Errors.checkNotNull(buf, "buffer"));
        mrecvCore(buf, Buffers.countOfLong(buf, t), t, status);
    }

    /**
     * {@code MPI_Mrecv}: receives this message.
     *
     * <p>The buffer: {@code count} elements of {@code type} (any datatype, any count).
     *
     * @param status filled with the source, tag and size of the message; may be null
     * @throws IllegalStateException if the message has been received already
     * @throws MpiException with {@link ErrorClass#ERR_TRUNCATE} if the message is longer than {@code count}
     */
    public void mrecv(MemorySegment buf, long count, Datatype type, Status status) {
        mrecvCore(buf, count, type, status);
    }

    /**
     * {@code MPI_Mrecv}: receives this message.
     *
     * <p>The buffer: a whole {@code byte[]} ({@link Datatype#INT8_T}).
     */
    public void mrecv(byte[] buf, Status status) {
        Errors.checkNotNull(buf, "buf");
        mrecvCore(Buffers.of(buf), buf.length, Datatype.INT8_T, status);
    }

    /**
     * {@code MPI_Mrecv}: receives this message.
     *
     * <p>The buffer: a whole {@code short[]} ({@link Datatype#INT16_T}).
     */
    public void mrecv(short[] buf, Status status) {
        Errors.checkNotNull(buf, "buf");
        mrecvCore(Buffers.of(buf), buf.length, Datatype.INT16_T, status);
    }

    /**
     * {@code MPI_Mrecv}: receives this message.
     *
     * <p>The buffer: a whole {@code char[]} ({@link Datatype#UINT16_T}).
     */
    public void mrecv(char[] buf, Status status) {
        Errors.checkNotNull(buf, "buf");
        mrecvCore(Buffers.of(buf), buf.length, Datatype.UINT16_T, status);
    }

    /**
     * {@code MPI_Mrecv}: receives this message.
     *
     * <p>The buffer: a whole {@code int[]} ({@link Datatype#INT32_T}).
     */
    public void mrecv(int[] buf, Status status) {
        Errors.checkNotNull(buf, "buf");
        mrecvCore(Buffers.of(buf), buf.length, Datatype.INT32_T, status);
    }

    /**
     * {@code MPI_Mrecv}: receives this message.
     *
     * <p>The buffer: a whole {@code long[]} ({@link Datatype#INT64_T}).
     */
    public void mrecv(long[] buf, Status status) {
        Errors.checkNotNull(buf, "buf");
        mrecvCore(Buffers.of(buf), buf.length, Datatype.INT64_T, status);
    }

    /**
     * {@code MPI_Mrecv}: receives this message.
     *
     * <p>The buffer: a whole {@code float[]} ({@link Datatype#FLOAT}).
     */
    public void mrecv(float[] buf, Status status) {
        Errors.checkNotNull(buf, "buf");
        mrecvCore(Buffers.of(buf), buf.length, Datatype.FLOAT, status);
    }

    /**
     * {@code MPI_Mrecv}: receives this message.
     *
     * <p>The buffer: a whole {@code double[]} ({@link Datatype#DOUBLE}).
     */
    public void mrecv(double[] buf, Status status) {
        Errors.checkNotNull(buf, "buf");
        mrecvCore(Buffers.of(buf), buf.length, Datatype.DOUBLE, status);
    }

    /**
     * {@code MPI_Imrecv}: starts receiving this message; complete the returned request.
     *
     * <p>The buffer: a whole segment, its datatype inferred (the element type of the array behind a heap segment,
     * {@link Datatype#BYTE} for native memory).
     */
    public Request imrecv(MemorySegment buf) {
        Datatype t = Buffers.typeOf(Errors.checkNotNull(buf, "buffer"));
        return imrecvCore(buf, Buffers.countOfLong(buf, t), t);
    }

    /**
     * {@code MPI_Imrecv}: starts receiving this message; complete the returned request.
     *
     * <p>The buffer: {@code count} elements of {@code type} (any datatype, any count).
     *
     * @return the request; the buffer holds the message once it completes
     * @throws IllegalStateException if the message has been received already
     */
    public Request imrecv(MemorySegment buf, long count, Datatype type) {
        return imrecvCore(buf, count, type);
    }

    /**
     * {@code MPI_Imrecv}: starts receiving this message; complete the returned request.
     *
     * <p>The buffer: a whole {@code byte[]} ({@link Datatype#INT8_T}).
     */
    public Request imrecv(byte[] buf) {
        Errors.checkNotNull(buf, "buf");
        return imrecvCore(Buffers.of(buf), buf.length, Datatype.INT8_T);
    }

    /**
     * {@code MPI_Imrecv}: starts receiving this message; complete the returned request.
     *
     * <p>The buffer: a whole {@code short[]} ({@link Datatype#INT16_T}).
     */
    public Request imrecv(short[] buf) {
        Errors.checkNotNull(buf, "buf");
        return imrecvCore(Buffers.of(buf), buf.length, Datatype.INT16_T);
    }

    /**
     * {@code MPI_Imrecv}: starts receiving this message; complete the returned request.
     *
     * <p>The buffer: a whole {@code char[]} ({@link Datatype#UINT16_T}).
     */
    public Request imrecv(char[] buf) {
        Errors.checkNotNull(buf, "buf");
        return imrecvCore(Buffers.of(buf), buf.length, Datatype.UINT16_T);
    }

    /**
     * {@code MPI_Imrecv}: starts receiving this message; complete the returned request.
     *
     * <p>The buffer: a whole {@code int[]} ({@link Datatype#INT32_T}).
     */
    public Request imrecv(int[] buf) {
        Errors.checkNotNull(buf, "buf");
        return imrecvCore(Buffers.of(buf), buf.length, Datatype.INT32_T);
    }

    /**
     * {@code MPI_Imrecv}: starts receiving this message; complete the returned request.
     *
     * <p>The buffer: a whole {@code long[]} ({@link Datatype#INT64_T}).
     */
    public Request imrecv(long[] buf) {
        Errors.checkNotNull(buf, "buf");
        return imrecvCore(Buffers.of(buf), buf.length, Datatype.INT64_T);
    }

    /**
     * {@code MPI_Imrecv}: starts receiving this message; complete the returned request.
     *
     * <p>The buffer: a whole {@code float[]} ({@link Datatype#FLOAT}).
     */
    public Request imrecv(float[] buf) {
        Errors.checkNotNull(buf, "buf");
        return imrecvCore(Buffers.of(buf), buf.length, Datatype.FLOAT);
    }

    /**
     * {@code MPI_Imrecv}: starts receiving this message; complete the returned request.
     *
     * <p>The buffer: a whole {@code double[]} ({@link Datatype#DOUBLE}).
     */
    public Request imrecv(double[] buf) {
        Errors.checkNotNull(buf, "buf");
        return imrecvCore(Buffers.of(buf), buf.length, Datatype.DOUBLE);
    }

}
