package org.mpi4j.run;

import jdk.jshell.JShell;
import org.mpi4j.Intracomm;
import org.mpi4j.MPI;
import org.mpi4j.Request;
import org.mpi4j.ThreadLevel;

/**
 * Stops a running snippet on every rank ({@link JShell#stop()}) when rank 0 asks: rank 0 sends the
 * snippet's number over a communicator of its own, and a thread on every rank stops that snippet
 * for as long as it runs, even when the request arrives before the snippet started there.
 *
 * <p>The thread polls (every {@value #POLL_MILLIS} ms, an {@code MPI_Test} on the other ranks)
 * rather than blocking in a receive: Open MPI's blocking calls spin, which would take a core from
 * every rank for the whole session.
 */
final class SnippetStopper implements AutoCloseable {
    private static final int POLL_MILLIS = 20;
    private static final int TAG = 1;

    private final JShell shell;
    private final Intracomm control;
    private final Thread thread;
    /** Whether other threads than main may call MPI: else Ctrl-C stops rank 0's snippet only. */
    private final boolean everywhere = MPI.queryThread() == ThreadLevel.MULTIPLE;
    /** The snippet evaluating now (0: none). */
    private volatile int running;
    /** The latest snippet asked to stop. */
    private volatile int target;
    private volatile boolean closed;

    SnippetStopper(JShell shell, Intracomm control) {
        this.shell = shell;
        this.control = control;
        this.thread = Thread.ofPlatform().daemon().name("mpi4j-shell-stopper").start(this::watch);
    }

    /** This rank starts evaluating snippet {@code n}. */
    void starting(int n) {
        running = n;
    }

    /** This rank has evaluated snippet {@code n}; whether it was asked to stop. */
    boolean finished(int n) {
        running = 0;
        return target == n;
    }

    /** Whether a stop reaches every rank, not only rank 0 (MPI_THREAD_MULTIPLE is needed). */
    boolean reachesEveryRank() {
        return everywhere;
    }

    /** Rank 0: stops snippet {@code n} on every rank. */
    void stopEverywhere(int n) {
        target = Math.max(target, n);
        for (int r = 1; everywhere && r < control.size(); r++) {
            control.send(new int[] {n}, r, TAG);
        }
    }

    private void watch() {
        int[] message = new int[1];
        Request pending = control.rank() == 0 || !everywhere ? null : control.irecv(message, 0, TAG);
        try {
            while (!closed) {
                if (pending != null && pending.test()) {
                    if (message[0] < 0) {
                        return;
                    }
                    target = Math.max(target, message[0]);
                    pending = control.irecv(message, 0, TAG);
                }
                int t = target;
                if (t != 0 && running == t) {
                    shell.stop();
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ends the threads on every rank (collectively: rank 0 tells the others). */
    @Override
    public void close() {
        if (control.rank() == 0 || !everywhere) {
            for (int r = 1; everywhere && r < control.size(); r++) {
                control.send(new int[] {-1}, r, TAG);
            }
            closed = true;
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
