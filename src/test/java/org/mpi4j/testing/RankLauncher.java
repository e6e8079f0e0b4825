package org.mpi4j.testing;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.mpi4j.MPI;

/**
 * The main class each rank runs under {@code mpiexec} in the multi-rank test runs: it runs the
 * {@link MpiTest} classes (or those named in the arguments) and appends one line per event to
 * {@code DIR/rank-R.txt} as it goes, so a hang still shows where each rank was.
 *
 * <p>Usage: {@code RankLauncher DIR [class ...]}. Exit status: 0 if every test passed.
 */
public final class RankLauncher {
    private RankLauncher() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        int rank = MPI.COMM_WORLD.rank();
        Path report = dir.resolve("rank-" + rank + ".txt");
        Files.writeString(report, "");

        List<DiscoverySelector> selectors = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            selectors.add(selectClass(args[i]));
        }
        if (selectors.isEmpty()) {
            selectors.add(selectPackage("org.mpi4j"));
        }
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectors)
                .filters(TagFilter.includeTags("mpi"), ClassNameFilter.includeClassNamePatterns(".*"))
                .build();
        Listener listener = new Listener(report);
        LauncherFactory.create().execute(request, listener);
        listener.line(listener.passed + " passed, " + listener.failed + " failed, " + listener.skipped + " skipped");
        System.out.flush();
        System.exit(listener.failed == 0 && listener.passed > 0 ? 0 : 1);
    }

    private static final class Listener implements TestExecutionListener {
        private final Path report;
        int passed;
        int failed;
        int skipped;

        Listener(Path report) {
            this.report = report;
        }

        void line(String text) {
            try {
                Files.writeString(report, text + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String name(TestIdentifier id) {
            return id.getLegacyReportingName().isEmpty() ? id.getDisplayName()
                    : id.getUniqueIdObject().getSegments().stream()
                            .filter(s -> s.getType().equals("class") || s.getType().equals("method")
                                    || s.getType().equals("nested-class"))
                            .map(s -> s.getValue().replace("org.mpi4j.", ""))
                            .reduce((a, b) -> a + "#" + b).orElse(id.getDisplayName());
        }

        @Override
        public void executionStarted(TestIdentifier id) {
            if (id.isTest()) {
                line("START " + name(id));
            }
        }

        @Override
        public void executionSkipped(TestIdentifier id, String reason) {
            if (id.isTest()) {
                skipped++;
                line("SKIP  " + name(id) + ": " + reason);
            }
        }

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
                if (id.isTest()) {
                    passed++;
                    line("PASS  " + name(id));
                }
                return;
            }
            failed++;
            StringWriter trace = new StringWriter();
            result.getThrowable().ifPresent(t -> t.printStackTrace(new PrintWriter(trace)));
            line("FAIL  " + name(id) + "\n" + trace.toString().indent(8).stripTrailing());
        }
    }
}
