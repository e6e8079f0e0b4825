package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mpi4j.testing.Mpiexec;

/**
 * Runs README.md's own commands and programs, as printed, so that they cannot rot: the blocks
 * marked {@code <!-- readme-test: NAME -->}. A block named {@code X.java} is saved as that file;
 * a shell block runs in bash, in a copy of the layout the README assumes, with the steps that
 * the build running this test has already done (set-up, {@code mvn package}/{@code install})
 * stood in for by that build's output.
 */
class ReadmeCommandsTest {

    @TempDir
    static Path work;

    /** target/mpi4j.jar and target/lib/ as {@code mvn package} leaves them (the test runs before package). */
    private static Path builtTarget;

    @BeforeAll
    static void layOutTheBuild() throws IOException {
        builtTarget = work.resolve("target");
        Files.createDirectories(builtTarget.resolve("lib"));
        ToolProvider jar = ToolProvider.findFirst("jar").orElseThrow();
        int rc = jar.run(System.out, System.err, "--create", "--file", builtTarget.resolve("mpi4j.jar").toString(),
                "-C", Mpiexec.buildDir().resolve("classes").toString(), ".");
        assertEquals(0, rc, "jar of target/classes");
        for (Path dep : runtimeJars()) {
            Files.copy(dep, builtTarget.resolve("lib").resolve(dep.getFileName()));
        }
    }

    private static List<Path> runtimeJars() throws IOException {
        String cp = Files.readString(Mpiexec.buildDir().resolve("runtime-classpath.txt")).strip();
        return Stream.of(cp.split(File.pathSeparator)).map(Path::of).toList();
    }

    @Test
    void quickStartRunsAsPrinted() throws IOException {
        Path dir = Files.createDirectories(work.resolve("quick-start"));
        Files.createSymbolicLink(dir.resolve("target"), builtTarget);
        Files.createDirectories(dir.resolve(".ci"));
        Files.copy(Path.of(".ci", "jdk"), dir.resolve(".ci/jdk"));
        Map<String, String> blocks = readmeBlocks();
        Files.writeString(dir.resolve("Hello.java"), blocks.get("Hello.java"));
        String script = standIn(blocks.get("quick-start"), Map.of("bash .ci/setup", 1, "mvn ", 1));
        // a fresh shell: no JAVA_HOME (java on PATH may be Debian's 17), no Open MPI variables
        Map<String, String> env = cleanEnvironment();
        env.remove("JAVA_HOME");
        Mpiexec.Result r = bash(script, dir, env, 180);
        assertEquals(0, r.exitCode(), r.output());
        for (int rank = 0; rank < 4; rank++) {
            assertEquals(1, r.count("rank " + rank + " of 4 got " + (rank + 3) % 4 + ".0"), r.output());
        }
    }

    @Test
    void dependencyCommandsBuildAndRunTheConsumerOnBothPaths() throws IOException {
        Path dir = Files.createDirectories(work.resolve("dependency"));
        Path consumer = dir.resolve("examples/consumer");
        copyTree(Path.of("examples/consumer"), consumer);
        // the README's "mvn install" into a local repository of this test's own, offline: mpi4j is
        // installed there by hand, everything else comes from the machine's repository
        Path repo = localRepositoryWithMpi4j(dir.resolve("repo"));
        Files.createDirectories(consumer.resolve(".mvn"));
        Files.writeString(consumer.resolve(".mvn/maven.config"), "-o -Dmaven.repo.local=" + repo + "\n");
        String script = standIn(readmeBlocks().get("dependency"), Map.of("mvn -B -q install", 1));
        Map<String, String> env = cleanEnvironment();
        Path javaHome = Path.of(System.getProperty("java.home"));
        env.put("JAVA_HOME", javaHome.toString());
        env.put("PATH", javaHome.resolve("bin") + File.pathSeparator + env.get("PATH"));
        env.put("OMPI_ALLOW_RUN_AS_ROOT", "1");
        env.put("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1");
        Mpiexec.Result r = bash(script, dir, env, 300);
        assertEquals(0, r.exitCode(), r.output());
        for (int rank = 0; rank < 3; rank++) {
            String left = "left neighbour " + (rank + 2) % 3 + ", ranks sum to 3";
            assertEquals(1, r.count("rank " + rank + " of 3 (class path): " + left), r.output());
            // by its own main class, and through org.mpi4j.Run
            assertEquals(2, r.count("rank " + rank + " of 3 (module com.example): " + left), r.output());
        }
        assertFalse(r.output().contains("WARNING: A restricted method"), r.output());
    }

