package org.mpi4j.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mpi4j.junit.MpiexecJob;

/**
 * Runs a Java program under {@code mpiexec} from a test: the same JDK, the test class path, a
 * timeout that kills the whole job, and an environment cleaned of the variables that the test
 * JVM's own MPI singleton left behind (they would confuse a nested mpiexec): the library's
 * {@link MpiexecJob}, which {@code @org.mpi4j.junit.MpiTest} launches its runs with too.
 */
public final class Mpiexec {
    private Mpiexec() {
    }

    /** What a finished (or killed) job left. */
    public record Result(int exitCode, boolean timedOut, String output, double seconds) {
        /** Output lines that contain {@code text}. */
        public long count(String text) {
            return output.lines().filter(l -> l.contains(text)).count();
        }
    }

    /** The build directory (target/). */
    public static Path buildDir() {
        return Path.of(System.getProperty("mpi4j.build.dir", "target"));
    }

    /** The class path of the tests: classes, test classes and every dependency. */
    public static String classPath() {
        String own = System.getProperty("mpi4j.test.classes");
        String deps = "";
        String depsFile = System.getProperty("mpi4j.test.classpath.file");
        try {
            if (depsFile != null && Files.exists(Path.of(depsFile))) {
                deps = Files.readString(Path.of(depsFile)).strip();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (own == null) {
            return System.getProperty("java.class.path");
        }
        return deps.isEmpty() ? own : own + File.pathSeparator + deps;
    }

    /** {@code java} of the running JDK with native access enabled and the test class path. */
    public static List<String> java(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-Xshare:auto");
        cmd.add("-cp");
        cmd.add(classPath());
        cmd.addAll(List.of(args));
        return cmd;
    }

    /**
     * {@code java} running {@code args} through the module {@code org.mpi4j}, as a user of the
     * module runs it: the exploded module in the build's classes plus the runtime jars (Kryo), with
     * {@code --enable-native-access=org.mpi4j}.
     */
    public static List<String> javaOnModulePath(String... args) {
        String deps;
        try {
            deps = Files.readString(Path.of(System.getProperty("mpi4j.test.classpath.file"))).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> path = new ArrayList<>(List.of(buildDir().resolve("classes").toString()));
        for (String p : deps.split(File.pathSeparator)) {
            if (!p.contains("junit") && !p.contains("opentest4j") && !p.contains("apiguardian")) {
                path.add(p);
            }
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=org.mpi4j", "-p", String.join(File.pathSeparator, path)));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Runs {@code command} on {@code np} ranks; kills the job after {@code timeoutSeconds}. */
    public static Result run(int np, int timeoutSeconds, List<String> command) {
        List<String> cmd = new ArrayList<>(List.of("mpiexec", "--oversubscribe", "--bind-to", "none",
                "-n", Integer.toString(np)));
        cmd.addAll(command);
        return exec(cmd, timeoutSeconds);
    }

    /** As {@link #run(int, int, List)}, with rank 0's standard input read from {@code stdin}. */
    public static Result run(int np, int timeoutSeconds, List<String> command, Path stdin) {
        List<String> cmd = new ArrayList<>(List.of("mpiexec", "--oversubscribe", "--bind-to", "none",
                "-n", Integer.toString(np)));
        cmd.addAll(command);
        return exec(cmd, timeoutSeconds, stdin);
    }

    /** Runs a command line with a clean MPI environment, merging stdout and stderr. */
    public static Result exec(List<String> cmd, int timeoutSeconds) {
        return exec(cmd, timeoutSeconds, null);
    }

    private static Result exec(List<String> cmd, int timeoutSeconds, Path stdin) {
        MpiexecJob.Result r = MpiexecJob.exec(cmd, timeoutSeconds, stdin);
        return new Result(r.exitCode(), r.timedOut(), r.output(), r.seconds());
    }
}
