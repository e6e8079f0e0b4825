package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mpi4j.testing.Mpiexec;

/**
 * Every subcommand of org.mpi4j.bench.Bench runs on 2 ranks and prints well-formed output. Speed
 * is not checked: iteration counts are scaled down to a smoke test.
 */
class BenchCommandsTest {
    /** run_peers.sh's CSV_RE: impl,bench,size,value,unit. */
    static final Pattern CSV = Pattern.compile("^([a-z0-9-]+),([A-Za-z0-9_]+),([0-9]+),([-0-9.eE+]+),([^,]+)$");
    /** A row of the human table: impl, bench, size, value, unit. */
    static final Pattern ROW = Pattern.compile("^(mpi4j(?:-heap)?)\\s+(\\S+)\\s+(\\d+)\\s+(\\d+\\.\\d{3})\\s+(us|MB/s)$");

    static final long[] LATENCY_SIZES = {0, 1, 8, 64, 512, 4096, 32768, 262144, 1048576, 4194304};

    static Mpiexec.Result bench(int np, String... args) {
        List<String> cmd = new ArrayList<>(List.of("org.mpi4j.bench.Bench"));
        cmd.addAll(List.of(args));
        return Mpiexec.run(np, 300, Mpiexec.java(cmd.toArray(String[]::new)));
    }

    static Mpiexec.Result ok(int np, String... args) {
        Mpiexec.Result r = bench(np, args);
        assertEquals(0, r.exitCode(), () -> String.join(" ", args) + " on " + np + " ranks failed:\n" + r.output());
        return r;
    }

    /** The (impl, bench, size) keys of the table rows or CSV lines, each value checked positive. */
    static List<String> keys(String output, Pattern p) {
        List<String> keys = new ArrayList<>();
        for (String line : output.lines().toList()) {
            Matcher m = p.matcher(line.strip());
            if (m.matches()) {
                double v = Double.parseDouble(m.group(4));
                assertTrue(v > 0 && Double.isFinite(v), "not a positive value: " + line);
                keys.add(m.group(1) + "," + m.group(2) + "," + m.group(3) + "," + m.group(5));
            }
        }
        return keys;
    }

    static final long[] BANDWIDTH_SIZES = {4096, 32768, 262144, 1048576, 4194304};

    static Set<String> latencyKeys(String impl) {
        Set<String> s = new LinkedHashSet<>();
        for (long size : LATENCY_SIZES) {
            s.add(impl + ",latency," + size + ",us");
        }
        return s;
    }

    static Set<String> bandwidthKeys(String impl) {
        Set<String> s = new LinkedHashSet<>();
        for (long size : BANDWIDTH_SIZES) {
            s.add(impl + ",bandwidth," + size + ",MB/s");
        }
        return s;
    }

    static Set<String> collectiveKeys(String impl) {
        return new LinkedHashSet<>(List.of(impl + ",allreduce,8,us", impl + ",allreduce,8388608,us",
                impl + ",bcast,1048576,us"));
    }

    /** pingpong.c's one-sided rows, after bcast. */
    static final List<String> RMA_KEYS = List.of("mpi4j,rma_put_lat,8,us", "mpi4j,rma_get_lat,8,us",
            "mpi4j,rma_put_bw,4194304,MB/s", "mpi4j,rma_fence,8,us", "mpi4j,rma_fetch_op,8,us");

    @Test
    void rmaPrintsTheOneSidedRowsOfPingpongC() {
        Mpiexec.Result r = ok(2, "rma", "--scale=0.01", "--csv");
        assertEquals(RMA_KEYS, keys(r.output(), CSV), r.output());
    }

    @Test
    void floorPrintsTheOneSidedAndIoRowsThroughMpi4jAndThroughTheBindingsAlone() {
        Mpiexec.Result r = ok(2, "floor", "--scale=0.01");
        List<String> io = List.of("io_write_all,4194304,MB/s", "io_read_all,4194304,MB/s");
        List<String> expected = new ArrayList<>();
        RMA_KEYS.forEach(k -> expected.add(k.replace("mpi4j,", "ffm-raw,")));
        expected.addAll(RMA_KEYS);
        io.forEach(k -> expected.add("ffm-raw," + k));
        io.forEach(k -> expected.add("mpi4j," + k));
        assertEquals(expected, keys(r.output(), CSV), r.output());
    }

    /** The object benches: their sizes are the serialized bytes, so only the names are fixed. */
    static final List<String> OBJECT_BENCHES = List.of("obj_dict", "obj_tuples1000", "obj_ndarray8M_pkl5");