    @Test
    void buildingWithAnOlderJdkSaysWhichOneIsNeeded() throws IOException {
        Path old = olderJdk();
        Map<String, String> env = cleanEnvironment();
        env.put("JAVA_HOME", old.toString());
        Mpiexec.Result r = run(List.of("mvn", "-B", "-o", "-q", "validate"), Path.of(""), env, 120);
        assertNotEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("mpi4j needs JDK 22+"), r.output());
        assertFalse(r.output().contains("invalid target release"), r.output());
    }

    /** A JDK older than 22 under /usr/lib/jvm (Debian's default 17 on the machines this runs on). */
    private static Path olderJdk() throws IOException {
        Pattern version = Pattern.compile("JAVA_VERSION=\"(\\d+)");
        try (Stream<Path> jdks = Files.list(Path.of("/usr/lib/jvm"))) {
            for (Path jdk : (Iterable<Path>) jdks.sorted()::iterator) {
                Path release = jdk.resolve("release");
                if (Files.isRegularFile(release) && Files.isExecutable(jdk.resolve("bin/java"))) {
                    Matcher m = version.matcher(Files.readString(release));
                    if (m.find() && Integer.parseInt(m.group(1)) < 22) {
                        return jdk;
                    }
                }
            }
        }
        throw new AssertionError("no JDK older than 22 under /usr/lib/jvm to build with");
    }

    /** README's marked blocks by name, in order. */
    static Map<String, String> readmeBlocks() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("README.md"));
        Pattern marker = Pattern.compile("<!-- readme-test: (\\S+) -->");
        Map<String, String> blocks = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = marker.matcher(lines.get(i));
            if (m.matches()) {
                assertTrue(lines.get(i + 1).startsWith("```"), "a fenced block follows " + lines.get(i));
                StringBuilder b = new StringBuilder();
                for (i += 2; !lines.get(i).startsWith("```"); i++) {
                    b.append(lines.get(i)).append('\n');
                }
                blocks.put(m.group(1), b.toString());
            }
        }
        return blocks;
    }

    /**
     * The block with each line that starts with one of {@code standIns}' prefixes turned into a
     * no-op (the build running this test did that step), checking how many lines each replaced so
     * that a README that drops or adds such a step is noticed.
     */
    private static String standIn(String block, Map<String, Integer> standIns) {
        assertNotNull(block, "README lost a readme-test block");
        Map<String, Integer> seen = new LinkedHashMap<>();
        StringBuilder out = new StringBuilder("set -euo pipefail\n");
        for (String line : block.split("\n")) {
            String prefix = standIns.keySet().stream().filter(line::startsWith).findFirst().orElse(null);
            if (prefix != null) {
                seen.merge(prefix, 1, Integer::sum);
                out.append(": ").append(line.replaceAll("[`$()]", "")).append('\n');
            } else {
                out.append(line).append('\n');
            }
        }
        for (var e : standIns.entrySet()) {
            assertEquals(e.getValue(), seen.getOrDefault(e.getKey(), 0), "README lines starting with " + e.getKey()
                    + ":\n" + block);
        }
        return out.toString();
    }

    private static Path localRepositoryWithMpi4j(Path repo) throws IOException {
        String kryo = runtimeJars().stream().map(Path::toString).filter(p -> p.contains("/com/esotericsoftware/kryo/"))
                .findFirst().orElseThrow();
        Path machine = Path.of(kryo.substring(0, kryo.indexOf("/com/esotericsoftware/kryo/")));
        Files.createDirectories(repo.resolve("org"));
        try (Stream<Path> top = Files.list(machine); Stream<Path> org = Files.list(machine.resolve("org"))) {
            for (Path p : (Iterable<Path>) top::iterator) {
                if (!p.getFileName().toString().equals("org")) {
                    Files.createSymbolicLink(repo.resolve(p.getFileName().toString()), p);
                }
            }
            for (Path p : (Iterable<Path>) org::iterator) {
                if (!p.getFileName().toString().equals("mpi4j")) {
                    Files.createSymbolicLink(repo.resolve("org").resolve(p.getFileName().toString()), p);
                }
            }
        }
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher v = Pattern.compile("<artifactId>mpi4j</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertTrue(v.find(), "mpi4j's version in pom.xml");
        String version = v.group(1);
        Path dir = Files.createDirectories(repo.resolve("org/mpi4j/mpi4j").resolve(version));
        Files.copy(builtTarget.resolve("mpi4j.jar"), dir.resolve("mpi4j-" + version + ".jar"));
        Files.writeString(dir.resolve("mpi4j-" + version + ".pom"), pom);
        return repo;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path rel = from.relativize(p);
                if (rel.startsWith("target")) {
                    continue;
                }
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to.resolve(rel.toString()));
                } else {
                    Files.copy(p, to.resolve(rel.toString()));
                }
            }
        }
    }

    /** This JVM's environment without any MPI job's variables. */
    private static Map<String, String> cleanEnvironment() {
        Map<String, String> env = new LinkedHashMap<>(System.getenv());
        env.keySet().removeIf(k -> k.startsWith("OMPI_") || k.startsWith("PMIX_") || k.startsWith("OPAL_")
                || k.startsWith("ORTE_"));
        return env;
    }

    private static Mpiexec.Result bash(String script, Path dir, Map<String, String> env, int timeoutSeconds)
            throws IOException {
        Path file = Files.writeString(work.resolve(dir.getFileName() + ".sh"), script);
        return run(List.of("bash", file.toString()), dir, env, timeoutSeconds);
    }

    private static Mpiexec.Result run(List<String> cmd, Path dir, Map<String, String> env, int timeoutSeconds)
            throws IOException {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(cmd)).directory(dir.toAbsolutePath().toFile())
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().clear();
        pb.environment().putAll(env);
        Path log = Files.createTempFile(work, "out", ".txt");
        pb.redirectOutput(log.toFile());
        long start = System.nanoTime();
        Process p = pb.start();
        boolean done;
        try {
            done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            done = false;
        }
        if (!done) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String out;
        try {
            out = Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Mpiexec.Result(done ? p.exitValue() : -1, !done, String.join(" ", cmd) + "\n" + out,
                (System.nanoTime() - start) * 1e-9);
    }
}
