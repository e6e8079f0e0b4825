package org.mpi4j;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.mpi4j.ffi.mpi_h;
import org.mpi4j.internal.Downcalls;
import org.mpi4j.internal.OpenMpiAbi;
import org.mpi4j.internal.Scratch;
import org.mpi4j.internal.Staged;

/**
 * The point-to-point family's message converter (mpi4py's {@code _p_msg_p2p}): every public
 * send, receive and probe-receive of {@link Comm} and {@link Message} is a few lines over one of
 * these cores, which check the buffer against its count and datatype, the rank and the tag once,
 * before the native call, and decide once how the memory reaches MPI.
 *
 * <p>Java arrays (heap memory) in blocking calls: up to {@link Buffers#STAGE_LIMIT} bytes are
 * copied through per-thread native memory; larger ones are passed in place by a critical downcall,
 * except receives, which first wait for the message with {@code MPI_Mprobe} (not critical, so the
 * garbage collector runs while they wait) and then take it with a critical {@code MPI_Mrecv}.
 * Nonblocking and persistent calls always stage Java arrays in native memory owned by the
 * {@link Request}.
 */
final class P2pMessage {
    private P2pMessage() {
    }


    /** Checks a send's buffer against its count and datatype, and its rank and tag; the bytes it spans. */
    static long checkSend(Comm self, MemorySegment buf, long count, Datatype type, int dest, int tag) {
        long bytes = Buffers.span(buf, count, type);
        self.checkDest(dest);
        self.checkSendTag(tag);
        return bytes;
    }

    /** Checks a receive's buffer (writable, large enough), source and tag; the bytes it spans. */
    static long checkRecv(Comm self, MemorySegment buf, long count, Datatype type, int source, int tag) {
        long bytes = Buffers.span(buf, count, type);
        Buffers.checkWritable(buf);
        self.checkSource(source);
        self.checkRecvTag(tag);
        return bytes;
    }

    static MemorySegment statusOut(Status status, Scratch s) {
        return status == null ? mpi_h.MPI_STATUS_IGNORE() : s.status;
    }

    static void fill(Status status, Scratch s) {
        if (status != null) {
            status.fill(s.status);
        }
    }

    /** The received bytes a staged receive copies back: those that arrived, or all it spans. */
    static long received(Scratch s, long bytes, boolean contiguous) {
        return contiguous ? Math.min(bytes, OpenMpiAbi.statusBytes(s.status)) : bytes;
    }

    static void sendCore(Comm self, int mode, MemorySegment buf, long count, Datatype type, int dest, int tag) {
        MpiCallEvent ev = MpiCallEvent.ENABLED ? MpiCallEvent.start() : null;
        long bytes = checkSend(self, buf, count, type, dest, tag);
        if (mode == Downcalls.BUFFERED) {
            MPI.checkBufferedSend(dataBytes(count, type), "bsend");
        }
        MemorySegment comm = self.handle();
        LazySends.beforeSend(comm, dest, tag);
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
        if (ev != null) {
            ev.done(Downcalls.SEND_NAMES[mode], self, dest, tag, bytes);
        }
    }

    /**
     * A blocking send of the first {@code count} elements of a Java array (checked by the
     * caller): copied through native memory up to the staging limit, without creating a segment, so
     * that the hot path allocates nothing; larger arrays go to {@link #sendCore}.
     */
    static void sendArray(Comm self, int mode, Object array, ValueLayout layout, int count, Datatype type,
            int dest, int tag) {
        long bytes = count * layout.byteSize();
        if (bytes > Buffers.STAGE_LIMIT) {
            sendCore(self, mode, Buffers.slice(array, layout, 0, count), count, type, dest, tag);
            return;
        }
        MpiCallEvent ev = MpiCallEvent.ENABLED ? MpiCallEvent.start() : null;
        self.checkDest(dest);
        self.checkSendTag(tag);
        if (mode == Downcalls.BUFFERED) {
            MPI.checkBufferedSend(bytes, "bsend");
        }
        MemorySegment comm = self.handle();
        LazySends.beforeSend(comm, dest, tag);
        MemorySegment staged = Buffers.stageArray(0, array, layout, 0, count);
        Errors.check(Downcalls.send(mode, staged, count, type.handle(), dest, tag, comm), Downcalls.SEND_NAMES[mode]);
        if (ev != null) {
            ev.done(Downcalls.SEND_NAMES[mode], self, dest, tag, bytes);
        }
    }

