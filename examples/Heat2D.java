import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.mpi4j.Cartcomm;
import org.mpi4j.Datatype;
import org.mpi4j.Intracomm;
import org.mpi4j.MPI;

/**
 * The 2-D heat equation by Jacobi iteration on a periodic N x N grid, split into blocks over a
 * periodic Cartesian grid of processes. Each step, every process sends its edge rows and columns
 * to its four neighbours and receives their ghost cells with one neighborAlltoall (blocks: to -x,
 * to +x, to -y, to +y; each received from the opposite side). At the end rank 0 gathers the
 * blocks and compares them with the same iteration done serially: the values must be identical.
 *
 * <p>Run: {@code mpiexec -n 4 java ... org.mpi4j.Run examples/Heat2D.java [N] [steps]}
 */
public class Heat2D {
    static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;

    static double initial(int i, int j) {
        return (i * 7 + j * 13) % 17;
    }

    /** One Jacobi step on a (rows + 2) x (cols + 2) array with filled ghost cells. */
    static void step(double[] u, double[] next, int rows, int cols) {
        int w = cols + 2;
        for (int i = 1; i <= rows; i++) {
            for (int j = 1; j <= cols; j++) {
                next[i * w + j] = 0.25 * (u[(i - 1) * w + j] + u[(i + 1) * w + j] + u[i * w + j - 1] + u[i * w + j + 1]);
            }
        }
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 24;
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        Intracomm world = MPI.COMM_WORLD;
        int[] dims = Cartcomm.dimsCreate(world.size(), 2);
        if (n % dims[0] != 0 || n % dims[1] != 0) {
            throw new IllegalArgumentException(n + " does not split over a " + dims[0] + " x " + dims[1] + " grid");
        }
        try (Cartcomm grid = world.createCart(dims, new boolean[] {true, true}, false);
                Arena arena = Arena.ofConfined()) {
            int rows = n / dims[0];
            int cols = n / dims[1];
            int w = cols + 2;
            int[] c = grid.coords();
            double[] u = new double[(rows + 2) * w];
            double[] next = new double[(rows + 2) * w];
            for (int i = 1; i <= rows; i++) {
                for (int j = 1; j <= cols; j++) {
                    u[i * w + j] = initial(c[0] * rows + i - 1, c[1] * cols + j - 1);
                }
            }
            // four blocks of b doubles each way, in native memory reused every step
            int b = Math.max(rows, cols);
            MemorySegment send = arena.allocate(D, 4L * b);
            MemorySegment recv = arena.allocate(D, 4L * b);
            for (int t = 0; t < steps; t++) {
                for (int j = 1; j <= cols; j++) {
                    send.setAtIndex(D, j - 1, u[w + j]);                   // first row, to -x
                    send.setAtIndex(D, b + j - 1, u[rows * w + j]);        // last row, to +x
                }
                for (int i = 1; i <= rows; i++) {
                    send.setAtIndex(D, 2L * b + i - 1, u[i * w + 1]);      // first column, to -y
                    send.setAtIndex(D, 3L * b + i - 1, u[i * w + cols]);   // last column, to +y
                }
                grid.neighborAlltoall(send, b, Datatype.DOUBLE, recv, b, Datatype.DOUBLE);
                for (int j = 1; j <= cols; j++) {
                    u[j] = recv.getAtIndex(D, j - 1);                       // from -x: its last row
                    u[(rows + 1) * w + j] = recv.getAtIndex(D, b + j - 1); // from +x: its first row
                }
                for (int i = 1; i <= rows; i++) {
                    u[i * w] = recv.getAtIndex(D, 2L * b + i - 1);
                    u[i * w + cols + 1] = recv.getAtIndex(D, 3L * b + i - 1);
                }
                step(u, next, rows, cols);
                double[] tmp = u;
                u = next;
                next = tmp;
            }
            double[] mine = new double[rows * cols];
            for (int i = 0; i < rows; i++) {
                System.arraycopy(u, (i + 1) * w + 1, mine, i * cols, cols);
            }
            double[] all = grid.rank() == 0 ? new double[n * n] : null; // read at the root only
            grid.gather(mine, all, 0);
            if (grid.rank() == 0) {
                double diff = compare(all, n, steps, grid, rows, cols);
                System.out.printf("heat: %d x %d grid, %d steps on %d processes (%d x %d): max |parallel - serial| = %s%n",
                        n, n, steps, world.size(), dims[0], dims[1], diff);
                System.out.println(diff == 0 ? "heat: ok" : "heat: MISMATCH");
            }
        }
    }

    /** The largest difference between the gathered blocks and a serial run of the same steps. */
    static double compare(double[] all, int n, int steps, Cartcomm grid, int rows, int cols) {
        int w = n + 2;
        double[] u = new double[w * w];
        double[] next = new double[w * w];
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= n; j++) {
                u[i * w + j] = initial(i - 1, j - 1);
            }
        }
        for (int t = 0; t < steps; t++) {
            for (int k = 1; k <= n; k++) { // periodic ghost cells
                u[k] = u[n * w + k];
                u[(n + 1) * w + k] = u[w + k];
                u[k * w] = u[k * w + n];
                u[k * w + n + 1] = u[k * w + 1];
            }
            step(u, next, n, n);
            double[] tmp = u;
            u = next;
            next = tmp;
        }
        double diff = 0;
        for (int r = 0; r < grid.size(); r++) {
            int[] c = grid.coords(r);
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    double p = all[r * rows * cols + i * cols + j];
                    double s = u[(c[0] * rows + i + 1) * w + c[1] * cols + j + 1];
                    diff = Math.max(diff, Math.abs(p - s));
                }
            }
        }
        return diff;
    }
}
