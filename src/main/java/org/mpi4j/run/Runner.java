package org.mpi4j.run;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
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
 * mpiexec -n 4 java ... org.mpi4j.Run -c 'System.out.println(MPI.COMM_WORLD.rank());'
 * mpiexec -n 4 java ... org.mpi4j.Run - &lt; Prog.java
 * java ... org.mpi4j.Run --version | --mpi-std-version | --mpi-lib-version | --help
 * </pre>
 *
 * Code given with {@code -c} or read from standard input (by rank 0, which broadcasts it) is
 * compiled like a program file, as statements if it declares no class ({@link SourceCompiler}).
 * A program that does not compile ends the job with one message, rank 0's. A single-file program ({@code .java}) is compiled in memory against the runner's own class and
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
     * Loads the program {@code args[0]} (a main class, a {@code .java} file, {@code -c code} or
     * {@code -}) on this process, as {@link #main} does, and hands its main method to
     * {@code launcher}; anything the launcher or the program throws (and any uncaught exception in
     * another thread) aborts the MPI job. An option ({@code --version}, {@code --help} ...) is
     * answered and the process exits; a command line or program that every rank finds wrong (no such
     * file, a compile error) ends the job with rank 0's message alone.
     *
     * @param args     the program and its arguments
     * @param launcher decides how the main method runs
     */
    public static void run(String[] args, Launcher launcher) {
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> abort(e, t));
        Class<?> programClass;
        String[] programArgs;
        try {
            if (args.length == 0) {
                throw new UsageError("no program given");
            }
            switch (args[0]) {
                case "-h", "--help" -> {
                    System.out.println(USAGE);
                    System.exit(0);
                }
                case "--version" -> exitWith("mpi4j " + version());
                case "--mpi-std-version" -> exitWith("MPI " + MPI.version());
                case "--mpi-lib-version" -> exitWith(MPI.libraryVersion());
                default -> {
                    // a program follows
                }
            }
            int skip = 1;
            if (args[0].equals("-c")) {
                if (args.length < 2) {
                    throw new UsageError("-c needs the code to run");
                }
                programClass = SourceCompiler.compileText(args[1], "-c");
                skip = 2;
            } else if (args[0].equals("-")) {
                // mpiexec gives standard input to rank 0 only
                String code = MPI.COMM_WORLD.rank() == 0
                        ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8) : null;
                programClass = SourceCompiler.compileText(Texts.broadcast(MPI.COMM_WORLD, code), "<stdin>");
            } else if (args[0].startsWith("-")) {
                throw new UsageError("unknown option " + args[0]);
            } else {
                programClass = load(args[0]);
                if (program == null) {
                    program = args[0];
                }
            }
            programArgs = Arrays.copyOfRange(args, skip, args.length);
        } catch (UsageError | IllegalArgumentException e) {
            failOnce("mpi4j: " + e.getMessage() + (e instanceof UsageError ? "\n" + USAGE : ""), 2);
            return;
        } catch (SourceCompiler.CompileError e) {
            failOnce(e.getMessage(), 1);
            return;
        } catch (Throwable e) {
            abort(e, Thread.currentThread());
            return;
        }
        try {
            Method main = findMain(programClass);
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

    private static final String USAGE = """
            usage: org.mpi4j.Run (MainClass | Program.java | -c code | -) [args...]
                   org.mpi4j.Run (--version | --mpi-std-version | --mpi-lib-version | --help)
              MainClass         run the main method of a class on the class path
              Program.java      compile a single-file program in memory and run it
              -c code           run Java statements (or a compilation unit) given as one argument;
                                org.mpi4j.*, java.lang.foreign.* and jshell's default imports
                                (java.util.*, ...) are imported; args holds [args...]
              -                 the same with the code read from standard input (rank 0 reads it)
              --version         print mpi4j's version and exit
              --mpi-std-version print the version of the MPI standard of the library (MPI_Get_version)
              --mpi-lib-version print the MPI library's version (MPI_Get_library_version)
              -h, --help        print this help and exit
            An uncaught exception in any thread aborts the whole job (MPI_Abort).""";

    /** A wrong command line. */
    private static final class UsageError extends Exception {
        private static final long serialVersionUID = 1L;

        UsageError(String message) {
            super(message);
        }
    }

    /** mpi4j's version, from the build; "unknown" outside a build. */
    public static String version() {
        try (InputStream in = Runner.class.getResourceAsStream("mpi4j.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            String v = p.getProperty("version", "unknown");
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Prints a line and ends this process normally (every rank prints, as mpi4py's options do). */
    private static void exitWith(String line) {
        System.out.println(line);
        System.out.flush();
        System.exit(0);
    }

    /**
     * Ends the job for a failure every rank sees alike (a program that does not compile, a bad
     * command line): rank 0 alone prints it, every rank leaves MPI normally and exits with
     * {@code status}, so the job fails with one message instead of one per rank.
     */
    private static void failOnce(String message, int status) {
        boolean print = true;
        try {
            print = MPI.COMM_WORLD.rank() == 0;
        } catch (Throwable t) {
            // no MPI (library missing): print here, as a single process would
        }
        // print before MPI_Finalize, which waits for every process: once the others are through it
        // they exit with a failure status and mpiexec kills the rest of the job, rank 0 included,
        // so a message printed after it was lost now and then (1 run of the suite in a few dozen)
        if (print) {
            System.err.println(message);
            System.err.flush();
        }
        try {
            MPI.finalizeMpi();
        } catch (Throwable t) {
            // no MPI: nothing to finalize
        }
        System.exit(status);
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
            return SourceCompiler.compileFile(Path.of(target));
        }
        try {
            return Class.forName(target, false, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("no class " + target + " on the class path"
                    + (target.contains("/") ? " (a program file must end in .java)" : ""));
        }
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
}