    static List<String> objectKeys(List<String> keys) {
        return keys.stream().filter(k -> k.contains(",obj_")).toList();
    }

    static void checkObjectKeys(List<String> objKeys, String output) {
        assertEquals(OBJECT_BENCHES, objKeys.stream().map(k -> k.split(",")[1]).toList(), output);
        for (String k : objKeys) {
            String[] f = k.split(",");
            assertEquals("mpi4j", f[0], output);
            assertEquals("us", f[3], output);
            assertTrue(Long.parseLong(f[2]) > 0, output);
        }
        // the array's 8 MiB travel whole; the map is small
        assertTrue(Long.parseLong(objKeys.get(2).split(",")[2]) >= 8L * 1048576, output);
        assertTrue(Long.parseLong(objKeys.get(0).split(",")[2]) < 200, output);
    }

    @Test
    void helloworldGreetsInRankOrder() {
        Mpiexec.Result r = ok(2, "helloworld");
        List<String> lines = r.output().lines().filter(l -> l.startsWith("Hello, World!")).toList();
        assertEquals(2, lines.size(), r.output());
        assertTrue(lines.get(0).startsWith("Hello, World! I am process 0 of 2 on "), r.output());
        assertTrue(lines.get(1).startsWith("Hello, World! I am process 1 of 2 on "), r.output());
    }

    @Test
    void ringtestReportsTheTimeOfItsLoops() {
        Mpiexec.Result r = ok(2, "ringtest", "-n", "16", "-l", "5", "-s", "2");
        Pattern p = Pattern.compile("^time for 5 loops = (\\S+) seconds \\(2 processes, 16 bytes\\)$");
        List<String> lines = r.output().lines().filter(l -> p.matcher(l).matches()).toList();
        assertEquals(1, lines.size(), r.output());
        Matcher m = p.matcher(lines.get(0));
        assertTrue(m.matches());
        assertTrue(Double.parseDouble(m.group(1)) > 0, r.output());
        assertFalse(r.output().contains("came back changed"), r.output());
    }

    @Test
    void pingpongPrintsLatencyAndBandwidthForEverySizeAndBufferKind() {
        Mpiexec.Result r = ok(2, "pingpong", "--scale=0.01");
        List<String> keys = keys(r.output(), ROW);
        Set<String> expected = new LinkedHashSet<>(latencyKeys("mpi4j"));
        expected.addAll(bandwidthKeys("mpi4j"));
        expected.addAll(latencyKeys("mpi4j-heap"));
        expected.addAll(bandwidthKeys("mpi4j-heap"));
        assertEquals(List.copyOf(expected), keys, r.output());
    }

    @Test
    void allreduceAndBcastPrintOneRowPerSizeAndBufferKind() {
        Mpiexec.Result r = ok(2, "allreduce", "--scale=0.01", "--csv");
        assertEquals(List.of("mpi4j,allreduce,8,us", "mpi4j,allreduce,8388608,us", "mpi4j-heap,allreduce,8,us",
                "mpi4j-heap,allreduce,8388608,us"), keys(r.output(), CSV), r.output());
        assertFalse(r.output().contains("looks wrong"), r.output());
        Mpiexec.Result b = ok(2, "bcast", "--scale=0.01", "--buffers=segment");
        assertEquals(List.of("mpi4j,bcast,1048576,us"), keys(b.output(), ROW), b.output());
    }

    @Test
    void objectsPrintsTheObjectBenchesOfThePythonPeer() {
        Mpiexec.Result r = ok(2, "objects", "--scale=0.01", "--csv");
        checkObjectKeys(objectKeys(keys(r.output(), CSV)), r.output());
        assertFalse(r.output().contains("differs"), r.output());
    }

    @Test
    void futuresPrintsTheExecutorBenchesOfThePythonPeer() {
        Mpiexec.Result r = ok(3, "futures", "--scale=0.01", "--csv");
        assertEquals(List.of("mpi4j,futures_latency,8,us", "mpi4j,futures_throughput,8,tasks/s",
                "mpi4j,futures_map_chunked,8,tasks/s"), keys(r.output(), CSV), r.output());
    }

