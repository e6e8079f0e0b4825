import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mpi4j.Intracomm;
import org.mpi4j.MPI;
import org.mpi4j.ObjectRequest;
import org.mpi4j.Status;

/**
 * Object messaging, mpi4py's lowercase API in Java: any object (records, collections, arrays)
 * travels without buffers, counts or datatypes. Rank 0 hands out work as records, every rank
 * returns a result record, and a large array goes around the ring out of band.
 */
public class Objects {
    /** A piece of work. */
    record Task(int id, String name, List<Integer> numbers) {
    }

    /** What a rank made of its task. */
    record Result(int rank, String name, long sum) {
    }

    public static void main(String[] args) {
        Intracomm world = MPI.COMM_WORLD;
        int rank = world.rank();
        int size = world.size();

        // scatter one task per rank, gather one result per rank
        List<Task> tasks = null;
        if (rank == 0) {
            tasks = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                tasks.add(new Task(i, "task-" + i, List.of(i, i + 1, i + 2)));
            }
        }
        Task mine = world.scatterObject(tasks, 0);
        long sum = mine.numbers().stream().mapToLong(Integer::longValue).sum();
        List<Result> results = world.gatherObject(new Result(rank, mine.name(), sum), 0);
        if (rank == 0) {
            for (Result r : results) {
                System.out.println("result from rank " + r.rank() + ": " + r.name() + " sum " + r.sum());
            }
        }

        // a map holding a large array goes around the ring: the array travels as its own message
        int next = (rank + 1) % size;
        int prev = (rank + size - 1) % size;
        double[] field = new double[1 << 20];
        java.util.Arrays.fill(field, rank);
        ObjectRequest<Void> sent = world.isendObject(Map.of("from", rank, "field", field), next, 1);
        Status status = new Status();
        Map<String, Object> got = world.recvObject(prev, 1, status);
        sent.waitFor();
        double[] f = (double[]) got.get("field");
        System.out.println("rank " + rank + " got " + f.length + " values of " + f[0] + " from rank "
                + status.source() + " (" + status.byteCount() + " bytes)");

        // reductions with any Java function, in rank order
        String all = world.allreduceObject(Integer.toString(rank), String::concat);
        if (rank == 0) {
            System.out.println("allreduce of the ranks as strings: " + all);
        }
    }
}
