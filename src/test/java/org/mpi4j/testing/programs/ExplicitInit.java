package org.mpi4j.testing.programs;

import org.mpi4j.MPI;
import org.mpi4j.ThreadLevel;

/**
 * Initialises MPI explicitly at the level named by args[0] (or with plain MPI_Init for "default"),
 * prints what the environment reports, finalises, and shows that MPI cannot be used afterwards.
 */
public final class ExplicitInit {
    private ExplicitInit() {
    }

    public static void main(String[] args) {
        System.out.println("before: initialized=" + MPI.isInitialized() + " finalized=" + MPI.isFinalized());
        if (args[0].equals("default")) {
            MPI.init();
        } else {
            ThreadLevel provided = MPI.initThread(ThreadLevel.valueOf(args[0]));
            System.out.println("provided=" + provided);
        }
        int rank = MPI.COMM_WORLD.rank();
        System.out.println("rank " + rank + ": query=" + MPI.queryThread() + " main=" + MPI.isThreadMain()
                + " initialized=" + MPI.isInitialized());
        MPI.COMM_WORLD.barrier();
        MPI.finalizeMpi();
        System.out.println("rank " + rank + ": finalized=" + MPI.isFinalized());
        try {
            MPI.COMM_WORLD.barrier();
            System.out.println("rank " + rank + ": used after finalize");
        } catch (IllegalStateException e) {
            System.out.println("rank " + rank + ": after finalize: " + e.getMessage());
        }
        try {
            MPI.init();
        } catch (IllegalStateException e) {
            System.out.println("rank " + rank + ": init again: " + e.getMessage());
        }
    }
}