    /** A blocking receive into a Java array; see {@link #sendArray}. */
    static void recvArray(Comm self, Object array, ValueLayout layout, int count, Datatype type, int source, int tag,
            Status status) {
        long bytes = count * layout.byteSize();
        if (bytes > Buffers.STAGE_LIMIT) {
            recvCore(self, Buffers.slice(array, layout, 0, count), count, type, source, tag, status);
            return;
        }
        MpiCallEvent ev = MpiCallEvent.ENABLED ? MpiCallEvent.start() : null;
        self.checkSource(source);
        self.checkRecvTag(tag);
        MemorySegment comm = self.handle();
        Scratch s = Scratch.get();
        MemorySegment staged = Buffers.stage(1, null, bytes, false);
        probeFits(source, tag, comm, s, bytes, status);
        int rc = Downcalls.mrecv(staged, count, type.handle(), s.handle1, s.status);
        if (rc == mpi_h.MPI_SUCCESS()) {
            Buffers.unstageArray(staged, array, layout, 0,
                    (int) Math.min(count, OpenMpiAbi.statusBytes(s.status) / layout.byteSize()));
        }
        Errors.check(rc, "MPI_Recv");
        if (ev != null) {
            ev.done("MPI_Recv", self, source, tag, bytes);
        }
        fill(status, s);
    }

