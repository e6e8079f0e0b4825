package org.mpi4j;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Tells the shutdown hook whether this process ends normally, so that a rank leaving early ends
 * the whole job instead of hanging it. {@code MPI_Finalize} waits for every other process; a rank
 * that calls {@code System.exit(3)} or whose main thread dies of an uncaught exception while the
 * others still communicate would wait for ever in it, and the others for ever for it.
 *
 * <ul>
 * <li>The exit status: the JDK reports every {@code Runtime.exit(status)} to the system logger
 * {@code java.lang.Runtime} at level DEBUG (a documented hook of {@link Runtime#exit}); a handler
 * on it records the status. A non-zero status ends the job with {@code MPI_Abort(status)}.</li>
 * <li>The thread that initialised MPI (normally main) ending with an uncaught exception is
 * recorded by a default uncaught-exception handler, installed only if the program has none: the
 * job is aborted with status 1 ({@link Run} has its own handler that aborts at once).</li>
 * </ul>
 * {@code System.exit(0)} and a normal return from main mean a normal end: {@code MPI_Finalize}.
 */
final class ExitWatch {
    private ExitWatch() {
    }

    /** No exit status seen. */
    private static final int NONE = Integer.MIN_VALUE;

    private static volatile int exitStatus = NONE;
    private static volatile boolean initThreadFailed;
    private static volatile Thread initThread;
    /** Held so that the logger (and its level) is not collected: JUL keeps loggers weakly. */
    private static Logger runtimeLogger;

    /** Starts watching; called once, when MPI is initialised, on the initialising thread. */
    static synchronized void install() {
        initThread = Thread.currentThread();
        try {
            Logger l = Logger.getLogger("java.lang.Runtime");
            l.setLevel(Level.FINE);
            l.setUseParentHandlers(false);
            l.addHandler(new Handler() {
                @Override
                public void publish(LogRecord r) {
                    exitStatus = statusOf(r.getThrown());
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            });
            runtimeLogger = l;
        } catch (RuntimeException e) {
            // a logging set-up that refuses: only the uncaught-exception watch remains
        }
        if (Thread.getDefaultUncaughtExceptionHandler() == null) {
            Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
                if (t == initThread) {
                    initThreadFailed = true;
                }
                System.err.print("Exception in thread \"" + t.getName() + "\" ");
                e.printStackTrace(System.err);
            });
        }
    }

    /** The status in the JDK's record "Runtime.exit(3)", or {@link #NONE}. */
    static int statusOf(Throwable t) {
        String m = t == null ? null : t.getMessage();
        if (m != null && m.startsWith("Runtime.exit(") && m.endsWith(")")) {
            try {
                return Integer.parseInt(m.substring("Runtime.exit(".length(), m.length() - 1));
            } catch (NumberFormatException e) {
                return NONE;
            }
        }
        return NONE;
    }

    /**
     * The error code to abort the job with, or -1 for a normal end: the non-zero status of
     * {@code System.exit}, or 1 when the initialising thread died of an uncaught exception.
     */
    static int abortCode() {
        int s = exitStatus;
        if (s != NONE) {
            return s == 0 ? -1 : s;
        }
        return initThreadFailed ? 1 : -1;
    }
}
