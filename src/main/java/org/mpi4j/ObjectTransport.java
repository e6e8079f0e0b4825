package org.mpi4j;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import org.mpi4j.ffi.mpi_h;
import org.mpi4j.internal.CollectiveDowncalls;
import org.mpi4j.internal.Downcalls;
import org.mpi4j.internal.OpenMpiAbi;
import org.mpi4j.internal.Scratch;

/**
 * Object messaging over MPI: the frame and out-of-band parts of {@link ObjectFrame} sent with the
 * point-to-point and collective calls of the bindings. Blocking calls send from and receive into
 * the Java arrays themselves (critical downcalls); nonblocking ones stage through native memory
 * that their request keeps alive.
 *
 * <p>A message is matched by its frame (mprobe, then mrecv of exactly its size: no receive size
 * bound, no truncation); the parts follow from the same source with the same tag, and MPI's
 * non-overtaking rule keeps them in order.
 */
final class ObjectTransport {
    private ObjectTransport() {
    }

    /** The send modes: {@code MPI_Send}, {@code MPI_Ssend}, {@code MPI_Bsend}. */
    enum Mode {
        STANDARD("MPI_Send", "MPI_Isend"), SYNCHRONOUS("MPI_Ssend", "MPI_Issend"), BUFFERED("MPI_Bsend", "MPI_Ibsend");

        final String blocking;
        final String nonblocking;

        Mode(String blocking, String nonblocking) {
            this.blocking = blocking;
            this.nonblocking = nonblocking;
        }
    }


    private static MemorySegment byteType() {
        return Datatype.BYTE.handle();
    }

    // ---- blocking point-to-point ----------------------------------------------------------------

    static void send(Comm comm, Object obj, int dest, int tag, Mode mode) {
        MemorySegment c = comm.handle();
        comm.checkDest(dest);
        comm.checkSendTag(tag);
        if (ObjectRequest.anyPending()) {
            // a blocking send could wait for a receiver that waits for one of our pending receives
            isend(comm, obj, dest, tag, mode).waitFor();
            return;
        }
        LazySends.beforeSend(c, dest, tag);
        MpiCallEvent ev = MpiCallEvent.ENABLED ? MpiCallEvent.start() : null;
        ObjectFrame f = ObjectFrame.obtain();
        try {
            int len = f.encode(obj, true);
            long total = len;
            if (mode == Mode.BUFFERED) {
                checkBuffered(f, len, "bsendObject");
            }
            Errors.check(blockingSend(mode, f.frame(len), len, dest, tag, c), mode.blocking);
            Mode partMode = mode == Mode.SYNCHRONOUS ? Mode.STANDARD : mode;
            for (int i = 0, n = f.parts(); i < n; i++) {
                MemorySegment part = f.part(i);
                long size = part.byteSize();
                total += size;
                int limit = ObjectFrame.chunkLimit;
                for (long off = 0; off < size; off += limit) {
                    int chunk = (int) Math.min(limit, size - off);
                    Errors.check(blockingSend(partMode, part.asSlice(off, chunk), chunk, dest, tag, c),
                            partMode.blocking);
                }
            }
            if (ev != null) {
                ev.done("sendObject", comm, dest, tag, total);
            }
        } finally {
            f.release();
        }
    }

    /** Refuses a buffered object send that the attached buffer cannot hold (frame, parts, overheads). */
    private static void checkBuffered(ObjectFrame f, int len, String call) {
        long bytes = len;
        long limit = ObjectFrame.chunkLimit;
        for (int i = 0, n = f.parts(); i < n; i++) {
            long size = f.part(i).byteSize();
            long messages = Math.max(1, (size + limit - 1) / limit);
            bytes += size + messages * MPI.BSEND_OVERHEAD;
        }
        MPI.checkBufferedSend(bytes, call);
    }

    private static int blockingSend(Mode mode, MemorySegment buf, int count, int dest, int tag, MemorySegment c) {
        int m = switch (mode) {
            case STANDARD -> Downcalls.STANDARD;
            case SYNCHRONOUS -> Downcalls.SYNCHRONOUS;
            case BUFFERED -> Downcalls.BUFFERED;
        };
        return Downcalls.send(m, buf, count, byteType(), dest, tag, c);
    }

