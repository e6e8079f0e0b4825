package org.mpi4j;

/**
 * The mpi4j shell command: a JShell on every rank of an {@code mpiexec} job, driven from rank 0's
 * standard input (see README, "Interactive sessions").
 *
 * <pre>
 * mpiexec -n 4 java --enable-native-access=ALL-UNNAMED -cp 'mpi4j.jar:lib/*' org.mpi4j.Shell
 * mpiexec -n 4 java --enable-native-access=org.mpi4j -p mpi4j.jar:lib -m org.mpi4j/org.mpi4j.Shell
 * </pre>
 *
 * <p>{@code org.mpi4j.*} is imported; jshell's commands ({@code /vars}, {@code /methods},
 * {@code /list} ...) answer for every rank; output comes back in rank order with the rank as prefix,
 * once for ranks that agree ({@code [0-3] error: ...}); Ctrl-C stops the running snippet on every
 * rank.
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
