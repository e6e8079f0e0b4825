package org.mpi4j.junit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command line such as an {@code mpiexec} job from a test: with an environment cleaned of
 * the variables a JVM's own MPI singleton left behind (they would confuse a nested
 * {@code mpiexec}), a timeout that kills the whole job, and the output kept. What
 * {@link MpiTestExtension} and mpi4j's own test harness launch their jobs with.
 */
public final class MpiexecJob {
    private MpiexecJob() {
    }

    /**
     * What a finished (or killed) job left.
     *
     * @param exitCode the job's exit status, -1 if it was killed
     * @param timedOut whether it ran past its timeout and was killed
     * @param output   standard output and error, merged
     * @param seconds  how long it ran
     */
    public record Result(int exitCode, boolean timedOut, String output, double seconds) {
        /** The last {@code lines} lines of the output. */
        public String tail(int lines) {
            List<String> all = output.lines().toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        }
    }

    /**
     * {@code mpiexec} on {@code np} processes (oversubscribing the cores, unbound) followed by the
     * options of the system property {@code mpi4j.mpiexec.options} (space-separated).
     */
    public static List<String> mpiexec(int np) {
        List<String> cmd = new ArrayList<>(List.of("mpiexec", "--oversubscribe", "--bind-to", "none", "-n",
                Integer.toString(np)));
        String extra = System.getProperty("mpi4j.mpiexec.options", "").strip();
        if (!extra.isEmpty()) {
            cmd.addAll(Arrays.asList(extra.split("\\s+")));
        }
        return cmd;
    }

    /**
     * {@code java} of this JVM with native access enabled, {@code options}, this JVM's class path
     * and then {@code mainClass} and {@code args}.
     */
    public static List<String> java(List<String> options, String mainClass, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.addAll(options);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path").replace(File.pathSeparator + File.pathSeparator,
                File.pathSeparator));
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        return cmd;
    }

    /**
     * Runs {@code cmd} with a clean MPI environment, rank 0's standard input from {@code stdin}
     * (or none if null), and kills it with all its descendants after {@code timeoutSeconds}.
     */
    public static Result exec(List<String> cmd, int timeoutSeconds, Path stdin) {
        try {
            Path out = Files.createTempFile("mpiexec", ".log");
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile());
            if (stdin != null) {
                pb.redirectInput(stdin.toFile());
            }
            Map<String, String> env = pb.environment();
            env.keySet().removeIf(k -> k.startsWith("OMPI_") || k.startsWith("PMIX_") || k.startsWith("OPAL_")
                    || k.startsWith("ORTE_"));
            // Open MPI refuses to start as root without both (containers, CI)
            env.put("OMPI_ALLOW_RUN_AS_ROOT", "1");
            env.put("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1");
            long t0 = System.nanoTime();
            Process p = pb.start();
            boolean done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            if (!done) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            String text = Files.readString(out, StandardCharsets.UTF_8);
            Files.deleteIfExists(out);
            return new Result(done ? p.exitValue() : -1, !done, text, secs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + cmd.getFirst(), e);
        }
    }
}
