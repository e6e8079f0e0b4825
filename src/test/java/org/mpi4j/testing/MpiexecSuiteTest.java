package org.mpi4j.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every {@link MpiTest} class under {@code mpiexec} with 2, 3 and 4 ranks (the property
 * {@code mpi4j.test.np} changes the list) and fails with a per-rank report if any rank fails, or
 * the job hangs past {@code mpi4j.test.timeout} seconds.
 */
class MpiexecSuiteTest {

    @TestFactory
    Stream<DynamicTest> allMpiTestsPassOnEveryRank() {
        String nps = System.getProperty("mpi4j.test.np", "2,3,4");
        int timeout = Integer.getInteger("mpi4j.test.timeout", 300);
        String only = System.getProperty("mpi4j.test.select", "");
        return Arrays.stream(nps.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Integer::parseInt)
                .map(np -> DynamicTest.dynamicTest(np + " ranks", () -> runSuite(np, timeout, only)));
    }

    private static void runSuite(int np, int timeout, String only) throws IOException {
        Path dir = Mpiexec.buildDir().resolve("mpiexec-reports").resolve("np" + np);
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.delete(f);
                }
            }
        }
        List<String> args = new ArrayList<>(List.of(RankLauncher.class.getName(), dir.toString()));
        if (!only.isBlank()) {
            args.addAll(Arrays.asList(only.split(",")));
        }
        Mpiexec.Result r = Mpiexec.run(np, timeout, Mpiexec.java(args.toArray(String[]::new)));
        StringBuilder report = new StringBuilder();
        boolean allPassed = r.exitCode() == 0;
        for (int rank = 0; rank < np; rank++) {
            Path f = dir.resolve("rank-" + rank + ".txt");
            String text = Files.exists(f) ? Files.readString(f) : "(no report: the rank never started its tests)";
            String last = text.lines().reduce((a, b) -> b).orElse("");
            boolean ok = last.matches("\\d+ passed, 0 failed.*") && !last.startsWith("0 passed");
            allPassed &= ok;
            report.append("---- rank ").append(rank).append(ok ? " (all passed): " + last : " FAILED:")
                    .append('\n');
            if (!ok) {
                text.lines().filter(l -> !l.startsWith("PASS") && !l.startsWith("START"))
                        .forEach(l -> report.append(l).append('\n'));
                String lastStart = text.lines().filter(l -> l.startsWith("START")).reduce((a, b) -> b).orElse("");
                if (!lastStart.isEmpty() && !last.contains("passed")) {
                    report.append("last test started: ").append(lastStart.substring(6)).append('\n');
                }
            }
        }
        System.out.printf("mpiexec -n %d: exit %d%s after %.1f s%n%s", np, r.exitCode(),
                r.timedOut() ? " (TIMED OUT)" : "", r.seconds(), report);
        if (!allPassed) {
            fail("multi-rank run on " + np + " ranks failed" + (r.timedOut() ? " (hung, killed after " + timeout
                    + " s)" : "") + "\n" + report + "---- mpiexec output (tail):\n" + tail(r.output(), 60));
        }
    }

    private static String tail(String text, int lines) {
        List<String> all = text.lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
