package org.mpi4j.bench;

import java.io.PrintStream;
import java.lang.foreign.Arena;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mpi4j.Intracomm;
import org.mpi4j.MPI;
import org.mpi4j.ThreadLevel;

/**
 * mpi4j's benchmark command, as {@code python -m mpi4py.bench}. Run it on every rank:
 *
 * <pre>
 * mpiexec -n 2 java --enable-native-access=ALL-UNNAMED -cp 'target/mpi4j.jar:target/lib/*' \
 *     org.mpi4j.bench.Bench pingpong
 * </pre>
 *
 * <p>Subcommands: {@code helloworld}, {@code ringtest}, {@code pingpong}, {@code allreduce},
 * {@code bcast}, {@code io}, {@code objects}, {@code alloc}, {@code halo}, {@code futures} and {@code peers}
 * (see {@link #USAGE}). Timed benches run a whole warm-up pass first (so that the JIT has compiled the hot paths), keep their
 * results in memory and print them at the end, on rank 0.
 */
public final class Bench {
    /** What {@code Bench help} prints. */
    public static final String USAGE = """
            usage: Bench <command> [options]     (run under mpiexec; output on rank 0)
              helloworld                 every rank greets, in rank order
              ringtest [-n BYTES] [-l LOOPS] [-s SKIP]
                                         time a message around the ring of all ranks
              pingpong [--buffers=B]     latency (blocking send/recv) and bandwidth (window of 64
                                         isend/irecv + waitAll) over pingpong.c's sizes (2+ ranks)
              allreduce [--buffers=B]    allreduce SUM of 1 double and of 1M doubles
              bcast [--buffers=B]        bcast of 1 MiB from rank 0
              rma                        one-sided: lock + put/get + unlock (8 B), put of 4 MiB, fence,
                                         fetchAndOp + flush (exactly 2 ranks)
              io [--buffers=B]           write_at_all and read_at_all of 4 MiB per rank, one file
                                         under $BENCH_IODIR (default /tmp)
              objects                    ping-pong of objects (sendObject/recvObject): a small map,
                                         1000 small records, a double[1048576] (2+ ranks)
              alloc                      heap bytes allocated per call on the hot paths (2+ ranks)
              halo                       the halo exchange of examples/Heat2D.java on a periodic 2-D
                                         grid: neighborAlltoall beside four sendrecv calls
              futures                    executor latency and map throughput (chunk sizes 1 and 64),
                                         as ../shared/bench/futures_mpi4py.py (exactly 3 ranks)
              objectmemory               peak resident memory of an isendObject of a long[] of --mb MiB
                                         (default 512), received with --recv=blocking|mprobe
              floor                      the one-sided and I/O benches through mpi4j and through the
                                         generated bindings alone (impl ffm-raw), as CSV (2 ranks)
              peers [--buffers=B]        everything, as CSV impl,bench,size_bytes,value,unit for
                                         ../shared/bench/run_peers.sh (exactly 2 ranks)
            options:
              --buffers=segment|heap|both  MemorySegments (impl mpi4j, with the object benches),
                                         primitive arrays (impl mpi4j-heap) or both (default)
              --csv                      print CSV lines instead of a table
              --scale=X                  multiply every iteration count by X (default: env BENCH_SCALE, 1)
              --thread-level=L           single|funneled|serialized|multiple (default: mpi4j's, multiple)
              --no-warmup                skip the warm-up pass
              --verbose                  say on stderr how long the JIT compiled during the timed pass,
                                         and during which timed benches
            """;

    private Bench() {
    }

