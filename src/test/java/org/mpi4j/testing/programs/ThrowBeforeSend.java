package org.mpi4j.testing.programs;

import org.mpi4j.MPI;

/** Rank 0 throws before it sends; rank 1 waits in a receive that never completes. */
public final class ThrowBeforeSend {
    private ThrowBeforeSend() {
    }

    public static void main(String[] args) {
        int rank = MPI.COMM_WORLD.rank();
        if (rank == 0) {
            throw new IllegalStateException("rank 0 fails before it sends");
        }
        int[] buf = new int[1];
        MPI.COMM_WORLD.recv(buf, 0, 0, null);
        System.out.println("rank " + rank + " received " + buf[0]);
    }
}
