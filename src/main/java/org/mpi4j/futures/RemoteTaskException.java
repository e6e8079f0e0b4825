package org.mpi4j.futures;

import java.io.Serial;

/**
 * A task failed on a worker: the cause of the {@link java.util.concurrent.ExecutionException} (or
 * {@link java.util.concurrent.CompletionException}) of its future, and what {@code map} streams
 * throw. It carries the remote exception's class name, message and stack trace (as this
 * exception's own stack trace), the rank of the worker, and the remote causes as causes of the same
 * kind: the remote classes need not exist, or be serializable, on the submitting process.
 */
public final class RemoteTaskException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String remoteType;
    private final String remoteMessage;
    private final int workerRank;

    RemoteTaskException(String remoteType, String remoteMessage, int workerRank, StackTraceElement[] trace,
            RemoteTaskException cause) {
        super(remoteType + (remoteMessage == null ? "" : ": " + remoteMessage) + " (on worker rank " + workerRank
                + ")", cause);
        this.remoteType = remoteType;
        this.remoteMessage = remoteMessage;
        this.workerRank = workerRank;
        setStackTrace(trace);
    }

    /** The class name of the exception the task threw, for example {@code java.lang.ArithmeticException}. */
    public String remoteType() {
        return remoteType;
    }

    /** The message of the exception the task threw; null if it had none. */
    public String remoteMessage() {
        return remoteMessage;
    }

    /** The rank of the worker that ran the task (in the executor's communicator, or the pool's workers). */
    public int workerRank() {
        return workerRank;
    }
}
