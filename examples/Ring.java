import org.mpi4j.Intracomm;
import org.mpi4j.MPI;

/**
 * A message goes around the ring of ranks; each adds its rank to it. Rank 0 starts with 0 and, when
 * the message comes back, prints the sum 0 + 1 + ... + (size - 1).
 */
public class Ring {
    public static void main(String[] args) {
        Intracomm world = MPI.COMM_WORLD;
        int rank = world.rank();
        int size = world.size();
        int next = (rank + 1) % size;
        int prev = (rank + size - 1) % size;
        long[] token = new long[1];
        if (rank == 0) {
            world.send(token, next, 0);
            world.recv(token, prev, 0, null);
            System.out.println("Ring of " + size + " processes: token came back as " + token[0]
                    + " (expected " + (long) size * (size - 1) / 2 + ")");
        } else {
            world.recv(token, prev, 0, null);
            token[0] += rank;
            world.send(token, next, 0);
        }
    }
}
