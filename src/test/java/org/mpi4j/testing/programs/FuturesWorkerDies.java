package org.mpi4j.testing.programs;

import org.mpi4j.MPI;
import org.mpi4j.futures.MpiCommExecutor;

/** A task kills its worker process while the root waits for it: the job must end, not hang. */
public final class FuturesWorkerDies {
    private FuturesWorkerDies() {
    }

    public static void main(String[] args) throws Exception {
        try (MpiCommExecutor ex = MpiCommExecutor.create(MPI.COMM_WORLD, 0)) {
            if (ex.isRoot()) {
                System.out.println("root waits for a task that kills its worker");
                System.out.flush();
                ex.submit(() -> {
                    Runtime.getRuntime().halt(3);
                    return 0;
                }).get();
                System.out.println("root got a result from a dead worker");
            }
        }
    }
}
