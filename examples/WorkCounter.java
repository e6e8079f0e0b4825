import org.mpi4j.Intracomm;
import org.mpi4j.MPI;
import org.mpi4j.util.Counter;

/**
 * A shared work counter hands out tasks: each rank takes the next task number until all TASKS are
 * gone, so faster ranks do more. Rank 0 checks that every task was done exactly once.
 */
public class WorkCounter {
    static final int TASKS = 50;

    public static void main(String[] args) {
        Intracomm world = MPI.COMM_WORLD;
        int rank = world.rank();
        long[] doneBy = new long[TASKS];
        try (Counter tasks = new Counter(world)) {
            for (long t = tasks.next(); t < TASKS; t = tasks.next()) {
                doneBy[(int) t] = rank + 1; // "work": remember who did it
            }
        }
        long[] all = new long[TASKS];
        world.allreduce(doneBy, all, org.mpi4j.Op.SUM);
        int mine = 0;
        for (long d : doneBy) {
            mine += d != 0 ? 1 : 0;
        }
        int[] counts = new int[world.size()];
        world.gather(new int[] {mine}, counts, 0);
        if (rank == 0) {
            boolean once = true;
            for (long d : all) {
                once &= d >= 1 && d <= world.size();
            }
            int sum = 0;
            for (int c : counts) {
                sum += c;
            }
            System.out.println("work counter: " + sum + " of " + TASKS + " tasks done, each exactly once: "
                    + (once && sum == TASKS));
        }
    }
}
