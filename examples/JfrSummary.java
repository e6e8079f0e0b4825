import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * Sums the MPI call events (org.mpi4j.MpiCall) of Flight Recorder files, one per rank, and prints
 * the operations by total time spent in them: where the job waits. Runs without MPI:
 *
 * <pre>
 * java examples/JfrSummary.java rank-*.jfr
 * </pre>
 */
public class JfrSummary {
    /** Calls, total duration and bytes of one operation. */
    record Total(long calls, Duration time, long bytes) {
        Total plus(RecordedEvent e) {
            return new Total(calls + 1, time.plus(e.getDuration()), bytes + e.getLong("bytes"));
        }
    }

    public static void main(String[] args) throws IOException {
        Map<String, Total> totals = new TreeMap<>();
        for (String file : args) {
            for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(file))) {
                if (e.getEventType().getName().equals("org.mpi4j.MpiCall")) {
                    totals.merge(e.getString("operation"), new Total(0, Duration.ZERO, 0).plus(e),
                            (a, b) -> new Total(a.calls + b.calls, a.time.plus(b.time), a.bytes + b.bytes));
                }
            }
        }
        System.out.printf("%-22s %8s %12s %12s%n", "operation", "calls", "total ms", "bytes");
        totals.entrySet().stream()
                .sorted((a, b) -> b.getValue().time().compareTo(a.getValue().time()))
                .forEach(t -> System.out.printf("%-22s %8d %12.3f %12d%n", t.getKey(), t.getValue().calls(),
                        t.getValue().time().toNanos() / 1e6, t.getValue().bytes()));
    }
}
