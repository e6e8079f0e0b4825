package org.mpi4j.run;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.TypeDeclSnippet;
import jdk.jshell.VarSnippet;
import org.mpi4j.Intracomm;
import org.mpi4j.MPI;

/**
 * An interactive Java shell on every rank: {@code mpiexec -n 4 java ... org.mpi4j.Shell}.
 *
 * <p>mpiexec gives standard input to rank 0 only (Open MPI 4.1's {@code --stdin all} does not
 * deliver it to the others), so a plain {@code jshell} per rank cannot be driven as one. Here rank
 * 0 reads each snippet (or jshell command), broadcasts it, and every rank evaluates it in its own
 * JShell, which runs in this JVM (local execution) and so shares its MPI state. What a snippet
 * prints and its result come back to rank 0 and are shown in rank order, prefixed with the rank;
 * what several ranks produced alike is shown once with their ranks ({@link RankOutput}).
 * {@code org.mpi4j.*} and {@code java.lang.foreign.*} are imported, beside jshell's default
 * imports. Ctrl-C stops the running snippet on every rank ({@link ShellInput}). {@code /exit}
 * (or the end of input) leaves on every rank.
 */
public final class Shell {
    private Shell() {
    }

    private static final String HELP = """
            Type Java snippets; each runs on every rank. Results show as [ranks] text.
              /vars      the variables and their values
              /methods   the methods
              /types     the classes, interfaces, records and enums
              /imports   the imports
              /list      the snippets typed so far
              /help      this text
              /exit      leave (on every rank)
            Ctrl-C stops the running snippet on every rank (a snippet blocked inside an MPI call
            stops when the call returns).""";

    /**
     * Runs the shell. Arguments are ignored.
     *
     * @param args unused
     */
    public static void main(String[] args) throws InterruptedException {
        Intracomm comm = MPI.COMM_WORLD.dup();
        comm.setName("mpi4j-shell");
        Intracomm control = MPI.COMM_WORLD.dup();
        control.setName("mpi4j-shell-stop");
        int rank = comm.rank();
        PrintStream console = System.out;
        try (JShell shell = newShell(); SnippetStopper stopper = new SnippetStopper(shell, control)) {
            Set<String> startup = new HashSet<>();
            for (String i : SourceCompiler.AUTO_IMPORTS) {
                shell.eval("import " + i + ";").forEach(e -> startup.add(e.snippet().id()));
            }
            ShellInput input = rank == 0 ? new ShellInput(System.in, console, stopper::stopEverywhere) : null;
            if (rank == 0) {
                console.println("mpi4j shell on " + comm.size() + " ranks; /help for help, /exit to leave");
                if (!stopper.reachesEveryRank()) {
                    console.println("(MPI is not at thread level MULTIPLE: Ctrl-C stops rank 0's snippet only)");
                }
            }
            for (int n = 1;; n++) {
                String source = input != null ? next(input, shell.sourceCodeAnalysis(), n, console) : null;
                source = Texts.broadcast(comm, source);
                if (source == null) {
                    break;
                }
                stopper.starting(n);
                String result = source.startsWith("/") ? command(shell, source, startup)
                        : evaluate(shell, source, console);
                if (stopper.finished(n)) {
                    result += "interrupted\n";
                }
                if (input != null) {
                    input.finished(n);
                }
                RankOutput.gatherAndPrint(comm, result, console);
            }
        } finally {
            control.free();
            comm.free();
        }
    }

    /** Rank 0: the next input to broadcast; answers /help and unknown commands itself. */
    private static String next(ShellInput input, SourceCodeAnalysis analysis, int n, PrintStream console)
            throws InterruptedException {
        while (true) {
            String source = input.next(analysis, n);
            if (source == null || !source.startsWith("/")) {
                return source;
            }
            String name = source.split("\\s+")[0];
            switch (name) {
                case "/exit" -> {
                    return null;
                }
                case "/vars", "/methods", "/types", "/imports", "/list" -> {
                    return source;
                }
                case "/help", "/?" -> console.println(HELP);
                default -> console.println("unknown command " + name + "; /help lists the commands");
            }
            input.finished(n);
        }
    }

    private static JShell newShell() {
        List<String> options = new ArrayList<>();
        String cp = System.getProperty("java.class.path", "");
        options.addAll(List.of("--class-path", cp.isEmpty() ? "." : cp));
        String mp = System.getProperty("jdk.module.path", "");
        if (!mp.isEmpty()) {
            // on the module path, snippets (in the unnamed module) compile against org.mpi4j there
            options.addAll(List.of("--module-path", mp, "--add-modules", "ALL-MODULE-PATH"));
        }
        JShell shell = JShell.builder().executionEngine("local").compilerOptions(options.toArray(String[]::new))
                .build();
        for (String p : cp.split(File.pathSeparator)) {
            if (!p.isEmpty()) {
                shell.addToClasspath(p);
            }
        }
        return shell;
    }

