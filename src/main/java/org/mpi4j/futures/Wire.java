package org.mpi4j.futures;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.mpi4j.ObjectSerializer;
import org.mpi4j.SerializationException;

/**
 * The executors' messages. A task or a result is one byte message: a header (the task id and a
 * kind byte) read without deserializing, then the body in the configured {@link ObjectSerializer}
 * (the format of the object messages). The id outside the body lets a worker that cannot
 * deserialize a task say so for that task, and lets the submitting thread serialize (and fail
 * with a clear exception) before the task is queued.
 */
final class Wire {
    /** Tasks and the stop signal, manager to worker. */
    static final int TAG_TASK = 17;
    /** Results, worker to manager. */
    static final int TAG_RESULT = 18;

    static final int HEADER = 9;

    // task kinds
    static final byte CALL = 1;
    static final byte RUN = 2;
    static final byte MAP = 3;
    static final byte INIT = 4;
    static final byte STOP = 5;
    // result kinds
    static final byte VALUE = 10;
    static final byte FAILURE = 11;

    private Wire() {
    }

    /** A chunk of a map: the function (serialized once per map, cached by the worker) and its inputs. */
    record Chunk(byte[] function, Object[] inputs) {
    }

    /** One remote stack frame. */
    record Frame(String type, String method, String file, int line) {
    }

    /** A remote exception, without its class: the submitter may not have it. */
    record Failure(String type, String message, Frame[] trace, Failure cause) {
        static Failure of(Throwable t) {
            return of(t, 0);
        }

        private static Failure of(Throwable t, int depth) {
            StackTraceElement[] st = t.getStackTrace();
            Frame[] frames = new Frame[st.length];
            for (int i = 0; i < st.length; i++) {
                frames[i] = new Frame(st[i].getClassName(), st[i].getMethodName(), st[i].getFileName(),
                        st[i].getLineNumber());
            }
            Throwable c = t.getCause();
            return new Failure(t.getClass().getName(), t.getMessage(), frames,
                    c == null || c == t || depth > 20 ? null : of(c, depth + 1));
        }

        RemoteTaskException toException(int rank) {
            StackTraceElement[] st = new StackTraceElement[trace.length];
            for (int i = 0; i < trace.length; i++) {
                st[i] = new StackTraceElement(trace[i].type(), trace[i].method(), trace[i].file(), trace[i].line());
            }
            return new RemoteTaskException(type, message, rank, st, cause == null ? null : cause.toException(rank));
        }
    }

    /** A reusable output buffer that hands out its array without a copy when it fits exactly. */
    private static final class Buffer extends ByteArrayOutputStream {
        Buffer() {
            super(256);
        }

        byte[] bytes() {
            return count == buf.length ? buf : java.util.Arrays.copyOf(buf, count);
        }
    }

    private static final ThreadLocal<Buffer> BUFFER = ThreadLocal.withInitial(Buffer::new);

    /**
     * The message for {@code body}.
     *
     * @throws SerializationException if {@code body} cannot be serialized
     */
    static byte[] encode(long id, byte kind, Object body) {
        Buffer b = BUFFER.get();
        b.reset();
        for (int i = 0; i < 8; i++) {
            b.write((int) (id >>> (56 - 8 * i)));
        }
        b.write(kind);
        if (body != null) {
            try {
                ObjectSerializer.getDefault().serialize(body, b);
            } catch (SerializationException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                throw new SerializationException("cannot serialize " + describe(body) + ": " + e.getMessage(), e);
            }
        }
        byte[] out = b.bytes();
        if (b.size() > 1 << 20) {
            BUFFER.remove(); // do not keep a large array per thread
        }
        return out;
    }

    /** Serialized {@code body} alone, for a map function sent with every chunk. */
    static byte[] serialize(Object body) {
        byte[] m = encode(0, (byte) 0, body);
        return java.util.Arrays.copyOfRange(m, HEADER, m.length);
    }

    static long id(byte[] message) {
        long id = 0;
        for (int i = 0; i < 8; i++) {
            id = (id << 8) | (message[i] & 0xff);
        }
        return id;
    }

    static byte kind(byte[] message) {
        return message[8];
    }

    /** The body of a message, null if it has none. */
    static Object body(byte[] message) {
        return message.length == HEADER ? null : deserialize(message, HEADER);
    }

    static Object deserialize(byte[] bytes, int offset) {
        try {
            return ObjectSerializer.getDefault().deserialize(
                    new ByteArrayInputStream(bytes, offset, bytes.length - offset));
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            throw new SerializationException("cannot deserialize: " + e, e);
        }
    }

    private static String describe(Object body) {
        String name = body.getClass().getName();
        if (name.contains("$$Lambda")) {
            return "lambda " + name;
        }
        return name.startsWith("org.mpi4j.futures.Wire$") ? "the task" : "an instance of " + name;
    }

    /** Checks that a lambda is serializable before the serializer reports it less clearly. */
    static void checkSerializable(Object task) {
        Class<?> c = task.getClass();
        if (c.isHidden() && !(task instanceof java.io.Serializable)) {
            throw new SerializationException("the task is a lambda that is not serializable (" + c.getName()
                    + "): type it as SerializableCallable, SerializableRunnable or SerializableFunction, "
                    + "or cast it to (Callable<T> & Serializable)");
        }
    }
}
