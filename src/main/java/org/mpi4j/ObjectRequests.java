package org.mpi4j;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.mpi4j.ffi.mpi_h;

/**
 * The set operations of {@link ObjectRequest}. An object request is a small state machine over
 * several MPI requests (the frame, then its parts), so sets of them are completed by testing each
 * in turn, which also matches this thread's pending receives, with a back-off between rounds.
 */
final class ObjectRequests {
    private ObjectRequests() {
    }

    private static ObjectRequest<?>[] checked(ObjectRequest<?>[] requests) {
        Errors.checkNotNull(requests, "requests");
        for (int i = 0; i < requests.length; i++) {
            Errors.checkNotNull(requests[i], "request " + i);
        }
        return requests;
    }

    /** Spins, then yields, then parks for growing intervals (up to 0.1 ms) between polling rounds. */
    static void backOff(int round) {
        if (round < 64) {
            Thread.onSpinWait();
        } else if (round < 256) {
            Thread.yield();
        } else {
            LockSupport.parkNanos(Math.min(100_000L, 1_000L << Math.min(7, (round - 256) / 64)));
        }
    }

    /** Tests {@code r}, keeping what it throws in {@code failures[0]} instead: the others go on. */
    private static boolean test(ObjectRequest<?> r, Status status, RuntimeException[] failure) {
        try {
            return r.test(status);
        } catch (RuntimeException e) {
            if (failure[0] == null) {
                failure[0] = e;
            }
            return true; // completed, with a failure
        }
    }

    static List<Object> waitAll(ObjectRequest<?>[] requests, Status[] statuses) {
        checked(requests);
        if (statuses != null && statuses.length < requests.length) {
            throw new IllegalArgumentException(statuses.length + " statuses for " + requests.length + " requests");
        }
        RuntimeException[] failure = new RuntimeException[1];
        boolean[] done = new boolean[requests.length];
        for (int round = 0, left = requests.length; left > 0; round++) {
            for (int i = 0; i < requests.length; i++) {
                if (!done[i] && test(requests[i], statuses == null ? null : statuses[i], failure)) {
                    done[i] = true;
                    left--;
                }
            }
            if (left > 0) {
                backOff(round);
            }
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        List<Object> values = new ArrayList<>(requests.length);
        for (ObjectRequest<?> r : requests) {
            values.add(r.get());
        }
        return values;
    }

    static void waitAll(Request[] buffers, ObjectRequest<?>[] objects) {
        Errors.checkNotNull(buffers, "requests");
        checked(objects);
        RuntimeException[] failure = new RuntimeException[1];
        boolean[] done = new boolean[objects.length];
        boolean buffersDone = false;
        for (int round = 0, left = objects.length;; round++) {
            for (int i = 0; i < objects.length; i++) {
                if (!done[i] && test(objects[i], null, failure)) {
                    done[i] = true;
                    left--;
                }
            }
            if (!buffersDone) {
                try {
                    buffersDone = Request.testAll(buffers);
                } catch (RuntimeException e) {
                    buffersDone = true; // testAll completes them all before it throws
                    if (failure[0] == null) {
                        failure[0] = e;
                    }
                }
            }
            if (left == 0 && buffersDone) {
                break;
            }
            backOff(round);
        }
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    static boolean testAll(ObjectRequest<?>[] requests) {
        checked(requests);
        boolean all = true;
        RuntimeException[] failure = new RuntimeException[1];
        for (ObjectRequest<?> r : requests) {
            all &= test(r, null, failure);
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        return all;
    }

    static int waitAny(ObjectRequest<?>[] requests, Status status) {
        for (int round = 0;; round++) {
            int k = testAny(requests, status);
            if (k != -1) {
                return k;
            }
            backOff(round);
        }
    }

    static int testAny(ObjectRequest<?>[] requests, Status status) {
        checked(requests);
        boolean active = false;
        for (int i = 0; i < requests.length; i++) {
            ObjectRequest<?> r = requests[i];
            if (r.isReported()) {
                continue;
            }
            active = true;
            boolean done;
            try {
                done = r.test(status);
            } catch (RuntimeException e) {
                r.markReported();
                throw e;
            }
            if (done) {
                r.markReported();
                return i;
            }
        }
        return active ? -1 : mpi_h.MPI_UNDEFINED();
    }

    static int testSome(ObjectRequest<?>[] requests, int[] indices) {
        checked(requests);
        Errors.checkNotNull(indices, "indices");
        if (indices.length < requests.length) {
            throw new IllegalArgumentException(indices.length + " indices for " + requests.length + " requests");
        }
        RuntimeException[] failure = new RuntimeException[1];
        boolean active = false;
        int n = 0;
        for (int i = 0; i < requests.length; i++) {
            ObjectRequest<?> r = requests[i];
            if (r.isReported()) {
                continue;
            }
            active = true;
            if (test(r, null, failure)) {
                r.markReported();
                indices[n++] = i;
            }
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        return active ? n : mpi_h.MPI_UNDEFINED();
    }
}
