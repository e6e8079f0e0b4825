package org.mpi4j;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.function.BinaryOperator;
import org.mpi4j.ffi.mpi_h;
import org.mpi4j.internal.Downcalls;
import org.mpi4j.internal.OpenMpiAbi;
import org.mpi4j.internal.Scratch;

/**
 * An intercommunicator: two disjoint groups of processes, the local group (this process's) and
 * the remote group, that talk across. Made by {@link Intracomm#createIntercomm}, by
 * {@link Intracomm#spawn spawning} processes, by {@link Intracomm#accept accept}/{@link Intracomm#connect
 * connect}, or found with {@link MPI#parent()}.
 *
 * <p>{@link #rank()} and {@link #size()} are about the local group; every rank argument (a
 * destination, a source, a root) names a process of the remote group. Collectives follow MPI's
 * intercommunicator rules: in a rooted collective the root passes {@link MPI#ROOT}, the other
 * processes of its group pass {@link MPI#PROC_NULL}, and the processes of the other group pass
 * the root's rank in the root's group; the all-to-all collectives exchange across, so each group
 * receives what the other group sent.
 */
public final class Intercomm extends Comm {

    Intercomm(MemorySegment handle, boolean predefined, boolean isNull) {
        super(handle, predefined, isNull);
    }

    Intercomm(MemorySegment handle, boolean predefined, boolean isNull, boolean owned) {
        super(handle, predefined, isNull, owned);
    }

    /**
     * {@link Comm#fromHandle} for a handle known to be an intercommunicator (borrowed, as there).
     *
     * @throws IllegalArgumentException if it is not a valid handle of one
     */
    public static Intercomm fromHandle(MemorySegment handle) {
        return as(Comm.fromHandle(handle), Intercomm.class);
    }

    /** {@link Comm#fromFortran} for an intercommunicator. */
    public static Intercomm fromFortran(int fortranHandle) {
        return as(Comm.fromFortran(fortranHandle), Intercomm.class);
    }

    /**
     * The parent intercommunicator MPI keeps for a spawned process: disconnecting or freeing it
     * is allowed, but not owed, so dropping the wrapper warns of no leak.
     */
    static Intercomm parentFromRef(MemorySegment ref) {
        MemorySegment h = ref.get(ValueLayout.ADDRESS, 0);
        if (isNullHandle(h)) {
            return nullComm();
        }
        return new Intercomm(adopt(h), false, false, false);
    }

    static Intercomm nullComm() {
        return new Intercomm(OpenMpiAbi.predefined("MPI_COMM_NULL"), true, true);
    }

    /** Wraps the intercommunicator a call left in {@code ref}, with mpi4j's error handler. */
    static Intercomm fromRef(MemorySegment ref) {
        MemorySegment h = ref.get(ValueLayout.ADDRESS, 0);
        if (isNullHandle(h)) {
            return nullComm();
        }
        return new Intercomm(adopt(h), false, false);
    }

    private int remoteSize = -1;

    /** {@code MPI_Comm_remote_size}: the number of processes in the remote group. */
    public int remoteSize() {
        MemorySegment h = handle();
        int n = remoteSize;
        if (n < 0) {
            Scratch s = Scratch.get();
            Errors.check(mpi_h.MPI_Comm_remote_size(h, s.int0), "MPI_Comm_remote_size");
            n = remoteSize = s.int0();
        }
        return n;
    }

