package org.mpi4j;

import org.mpi4j.run.Runner;

/**
 * The mpi4j runner command, Java's {@code python -m mpi4py}: runs a program on every rank and, should
 * any thread of it end with an uncaught exception, prints the stack trace and calls
 * {@code MPI_Abort}, so the whole job ends with a non-zero status instead of deadlocking in
 * {@code MPI_Finalize}.
 *
 * <pre>
 * mpiexec -n 4 java --enable-native-access=ALL-UNNAMED -cp 'mpi4j.jar:lib/*' org.mpi4j.Run Prog.java args...
 * mpiexec -n 4 java --enable-native-access=ALL-UNNAMED -cp 'mpi4j.jar:lib/*:app.jar' org.mpi4j.Run com.example.Main args...
 * mpiexec -n 4 java --enable-native-access=org.mpi4j -p mpi4j.jar:lib -m org.mpi4j/org.mpi4j.Run Prog.java
 * </pre>
 *
 * <p>Only the command's name lives in the API package; the runner itself is in the module's
 * unexported {@code org.mpi4j.run}.
 */
public final class Run {
    private Run() {
    }

    /**
     * Runs {@code args[0]} (a main class or a {@code .java} file) with the remaining arguments.
     *
     * @param args the program and its arguments
     */
    public static void main(String[] args) {
        Runner.main(args);
    }
}
