package org.mpi4j.testing.programs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.mpi4j.Info;
import org.mpi4j.Intercomm;
import org.mpi4j.Intracomm;
import org.mpi4j.MPI;
import org.mpi4j.SpawnException;

/**
 * Started by mpiexec it is the parent: it spawns Java workers (this class again) with
 * {@code spawnJava} and {@code spawnMultiple} from root 1 (so the arguments are read at a
 * non-zero root), talks to them across the intercommunicator and prints what it checked as
 * {@code OK ...} lines; a failed check throws, which aborts the job. With the argument
 * {@code throwing} it spawns one worker that throws, which must end the job; with {@code failing}
 * it makes a spawn fail in MPI.
 */
public final class SpawnParentAndWorkers {
    private SpawnParentAndWorkers() {
    }

    public static void main(String[] args) {
        Intercomm parent = MPI.parent();
        if (!parent.isNull()) {
            worker(parent, args);
            return;
        }
        Intracomm world = MPI.COMM_WORLD;
        if (args.length > 0 && args[0].equals("throwing")) {
            Intercomm w = world.spawnJava(SpawnParentAndWorkers.class.getName(), new String[] {"throw"}, 1, Info.NULL,
                    0);
            System.out.println("spawned a worker that throws");
            w.recvObject(0, 0);
            System.out.println("NOT REACHED");
            return;
        }
        if (args.length > 0 && args[0].equals("failing")) {
            failingSpawn();
            return;
        }
        int root = world.size() > 1 ? 1 : 0;
        boolean isRoot = world.rank() == root;

        // spawnJava: two workers; the root broadcasts with MPI.ROOT, the rest of the parents pass PROC_NULL
        Intercomm w = world.spawnJava(SpawnParentAndWorkers.class.getName(), isRoot ? new String[] {"collectives"}
                : null, 2, Info.NULL, root);
        check(w.isInter() && w.size() == world.size() && w.remoteSize() == 2, "intercommunicator shape " + w);
        w.bcastObject(isRoot ? "hello workers" : null, isRoot ? MPI.ROOT : MPI.PROC_NULL);
        List<String> replies = w.gatherObject(null, isRoot ? MPI.ROOT : MPI.PROC_NULL);
        if (isRoot) {
            check(replies.equals(List.of("worker 0 of 2 got hello workers from a parent group of " + world.size(),
                    "worker 1 of 2 got hello workers from a parent group of " + world.size())), "replies " + replies);
        }
        if (world.rank() == 0) {
            int[] got = new int[2];
            for (int r = 0; r < 2; r++) {
                w.recv(got, r, 5, null);
                check(got[0] == 100 * r && got[1] == r, "worker " + r + " sent " + Arrays.toString(got));
            }
        }
        w.disconnect();
        check(w.isFreed(), "disconnected");
        System.out.println("OK spawnJava rank " + world.rank());

        // spawnMultiple: two commands, one worker each, in one job
        int[] codes = new int[2];
        String[][] argv = isRoot ? new String[][] {runner("multi", "A"), runner("multi", "B")} : null;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Intercomm m = world.spawnMultiple(isRoot ? new String[] {java, java} : null, argv,
                isRoot ? new int[] {1, 1} : null, null, root, codes);
        check(Arrays.equals(codes, new int[] {0, 0}), "error codes " + Arrays.toString(codes));
        List<String> letters = m.gatherObject(null, isRoot ? MPI.ROOT : MPI.PROC_NULL);
        if (isRoot) {
            check(letters.equals(List.of("A of 2", "B of 2")), "letters " + letters);
        }
        m.disconnect();
        System.out.println("OK spawnMultiple rank " + world.rank());

        System.out.println("DONE rank " + world.rank());
    }

    /**
     * A spawn MPI cannot carry out (an unknown host): a SpawnException with the error codes. From
     * COMM_SELF: Open MPI 4.1 reports such a failure at the root only and leaves the root's partners
     * in the call; afterwards it cannot finalize, so mpi4j ends the process without MPI_Finalize.
     */
    private static void failingSpawn() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try (Info nowhere = Info.of(Map.of("host", "no-such-host-mpi4j"))) {
            int[] failed = new int[] {-1, -1};
            MPI.COMM_SELF.spawn(java, null, 2, nowhere, 0, failed);
            throw new AssertionError("spawn on a missing host succeeded");
        } catch (SpawnException e) {
            check(e.errorCodes().length == 2 && e.errorCodes()[0] != 0 && e.errorCodes()[1] != 0,
                    "codes " + Arrays.toString(e.errorCodes()));
            System.out.println("OK spawn failure " + e.errorClass() + " codes " + Arrays.toString(e.errorCodes()));
        }
    }

    private static String[] runner(String... args) {
        List<String> a = new ArrayList<>(List.of("--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), "org.mpi4j.Run", SpawnParentAndWorkers.class.getName()));
        a.addAll(List.of(args));
        return a.toArray(String[]::new);
    }

    private static void worker(Intercomm parent, String[] args) {
        Intracomm world = MPI.COMM_WORLD;
        switch (args[0]) {
            case "throw" -> throw new IllegalStateException("worker fails on purpose");
            case "collectives" -> {
                String hello = parent.bcastObject(null, 1 % parent.remoteSize());
                parent.gatherObject("worker " + world.rank() + " of " + world.size() + " got " + hello
                        + " from a parent group of " + parent.remoteSize(), 1 % parent.remoteSize());
                parent.send(new int[] {100 * world.rank(), world.rank()}, 0, 5);
            }
            case "multi" -> parent.gatherObject(args[1] + " of " + world.size(), 1 % parent.remoteSize());
            default -> throw new IllegalArgumentException(args[0]);
        }
        parent.disconnect();
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError("check failed: " + what);
        }
    }
}
