import org.mpi4j.Intracomm;
import org.mpi4j.MPI;
import org.mpi4j.Op;

/**
 * Ten steps of a ring exchange and a global sum, in which rank 0 computes longer than the others:
 * run it with MPI call events on and open the recordings in JDK Mission Control to see the other
 * ranks wait for rank 0 in MPI_Sendrecv and MPI_Allreduce.
 *
 * <pre>
 * mpiexec -n 4 java -Dmpi4j.jfr=true -XX:StartFlightRecording=filename=rank-%p.jfr \
 *     -jar target/mpi4j.jar examples/Traced.java
 * java examples/JfrSummary.java rank-*.jfr
 * </pre>
 */
public class Traced {
    public static void main(String[] args) throws InterruptedException {
        Intracomm world = MPI.COMM_WORLD;
        int rank = world.rank();
        int size = world.size();
        int next = (rank + 1) % size;
        int prev = (rank + size - 1) % size;
        int[] halo = new int[256];
        int[] ghost = new int[256];
        double[] sum = new double[1];
        world.barrier(); // the JVMs start at different times: measure from here
        for (int step = 0; step < 10; step++) {
            Thread.sleep(rank == 0 ? 20 : 2); // the unbalanced "computation"
            java.util.Arrays.fill(halo, rank);
            world.sendrecv(halo, next, 7, ghost, prev, 7, null);
            world.allreduce(new double[] {ghost[0]}, sum, Op.SUM);
        }
        world.barrier();
        if (rank == 0) {
            System.out.println("traced 10 steps on " + size + " ranks, last sum " + (long) sum[0]
                    + " (expected " + (long) size * (size - 1) / 2 + ")");
        }
    }
}
