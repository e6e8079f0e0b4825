import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Future;
import org.mpi4j.futures.Run;
import org.mpi4j.futures.SerializableCallable;

/**
 * Monte-Carlo pi with invokeAll, run the way of {@code python -m mpi4py.futures}: rank 0 runs this
 * main method, every other rank serves its executor.
 *
 * <pre>
 * mpiexec -n 4 java --enable-native-access=ALL-UNNAMED -cp 'mpi4j.jar:lib/*' org.mpi4j.futures.Run examples/MonteCarloPi.java
 * </pre>
 */
public class MonteCarloPi {
    static final int TASKS = 16;
    static final long SAMPLES_PER_TASK = 250_000;

    static long hits(long seed, long samples) {
        SplittableRandom random = new SplittableRandom(seed);
        long hits = 0;
        for (long i = 0; i < samples; i++) {
            double x = random.nextDouble();
            double y = random.nextDouble();
            if (x * x + y * y <= 1) {
                hits++;
            }
        }
        return hits;
    }

    public static void main(String[] args) throws Exception {
        var executor = Run.executor();
        List<SerializableCallable<Long>> tasks = new ArrayList<>();
        for (int t = 0; t < TASKS; t++) {
            long seed = 1000 + t;
            tasks.add(() -> hits(seed, SAMPLES_PER_TASK));
        }
        long hits = 0;
        for (Future<Long> f : executor.invokeAll(tasks)) {
            hits += f.get();
        }
        double pi = 4.0 * hits / (TASKS * SAMPLES_PER_TASK);
        long serial = 0;
        for (int t = 0; t < TASKS; t++) {
            serial += hits(1000 + t, SAMPLES_PER_TASK);
        }
        System.out.printf("pi is about %.4f (error %.4f) from %d tasks on %d workers%n", pi, Math.abs(pi - Math.PI),
                TASKS, executor.workerCount());
        System.out.println("same hits as the serial run: " + (hits == serial));
    }
}
