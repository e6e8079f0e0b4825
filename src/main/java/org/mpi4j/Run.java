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
 * mpiexec -n 4 java ... org.mpi4j.Run -c 'System.out.println(MPI.COMM_WORLD.rank());' args...
 * mpiexec -n 4 java ... org.mpi4j.Run - args... &lt; Prog.java
 * java ... org.mpi4j.Run --version | --mpi-std-version | --mpi-lib-version | --help
 * </pre>
 *
 * <p>As with {@code python -m mpi4py}, {@code -c} takes code (Java statements, with
 * {@code org.mpi4j.*} imported and {@code args} in scope), {@code -} reads it from standard input
 * (rank 0 reads and broadcasts it). A program that does not compile ends the job with one message.
 *
 * <p>Only the command's name lives in the API package; the runner itself is in the module's
 * unexported {@code org.mpi4j.run}.
 */
public final class Run {
    private Run() {
    }

    /**
     * Runs {@code args[0]} (a main class, a {@code .java} file, {@code -c code} or {@code -}) with
     * the remaining arguments, or answers an option ({@code --version}, {@code --help} ...).
     *
     * @param args the program and its arguments
     */
    public static void main(String[] args) {
        Runner.main(args);
    }
}
