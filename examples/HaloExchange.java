import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.mpi4j.Datatype;
import org.mpi4j.Intracomm;
import org.mpi4j.MPI;
import org.mpi4j.Win;

/**
 * A 1-D halo exchange with one-sided puts between fences. Each rank owns N cells of a periodic
 * line and keeps one ghost cell on each side (window layout: [left ghost | N cells | right ghost]).
 * Each step, every rank puts its first cell into its left neighbour's right ghost and its last cell
 * into its right neighbour's left ghost, then averages each cell with its neighbours.
 */
public class HaloExchange {
    static final int N = 4;
    static final int STEPS = 3;

    public static void main(String[] args) {
        Intracomm world = MPI.COMM_WORLD;
        int rank = world.rank();
        int size = world.size();
        int left = (rank + size - 1) % size;
        int right = (rank + 1) % size;
        try (Arena arena = Arena.ofConfined(); Win win = Win.allocate(8L * (N + 2), 8, world)) {
            MemorySegment cells = win.segment();
            for (int i = 1; i <= N; i++) {
                cells.setAtIndex(ValueLayout.JAVA_DOUBLE, i, rank * N + i - 1); // the global index
            }
            MemorySegment next = arena.allocate(ValueLayout.JAVA_DOUBLE, N + 2);
            win.fence();
            for (int step = 0; step < STEPS; step++) {
                // my first cell -> left neighbour's right ghost (N + 1); my last -> right's left ghost (0)
                win.put(cells.asSlice(8, 8), 1, Datatype.DOUBLE, left, N + 1);
                win.put(cells.asSlice(8L * N, 8), 1, Datatype.DOUBLE, right, 0);
                win.fence();
                for (int i = 1; i <= N; i++) {
                    double l = cells.getAtIndex(ValueLayout.JAVA_DOUBLE, i - 1);
                    double c = cells.getAtIndex(ValueLayout.JAVA_DOUBLE, i);
                    double r = cells.getAtIndex(ValueLayout.JAVA_DOUBLE, i + 1);
                    next.setAtIndex(ValueLayout.JAVA_DOUBLE, i, (l + c + r) / 3);
                }
                MemorySegment.copy(next, 8, cells, 8, 8L * N);
                win.fence();
            }
            // the sum over the periodic line is conserved by the averaging
            double[] mine = {0};
            for (int i = 1; i <= N; i++) {
                mine[0] += cells.getAtIndex(ValueLayout.JAVA_DOUBLE, i);
            }
            double[] total = new double[1];
            world.allreduce(mine, total, org.mpi4j.Op.SUM);
            if (rank == 0) {
                double expected = (double) (size * N) * (size * N - 1) / 2;
                System.out.printf("halo exchange: %d ranks, %d steps, sum %.6f (expected %.6f)%n", size, STEPS,
                        total[0], expected);
            }
        }
    }
}
