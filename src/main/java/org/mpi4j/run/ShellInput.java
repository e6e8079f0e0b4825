package org.mpi4j.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.IntConsumer;
import jdk.jshell.SourceCodeAnalysis;
import org.mpi4j.MPI;

/**
 * Rank 0's input: a thread reads standard input line by line, so that a Ctrl-C typed while a
 * snippet runs is seen at once, and hands the lines to the shell's loop.
 *
 * <p>mpiexec does not forward SIGINT (Open MPI 4.1 answers it by killing the job and refuses it in
 * {@code ess_base_forward_signals}), and the ranks run in process groups of their own, so a
 * terminal's Ctrl-C never reaches them. When rank 0 shares mpiexec's terminal, the shell turns the
 * terminal's interrupt key off and makes Ctrl-C end a line instead ({@code stty intr undef eol ^C},
 * undone when the shell ends): the character then travels as input, through mpiexec, to this
 * reader. A line holding it (typed in a terminal, or {@code \u0003} in piped input) stops the
 * snippet running, or the snippet whose lines come right before it, and drops unfinished input; a
 * second one while that snippet still runs ends the job.
 */
final class ShellInput {
    static final char CTRL_C = '\u0003';
    private static final Object END = new Object();

    private final BlockingQueue<Object> lines = new LinkedBlockingQueue<>();
    private final IntConsumer stopper;
    private final PrintStream console;
    /** The latest snippet handed out, and the latest that has ended. */
    private int lastSnippet;
    private int finished;
    /** The latest snippet a Ctrl-C asked to stop. */
    private int stopped;

    /** A Ctrl-C in the input; used once it has stopped a snippet. */
    private static final class Interrupt {
        boolean used;
    }

    /**
     * Starts reading {@code in}.
     *
     * @param stopper stops snippet n on every rank
     */
    ShellInput(InputStream in, PrintStream console, IntConsumer stopper) {
        this.stopper = stopper;
        this.console = console;
        Terminal.takeCtrlC();
        Thread.ofPlatform().daemon().name("mpi4j-shell-input").start(() -> readAll(in));
    }

    /**
     * Reads lines; a Ctrl-C ends one too (the terminal sends it at once, without a newline) and
     * drops what was typed on it.
     */
    private void readAll(InputStream in) {
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder();
            for (int c; (c = r.read()) >= 0;) {
                if (c == CTRL_C) {
                    line.setLength(0);
                    interrupt();
                } else if (c == '\n') {
                    int end = line.length() > 0 && line.charAt(line.length() - 1) == '\r' ? line.length() - 1
                            : line.length();
                    lines.add(line.substring(0, end));
                    line.setLength(0);
                } else {
                    line.append((char) c);
                }
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
            }
        } catch (IOException e) {
            // the end of input, as far as the shell can tell
        }
        lines.add(END);
    }

    /**
     * A Ctrl-C stops the snippet running now if its input is the last before the Ctrl-C (no
     * snippet typed ahead waits in the queue); otherwise the snippet before it, once it starts.
     */
    private synchronized void interrupt() {
        Interrupt i = new Interrupt();
        if (lastSnippet > finished && lines.stream().allMatch(l -> !(l instanceof String s) || s.isBlank())) {
            i.used = true;
            if (stopped == lastSnippet) {
                endJob();
            }
            stopped = lastSnippet;
            stopper.accept(lastSnippet);
        }
        // queued under the lock, so that a snippet handed out meanwhile finds it
        lines.add(i);
    }

    /**
     * A second Ctrl-C for a snippet that did not stop (blocked in an MPI call, or the ranks out of
     * step): the way out is ending the job, as Ctrl-C ends any other mpiexec job.
     */
    private void endJob() {
        console.println();
        console.println("mpi4j: snippet " + lastSnippet + " does not stop; ending the job");
        console.flush();
        Terminal.restore();
        MPI.abort(130);
    }

    /**
     * The next complete input (snippets, or one command line starting with {@code /}) for snippet
     * number {@code n}, prompting on the console; null at the end of input.
     */
    String next(SourceCodeAnalysis analysis, int n) throws InterruptedException {
        StringBuilder pending = new StringBuilder();
        while (true) {
            console.print(pending.isEmpty() ? "mpi4j> " : "   ...> ");
            console.flush();
            Object item = lines.take();
            // under the lock from here to handing out the snippet: a Ctrl-C read meanwhile finds
            // the snippet registered (and stops it) or an unfinished input (and drops it)
            synchronized (this) {
                if (item == END) {
                    lines.add(END);
                    return null;
                }
                if (item instanceof Interrupt) {
                    if (!pending.isEmpty()) {
                        console.println();
                    }
                    pending.setLength(0);
                    continue;
                }
                String line = (String) item;
                if (pending.isEmpty() && line.strip().startsWith("/")) {
                    return register(line.strip(), n);
                }
                if (pending.isEmpty() && line.isBlank()) {
                    continue;
                }
                pending.append(line).append('\n');
                SourceCodeAnalysis.Completeness c = analysis.analyzeCompletion(pending.toString()).completeness();
                if (c != SourceCodeAnalysis.Completeness.DEFINITELY_INCOMPLETE
                        && c != SourceCodeAnalysis.Completeness.CONSIDERED_INCOMPLETE) {
                    return register(pending.toString(), n);
                }
            }
        }
    }

    /**
     * Hands out snippet n; a Ctrl-C already read right after its lines stops it at once, a second
     * one ends the job as it would for a running snippet.
     */
    private synchronized String register(String source, int n) {
        lastSnippet = n;
        for (Object next : lines) {
            if (next instanceof Interrupt i) {
                if (!i.used) {
                    i.used = true;
                    if (stopped == n) {
                        endJob();
                    }
                    stopped = n;
                    stopper.accept(n);
                }
            } else if (!(next instanceof String line && line.isBlank())) {
                break;
            }
        }
        return source;
    }

    /** Snippet n has ended on this rank. */
    synchronized void finished(int n) {
        finished = n;
    }
}
