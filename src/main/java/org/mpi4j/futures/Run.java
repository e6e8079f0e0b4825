package org.mpi4j.futures;

import org.mpi4j.MPI;

/**
 * Java's {@code python -m mpi4py.futures}: runs a program whose rank 0 runs the main method while
 * every other rank serves tasks for it, so that a program written for one process fans its work out
 * over the job. The program gets its executor from {@link #executor()}.
 *
 * <pre>
 * mpiexec -n 4 java --enable-native-access=ALL-UNNAMED -cp 'mpi4j.jar:lib/*' org.mpi4j.futures.Run Prog.java args...
 * </pre>
 *
 * <p>As with {@link org.mpi4j.Run}, a {@code .java} file is compiled in memory (on every rank, so
 * that the workers know the program's lambdas) or a main class is named, and an uncaught exception
 * aborts the job; should the main method throw, the tasks not yet sent are cancelled and the
 * workers released first. When the main method returns, the executor is closed: the tasks still
 * submitted run to the end, then every rank ends.
 */
public final class Run {
    private static volatile MpiCommExecutor executor;

    private Run() {
    }

    /**
     * Runs {@code args[0]} (a main class or a {@code .java} file) on rank 0 of {@code MPI.COMM_WORLD},
     * with the remaining arguments; the other ranks serve its executor.
     *
     * @param args the program and its arguments
     */
    public static void main(String[] args) {
        org.mpi4j.run.Runner.run(args, main -> {
            try (MpiCommExecutor ex = MpiCommExecutor.create(MPI.COMM_WORLD, 0)) {
                if (ex.isRoot()) {
                    executor = ex;
                    try {
                        main.call();
                    } catch (Throwable t) {
                        ex.shutdownNow();
                        throw t;
                    }
                }
            } finally {
                executor = null;
            }
        });
    }

    /**
     * The executor of the program that {@link #main} runs: its tasks run on the other ranks of
     * {@code MPI.COMM_WORLD} (on a thread of this process when the job has one rank).
     *
     * @throws IllegalStateException if the program was not started by {@code org.mpi4j.futures.Run}
     */
    public static MpiCommExecutor executor() {
        MpiCommExecutor ex = executor;
        if (ex == null) {
            throw new IllegalStateException("no executor: start the program with org.mpi4j.futures.Run"
                    + " (or create one with MpiCommExecutor.create)");
        }
        return ex;
    }
}
