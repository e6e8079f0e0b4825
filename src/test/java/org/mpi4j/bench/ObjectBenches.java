package org.mpi4j.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mpi4j.Intracomm;
import org.mpi4j.MPI;
import org.mpi4j.Status;

/**
 * The object benches of {@code pingpong_mpi4py.py} with {@code sendObject}/{@code recvObject}
 * (impl {@code mpi4j}; size_bytes = bytes of the serialized message, out-of-band parts included):
 *
 * <ul>
 * <li>{@code obj_dict}: a map {@code {"a": 7, "b": 3.14, "s": "hello"}};
 * <li>{@code obj_tuples1000}: a list of 1000 records {@code (i, i * 0.5)};
 * <li>{@code obj_ndarray8M_pkl5}: a {@code double[1048576]}. mpi4j always sends large arrays out
 * of band, as mpi4py's pkl5 does, so it has no counterpart of the in-band
 * {@code obj_ndarray8M_pickle}.
 * </ul>
 *
 * Rank 1 echoes what it received, as in the Python peer.
 */
final class ObjectBenches {
    static final String IMPL = "mpi4j";

    /** The Java spelling of the Python peer's {@code (i, i * 0.5)} tuples. */
    public record Pair(int i, double half) {
    }

    private record Case(String bench, Object obj, Plan plan, Plan.Warm warmUp) {
    }

    private final Intracomm comm;
    private final int rank;
    private final Map<String, Object> small = new HashMap<>();
    private final List<Pair> tuples = new ArrayList<>();
    private final double[] arr = new double[Plan.BIG];

    ObjectBenches(Intracomm comm) {
        this.comm = comm;
        this.rank = comm.rank();
        small.put("a", 7);
        small.put("b", 3.14);
        small.put("s", "hello");
        for (int i = 0; i < 1000; i++) {
            tuples.add(new Pair(i, i * 0.5));
        }
        for (int i = 0; i < arr.length; i++) {
            arr[i] = i;
        }
    }

    // warm-ups measured on ranks bound to one core: a small map's ping-pong took some 60k round trips
    // to settle with Kryo's own serializers (46 us, 7 us, 3.8 us, then 1.8 us per 20k); with
    // mpi4j's method-handle record codec and collection serializers it settles near 0.9 us only
    // after some 200k (8000 x 10 warm-up round trips still timed at 1.9-2.3 us), hence 300k
    void run(Results out, double scale) {
        List<Case> cases = List.of(
                new Case("obj_dict", small, Plan.of(10000, 1000, scale), new Plan.Warm(30000, new Plan(10, 1))),
                new Case("obj_tuples1000", tuples, Plan.of(2000, 200, scale), new Plan.Warm(5000, new Plan(2, 1))),
                new Case("obj_ndarray8M_pkl5", arr, Plan.of(30, 5, scale), new Plan.Warm(3, new Plan(1, 1))));
        for (Case c : cases) {
            double us = out.time(p -> pingPong(c.obj(), p.iters(), p.warm()), c.plan(), c.warmUp(), scale);
            Object got = last;
            long wire = wireSize(c.obj());
            if (rank == 0 && !same(c.obj(), got)) {
                System.err.println("bench objects: " + c.bench() + ": echoed object differs");
            }
            out.add(IMPL, c.bench(), wire, us, "us");
        }
        last = null;
    }

    /** What the last ping-pong received: rank 0 checks it against what it sent. */
    private Object last;

    /** Half round-trip time of sendObject/recvObject, in microseconds. */
    double pingPong(Object obj, int iters, int warm) {
        Intracomm c = comm;
        int n = warm + iters;
        double t0 = 0;
        Object got = null;
        c.barrier();
        if (rank == 0) {
            for (int i = 0; i < n; i++) {
                if (i == warm) {
                    t0 = MPI.wtime();
                }
                c.sendObject(obj, 1, Plan.TAG_PP);
                got = c.recvObject(1, Plan.TAG_PP);
            }
        } else if (rank == 1) {
            for (int i = 0; i < n; i++) {
                if (i == warm) {
                    t0 = MPI.wtime();
                }
                got = c.recvObject(0, Plan.TAG_PP);
                c.sendObject(got, 0, Plan.TAG_PP);
            }
        }
        double t1 = MPI.wtime();
        last = got;
        return (t1 - t0) * 1e6 / (2.0 * iters);
    }

    /** Bytes on the wire for {@code obj} (one untimed exchange; known to rank 1, then sent to 0). */
    private long wireSize(Object obj) {
        long[] size = new long[1];
        if (rank == 0) {
            comm.sendObject(obj, 1, Plan.TAG_ACK);
            comm.recv(size, 1, Plan.TAG_ACK, null);
        } else if (rank == 1) {
            Status st = new Status();
            comm.recvObject(0, Plan.TAG_ACK, st);
            size[0] = st.byteCount();
            comm.send(size, 0, Plan.TAG_ACK);
        }
        return size[0];
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof double[] x) {
            return b instanceof double[] y && Arrays.equals(x, y);
        }
        return a.equals(b);
    }
}
