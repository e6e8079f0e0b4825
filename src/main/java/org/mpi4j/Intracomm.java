package org.mpi4j;

import java.lang.foreign.MemorySegment;
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

    /** {@code MPI_Comm_dup}: a new communicator with the same group and a new context. Collective. */
    public Intracomm dup() {
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Comm_dup(handle(), s.handle0), "MPI_Comm_dup");
        return fromRef(s.handle0);
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

    @Override
    public String toString() {
        if (isNull()) {
            return "COMM_NULL";
        }
        return isFreed() ? "Intracomm[freed]" : "Intracomm[" + getName() + ", rank " + rank() + " of " + size() + "]";
    }
}