    /** {@code MPI_Comm_remote_group}: the remote group (free it when done). */
    public Group remoteGroup() {
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Comm_remote_group(handle(), s.handle0), "MPI_Comm_remote_group");
        return Group.fromRef(s.handle0);
    }

    /** Ranks in point-to-point calls and roots name processes of the remote group. */
    @Override
    int peerSize() {
        return remoteSize();
    }

    /** {@code MPI_Comm_dup}: a new intercommunicator with the same groups and a new context. Collective. */
    public Intercomm dup() {
        Scratch s = Scratch.get();
        Errors.check(Downcalls.commDup(handle(), s.handle0), "MPI_Comm_dup");
        return fromRef(s.handle0);
    }

    /**
     * {@code MPI_Intercomm_merge}: one intracommunicator of both groups. Collective over both
     * groups. The group passing {@code high = false} comes first in the new rank order (when both
     * pass the same value, the order of the groups is unspecified).
     */
    public Intracomm merge(boolean high) {
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Intercomm_merge(handle(), high ? 1 : 0, s.handle0), "MPI_Intercomm_merge");
        return Intracomm.fromRef(s.handle0);
    }

    /**
     * The root argument of a rooted collective here: {@link MPI#ROOT} at the root,
     * {@link MPI#PROC_NULL} in the rest of its group, or a rank of the remote group in the other group.
     */
    @Override
    int checkRoot(int root) {
        if (root != MPI.ROOT && root != MPI.PROC_NULL && (root < 0 || root >= remoteSize())) {
            throw new IllegalArgumentException("invalid root " + root + " for an intercommunicator: MPI.ROOT at the"
                    + " root, MPI.PROC_NULL in the rest of its group, or a rank of the remote group (0.."
                    + (remoteSize() - 1) + ") in the other group");
        }
        return root;
    }

    /** The root's buffers are used where the root passes {@link MPI#ROOT}. */
    @Override
    boolean isRoot(int root) {
        return root == MPI.ROOT;
    }

    /** Only the group without the root sends to or receives from it; {@link MPI#PROC_NULL} takes no part. */
    @Override
    boolean contributes(int root) {
        return root >= 0;
    }

    @Override
    public String toString() {
        if (isNull()) {
            return "COMM_NULL";
        }
        return isFreed() ? "Intercomm[freed]" : "Intercomm[" + getName() + ", rank " + rank() + " of " + size()
                + ", remote group of " + remoteSize() + "]";
    }

    // ---- object collectives -------------------------------------------------------------------
    // The root rules of the buffer collectives (MPI.ROOT, MPI.PROC_NULL, a remote rank); any Java
    // object, serialized as by Comm#sendObject. A process whose object cannot be serialized throws,
    // and so does every other process: none is left waiting.

    /**
     * Broadcasts an object from the root to every process of the other group.
     *
     * @param root {@link MPI#ROOT} at the root, {@link MPI#PROC_NULL} in the rest of its group, the
     *             root's rank elsewhere
     * @return the root's object (at the root itself too); null in the rest of the root's group
     */
    public <T> T bcastObject(T obj, int root) {
        return ObjectTransport.interBcast(this, obj, checkRoot(root));
    }

    /**
     * Gathers one object from every process of the other group at the root.
     *
     * @return at the root ({@link MPI#ROOT}), the remote group's objects in rank order; null elsewhere
     */
    public <T> List<T> gatherObject(T obj, int root) {
        return ObjectTransport.gather(this, obj, root);
    }

    /**
     * Sends {@code items.get(i)} from the root to process i of the other group.
     *
     * @param items one object per process of the remote group, read at the root only (may be null elsewhere)
     * @return this process's object; null in the root's group
     */
    public <T> T scatterObject(List<? extends T> items, int root) {
        return ObjectTransport.scatter(this, items, root);
    }

    /** Every process sends {@code obj} to the other group and returns the remote group's objects in rank order. */
    public <T> List<T> allgatherObject(T obj) {
        return ObjectTransport.allgather(this, obj);
    }

    /**
     * Sends {@code items.get(j)} to process j of the remote group and returns what every remote
     * process sent here, in rank order.
     */
    public <T> List<T> alltoallObject(List<? extends T> items) {
        return ObjectTransport.alltoall(this, items);
    }

    /**
     * Combines the objects of the other group's processes with {@code op} at the root, in rank
     * order ({@code op} need not be commutative).
     *
     * @return the result at the root ({@link MPI#ROOT}); null elsewhere
     */
    public <T> T reduceObject(T obj, BinaryOperator<T> op, int root) {
        Errors.checkNotNull(op, "operator");
        List<T> all = gatherObject(obj, root);
        return all == null ? null : fold(all, op);
    }

    /** Each process receives the combination, in rank order, of the other group's objects. */
    public <T> T allreduceObject(T obj, BinaryOperator<T> op) {
        Errors.checkNotNull(op, "operator");
        return fold(allgatherObject(obj), op);
    }

    private static <T> T fold(List<T> values, BinaryOperator<T> op) {
        T acc = values.get(0);
        for (int i = 1; i < values.size(); i++) {
            acc = op.apply(acc, values.get(i));
        }
        return acc;
    }
}
