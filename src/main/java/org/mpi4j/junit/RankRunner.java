package org.mpi4j.junit;

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
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.mpi4j.MPI;

/**
 * The main class each rank of a multi-rank test run executes under {@code mpiexec}: it runs test
 * classes with the JUnit Platform and appends one line per event to {@code DIR/rank-R.txt} as it
 * goes ({@code START name}, {@code PASS  name}, {@code FAIL  name} and the indented stack trace,
 * {@code SKIP  name: reason}, and last {@code P passed, F failed, S skipped}), so that a hang still
 * shows where each rank was.
 *
 * <p>Usage: {@code RankRunner DIR [--tag=TAG] [--package=PACKAGE] [CLASS ...]}. Exit status 0 if at
 * least one test ran and none failed.
 */
public final class RankRunner {
    /** Set on the ranks' JVMs: tests run here, rather than launch {@code mpiexec}. */
    static final String RANK_PROPERTY = "mpi4j.junit.rank";

    private RankRunner() {
    }

    /**
     * Runs the tests; see the class description.
     *
     * @param args the report directory, then options and class names
     * @throws IOException if the report cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        int rank = MPI.COMM_WORLD.rank();
        System.setProperty(RANK_PROPERTY, Integer.toString(rank));
        Path report = dir.resolve("rank-" + rank + ".txt");
        Files.writeString(report, "");

        List<DiscoverySelector> selectors = new ArrayList<>();
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request();
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("--tag=")) {
                request.filters(TagFilter.includeTags(args[i].substring(6)));
            } else if (args[i].startsWith("--package=")) {
                selectors.add(selectPackage(args[i].substring(10)));
            } else {
                selectors.add(selectClass(args[i]));
            }
        }
        LauncherDiscoveryRequest discovery = request.selectors(selectors)
                .filters(ClassNameFilter.includeClassNamePatterns(".*")).build();
        Listener listener = new Listener(report);
        LauncherFactory.create().execute(discovery, listener);
        listener.line(listener.passed + " passed, " + listener.failed + " failed, " + listener.skipped + " skipped");
        System.out.flush();
        System.exit(listener.failed == 0 && listener.passed > 0 ? 0 : 1);
    }

    /**
     * The name a report gives a test: its class (without package), nested classes and method
     * joined by {@code #}, from its unique id, so that a launching JVM finds its own tests' lines.
     */
    static String name(UniqueId id, String fallback) {
        return id.getSegments().stream()
                .filter(s -> s.getType().equals("class") || s.getType().equals("method")
                        || s.getType().equals("nested-class") || s.getType().equals("test-template"))
                .map(s -> s.getType().equals("class") ? s.getValue().substring(s.getValue().lastIndexOf('.') + 1)
                        : s.getValue())
                .reduce((a, b) -> a + "#" + b).orElse(fallback);
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
            return RankRunner.name(id.getUniqueIdObject(), id.getDisplayName());
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
