package org.mpi4j.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.List;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.mpi4j.Datatype;
import org.mpi4j.Intracomm;
import org.mpi4j.MPI;
import org.mpi4j.Status;

/**
 * An interactive Java shell on every rank: {@code mpiexec -n 4 java ... org.mpi4j.Shell}.
 *
 * <p>mpiexec gives standard input to rank 0 only (Open MPI 4.1's {@code --stdin all} does not
 * deliver it to the others), so a plain {@code jshell} per rank cannot be driven as one. Here rank
 * 0 reads each snippet, broadcasts it, and every rank evaluates it in its own JShell, which runs
 * in this JVM (local execution) and so shares its MPI state; each rank's result comes back to rank
 * 0 and is printed in rank order as {@code [rank] value}. What snippets print themselves appears as
 * each rank writes it. {@code /exit} (or end of input) leaves on every rank.
 */
public final class Shell {
    private Shell() {
    }

    /**
     * Runs the shell. Arguments are ignored.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        Intracomm comm = MPI.COMM_WORLD.dup();
        comm.setName("mpi4j-shell");
        int rank = comm.rank();
        String cp = System.getProperty("java.class.path", "");
        try (JShell shell = JShell.builder().executionEngine("local").out(System.out).err(System.err)
                .compilerOptions("--class-path", cp.isEmpty() ? "." : cp).build();
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String p : cp.split(java.io.File.pathSeparator)) {
                if (!p.isEmpty()) {
                    shell.addToClasspath(p);
                }
            }
            if (rank == 0) {
                System.out.println("mpi4j shell on " + comm.size() + " ranks; /exit to leave");
            }
            while (true) {
                String source = rank == 0 ? read(in, shell.sourceCodeAnalysis()) : null;
                source = broadcast(comm, source);
                if (source == null) {
                    break;
                }
                String result = evaluate(shell, source);
                System.out.flush();
                comm.barrier();
                gatherAndPrint(comm, rank, result);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            comm.free();
        }
    }

    /** Rank 0: reads lines until they form complete snippets; null at end of input or /exit. */
    private static String read(BufferedReader in, SourceCodeAnalysis analysis) throws IOException {
        StringBuilder pending = new StringBuilder();
        while (true) {
            System.out.print(pending.isEmpty() ? "mpi4j> " : "   ...> ");
            System.out.flush();
            String line = in.readLine();
            if (line == null) {
                return null;
            }
            if (pending.isEmpty() && line.strip().equals("/exit")) {
                return null;
            }
            pending.append(line).append('\n');
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(pending.toString());
            if (info.completeness() != SourceCodeAnalysis.Completeness.DEFINITELY_INCOMPLETE
                    && info.completeness() != SourceCodeAnalysis.Completeness.CONSIDERED_INCOMPLETE) {
                return pending.toString();
            }
        }
    }

    /** Evaluates every snippet in {@code source}; returns what to show for this rank. */
    private static String evaluate(JShell shell, String source) {
        StringBuilder out = new StringBuilder();
        String remaining = source;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = shell.sourceCodeAnalysis().analyzeCompletion(remaining);
            String snippet = info.source() == null ? remaining : info.source();
            remaining = info.source() == null ? "" : info.remaining();
            List<SnippetEvent> events = shell.eval(snippet);
            for (SnippetEvent e : events) {
                if (e.causeSnippet() != null) {
                    continue;
                }
                if (e.exception() != null) {
                    Throwable t = e.exception();
                    String name = t instanceof EvalException ee ? ee.getExceptionClassName() : t.getClass().getName();
                    out.append("exception ").append(name).append(": ").append(t.getMessage()).append('\n');
                } else if (e.status() == Snippet.Status.REJECTED) {
                    shell.diagnostics(e.snippet()).map(d -> d.getMessage(null)).forEach(
                            m -> out.append("error: ").append(m).append('\n'));
                } else if (e.value() != null && showsValue(e.snippet())) {
                    out.append(name(e.snippet())).append(" ==> ").append(e.value()).append('\n');
                }
            }
        }
        return out.toString();
    }

    private static boolean showsValue(Snippet s) {
        return s.kind() == Snippet.Kind.EXPRESSION || s.kind() == Snippet.Kind.VAR;
    }

    private static String name(Snippet s) {
        if (s instanceof jdk.jshell.ExpressionSnippet ex) {
            return ex.name();
        }
        if (s instanceof jdk.jshell.VarSnippet v) {
            return v.name();
        }
        return s.id();
    }

    /** Broadcasts a string from rank 0 (null: the end) over the shell's own communicator. */
    private static String broadcast(Intracomm comm, String text) {
        try (Arena arena = Arena.ofConfined()) {
            byte[] bytes = text == null ? null : text.getBytes(StandardCharsets.UTF_8);
            MemorySegment len = arena.allocate(ValueLayout.JAVA_INT);
            len.set(ValueLayout.JAVA_INT, 0, bytes == null ? -1 : bytes.length);
            comm.bcast(len, 1, Datatype.INT, 0);
            int n = len.get(ValueLayout.JAVA_INT, 0);
            if (n < 0) {
                return null;
            }
            MemorySegment buf = arena.allocate(Math.max(1, n));
            if (bytes != null) {
                MemorySegment.copy(bytes, 0, buf, ValueLayout.JAVA_BYTE, 0, n);
            }
            comm.bcast(buf, n, Datatype.BYTE, 0);
            return new String(buf.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE), StandardCharsets.UTF_8);
        }
    }

    /** Sends every rank's result text to rank 0, which prints them in rank order. */
    private static void gatherAndPrint(Intracomm comm, int rank, String result) {
        if (rank != 0) {
            comm.send(result.getBytes(StandardCharsets.UTF_8), 0, 0);
            return;
        }
        print(0, result);
        for (int r = 1; r < comm.size(); r++) {
            Status st = comm.probe(r, 0);
            byte[] bytes = new byte[(int) st.byteCount()];
            comm.recv(bytes, r, 0, null);
            print(r, new String(bytes, StandardCharsets.UTF_8));
        }
        System.out.flush();
    }

    private static void print(int rank, String text) {
        text.lines().forEach(l -> System.out.println("[" + rank + "] " + l));
    }
}
