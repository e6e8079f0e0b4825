package org.mpi4j.run;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The terminal that mpiexec reads the shell's input from, if there is one: the shell makes its
 * Ctrl-C a character instead of a signal (see {@link ShellInput}) and restores it at exit.
 *
 * <p>Only when mpiexec (this process's parent) reads a terminal, which is rank 0's controlling
 * terminal too; piped input is left alone. {@code -Dmpi4j.shell.ctrlc=false} turns it off. The
 * ranks run in background process groups, where changing the terminal would stop the process
 * ({@code SIGTTOU}), hence {@code stty} runs with that signal ignored.
 */
final class Terminal {
    private Terminal() {
    }

    /** Turns Ctrl-C into an end-of-line character on mpiexec's terminal, until this JVM ends. */
    static synchronized void takeCtrlC() {
        if (!Boolean.parseBoolean(System.getProperty("mpi4j.shell.ctrlc", "true")) || !parentReadsTerminal()) {
            return;
        }
        String saved = stty("s=$(stty -g) && stty intr undef eol ^C && echo \"$s\"");
        if (saved != null && !saved.isBlank()) {
            Terminal.saved = saved.strip();
            Runtime.getRuntime().addShutdownHook(new Thread(Terminal::restore));
        }
    }

    private static String saved;

    /** Gives the terminal its settings back, if the shell changed them; idempotent. */
    static synchronized void restore() {
        if (saved != null) {
            stty("stty " + saved);
            saved = null;
        }
    }

    private static boolean parentReadsTerminal() {
        try {
            long parent = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
            Path stdin = Files.readSymbolicLink(Path.of("/proc", Long.toString(parent), "fd", "0"));
            return stdin.toString().startsWith("/dev/pts/") || stdin.toString().startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /** Runs {@code script} with the terminal as standard input and SIGTTOU ignored; its output. */
    private static String stty(String script) {
        try {
            Process p = new ProcessBuilder("sh", "-c", "trap '' TTOU; " + script)
                    .redirectInput(Path.of("/dev/tty").toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), Charset.defaultCharset());
            return p.waitFor() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
