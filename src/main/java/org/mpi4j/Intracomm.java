package org.mpi4j;

import org.mpi4j.internal.CollectiveDowncalls;
import org.mpi4j.internal.Downcalls;
import org.mpi4j.internal.OpenMpiAbi;
import org.mpi4j.internal.Scratch;
import org.mpi4j.internal.SmallCopy;
import org.mpi4j.internal.Staged;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.mpi4j.ffi.mpi_h;

/**
 * An intracommunicator: one group of processes that communicate among themselves. Adds the
 * constructors of new communicators and the collective operations to {@link Comm}.
 */
public class Intracomm extends Comm {

    Intracomm(MemorySegment handle, boolean predefined, boolean isNull) {
        super(handle, predefined, isNull);
    }

    static Intracomm predefined(String mpiName) {
        return new Intracomm(OpenMpiAbi.predefined(mpiName), true, false);
    }

    static Intracomm nullComm() {
        return new Intracomm(OpenMpiAbi.predefined("MPI_COMM_NULL"), true, true);
    }

    /** Wraps the communicator a constructor left in {@code ref}: {@link MPI#COMM_NULL} or a new one. */
    static Intracomm fromRef(MemorySegment ref) {
        MemorySegment h = ref.get(java.lang.foreign.ValueLayout.ADDRESS, 0);
        if (isNullHandle(h)) {
            return MPI.COMM_NULL;
        }
        return new Intracomm(adopt(h), false, false);
    }

    /**
     * {@link Comm#fromHandle} for a handle known to be an intracommunicator.
     *
     * @throws IllegalArgumentException if it is not a valid intracommunicator handle
     */
    public static Intracomm fromHandle(MemorySegment handle) {
        return intra(Comm.fromHandle(handle));
    }

    /** {@link Comm#fromFortran} for an intracommunicator. */
    public static Intracomm fromFortran(int fortranHandle) {
        return intra(Comm.fromFortran(fortranHandle));
    }

    private static Intracomm intra(Comm c) {
        if (c instanceof Intracomm ic) {
            return ic;
        }
        throw new IllegalArgumentException("not an intracommunicator: " + c);
    }