    static void recvCore(Comm self, MemorySegment buf, long count, Datatype type, int source, int tag, Status status) {
        MpiCallEvent ev = MpiCallEvent.ENABLED ? MpiCallEvent.start() : null;
        long bytes = checkRecv(self, buf, count, type, source, tag);
        MemorySegment comm = self.handle();
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
            probeFits(source, tag, comm, s, dataBytes(count, type), status);
            rc = Downcalls.mrecv(r, (int) count, type.handle(), s.handle1, s.status);
            if (rc == mpi_h.MPI_SUCCESS()) {
                Buffers.unstage(r, buf, received(s, bytes, contiguous));
            }
        } else {
            Errors.check(Downcalls.mprobe(source, tag, comm, s.handle1, s.status), "MPI_Mprobe");
            if (OpenMpiAbi.statusBytes(s.status) > count * type.size()) {
                fill(status, s);
                Message.discard(s.handle1, OpenMpiAbi.statusBytes(s.status), "MPI_Recv");
            }
            rc = Downcalls.mrecv(buf, (int) count, type.handle(), s.handle1, statusOut(status, s));
        }
        Errors.check(rc, "MPI_Recv");
        if (ev != null) {
            ev.done("MPI_Recv", self, source, tag, bytes);
        }
        fill(status, s);
    }

    /**
     * Waits for the message a receive of {@code room} bytes of data will take ({@code MPI_Mprobe},
     * into {@code s.handle1} and {@code s.status}) and, if it is longer, receives it into nothing
     * and throws {@link ErrorClass#ERR_TRUNCATE}. Open MPI 4.1 writes a truncated message above the
     * eager limit past the end of the receive buffer; a receive into memory mpi4j owns (a staging
     * slot) or into the Java heap must know the size first.
     */
    static void probeFits(int source, int tag, MemorySegment comm, Scratch s, long room, Status status) {
        Errors.check(Downcalls.mprobe(source, tag, comm, s.handle1, s.status), "MPI_Mprobe");
        long size = OpenMpiAbi.statusBytes(s.status);
        if (size > room) {
            fill(status, s);
            Message.discard(s.handle1, size, "MPI_Recv");
        }
    }

    static void sendrecvCore(Comm self, MemorySegment sendBuf, long sendCount, Datatype sendType, int dest, int sendTag,
            MemorySegment recvBuf, long recvCount, Datatype recvType, int source, int recvTag, Status status) {
        MpiCallEvent ev = MpiCallEvent.ENABLED ? MpiCallEvent.start() : null;
        long sendBytes = Buffers.span(sendBuf, sendCount, sendType);
        long recvBytes = Buffers.span(recvBuf, recvCount, recvType);
        Buffers.checkWritable(recvBuf);
        self.checkDest(dest);
        self.checkSendTag(sendTag);
        self.checkSource(source);
        self.checkRecvTag(recvTag);
        if (Buffers.overlap(sendBuf, sendBytes, recvBuf, recvBytes)) {
            throw new IllegalArgumentException("sendrecv: the send and receive buffers overlap (MPI forbids it and the"
                    + " data would arrive wrong); use sendrecvReplace to send and receive in one buffer");
        }
        if (dest == source && dest >= 0 && (sendTag == recvTag || recvTag == MPI.ANY_TAG) && self.isSelf(dest)) {
            long message = dataBytes(sendCount, sendType);
            long room = dataBytes(recvCount, recvType);
            if (message > room) {
                // Open MPI truncates a message to oneself without an error
                throw new IllegalArgumentException("sendrecv to this process: the message of " + message
                        + " bytes does not fit the receive buffer's " + room + " bytes (" + recvCount
                        + " elements of " + recvType.getName() + ")");
            }
        }
        if (!Buffers.isNative(recvBuf)) {
            // a Java array receives only a message whose size is known (see probeFits)
            Request sent = startSend(self, Downcalls.STANDARD, sendBuf, sendCount, sendType, dest, sendTag, false);
            try {
                recvCore(self, recvBuf, recvCount, recvType, source, recvTag, status);
            } finally {
                sent.waitFor();
            }
            // the call as the user made it, around the events of its parts
            if (ev != null) {
                ev.done("MPI_Sendrecv", self, dest, sendTag, sendBytes + recvBytes);
            }
            return;
        }
        MemorySegment comm = self.handle();
        LazySends.beforeSend(comm, dest, sendTag);
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
        if (ev != null) {
            ev.done("MPI_Sendrecv", self, dest, sendTag, sendBytes + recvBytes);
        }
        fill(status, s);
    }

    static void sendrecvReplaceCore(Comm self, MemorySegment buf, long count, Datatype type, int dest, int sendTag, int source,
            int recvTag, Status status) {
        MpiCallEvent ev = MpiCallEvent.ENABLED ? MpiCallEvent.start() : null;
        long bytes = Buffers.span(buf, count, type);
        Buffers.checkWritable(buf);
        self.checkDest(dest);
        self.checkSendTag(sendTag);
        self.checkSource(source);
        self.checkRecvTag(recvTag);
        if (!Buffers.isNative(buf) && count <= Buffers.INT_MAX) {
            // a Java array: send a copy, receive with the size known (see probeFits)
            Staged copy = Staged.of(buf, bytes, true);
            Request sent;
            try {
                sent = startSend(self, Downcalls.STANDARD, copy.segment(), count, type, dest, sendTag, false);
            } catch (RuntimeException e) {
                copy.release();
                throw e;
            }
            try {
                recvCore(self, buf, count, type, source, recvTag, status);
            } finally {
                try {
                    sent.waitFor();
                } finally {
                    copy.release();
                }
            }
            return;
        }
        MemorySegment comm = self.handle();
        LazySends.beforeSend(comm, dest, sendTag);
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
        if (ev != null) {
            ev.done("MPI_Sendrecv_replace", self, dest, sendTag, 2 * bytes);
        }
        fill(status, s);
    }

    /** The bytes of data (not the span) of {@code count} elements of {@code type}, saturated. */
    static long dataBytes(long count, Datatype type) {
        try {
            return Math.multiplyExact(count, type.size());
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    static final String[] ISEND_NAMES = {"MPI_Isend", "MPI_Ibsend", "MPI_Issend", "MPI_Irsend"};
    static final String[] SEND_INIT_NAMES = {"MPI_Send_init", "MPI_Bsend_init", "MPI_Ssend_init",
        "MPI_Rsend_init"};

    static Request isendCore(Comm self, int mode, MemorySegment buf, long count, Datatype type, int dest, int tag) {
        return startSend(self, mode, buf, count, type, dest, tag, false);
    }

    static Request sendInitCore(Comm self, int mode, MemorySegment buf, long count, Datatype type, int dest, int tag) {
        return startSend(self, mode, buf, count, type, dest, tag, true);
    }

    /** A nonblocking ({@code persistent} false) or persistent send; Java arrays are staged. */
    static Request startSend(Comm self, int mode, MemorySegment buf, long count, Datatype type, int dest, int tag,
            boolean persistent) {
        MpiCallEvent ev = MpiCallEvent.ENABLED ? MpiCallEvent.start() : null;
        long bytes = checkSend(self, buf, count, type, dest, tag);
        if (mode == Downcalls.BUFFERED) {
            MPI.checkBufferedSend(dataBytes(count, type), persistent ? "bsendInit" : "ibsend");
        }
        MemorySegment comm = self.handle();
        if (!persistent) {
            LazySends.beforeSend(comm, dest, tag);
        }
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
        if (ev != null) {
            ev.done((persistent ? SEND_INIT_NAMES : ISEND_NAMES)[mode], self, dest, tag, bytes);
        }
        return staged == null ? new Request(s.handle0(), persistent, buf, null)
                : Request.staged(s.handle0(), persistent, staged, Request.STAGE_SEND);
    }

    /** {@code MPI_Irecv} or, if {@code persistent}, {@code MPI_Recv_init}; Java arrays are staged. */
    static Request irecvCore(Comm self, MemorySegment buf, long count, Datatype type, int source, int tag, boolean persistent) {
        MpiCallEvent ev = MpiCallEvent.ENABLED ? MpiCallEvent.start() : null;
        long bytes = checkRecv(self, buf, count, type, source, tag);
        MemorySegment comm = self.handle();
        boolean contiguous = Buffers.contiguous(type);
        // datatypes with holes: copy the array in, so that the holes survive the copy back
        // the size of the message is not known yet: a truncated one lands in the reservation
        Staged staged = buf.isNative() ? null : Staged.forReceive(buf, bytes, !contiguous && !persistent);
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
        if (ev != null) {
            ev.done(persistent ? "MPI_Recv_init" : "MPI_Irecv", self, source, tag, bytes);
        }
        return staged == null ? new Request(s.handle0(), persistent, buf, null)
                : Request.staged(s.handle0(), persistent, staged,
                        contiguous ? Request.STAGE_RECV_RECEIVED : Request.STAGE_RECV_ALL);
    }
}