    /**
     * Evaluates every snippet in {@code source}; returns what to show for this rank: what the
     * snippets printed, then their results.
     */
    private static String evaluate(JShell shell, String source, PrintStream console) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        StringBuilder out = new StringBuilder();
        PrintStream err = System.err;
        try (PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            System.setErr(capture);
            String remaining = source;
            while (!remaining.isBlank()) {
                SourceCodeAnalysis.CompletionInfo info = shell.sourceCodeAnalysis().analyzeCompletion(remaining);
                String snippet = info.source() == null ? remaining : info.source();
                remaining = info.source() == null ? "" : info.remaining();
                for (SnippetEvent e : shell.eval(snippet)) {
                    if (e.causeSnippet() == null) {
                        describe(shell, e, out);
                    }
                }
            }
        } finally {
            System.setOut(console);
            System.setErr(err);
        }
        String text = printed.toString(StandardCharsets.UTF_8);
        return text.isEmpty() || text.endsWith("\n") ? text + out : text + "\n" + out;
    }

    private static void describe(JShell shell, SnippetEvent e, StringBuilder out) {
        Snippet s = e.snippet();
        if (e.exception() != null) {
            Throwable t = e.exception();
            String name = t instanceof EvalException ee ? ee.getExceptionClassName() : t.getClass().getName();
            out.append("exception ").append(name).append(t.getMessage() == null ? "" : ": " + t.getMessage())
                    .append('\n');
        } else if (e.status() == Snippet.Status.REJECTED) {
            shell.diagnostics(s).forEach(d -> error(s, d, out));
        } else if (e.value() != null && (s instanceof ExpressionSnippet || s instanceof VarSnippet)) {
            out.append(name(s)).append(" ==> ").append(e.value()).append('\n');
        } else if (s instanceof MethodSnippet || s instanceof TypeDeclSnippet) {
            out.append(e.previousStatus() == Snippet.Status.NONEXISTENT ? "created " : "replaced ")
                    .append(describe(s));
            List<String> missing = shell.unresolvedDependencies((jdk.jshell.DeclarationSnippet) s).toList();
            if (!missing.isEmpty()) {
                out.append(", which cannot be used until ").append(String.join(", ", missing))
                        .append(missing.size() == 1 ? " is" : " are").append(" declared");
            }
            out.append('\n');
        }
    }

    /** A compile error as jshell shows it: the message, the snippet's line and a marker under the fault. */
    private static void error(Snippet s, Diag d, StringBuilder out) {
        String message = d.getMessage(null).lines()
                // "location: class" names jshell's hidden wrapper class: nothing a user can use
                .filter(l -> !l.strip().matches("location:\\s*(class)?\\s*"))
                .collect(Collectors.joining("\n"));
        out.append(d.isError() ? "error: " : "warning: ").append(message).append('\n');
        String src = s.source();
        int start = (int) Math.max(0, Math.min(d.getStartPosition(), src.length()));
        int end = (int) Math.max(start, Math.min(d.getEndPosition(), src.length()));
        int lineStart = src.lastIndexOf('\n', Math.max(0, start - 1)) + 1;
        if (start > 0 && src.charAt(start - 1) == '\n') {
            lineStart = start;
        }
        int lineEnd = src.indexOf('\n', start);
        lineEnd = lineEnd < 0 ? src.length() : lineEnd;
        out.append("  ").append(src, lineStart, lineEnd).append('\n');
        int width = Math.max(1, Math.min(end, lineEnd) - start);
        out.append("  ").append(" ".repeat(start - lineStart))
                .append(width == 1 ? "^" : "^" + "-".repeat(width - 2) + "^")
                .append('\n');
    }

    private static String name(Snippet s) {
        return s instanceof ExpressionSnippet ex ? ex.name() : s instanceof VarSnippet v ? v.name() : s.id();
    }

    private static String describe(Snippet s) {
        if (s instanceof MethodSnippet m) {
            String sig = m.signature();
            return "method " + sig.substring(sig.indexOf(')') + 1) + " " + m.name() + "(" + m.parameterTypes() + ")";
        }
        TypeDeclSnippet t = (TypeDeclSnippet) s;
        return t.subKind().name().replace("_SUBKIND", "").replace('_', ' ').toLowerCase() + " " + t.name();
    }

    /** A jshell command that depends on this rank's shell: its output for this rank. */
    private static String command(JShell shell, String line, Set<String> startup) {
        StringBuilder out = new StringBuilder();
        switch (line.split("\\s+")[0]) {
            case "/vars" -> shell.variables().forEach(v -> out.append(v.typeName()).append(' ').append(v.name())
                    .append(" = ").append(shell.varValue(v)).append('\n'));
            case "/methods" -> shell.methods().forEach(m -> out.append(describe(m).substring("method ".length()))
                    .append('\n'));
            case "/types" -> shell.types().forEach(t -> out.append(describe(t)).append('\n'));
            case "/imports" -> shell.imports().forEach(i -> out.append("import ").append(i.isStatic() ? "static " : "")
                    .append(i.fullname()).append('\n'));
            case "/list" -> shell.snippets().filter(s -> !startup.contains(s.id()))
                    .filter(s -> shell.status(s).isActive()).forEach(s -> out.append(s.id()).append(" : ")
                            .append(s.source().strip().replace("\n", "\n     ")).append('\n'));
            default -> throw new IllegalStateException("not a rank's command: " + line);
        }
        return out.toString();
    }
}