    /** {@code MPI_Comm_dup}: a new communicator with the same group and a new context. Collective. */
    public Intracomm dup() {
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Comm_dup(handle(), s.handle0), "MPI_Comm_dup");
        return fromRef(s.handle0);
    }

    /**
     * {@code MPI_Comm_dup_with_info}: {@link #dup()}, with {@code info}'s hints (null or
     * {@link Info#NULL}: none) instead of this communicator's. Collective.
     */
    public Intracomm dupWithInfo(Info info) {
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Comm_dup_with_info(handle(), Info.handleOf(info), s.handle0), "MPI_Comm_dup_with_info");
        return fromRef(s.handle0);
    }

    /**
     * The result of {@link #idup()}: the new communicator, usable once {@code request} has
     * completed (before that, using it throws {@link IllegalStateException}).
     */
    public record Duplicate(Intracomm comm, Request request) {
    }

    /**
     * {@code MPI_Comm_idup}: starts duplicating this communicator without waiting. Collective;
     * complete the request like any other (wait, test, {@code toCompletableFuture}). Attribute copy
     * callbacks ({@link Keyval}) may run during any call that progresses it.
     */
    public Duplicate idup() {
        MemorySegment c = handle();
        MemorySegment out = java.lang.foreign.Arena.ofAuto().allocate(ValueLayout.ADDRESS);
        Intracomm comm = new Intracomm(null, false, false);
        comm.setPending(true);
        Scratch s = Scratch.get();
        // copy callbacks may run in whatever call progresses the duplication: no critical calls meanwhile
        boolean counted = Downcalls.userOpStarted(true);
        int rc = mpi_h.MPI_Comm_idup(c, out, s.handle0);
        if (rc != mpi_h.MPI_SUCCESS()) {
            Downcalls.userOpDone(counted);
        }
        Errors.check(rc, "MPI_Comm_idup");
        Request request = new Request(s.handle0(), false, out, () -> {
            Downcalls.userOpDone(counted);
            comm.setHandle(adopt(out.get(ValueLayout.ADDRESS, 0)));
            comm.setPending(false);
        });
        return new Duplicate(comm, request);
    }

    /**
     * {@code MPI_Comm_split}: one new communicator per {@code color}, ranked by {@code key} (ties by
     * the old rank). Collective.
     *
     * @param color a non-negative color, or {@link MPI#UNDEFINED} to join none
     * @return the new communicator, or {@link MPI#COMM_NULL} for color {@link MPI#UNDEFINED}
     */
    public Intracomm split(int color, int key) {
        if (color < 0 && color != MPI.UNDEFINED) {
            throw new IllegalArgumentException("color must be non-negative or MPI.UNDEFINED: " + color);
        }
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Comm_split(handle(), color, key, s.handle0), "MPI_Comm_split");
        return fromRef(s.handle0);
    }

    /**
     * {@code MPI_Comm_split_type}: splits by a property of the processes, e.g. {@link SplitType#SHARED}
     * for those that can share memory. Collective.
     */
    public Intracomm splitType(SplitType type, int key) {
        Errors.checkNotNull(type, "split type");
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Comm_split_type(handle(), type.value(), key, OpenMpiAbi.predefined("MPI_INFO_NULL"),
                s.handle0), "MPI_Comm_split_type");
        return fromRef(s.handle0);
    }

    /**
     * {@code MPI_Comm_create}: a communicator for the members of {@code group}, a subgroup of this
     * one. Collective over this communicator; every process passes the same group.
     *
     * @return the new communicator, or {@link MPI#COMM_NULL} on processes outside {@code group}
     */
    public Intracomm create(Group group) {
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Comm_create(handle(), Errors.checkNotNull(group, "group").handle(), s.handle0),
                "MPI_Comm_create");
        return fromRef(s.handle0);
    }

    /**
     * {@code MPI_Comm_create_group}: like {@link #create(Group)} but collective only over the members
     * of {@code group}, which alone call it.
     */
    public Intracomm createGroup(Group group, int tag) {
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Comm_create_group(handle(), Errors.checkNotNull(group, "group").handle(),
                checkSendTag(tag), s.handle0), "MPI_Comm_create_group");
        return fromRef(s.handle0);
    }

    // ---- collectives ---------------------------------------------------------------------------
    // Every collective comes as (buffer, count, Datatype) and, where the buffers say it, with the
    // count and datatype inferred from whole segments (heap segments of any primitive array,
    // slices, ByteBuffers via MemorySegment.ofBuffer) and whole primitive arrays. Buffers only one
    // process reads (the root's receive buffer of gather, send buffer of scatter, ...) may be null
    // on the other processes. In-place variants (MPI_IN_PLACE) are separate methods named
    // ...InPlace. Heap memory follows the message layer's rules (Buffers, Staged): blocking calls
    // stage small heap buffers per thread and pass large ones to critical downcalls; nonblocking
    // calls stage heap buffers in native memory until the Request completes.

    private static final MemorySegment IN_PLACE = mpi_h.MPI_IN_PLACE();
    private static final int SUCCESS = mpi_h.MPI_SUCCESS();

    /** Checks a root rank. */
    final int checkRoot(int root) {
        if (root < 0 || root >= size()) {
            throw new IllegalArgumentException("invalid root " + root + " (communicator of " + size()
                    + " processes)");
        }
        return root;
    }

    /** The bytes (buffer, count, type) spans, refusing counts beyond MPI's int. */
    private static long span(MemorySegment seg, long count, Datatype type) {
        long bytes = Buffers.span(seg, count, type);
        if (count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("count " + count + " exceeds 2^31-1 (use a larger datatype)");
        }
        return bytes;
    }

    private static long recvSpan(MemorySegment seg, long count, Datatype type) {
        long bytes = span(seg, count, type);
        Buffers.checkWritable(seg);
        return bytes;
    }

    /** Bytes needed by blocks of {@code counts[i]} elements at {@code displs[i]} extents. */
    private long spanV(MemorySegment seg, int[] counts, int[] displs, Datatype type, boolean write) {
        Errors.checkNotNull(seg, "buffer");
        Errors.checkNotNull(counts, "counts");
        Errors.checkNotNull(displs, "displacements");
        Errors.checkNotNull(type, "datatype");
        int n = size();
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
                max = Math.max(max, displs[i] * extent + type.bytesFor(counts[i]));
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

    /** Bytes needed by blocks of {@code counts[i]} elements of {@code types[i]} at byte {@code displs[i]}. */
    private long spanW(MemorySegment seg, int[] counts, int[] displs, Datatype[] types, boolean write) {
        Errors.checkNotNull(seg, "buffer");
        Errors.checkNotNull(counts, "counts");
        Errors.checkNotNull(displs, "displacements");
        Errors.checkNotNull(types, "datatypes");
        int n = size();
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

    private static int[] packedDispls(int[] counts) {
        Errors.checkNotNull(counts, "counts");
        int[] d = new int[counts.length];
        long at = 0;
        for (int i = 0; i < counts.length; i++) {
            d[i] = Math.toIntExact(at);
            at += counts[i];
        }
        return d;
    }

    private static int sum(int[] counts) {
        long s = 0;
        for (int c : Errors.checkNotNull(counts, "counts")) {
            s += c;
        }
        return Math.toIntExact(s);
    }

    private static Datatype inferred(MemorySegment seg) {
        return Buffers.typeOf(Errors.checkNotNull(seg, "buffer"));
    }

    private static void checkOp(Op op) {
        Errors.checkNotNull(op, "operation");
    }

    private static void opDone(Op op) {
        if (op.isUserDefined()) {
            op.rethrowFailure();
        }
    }

    // blocking: small heap buffers go through this thread's staging slots (0 send, 1 receive)

    private static MemorySegment sendArg(MemorySegment seg, long bytes) {
        return Buffers.stages(seg, bytes) ? Buffers.stage(0, seg, bytes, true) : seg;
    }

    private static MemorySegment recvArg(MemorySegment seg, long bytes, boolean copyIn) {
        return Buffers.stages(seg, bytes) ? Buffers.stage(1, seg, bytes, copyIn) : seg;
    }

    private static void recvDone(MemorySegment arg, MemorySegment seg, long bytes) {
        if (arg != seg) {
            Buffers.unstage(arg, seg, bytes);
        }
    }

    /** Whether a receive through {@code type} may leave bytes of the buffer untouched. */
    private static boolean holes(Datatype type) {
        return !type.isPredefined();
    }

    // nonblocking: heap buffers are staged in native memory until the request completes

    private static Staged stageNb(MemorySegment seg, long bytes, boolean copyIn) {
        return seg == null || seg.isNative() ? null : Staged.of(seg, bytes, copyIn);
    }

    private static MemorySegment arg(MemorySegment seg, Staged st) {
        return st != null ? st.segment() : seg == null ? MemorySegment.NULL : seg;
    }

    /** Wraps a started operation, or releases its staging memory and throws if it did not start. */
    private static Request started(int rc, String function, Scratch s, Object keepAlive, Staged send, Staged recv,
            Op op) {
        if (rc != SUCCESS) {
            if (send != null) {
                send.release();
            }
            if (recv != null) {
                recv.release();
            }
            Errors.check(rc, function);
        }
        // until it completes, MPI may call a Java op from inside any other call: no critical downcalls
        boolean userOp = op != null && Downcalls.userOpStarted(op.isUserDefined());
        Runnable done = null;
        if (send != null || recv != null || userOp) {
            done = () -> {
                Downcalls.userOpDone(userOp);
                if (send != null) {
                    send.release();
                }
                if (recv != null) {
                    recv.copyBackAndRelease();
                }
                if (op != null) {
                    opDone(op);
                }
            };
        }
        return new Request(s.handle0(), false, keepAlive, done);
    }

    private static MemorySegment typeHandle(Datatype type) {
        return type == null ? Datatype.NULL.rawHandle() : type.handle();
    }

    // collectives: barrier, bcast

    /** {@code MPI_Ibarrier}: a barrier that completes once every process has started it. */
    public final Request ibarrier() {
        Scratch s = Scratch.get();
        return started(mpi_h.MPI_Ibarrier(handle(), s.handle0), "MPI_Ibarrier", s, null, null, null, null);
    }

    /**
     * {@code MPI_Bcast}: the root's {@code count} elements of {@code type} in {@code buf} are copied
     * into {@code buf} on every process.
     */
    public final void bcast(MemorySegment buf, long count, Datatype type, int root) {
        checkRoot(root);
        boolean isRoot = root == rank();
        long bytes = isRoot ? span(buf, count, type) : recvSpan(buf, count, type);
        MemorySegment a = recvArg(buf, bytes, isRoot || holes(type));
        int rc = CollectiveDowncalls.bcast(a, (int) count, type.handle(), root, handle());
        if (!isRoot) {
            recvDone(a, buf, bytes);
        }
        Errors.check(rc, "MPI_Bcast");
    }

    /** {@code MPI_Bcast} of a whole segment, its datatype inferred. */
    public final void bcast(MemorySegment buf, int root) {
        Datatype t = inferred(buf);
        bcast(buf, Buffers.countOf(buf, t), t, root);
    }

    /** {@code MPI_Ibcast}: nonblocking {@link #bcast(MemorySegment, long, Datatype, int)}. */
    public final Request ibcast(MemorySegment buf, long count, Datatype type, int root) {
        checkRoot(root);
        boolean isRoot = root == rank();
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
        checkRoot(root);
        long sb = span(sendBuf, sendCount, sendType);
        boolean isRoot = root == rank();
        long rb = isRoot ? recvSpan(recvBuf, recvCount * size(), recvType) : 0;
        MemorySegment sa = sendArg(sendBuf, sb);
        MemorySegment ra = isRoot ? recvArg(recvBuf, rb, holes(recvType)) : MemorySegment.NULL;
        int rc = CollectiveDowncalls.gather(sa, (int) sendCount, sendType.handle(), ra, (int) recvCount,
                isRoot ? recvType.handle() : typeHandle(recvType), root, handle());
        if (isRoot) {
            recvDone(ra, recvBuf, rb);
        }
        Errors.check(rc, "MPI_Gather");
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

    /**
     * {@code MPI_Gather} with {@code MPI_IN_PLACE}: at the root, {@code buf} holds {@code size()}
     * blocks of {@code count} elements, its own block already in place; elsewhere {@code buf} holds
     * the {@code count} elements to send.
     */
    public final void gatherInPlace(MemorySegment buf, long count, Datatype type, int root) {
        checkRoot(root);
        if (root != rank()) {
            gather(buf, count, type, null, 0, null, root);
            return;
        }
        long rb = recvSpan(buf, count * size(), type);
        MemorySegment ra = recvArg(buf, rb, true);
        int rc = CollectiveDowncalls.gather(IN_PLACE, 0, typeHandle(null), ra, (int) count, type.handle(), root,
                handle());
        recvDone(ra, buf, rb);
        Errors.check(rc, "MPI_Gather");
    }

    /** {@code MPI_Igather}: nonblocking {@link #gather(MemorySegment, long, Datatype, MemorySegment, long, Datatype, int)}. */
    public final Request igather(MemorySegment sendBuf, long sendCount, Datatype sendType, MemorySegment recvBuf,
            long recvCount, Datatype recvType, int root) {
        checkRoot(root);
        boolean isRoot = root == rank();
        boolean inPlace = sendBuf == IN_PLACE;
        long sb = inPlace ? 0 : span(sendBuf, sendCount, sendType);
        long rb = isRoot ? recvSpan(recvBuf, recvCount * size(), recvType) : 0;
        Staged ss = inPlace ? null : stageNb(sendBuf, sb, true);
        Staged rs = isRoot ? stageNb(recvBuf, rb, inPlace || holes(recvType)) : null;
        Scratch s = Scratch.get();
        int rc = mpi_h.MPI_Igather(inPlace ? IN_PLACE : arg(sendBuf, ss), (int) sendCount, typeHandle(sendType),
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

    /** {@code MPI_Igather} with {@code MPI_IN_PLACE} (see {@link #gatherInPlace}). */
    public final Request igatherInPlace(MemorySegment buf, long count, Datatype type, int root) {
        checkRoot(root);
        if (root != rank()) {
            return igather(buf, count, type, null, 0, null, root);
        }
        return igather(IN_PLACE, 0, null, buf, count, type, root);
    }

    /**
     * {@code MPI_Gatherv}: the root receives {@code recvCounts[i]} elements from process {@code i}
     * at {@code displs[i]} elements into {@code recvBuf}; {@code recvBuf}, {@code recvCounts},
     * {@code displs} and {@code recvType} matter at the root only.
     */
    public final void gatherv(MemorySegment sendBuf, long sendCount, Datatype sendType, MemorySegment recvBuf,
            int[] recvCounts, int[] displs, Datatype recvType, int root) {
        checkRoot(root);
        boolean inPlace = sendBuf == IN_PLACE;
        long sb = inPlace ? 0 : span(sendBuf, sendCount, sendType);
        boolean isRoot = root == rank();
        long rb = isRoot ? spanV(recvBuf, recvCounts, displs, recvType, true) : 0;
        MemorySegment sa = inPlace ? IN_PLACE : sendArg(sendBuf, sb);
        MemorySegment ra = isRoot ? recvArg(recvBuf, rb, inPlace || holes(recvType)) : MemorySegment.NULL;
        int rc = CollectiveDowncalls.gatherv(sa, (int) sendCount, typeHandle(sendType), ra,
                isRoot ? NativeArgs.ints(0, recvCounts) : MemorySegment.NULL,
                isRoot ? NativeArgs.ints(1, displs) : MemorySegment.NULL, typeHandle(recvType), root, handle());
        if (isRoot) {
            recvDone(ra, recvBuf, rb);
        }
        Errors.check(rc, "MPI_Gatherv");
    }

    /**
     * {@code MPI_Gatherv} of whole segments: every process sends all of {@code sendBuf} (datatype
     * inferred); the root places them at {@code displs} (null: one after the other).
     */
    public final void gatherv(MemorySegment sendBuf, MemorySegment recvBuf, int[] recvCounts, int[] displs, int root) {
        Datatype t = inferred(sendBuf);
        boolean isRoot = checkRoot(root) == rank();
        gatherv(sendBuf, Buffers.countOf(sendBuf, t), t, recvBuf, recvCounts,
                isRoot && displs == null ? packedDispls(recvCounts) : displs, t, root);
    }

    /**
     * {@code MPI_Gatherv} with {@code MPI_IN_PLACE}: at the root, its own block is already at
     * {@code displs[root]} of {@code buf}; elsewhere {@code buf} holds the {@code count} elements to send.
     */
    public final void gathervInPlace(MemorySegment buf, long count, int[] recvCounts, int[] displs, Datatype type,
            int root) {
        if (checkRoot(root) != rank()) {
            gatherv(buf, count, type, null, null, null, null, root);
        } else {
            gatherv(IN_PLACE, 0, null, buf, recvCounts, displs, type, root);
        }
    }

    /** {@code MPI_Igatherv}: nonblocking {@link #gatherv(MemorySegment, long, Datatype, MemorySegment, int[], int[], Datatype, int)}. */
    public final Request igatherv(MemorySegment sendBuf, long sendCount, Datatype sendType, MemorySegment recvBuf,
            int[] recvCounts, int[] displs, Datatype recvType, int root) {
        checkRoot(root);
        boolean inPlace = sendBuf == IN_PLACE;
        long sb = inPlace ? 0 : span(sendBuf, sendCount, sendType);
        boolean isRoot = root == rank();
        long rb = isRoot ? spanV(recvBuf, recvCounts, displs, recvType, true) : 0;
        Staged ss = inPlace ? null : stageNb(sendBuf, sb, true);
        Staged rs = isRoot ? stageNb(recvBuf, rb, inPlace || holes(recvType)) : null;
        MemorySegment c = isRoot ? NativeArgs.ownInts(recvCounts) : MemorySegment.NULL;
        MemorySegment d = isRoot ? NativeArgs.ownInts(displs) : MemorySegment.NULL;
        Scratch s = Scratch.get();
        int rc = mpi_h.MPI_Igatherv(inPlace ? IN_PLACE : arg(sendBuf, ss), (int) sendCount, typeHandle(sendType),
                isRoot ? arg(recvBuf, rs) : MemorySegment.NULL, c, d, typeHandle(recvType), root, handle(),
                s.handle0);
        return started(rc, "MPI_Igatherv", s, new Object[] {sendBuf, recvBuf, c, d, sendType, recvType}, ss, rs,
                null);
    }

    /** {@code MPI_Igatherv} with {@code MPI_IN_PLACE} (see {@link #gathervInPlace}). */
    public final Request igathervInPlace(MemorySegment buf, long count, int[] recvCounts, int[] displs,
            Datatype type, int root) {
        if (checkRoot(root) != rank()) {
            return igatherv(buf, count, type, null, null, null, null, root);
        }
        return igatherv(IN_PLACE, 0, null, buf, recvCounts, displs, type, root);
    }

    // collectives: scatter

    /**
     * {@code MPI_Scatter}: the root sends block {@code i} of {@code sendCount} elements of
     * {@code sendBuf} to process {@code i}; {@code sendBuf} and {@code sendType} matter at the root only.
     */
    public final void scatter(MemorySegment sendBuf, long sendCount, Datatype sendType, MemorySegment recvBuf,
            long recvCount, Datatype recvType, int root) {
        checkRoot(root);
        boolean isRoot = root == rank();
        boolean inPlace = recvBuf == IN_PLACE;
        long sb = isRoot ? span(sendBuf, sendCount * size(), sendType) : 0;
        long rb = inPlace ? 0 : recvSpan(recvBuf, recvCount, recvType);
        MemorySegment sa = isRoot ? sendArg(sendBuf, sb) : MemorySegment.NULL;
        MemorySegment ra = inPlace ? IN_PLACE : recvArg(recvBuf, rb, holes(recvType));
        int rc = CollectiveDowncalls.scatter(sa, (int) sendCount, isRoot ? sendType.handle() : typeHandle(sendType),
                ra, (int) recvCount, typeHandle(recvType), root, handle());
        if (!inPlace) {
            recvDone(ra, recvBuf, rb);
        }
        Errors.check(rc, "MPI_Scatter");
    }

    /**
     * {@code MPI_Scatter} of whole segments: every process receives exactly {@code recvBuf}
     * (datatype inferred); the root's {@code sendBuf} holds {@code size()} such blocks.
     */
    public final void scatter(MemorySegment sendBuf, MemorySegment recvBuf, int root) {
        Datatype t = inferred(recvBuf);
        int n = Buffers.countOf(recvBuf, t);
        scatter(sendBuf, n, t, recvBuf, n, t, root);
    }

    /**
     * {@code MPI_Scatter} with {@code MPI_IN_PLACE}: at the root {@code buf} holds all blocks and
     * keeps its own; elsewhere {@code buf} receives {@code count} elements.
     */
    public final void scatterInPlace(MemorySegment buf, long count, Datatype type, int root) {
        if (checkRoot(root) == rank()) {
            scatter(buf, count, type, IN_PLACE, 0, null, root);
        } else {
            scatter(null, 0, null, buf, count, type, root);
        }
    }

    /** {@code MPI_Iscatter}: nonblocking {@link #scatter(MemorySegment, long, Datatype, MemorySegment, long, Datatype, int)}. */
    public final Request iscatter(MemorySegment sendBuf, long sendCount, Datatype sendType, MemorySegment recvBuf,
            long recvCount, Datatype recvType, int root) {
        checkRoot(root);
        boolean isRoot = root == rank();
        boolean inPlace = recvBuf == IN_PLACE;
        long sb = isRoot ? span(sendBuf, sendCount * size(), sendType) : 0;
        long rb = inPlace ? 0 : recvSpan(recvBuf, recvCount, recvType);
        Staged ss = isRoot ? stageNb(sendBuf, sb, true) : null;
        Staged rs = inPlace ? null : stageNb(recvBuf, rb, holes(recvType));
        Scratch s = Scratch.get();
        int rc = mpi_h.MPI_Iscatter(isRoot ? arg(sendBuf, ss) : MemorySegment.NULL, (int) sendCount,
                typeHandle(sendType), inPlace ? IN_PLACE : arg(recvBuf, rs), (int) recvCount, typeHandle(recvType),
                root, handle(), s.handle0);
        return started(rc, "MPI_Iscatter", s, new Object[] {sendBuf, recvBuf, sendType, recvType}, ss, rs, null);
    }

    /** {@code MPI_Iscatter} of whole segments (see {@link #scatter(MemorySegment, MemorySegment, int)}). */
    public final Request iscatter(MemorySegment sendBuf, MemorySegment recvBuf, int root) {
        Datatype t = inferred(recvBuf);
        int n = Buffers.countOf(recvBuf, t);
        return iscatter(sendBuf, n, t, recvBuf, n, t, root);
    }

    /** {@code MPI_Iscatter} with {@code MPI_IN_PLACE} (see {@link #scatterInPlace}). */
    public final Request iscatterInPlace(MemorySegment buf, long count, Datatype type, int root) {
        if (checkRoot(root) == rank()) {
            return iscatter(buf, count, type, IN_PLACE, 0, null, root);
        }
        return iscatter(null, 0, null, buf, count, type, root);
    }

    /**
     * {@code MPI_Scatterv}: the root sends {@code sendCounts[i]} elements at {@code displs[i]} of
     * {@code sendBuf} to process {@code i}; the send arguments matter at the root only.
     */
    public final void scatterv(MemorySegment sendBuf, int[] sendCounts, int[] displs, Datatype sendType,
            MemorySegment recvBuf, long recvCount, Datatype recvType, int root) {
        checkRoot(root);
        boolean isRoot = root == rank();
        boolean inPlace = recvBuf == IN_PLACE;
        long sb = isRoot ? spanV(sendBuf, sendCounts, displs, sendType, false) : 0;
        long rb = inPlace ? 0 : recvSpan(recvBuf, recvCount, recvType);
        MemorySegment sa = isRoot ? sendArg(sendBuf, sb) : MemorySegment.NULL;
        MemorySegment ra = inPlace ? IN_PLACE : recvArg(recvBuf, rb, holes(recvType));
        int rc = CollectiveDowncalls.scatterv(sa, isRoot ? NativeArgs.ints(0, sendCounts) : MemorySegment.NULL,
                isRoot ? NativeArgs.ints(1, displs) : MemorySegment.NULL, typeHandle(sendType), ra, (int) recvCount,
                typeHandle(recvType), root, handle());
        if (!inPlace) {
            recvDone(ra, recvBuf, rb);
        }
        Errors.check(rc, "MPI_Scatterv");
    }

    /**
     * {@code MPI_Scatterv} of whole segments: every process receives exactly {@code recvBuf}
     * (datatype inferred); the root sends from {@code displs} (null: one after the other).
     */
    public final void scatterv(MemorySegment sendBuf, int[] sendCounts, int[] displs, MemorySegment recvBuf,
            int root) {
        Datatype t = inferred(recvBuf);
        boolean isRoot = checkRoot(root) == rank();
        scatterv(sendBuf, sendCounts, isRoot && displs == null ? packedDispls(sendCounts) : displs, t, recvBuf,
                Buffers.countOf(recvBuf, t), t, root);
    }

    /** {@code MPI_Scatterv} with {@code MPI_IN_PLACE}: the root keeps its own block in {@code buf}. */
    public final void scattervInPlace(MemorySegment buf, int[] sendCounts, int[] displs, long count, Datatype type,
            int root) {
        if (checkRoot(root) == rank()) {
            scatterv(buf, sendCounts, displs, type, IN_PLACE, 0, null, root);
        } else {
            scatterv(null, null, null, null, buf, count, type, root);
        }
    }

    /** {@code MPI_Iscatterv}: nonblocking {@link #scatterv(MemorySegment, int[], int[], Datatype, MemorySegment, long, Datatype, int)}. */
    public final Request iscatterv(MemorySegment sendBuf, int[] sendCounts, int[] displs, Datatype sendType,
            MemorySegment recvBuf, long recvCount, Datatype recvType, int root) {
        checkRoot(root);
        boolean isRoot = root == rank();
        boolean inPlace = recvBuf == IN_PLACE;
        long sb = isRoot ? spanV(sendBuf, sendCounts, displs, sendType, false) : 0;
        long rb = inPlace ? 0 : recvSpan(recvBuf, recvCount, recvType);
        Staged ss = isRoot ? stageNb(sendBuf, sb, true) : null;
        Staged rs = inPlace ? null : stageNb(recvBuf, rb, holes(recvType));
        MemorySegment c = isRoot ? NativeArgs.ownInts(sendCounts) : MemorySegment.NULL;
        MemorySegment d = isRoot ? NativeArgs.ownInts(displs) : MemorySegment.NULL;
        Scratch s = Scratch.get();
        int rc = mpi_h.MPI_Iscatterv(isRoot ? arg(sendBuf, ss) : MemorySegment.NULL, c, d, typeHandle(sendType),
                inPlace ? IN_PLACE : arg(recvBuf, rs), (int) recvCount, typeHandle(recvType), root, handle(),
                s.handle0);
        return started(rc, "MPI_Iscatterv", s, new Object[] {sendBuf, recvBuf, c, d, sendType, recvType}, ss, rs,
                null);
    }

    /** {@code MPI_Iscatterv} with {@code MPI_IN_PLACE} (see {@link #scattervInPlace}). */
    public final Request iscattervInPlace(MemorySegment buf, int[] sendCounts, int[] displs, long count,
            Datatype type, int root) {
        if (checkRoot(root) == rank()) {
            return iscatterv(buf, sendCounts, displs, type, IN_PLACE, 0, null, root);
        }
        return iscatterv(null, null, null, null, buf, count, type, root);
    }

    // collectives: allgather

    /** {@code MPI_Allgather}: every process receives {@code recvCount} elements from each, in rank order. */
    public final void allgather(MemorySegment sendBuf, long sendCount, Datatype sendType, MemorySegment recvBuf,
            long recvCount, Datatype recvType) {
        boolean inPlace = sendBuf == IN_PLACE;
        long sb = inPlace ? 0 : span(sendBuf, sendCount, sendType);
        long rb = recvSpan(recvBuf, recvCount * size(), recvType);
        MemorySegment sa = inPlace ? IN_PLACE : sendArg(sendBuf, sb);
        MemorySegment ra = recvArg(recvBuf, rb, inPlace || holes(recvType));
        int rc = CollectiveDowncalls.allgather(sa, (int) sendCount, typeHandle(sendType), ra, (int) recvCount,
                recvType.handle(), handle());
        recvDone(ra, recvBuf, rb);
        Errors.check(rc, "MPI_Allgather");
    }

    /** {@code MPI_Allgather} of whole segments: all of {@code sendBuf} (same size everywhere), datatype inferred. */
    public final void allgather(MemorySegment sendBuf, MemorySegment recvBuf) {
        Datatype t = inferred(sendBuf);
        int n = Buffers.countOf(sendBuf, t);
        allgather(sendBuf, n, t, recvBuf, n, t);
    }

    /**
     * {@code MPI_Allgather} with {@code MPI_IN_PLACE}: {@code buf} holds {@code size()} blocks of
     * {@code count} elements, this process's block already at index {@code rank()}.
     */
    public final void allgatherInPlace(MemorySegment buf, long count, Datatype type) {
        allgather(IN_PLACE, 0, null, buf, count, type);
    }

    /** {@code MPI_Iallgather}: nonblocking {@link #allgather(MemorySegment, long, Datatype, MemorySegment, long, Datatype)}. */
    public final Request iallgather(MemorySegment sendBuf, long sendCount, Datatype sendType, MemorySegment recvBuf,
            long recvCount, Datatype recvType) {
        boolean inPlace = sendBuf == IN_PLACE;
        long sb = inPlace ? 0 : span(sendBuf, sendCount, sendType);
        long rb = recvSpan(recvBuf, recvCount * size(), recvType);
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

    /** {@code MPI_Iallgather} with {@code MPI_IN_PLACE} (see {@link #allgatherInPlace}). */
    public final Request iallgatherInPlace(MemorySegment buf, long count, Datatype type) {
        return iallgather(IN_PLACE, 0, null, buf, count, type);
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
        MemorySegment sa = inPlace ? IN_PLACE : sendArg(sendBuf, sb);
        MemorySegment ra = recvArg(recvBuf, rb, inPlace || holes(recvType));
        int rc = CollectiveDowncalls.allgatherv(sa, (int) sendCount, typeHandle(sendType), ra,
                NativeArgs.ints(0, recvCounts), NativeArgs.ints(1, displs), recvType.handle(), handle());
        recvDone(ra, recvBuf, rb);
        Errors.check(rc, "MPI_Allgatherv");
    }

    /** {@code MPI_Allgatherv} of whole segments: all of {@code sendBuf}, placed at {@code displs} (null: packed). */
    public final void allgatherv(MemorySegment sendBuf, MemorySegment recvBuf, int[] recvCounts, int[] displs) {
        Datatype t = inferred(sendBuf);
        allgatherv(sendBuf, Buffers.countOf(sendBuf, t), t, recvBuf, recvCounts,
                displs == null ? packedDispls(recvCounts) : displs, t);
    }

    /** {@code MPI_Allgatherv} with {@code MPI_IN_PLACE}: this process's block is already at {@code displs[rank()]}. */
    public final void allgathervInPlace(MemorySegment buf, int[] recvCounts, int[] displs, Datatype type) {
        allgatherv(IN_PLACE, 0, null, buf, recvCounts, displs, type);
    }

    /** {@code MPI_Iallgatherv}: nonblocking {@link #allgatherv(MemorySegment, long, Datatype, MemorySegment, int[], int[], Datatype)}. */
    public final Request iallgatherv(MemorySegment sendBuf, long sendCount, Datatype sendType, MemorySegment recvBuf,
            int[] recvCounts, int[] displs, Datatype recvType) {
        boolean inPlace = sendBuf == IN_PLACE;
        long sb = inPlace ? 0 : span(sendBuf, sendCount, sendType);
        long rb = spanV(recvBuf, recvCounts, displs, recvType, true);
        Staged ss = inPlace ? null : stageNb(sendBuf, sb, true);
        Staged rs = stageNb(recvBuf, rb, inPlace || holes(recvType));
        MemorySegment c = NativeArgs.ownInts(recvCounts);
        MemorySegment d = NativeArgs.ownInts(displs);
        Scratch s = Scratch.get();
        int rc = mpi_h.MPI_Iallgatherv(inPlace ? IN_PLACE : arg(sendBuf, ss), (int) sendCount, typeHandle(sendType),
                arg(recvBuf, rs), c, d, recvType.handle(), handle(), s.handle0);
        return started(rc, "MPI_Iallgatherv", s, new Object[] {sendBuf, recvBuf, c, d, sendType, recvType}, ss, rs,
                null);
    }

    /** {@code MPI_Iallgatherv} with {@code MPI_IN_PLACE} (see {@link #allgathervInPlace}). */
    public final Request iallgathervInPlace(MemorySegment buf, int[] recvCounts, int[] displs, Datatype type) {
        return iallgatherv(IN_PLACE, 0, null, buf, recvCounts, displs, type);
    }

    // collectives: alltoall

    /**
     * {@code MPI_Alltoall}: block {@code i} of {@code sendCount} elements goes to process {@code i},
     * which stores it as block {@code rank()} of its {@code recvBuf}.
     */
    public final void alltoall(MemorySegment sendBuf, long sendCount, Datatype sendType, MemorySegment recvBuf,
            long recvCount, Datatype recvType) {
        boolean inPlace = sendBuf == IN_PLACE;
        long sb = inPlace ? 0 : span(sendBuf, sendCount * size(), sendType);
        long rb = recvSpan(recvBuf, recvCount * size(), recvType);
        MemorySegment sa = inPlace ? IN_PLACE : sendArg(sendBuf, sb);
        MemorySegment ra = recvArg(recvBuf, rb, inPlace || holes(recvType));
        int rc = CollectiveDowncalls.alltoall(sa, (int) sendCount, typeHandle(sendType), ra, (int) recvCount,
                recvType.handle(), handle());
        recvDone(ra, recvBuf, rb);
        Errors.check(rc, "MPI_Alltoall");
    }

    /**
     * {@code MPI_Alltoall} of whole segments: {@code sendBuf} (datatype inferred) is cut into
     * {@code size()} equal blocks.
     */
    public final void alltoall(MemorySegment sendBuf, MemorySegment recvBuf) {
        Datatype t = inferred(sendBuf);
        int n = blockOf(Buffers.countOf(sendBuf, t));
        alltoall(sendBuf, n, t, recvBuf, n, t);
    }

    private int blockOf(int total) {
        if (total % size() != 0) {
            throw new IllegalArgumentException(total + " elements do not split into " + size() + " equal blocks");
        }
        return total / size();
    }

    /** {@code MPI_Alltoall} with {@code MPI_IN_PLACE}: {@code buf}'s blocks are sent and replaced. */
    public final void alltoallInPlace(MemorySegment buf, long count, Datatype type) {
        alltoall(IN_PLACE, 0, null, buf, count, type);
    }

    /** {@code MPI_Ialltoall}: nonblocking {@link #alltoall(MemorySegment, long, Datatype, MemorySegment, long, Datatype)}. */
    public final Request ialltoall(MemorySegment sendBuf, long sendCount, Datatype sendType, MemorySegment recvBuf,
            long recvCount, Datatype recvType) {
        boolean inPlace = sendBuf == IN_PLACE;
        long sb = inPlace ? 0 : span(sendBuf, sendCount * size(), sendType);
        long rb = recvSpan(recvBuf, recvCount * size(), recvType);
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

    /** {@code MPI_Ialltoall} with {@code MPI_IN_PLACE}. */
    public final Request ialltoallInPlace(MemorySegment buf, long count, Datatype type) {
        return ialltoall(IN_PLACE, 0, null, buf, count, type);
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
        MemorySegment sa = inPlace ? IN_PLACE : sendArg(sendBuf, sb);
        MemorySegment ra = recvArg(recvBuf, rb, true);
        int rc = CollectiveDowncalls.alltoallv(sa, inPlace ? MemorySegment.NULL : NativeArgs.ints(0, sendCounts),
                inPlace ? MemorySegment.NULL : NativeArgs.ints(1, sendDispls), typeHandle(sendType), ra,
                NativeArgs.ints(2, recvCounts), NativeArgs.ints(3, recvDispls), recvType.handle(), handle());
        recvDone(ra, recvBuf, rb);
        Errors.check(rc, "MPI_Alltoallv");
    }

    /** {@code MPI_Alltoallv} of segments whose datatypes are inferred; null displacements: packed. */
    public final void alltoallv(MemorySegment sendBuf, int[] sendCounts, int[] sendDispls, MemorySegment recvBuf,
            int[] recvCounts, int[] recvDispls) {
        Datatype st = inferred(sendBuf);
        Datatype rt = inferred(recvBuf);
        alltoallv(sendBuf, sendCounts, sendDispls == null ? packedDispls(sendCounts) : sendDispls, st, recvBuf,
                recvCounts, recvDispls == null ? packedDispls(recvCounts) : recvDispls, rt);
    }

    /** {@code MPI_Alltoallv} with {@code MPI_IN_PLACE}: {@code buf} is sent from and received into. */
    public final void alltoallvInPlace(MemorySegment buf, int[] counts, int[] displs, Datatype type) {
        alltoallv(IN_PLACE, null, null, null, buf, counts, displs, type);
    }

    /** {@code MPI_Ialltoallv}: nonblocking {@link #alltoallv(MemorySegment, int[], int[], Datatype, MemorySegment, int[], int[], Datatype)}. */
    public final Request ialltoallv(MemorySegment sendBuf, int[] sendCounts, int[] sendDispls, Datatype sendType,
            MemorySegment recvBuf, int[] recvCounts, int[] recvDispls, Datatype recvType) {
        boolean inPlace = sendBuf == IN_PLACE;
        long sb = inPlace ? 0 : spanV(sendBuf, sendCounts, sendDispls, sendType, false);
        long rb = spanV(recvBuf, recvCounts, recvDispls, recvType, true);
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

    /** {@code MPI_Ialltoallv} with {@code MPI_IN_PLACE}. */
    public final Request ialltoallvInPlace(MemorySegment buf, int[] counts, int[] displs, Datatype type) {
        return ialltoallv(IN_PLACE, null, null, null, buf, counts, displs, type);
    }

    /**
     * {@code MPI_Alltoallw}: like {@link #alltoallv(MemorySegment, int[], int[], Datatype, MemorySegment, int[], int[], Datatype)}
     * with a datatype per process and displacements in <em>bytes</em>.
     */
    public final void alltoallw(MemorySegment sendBuf, int[] sendCounts, int[] sendDisplsBytes, Datatype[] sendTypes,
            MemorySegment recvBuf, int[] recvCounts, int[] recvDisplsBytes, Datatype[] recvTypes) {
        long sb = spanW(sendBuf, sendCounts, sendDisplsBytes, sendTypes, false);
        long rb = spanW(recvBuf, recvCounts, recvDisplsBytes, recvTypes, true);
        MemorySegment sa = sendArg(sendBuf, sb);
        MemorySegment ra = recvArg(recvBuf, rb, true);
        int rc = CollectiveDowncalls.alltoallw(sa, NativeArgs.ints(0, sendCounts), NativeArgs.ints(1, sendDisplsBytes),
                NativeArgs.types(4, sendTypes), ra, NativeArgs.ints(2, recvCounts), NativeArgs.ints(3, recvDisplsBytes),
                NativeArgs.types(5, recvTypes), handle());
        recvDone(ra, recvBuf, rb);
        Errors.check(rc, "MPI_Alltoallw");
    }

    /** {@code MPI_Ialltoallw}: nonblocking {@link #alltoallw}. */
    public final Request ialltoallw(MemorySegment sendBuf, int[] sendCounts, int[] sendDisplsBytes,
            Datatype[] sendTypes, MemorySegment recvBuf, int[] recvCounts, int[] recvDisplsBytes,
            Datatype[] recvTypes) {
        long sb = spanW(sendBuf, sendCounts, sendDisplsBytes, sendTypes, false);
        long rb = spanW(recvBuf, recvCounts, recvDisplsBytes, recvTypes, true);
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
     * with {@code op} into the root's {@code recvBuf} (ignored, and may be null, elsewhere).
     */
    public final void reduce(MemorySegment sendBuf, MemorySegment recvBuf, long count, Datatype type, Op op,
            int root) {
        checkRoot(root);
        checkOp(op);
        boolean isRoot = root == rank();
        boolean inPlace = sendBuf == IN_PLACE;
        long sb = inPlace ? 0 : span(sendBuf, count, type);
        long rb = isRoot ? recvSpan(recvBuf, count, type) : 0;
        MemorySegment sa = inPlace ? IN_PLACE : sendArg(sendBuf, sb);
        MemorySegment ra = isRoot ? recvArg(recvBuf, rb, inPlace || holes(type)) : MemorySegment.NULL;
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
    }

    /** {@code MPI_Reduce} of whole segments, count and datatype inferred from {@code sendBuf}. */
    public final void reduce(MemorySegment sendBuf, MemorySegment recvBuf, Op op, int root) {
        Datatype t = inferred(sendBuf);
        reduce(sendBuf, recvBuf, Buffers.countOf(sendBuf, t), t, op, root);
    }

    /**
     * {@code MPI_Reduce} with {@code MPI_IN_PLACE}: at the root {@code buf} is both its contribution
     * and the result; elsewhere it is the contribution.
     */
    public final void reduceInPlace(MemorySegment buf, long count, Datatype type, Op op, int root) {
        if (checkRoot(root) == rank()) {
            reduce(IN_PLACE, buf, count, type, op, root);
        } else {
            reduce(buf, null, count, type, op, root);
        }
    }

    /** {@code MPI_Ireduce}: nonblocking {@link #reduce(MemorySegment, MemorySegment, long, Datatype, Op, int)}. */
    public final Request ireduce(MemorySegment sendBuf, MemorySegment recvBuf, long count, Datatype type, Op op,
            int root) {
        checkRoot(root);
        checkOp(op);
        boolean isRoot = root == rank();
        boolean inPlace = sendBuf == IN_PLACE;
        long sb = inPlace ? 0 : span(sendBuf, count, type);
        long rb = isRoot ? recvSpan(recvBuf, count, type) : 0;
        Staged ss = inPlace ? null : stageNb(sendBuf, sb, true);
        Staged rs = isRoot ? stageNb(recvBuf, rb, inPlace || holes(type)) : null;
        Scratch s = Scratch.get();
        int rc = mpi_h.MPI_Ireduce(inPlace ? IN_PLACE : arg(sendBuf, ss), isRoot ? arg(recvBuf, rs)
                : MemorySegment.NULL, (int) count, type.handle(), op.handle(), root, handle(), s.handle0);
        return started(rc, "MPI_Ireduce", s, new Object[] {sendBuf, recvBuf, type, op}, ss, rs, op);
    }

    /** {@code MPI_Ireduce} with {@code MPI_IN_PLACE} (see {@link #reduceInPlace}). */
    public final Request ireduceInPlace(MemorySegment buf, long count, Datatype type, Op op, int root) {
        if (checkRoot(root) == rank()) {
            return ireduce(IN_PLACE, buf, count, type, op, root);
        }
        return ireduce(buf, null, count, type, op, root);
    }

    /** {@code MPI_Allreduce}: every process receives the combination of all processes' {@code sendBuf}. */
    public final void allreduce(MemorySegment sendBuf, MemorySegment recvBuf, long count, Datatype type, Op op) {
        if (sendBuf != IN_PLACE && Buffers.isNative(sendBuf) && Buffers.isNative(recvBuf)) {
            allreduceNative(sendBuf, recvBuf, count, type, op);
            return;
        }
        checkOp(op);
        boolean inPlace = sendBuf == IN_PLACE;
        long sb = inPlace ? 0 : span(sendBuf, count, type);
        long rb = recvSpan(recvBuf, count, type);
        MemorySegment sa = inPlace ? IN_PLACE : sendArg(sendBuf, sb);
        MemorySegment ra = recvArg(recvBuf, rb, inPlace || holes(type));
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
    }

    /**
     * {@link #allreduce(MemorySegment, MemorySegment, long, Datatype, Op)} of two native segments:
     * the path a small allreduce takes at C speed. Kept apart from the general path because the JIT
     * profiles a method once for all its callers: after arrays have gone through the general path
     * (staging, critical downcalls) its compiled code grows too large to inline and every call
     * through it paid for the other kinds (measured: 54 ns instead of 45 per call on one rank).
     */
    private void allreduceNative(MemorySegment sendBuf, MemorySegment recvBuf, long count, Datatype type, Op op) {
        checkOp(op);
        span(sendBuf, count, type);
        recvSpan(recvBuf, count, type);
        int rc;
        boolean javaOp = Downcalls.userOpStarted(op.isUserDefined());
        try {
            rc = mpi_h.MPI_Allreduce(sendBuf, recvBuf, (int) count, type.handle(), op.handle(), handle());
        } finally {
            Downcalls.userOpDone(javaOp);
        }
        opDone(op);
        Errors.check(rc, "MPI_Allreduce");
    }

    /** {@code MPI_Allreduce} of whole segments, count and datatype inferred from {@code sendBuf}. */
    public final void allreduce(MemorySegment sendBuf, MemorySegment recvBuf, Op op) {
        Datatype t = inferred(sendBuf);
        allreduce(sendBuf, recvBuf, Buffers.countOf(sendBuf, t), t, op);
    }

    /** {@code MPI_Allreduce} with {@code MPI_IN_PLACE}: {@code buf} is the contribution and receives the result. */
    public final void allreduceInPlace(MemorySegment buf, long count, Datatype type, Op op) {
        allreduce(IN_PLACE, buf, count, type, op);
    }

    /** {@code MPI_Allreduce} in place over a whole segment, its datatype inferred. */
    public final void allreduceInPlace(MemorySegment buf, Op op) {
        Datatype t = inferred(buf);
        allreduce(IN_PLACE, buf, Buffers.countOf(buf, t), t, op);
    }

    /** {@code MPI_Iallreduce}: nonblocking {@link #allreduce(MemorySegment, MemorySegment, long, Datatype, Op)}. */
    public final Request iallreduce(MemorySegment sendBuf, MemorySegment recvBuf, long count, Datatype type, Op op) {
        checkOp(op);
        boolean inPlace = sendBuf == IN_PLACE;
        long sb = inPlace ? 0 : span(sendBuf, count, type);
        long rb = recvSpan(recvBuf, count, type);
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

    /** {@code MPI_Iallreduce} with {@code MPI_IN_PLACE}. */
    public final Request iallreduceInPlace(MemorySegment buf, long count, Datatype type, Op op) {
        return iallreduce(IN_PLACE, buf, count, type, op);
    }

    /**
     * {@code MPI_Reduce_scatter}: combines {@code sendBuf} (the sum of {@code recvCounts} elements)
     * over all processes and scatters the result, {@code recvCounts[i]} elements to process {@code i}.
     */
    public final void reduceScatter(MemorySegment sendBuf, MemorySegment recvBuf, int[] recvCounts, Datatype type,
            Op op) {
        checkOp(op);
        Errors.checkNotNull(recvCounts, "counts");
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
        MemorySegment sa = inPlace ? IN_PLACE : sendArg(sendBuf, sb);
        MemorySegment ra = recvArg(recvBuf, rb, inPlace || holes(type));
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
    }

    /**
     * {@code MPI_Reduce_scatter} with {@code MPI_IN_PLACE}: {@code buf} holds the whole contribution
     * and receives this process's block at its start.
     */
    public final void reduceScatterInPlace(MemorySegment buf, int[] recvCounts, Datatype type, Op op) {
        reduceScatter(IN_PLACE, buf, recvCounts, type, op);
    }

    /** {@code MPI_Ireduce_scatter}: nonblocking {@link #reduceScatter}. */
    public final Request ireduceScatter(MemorySegment sendBuf, MemorySegment recvBuf, int[] recvCounts,
            Datatype type, Op op) {
        checkOp(op);
        Errors.checkNotNull(recvCounts, "counts");
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
        Staged ss = inPlace ? null : stageNb(sendBuf, sb, true);
        Staged rs = stageNb(recvBuf, rb, inPlace || holes(type));
        MemorySegment c = NativeArgs.ownInts(recvCounts);
        Scratch s = Scratch.get();
        int rc = mpi_h.MPI_Ireduce_scatter(inPlace ? IN_PLACE : arg(sendBuf, ss), arg(recvBuf, rs), c,
                type.handle(), op.handle(), handle(), s.handle0);
        return started(rc, "MPI_Ireduce_scatter", s, new Object[] {sendBuf, recvBuf, c, type, op}, ss, rs, op);
    }

    /** {@code MPI_Ireduce_scatter} with {@code MPI_IN_PLACE}. */
    public final Request ireduceScatterInPlace(MemorySegment buf, int[] recvCounts, Datatype type, Op op) {
        return ireduceScatter(IN_PLACE, buf, recvCounts, type, op);
    }

    /**
     * {@code MPI_Reduce_scatter_block}: combines {@code sendBuf} ({@code size() * recvCount}
     * elements) over all processes; process {@code i} receives block {@code i} of the result.
     */
    public final void reduceScatterBlock(MemorySegment sendBuf, MemorySegment recvBuf, long recvCount, Datatype type,
            Op op) {
        checkOp(op);
        boolean inPlace = sendBuf == IN_PLACE;
        long sb = inPlace ? 0 : span(sendBuf, recvCount * size(), type);
        long rb = recvSpan(recvBuf, inPlace ? recvCount * size() : recvCount, type);
        MemorySegment sa = inPlace ? IN_PLACE : sendArg(sendBuf, sb);
        MemorySegment ra = recvArg(recvBuf, rb, inPlace || holes(type));
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
    }

    /** {@code MPI_Reduce_scatter_block} of whole segments: the count comes from {@code recvBuf}. */
    public final void reduceScatterBlock(MemorySegment sendBuf, MemorySegment recvBuf, Op op) {
        Datatype t = inferred(recvBuf);
        reduceScatterBlock(sendBuf, recvBuf, Buffers.countOf(recvBuf, t), t, op);
    }

    /** {@code MPI_Reduce_scatter_block} with {@code MPI_IN_PLACE}: this process's block lands at the start of {@code buf}. */
    public final void reduceScatterBlockInPlace(MemorySegment buf, long recvCount, Datatype type, Op op) {
        reduceScatterBlock(IN_PLACE, buf, recvCount, type, op);
    }

    /** {@code MPI_Ireduce_scatter_block}: nonblocking {@link #reduceScatterBlock(MemorySegment, MemorySegment, long, Datatype, Op)}. */
    public final Request ireduceScatterBlock(MemorySegment sendBuf, MemorySegment recvBuf, long recvCount,
            Datatype type, Op op) {
        checkOp(op);
        boolean inPlace = sendBuf == IN_PLACE;
        long sb = inPlace ? 0 : span(sendBuf, recvCount * size(), type);
        long rb = recvSpan(recvBuf, inPlace ? recvCount * size() : recvCount, type);
        Staged ss = inPlace ? null : stageNb(sendBuf, sb, true);
        Staged rs = stageNb(recvBuf, rb, inPlace || holes(type));
        Scratch s = Scratch.get();
        int rc = mpi_h.MPI_Ireduce_scatter_block(inPlace ? IN_PLACE : arg(sendBuf, ss), arg(recvBuf, rs),
                (int) recvCount, type.handle(), op.handle(), handle(), s.handle0);
        return started(rc, "MPI_Ireduce_scatter_block", s, new Object[] {sendBuf, recvBuf, type, op}, ss, rs, op);
    }

    /** {@code MPI_Ireduce_scatter_block} with {@code MPI_IN_PLACE}. */
    public final Request ireduceScatterBlockInPlace(MemorySegment buf, long recvCount, Datatype type, Op op) {
        return ireduceScatterBlock(IN_PLACE, buf, recvCount, type, op);
    }

    /** {@code MPI_Scan}: process {@code i} receives the combination of the contributions of processes 0..i. */
    public final void scan(MemorySegment sendBuf, MemorySegment recvBuf, long count, Datatype type, Op op) {
        scanImpl(false, sendBuf, recvBuf, count, type, op);
    }

    /** {@code MPI_Scan} of whole segments, count and datatype inferred from {@code sendBuf}. */
    public final void scan(MemorySegment sendBuf, MemorySegment recvBuf, Op op) {
        Datatype t = inferred(sendBuf);
        scanImpl(false, sendBuf, recvBuf, Buffers.countOf(sendBuf, t), t, op);
    }

    /** {@code MPI_Scan} with {@code MPI_IN_PLACE}. */
    public final void scanInPlace(MemorySegment buf, long count, Datatype type, Op op) {
        scanImpl(false, IN_PLACE, buf, count, type, op);
    }

    /**
     * {@code MPI_Exscan}: process {@code i} receives the combination of the contributions of
     * processes 0..i-1; process 0's {@code recvBuf} is left unchanged.
     */
    public final void exscan(MemorySegment sendBuf, MemorySegment recvBuf, long count, Datatype type, Op op) {
        scanImpl(true, sendBuf, recvBuf, count, type, op);
    }

    /** {@code MPI_Exscan} of whole segments, count and datatype inferred from {@code sendBuf}. */
    public final void exscan(MemorySegment sendBuf, MemorySegment recvBuf, Op op) {
        Datatype t = inferred(sendBuf);
        scanImpl(true, sendBuf, recvBuf, Buffers.countOf(sendBuf, t), t, op);
    }

    /** {@code MPI_Exscan} with {@code MPI_IN_PLACE}. */
    public final void exscanInPlace(MemorySegment buf, long count, Datatype type, Op op) {
        scanImpl(true, IN_PLACE, buf, count, type, op);
    }

    private void scanImpl(boolean exclusive, MemorySegment sendBuf, MemorySegment recvBuf, long count, Datatype type,
            Op op) {
        checkOp(op);
        boolean inPlace = sendBuf == IN_PLACE;
        long sb = inPlace ? 0 : span(sendBuf, count, type);
        long rb = recvSpan(recvBuf, count, type);
        MemorySegment sa = inPlace ? IN_PLACE : sendArg(sendBuf, sb);
        // exscan leaves rank 0's buffer alone: a staged copy must carry the old contents
        MemorySegment ra = recvArg(recvBuf, rb, inPlace || exclusive || holes(type));
        int rc;
        boolean javaOp = Downcalls.userOpStarted(op.isUserDefined());
        try {
            rc = exclusive
                    ? CollectiveDowncalls.exscan(sa, ra, (int) count, type.handle(), op.handle(), handle())
                    : CollectiveDowncalls.scan(sa, ra, (int) count, type.handle(), op.handle(), handle());
        } finally {
            Downcalls.userOpDone(javaOp);
        }
        recvDone(ra, recvBuf, rb);
        opDone(op);
        Errors.check(rc, exclusive ? "MPI_Exscan" : "MPI_Scan");
    }

    /** {@code MPI_Iscan}: nonblocking {@link #scan(MemorySegment, MemorySegment, long, Datatype, Op)}. */
    public final Request iscan(MemorySegment sendBuf, MemorySegment recvBuf, long count, Datatype type, Op op) {
        return iscanImpl(false, sendBuf, recvBuf, count, type, op);
    }

    /** {@code MPI_Iscan} with {@code MPI_IN_PLACE}. */
    public final Request iscanInPlace(MemorySegment buf, long count, Datatype type, Op op) {
        return iscanImpl(false, IN_PLACE, buf, count, type, op);
    }

    /** {@code MPI_Iexscan}: nonblocking {@link #exscan(MemorySegment, MemorySegment, long, Datatype, Op)}. */
    public final Request iexscan(MemorySegment sendBuf, MemorySegment recvBuf, long count, Datatype type, Op op) {
        return iscanImpl(true, sendBuf, recvBuf, count, type, op);
    }

    /** {@code MPI_Iexscan} with {@code MPI_IN_PLACE}. */
    public final Request iexscanInPlace(MemorySegment buf, long count, Datatype type, Op op) {
        return iscanImpl(true, IN_PLACE, buf, count, type, op);
    }

    private Request iscanImpl(boolean exclusive, MemorySegment sendBuf, MemorySegment recvBuf, long count,
            Datatype type, Op op) {
        checkOp(op);
        boolean inPlace = sendBuf == IN_PLACE;
        long sb = inPlace ? 0 : span(sendBuf, count, type);
        long rb = recvSpan(recvBuf, count, type);
        Staged ss = inPlace ? null : stageNb(sendBuf, sb, true);
        Staged rs = stageNb(recvBuf, rb, inPlace || exclusive || holes(type));
        Scratch s = Scratch.get();
        MemorySegment sa = inPlace ? IN_PLACE : arg(sendBuf, ss);
        int rc = exclusive
                ? mpi_h.MPI_Iexscan(sa, arg(recvBuf, rs), (int) count, type.handle(), op.handle(), handle(), s.handle0)
                : mpi_h.MPI_Iscan(sa, arg(recvBuf, rs), (int) count, type.handle(), op.handle(), handle(), s.handle0);
        return started(rc, exclusive ? "MPI_Iexscan" : "MPI_Iscan", s, new Object[] {sendBuf, recvBuf, type, op}, ss,
                rs, op);
    }

    // collectives: whole primitive arrays (datatype from the element type; slices and other
    // element types through MemorySegment.ofArray(a).asSlice(...) and the segment forms)

    /**
     * Per-thread native memory for the send and receive side of reductions of small whole arrays:
     * the shortest path from a Java array to MPI (two copies, no segment wrappers or re-checks).
     */
    private static final int SMALL_BYTES = 256;
    private static final ThreadLocal<MemorySegment[]> SMALL = ThreadLocal.withInitial(() -> {
        MemorySegment m = java.lang.foreign.Arena.ofAuto().allocate(2L * SMALL_BYTES, 64);
        return new MemorySegment[] {m.asSlice(0, SMALL_BYTES), m.asSlice(SMALL_BYTES, SMALL_BYTES)};
    });

    private static MemorySegment seg(Object array) {
        return switch (array) {
            case null -> null;
            case byte[] a -> MemorySegment.ofArray(a);
            case int[] a -> MemorySegment.ofArray(a);
            case long[] a -> MemorySegment.ofArray(a);
            case float[] a -> MemorySegment.ofArray(a);
            case double[] a -> MemorySegment.ofArray(a);
            default -> throw new IllegalArgumentException("not a primitive array: " + array.getClass());
        };
    }

    /** {@code MPI_Bcast} of a whole {@code byte[]}. */
    public final void bcast(byte[] buf, int root) {
        bcast(MemorySegment.ofArray(buf), buf.length, Datatype.INT8_T, root);
    }

    /** {@code MPI_Ibcast} of a whole {@code byte[]} (staged in native memory until the request completes). */
    public final Request ibcast(byte[] buf, int root) {
        return ibcast(MemorySegment.ofArray(buf), buf.length, Datatype.INT8_T, root);
    }

    /** {@code MPI_Reduce} of whole {@code byte[]}s; {@code recvBuf} may be null except at the root. */
    public final void reduce(byte[] sendBuf, byte[] recvBuf, Op op, int root) {
        reduce(MemorySegment.ofArray(sendBuf), seg(recvBuf), sendBuf.length, Datatype.INT8_T, op, root);
    }

    /** {@code MPI_Allreduce} of whole {@code byte[]}s. */
    public final void allreduce(byte[] sendBuf, byte[] recvBuf, Op op) {
        int n = sendBuf.length;
        if (n <= SMALL_BYTES / 1 && recvBuf.length >= n && op.isPredefined()) {
            MemorySegment[] st = SMALL.get();
            SmallCopy.in(sendBuf, st[0], n);
            int rc = mpi_h.MPI_Allreduce(st[0], st[1], n, Datatype.INT8_T.handle(), op.handle(), handle());
            SmallCopy.out(st[1], recvBuf, n);
            Errors.check(rc, "MPI_Allreduce");
            return;
        }
        allreduce(MemorySegment.ofArray(sendBuf), MemorySegment.ofArray(recvBuf), n, Datatype.INT8_T, op);
    }

    /** {@code MPI_Allreduce} in place over a whole {@code byte[]}. */
    public final void allreduceInPlace(byte[] buf, Op op) {
        int n = buf.length;
        if (n <= SMALL_BYTES / 1 && op.isPredefined()) {
            MemorySegment st = SMALL.get()[1];
            SmallCopy.in(buf, st, n);
            int rc = mpi_h.MPI_Allreduce(IN_PLACE, st, n, Datatype.INT8_T.handle(), op.handle(), handle());
            SmallCopy.out(st, buf, n);
            Errors.check(rc, "MPI_Allreduce");
            return;
        }
        allreduce(IN_PLACE, MemorySegment.ofArray(buf), n, Datatype.INT8_T, op);
    }

    /** {@code MPI_Iallreduce} of whole {@code byte[]}s (staged in native memory until the request completes). */
    public final Request iallreduce(byte[] sendBuf, byte[] recvBuf, Op op) {
        return iallreduce(MemorySegment.ofArray(sendBuf), MemorySegment.ofArray(recvBuf), sendBuf.length,
                Datatype.INT8_T, op);
    }

    /** {@code MPI_Scan} of whole {@code byte[]}s. */
    public final void scan(byte[] sendBuf, byte[] recvBuf, Op op) {
        scan(MemorySegment.ofArray(sendBuf), MemorySegment.ofArray(recvBuf), sendBuf.length, Datatype.INT8_T, op);
    }

    /** {@code MPI_Exscan} of whole {@code byte[]}s (rank 0's {@code recvBuf} is left unchanged). */
    public final void exscan(byte[] sendBuf, byte[] recvBuf, Op op) {
        exscan(MemorySegment.ofArray(sendBuf), MemorySegment.ofArray(recvBuf), sendBuf.length, Datatype.INT8_T, op);
    }

    /** {@code MPI_Gather} of whole {@code byte[]}s: every process sends all of {@code sendBuf}; {@code recvBuf} may be null except at the root. */
    public final void gather(byte[] sendBuf, byte[] recvBuf, int root) {
        gather(MemorySegment.ofArray(sendBuf), sendBuf.length, Datatype.INT8_T, seg(recvBuf), sendBuf.length,
                Datatype.INT8_T, root);
    }

    /** {@code MPI_Gatherv} of whole {@code byte[]}s (null {@code displs}: packed); the receive arguments matter at the root only. */
    public final void gatherv(byte[] sendBuf, byte[] recvBuf, int[] recvCounts, int[] displs, int root) {
        boolean isRoot = checkRoot(root) == rank();
        gatherv(MemorySegment.ofArray(sendBuf), sendBuf.length, Datatype.INT8_T, seg(recvBuf), recvCounts,
                isRoot && displs == null ? packedDispls(recvCounts) : displs, Datatype.INT8_T, root);
    }

    /** {@code MPI_Scatter} of whole {@code byte[]}s: every process receives exactly {@code recvBuf.length} elements; {@code sendBuf} may be null except at the root. */
    public final void scatter(byte[] sendBuf, byte[] recvBuf, int root) {
        scatter(seg(sendBuf), recvBuf.length, Datatype.INT8_T, MemorySegment.ofArray(recvBuf), recvBuf.length,
                Datatype.INT8_T, root);
    }

    /** {@code MPI_Scatterv} of whole {@code byte[]}s (null {@code displs}: packed); the send arguments matter at the root only. */
    public final void scatterv(byte[] sendBuf, int[] sendCounts, int[] displs, byte[] recvBuf, int root) {
        boolean isRoot = checkRoot(root) == rank();
        scatterv(seg(sendBuf), sendCounts, isRoot && displs == null ? packedDispls(sendCounts) : displs,
                Datatype.INT8_T, MemorySegment.ofArray(recvBuf), recvBuf.length, Datatype.INT8_T, root);
    }

    /** {@code MPI_Allgather} of whole {@code byte[]}s. */
    public final void allgather(byte[] sendBuf, byte[] recvBuf) {
        allgather(MemorySegment.ofArray(sendBuf), sendBuf.length, Datatype.INT8_T, MemorySegment.ofArray(recvBuf),
                sendBuf.length, Datatype.INT8_T);
    }

    /** {@code MPI_Allgatherv} of whole {@code byte[]}s (null {@code displs}: packed). */
    public final void allgatherv(byte[] sendBuf, byte[] recvBuf, int[] recvCounts, int[] displs) {
        allgatherv(MemorySegment.ofArray(sendBuf), sendBuf.length, Datatype.INT8_T, MemorySegment.ofArray(recvBuf),
                recvCounts, displs == null ? packedDispls(recvCounts) : displs, Datatype.INT8_T);
    }

    /** {@code MPI_Alltoall} of whole {@code byte[]}s, cut into {@code size()} equal blocks. */
    public final void alltoall(byte[] sendBuf, byte[] recvBuf) {
        int n = blockOf(sendBuf.length);
        alltoall(MemorySegment.ofArray(sendBuf), n, Datatype.INT8_T, MemorySegment.ofArray(recvBuf), n, Datatype.INT8_T);
    }

    /** {@code MPI_Bcast} of a whole {@code int[]}. */
    public final void bcast(int[] buf, int root) {
        bcast(MemorySegment.ofArray(buf), buf.length, Datatype.INT32_T, root);
    }

    /** {@code MPI_Ibcast} of a whole {@code int[]} (staged in native memory until the request completes). */
    public final Request ibcast(int[] buf, int root) {
        return ibcast(MemorySegment.ofArray(buf), buf.length, Datatype.INT32_T, root);
    }

    /** {@code MPI_Reduce} of whole {@code int[]}s; {@code recvBuf} may be null except at the root. */
    public final void reduce(int[] sendBuf, int[] recvBuf, Op op, int root) {
        reduce(MemorySegment.ofArray(sendBuf), seg(recvBuf), sendBuf.length, Datatype.INT32_T, op, root);
    }

    /** {@code MPI_Allreduce} of whole {@code int[]}s. */
    public final void allreduce(int[] sendBuf, int[] recvBuf, Op op) {
        int n = sendBuf.length;
        if (n <= SMALL_BYTES / 4 && recvBuf.length >= n && op.isPredefined()) {
            MemorySegment[] st = SMALL.get();
            SmallCopy.in(sendBuf, st[0], n);
            int rc = mpi_h.MPI_Allreduce(st[0], st[1], n, Datatype.INT32_T.handle(), op.handle(), handle());
            SmallCopy.out(st[1], recvBuf, n);
            Errors.check(rc, "MPI_Allreduce");
            return;
        }
        allreduce(MemorySegment.ofArray(sendBuf), MemorySegment.ofArray(recvBuf), n, Datatype.INT32_T, op);
    }

    /** {@code MPI_Allreduce} in place over a whole {@code int[]}. */
    public final void allreduceInPlace(int[] buf, Op op) {
        int n = buf.length;
        if (n <= SMALL_BYTES / 4 && op.isPredefined()) {
            MemorySegment st = SMALL.get()[1];
            SmallCopy.in(buf, st, n);
            int rc = mpi_h.MPI_Allreduce(IN_PLACE, st, n, Datatype.INT32_T.handle(), op.handle(), handle());
            SmallCopy.out(st, buf, n);
            Errors.check(rc, "MPI_Allreduce");
            return;
        }
        allreduce(IN_PLACE, MemorySegment.ofArray(buf), n, Datatype.INT32_T, op);
    }

    /** {@code MPI_Iallreduce} of whole {@code int[]}s (staged in native memory until the request completes). */
    public final Request iallreduce(int[] sendBuf, int[] recvBuf, Op op) {
        return iallreduce(MemorySegment.ofArray(sendBuf), MemorySegment.ofArray(recvBuf), sendBuf.length,
                Datatype.INT32_T, op);
    }

    /** {@code MPI_Scan} of whole {@code int[]}s. */
    public final void scan(int[] sendBuf, int[] recvBuf, Op op) {
        scan(MemorySegment.ofArray(sendBuf), MemorySegment.ofArray(recvBuf), sendBuf.length, Datatype.INT32_T, op);
    }

    /** {@code MPI_Exscan} of whole {@code int[]}s (rank 0's {@code recvBuf} is left unchanged). */
    public final void exscan(int[] sendBuf, int[] recvBuf, Op op) {
        exscan(MemorySegment.ofArray(sendBuf), MemorySegment.ofArray(recvBuf), sendBuf.length, Datatype.INT32_T, op);
    }

    /** {@code MPI_Gather} of whole {@code int[]}s: every process sends all of {@code sendBuf}; {@code recvBuf} may be null except at the root. */
    public final void gather(int[] sendBuf, int[] recvBuf, int root) {
        gather(MemorySegment.ofArray(sendBuf), sendBuf.length, Datatype.INT32_T, seg(recvBuf), sendBuf.length,
                Datatype.INT32_T, root);
    }

    /** {@code MPI_Gatherv} of whole {@code int[]}s (null {@code displs}: packed); the receive arguments matter at the root only. */
    public final void gatherv(int[] sendBuf, int[] recvBuf, int[] recvCounts, int[] displs, int root) {
        boolean isRoot = checkRoot(root) == rank();
        gatherv(MemorySegment.ofArray(sendBuf), sendBuf.length, Datatype.INT32_T, seg(recvBuf), recvCounts,
                isRoot && displs == null ? packedDispls(recvCounts) : displs, Datatype.INT32_T, root);
    }

    /** {@code MPI_Scatter} of whole {@code int[]}s: every process receives exactly {@code recvBuf.length} elements; {@code sendBuf} may be null except at the root. */
    public final void scatter(int[] sendBuf, int[] recvBuf, int root) {
        scatter(seg(sendBuf), recvBuf.length, Datatype.INT32_T, MemorySegment.ofArray(recvBuf), recvBuf.length,
                Datatype.INT32_T, root);
    }

    /** {@code MPI_Scatterv} of whole {@code int[]}s (null {@code displs}: packed); the send arguments matter at the root only. */
    public final void scatterv(int[] sendBuf, int[] sendCounts, int[] displs, int[] recvBuf, int root) {
        boolean isRoot = checkRoot(root) == rank();
        scatterv(seg(sendBuf), sendCounts, isRoot && displs == null ? packedDispls(sendCounts) : displs,
                Datatype.INT32_T, MemorySegment.ofArray(recvBuf), recvBuf.length, Datatype.INT32_T, root);
    }

    /** {@code MPI_Allgather} of whole {@code int[]}s. */
    public final void allgather(int[] sendBuf, int[] recvBuf) {
        allgather(MemorySegment.ofArray(sendBuf), sendBuf.length, Datatype.INT32_T, MemorySegment.ofArray(recvBuf),
                sendBuf.length, Datatype.INT32_T);
    }

    /** {@code MPI_Allgatherv} of whole {@code int[]}s (null {@code displs}: packed). */
    public final void allgatherv(int[] sendBuf, int[] recvBuf, int[] recvCounts, int[] displs) {
        allgatherv(MemorySegment.ofArray(sendBuf), sendBuf.length, Datatype.INT32_T, MemorySegment.ofArray(recvBuf),
                recvCounts, displs == null ? packedDispls(recvCounts) : displs, Datatype.INT32_T);
    }

    /** {@code MPI_Alltoall} of whole {@code int[]}s, cut into {@code size()} equal blocks. */
    public final void alltoall(int[] sendBuf, int[] recvBuf) {
        int n = blockOf(sendBuf.length);
        alltoall(MemorySegment.ofArray(sendBuf), n, Datatype.INT32_T, MemorySegment.ofArray(recvBuf), n, Datatype.INT32_T);
    }

    /** {@code MPI_Bcast} of a whole {@code long[]}. */
    public final void bcast(long[] buf, int root) {
        bcast(MemorySegment.ofArray(buf), buf.length, Datatype.INT64_T, root);
    }

    /** {@code MPI_Ibcast} of a whole {@code long[]} (staged in native memory until the request completes). */
    public final Request ibcast(long[] buf, int root) {
        return ibcast(MemorySegment.ofArray(buf), buf.length, Datatype.INT64_T, root);
    }

    /** {@code MPI_Reduce} of whole {@code long[]}s; {@code recvBuf} may be null except at the root. */
    public final void reduce(long[] sendBuf, long[] recvBuf, Op op, int root) {
        reduce(MemorySegment.ofArray(sendBuf), seg(recvBuf), sendBuf.length, Datatype.INT64_T, op, root);
    }

    /** {@code MPI_Allreduce} of whole {@code long[]}s. */
    public final void allreduce(long[] sendBuf, long[] recvBuf, Op op) {
        int n = sendBuf.length;
        if (n <= SMALL_BYTES / 8 && recvBuf.length >= n && op.isPredefined()) {
            MemorySegment[] st = SMALL.get();
            SmallCopy.in(sendBuf, st[0], n);
            int rc = mpi_h.MPI_Allreduce(st[0], st[1], n, Datatype.INT64_T.handle(), op.handle(), handle());
            SmallCopy.out(st[1], recvBuf, n);
            Errors.check(rc, "MPI_Allreduce");
            return;
        }
        allreduce(MemorySegment.ofArray(sendBuf), MemorySegment.ofArray(recvBuf), n, Datatype.INT64_T, op);
    }

    /** {@code MPI_Allreduce} in place over a whole {@code long[]}. */
    public final void allreduceInPlace(long[] buf, Op op) {
        int n = buf.length;
        if (n <= SMALL_BYTES / 8 && op.isPredefined()) {
            MemorySegment st = SMALL.get()[1];
            SmallCopy.in(buf, st, n);
            int rc = mpi_h.MPI_Allreduce(IN_PLACE, st, n, Datatype.INT64_T.handle(), op.handle(), handle());
            SmallCopy.out(st, buf, n);
            Errors.check(rc, "MPI_Allreduce");
            return;
        }
        allreduce(IN_PLACE, MemorySegment.ofArray(buf), n, Datatype.INT64_T, op);
    }

    /** {@code MPI_Iallreduce} of whole {@code long[]}s (staged in native memory until the request completes). */
    public final Request iallreduce(long[] sendBuf, long[] recvBuf, Op op) {
        return iallreduce(MemorySegment.ofArray(sendBuf), MemorySegment.ofArray(recvBuf), sendBuf.length,
                Datatype.INT64_T, op);
    }

    /** {@code MPI_Scan} of whole {@code long[]}s. */
    public final void scan(long[] sendBuf, long[] recvBuf, Op op) {
        scan(MemorySegment.ofArray(sendBuf), MemorySegment.ofArray(recvBuf), sendBuf.length, Datatype.INT64_T, op);
    }

    /** {@code MPI_Exscan} of whole {@code long[]}s (rank 0's {@code recvBuf} is left unchanged). */
    public final void exscan(long[] sendBuf, long[] recvBuf, Op op) {
        exscan(MemorySegment.ofArray(sendBuf), MemorySegment.ofArray(recvBuf), sendBuf.length, Datatype.INT64_T, op);
    }

    /** {@code MPI_Gather} of whole {@code long[]}s: every process sends all of {@code sendBuf}; {@code recvBuf} may be null except at the root. */
    public final void gather(long[] sendBuf, long[] recvBuf, int root) {
        gather(MemorySegment.ofArray(sendBuf), sendBuf.length, Datatype.INT64_T, seg(recvBuf), sendBuf.length,
                Datatype.INT64_T, root);
    }

    /** {@code MPI_Gatherv} of whole {@code long[]}s (null {@code displs}: packed); the receive arguments matter at the root only. */
    public final void gatherv(long[] sendBuf, long[] recvBuf, int[] recvCounts, int[] displs, int root) {
        boolean isRoot = checkRoot(root) == rank();
        gatherv(MemorySegment.ofArray(sendBuf), sendBuf.length, Datatype.INT64_T, seg(recvBuf), recvCounts,
                isRoot && displs == null ? packedDispls(recvCounts) : displs, Datatype.INT64_T, root);
    }

    /** {@code MPI_Scatter} of whole {@code long[]}s: every process receives exactly {@code recvBuf.length} elements; {@code sendBuf} may be null except at the root. */
    public final void scatter(long[] sendBuf, long[] recvBuf, int root) {
        scatter(seg(sendBuf), recvBuf.length, Datatype.INT64_T, MemorySegment.ofArray(recvBuf), recvBuf.length,
                Datatype.INT64_T, root);
    }

    /** {@code MPI_Scatterv} of whole {@code long[]}s (null {@code displs}: packed); the send arguments matter at the root only. */
    public final void scatterv(long[] sendBuf, int[] sendCounts, int[] displs, long[] recvBuf, int root) {
        boolean isRoot = checkRoot(root) == rank();
        scatterv(seg(sendBuf), sendCounts, isRoot && displs == null ? packedDispls(sendCounts) : displs,
                Datatype.INT64_T, MemorySegment.ofArray(recvBuf), recvBuf.length, Datatype.INT64_T, root);
    }

    /** {@code MPI_Allgather} of whole {@code long[]}s. */
    public final void allgather(long[] sendBuf, long[] recvBuf) {
        allgather(MemorySegment.ofArray(sendBuf), sendBuf.length, Datatype.INT64_T, MemorySegment.ofArray(recvBuf),
                sendBuf.length, Datatype.INT64_T);
    }

    /** {@code MPI_Allgatherv} of whole {@code long[]}s (null {@code displs}: packed). */
    public final void allgatherv(long[] sendBuf, long[] recvBuf, int[] recvCounts, int[] displs) {
        allgatherv(MemorySegment.ofArray(sendBuf), sendBuf.length, Datatype.INT64_T, MemorySegment.ofArray(recvBuf),
                recvCounts, displs == null ? packedDispls(recvCounts) : displs, Datatype.INT64_T);
    }

    /** {@code MPI_Alltoall} of whole {@code long[]}s, cut into {@code size()} equal blocks. */
    public final void alltoall(long[] sendBuf, long[] recvBuf) {
        int n = blockOf(sendBuf.length);
        alltoall(MemorySegment.ofArray(sendBuf), n, Datatype.INT64_T, MemorySegment.ofArray(recvBuf), n, Datatype.INT64_T);
    }

    /** {@code MPI_Bcast} of a whole {@code float[]}. */
    public final void bcast(float[] buf, int root) {
        bcast(MemorySegment.ofArray(buf), buf.length, Datatype.FLOAT, root);
    }

    /** {@code MPI_Ibcast} of a whole {@code float[]} (staged in native memory until the request completes). */
    public final Request ibcast(float[] buf, int root) {
        return ibcast(MemorySegment.ofArray(buf), buf.length, Datatype.FLOAT, root);
    }

    /** {@code MPI_Reduce} of whole {@code float[]}s; {@code recvBuf} may be null except at the root. */
    public final void reduce(float[] sendBuf, float[] recvBuf, Op op, int root) {
        reduce(MemorySegment.ofArray(sendBuf), seg(recvBuf), sendBuf.length, Datatype.FLOAT, op, root);
    }

    /** {@code MPI_Allreduce} of whole {@code float[]}s. */
    public final void allreduce(float[] sendBuf, float[] recvBuf, Op op) {
        int n = sendBuf.length;
        if (n <= SMALL_BYTES / 4 && recvBuf.length >= n && op.isPredefined()) {
            MemorySegment[] st = SMALL.get();
            SmallCopy.in(sendBuf, st[0], n);
            int rc = mpi_h.MPI_Allreduce(st[0], st[1], n, Datatype.FLOAT.handle(), op.handle(), handle());
            SmallCopy.out(st[1], recvBuf, n);
            Errors.check(rc, "MPI_Allreduce");
            return;
        }
        allreduce(MemorySegment.ofArray(sendBuf), MemorySegment.ofArray(recvBuf), n, Datatype.FLOAT, op);
    }

    /** {@code MPI_Allreduce} in place over a whole {@code float[]}. */
    public final void allreduceInPlace(float[] buf, Op op) {
        int n = buf.length;
        if (n <= SMALL_BYTES / 4 && op.isPredefined()) {
            MemorySegment st = SMALL.get()[1];
            SmallCopy.in(buf, st, n);
            int rc = mpi_h.MPI_Allreduce(IN_PLACE, st, n, Datatype.FLOAT.handle(), op.handle(), handle());
            SmallCopy.out(st, buf, n);
            Errors.check(rc, "MPI_Allreduce");
            return;
        }
        allreduce(IN_PLACE, MemorySegment.ofArray(buf), n, Datatype.FLOAT, op);
    }

    /** {@code MPI_Iallreduce} of whole {@code float[]}s (staged in native memory until the request completes). */
    public final Request iallreduce(float[] sendBuf, float[] recvBuf, Op op) {
        return iallreduce(MemorySegment.ofArray(sendBuf), MemorySegment.ofArray(recvBuf), sendBuf.length,
                Datatype.FLOAT, op);
    }

    /** {@code MPI_Scan} of whole {@code float[]}s. */
    public final void scan(float[] sendBuf, float[] recvBuf, Op op) {
        scan(MemorySegment.ofArray(sendBuf), MemorySegment.ofArray(recvBuf), sendBuf.length, Datatype.FLOAT, op);
    }

    /** {@code MPI_Exscan} of whole {@code float[]}s (rank 0's {@code recvBuf} is left unchanged). */
    public final void exscan(float[] sendBuf, float[] recvBuf, Op op) {
        exscan(MemorySegment.ofArray(sendBuf), MemorySegment.ofArray(recvBuf), sendBuf.length, Datatype.FLOAT, op);
    }

    /** {@code MPI_Gather} of whole {@code float[]}s: every process sends all of {@code sendBuf}; {@code recvBuf} may be null except at the root. */
    public final void gather(float[] sendBuf, float[] recvBuf, int root) {
        gather(MemorySegment.ofArray(sendBuf), sendBuf.length, Datatype.FLOAT, seg(recvBuf), sendBuf.length,
                Datatype.FLOAT, root);
    }

    /** {@code MPI_Gatherv} of whole {@code float[]}s (null {@code displs}: packed); the receive arguments matter at the root only. */
    public final void gatherv(float[] sendBuf, float[] recvBuf, int[] recvCounts, int[] displs, int root) {
        boolean isRoot = checkRoot(root) == rank();
        gatherv(MemorySegment.ofArray(sendBuf), sendBuf.length, Datatype.FLOAT, seg(recvBuf), recvCounts,
                isRoot && displs == null ? packedDispls(recvCounts) : displs, Datatype.FLOAT, root);
    }

    /** {@code MPI_Scatter} of whole {@code float[]}s: every process receives exactly {@code recvBuf.length} elements; {@code sendBuf} may be null except at the root. */
    public final void scatter(float[] sendBuf, float[] recvBuf, int root) {
        scatter(seg(sendBuf), recvBuf.length, Datatype.FLOAT, MemorySegment.ofArray(recvBuf), recvBuf.length,
                Datatype.FLOAT, root);
    }

    /** {@code MPI_Scatterv} of whole {@code float[]}s (null {@code displs}: packed); the send arguments matter at the root only. */
    public final void scatterv(float[] sendBuf, int[] sendCounts, int[] displs, float[] recvBuf, int root) {
        boolean isRoot = checkRoot(root) == rank();
        scatterv(seg(sendBuf), sendCounts, isRoot && displs == null ? packedDispls(sendCounts) : displs,
                Datatype.FLOAT, MemorySegment.ofArray(recvBuf), recvBuf.length, Datatype.FLOAT, root);
    }

    /** {@code MPI_Allgather} of whole {@code float[]}s. */
    public final void allgather(float[] sendBuf, float[] recvBuf) {
        allgather(MemorySegment.ofArray(sendBuf), sendBuf.length, Datatype.FLOAT, MemorySegment.ofArray(recvBuf),
                sendBuf.length, Datatype.FLOAT);
    }

    /** {@code MPI_Allgatherv} of whole {@code float[]}s (null {@code displs}: packed). */
    public final void allgatherv(float[] sendBuf, float[] recvBuf, int[] recvCounts, int[] displs) {
        allgatherv(MemorySegment.ofArray(sendBuf), sendBuf.length, Datatype.FLOAT, MemorySegment.ofArray(recvBuf),
                recvCounts, displs == null ? packedDispls(recvCounts) : displs, Datatype.FLOAT);
    }

    /** {@code MPI_Alltoall} of whole {@code float[]}s, cut into {@code size()} equal blocks. */
    public final void alltoall(float[] sendBuf, float[] recvBuf) {
        int n = blockOf(sendBuf.length);
        alltoall(MemorySegment.ofArray(sendBuf), n, Datatype.FLOAT, MemorySegment.ofArray(recvBuf), n, Datatype.FLOAT);
    }

    /** {@code MPI_Bcast} of a whole {@code double[]}. */
    public final void bcast(double[] buf, int root) {
        bcast(MemorySegment.ofArray(buf), buf.length, Datatype.DOUBLE, root);
    }

    /** {@code MPI_Ibcast} of a whole {@code double[]} (staged in native memory until the request completes). */
    public final Request ibcast(double[] buf, int root) {
        return ibcast(MemorySegment.ofArray(buf), buf.length, Datatype.DOUBLE, root);
    }

    /** {@code MPI_Reduce} of whole {@code double[]}s; {@code recvBuf} may be null except at the root. */
    public final void reduce(double[] sendBuf, double[] recvBuf, Op op, int root) {
        reduce(MemorySegment.ofArray(sendBuf), seg(recvBuf), sendBuf.length, Datatype.DOUBLE, op, root);
    }

    /** {@code MPI_Allreduce} of whole {@code double[]}s. */
    public final void allreduce(double[] sendBuf, double[] recvBuf, Op op) {
        int n = sendBuf.length;
        if (n <= SMALL_BYTES / 8 && recvBuf.length >= n && op.isPredefined()) {
            MemorySegment[] st = SMALL.get();
            SmallCopy.in(sendBuf, st[0], n);
            int rc = mpi_h.MPI_Allreduce(st[0], st[1], n, Datatype.DOUBLE.handle(), op.handle(), handle());
            SmallCopy.out(st[1], recvBuf, n);
            Errors.check(rc, "MPI_Allreduce");
            return;
        }
        allreduce(MemorySegment.ofArray(sendBuf), MemorySegment.ofArray(recvBuf), n, Datatype.DOUBLE, op);
    }

    /** {@code MPI_Allreduce} in place over a whole {@code double[]}. */
    public final void allreduceInPlace(double[] buf, Op op) {
        int n = buf.length;
        if (n <= SMALL_BYTES / 8 && op.isPredefined()) {
            MemorySegment st = SMALL.get()[1];
            SmallCopy.in(buf, st, n);
            int rc = mpi_h.MPI_Allreduce(IN_PLACE, st, n, Datatype.DOUBLE.handle(), op.handle(), handle());
            SmallCopy.out(st, buf, n);
            Errors.check(rc, "MPI_Allreduce");
            return;
        }
        allreduce(IN_PLACE, MemorySegment.ofArray(buf), n, Datatype.DOUBLE, op);
    }

    /** {@code MPI_Iallreduce} of whole {@code double[]}s (staged in native memory until the request completes). */
    public final Request iallreduce(double[] sendBuf, double[] recvBuf, Op op) {
        return iallreduce(MemorySegment.ofArray(sendBuf), MemorySegment.ofArray(recvBuf), sendBuf.length,
                Datatype.DOUBLE, op);
    }

    /** {@code MPI_Scan} of whole {@code double[]}s. */
    public final void scan(double[] sendBuf, double[] recvBuf, Op op) {
        scan(MemorySegment.ofArray(sendBuf), MemorySegment.ofArray(recvBuf), sendBuf.length, Datatype.DOUBLE, op);
    }

    /** {@code MPI_Exscan} of whole {@code double[]}s (rank 0's {@code recvBuf} is left unchanged). */
    public final void exscan(double[] sendBuf, double[] recvBuf, Op op) {
        exscan(MemorySegment.ofArray(sendBuf), MemorySegment.ofArray(recvBuf), sendBuf.length, Datatype.DOUBLE, op);
    }

    /** {@code MPI_Gather} of whole {@code double[]}s: every process sends all of {@code sendBuf}; {@code recvBuf} may be null except at the root. */
    public final void gather(double[] sendBuf, double[] recvBuf, int root) {
        gather(MemorySegment.ofArray(sendBuf), sendBuf.length, Datatype.DOUBLE, seg(recvBuf), sendBuf.length,
                Datatype.DOUBLE, root);
    }

    /** {@code MPI_Gatherv} of whole {@code double[]}s (null {@code displs}: packed); the receive arguments matter at the root only. */
    public final void gatherv(double[] sendBuf, double[] recvBuf, int[] recvCounts, int[] displs, int root) {
        boolean isRoot = checkRoot(root) == rank();
        gatherv(MemorySegment.ofArray(sendBuf), sendBuf.length, Datatype.DOUBLE, seg(recvBuf), recvCounts,
                isRoot && displs == null ? packedDispls(recvCounts) : displs, Datatype.DOUBLE, root);
    }

    /** {@code MPI_Scatter} of whole {@code double[]}s: every process receives exactly {@code recvBuf.length} elements; {@code sendBuf} may be null except at the root. */
    public final void scatter(double[] sendBuf, double[] recvBuf, int root) {
        scatter(seg(sendBuf), recvBuf.length, Datatype.DOUBLE, MemorySegment.ofArray(recvBuf), recvBuf.length,
                Datatype.DOUBLE, root);
    }

    /** {@code MPI_Scatterv} of whole {@code double[]}s (null {@code displs}: packed); the send arguments matter at the root only. */
    public final void scatterv(double[] sendBuf, int[] sendCounts, int[] displs, double[] recvBuf, int root) {
        boolean isRoot = checkRoot(root) == rank();
        scatterv(seg(sendBuf), sendCounts, isRoot && displs == null ? packedDispls(sendCounts) : displs,
                Datatype.DOUBLE, MemorySegment.ofArray(recvBuf), recvBuf.length, Datatype.DOUBLE, root);
    }

    /** {@code MPI_Allgather} of whole {@code double[]}s. */
    public final void allgather(double[] sendBuf, double[] recvBuf) {
        allgather(MemorySegment.ofArray(sendBuf), sendBuf.length, Datatype.DOUBLE, MemorySegment.ofArray(recvBuf),
                sendBuf.length, Datatype.DOUBLE);
    }

    /** {@code MPI_Allgatherv} of whole {@code double[]}s (null {@code displs}: packed). */
    public final void allgatherv(double[] sendBuf, double[] recvBuf, int[] recvCounts, int[] displs) {
        allgatherv(MemorySegment.ofArray(sendBuf), sendBuf.length, Datatype.DOUBLE, MemorySegment.ofArray(recvBuf),
                recvCounts, displs == null ? packedDispls(recvCounts) : displs, Datatype.DOUBLE);
    }

    /** {@code MPI_Alltoall} of whole {@code double[]}s, cut into {@code size()} equal blocks. */
    public final void alltoall(double[] sendBuf, double[] recvBuf) {
        int n = blockOf(sendBuf.length);
        alltoall(MemorySegment.ofArray(sendBuf), n, Datatype.DOUBLE, MemorySegment.ofArray(recvBuf), n, Datatype.DOUBLE);
    }

    @Override
    public String toString() {
        if (isNull()) {
            return "COMM_NULL";
        }
        return isFreed() ? "Intracomm[freed]" : "Intracomm[" + getName() + ", rank " + rank() + " of " + size() + "]";
    }

    // ---- object collectives -------------------------------------------------------------------
    // mpi4py's lowercase collectives for any Java object (see Comm#sendObject). A process whose
    // object cannot be serialized throws; the others throw too, and no process is left waiting.

    /**
     * Broadcasts an object from {@code root}; every process returns it (the root its own object,
     * the others a copy). Large arrays inside it are broadcast straight from and into the arrays.
     */
    @SuppressWarnings("unchecked")
    public final <T> T bcastObject(T obj, int root) {
        return (T) ObjectTransport.bcast(this, obj, root);
    }

    /**
     * Gathers one object from every process at {@code root}.
     *
     * @return at the root, the objects in rank order; null elsewhere
     */
    public final <T> java.util.List<T> gatherObject(T obj, int root) {
        return ObjectTransport.gather(this, obj, root);
    }

    /** Gathers one object from every process at every process, in rank order. */
    public final <T> java.util.List<T> allgatherObject(T obj) {
        return ObjectTransport.allgather(this, obj);
    }

    /**
     * Sends {@code items.get(i)} from {@code root} to process i.
     *
     * @param items one object per process, read at the root only (may be null elsewhere)
     * @return this process's object
     */
    public final <T> T scatterObject(java.util.List<? extends T> items, int root) {
        return ObjectTransport.scatter(this, items, root);
    }

    /** Sends {@code items.get(j)} to process j and returns what every process sent here, in rank order. */
    public final <T> java.util.List<T> alltoallObject(java.util.List<? extends T> items) {
        return ObjectTransport.alltoall(this, items);
    }

    /**
     * Combines the objects of all processes with {@code op} at {@code root}, in rank order:
     * {@code op(...op(op(x0, x1), x2)..., xn-1)}, so {@code op} need not be commutative.
     *
     * @return the result at the root, null elsewhere
     */
    public final <T> T reduceObject(T obj, java.util.function.BinaryOperator<T> op, int root) {
        Errors.checkNotNull(op, "operator");
        java.util.List<T> all = gatherObject(obj, root);
        return all == null ? null : fold(all, all.size(), op);
    }

    /** {@link #reduceObject} with the result on every process. */
    public final <T> T allreduceObject(T obj, java.util.function.BinaryOperator<T> op) {
        Errors.checkNotNull(op, "operator");
        java.util.List<T> all = allgatherObject(obj);
        return fold(all, all.size(), op);
    }

    /** Inclusive prefix reduction: process i gets {@code op} over the objects of processes 0..i. */
    public final <T> T scanObject(T obj, java.util.function.BinaryOperator<T> op) {
        Errors.checkNotNull(op, "operator");
        java.util.List<T> all = allgatherObject(obj);
        return fold(all, rank() + 1, op);
    }

    /** Exclusive prefix reduction: process i gets {@code op} over processes 0..i-1; process 0 gets null. */
    public final <T> T exscanObject(T obj, java.util.function.BinaryOperator<T> op) {
        Errors.checkNotNull(op, "operator");
        java.util.List<T> all = allgatherObject(obj);
        return rank() == 0 ? null : fold(all, rank(), op);
    }

    private static <T> T fold(java.util.List<T> values, int count, java.util.function.BinaryOperator<T> op) {
        T acc = values.get(0);
        for (int i = 1; i < count; i++) {
            acc = op.apply(acc, values.get(i));
        }
        return acc;
    }
    // ---- end of object collectives ------------------------------------------------------------
}
