package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mpi4j.testing.Mpiexec;

/** Flight Recorder events for MPI calls: what a recorded run holds, and nothing without the switch. */
class MpiCallEventsTest {
    private static final String EVENT = "org.mpi4j.MpiCall";

    private static List<RecordedEvent> mpiCalls(Path file) throws IOException {
        return RecordingFile.readAllEvents(file).stream().filter(e -> e.getEventType().getName().equals(EVENT))
                .toList();
    }

    private static List<RecordedEvent> named(List<RecordedEvent> events, String operation) {
        return events.stream().filter(e -> operation.equals(e.getString("operation"))).toList();
    }

    @Test
    void aRecordedTwoRankRunHoldsEachCallWithItsPeerTagAndBytes(@TempDir Path dir) throws IOException {
        Mpiexec.Result r = Mpiexec.run(2, 180, Mpiexec.java("-Dmpi4j.jfr=true",
                "-XX:StartFlightRecording=filename=" + dir + "/rank-%p.jfr", "-Xlog:jfr+startup=warning",
                "org.mpi4j.Run", "examples/Traced.java"));
        assertEquals(0, r.exitCode(), r.output());
        assertEquals(1, r.count("traced 10 steps on 2 ranks, last sum 1 (expected 1)"), r.output());
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(f -> f.toString().endsWith(".jfr")).sorted().toList();
        }
        assertEquals(2, files.size(), files::toString);
        List<Integer> peers = new ArrayList<>();
        for (Path f : files) {
            List<RecordedEvent> events = mpiCalls(f);
            List<RecordedEvent> sendrecv = named(events, "MPI_Sendrecv");
            assertEquals(10, sendrecv.size(), events::toString);
            for (RecordedEvent e : sendrecv) {
                assertEquals(7, e.getInt("tag"));
                // 256 ints out and 256 in
                assertEquals(2048, e.getLong("bytes"));
                assertEquals("MPI_COMM_WORLD", e.getString("communicator"));
                assertFalse(e.getDuration().isNegative());
            }
            peers.add(sendrecv.get(0).getInt("peer"));
            List<RecordedEvent> allreduce = named(events, "MPI_Allreduce");
            assertEquals(10, allreduce.size(), events::toString);
            allreduce.forEach(e -> assertEquals(16, e.getLong("bytes")));
            allreduce.forEach(e -> assertEquals(-1, e.getInt("peer")));
            assertEquals(2, named(events, "MPI_Barrier").size(), events::toString);
        }
        // each rank's neighbour in a ring of two is the other rank
        assertEquals(List.of(0, 1), peers.stream().sorted().toList());

        List<String> summary = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "examples/JfrSummary.java"));
        files.forEach(f -> summary.add(f.toString()));
        Mpiexec.Result s = Mpiexec.exec(summary, 120);
        assertEquals(0, s.exitCode(), s.output());
        assertTrue(s.output().lines().anyMatch(l -> l.matches("MPI_Sendrecv\\s+20\\s+[\\d.]+\\s+40960")), s.output());
        assertTrue(s.output().lines().anyMatch(l -> l.matches("MPI_Allreduce\\s+20\\s+[\\d.]+\\s+320")), s.output());
    }

    @Test
    void withoutTheSwitchNoCallIsRecorded(@TempDir Path dir) throws IOException {
        assertFalse(MpiCallEvent.ENABLED, "this JVM runs without -Dmpi4j.jfr=true");
        Path file = dir.resolve("off.jfr");
        try (Recording recording = new Recording()) {
            recording.enable(EVENT);
            recording.start();
            MPI.COMM_WORLD.barrier();
            double[] sum = new double[1];
            MPI.COMM_WORLD.allreduce(new double[] {1}, sum, Op.SUM);
            assertEquals(MPI.COMM_WORLD.size(), sum[0]);
            recording.stop();
            recording.dump(file);
        }
        assertEquals(List.of(), mpiCalls(file));
    }
}
