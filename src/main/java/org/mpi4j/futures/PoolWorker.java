package org.mpi4j.futures;

import org.mpi4j.Intercomm;
import org.mpi4j.MPI;

/**
 * The main class of the processes an {@link MpiPoolExecutor} spawns: serves the tasks of the
 * spawning process until it closes the pool, then disconnects. Its argument, if any, names the
 * spawning program (main class or {@code .java} file), which is loaded (not run) first so that
 * the program's lambdas can be deserialized here.
 */
public final class PoolWorker {
    private PoolWorker() {
    }

    /**
     * Serves the parent's pool.
     *
     * @param args empty, or the program to load first
     */
    public static void main(String[] args) {
        if (args.length > 0) {
            org.mpi4j.run.Runner.run(args, main -> serve());
        } else {
            serve();
        }
    }

    private static void serve() {
        Intercomm parent = MPI.parent();
        if (parent.isNull()) {
            throw new IllegalStateException("PoolWorker runs in processes spawned by MpiPoolExecutor");
        }
        Worker.serve(parent, 0);
        parent.disconnect();
    }
}
