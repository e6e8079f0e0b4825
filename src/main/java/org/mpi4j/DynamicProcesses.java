package org.mpi4j;

import java.io.File;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import org.mpi4j.ffi.mpi_h;
import org.mpi4j.internal.OpenMpiAbi;
import org.mpi4j.internal.Scratch;

/**
 * The engine behind spawning ({@code MPI_Comm_spawn[_multiple]}), the Java worker launcher, and
 * the client/server calls (ports, names, accept, connect).
 *
 * <p>Arguments of these calls matter at the root only, and Open MPI 4.1 answers some bad ones by
 * ending the whole job (a command that does not exist) or by failing at the root while the other
 * processes wait for ever (a malformed port name). So the root checks them first and broadcasts
 * its verdict: on a bad argument every process throws, none reaches the native call.
 */
final class DynamicProcesses {
    private DynamicProcesses() {
    }

    /**
     * Runs {@code check} at the root and tells every process its outcome: the value it returned,
     * or its exception, which the root rethrows and the others report as an
     * {@link IllegalArgumentException} naming it.
     */
    static int agree(Intracomm comm, int root, String function, IntSupplier check) {
        boolean isRoot = comm.checkRoot(root) == comm.rank();
        RuntimeException failure = null;
        Object verdict = null;
        if (isRoot) {
            try {
                verdict = check.getAsInt();
            } catch (RuntimeException e) {
                failure = e;
                verdict = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            }
        }
        if (comm.size() > 1) {
            // an Integer is the go-ahead, a String the root's complaint
            verdict = ObjectTransport.bcast(comm, verdict, root);
        }
        if (failure != null) {
            throw failure;
        }
        if (verdict instanceof String problem) {
            throw new IllegalArgumentException(function + " refused by the root (rank " + root + "): " + problem);
        }
        return (Integer) verdict;
    }

    // ---- spawn ---------------------------------------------------------------------------------

