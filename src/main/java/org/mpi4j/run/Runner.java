package org.mpi4j.run;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.mpi4j.MPI;

/**
 * The mpi4j runner, Java's {@code python -m mpi4py}: runs a program on every rank and, should any
 * thread of it end with an uncaught exception, prints the stack trace and calls {@code MPI_Abort},
 * so the whole job ends with a non-zero status instead of deadlocking in {@code MPI_Finalize}.
 *
 * <pre>
 * mpiexec -n 4 java --enable-native-access=ALL-UNNAMED -cp 'mpi4j.jar:lib/*' org.mpi4j.Run Prog.java args...
 * mpiexec -n 4 java --enable-native-access=ALL-UNNAMED -cp 'mpi4j.jar:lib/*:app.jar' org.mpi4j.Run com.example.Main args...
 * mpiexec -n 4 java --enable-native-access=org.mpi4j -p mpi4j.jar:lib -m org.mpi4j/org.mpi4j.Run Prog.java
 * </pre>
 *
 * A single-file program ({@code .java}) is compiled in memory against the runner's own class and
 * module path; otherwise the argument names a main class on the class path.
 *
 * <p>Users start it as {@code org.mpi4j.Run}; it lives here, outside the API package, with the
 * other commands.
 */
public final class Runner {
    private Runner() {
    }

    /**
     * Runs {@code args[0]} (a main class or a {@code .java} file) with the remaining arguments.
     *
     * @param args the program and its arguments
     */
    public static void main(String[] args) {
        run(args, Callable::call);
    }

    /**
     * How a launcher built on this runner runs the program's main method: where, when and around
     * what. {@code org.mpi4j.futures.Run} runs it on rank 0 only, beside an executor that the other
     * ranks serve.
     */
    @FunctionalInterface
    public interface Launcher {
        /**
         * Runs the program, by calling {@code main} (at most once) on this process.
         *
         * @param main calls the program's main method with its arguments; throws what it throws
         */
        void launch(Callable<?> main) throws Exception;
    }

