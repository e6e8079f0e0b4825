package org.mpi4j;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import org.mpi4j.ffi.mpi_h;

/**
 * Downcall handles for the MPI functions that take a message buffer, linked with
 * {@link Linker.Option#critical(boolean) critical(true)} so that they accept heap segments (Java
 * arrays) without a copy. The generated bindings do not offer this option. A critical call keeps
 * the garbage collector from moving the array while MPI works on it; it also holds off other
 * threads' collections until it returns.
 */
final class Downcalls {
    private Downcalls() {
    }

    static MethodHandle critical(MemorySegment address, FunctionDescriptor descriptor) {
        return Linker.nativeLinker().downcallHandle(address, descriptor, Linker.Option.critical(true));
    }

    private static final MethodHandle SEND = critical(mpi_h.MPI_Send$address(), mpi_h.MPI_Send$descriptor());
    private static final MethodHandle RECV = critical(mpi_h.MPI_Recv$address(), mpi_h.MPI_Recv$descriptor());
    private static final MethodHandle SENDRECV = critical(mpi_h.MPI_Sendrecv$address(),
            mpi_h.MPI_Sendrecv$descriptor());

    static int send(MemorySegment buf, int count, MemorySegment type, int dest, int tag, MemorySegment comm) {
        if (buf.isNative()) {
            return mpi_h.MPI_Send(buf, count, type, dest, tag, comm);
        }
        try {
            return (int) SEND.invokeExact(buf, count, type, dest, tag, comm);
        } catch (Throwable t) {
            throw Errors.rethrow(t);
        }
    }

    static int recv(MemorySegment buf, int count, MemorySegment type, int source, int tag, MemorySegment comm,
            MemorySegment status) {
        if (buf.isNative()) {
            return mpi_h.MPI_Recv(buf, count, type, source, tag, comm, status);
        }
        try {
            return (int) RECV.invokeExact(buf, count, type, source, tag, comm, status);
        } catch (Throwable t) {
            throw Errors.rethrow(t);
        }
    }

    static int sendrecv(MemorySegment sbuf, int scount, MemorySegment stype, int dest, int stag,
            MemorySegment rbuf, int rcount, MemorySegment rtype, int source, int rtag, MemorySegment comm,
            MemorySegment status) {
        if (sbuf.isNative() && rbuf.isNative()) {
            return mpi_h.MPI_Sendrecv(sbuf, scount, stype, dest, stag, rbuf, rcount, rtype, source, rtag, comm,
                    status);
        }
        try {
            return (int) SENDRECV.invokeExact(sbuf, scount, stype, dest, stag, rbuf, rcount, rtype, source, rtag,
                    comm, status);
        } catch (Throwable t) {
            throw Errors.rethrow(t);
        }
    }
}
