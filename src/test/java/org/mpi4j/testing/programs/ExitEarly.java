package org.mpi4j.testing.programs;

import org.mpi4j.MPI;

/**
 * The last rank calls {@code System.exit(3)} while rank 0 waits in a receive from it: the job
 * must end (with status 3), not hang in the exiting rank's MPI_Finalize. With the argument
 * {@code clean}, every rank exits with {@code System.exit(0)} after a barrier instead.
 */
public final class ExitEarly {
    private ExitEarly() {
    }

    public static void main(String[] args) {
        int rank = MPI.COMM_WORLD.rank();
        int last = MPI.COMM_WORLD.size() - 1;
        if (args.length > 0 && args[0].equals("clean")) {
            MPI.COMM_WORLD.barrier();
            System.out.println("rank " + rank + " exits cleanly");
            System.exit(0);
        }
        if (rank == last) {
            System.exit(3);
        }
        int[] buf = new int[1];
        MPI.COMM_WORLD.recv(buf, last, 0, null);
        System.out.println("rank " + rank + " received " + buf[0]);
    }
}
