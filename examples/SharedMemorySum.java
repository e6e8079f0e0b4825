import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.mpi4j.Epoch;
import org.mpi4j.Intracomm;
import org.mpi4j.MPI;
import org.mpi4j.SplitType;
import org.mpi4j.Win;

/**
 * A node-local shared-memory window: the ranks of each node (split by shared memory) allocate
 * their parts of one window, each writes its own part with plain stores, and the node's rank 0 sums
 * every part by reading the others' memory directly, without a message.
 */
public class SharedMemorySum {
    static final int N = 1000;

    public static void main(String[] args) {
        try (Intracomm node = MPI.COMM_WORLD.splitType(SplitType.SHARED, 0);
                Win win = Win.allocateShared(8L * N, 8, node)) {
            int rank = node.rank();
            try (Epoch e = win.lockAll()) {
                MemorySegment mine = win.sharedQuery(rank);
                for (int i = 0; i < N; i++) {
                    mine.setAtIndex(ValueLayout.JAVA_LONG, i, (long) rank * N + i);
                }
                win.sync();      // my stores are in the window
                node.barrier();  // everybody's are
                win.sync();      // and I see them
                if (rank == 0) {
                    long sum = 0;
                    for (int r = 0; r < node.size(); r++) {
                        MemorySegment part = win.sharedQuery(r);
                        for (int i = 0; i < N; i++) {
                            sum += part.getAtIndex(ValueLayout.JAVA_LONG, i);
                        }
                    }
                    long n = (long) node.size() * N;
                    System.out.println("shared memory: " + node.size() + " ranks on this node, sum " + sum
                            + " (expected " + n * (n - 1) / 2 + ")");
                }
                node.barrier();  // nobody frees the window while rank 0 reads
            }
        }
    }
}
