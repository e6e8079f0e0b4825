package org.mpi4j.internal;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import org.mpi4j.ffi.mpi_h;

/**
 * Downcall handles for the collectives and pack/unpack, linked with
 * {@link java.lang.foreign.Linker.Option#critical(boolean) critical(true)} so that heap segments
 * (Java arrays) go to MPI without a copy, as in {@link Downcalls}. Native buffers take the ordinary
 * generated binding, which lets the garbage collector run while MPI waits for other processes.
 * The count and displacement arrays of the v-variants are Java arrays too, so those always go
 * through the critical handle. On a virtual thread each blocking collective is its nonblocking
 * form followed by polls that park ({@link VirtualWait#collective}), so that a virtual thread
 * waiting for the other processes does not hold its carrier.
 */
public final class CollectiveDowncalls {
    private CollectiveDowncalls() {
    }

    private static final MethodHandle BCAST = Downcalls.critical(mpi_h.MPI_Bcast$address(),
            mpi_h.MPI_Bcast$descriptor());
    private static final MethodHandle GATHER = Downcalls.critical(mpi_h.MPI_Gather$address(),
            mpi_h.MPI_Gather$descriptor());
    private static final MethodHandle GATHERV = Downcalls.critical(mpi_h.MPI_Gatherv$address(),
            mpi_h.MPI_Gatherv$descriptor());
    private static final MethodHandle SCATTER = Downcalls.critical(mpi_h.MPI_Scatter$address(),
            mpi_h.MPI_Scatter$descriptor());
    private static final MethodHandle SCATTERV = Downcalls.critical(mpi_h.MPI_Scatterv$address(),
            mpi_h.MPI_Scatterv$descriptor());
    private static final MethodHandle ALLGATHER = Downcalls.critical(mpi_h.MPI_Allgather$address(),
            mpi_h.MPI_Allgather$descriptor());
    private static final MethodHandle ALLGATHERV = Downcalls.critical(mpi_h.MPI_Allgatherv$address(),
            mpi_h.MPI_Allgatherv$descriptor());
    private static final MethodHandle ALLTOALL = Downcalls.critical(mpi_h.MPI_Alltoall$address(),
            mpi_h.MPI_Alltoall$descriptor());
    private static final MethodHandle ALLTOALLV = Downcalls.critical(mpi_h.MPI_Alltoallv$address(),
            mpi_h.MPI_Alltoallv$descriptor());
    private static final MethodHandle ALLTOALLW = Downcalls.critical(mpi_h.MPI_Alltoallw$address(),
            mpi_h.MPI_Alltoallw$descriptor());
    private static final MethodHandle REDUCE = Downcalls.critical(mpi_h.MPI_Reduce$address(),
            mpi_h.MPI_Reduce$descriptor());
    private static final MethodHandle ALLREDUCE = Downcalls.critical(mpi_h.MPI_Allreduce$address(),
            mpi_h.MPI_Allreduce$descriptor());
    private static final MethodHandle REDUCE_LOCAL = Downcalls.critical(mpi_h.MPI_Reduce_local$address(),
            mpi_h.MPI_Reduce_local$descriptor());
    private static final MethodHandle REDUCE_SCATTER = Downcalls.critical(mpi_h.MPI_Reduce_scatter$address(),
            mpi_h.MPI_Reduce_scatter$descriptor());
    private static final MethodHandle REDUCE_SCATTER_BLOCK = Downcalls.critical(
            mpi_h.MPI_Reduce_scatter_block$address(), mpi_h.MPI_Reduce_scatter_block$descriptor());
    private static final MethodHandle SCAN = Downcalls.critical(mpi_h.MPI_Scan$address(),
            mpi_h.MPI_Scan$descriptor());
    private static final MethodHandle EXSCAN = Downcalls.critical(mpi_h.MPI_Exscan$address(),
            mpi_h.MPI_Exscan$descriptor());
    private static final MethodHandle PACK = Downcalls.critical(mpi_h.MPI_Pack$address(),
            mpi_h.MPI_Pack$descriptor());
    private static final MethodHandle UNPACK = Downcalls.critical(mpi_h.MPI_Unpack$address(),
            mpi_h.MPI_Unpack$descriptor());
    private static final MethodHandle PACK_EXTERNAL = Downcalls.critical(mpi_h.MPI_Pack_external$address(),
            mpi_h.MPI_Pack_external$descriptor());
    private static final MethodHandle UNPACK_EXTERNAL = Downcalls.critical(mpi_h.MPI_Unpack_external$address(),
            mpi_h.MPI_Unpack_external$descriptor());

