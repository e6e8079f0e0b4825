package org.mpi4j.futures;

import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.mpi4j.Comm;
import org.mpi4j.Message;
import org.mpi4j.SerializationException;
import org.mpi4j.Status;

/**
 * The loop a worker process runs: receive a task from the manager, run it, send back its result or
 * its exception, until the manager says stop. Tasks arrive one at a time, when this worker is free
 * (the manager balances the load); an exception in a task never ends the loop.
 */
final class Worker {
    private final Comm comm;
    private final int manager;
    /** The last map function, kept deserialized: every chunk of a map carries the same bytes. */
    private byte[] functionBytes;
    private Function<Object, Object> function;

    private Worker(Comm comm, int manager) {
        this.comm = comm;
        this.manager = manager;
    }

    /** Serves tasks from {@code manager} on {@code comm} until it sends the stop message. */
    static void serve(Comm comm, int manager) {
        new Worker(comm, manager).loop();
    }

    private void loop() {
        Status status = new Status();
        Backoff backoff = new Backoff();
        while (true) {
            Message m = comm.improbe(manager, Wire.TAG_TASK, status);
            if (m == null) {
                backoff.sleep();
                continue;
            }
            backoff.reset();
            byte[] task = new byte[Math.toIntExact(m.byteCount())];
            m.mrecv(task, null);
            if (Wire.kind(task) == Wire.STOP) {
                return;
            }
            comm.send(run(task), manager, Wire.TAG_RESULT);
        }
    }

    /** Runs one task; the reply message, never an exception. */
    private byte[] run(byte[] task) {
        long id = Wire.id(task);
        Object value;
        try {
            value = switch (Wire.kind(task)) {
                case Wire.CALL -> ((Callable<?>) Wire.body(task)).call();
                case Wire.RUN, Wire.INIT -> {
                    ((Runnable) Wire.body(task)).run();
                    yield null;
                }
                case Wire.MAP -> map((Wire.Chunk) Wire.body(task));
                default -> throw new IllegalStateException("unknown task kind " + Wire.kind(task));
            };
        } catch (Throwable t) {
            return failure(id, t);
        }
        try {
            return Wire.encode(id, Wire.VALUE, value);
        } catch (SerializationException e) {
            return failure(id, new SerializationException("the task's result cannot be sent back: " + e.getMessage(),
                    e));
        }
    }

    @SuppressWarnings("unchecked")
    private Object[] map(Wire.Chunk chunk) {
        if (function == null || !Arrays.equals(functionBytes, chunk.function())) {
            function = (Function<Object, Object>) Wire.deserialize(chunk.function(), 0);
            functionBytes = chunk.function();
        }
        Object[] in = chunk.inputs();
        Object[] out = new Object[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = function.apply(in[i]);
        }
        return out;
    }

    private byte[] failure(long id, Throwable t) {
        try {
            return Wire.encode(id, Wire.FAILURE, Wire.Failure.of(t));
        } catch (SerializationException e) {
            // a failure holds strings and ints only; this is a last resort that cannot fail again
            return Wire.encode(id, Wire.FAILURE, new Wire.Failure(t.getClass().getName(), String.valueOf(t.getMessage()),
                    new Wire.Frame[0], null));
        }
    }
}
