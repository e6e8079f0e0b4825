import java.lang.foreign.MemorySegment;
import org.mpi4j.Datatype;
import org.mpi4j.Info;
import org.mpi4j.Intercomm;
import org.mpi4j.MPI;
import org.mpi4j.Op;

/**
 * mpi4py's "Compute Pi" master/worker program with dynamic processes, in one file. Started by
 * mpiexec (normally with one process) it is the master: it spawns Java workers running this same
 * file, broadcasts the number of intervals N to them with {@code MPI.ROOT}, and receives the sum
 * of their parts of the midpoint rule for the integral of 4/(1+x^2) over [0, 1] with a reduction;
 * spawned, it is a worker, which finds the master through {@code MPI.parent()}.
 *
 * <pre>
 * mpiexec --oversubscribe -n 1 java --enable-native-access=ALL-UNNAMED -cp 'mpi4j.jar:lib/*' \
 *     org.mpi4j.Run examples/ComputePi.java [N [workers [path/to/ComputePi.java]]]
 * </pre>
 */
public class ComputePi {
    public static void main(String[] args) {
        Intercomm parent = MPI.parent();
        if (parent.isNull()) {
            master(args);
        } else {
            worker(parent);
        }
    }

    static void master(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int workers = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String self = args.length > 2 ? args[2] : "examples/ComputePi.java";
        Intercomm comm = MPI.COMM_SELF.spawnJava(self, null, workers, Info.NULL, 0);
        comm.bcast(new int[] {n}, MPI.ROOT);
        double[] pi = new double[1];
        comm.reduce(null, MemorySegment.ofArray(pi), 1, Datatype.DOUBLE, Op.SUM, MPI.ROOT);
        System.out.printf("pi is approximately %.16f, error %.16f (%d workers, N = %d)%n", pi[0],
                Math.abs(pi[0] - Math.PI), comm.remoteSize(), n);
        comm.disconnect();
    }

    static void worker(Intercomm comm) {
        int size = comm.size();
        int rank = comm.rank();
        int[] n = new int[1];
        comm.bcast(n, 0);
        double h = 1.0 / n[0];
        double s = 0.0;
        for (int i = rank; i < n[0]; i += size) {
            double x = h * (i + 0.5);
            s += 4.0 / (1.0 + x * x);
        }
        comm.reduce(MemorySegment.ofArray(new double[] {s * h}), null, 1, Datatype.DOUBLE, Op.SUM, 0);
        comm.disconnect();
    }
}
