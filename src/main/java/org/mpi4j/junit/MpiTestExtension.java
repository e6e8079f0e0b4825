package org.mpi4j.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.engine.UniqueId;
import org.opentest4j.AssertionFailedError;

/**
 * The JUnit 5 extension behind {@link MpiTest}. In an ordinary JVM it runs the test class under
 * {@code mpiexec} once per rank count before the first test ({@link RankRunner} on every rank),
 * then reports each test method's outcome on every rank instead of running the method itself.
 * On a rank of an MPI job (started by {@link RankRunner}, or any {@code mpiexec}) it lets every
 * test run as usual.
 */
public final class MpiTestExtension implements BeforeAllCallback, InvocationInterceptor {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(MpiTestExtension.class);

    /** Created by JUnit. */
    public MpiTestExtension() {
    }

    /** Whether this JVM is a rank of an MPI job, where the tests themselves run. */
    static boolean onRank() {
        return System.getProperty(RankRunner.RANK_PROPERTY) != null || System.getenv("OMPI_COMM_WORLD_SIZE") != null;
    }

    /** One {@code mpiexec} run: its job and each rank's report (null if the rank left none). */
    record Run(int np, MpiexecJob.Result job, List<String> reports) {
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        if (onRank()) {
            return;
        }
        Class<?> testClass = context.getRequiredTestClass();
        MpiTest spec = AnnotationSupport.findAnnotation(testClass, MpiTest.class)
                .orElseThrow(() -> new IllegalStateException(testClass + " is not annotated @MpiTest"));
        List<Run> runs = new ArrayList<>();
        for (int np : spec.ranks()) {
            if (np < 1) {
                throw new IllegalArgumentException("@MpiTest(ranks) must be positive: " + np);
            }
            runs.add(launch(testClass, np, spec));
        }
        context.getStore(NS).put(Run.class, runs);
    }

    private static Run launch(Class<?> testClass, int np, MpiTest spec) throws IOException {
        Path dir = Files.createTempDirectory("mpi4j-junit-np" + np + "-");
        try {
            List<String> options = new ArrayList<>(List.of(spec.jvmOptions()));
            options.add("-D" + RankRunner.RANK_PROPERTY + "=launched");
            List<String> cmd = MpiexecJob.mpiexec(np);
            cmd.addAll(MpiexecJob.java(options, RankRunner.class.getName(), dir.toString(), testClass.getName()));
            MpiexecJob.Result job = MpiexecJob.exec(cmd, spec.timeoutSeconds(), null);
            List<String> reports = new ArrayList<>();
            for (int rank = 0; rank < np; rank++) {
                Path f = dir.resolve("rank-" + rank + ".txt");
                reports.add(Files.exists(f) ? Files.readString(f) : null);
            }
            return new Run(np, job, reports);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (UncheckedIOException e) {
                // a leftover temporary directory is harmless
            }
        }
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext context) throws Throwable {
        if (onRank()) {
            invocation.proceed();
            return;
        }
        invocation.skip();
        verdict(context);
    }

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext context) throws Throwable {
        interceptTestMethod(invocation, invocationContext, context);
    }

    @Override
    public void interceptBeforeAllMethod(Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext context) throws Throwable {
        runOnRanksOnly(invocation);
    }

    @Override
    public void interceptBeforeEachMethod(Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext context) throws Throwable {
        runOnRanksOnly(invocation);
    }

    @Override
    public void interceptAfterEachMethod(Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext context) throws Throwable {
        runOnRanksOnly(invocation);
    }

    @Override
    public void interceptAfterAllMethod(Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext context) throws Throwable {
        runOnRanksOnly(invocation);
    }

    private static void runOnRanksOnly(Invocation<Void> invocation) throws Throwable {
        if (onRank()) {
            invocation.proceed();
        } else {
            invocation.skip();
        }
    }

    /** Passes if the test passed on every rank of every run; otherwise fails with a per-rank report. */
    private static void verdict(ExtensionContext context) {
        @SuppressWarnings("unchecked")
        List<Run> runs = (List<Run>) context.getStore(NS).get(Run.class, List.class);
        String name = RankRunner.name(UniqueId.parse(context.getUniqueId()), context.getDisplayName());
        StringBuilder report = new StringBuilder();
        boolean failed = false;
        for (Run run : runs) {
            report.append("mpiexec -n ").append(run.np()).append(": exit ").append(run.job().exitCode())
                    .append(run.job().timedOut() ? " (TIMED OUT, killed)" : "")
                    .append(String.format(" after %.1f s%n", run.job().seconds()));
            boolean runFailed = false;
            for (int rank = 0; rank < run.np(); rank++) {
                String outcome = outcome(run.reports().get(rank), name);
                boolean passed = outcome.equals("passed");
                runFailed |= !passed;
                report.append("  rank ").append(rank).append(": ").append(outcome).append('\n');
            }
            if (runFailed) {
                report.append("  ---- mpiexec output (tail):\n").append(run.job().tail(30).indent(4));
            }
            failed |= runFailed;
        }
        if (failed) {
            throw new AssertionFailedError(name + " failed under mpiexec\n" + report);
        }
        context.publishReportEntry("mpi4j", report.toString().strip());
    }

    /** This test's outcome in one rank's report: "passed", or why not with the rank's trace. */
    static String outcome(String report, String name) {
        if (report == null) {
            return "NO REPORT (the rank never started its tests)";
        }
        Map<String, StringBuilder> results = new LinkedHashMap<>();
        String current = null;
        boolean started = false;
        for (String line : report.lines().toList()) {
            if (line.startsWith("START ")) {
                started |= line.substring(6).equals(name);
                current = null;
            } else if (line.startsWith("PASS  ") || line.startsWith("FAIL  ") || line.startsWith("SKIP  ")) {
                String n = line.substring(6);
                current = n.startsWith(name) && (n.length() == name.length() || n.charAt(name.length()) == ':')
                        ? line.substring(0, 4) : null;
                if (current != null) {
                    results.computeIfAbsent(current, k -> new StringBuilder());
                }
            } else if (current != null && line.startsWith(" ")) {
                results.get(current).append(line).append('\n');
            } else {
                current = null;
            }
        }
        if (results.containsKey("FAIL")) {
            return "FAILED\n" + results.get("FAIL").toString().stripTrailing();
        }
        if (results.containsKey("PASS")) {
            return "passed";
        }
        if (results.containsKey("SKIP")) {
            return "skipped";
        }
        return started ? "DID NOT FINISH (hung or crashed in this test)" : "DID NOT RUN (the rank stopped before it)";
    }
}
