import java.util.ArrayList;
import java.util.List;
import org.mpi4j.Info;
import org.mpi4j.Intercomm;
import org.mpi4j.MPI;
import org.mpi4j.Status;

/**
 * A master/worker task farm over an intercommunicator, with object messages: the master spawns
 * Java workers running this same file and hands out tasks (records) one at a time, each to the
 * worker that just returned a result, until none are left; then it tells every worker to stop.
 * Fast workers take more tasks, so the load balances itself.
 *
 * <pre>
 * mpiexec --oversubscribe -n 1 java --enable-native-access=ALL-UNNAMED -cp 'mpi4j.jar:lib/*' \
 *     org.mpi4j.Run examples/TaskFarm.java [tasks [workers [path/to/TaskFarm.java]]]
 * </pre>
 */
public class TaskFarm {
    static final int TASK = 1;
    static final int RESULT = 2;
    static final int STOP = 3;

    /** Sum the squares of {@code from..to-1}. */
    record Task(int id, long from, long to) {
    }

    record Result(int taskId, int worker, long sumOfSquares) {
    }

    public static void main(String[] args) {
        Intercomm parent = MPI.parent();
        if (parent.isNull()) {
            master(args);
        } else {
            worker(parent);
        }
    }

    static void master(String[] args) {
        int tasks = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int workers = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        String self = args.length > 2 ? args[2] : "examples/TaskFarm.java";
        Intercomm farm = MPI.COMM_SELF.spawnJava(self, null, workers, Info.NULL, 0);
        List<Task> queue = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            queue.add(new Task(i, i * 1000L, (i + 1) * 1000L));
        }
        int next = 0;
        // prime every worker with one task (or a stop when there are more workers than tasks)
        for (int w = 0; w < farm.remoteSize(); w++) {
            if (next < queue.size()) {
                farm.sendObject(queue.get(next++), w, TASK);
            } else {
                farm.sendObject(null, w, STOP);
            }
        }
        long total = 0;
        int[] perWorker = new int[farm.remoteSize()];
        Status status = new Status();
        for (int done = 0; done < tasks; done++) {
            Result r = farm.recvObject(MPI.ANY_SOURCE, RESULT, status);
            total += r.sumOfSquares();
            perWorker[r.worker()]++;
            if (next < queue.size()) {
                farm.sendObject(queue.get(next++), status.source(), TASK);
            } else {
                farm.sendObject(null, status.source(), STOP);
            }
        }
        long n = tasks * 1000L;
        long expected = (n - 1) * n * (2 * n - 1) / 6;
        System.out.println("sum of squares below " + n + " = " + total + " (expected " + expected + ")");
        for (int w = 0; w < perWorker.length; w++) {
            System.out.println("worker " + w + " did " + perWorker[w] + " tasks");
        }
        farm.disconnect();
    }

    static void worker(Intercomm farm) {
        Status status = new Status();
        while (true) {
            Task t = farm.recvObject(0, MPI.ANY_TAG, status);
            if (status.tag() == STOP) {
                break;
            }
            long s = 0;
            for (long x = t.from(); x < t.to(); x++) {
                s += x * x;
            }
            farm.sendObject(new Result(t.id(), farm.rank(), s), 0, RESULT);
        }
        farm.disconnect();
    }
}
