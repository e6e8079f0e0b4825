package org.mpi4j;

/**
 * The mpi4j shell command: a JShell on every rank of an {@code mpiexec} job, driven from rank 0's
 * standard input (see README, "Interactive sessions").
 *
 * <pre>
 * mpiexec -n 4 java --enable-native-access=ALL-UNNAMED -cp 'mpi4j.jar:lib/*' org.mpi4j.Shell
 * </pre>
 *
 * <p>Only the command's name lives in the API package; the shell itself is in the module's
 * unexported {@code org.mpi4j.run}.
 */
public final class Shell {
    private Shell() {
    }

    /**
     * Starts the shell on this rank.
     *
     * @param args none are taken
     * @throws Exception if the shell cannot start
     */
    public static void main(String[] args) throws Exception {
        org.mpi4j.run.Shell.main(args);
    }
}