    /**
     * {@code MPI_Comm_spawn} ({@code commands.length == 1}) or {@code MPI_Comm_spawn_multiple};
     * the arrays are read at the root only.
     */
    static Intercomm spawn(Intracomm comm, String[] commands, String[][] argvs, int[] maxprocs, Info[] infos,
            int root, int[] errcodes, boolean multiple) {
        String function = multiple ? "MPI_Comm_spawn_multiple" : "MPI_Comm_spawn";
        int total = agree(comm, root, function, () -> checkSpawn(commands, argvs, maxprocs, infos));
        boolean isRoot = root == comm.rank();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment codes = arena.allocate(ValueLayout.JAVA_INT, total);
            Scratch s = Scratch.get();
            MemorySegment ref = s.handle0;
            int rc;
            if (!multiple) {
                rc = mpi_h.MPI_Comm_spawn(isRoot ? arena.allocateFrom(commands[0]) : MemorySegment.NULL,
                        isRoot ? argv(arena, argvs[0]) : mpi_h.MPI_ARGV_NULL(), isRoot ? maxprocs[0] : total,
                        isRoot ? Info.handleOf(infos[0]) : Info.NULL.rawHandle(), root, comm.handle(), ref, codes);
            } else {
                int n = isRoot ? commands.length : 0;
                MemorySegment cmds = isRoot ? arena.allocate(ValueLayout.ADDRESS, n) : MemorySegment.NULL;
                MemorySegment argvArray = isRoot ? arena.allocate(ValueLayout.ADDRESS, n) : MemorySegment.NULL;
                MemorySegment counts = isRoot ? arena.allocate(ValueLayout.JAVA_INT, n) : MemorySegment.NULL;
                MemorySegment infoArray = isRoot ? arena.allocate(ValueLayout.ADDRESS, n) : MemorySegment.NULL;
                for (int i = 0; i < n; i++) {
                    cmds.setAtIndex(ValueLayout.ADDRESS, i, arena.allocateFrom(commands[i]));
                    argvArray.setAtIndex(ValueLayout.ADDRESS, i, argv(arena, argvs == null ? null : argvs[i]));
                    counts.setAtIndex(ValueLayout.JAVA_INT, i, maxprocs[i]);
                    infoArray.setAtIndex(ValueLayout.ADDRESS, i, Info.handleOf(infos == null ? null : infos[i]));
                }
                rc = mpi_h.MPI_Comm_spawn_multiple(n, cmds, argvArray, counts, infoArray, root, comm.handle(), ref,
                        codes);
            }
            int[] got = codes.toArray(ValueLayout.JAVA_INT);
            if (errcodes != null) {
                System.arraycopy(got, 0, errcodes, 0, Math.min(errcodes.length, got.length));
            }
            if (rc != mpi_h.MPI_SUCCESS()) {
                // after a spawn that failed in MPI, Open MPI 4.1 would wait in MPI_Finalize for ever:
                // the process then ends without it (mpiexec reports that), but ends
                if (OpenMpiAbi.FINALIZE_HANGS_AFTER_FAILED_SPAWN) {
                    Environment.skipFinalizeFromNowOn();
                }
                throw new SpawnException(rc, function, got);
            }
            return Intercomm.fromRef(ref);
        }
    }


    /** The root's checks of a spawn; returns the number of processes to start. */
    private static int checkSpawn(String[] commands, String[][] argvs, int[] maxprocs, Info[] infos) {
        Errors.checkNotNull(commands, "commands");
        Errors.checkNotNull(maxprocs, "maxprocs");
        int n = commands.length;
        if (n == 0 || maxprocs.length != n || (argvs != null && argvs.length != n)
                || (infos != null && infos.length != n)) {
            throw new IllegalArgumentException("one entry per command needed: " + n + " commands, "
                    + maxprocs.length + " maxprocs" + (argvs == null ? "" : ", " + argvs.length + " argument lists")
                    + (infos == null ? "" : ", " + infos.length + " infos"));
        }
        long total = 0;
        for (int i = 0; i < n; i++) {
            if (maxprocs[i] < 1) {
                throw new IllegalArgumentException("maxprocs must be at least 1, not " + maxprocs[i]);
            }
            total += maxprocs[i];
            if (argvs != null && argvs[i] != null) {
                for (String a : argvs[i]) {
                    Errors.checkNotNull(a, "an argument of " + commands[i]);
                }
            }
            checkExecutable(Errors.checkNotNull(commands[i], "command"), infos == null ? null : infos[i]);
        }
        return Math.toIntExact(total);
    }

    /**
     * Refuses a command that names no executable file: Open MPI 4.1 would end the whole job
     * (spawner included) instead of returning an error. Looks where Open MPI looks: relative to the
     * {@code wdir} info key (or this directory), or on {@code PATH} and the {@code path} info key.
     */
    static void checkExecutable(String command, Info info) {
        if (command.isBlank()) {
            throw new IllegalArgumentException("empty command");
        }
        Info given = info == null || info.isNull() ? null : info;
        Path wdir = given == null ? null : given.get("wdir").map(Path::of).orElse(null);
        if (command.contains("/")) {
            Path p = wdir == null ? Path.of(command) : wdir.resolve(command);
            if (!Files.isRegularFile(p) || !Files.isExecutable(p)) {
                throw new IllegalArgumentException("no executable file " + p);
            }
            return;
        }
        List<String> dirs = new ArrayList<>();
        if (given != null) {
            given.get("path").ifPresent(v -> dirs.addAll(List.of(v.split(File.pathSeparator))));
        }
        String path = System.getenv("PATH");
        if (path != null) {
            dirs.addAll(List.of(path.split(File.pathSeparator)));
        }
        for (String d : dirs) {
            Path p = Path.of(d.isEmpty() ? "." : d, command);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return;
            }
        }
        throw new IllegalArgumentException("command not found: " + command + " (not on PATH)");
    }

    /** A NULL-terminated {@code char*[]}, or {@code MPI_ARGV_NULL} for no arguments. */
    private static MemorySegment argv(Arena arena, String[] args) {
        if (args == null || args.length == 0) {
            return mpi_h.MPI_ARGV_NULL();
        }
        MemorySegment a = arena.allocate(ValueLayout.ADDRESS, args.length + 1L);
        for (int i = 0; i < args.length; i++) {
            a.setAtIndex(ValueLayout.ADDRESS, i, arena.allocateFrom(args[i]));
        }
        a.setAtIndex(ValueLayout.ADDRESS, args.length, MemorySegment.NULL);
        return a;
    }

    // ---- Java workers --------------------------------------------------------------------------

    /** This JVM's {@code java} launcher. */
    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * The arguments that start {@code org.mpi4j.Run} as this JVM runs: its class path or module
     * path, its {@code --enable-native-access} flag and its {@code mpi4j.*} system properties,
     * plus the JVM options in the property {@code mpi4j.spawn.javaOptions} (split at white space).
     */
    static List<String> runnerArguments(String target, String[] args) {
        List<String> cmd = new ArrayList<>();
        boolean onModulePath = Run.class.getModule().isNamed();
        boolean nativeAccess = false;
        String[] own = ProcessHandle.current().info().arguments().orElse(new String[0]);
        for (int i = 0; i < own.length; i++) {
            if (own[i].startsWith("--enable-native-access=")) {
                cmd.add(own[i]);
                nativeAccess = true;
            } else if (own[i].equals("--enable-native-access") && i + 1 < own.length) {
                cmd.add(own[i] + "=" + own[++i]);
                nativeAccess = true;
            }
        }
        if (!nativeAccess) {
            cmd.add("--enable-native-access=" + (onModulePath ? "org.mpi4j" : "ALL-UNNAMED"));
        }
        String extra = System.getProperty("mpi4j.spawn.javaOptions", "").strip();
        if (!extra.isEmpty()) {
            cmd.addAll(List.of(extra.split("\\s+")));
        }
        for (String key : System.getProperties().stringPropertyNames()) {
            if (key.startsWith("mpi4j.")) {
                cmd.add("-D" + key + "=" + System.getProperty(key));
            }
        }
        String cp = System.getProperty("java.class.path", "");
        if (!cp.isEmpty()) {
            cmd.addAll(List.of("-cp", cp));
        }
        String mp = System.getProperty("jdk.module.path", "");
        if (onModulePath && !mp.isEmpty()) {
            cmd.addAll(List.of("-p", mp, "--add-modules", "ALL-MODULE-PATH", "-m", "org.mpi4j/" + Run.class.getName()));
        } else {
            cmd.add(Run.class.getName());
        }
        cmd.add(target.endsWith(".java") ? Path.of(target).toAbsolutePath().toString() : target);
        if (args != null) {
            cmd.addAll(List.of(args));
        }
        return cmd;
    }

    // ---- ports and names -----------------------------------------------------------------------

    static String openPort(Info info) {
        Environment.ensureInitialized();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment port = arena.allocate(mpi_h.MPI_MAX_PORT_NAME() + 1L);
            Errors.check(mpi_h.MPI_Open_port(Info.handleOf(info), port), "MPI_Open_port");
            return port.getString(0);
        }
    }

    static void closePort(String port) {
        checkPort(port);
        Environment.ensureInitialized();
        try (Arena arena = Arena.ofConfined()) {
            Errors.check(mpi_h.MPI_Close_port(arena.allocateFrom(port)), "MPI_Close_port");
        }
    }

    static void publishName(String service, String port, Info info, boolean publish) {
        checkService(service);
        checkPort(port);
        Environment.ensureInitialized();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment s = arena.allocateFrom(service);
            MemorySegment p = arena.allocateFrom(port);
            if (publish) {
                Errors.check(mpi_h.MPI_Publish_name(s, Info.handleOf(info), p), "MPI_Publish_name(" + service + ")");
            } else {
                Errors.check(mpi_h.MPI_Unpublish_name(s, Info.handleOf(info), p),
                        "MPI_Unpublish_name(" + service + ")");
            }
        }
    }

    static String lookupName(String service, Info info) {
        checkService(service);
        Environment.ensureInitialized();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment port = arena.allocate(mpi_h.MPI_MAX_PORT_NAME() + 1L);
            Errors.check(mpi_h.MPI_Lookup_name(arena.allocateFrom(service), Info.handleOf(info), port),
                    "MPI_Lookup_name(" + service + ")");
            return port.getString(0);
        }
    }

    /** {@code MPI_Comm_accept} or {@code MPI_Comm_connect}; {@code port} and {@code info} matter at the root only. */
    static Intercomm acceptOrConnect(Intracomm comm, String port, Info info, int root, boolean accept) {
        String function = accept ? "MPI_Comm_accept" : "MPI_Comm_connect";
        agree(comm, root, function, () -> {
            checkPort(port);
            return 0;
        });
        boolean isRoot = root == comm.rank();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment p = isRoot ? arena.allocateFrom(port) : MemorySegment.NULL;
            MemorySegment i = isRoot ? Info.handleOf(info) : Info.NULL.rawHandle();
            Scratch s = Scratch.get();
            int rc = accept ? mpi_h.MPI_Comm_accept(p, i, root, comm.handle(), s.handle0)
                    : mpi_h.MPI_Comm_connect(p, i, root, comm.handle(), s.handle0);
            Errors.check(rc, function);
            return Intercomm.fromRef(s.handle0);
        }
    }

    private static void checkPort(String port) {
        Errors.checkNotNull(port, "port name");
        if (port.length() >= mpi_h.MPI_MAX_PORT_NAME() || !OpenMpiAbi.isPortName(port)) {
            throw new IllegalArgumentException("not a port name: \"" + port + "\" (use one MPI.openPort() or"
                    + " MPI.lookupName returned)");
        }
    }

    private static void checkService(String service) {
        Errors.checkNotNull(service, "service name");
        if (service.isEmpty() || service.length() >= mpi_h.MPI_MAX_PORT_NAME()) {
            throw new IllegalArgumentException("service name must have 1.." + (mpi_h.MPI_MAX_PORT_NAME() - 1)
                    + " characters");
        }
    }
}
