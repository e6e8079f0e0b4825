package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;
import org.mpi4j.testing.MpiTest;

/**
 * Bad input for every public operation family, one row each: the exception it must raise before
 * any native call (the same on every rank, so that no collective is left half entered), followed by
 * a health check that the process still communicates. Cases that could crash or hang the process
 * run in their own mpiexec instead ({@link IsolatedBadInputTest}).
 */
@MpiTest
class BadInputTableTest {
    private static final Intracomm WORLD = MPI.COMM_WORLD;

    /** One row: what is called, and what it must throw. */
    record Case(String family, String name, Class<? extends Throwable> expected, Executable call) {
    }

    private static Case npe(String family, String name, Executable call) {
        return new Case(family, name, NullPointerException.class, call);
    }

    private static Case iae(String family, String name, Executable call) {
        return new Case(family, name, IllegalArgumentException.class, call);
    }

    private static Case ise(String family, String name, Executable call) {
        return new Case(family, name, IllegalStateException.class, call);
    }

    private static MemorySegment closed() {
        MemorySegment seg;
        try (Arena arena = Arena.ofConfined()) {
            seg = arena.allocate(64);
        }
        return seg;
    }

    private static Datatype freedType() {
        Datatype t = Datatype.INT.contiguous(2).commit();
        t.free();
        return t;
    }

    private static Request freedRequest() {
        Request r = WORLD.recvInit(new int[1], 0, 0);
        r.free();
        return r;
    }