    /**
     * Loads the program {@code args[0]} on this process, as {@link #main} does, and hands its main
     * method to {@code launcher}; anything the launcher or the program throws (and any uncaught
     * exception in another thread) aborts the MPI job.
     *
     * @param args     the program and its arguments
     * @param launcher decides how the main method runs
     */
    public static void run(String[] args, Launcher launcher) {
        if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help")) {
            System.err.println("usage: org.mpi4j.Run (MainClass | Program.java) [args...]");
            System.exit(args.length == 0 ? 2 : 0);
        }
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> abort(e, t));
        String[] programArgs = Arrays.copyOfRange(args, 1, args.length);
        try {
            Method main = findMain(load(args[0]));
            if (program == null) {
                program = args[0];
            }
            launcher.launch(() -> {
                try {
                    invoke(main, programArgs);
                } catch (InvocationTargetException e) {
                    throw e.getCause() instanceof Exception x ? x : new ProgramError(e.getCause());
                }
                return null;
            });
        } catch (ProgramError e) {
            abort(e.getCause(), Thread.currentThread());
        } catch (Throwable e) {
            abort(e, Thread.currentThread());
        }
    }

    /**
     * The program this runner loaded on this process (its main class or {@code .java} file, as
     * given), or empty outside the runner: what spawned workers need to load the program's classes.
     */
    public static java.util.Optional<String> program() {
        return java.util.Optional.ofNullable(program);
    }

    private static volatile String program;

    /** Carries an Error of the program through Callable.call, to be reported as itself. */
    private static final class ProgramError extends Exception {
        private static final long serialVersionUID = 1L;

        ProgramError(Throwable cause) {
            super(cause);
        }
    }

    private static Class<?> load(String target) throws Exception {
        if (target.endsWith(".java")) {
            return compile(Path.of(target));
        }
        return Class.forName(target, false, Thread.currentThread().getContextClassLoader());
    }

    /** Compiles a single-file program into a temporary directory and loads its first class. */
    private static Class<?> compile(Path source) throws Exception {
        if (!Files.isRegularFile(source)) {
            throw new IllegalArgumentException("no such file: " + source);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("running a .java file needs a JDK (javac), not a JRE");
        }
        Path out = Files.createTempDirectory("mpi4j-run");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(out)));
        List<String> options = new ArrayList<>(List.of("-d", out.toString(), "-proc:none", "-nowarn",
                "-Xlint:none", "-g"));
        String cp = System.getProperty("java.class.path", "");
        options.addAll(List.of("-cp", cp.isEmpty() ? "." : cp));
        String mp = System.getProperty("jdk.module.path", "");
        if (!mp.isEmpty()) {
            options.addAll(List.of("--module-path", mp, "--add-modules", "ALL-MODULE-PATH"));
        }
        options.add(source.toString());
        int rc = javac.run(null, null, System.err, options.toArray(String[]::new));
        if (rc != 0) {
            throw new IllegalArgumentException("compilation of " + source + " failed");
        }
        URLClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()}, Runner.class.getClassLoader());
        Thread.currentThread().setContextClassLoader(loader);
        String base = source.getFileName().toString().replaceFirst("\\.java$", "");
        if (Files.exists(out.resolve(base + ".class"))) {
            return loader.loadClass(base);
        }
        try (Stream<Path> classes = Files.walk(out)) {
            for (Path p : (Iterable<Path>) classes.filter(p -> p.toString().endsWith(".class"))
                    .filter(p -> !p.getFileName().toString().contains("$")).sorted()::iterator) {
                String name = out.relativize(p).toString().replace(File.separatorChar, '.').replaceFirst("\\.class$",
                        "");
                Class<?> c = loader.loadClass(name);
                if (hasMain(c)) {
                    return c;
                }
            }
        }
        throw new IllegalArgumentException(source + " declares no class with a main method");
    }

    private static boolean hasMain(Class<?> c) {
        return Arrays.stream(c.getDeclaredMethods()).anyMatch(m -> m.getName().equals("main"));
    }

    private static Method findMain(Class<?> c) throws NoSuchMethodException {
        for (Class<?>[] params : List.<Class<?>[]>of(new Class<?>[] {String[].class}, new Class<?>[0])) {
            try {
                Method m = c.getDeclaredMethod("main", params);
                m.setAccessible(true);
                return m;
            } catch (NoSuchMethodException e) {
                // try the next signature
            }
        }
        throw new NoSuchMethodException(c.getName() + " has no main method");
    }

    private static void invoke(Method main, String[] args) throws Exception {
        Object target = null;
        if (!Modifier.isStatic(main.getModifiers())) {
            Constructor<?> ctor = main.getDeclaringClass().getDeclaredConstructor();
            ctor.setAccessible(true);
            target = ctor.newInstance();
        }
        if (main.getParameterCount() == 1) {
            main.invoke(target, (Object) args);
        } else {
            main.invoke(target);
        }
    }

    /** Prints the failure and ends the whole MPI job; never returns. */
    private static void abort(Throwable e, Thread thread) {
        String where;
        try {
            where = MPI.isInitialized() && !MPI.isFinalized() ? "rank " + MPI.COMM_WORLD.rank() : "process";
        } catch (Throwable t) {
            where = "process";
        }
        System.out.flush();
        System.err.println("mpi4j: uncaught exception in thread \"" + thread.getName() + "\" on " + where
                + "; aborting the MPI job");
        e.printStackTrace();
        System.err.flush();
        try {
            if (!MPI.isFinalized()) {
                MPI.abort(1);
            }
        } catch (Throwable t) {
            // no MPI to abort: the non-zero exit below still ends the job under mpiexec
        }
        Runtime.getRuntime().halt(1);
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