    static Object recv(Comm comm, int source, int tag, Status status) {
        MemorySegment c = comm.handle();
        comm.checkSource(source);
        comm.checkRecvTag(tag);
        Scratch s = Scratch.get();
        if (source == MPI.PROC_NULL) {
            Errors.check(mpi_h.MPI_Recv(MemorySegment.NULL, 0, byteType(), source, tag, c, s.status), "MPI_Recv");
            if (status != null) {
                status.fill(s.status);
            }
            return null;
        }
        if (ObjectRequest.anyPending()) {
            // match in order with the pending receives of this thread, progressing them meanwhile
            return ObjectRequest.forRecv(comm, source, tag).waitFor(status);
        }
        MpiCallEvent ev = MpiCallEvent.ENABLED ? MpiCallEvent.start() : null;
        Errors.check(Downcalls.mprobe(source, tag, c, s.handle0, s.status), "MPI_Mprobe");
        Object obj = receiveMatched(c, s.handle0, s.status, status);
        if (ev != null) {
            ev.done("recvObject", comm, OpenMpiAbi.statusSource(s.status), OpenMpiAbi.statusTag(s.status),
                    OpenMpiAbi.statusBytes(s.status));
        }
        return obj;
    }

    /**
     * Receives the message matched into {@code messageRef} (with its probe status in
     * {@code probed}), then its parts, and decodes it.
     */
    static Object receiveMatched(MemorySegment c, MemorySegment messageRef, MemorySegment probed, Status status) {
        int src = OpenMpiAbi.statusSource(probed);
        int tg = OpenMpiAbi.statusTag(probed);
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Get_count(probed, byteType(), s.int1), "MPI_Get_count");
        int count = s.int1();
        if (src == MPI.PROC_NULL) {
            Errors.check(mpi_h.MPI_Mrecv(MemorySegment.NULL, 0, byteType(), messageRef, mpi_h.MPI_STATUS_IGNORE()),
                    "MPI_Mrecv");
            if (status != null) {
                status.fill(probed);
            }
            return null;
        }
        ObjectFrame f = ObjectFrame.obtain();
        try {
            byte[] buf;
            try {
                buf = f.frameBuffer(count);
            } catch (OutOfMemoryError e) {
                Drain.mrecv(messageRef, count);
                throw e;
            }
            Errors.check(Downcalls.mrecv(MemorySegment.ofArray(buf), count, byteType(), messageRef,
                    mpi_h.MPI_STATUS_IGNORE()), "MPI_Mrecv");
            int nparts = f.parse(count, src, tg);
            long total = count;
            for (int i = 0; i < nparts; i++) {
                total += receivePart(f, i, src, tg, c);
            }
            Object obj = f.decode(src, tg);
            // the whole object's size, for the caller's status and MPI call events
            OpenMpiAbi.setStatusBytes(probed, total);
            if (status != null) {
                status.fill(probed);
            }
            return obj;
        } finally {
            f.release();
        }
    }

    /**
     * Receives out-of-band part {@code i} of the frame {@code f} parsed, chunk by chunk. Memory is
     * allocated only once the part's first chunk has arrived with the size the frame announced, so a
     * forged frame cannot make this process allocate what it likes. If anything fails, the rest of
     * the message (this part's remaining chunks and the later parts) is received into nothing before
     * the exception goes on: the sender is not left blocked and the next receive does not get an
     * orphaned part.
     *
     * @return the part's size in bytes
     */
    static long receivePart(ObjectFrame f, int i, int src, int tag, MemorySegment c) {
        long size = f.partBytes(i);
        int limit = ObjectFrame.chunkLimit;
        Scratch s = Scratch.get();
        MemorySegment part = null;
        long off = 0;
        if (size == 0) {
            f.allocatePart(i); // the sender sends no message for an empty part
            return 0;
        }
        try {
            while (off < size) {
                int chunk = (int) Math.min(limit, size - off);
                awaitPart(src, tag, c, chunk, s.handle0, s.status);
                if (part == null) {
                    try {
                        part = ObjectFrame.segmentOf(f.allocatePart(i));
                    } catch (OutOfMemoryError e) {
                        Drain.mrecv(s.handle0, chunk);
                        off += chunk;
                        throw e;
                    }
                }
                Errors.check(Downcalls.mrecv(part.asSlice(off, chunk), chunk, byteType(), s.handle0,
                        mpi_h.MPI_STATUS_IGNORE()), "MPI_Mrecv");
                off += chunk;
            }
            return size;
        } catch (RuntimeException | OutOfMemoryError e) {
            drainRest(f, i, off, src, tag, c, e);
            throw e;
        }
    }

    /** Receives all parts of the frame {@code f} parsed into nothing (a failed receive's clean-up). */
    static void drainParts(ObjectFrame f, int src, int tag, MemorySegment c, Throwable cause) {
        drainRest(f, 0, 0, src, tag, c, cause);
    }

    /** Receives into nothing what remains of a message from part {@code i}, byte {@code off}, on. */
    private static void drainRest(ObjectFrame f, int i, long off, int src, int tag, MemorySegment c, Throwable cause) {
        if (cause instanceof PartMissing) {
            return; // what the frame announced is not there: nothing to wait for
        }
        Scratch s = Scratch.get();
        int limit = ObjectFrame.chunkLimit;
        try {
            for (int p = i; p < f.receivedParts(); p++) {
                long size = f.partBytes(p);
                for (long o = p == i ? off : 0; o < size; o += limit) {
                    int chunk = (int) Math.min(limit, size - o);
                    awaitPart(src, tag, c, chunk, s.handle0, s.status);
                    Drain.mrecv(s.handle0, chunk);
                }
            }
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    /**
     * How long a receive waits for an out-of-band part its frame announced
     * ({@code -Dmpi4j.objectPartTimeout}, seconds; a package-private knob for tests).
     */
    static volatile long partTimeoutNanos = (long) (Double.parseDouble(
            System.getProperty("mpi4j.objectPartTimeout", "60")) * 1e9);

    /** The out-of-band part a frame announced is not there: the frame is corrupt or forged. */
    static final class PartMissing extends SerializationException {
        private static final long serialVersionUID = 1L;

        PartMissing(String message) {
            super(message);
        }
    }

    /**
     * Matches (into {@code ref}) the next out-of-band chunk of {@code bytes} bytes from {@code src}
     * with {@code tag}. The sender sends a frame's parts right after the frame, so they arrive at
     * once; a message of another size, or nothing within {@link #partTimeoutNanos}, means the frame
     * lied: {@link PartMissing}, and a message of another size stays unreceived.
     */
    private static void awaitPart(int src, int tag, MemorySegment c, long bytes, MemorySegment ref,
            MemorySegment status) {
        Scratch s = Scratch.get();
        long deadline = 0;
        for (int spin = 0; ; spin++) {
            Errors.check(mpi_h.MPI_Iprobe(src, tag, c, s.int0, status), "MPI_Iprobe");
            if (s.int0() != 0) {
                long size = OpenMpiAbi.statusBytes(status);
                if (size != bytes) {
                    throw new PartMissing("the object message " + ObjectFrame.from(src, tag) + " announced an"
                            + " out-of-band part of " + bytes + " bytes, but the next message is of " + size
                            + " bytes (corrupt or forged frame); that message was left unreceived");
                }
                Errors.check(mpi_h.MPI_Improbe(src, tag, c, s.int0, ref, status), "MPI_Improbe");
                if (s.int0() != 0) {
                    if (OpenMpiAbi.statusBytes(status) != bytes) {
                        long other = OpenMpiAbi.statusBytes(status);
                        Drain.mrecv(ref, other);
                        throw new PartMissing("the object message " + ObjectFrame.from(src, tag) + " announced an"
                                + " out-of-band part of " + bytes + " bytes, but a message of " + other
                                + " bytes came (corrupt or forged frame); it was discarded");
                    }
                    return;
                }
            }
            long now = System.nanoTime();
            if (deadline == 0) {
                deadline = now + partTimeoutNanos;
            } else if (now - deadline > 0) {
                throw new PartMissing("the object message " + ObjectFrame.from(src, tag) + " announced an"
                        + " out-of-band part of " + bytes + " bytes that did not arrive within "
                        + partTimeoutNanos / 1e9 + " s (corrupt or forged frame)");
            }
            if (spin < 1000) {
                Thread.onSpinWait();
            } else {
                java.util.concurrent.locks.LockSupport.parkNanos(Math.min(1_000_000L, 1000L * (spin - 999)));
            }
        }
    }

    static Object sendrecv(Comm comm, Object obj, int dest, int sendTag, int source, int recvTag, Status status) {
        comm.checkSource(source);
        comm.checkRecvTag(recvTag);
        // nonblocking send first: two processes exchanging large objects must not both block in a send
        ObjectRequest<Void> sent = isend(comm, obj, dest, sendTag, Mode.STANDARD);
        Object received;
        try {
            received = recv(comm, source, recvTag, status);
        } finally {
            sent.waitFor();
        }
        return received;
    }

    // ---- nonblocking point-to-point ----------------------------------------------------------------

    /**
     * Starts an object send: the frame and every out-of-band part, each chunk its own message (see
     * {@link ObjectFrame#chunkLimit}). A nonblocking send cannot pass a Java array (the garbage
     * collector moves arrays), so its parts go through native memory: all copied at once when
     * {@link #sendsLazily} says no, otherwise a chunk at a time through the small window of a
     * {@link LazySend}, which keeps the memory an isend costs near the object's own size.
     */
    static ObjectRequest<Void> isend(Comm comm, Object obj, int dest, int tag, Mode mode) {
        MemorySegment c = comm.handle();
        comm.checkDest(dest);
        comm.checkSendTag(tag);
        List<MemorySegment> messages = new ArrayList<>();
        boolean lazy;
        ObjectFrame f = ObjectFrame.obtain();
        try {
            int len = f.encode(obj, true);
            if (mode == Mode.BUFFERED) {
                checkBuffered(f, len, "ibsendObject");
            }
            Arena arena = Arena.ofAuto();
            messages.add(arena.allocate(Math.max(1, len), 16).asSlice(0, len).copyFrom(f.frame(len)));
            lazy = sendsLazily(f, mode, dest);
            int limit = ObjectFrame.chunkLimit;
            for (int i = 0, n = f.parts(); i < n; i++) {
                MemorySegment part = f.part(i);
                if (!part.isNative() && !lazy) {
                    part = arena.allocate(Math.max(1, part.byteSize()), 16).asSlice(0, part.byteSize()).copyFrom(part);
                }
                for (long off = 0; off < part.byteSize(); off += limit) {
                    messages.add(part.asSlice(off, Math.min(limit, part.byteSize() - off)));
                }
            }
        } finally {
            f.release();
        }
        // an earlier lazy send to the same process and tag posts its rest before our frame
        LazySends.beforeSend(c, dest, tag);
        // its slots before the frame goes: a failure after it would leave the receiver waiting for parts
        LazySend rest = lazy ? new LazySend(c, dest, tag, messages.subList(1, messages.size())) : null;
        int posted = lazy ? 1 : messages.size();
        Request[] requests = new Request[posted];
        Scratch s = Scratch.get();
        MemorySegment type = byteType();
        for (int i = 0; i < posted; i++) {
            MemorySegment m = messages.get(i);
            Mode mm = i == 0 || mode != Mode.SYNCHRONOUS ? mode : Mode.STANDARD;
            int count = (int) m.byteSize();
            int rc = switch (mm) {
                case STANDARD -> mpi_h.MPI_Isend(m, count, type, dest, tag, c, s.handle0);
                case SYNCHRONOUS -> mpi_h.MPI_Issend(m, count, type, dest, tag, c, s.handle0);
                case BUFFERED -> mpi_h.MPI_Ibsend(m, count, type, dest, tag, c, s.handle0);
            };
            if (rc != mpi_h.MPI_SUCCESS() && rest != null) {
                rest.discard();
            }
            Errors.check(rc, mm.nonblocking);
            requests[i] = new Request(s.handle0(), false, m, null);
        }
        if (rest == null) {
            return ObjectRequest.forSend(requests, null);
        }
        rest.progress();
        LazySends.add(rest);
        return ObjectRequest.forSend(requests, rest);
    }

    /**
     * Whether the out-of-band Java arrays of {@code f} go through a {@link LazySend}: only at
     * {@code MPI_THREAD_MULTIPLE} (its pump thread calls MPI), not in buffered mode (MPI copies into
     * the attached buffer anyway), not to {@code MPI_PROC_NULL}, and only when they add up to
     * {@link #LAZY_PARTS} chunks or more (copying fewer costs no more than the window).
     */
    static boolean sendsLazily(ObjectFrame f, Mode mode, int dest) {
        if (mode == Mode.BUFFERED || dest == MPI.PROC_NULL || f.parts() == 0) {
            return false;
        }
        long heap = 0;
        for (int i = 0, n = f.parts(); i < n; i++) {
            MemorySegment part = f.part(i);
            heap += part.isNative() ? 0 : part.byteSize();
        }
        return heap >= (long) LAZY_PARTS * ObjectFrame.chunkLimit && LazySends.available();
    }

    /** Out-of-band Java arrays of at least this many chunks are sent lazily (see {@link #sendsLazily}). */
    static final int LAZY_PARTS = LazySend.WINDOW;

    /** Posts the receives of the parts of a frame already received into {@code f}, staged natively. */
    static Request[] postPartReceives(MemorySegment c, Object[] parts, MemorySegment[] staged, int src, int tag) {
        List<Request> list = new ArrayList<>();
        Scratch s = Scratch.get();
        int limit = ObjectFrame.chunkLimit;
        for (int i = 0; i < parts.length; i++) {
            long size = ObjectFrame.segmentOf(parts[i]).byteSize();
            MemorySegment m = parts[i] instanceof MemorySegment seg ? seg
                    : Arena.ofAuto().allocate(Math.max(1, size), 16).asSlice(0, size);
            staged[i] = m;
            for (long off = 0; off < size; off += limit) {
                MemorySegment slice = m.asSlice(off, Math.min(limit, size - off));
                Errors.check(mpi_h.MPI_Irecv(slice, (int) slice.byteSize(), byteType(), src, tag, c, s.handle0),
                        "MPI_Irecv");
                list.add(new Request(s.handle0(), false, slice, null));
            }
        }
        return list.toArray(Request[]::new);
    }

    /** Fills {@code status} as a receive of {@code bytes} bytes from {@code source} with {@code tag}. */
    static void fillStatus(Status status, int source, int tag, long bytes) {
        if (status == null) {
            return;
        }
        MemorySegment ns = Scratch.get().status;
        OpenMpiAbi.setStatus(ns, source, tag, 0, false, bytes);
        status.fill(ns);
    }

    // ---- collectives ---------------------------------------------------------------------------

    private static SerializationException failedElsewhere(String op) {
        return new SerializationException(op + " failed on another process (see its exception); nothing was"
                + " exchanged");
    }

    static Object bcast(Intracomm comm, Object obj, int root) {
        MemorySegment c = comm.handle();
        comm.checkRoot(root);
        boolean isRoot = comm.rank() == root;
        MpiCallEvent ev = MpiCallEvent.ENABLED ? MpiCallEvent.start() : null;
        ObjectFrame f = ObjectFrame.obtain();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment len = arena.allocate(ValueLayout.JAVA_LONG);
            SerializationException failure = null;
            if (isRoot) {
                try {
                    len.set(ValueLayout.JAVA_LONG, 0, f.encode(obj, true));
                } catch (SerializationException e) {
                    failure = e;
                    len.set(ValueLayout.JAVA_LONG, 0, -1);
                }
            }
            Errors.check(CollectiveDowncalls.bcast(len, 1, Datatype.INT64_T.handle(), root, c), "MPI_Bcast");
            long n = len.get(ValueLayout.JAVA_LONG, 0);
            if (failure != null) {
                throw failure;
            }
            if (n < 0) {
                throw failedElsewhere("bcastObject");
            }
            int count = (int) n;
            MemorySegment frame = isRoot ? f.frame(count) : MemorySegment.ofArray(f.frameBuffer(count)).asSlice(0, count);
            bcastBytes(frame, root, c);
            long total = count;
            if (isRoot) {
                for (int i = 0, np = f.parts(); i < np; i++) {
                    bcastBytes(f.part(i), root, c);
                    total += f.part(i).byteSize();
                }
            } else {
                Object[] parts = f.open(count, root, ObjectFrame.COLLECTIVE);
                for (Object p : parts) {
                    MemorySegment part = ObjectFrame.segmentOf(p);
                    bcastBytes(part, root, c);
                    total += part.byteSize();
                }
            }
            Object result = isRoot ? obj : f.decode(root, ObjectFrame.COLLECTIVE);
            if (ev != null) {
                ev.done("bcastObject", comm, root, MpiCallEvent.NO_TAG, total);
            }
            return result;
        } finally {
            f.release();
        }
    }

    private static void bcastBytes(MemorySegment buf, int root, MemorySegment c) {
        long size = buf.byteSize();
        int limit = ObjectFrame.chunkLimit;
        MemorySegment type = byteType();
        for (long off = 0; off < size; off += limit) {
            int chunk = (int) Math.min(limit, size - off);
            MemorySegment slice = buf.asSlice(off, chunk);
            Errors.check(CollectiveDowncalls.bcast(slice, chunk, type, root, c), "MPI_Bcast");
        }
    }

    /** Serializes {@code obj} into one native segment (frame and parts end to end). */
    static MemorySegment flatten(Object obj) {
        ObjectFrame f = ObjectFrame.obtain();
        try {
            return f.flatten(f.encode(obj, true));
        } finally {
            f.release();
        }
    }

    /**
     * The general exchange behind gather, scatter, allgather and alltoall: {@code sendTo[j]} (null
     * for nothing) goes to rank j; the result holds what came from each rank (null for nothing).
     * Sizes go first (alltoall), then the bytes in rounds of alltoallv whose total stays under
     * {@link ObjectFrame#chunkLimit}, so any amount of data fits in int counts. A process that
     * could not serialize passes {@code failed}: then every process throws and nothing is
     * exchanged. On an intercommunicator the ranks are those of the remote group.
     */
    static MemorySegment[] exchange(Comm comm, MemorySegment[] sendTo, RuntimeException failed, String op) {
        MemorySegment c = comm.handle();
        int n = comm.peerSize();
        boolean inter = comm instanceof Intercomm;
        MemorySegment int64 = Datatype.INT64_T.handle();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment sendSizes = arena.allocate(ValueLayout.JAVA_LONG, n);
            MemorySegment recvSizes = arena.allocate(ValueLayout.JAVA_LONG, n);
            long localMax = 0;
            for (int j = 0; j < n; j++) {
                long sz = failed != null || sendTo[j] == null ? 0 : sendTo[j].byteSize();
                sendSizes.setAtIndex(ValueLayout.JAVA_LONG, j, sz);
                localMax = Math.max(localMax, sz);
            }
            Errors.check(CollectiveDowncalls.alltoall(sendSizes, 1, int64, recvSizes, 1, int64, c), "MPI_Alltoall");
            MemorySegment flags = arena.allocate(ValueLayout.JAVA_LONG, 2);
            flags.setAtIndex(ValueLayout.JAVA_LONG, 0, localMax);
            flags.setAtIndex(ValueLayout.JAVA_LONG, 1, failed != null ? 1 : 0);
            MemorySegment max = OpenMpiAbi.predefined("MPI_MAX");
            if (inter) {
                // an intercommunicator's allreduce hands each group the other group's result: a
                // second round, each process passing on the larger of its own and what it got,
                // gives both groups the maximum over everyone (and every failure)
                MemorySegment got = arena.allocate(ValueLayout.JAVA_LONG, 2);
                Errors.check(CollectiveDowncalls.allreduce(flags, got, 2, int64, max, c), "MPI_Allreduce");
                for (int k = 0; k < 2; k++) {
                    flags.setAtIndex(ValueLayout.JAVA_LONG, k, Math.max(flags.getAtIndex(ValueLayout.JAVA_LONG, k),
                            got.getAtIndex(ValueLayout.JAVA_LONG, k)));
                }
                Errors.check(CollectiveDowncalls.allreduce(flags, got, 2, int64, max, c), "MPI_Allreduce");
                MemorySegment.copy(got, 0, flags, 0, 16);
            } else {
                Errors.check(CollectiveDowncalls.allreduce(mpi_h.MPI_IN_PLACE(), flags, 2, int64, max, c), "MPI_Allreduce");
            }
            if (failed != null) {
                throw failed;
            }
            if (flags.getAtIndex(ValueLayout.JAVA_LONG, 1) != 0) {
                throw failedElsewhere(op);
            }
            long globalMax = flags.getAtIndex(ValueLayout.JAVA_LONG, 0);
            MemorySegment[] received = new MemorySegment[n];
            for (int j = 0; j < n; j++) {
                long sz = recvSizes.getAtIndex(ValueLayout.JAVA_LONG, j);
                if (sz > 0) {
                    received[j] = Arena.ofAuto().allocate(sz, 16);
                }
            }
            // the same number of rounds in both groups of an intercommunicator
            long per = Math.max(1, ObjectFrame.chunkLimit / Math.max(n, comm.size()));
            long rounds = (globalMax + per - 1) / per;
            MemorySegment sc = arena.allocate(ValueLayout.JAVA_INT, n);
            MemorySegment sd = arena.allocate(ValueLayout.JAVA_INT, n);
            MemorySegment rc = arena.allocate(ValueLayout.JAVA_INT, n);
            MemorySegment rd = arena.allocate(ValueLayout.JAVA_INT, n);
            MemorySegment sstage = null;
            MemorySegment rstage = null;
            MemorySegment type = byteType();
            for (long r = 0; r < rounds; r++) {
                long off = r * per;
                int stotal = 0;
                int rtotal = 0;
                for (int j = 0; j < n; j++) {
                    int s = (int) Math.clamp(sendSizes.getAtIndex(ValueLayout.JAVA_LONG, j) - off, 0, per);
                    int q = (int) Math.clamp(recvSizes.getAtIndex(ValueLayout.JAVA_LONG, j) - off, 0, per);
                    sc.setAtIndex(ValueLayout.JAVA_INT, j, s);
                    sd.setAtIndex(ValueLayout.JAVA_INT, j, stotal);
                    rc.setAtIndex(ValueLayout.JAVA_INT, j, q);
                    rd.setAtIndex(ValueLayout.JAVA_INT, j, rtotal);
                    stotal += s;
                    rtotal += q;
                }
                if (sstage == null) {
                    // the first round is the largest
                    sstage = arena.allocate(Math.max(1, stotal), 16);
                    rstage = arena.allocate(Math.max(1, rtotal), 16);
                }
                for (int j = 0; j < n; j++) {
                    int s = sc.getAtIndex(ValueLayout.JAVA_INT, j);
                    if (s > 0) {
                        MemorySegment.copy(sendTo[j], off, sstage, sd.getAtIndex(ValueLayout.JAVA_INT, j), s);
                    }
                }
                Errors.check(CollectiveDowncalls.alltoallv(sstage, sc, sd, type, rstage, rc, rd, type, c), "MPI_Alltoallv");
                for (int j = 0; j < n; j++) {
                    int q = rc.getAtIndex(ValueLayout.JAVA_INT, j);
                    if (q > 0) {
                        MemorySegment.copy(rstage, rd.getAtIndex(ValueLayout.JAVA_INT, j), received[j], off, q);
                    }
                }
            }
            return received;
        }
    }

    /** Decodes what {@link #exchange} received, in rank order (only the ranks that sent). */
    static <T> List<T> decodeAll(MemorySegment[] received) {
        List<T> out = new ArrayList<>(received.length);
        for (int j = 0; j < received.length; j++) {
            @SuppressWarnings("unchecked")
            T t = (T) ObjectFrame.unflatten(received[j], j);
            out.add(t);
        }
        return out;
    }

    /** Gathers at the root; on an intercommunicator from the other group (see {@link Comm#contributes}). */
    static <T> List<T> gather(Comm comm, T obj, int root) {
        comm.checkRoot(root);
        MemorySegment[] sendTo = new MemorySegment[comm.peerSize()];
        RuntimeException failed = null;
        if (comm.contributes(root)) {
            try {
                sendTo[root] = flatten(obj);
            } catch (SerializationException e) {
                failed = e;
            }
        }
        MemorySegment[] received = exchange(comm, sendTo, failed, "gatherObject");
        return comm.isRoot(root) ? decodeAll(received) : null;
    }

    static <T> List<T> allgather(Comm comm, T obj) {
        int n = comm.peerSize();
        MemorySegment[] sendTo = new MemorySegment[n];
        RuntimeException failed = null;
        try {
            java.util.Arrays.fill(sendTo, flatten(obj));
        } catch (SerializationException e) {
            failed = e;
        }
        return decodeAll(exchange(comm, sendTo, failed, "allgatherObject"));
    }

    /** Scatters from the root; on an intercommunicator to the other group (see {@link Comm#contributes}). */
    static <T> T scatter(Comm comm, List<? extends T> items, int root) {
        comm.checkRoot(root);
        int n = comm.peerSize();
        MemorySegment[] sendTo = new MemorySegment[n];
        RuntimeException failed = null;
        if (comm.isRoot(root)) {
            try {
                checkItems(items, n, "scatterObject");
                for (int j = 0; j < n; j++) {
                    sendTo[j] = flatten(items.get(j));
                }
            } catch (RuntimeException e) {
                failed = e;
            }
        }
        MemorySegment[] received = exchange(comm, sendTo, failed, "scatterObject");
        if (!comm.contributes(root)) {
            return null;
        }
        @SuppressWarnings("unchecked")
        T t = (T) ObjectFrame.unflatten(received[root], root);
        return t;
    }

    static <T> List<T> alltoall(Comm comm, List<? extends T> items) {
        int n = comm.peerSize();
        MemorySegment[] sendTo = new MemorySegment[n];
        RuntimeException failed = null;
        try {
            checkItems(items, n, "alltoallObject");
            for (int j = 0; j < n; j++) {
                sendTo[j] = flatten(items.get(j));
            }
        } catch (RuntimeException e) {
            failed = e;
        }
        return decodeAll(exchange(comm, sendTo, failed, "alltoallObject"));
    }

    // intercommunicator bcast: MPI.ROOT sends to every process of the other group, MPI.PROC_NULL
    // takes no part; through the same exchange as the others (an intracommunicator's goes by MPI_Bcast)

    static <T> T interBcast(Intercomm comm, T obj, int root) {
        MemorySegment[] sendTo = new MemorySegment[comm.remoteSize()];
        RuntimeException failed = null;
        if (root == MPI.ROOT) {
            try {
                java.util.Arrays.fill(sendTo, flatten(obj));
            } catch (SerializationException e) {
                failed = e;
            }
        }
        MemorySegment[] received = exchange(comm, sendTo, failed, "bcastObject");
        if (root == MPI.ROOT) {
            return obj;
        }
        if (root == MPI.PROC_NULL) {
            return null;
        }
        @SuppressWarnings("unchecked")
        T t = (T) ObjectFrame.unflatten(received[root], root);
        return t;
    }

    private static void checkItems(List<?> items, int n, String op) {
        if (items == null) {
            throw new NullPointerException(op + ": the list of items is null");
        }
        if (items.size() != n) {
            throw new IllegalArgumentException(op + ": " + items.size() + " items for " + n + " processes");
        }
    }
}
