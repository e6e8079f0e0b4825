import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import org.mpi4j.AccessMode;
import org.mpi4j.Datatype;
import org.mpi4j.FileView;
import org.mpi4j.Intracomm;
import org.mpi4j.MPI;
import org.mpi4j.Status;

/**
 * Checkpoint and restart of a distributed 2-D array with MPI-IO. A 13 x 10 array of doubles,
 * element (i, j) = 1000 i + j, is split by blocks of rows over the ranks; {@code write} saves it:
 * each rank's block goes to its place in one file through a subarray file view, with one collective
 * write. {@code read} restarts from that file on any number of ranks, split the other way, by blocks
 * of columns (another subarray view), and checks every element.
 *
 * <pre>
 * mpiexec -n 4 java ... org.mpi4j.Run examples/Checkpoint.java write DIR [native|external32]
 * mpiexec -n 3 java ... org.mpi4j.Run examples/Checkpoint.java read DIR [native|external32]
 * </pre>
 */
public class Checkpoint {
    static final int ROWS = 13;
    static final int COLS = 10;

    public static void main(String[] args) {
        Intracomm comm = MPI.COMM_WORLD;
        boolean write = args[0].equals("write");
        Path path = Path.of(args[1], "checkpoint.dat");
        String datarep = args.length > 2 ? args[2] : org.mpi4j.File.NATIVE;
        int rank = comm.rank();
        int size = comm.size();

        // this rank's block: rows [r0, r0+nr) when writing, columns [c0, c0+nc) when reading
        int[] sizes = {ROWS, COLS};
        int[] sub;
        int[] starts;
        if (write) {
            int r0 = first(ROWS, size, rank);
            sub = new int[] {first(ROWS, size, rank + 1) - r0, COLS};
            starts = new int[] {r0, 0};
        } else {
            int c0 = first(COLS, size, rank);
            sub = new int[] {ROWS, first(COLS, size, rank + 1) - c0};
            starts = new int[] {0, c0};
        }
        int n = sub[0] * sub[1];
        try (Arena arena = Arena.ofConfined();
                Datatype block = Datatype.DOUBLE.subarray(sizes, sub, starts, Datatype.Order.C).commit()) {
            MemorySegment local = arena.allocate(ValueLayout.JAVA_DOUBLE, n);
            var modes = write ? java.util.EnumSet.of(AccessMode.WRONLY, AccessMode.CREATE)
                    : java.util.EnumSet.of(AccessMode.RDONLY);
            try (org.mpi4j.File fh = org.mpi4j.File.open(comm, path, modes)) {
                fh.setView(new FileView(0, Datatype.DOUBLE, block, datarep));
                if (write) {
                    for (int k = 0; k < n; k++) {
                        int i = starts[0] + k / sub[1];
                        int j = starts[1] + k % sub[1];
                        local.setAtIndex(ValueLayout.JAVA_DOUBLE, k, 1000.0 * i + j);
                    }
                    fh.writeAll(local, n, Datatype.DOUBLE);
                } else {
                    Status st = new Status();
                    fh.readAll(local, n, Datatype.DOUBLE, st);
                    if (st.getCount(Datatype.DOUBLE) != n) {
                        throw new AssertionError("rank " + rank + " read " + st.getCount(Datatype.DOUBLE)
                                + " of " + n + " doubles");
                    }
                    for (int k = 0; k < n; k++) {
                        int i = starts[0] + k / sub[1];
                        int j = starts[1] + k % sub[1];
                        double v = local.getAtIndex(ValueLayout.JAVA_DOUBLE, k);
                        if (v != 1000.0 * i + j) {
                            throw new AssertionError("rank " + rank + ": element (" + i + ", " + j + ") is " + v);
                        }
                    }
                }
            }
        }
        comm.barrier();
        if (rank == 0) {
            System.out.println((write ? "checkpoint written by " : "restart checked on ") + size + " ranks ("
                    + datarep + "): " + ROWS + " x " + COLS + " doubles ok");
        }
    }

    /** The first of {@code n} items that rank {@code r} of {@code p} holds (blocks as even as possible). */
    static int first(int n, int p, int r) {
        return (int) ((long) n * r / p);
    }
}