    static List<Case> cases() {
        Intracomm w = WORLD;
        int size = w.size();
        int next = (w.rank() + 1) % size;
        int[] one = new int[1];
        MemorySegment seg = MemorySegment.ofArray(new int[8]);
        MemorySegment ro = MemorySegment.ofArray(new int[8]).asReadOnly();
        return List.of(
                // point-to-point, blocking
                npe("p2p", "send null array", () -> w.send((int[]) null, next, 0)),
                npe("p2p", "send null segment", () -> w.send((MemorySegment) null, next, 0)),
                iae("p2p", "send to rank size", () -> w.send(one, size, 0)),
                iae("p2p", "send negative tag", () -> w.send(one, next, -2)),
                iae("p2p", "send negative count", () -> w.send(seg, -1, Datatype.INT, next, 0)),
                iae("p2p", "send count beyond the buffer", () -> w.send(seg, 9, Datatype.INT, next, 0)),
                iae("p2p", "recv into read-only memory", () -> w.recv(ro, next, 0, null)),
                ise("p2p", "recv into a closed arena", () -> w.recv(closed(), next, 0, null)),
                ise("p2p", "send with a freed datatype", () -> w.send(seg, 1, freedType(), next, 0)),
                iae("p2p", "recv from rank -5", () -> w.recv(one, -5, 0, null)),
                iae("p2p", "sendrecv of one array", () -> w.sendrecv(seg, next, 0, seg, next, 0, null)),
                iae("p2p", "ssend to rank size", () -> w.ssend(one, size, 0)),
                iae("p2p", "rsend bad tag", () -> w.rsend(one, next, -7)),
                iae("p2p", "sendrecvReplace bad source", () -> w.sendrecvReplace(one, next, 0, size, 0, null)),
                ise("p2p", "bsend without an attached buffer", () -> w.bsend(one, next, 0)),
                // nonblocking and persistent
                iae("nonblocking", "isend to rank size", () -> w.isend(seg, size, 0)),
                iae("nonblocking", "irecv into read-only memory", () -> w.irecv(ro, next, 0)),
                ise("nonblocking", "issend from a closed arena", () -> w.issend(closed(), next, 0)),
                iae("persistent", "sendInit bad tag", () -> w.sendInit(one, next, -1)),
                ise("persistent", "cancel a never-started receive", () -> {
                    try (Request r = w.recvInit(new int[1], next, 0)) {
                        r.cancel();
                    }
                }),
                ise("persistent", "start a freed request", () -> freedRequest().start()),
                // requests
                ise("requests", "wait for a freed request", () -> freedRequest().waitFor()),
                npe("requests", "waitAll with a null request", () -> Request.waitAll(new Request[] {null})),
                iae("requests", "waitAll with too few statuses", () -> Request.waitAll(new Request[] {Request.NULL},
                        new Status[0])),
                // probes and messages
                iae("probe", "iprobe bad source", () -> w.iprobe(size, 0)),
                iae("probe", "improbe bad tag", () -> w.improbe(next, -3, null)),
                // collectives (every rank raises the same)
                iae("collective", "bcast root size", () -> w.bcast(one, size)),
                npe("collective", "bcast null array", () -> w.bcast((int[]) null, 0)),
                npe("collective", "allreduce null op", () -> w.allreduce(new int[1], new int[1], null)),
                iae("collective", "allreduce into read-only memory", () -> w.allreduce(seg, ro, 1, Datatype.INT,
                        Op.SUM)),
                iae("collective", "allgather into a too small array", () -> w.allgather(new int[2], new int[1])),
                iae("collective", "alltoall into a too small array", () -> w.alltoall(new int[size], new int[0])),
                iae("collective", "allreduce of aliased arrays", () -> {
                    int[] a = new int[1024];
                    w.allreduce(a, a, Op.SUM);
                }),
                iae("collective", "reduce root -1", () -> w.reduce(one, one, Op.SUM, -1)),
                iae("collective", "gather root size", () -> w.gather(one, new int[size], size)),
                iae("collective", "scatter root size", () -> w.scatter(new int[size], one, size)),
                iae("collective", "allgatherv with too few counts", () -> w.allgatherv(one, new int[size], new int[0],
                        new int[0])),
                iae("nonblocking collective", "ibcast root size", () -> w.ibcast(seg, size)),
                ise("nonblocking collective", "ibcast of a closed arena", () -> w.ibcast(closed(), 0)),
                // datatypes
                iae("datatype", "contiguous negative count", () -> Datatype.INT.contiguous(-1)),
                iae("datatype", "hvector overflow", () -> Datatype.INT.hvector(2, 1, Long.MAX_VALUE)),
                iae("datatype", "subarray without dimensions", () -> Datatype.INT.subarray(new int[0], new int[0],
                        new int[0], Datatype.Order.C)),
                ise("datatype", "commit a freed type", () -> freedType().commit()),
                iae("datatype", "pack into read-only memory", () -> Datatype.INT.pack(seg, 1, ro, 0, w)),
                // groups and communicators
                iae("group", "excl a rank twice", () -> {
                    try (Group g = w.group()) {
                        g.excl(0, 0);
                    }
                }),
                iae("group", "incl rank size", () -> {
                    try (Group g = w.group()) {
                        g.incl(size);
                    }
                }),
                ise("communicator", "free a predefined communicator", () -> MPI.COMM_SELF.free()),
                // info
                npe("info", "set a null key", () -> {
                    try (Info i = Info.create()) {
                        i.set(null, "v");
                    }
                }),
                // objects
                iae("objects", "sendObject to rank size", () -> w.sendObject("x", size, 0)),
                new Case("objects", "sendObject of a plain lambda", SerializationException.class,
                        () -> w.sendObject((Runnable) () -> { }, next, 0)),
                iae("objects", "recvObject bad tag", () -> w.recvObject(next, -4)),
                // native interop, error handlers, attributes, generalized requests
                iae("interop", "Comm.fromHandle of an address without memory behind it",
                        () -> Comm.fromHandle(MemorySegment.ofAddress(12345))),
                iae("interop", "Win.fromFortran of an integer that names no window", () -> Win.fromFortran(1_000_000)),
                iae("error handlers", "a file handler on a communicator", () -> {
                    try (Errhandler eh = Errhandler.forFile((f, code) -> { })) {
                        w.setErrhandler(eh);
                    }
                }),
                iae("error handlers", "a window handler as the default file handler", () -> {
                    try (Errhandler eh = Errhandler.forWin((win, code) -> { })) {
                        File.setDefaultErrhandler(eh);
                    }
                }),
                iae("attributes", "a window keyval on a communicator", () -> {
                    try (Keyval<String> k = Keyval.forWin()) {
                        w.setAttr(k, "x");
                    }
                }),
                ise("attributes", "free a keyval in use", () -> {
                    Keyval<String> k = Keyval.forComm();
                    w.setAttr(k, "x");
                    try {
                        k.free();
                    } finally {
                        w.deleteAttr(k);
                        k.free();
                    }
                }),
                ise("requests", "complete a generalized request twice", () -> {
                    GeneralizedRequest g = GeneralizedRequest.start(null, null, null);
                    g.complete();
                    try {
                        g.complete();
                    } finally {
                        g.waitFor();
                    }
                }),
                // environment
                iae("environment", "attach a read-only buffer", () -> MPI.attachBuffer(
                        Arena.ofAuto().allocate(1024).asReadOnly())),
                iae("environment", "attach a heap buffer", () -> MPI.attachBuffer(MemorySegment.ofArray(new byte[64]))));
    }

    @TestFactory
    Stream<DynamicTest> everyFamilyRefusesBadInputAndStaysUsable() {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.family() + ": " + c.name(), () -> {
            assertThrows(c.expected(), c.call(), c.family() + ": " + c.name());
            healthCheck();
        }));
    }

    private static void healthCheck() {
        int size = WORLD.size();
        int rank = WORLD.rank();
        int[] got = new int[1];
        WORLD.sendrecv(new int[] {rank}, (rank + 1) % size, 99, got, (rank + size - 1) % size, 99, null);
        assertArrayEquals(new int[] {(rank + size - 1) % size}, got);
    }
}