    /** Runs one subcommand; any exception aborts the whole MPI job instead of leaving ranks waiting. */
    public static void main(String[] args) {
        int status;
        try {
            status = run(args, System.out);
        } catch (Throwable t) {
            System.err.println("bench: " + t);
            t.printStackTrace();
            System.err.flush();
            MPI.COMM_WORLD.abort(1);
            status = 1;
        }
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Parsed command line: the subcommand and its {@code --name=value} / {@code -x value} options. */
    record Args(String command, Map<String, String> options) {
        static Args parse(String[] args) {
            if (args.length == 0) {
                return new Args("help", Map.of());
            }
            Map<String, String> opts = new LinkedHashMap<>();
            for (int i = 1; i < args.length; i++) {
                String a = args[i];
                if (a.startsWith("--")) {
                    int eq = a.indexOf('=');
                    if (eq < 0) {
                        opts.put(a.substring(2), "true");
                    } else {
                        opts.put(a.substring(2, eq), a.substring(eq + 1));
                    }
                } else if (a.startsWith("-") && a.length() == 2 && i + 1 < args.length) {
                    opts.put(a.substring(1), args[++i]);
                } else {
                    throw new IllegalArgumentException("unexpected argument: " + a + "\n" + USAGE);
                }
            }
            return new Args(args[0], opts);
        }

        boolean flag(String name) {
            return options.containsKey(name);
        }

        int intOption(String name, int dflt) {
            String v = options.get(name);
            return v == null ? dflt : Integer.parseInt(v);
        }

        double scale() {
            String v = options.get("scale");
            if (v == null) {
                v = System.getenv("BENCH_SCALE");
            }
            if (v == null || v.isBlank()) {
                return 1.0;
            }
            try {
                double s = Double.parseDouble(v.trim());
                return s > 0 ? s : 1.0;
            } catch (NumberFormatException e) {
                return 1.0;
            }
        }

        boolean segments() {
            String b = options.getOrDefault("buffers", "both");
            checkBuffers(b);
            return b.equals("segment") || b.equals("both");
        }

        boolean heap() {
            String b = options.getOrDefault("buffers", "both");
            checkBuffers(b);
            return b.equals("heap") || b.equals("both");
        }

        private static void checkBuffers(String b) {
            if (!List.of("segment", "heap", "both").contains(b)) {
                throw new IllegalArgumentException("--buffers must be segment, heap or both: " + b);
            }
        }
    }

    /**
     * Runs the subcommand named by {@code args[0]} on this rank.
     *
     * @return the exit status (0, or 2 for a usage error)
     */
    static int run(String[] args, PrintStream out) {
        Args a = Args.parse(args);
        if (a.command().equals("help") || a.flag("help")) {
            out.print(USAGE);
            return 0;
        }
        String level = a.options().get("thread-level");
        if (level != null) {
            MPI.initThread(ThreadLevel.valueOf(level.toUpperCase(Locale.ROOT)));
        }
        Intracomm world = MPI.COMM_WORLD;
        return switch (a.command()) {
            case "helloworld" -> helloWorld(world, out);
            case "ringtest" -> ringTest(world, a, out);
            case "pingpong", "allreduce", "bcast", "rma", "io", "objects", "peers" -> measure(world, a, out);
            case "alloc" -> alloc(world, a, out);
            case "halo" -> halo(world, a, out);
            case "futures" -> FuturesBench.run(world, a, out);
            case "objectmemory" -> ObjectMemoryBench.run(world, a, out);
            case "floor" -> FloorBench.run(world, a, out);
            default -> {
                if (world.rank() == 0) {
                    System.err.print("bench: unknown command " + a.command() + "\n" + USAGE);
                }
                yield 2;
            }
        };
    }

    // ---- helloworld, ringtest ---------------------------------------------------------------------

    /** Each rank greets in turn: a token passed down the ranks keeps the lines in rank order. */
    static int helloWorld(Intracomm comm, PrintStream out) {
        int rank = comm.rank();
        int size = comm.size();
        int[] token = new int[1];
        if (rank > 0) {
            comm.recv(token, rank - 1, 0, null);
        }
        out.printf(Locale.ROOT, "Hello, World! I am process %d of %d on %s.%n", rank, size, MPI.processorName());
        out.flush();
        if (rank < size - 1) {
            comm.send(token, rank + 1, 0);
        }
        comm.barrier();
        return 0;
    }

    /** mpi4py.bench's ringtest: a message of {@code -n} bytes goes {@code -l} times around the ring. */
    static int ringTest(Intracomm comm, Args a, PrintStream out) {
        int bytes = a.intOption("n", 1);
        int loops = a.intOption("l", 1);
        int skip = a.intOption("s", 0);
        if (bytes < 0 || loops < 1 || skip < 0) {
            throw new IllegalArgumentException("ringtest needs -n >= 0, -l >= 1, -s >= 0");
        }
        int rank = comm.rank();
        int size = comm.size();
        int next = (rank + 1) % size;
        int prev = (rank + size - 1) % size;
        byte[] send = new byte[bytes];
        byte[] recv = new byte[bytes];
        java.util.Arrays.fill(send, (byte) 42);
        double t0 = 0;
        comm.barrier();
        for (int i = 0; i < loops + skip; i++) {
            if (i == skip) {
                t0 = MPI.wtime();
            }
            if (size == 1) {
                comm.sendrecv(java.lang.foreign.MemorySegment.ofArray(send), next, 0,
                        java.lang.foreign.MemorySegment.ofArray(recv), prev, 0, null);
            } else if (rank == 0) {
                comm.send(send, next, 0);
                comm.recv(recv, prev, 0, null);
            } else {
                comm.recv(recv, prev, 0, null);
                comm.send(recv, next, 0);
            }
        }
        double t = MPI.wtime() - t0;
        if (rank == 0) {
            if (!java.util.Arrays.equals(send, recv)) {
                System.err.println("ringtest: the message came back changed");
            }
            out.printf(Locale.ROOT, "time for %d loops = %g seconds (%d processes, %d bytes)%n", loops, t, size,
                    bytes);
            out.flush();
        }
        return 0;
    }

    // ---- buffer benches -----------------------------------------------------------------------

    private static boolean needRanks(Intracomm comm, String command, int min, int max) {
        int n = comm.size();
        if (n >= min && n <= max) {
            return true;
        }
        if (comm.rank() == 0) {
            System.err.println("bench " + command + ": needs " + (min == max ? "exactly " + min
                    : min + " or more") + " ranks (got " + n + ")");
        }
        return false;
    }

    /**
     * pingpong, allreduce, bcast, io, objects and peers (all of them): a warm-up pass over the benches,
     * then the timed pass, then the results.
     */
    static int measure(Intracomm comm, Args a, PrintStream out) {
        String cmd = a.command();
        boolean peers = cmd.equals("peers");
        boolean objects = cmd.equals("objects");
        if ((peers || cmd.equals("rma")) && !needRanks(comm, cmd, 2, 2)
                || (cmd.equals("pingpong") || objects) && !needRanks(comm, cmd, 2, 1 << 20)) {
            return 2;
        }
        double scale = a.scale();
        boolean seg = !objects && a.segments();
        boolean heap = !objects && a.heap();
        Results results = new Results(true, a.flag("verbose"));
        try (Arena arena = Arena.ofConfined()) {
            SegmentBenches sb = seg ? new SegmentBenches(comm, arena) : null;
            HeapBenches hb = heap ? new HeapBenches(comm) : null;
            // object rows are impl mpi4j: they come with the segment benches
            ObjectBenches ob = objects || peers && seg ? new ObjectBenches(comm) : null;
            // the warm-up pass (results dropped), then the timed one
            List<Results> passes = new ArrayList<>();
            if (!a.flag("no-warmup")) {
                passes.add(new Results(false, false));
            }
            passes.add(results);
            long jit = 0;
            for (Results pass : passes) {
                if (pass == results) {
                    if (passes.size() > 1) {
                        JitMeter.settle();
                        comm.barrier();
                    }
                    jit = JitMeter.millis();
                    if (a.flag("verbose")) {
                        System.out.println("bench: rank " + comm.rank() + ": timed pass starts");
                    }
                }
                if (sb != null) {
                    sb.run(cmd, pass, scale);
                }
                if (hb != null) {
                    hb.run(cmd, pass, scale);
                }
                if (ob != null) {
                    ob.run(pass, scale);
                }
            }
            long after = JitMeter.millis();
            if (jit >= 0 && after >= 0 && a.flag("verbose")) {
                System.err.printf(Locale.ROOT, "bench: rank %d: JIT compiled for %d ms during the timed pass%n",
                        comm.rank(), after - jit);
                for (String note : results.jitNotes()) {
                    System.err.println("bench: rank " + comm.rank() + ": " + note);
                }
            }
        }
        if (comm.rank() == 0) {
            if (peers || a.flag("csv")) {
                results.printCsv(out);
            } else {
                out.printf(Locale.ROOT, "# mpi4j %s on %d ranks, scale %s%n", cmd, comm.size(), scale);
                results.printTable(out);
            }
        }
        return 0;
    }

    // ---- alloc ----------------------------------------------------------------------------------

    static int alloc(Intracomm comm, Args a, PrintStream out) {
        if (!needRanks(comm, "alloc", 2, 1 << 20)) {
            return 2;
        }
        try (Arena arena = Arena.ofConfined()) {
            for (String line : new AllocationBench(comm, a.scale(), arena).run()) {
                out.println(line);
            }
        }
        out.flush();
        return 0;
    }

    // ---- halo -----------------------------------------------------------------------------------

    static int halo(Intracomm comm, Args a, PrintStream out) {
        try (Arena arena = Arena.ofConfined()) {
            for (String line : new HaloBench(comm, arena, a.scale()).run(!a.flag("no-warmup"))) {
                out.println(line);
            }
        }
        out.flush();
        return 0;
    }
}
