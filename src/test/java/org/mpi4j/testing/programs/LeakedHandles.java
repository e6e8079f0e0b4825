package org.mpi4j.testing.programs;

import org.mpi4j.Group;
import org.mpi4j.Info;
import org.mpi4j.Intracomm;
import org.mpi4j.MPI;

/**
 * Drops a duplicated communicator, a group and an info object without freeing them, and frees
 * another of each, then collects garbage: the leak check should warn about the first three only.
 */
public final class LeakedHandles {
    private LeakedHandles() {
    }

    public static void main(String[] args) throws InterruptedException {
        leak();
        try (Intracomm c = MPI.COMM_WORLD.dup(); Group g = MPI.COMM_WORLD.group(); Info i = Info.create()) {
            c.barrier();
            g.size();
            i.size();
        }
        for (int k = 0; k < 20; k++) {
            System.gc();
            Thread.sleep(50);
        }
        MPI.COMM_WORLD.barrier();
        System.out.println("done");
    }

    private static void leak() {
        Intracomm c = MPI.COMM_WORLD.dup();
        c.barrier();
        Group g = MPI.COMM_WORLD.group();
        g.size();
        Info.create().size();
    }
}
