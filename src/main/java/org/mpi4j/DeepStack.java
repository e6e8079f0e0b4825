package org.mpi4j;

/**
 * Runs a serializer again on a thread with a large stack when an object graph is too deep for the
 * caller's: Kryo writes and reads an object graph recursively, so a long linked chain (200,000
 * nodes) overflows a default 1 MiB stack. mpi4j's Kryo stops at {@link #INLINE_DEPTH} on the
 * caller's thread (a stack overflow of another serializer is caught the same way). The retry thread's stack is reserved, not committed:
 * its memory is touched only as deep as the graph goes.
 */
final class DeepStack {
    private DeepStack() {
    }

    /** The stack size of the retry thread ({@code -Dmpi4j.deepStackBytes}, default 2 GiB). */
    static final long STACK_BYTES = Long.getLong("mpi4j.deepStackBytes", 2L << 30);

    /**
     * Object nesting depth up to which a serializer runs on the caller's thread
     * ({@code -Dmpi4j.inlineDepth}, default 500): far from a 1 MiB stack's end even in the
     * interpreter.
     */
    static final int INLINE_DEPTH = Integer.getInteger("mpi4j.inlineDepth", 500);

    static {
        // classes an overflow's error path may need: initialised here, never deep in a full stack
        new StringBuffer().append(1).toString();
        new StringBuilder().append(1.5).toString();
    }

    /** Thrown by the serializer on the caller's thread past {@link #INLINE_DEPTH}: run it here instead. */
    static final class TooDeep extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooDeep() {
            super("object graph nested deeper than " + INLINE_DEPTH, null, false, false);
        }
    }

    /** The threads {@link #call} starts. */
    private static final class DeepThread extends Thread {
        DeepThread(Runnable task) {
            super(null, task, "mpi4j-deep-graph", STACK_BYTES);
        }
    }

    static boolean isDeepThread() {
        return Thread.currentThread() instanceof DeepThread;
    }

    /** A task that may throw what a serializer throws. */
    interface Task<T> {
        T call() throws Exception;
    }

    /** A task without a result. */
    interface VoidTask {
        void run() throws Exception;
    }

    /**
     * Whether {@code e} is, or was caused by, a stack overflow (Kryo wraps it in a KryoException
     * saying "A StackOverflow occurred").
     */
    static boolean overflowed(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StackOverflowError || t instanceof TooDeep) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    static void run(VoidTask task) throws Exception {
        call(() -> {
            task.run();
            return null;
        });
    }

    /** {@code task}'s result, computed on a new thread with a {@link #STACK_BYTES} stack. */
    static <T> T call(Task<T> task) throws Exception {
        Object[] result = new Object[1];
        Throwable[] failure = new Throwable[1];
        Thread t = new DeepThread(() -> {
            try {
                result[0] = task.call();
            } catch (Throwable e) {
                failure[0] = e;
            }
        });
        t.setDaemon(true);
        t.start();
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable e = failure[0];
        if (e instanceof Exception x) {
            throw x;
        }
        if (e instanceof Error x) {
            throw x;
        }
        @SuppressWarnings("unchecked")
        T r = (T) result[0];
        return r;
    }
}
