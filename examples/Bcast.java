import org.mpi4j.Intracomm;
import org.mpi4j.MPI;

/**
 * The mpi4py tutorial's "Broadcasting a NumPy array": rank 0 fills an int array with 0..99 and
 * broadcasts it; every rank checks that it got exactly that.
 */
public class Bcast {
    public static void main(String[] args) {
        Intracomm comm = MPI.COMM_WORLD;
        int rank = comm.rank();
        int[] data = new int[100];
        if (rank == 0) {
            for (int i = 0; i < data.length; i++) {
                data[i] = i;
            }
        }
        comm.bcast(data, 0);
        for (int i = 0; i < data.length; i++) {
            if (data[i] != i) {
                throw new AssertionError("rank " + rank + ": data[" + i + "] = " + data[i]);
            }
        }
        long sum = 0;
        for (int v : data) {
            sum += v;
        }
        System.out.println("rank " + rank + " received 100 ints, sum " + sum);
    }
}