    private static boolean nat(MemorySegment a, MemorySegment b) {
        return Downcalls.isNative(a) && Downcalls.isNative(b);
    }

    public static int bcast(MemorySegment buf, int count, MemorySegment type, int root, MemorySegment comm) {
        if (VirtualWait.applies()) {
            return VirtualWait.collective(mpi_h.MPI_Ibcast$handle(), buf, count, type, root, comm);
        }
        if (Downcalls.isNative(buf)) {
            return mpi_h.MPI_Bcast(buf, count, type, root, comm);
        }
        if (!Downcalls.criticalAllowed()) {
            return Downcalls.viaCopies(mpi_h.MPI_Bcast$handle(), buf, count, type, root, comm);
        }
        try {
            return (int) BCAST.invokeExact(buf, count, type, root, comm);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    public static int gather(MemorySegment sbuf, int scount, MemorySegment stype, MemorySegment rbuf, int rcount,
            MemorySegment rtype, int root, MemorySegment comm) {
        if (VirtualWait.applies()) {
            return VirtualWait.collective(mpi_h.MPI_Igather$handle(), sbuf, scount, stype, rbuf, rcount, rtype, root, comm);
        }
        if (nat(sbuf, rbuf)) {
            return mpi_h.MPI_Gather(sbuf, scount, stype, rbuf, rcount, rtype, root, comm);
        }
        if (!Downcalls.criticalAllowed()) {
            return Downcalls.viaCopies(mpi_h.MPI_Gather$handle(), sbuf, scount, stype, rbuf, rcount, rtype, root, comm);
        }
        try {
            return (int) GATHER.invokeExact(sbuf, scount, stype, rbuf, rcount, rtype, root, comm);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    public static int gatherv(MemorySegment sbuf, int scount, MemorySegment stype, MemorySegment rbuf, MemorySegment rcounts,
            MemorySegment displs, MemorySegment rtype, int root, MemorySegment comm) {
        if (VirtualWait.applies()) {
            return VirtualWait.collective(mpi_h.MPI_Igatherv$handle(), sbuf, scount, stype, rbuf, rcounts, displs, rtype, root, comm);
        }
        if (!Downcalls.criticalAllowed()) {
            return Downcalls.viaCopies(mpi_h.MPI_Gatherv$handle(),
                    sbuf, scount, stype, rbuf, rcounts, displs, rtype, root, comm);
        }
        try {
            return (int) GATHERV.invokeExact(sbuf, scount, stype, rbuf, rcounts, displs, rtype, root, comm);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    public static int scatter(MemorySegment sbuf, int scount, MemorySegment stype, MemorySegment rbuf, int rcount,
            MemorySegment rtype, int root, MemorySegment comm) {
        if (VirtualWait.applies()) {
            return VirtualWait.collective(mpi_h.MPI_Iscatter$handle(), sbuf, scount, stype, rbuf, rcount, rtype, root, comm);
        }
        if (nat(sbuf, rbuf)) {
            return mpi_h.MPI_Scatter(sbuf, scount, stype, rbuf, rcount, rtype, root, comm);
        }
        if (!Downcalls.criticalAllowed()) {
            return Downcalls.viaCopies(mpi_h.MPI_Scatter$handle(),
                    sbuf, scount, stype, rbuf, rcount, rtype, root, comm);
        }
        try {
            return (int) SCATTER.invokeExact(sbuf, scount, stype, rbuf, rcount, rtype, root, comm);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    public static int scatterv(MemorySegment sbuf, MemorySegment scounts, MemorySegment displs, MemorySegment stype,
            MemorySegment rbuf, int rcount, MemorySegment rtype, int root, MemorySegment comm) {
        if (VirtualWait.applies()) {
            return VirtualWait.collective(mpi_h.MPI_Iscatterv$handle(), sbuf, scounts, displs, stype, rbuf, rcount, rtype, root, comm);
        }
        if (!Downcalls.criticalAllowed()) {
            return Downcalls.viaCopies(mpi_h.MPI_Scatterv$handle(),
                    sbuf, scounts, displs, stype, rbuf, rcount, rtype, root, comm);
        }
        try {
            return (int) SCATTERV.invokeExact(sbuf, scounts, displs, stype, rbuf, rcount, rtype, root, comm);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    public static int allgather(MemorySegment sbuf, int scount, MemorySegment stype, MemorySegment rbuf, int rcount,
            MemorySegment rtype, MemorySegment comm) {
        if (VirtualWait.applies()) {
            return VirtualWait.collective(mpi_h.MPI_Iallgather$handle(), sbuf, scount, stype, rbuf, rcount, rtype, comm);
        }
        if (nat(sbuf, rbuf)) {
            return mpi_h.MPI_Allgather(sbuf, scount, stype, rbuf, rcount, rtype, comm);
        }
        if (!Downcalls.criticalAllowed()) {
            return Downcalls.viaCopies(mpi_h.MPI_Allgather$handle(), sbuf, scount, stype, rbuf, rcount, rtype, comm);
        }
        try {
            return (int) ALLGATHER.invokeExact(sbuf, scount, stype, rbuf, rcount, rtype, comm);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    public static int allgatherv(MemorySegment sbuf, int scount, MemorySegment stype, MemorySegment rbuf,
            MemorySegment rcounts, MemorySegment displs, MemorySegment rtype, MemorySegment comm) {
        if (VirtualWait.applies()) {
            return VirtualWait.collective(mpi_h.MPI_Iallgatherv$handle(), sbuf, scount, stype, rbuf, rcounts, displs, rtype, comm);
        }
        if (!Downcalls.criticalAllowed()) {
            return Downcalls.viaCopies(mpi_h.MPI_Allgatherv$handle(),
                    sbuf, scount, stype, rbuf, rcounts, displs, rtype, comm);
        }
        try {
            return (int) ALLGATHERV.invokeExact(sbuf, scount, stype, rbuf, rcounts, displs, rtype, comm);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    public static int alltoall(MemorySegment sbuf, int scount, MemorySegment stype, MemorySegment rbuf, int rcount,
            MemorySegment rtype, MemorySegment comm) {
        if (VirtualWait.applies()) {
            return VirtualWait.collective(mpi_h.MPI_Ialltoall$handle(), sbuf, scount, stype, rbuf, rcount, rtype, comm);
        }
        if (nat(sbuf, rbuf)) {
            return mpi_h.MPI_Alltoall(sbuf, scount, stype, rbuf, rcount, rtype, comm);
        }
        if (!Downcalls.criticalAllowed()) {
            return Downcalls.viaCopies(mpi_h.MPI_Alltoall$handle(), sbuf, scount, stype, rbuf, rcount, rtype, comm);
        }
        try {
            return (int) ALLTOALL.invokeExact(sbuf, scount, stype, rbuf, rcount, rtype, comm);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    public static int alltoallv(MemorySegment sbuf, MemorySegment scounts, MemorySegment sdispls, MemorySegment stype,
            MemorySegment rbuf, MemorySegment rcounts, MemorySegment rdispls, MemorySegment rtype,
            MemorySegment comm) {
        if (VirtualWait.applies()) {
            return VirtualWait.collective(mpi_h.MPI_Ialltoallv$handle(), sbuf, scounts, sdispls, stype, rbuf, rcounts, rdispls, rtype, comm);
        }
        if (!Downcalls.criticalAllowed()) {
            return Downcalls.viaCopies(mpi_h.MPI_Alltoallv$handle(),
                    sbuf, scounts, sdispls, stype, rbuf, rcounts, rdispls, rtype, comm);
        }
        try {
            return (int) ALLTOALLV.invokeExact(sbuf, scounts, sdispls, stype, rbuf, rcounts, rdispls, rtype, comm);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    public static int alltoallw(MemorySegment sbuf, MemorySegment scounts, MemorySegment sdispls, MemorySegment stypes,
            MemorySegment rbuf, MemorySegment rcounts, MemorySegment rdispls, MemorySegment rtypes,
            MemorySegment comm) {
        if (VirtualWait.applies()) {
            return VirtualWait.collective(mpi_h.MPI_Ialltoallw$handle(), sbuf, scounts, sdispls, stypes, rbuf, rcounts, rdispls, rtypes, comm);
        }
        if (!Downcalls.criticalAllowed()) {
            return Downcalls.viaCopies(mpi_h.MPI_Alltoallw$handle(),
                    sbuf, scounts, sdispls, stypes, rbuf, rcounts, rdispls, rtypes, comm);
        }
        try {
            return (int) ALLTOALLW.invokeExact(sbuf, scounts, sdispls, stypes, rbuf, rcounts, rdispls, rtypes, comm);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    public static int reduce(MemorySegment sbuf, MemorySegment rbuf, int count, MemorySegment type, MemorySegment op,
            int root, MemorySegment comm) {
        if (VirtualWait.applies()) {
            return VirtualWait.collective(mpi_h.MPI_Ireduce$handle(), sbuf, rbuf, count, type, op, root, comm);
        }
        if (nat(sbuf, rbuf)) {
            return mpi_h.MPI_Reduce(sbuf, rbuf, count, type, op, root, comm);
        }
        if (!Downcalls.criticalAllowed()) {
            return Downcalls.viaCopies(mpi_h.MPI_Reduce$handle(), sbuf, rbuf, count, type, op, root, comm);
        }
        try {
            return (int) REDUCE.invokeExact(sbuf, rbuf, count, type, op, root, comm);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    public static int allreduce(MemorySegment sbuf, MemorySegment rbuf, int count, MemorySegment type, MemorySegment op,
            MemorySegment comm) {
        if (VirtualWait.applies()) {
            return VirtualWait.collective(mpi_h.MPI_Iallreduce$handle(), sbuf, rbuf, count, type, op, comm);
        }
        if (nat(sbuf, rbuf)) {
            return mpi_h.MPI_Allreduce(sbuf, rbuf, count, type, op, comm);
        }
        if (!Downcalls.criticalAllowed()) {
            return Downcalls.viaCopies(mpi_h.MPI_Allreduce$handle(), sbuf, rbuf, count, type, op, comm);
        }
        try {
            return (int) ALLREDUCE.invokeExact(sbuf, rbuf, count, type, op, comm);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    public static int reduceLocal(MemorySegment in, MemorySegment inout, int count, MemorySegment type, MemorySegment op) {
        if (nat(in, inout)) {
            return mpi_h.MPI_Reduce_local(in, inout, count, type, op);
        }
        if (!Downcalls.criticalAllowed()) {
            return Downcalls.viaCopies(mpi_h.MPI_Reduce_local$handle(), in, inout, count, type, op);
        }
        try {
            return (int) REDUCE_LOCAL.invokeExact(in, inout, count, type, op);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    public static int reduceScatter(MemorySegment sbuf, MemorySegment rbuf, MemorySegment rcounts, MemorySegment type,
            MemorySegment op, MemorySegment comm) {
        if (VirtualWait.applies()) {
            return VirtualWait.collective(mpi_h.MPI_Ireduce_scatter$handle(), sbuf, rbuf, rcounts, type, op, comm);
        }
        if (!Downcalls.criticalAllowed()) {
            return Downcalls.viaCopies(mpi_h.MPI_Reduce_scatter$handle(), sbuf, rbuf, rcounts, type, op, comm);
        }
        try {
            return (int) REDUCE_SCATTER.invokeExact(sbuf, rbuf, rcounts, type, op, comm);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    public static int reduceScatterBlock(MemorySegment sbuf, MemorySegment rbuf, int rcount, MemorySegment type,
            MemorySegment op, MemorySegment comm) {
        if (VirtualWait.applies()) {
            return VirtualWait.collective(mpi_h.MPI_Ireduce_scatter_block$handle(), sbuf, rbuf, rcount, type, op, comm);
        }
        if (nat(sbuf, rbuf)) {
            return mpi_h.MPI_Reduce_scatter_block(sbuf, rbuf, rcount, type, op, comm);
        }
        if (!Downcalls.criticalAllowed()) {
            return Downcalls.viaCopies(mpi_h.MPI_Reduce_scatter_block$handle(), sbuf, rbuf, rcount, type, op, comm);
        }
        try {
            return (int) REDUCE_SCATTER_BLOCK.invokeExact(sbuf, rbuf, rcount, type, op, comm);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    public static int scan(MemorySegment sbuf, MemorySegment rbuf, int count, MemorySegment type, MemorySegment op,
            MemorySegment comm) {
        if (VirtualWait.applies()) {
            return VirtualWait.collective(mpi_h.MPI_Iscan$handle(), sbuf, rbuf, count, type, op, comm);
        }
        if (nat(sbuf, rbuf)) {
            return mpi_h.MPI_Scan(sbuf, rbuf, count, type, op, comm);
        }
        if (!Downcalls.criticalAllowed()) {
            return Downcalls.viaCopies(mpi_h.MPI_Scan$handle(), sbuf, rbuf, count, type, op, comm);
        }
        try {
            return (int) SCAN.invokeExact(sbuf, rbuf, count, type, op, comm);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    public static int exscan(MemorySegment sbuf, MemorySegment rbuf, int count, MemorySegment type, MemorySegment op,
            MemorySegment comm) {
        if (VirtualWait.applies()) {
            return VirtualWait.collective(mpi_h.MPI_Iexscan$handle(), sbuf, rbuf, count, type, op, comm);
        }
        if (nat(sbuf, rbuf)) {
            return mpi_h.MPI_Exscan(sbuf, rbuf, count, type, op, comm);
        }
        if (!Downcalls.criticalAllowed()) {
            return Downcalls.viaCopies(mpi_h.MPI_Exscan$handle(), sbuf, rbuf, count, type, op, comm);
        }
        try {
            return (int) EXSCAN.invokeExact(sbuf, rbuf, count, type, op, comm);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    public static int pack(MemorySegment in, int count, MemorySegment type, MemorySegment out, int outSize,
            MemorySegment position, MemorySegment comm) {
        if (nat(in, out)) {
            return mpi_h.MPI_Pack(in, count, type, out, outSize, position, comm);
        }
        if (!Downcalls.criticalAllowed()) {
            return Downcalls.viaCopies(mpi_h.MPI_Pack$handle(), in, count, type, out, outSize, position, comm);
        }
        try {
            return (int) PACK.invokeExact(in, count, type, out, outSize, position, comm);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    public static int unpack(MemorySegment in, int inSize, MemorySegment position, MemorySegment out, int count,
            MemorySegment type, MemorySegment comm) {
        if (nat(in, out)) {
            return mpi_h.MPI_Unpack(in, inSize, position, out, count, type, comm);
        }
        if (!Downcalls.criticalAllowed()) {
            return Downcalls.viaCopies(mpi_h.MPI_Unpack$handle(), in, inSize, position, out, count, type, comm);
        }
        try {
            return (int) UNPACK.invokeExact(in, inSize, position, out, count, type, comm);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    public static int packExternal(MemorySegment datarep, MemorySegment in, int count, MemorySegment type,
            MemorySegment out, long outSize, MemorySegment position) {
        if (nat(in, out)) {
            return mpi_h.MPI_Pack_external(datarep, in, count, type, out, outSize, position);
        }
        if (!Downcalls.criticalAllowed()) {
            return Downcalls.viaCopies(mpi_h.MPI_Pack_external$handle(),
                    datarep, in, count, type, out, outSize, position);
        }
        try {
            return (int) PACK_EXTERNAL.invokeExact(datarep, in, count, type, out, outSize, position);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    public static int unpackExternal(MemorySegment datarep, MemorySegment in, long inSize, MemorySegment position,
            MemorySegment out, int count, MemorySegment type) {
        if (nat(in, out)) {
            return mpi_h.MPI_Unpack_external(datarep, in, inSize, position, out, count, type);
        }
        if (!Downcalls.criticalAllowed()) {
            return Downcalls.viaCopies(mpi_h.MPI_Unpack_external$handle(),
                    datarep, in, inSize, position, out, count, type);
        }
        try {
            return (int) UNPACK_EXTERNAL.invokeExact(datarep, in, inSize, position, out, count, type);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }
}
