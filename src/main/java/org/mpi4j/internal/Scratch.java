package org.mpi4j.internal;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.mpi4j.ffi.MPI_Status;

/**
 * Per-thread native scratch memory for the out-parameters of MPI calls (an {@code int*}, a handle,
 * a status), so that hot paths allocate nothing per call. Slices are cut once, when a thread first
 * needs them; the memory goes with the thread.
 */
public final class Scratch {
    private static final ThreadLocal<Scratch> CURRENT = ThreadLocal.withInitial(Scratch::new);

    /** First int out-parameter. */
    public final MemorySegment int0;
    /** Second int out-parameter. */
    public final MemorySegment int1;
    /** A handle out-parameter ({@code MPI_Comm*}, {@code MPI_Request*}, ...). */
    public final MemorySegment handle0;
    /** A second handle out-parameter. */
    public final MemorySegment handle1;
    /** An {@code MPI_Status}. */
    public final MemorySegment status;

    private Scratch() {
        MemorySegment all = Arena.ofAuto().allocate(128, 16);
        int0 = all.asSlice(0, 4);
        int1 = all.asSlice(8, 4);
        handle0 = all.asSlice(16, ValueLayout.ADDRESS.byteSize());
        handle1 = all.asSlice(24, ValueLayout.ADDRESS.byteSize());
        status = all.asSlice(32, MPI_Status.layout().byteSize());
    }

    public static Scratch get() {
        return CURRENT.get();
    }

    public int int0() {
        return int0.get(ValueLayout.JAVA_INT, 0);
    }

    public int int1() {
        return int1.get(ValueLayout.JAVA_INT, 0);
    }

    public MemorySegment handle0() {
        return handle0.get(ValueLayout.ADDRESS, 0);
    }

    public MemorySegment handle1() {
        return handle1.get(ValueLayout.ADDRESS, 0);
    }
}
