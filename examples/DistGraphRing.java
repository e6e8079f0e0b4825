import java.lang.foreign.MemorySegment;
import org.mpi4j.Distgraphcomm;
import org.mpi4j.Intracomm;
import org.mpi4j.MPI;

/**
 * A ring as a distributed graph: each process names only its own neighbours (it receives from the
 * previous rank and sends to the next), with a weight on each edge. A value travels once around
 * the ring by neighborAlltoall, each process adding its rank; every process ends with the sum of
 * all ranks; rank 0 prints every process's line.
 */
public class DistGraphRing {
    public static void main(String[] args) {
        Intracomm world = MPI.COMM_WORLD;
        int rank = world.rank();
        int size = world.size();
        int prev = (rank - 1 + size) % size;
        int next = (rank + 1) % size;
        try (Distgraphcomm ring = world.createDistGraphAdjacent(new int[] {prev}, new int[] {1},
                new int[] {next}, new int[] {1}, null, false)) {
            Distgraphcomm.Neighbors nb = ring.neighbors();
            long[] carry = {rank};
            long[] got = new long[1];
            long total = rank;
            for (int step = 1; step < size; step++) {
                ring.neighborAlltoall(MemorySegment.ofArray(carry), MemorySegment.ofArray(got));
                total += got[0];
                carry[0] = got[0];
            }
            long expected = (long) size * (size - 1) / 2;
            String line = String.format("rank %d: receives from %d, sends to %d; sum around the ring = %d (expected %d)",
                    rank, nb.sources()[0], nb.destinations()[0], total, expected);
            java.util.List<String> lines = ring.gatherObject(line, 0); // printed by rank 0, in rank order
            if (rank == 0) {
                lines.forEach(System.out::println);
            }
        }
    }
}
