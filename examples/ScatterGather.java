import org.mpi4j.Intracomm;
import org.mpi4j.MPI;

/**
 * The mpi4py tutorial's "Scattering NumPy arrays" and "Gathering NumPy arrays": rank 0 scatters
 * row i of a size x 100 matrix (all entries i) to rank i; then every rank sends 100 copies of its
 * rank, and rank 0 gathers them into a size x 100 matrix whose row i holds i.
 */
public class ScatterGather {
    public static void main(String[] args) {
        Intracomm comm = MPI.COMM_WORLD;
        int size = comm.size();
        int rank = comm.rank();

        int[] sendbuf = null;
        if (rank == 0) {
            sendbuf = new int[size * 100];
            for (int i = 0; i < size; i++) {
                java.util.Arrays.fill(sendbuf, i * 100, (i + 1) * 100, i);
            }
        }
        int[] recvbuf = new int[100];
        comm.scatter(sendbuf, recvbuf, 0);
        for (int v : recvbuf) {
            if (v != rank) {
                throw new AssertionError("rank " + rank + " received " + v);
            }
        }
        System.out.println("rank " + rank + " scattered row: all " + rank);

        double[] mine = new double[100];
        java.util.Arrays.fill(mine, rank);
        double[] gathered = rank == 0 ? new double[size * 100] : null;
        comm.gather(mine, gathered, 0);
        if (rank == 0) {
            for (int i = 0; i < size; i++) {
                for (int j = 0; j < 100; j++) {
                    if (gathered[i * 100 + j] != i) {
                        throw new AssertionError("row " + i + " holds " + gathered[i * 100 + j]);
                    }
                }
            }
            System.out.println("gathered " + size + " rows of 100, row i holds i: ok");
        }
    }
}
