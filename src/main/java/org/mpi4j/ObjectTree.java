package org.mpi4j;

import java.util.function.BinaryOperator;

/**
 * Object reductions as binomial trees: {@code ceil(log2 p)} rounds of point-to-point messages, each
 * process combining what the subtree above it reduced, instead of gathering every object at one
 * process and folding there. Rank order is kept ({@code op(lower ranks, higher ranks)}), so the
 * result equals the left fold {@code op(...op(x0, x1)..., xp-1)} and {@code op} need not be
 * commutative.
 *
 * <p>The messages travel on a private duplicate of the communicator, made on first use and cached
 * on it as an attribute ({@link Keyval}, as mpi4py caches its own), so they can never match the
 * program's messages. A failure on one process (an op or the serializer throwing) travels up the
 * tree in place of the value, so no process waits for ever: the failing process and the root of a
 * reduce throw (the other processes have no result to give), every process of an allreduce throws.
 */
final class ObjectTree {
    private ObjectTree() {
    }

    /** The tag of tree messages on the private communicator: all of them are of one collective at a time. */
    private static final int TAG = 0;

    private static final java.util.Queue<Intracomm> ORPHANS = new java.util.concurrent.ConcurrentLinkedQueue<>();

    /**
     * The private duplicates. When their communicator is freed they are queued, and freed at the
     * next tree reduction: Open MPI 4.1 crashes when a communicator is freed from inside the delete
     * callback of another one's free. While MPI finalizes, it frees them itself.
     */
    private static final Keyval<Intracomm> PRIVATE = Keyval.forComm(null, dup -> {
        if (Environment.isActive()) {
            ORPHANS.add(dup);
        }
    });

    /** What travels up the tree in place of a value when a process failed. */
    record Failure(String message, boolean serialization) {
    }

    private static Intracomm privateComm(Intracomm comm) {
        for (Intracomm orphan; (orphan = ORPHANS.poll()) != null;) {
            orphan.free();
        }
        java.util.Optional<Intracomm> cached = comm.getAttr(PRIVATE);
        if (cached.isPresent()) {
            return cached.get();
        }
        Intracomm dup = comm.dup();
        comm.setAttr(PRIVATE, dup);
        return dup;
    }

    /** The reduction of every process's {@code obj} at {@code root}; null elsewhere. */
    static <T> T reduce(Intracomm comm, T obj, BinaryOperator<T> op, int root) {
        Errors.checkNotNull(op, "operator");
        comm.checkRoot(root);
        Intracomm c = privateComm(comm);
        RuntimeException[] local = new RuntimeException[1];
        Object result = toZero(c, obj, op, local);
        int me = c.rank();
        if (root != 0) {
            if (me == 0) {
                send(c, result, root, local);
            } else if (me == root) {
                result = c.recvObject(0, TAG);
            }
        }
        if (me == root) {
            return value(result, local);
        }
        if (local[0] != null) {
            throw local[0];
        }
        return null;
    }

    /** The reduction of every process's {@code obj}, on every process. */
    static <T> T allreduce(Intracomm comm, T obj, BinaryOperator<T> op) {
        Errors.checkNotNull(op, "operator");
        Intracomm c = privateComm(comm);
        RuntimeException[] local = new RuntimeException[1];
        Object result = toZero(c, obj, op, local);
        return value(c.bcastObject(result, 0), local);
    }

    /** Reduces up the binomial tree to rank 0: the result (or a Failure) at rank 0, anything elsewhere. */
    @SuppressWarnings("unchecked")
    private static <T> Object toZero(Intracomm c, T obj, BinaryOperator<T> op, RuntimeException[] local) {
        int n = c.size();
        int me = c.rank();
        Object acc = obj;
        for (int mask = 1; mask < n; mask <<= 1) {
            if ((me & mask) != 0) {
                send(c, acc, me - mask, local);
                break;
            }
            if (me + mask < n) {
                Object other = c.recvObject(me + mask, TAG);
                if (acc instanceof Failure) {
                    continue;
                }
                if (other instanceof Failure) {
                    acc = other;
                    continue;
                }
                try {
                    acc = op.apply((T) acc, (T) other);
                } catch (RuntimeException e) {
                    local[0] = e;
                    acc = new Failure("the operator failed on rank " + me + ": " + e, false);
                }
            }
        }
        return acc;
    }

    /** Sends a partial result; one that cannot be serialized goes as a Failure, so the receiver is not left waiting. */
    private static void send(Intracomm c, Object value, int dest, RuntimeException[] local) {
        try {
            c.sendObject(value, dest, TAG);
        } catch (SerializationException e) {
            local[0] = e;
            c.sendObject(new Failure("a partial result could not be serialized on rank " + c.rank() + ": " + e, true),
                    dest, TAG);
        }
    }

    /** The result, or the failure: this process's own exception if it had one, else one naming the other's. */
    @SuppressWarnings("unchecked")
    private static <T> T value(Object result, RuntimeException[] local) {
        if (local[0] != null) {
            throw local[0];
        }
        if (result instanceof Failure f) {
            String msg = "object reduction failed on another process: " + f.message();
            throw f.serialization() ? new SerializationException(msg, null) : new IllegalStateException(msg);
        }
        return (T) result;
    }
}