    @Test
    void peersPrintsTheCsvOfPingpongC() {
        Mpiexec.Result r = ok(2, "peers", "--scale=0.01");
        List<String> keys = keys(r.output(), CSV);
        Set<String> expected = new LinkedHashSet<>();
        for (String impl : List.of("mpi4j", "mpi4j-heap")) {
            expected.addAll(latencyKeys(impl));
            expected.addAll(bandwidthKeys(impl));
            expected.addAll(collectiveKeys(impl));
            if (impl.equals("mpi4j")) {
                expected.addAll(RMA_KEYS); // one-sided: native segments only
            }
            expected.add(impl + ",io_write_all,4194304,MB/s");
            expected.add(impl + ",io_read_all,4194304,MB/s");
        }
        List<String> objKeys = objectKeys(keys);
        List<String> bufferKeys = keys.stream().filter(k -> !k.contains(",obj_")).toList();
        assertEquals(List.copyOf(expected), bufferKeys, r.output());
        checkObjectKeys(objKeys, r.output());
        assertFalse(r.output().contains("looks wrong") || r.output().contains("differs"), r.output());
    }

    @Test
    void ioPrintsWriteAndReadBandwidthForBothBufferKinds() {
        Mpiexec.Result r = ok(2, "io", "--scale=0.01", "--csv", "--no-warmup");
        assertEquals(List.of("mpi4j,io_write_all,4194304,MB/s", "mpi4j,io_read_all,4194304,MB/s",
                "mpi4j-heap,io_write_all,4194304,MB/s", "mpi4j-heap,io_read_all,4194304,MB/s"),
                keys(r.output(), CSV), r.output());
    }

    @Test
    void peersWithOneBufferKindPrintsOnlyThatImpl() {
        Mpiexec.Result r = ok(2, "peers", "--scale=0.01", "--buffers=heap", "--no-warmup");
        List<String> keys = keys(r.output(), CSV);
        assertFalse(keys.isEmpty(), r.output());
        assertTrue(keys.stream().allMatch(k -> k.startsWith("mpi4j-heap,")), r.output());
    }

    @Test
    void peersRefusesAnythingButTwoRanks() {
        Mpiexec.Result r = bench(1, "peers", "--scale=0.01");
        assertNotEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("bench peers: needs exactly 2 ranks (got 1)"), r.output());
    }

    @Test
    void allocReportsBytesPerCall() {
        Mpiexec.Result r = ok(2, "alloc", "--scale=0.005");
        Pattern p = Pattern.compile("^(.+?)\\s+(\\d+\\.\\d{3}) B/call$");
        List<String> lines = r.output().lines().filter(l -> p.matcher(l).matches()).toList();
        assertTrue(lines.size() >= 10, r.output());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("send/recv MemorySegment")), r.output());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("send/recv byte[8]")), r.output());
    }

    @Test
    void allocCountsTheNeighbourhoodCollectivesOnNativeSegmentsAsAllocationFree() {
        Mpiexec.Result r = ok(2, "alloc", "--scale=0.005");
        Pattern p = Pattern.compile("^(neighbor\\S+ MemorySegment.*?)\\s+(\\d+\\.\\d{3}) B/call$");
        List<String> lines = r.output().lines().filter(l -> p.matcher(l).matches()).toList();
        assertEquals(6, lines.size(), r.output());
    }

    @Test
    void haloTimesTheExchangeBothWaysForEverySide() {
        Mpiexec.Result r = ok(2, "halo", "--scale=0.01");
        Pattern p = Pattern.compile("^(\\d+)\\s+(\\d+)\\s+(\\d+\\.\\d{3})\\s+(\\d+\\.\\d{3})$");
        List<String> sides = new ArrayList<>();
        for (String line : r.output().lines().toList()) {
            Matcher m = p.matcher(line.strip());
            if (m.matches()) {
                sides.add(m.group(1));
                assertEquals(8 * Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), line);
                assertTrue(Double.parseDouble(m.group(3)) > 0 && Double.parseDouble(m.group(4)) > 0, line);
            }
        }
        assertEquals(List.of("8", "128", "1024", "16384"), sides, r.output());
        assertTrue(r.output().contains("(2 x 1 periodic grid)"), r.output());
        assertFalse(r.output().contains("looks wrong"), r.output());
    }

    @Test
    void unknownCommandIsAUsageError() {
        Mpiexec.Result r = bench(1, "nosuchbench");
        assertNotEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("bench: unknown command nosuchbench"), r.output());
        assertTrue(r.output().contains("usage: Bench <command>"), r.output());
    }

    @Test
    void helpPrintsTheUsage() {
        Mpiexec.Result r = ok(1, "help");
        assertTrue(r.output().contains("peers [--buffers=B]"), r.output());
    }
}
