package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.mpi4j.internal.OpenMpiAbi;
import org.mpi4j.testing.MpiTest;

@MpiTest
class EnvironmentTest {

    @Test
    void firstUseInitializesMpi() {
        assertTrue(MPI.COMM_WORLD.size() >= 1);
        assertTrue(MPI.isInitialized());
        assertFalse(MPI.isFinalized());
    }

    @Test
    void initAfterLazyInitIsRejected() {
        MPI.COMM_WORLD.rank();
        assertThrows(IllegalStateException.class, MPI::init);
        assertThrows(IllegalStateException.class, () -> MPI.initThread(ThreadLevel.SINGLE));
    }

    @Test
    void lazyInitProvidesThreadMultiple() {
        assertEquals(ThreadLevel.MULTIPLE, MPI.queryThread());
    }

    @Test
    void onlyTheInitializingThreadIsMain() throws InterruptedException {
        MPI.COMM_WORLD.rank();
        AtomicBoolean otherIsMain = new AtomicBoolean(true);
        Thread t = new Thread(() -> otherIsMain.set(MPI.isThreadMain()));
        t.start();
        t.join();
        assertFalse(otherIsMain.get());
    }

    @Test
    void versionIsMpi31() {
        assertEquals(new MPI.Version(3, 1), MPI.version());
        assertEquals("3.1", MPI.version().toString());
    }

    @Test
    void libraryVersionNamesOpenMpi() {
        assertTrue(MPI.libraryVersion().startsWith("Open MPI v4"), MPI.libraryVersion());
    }

    @Test
    void processorNameIsTheHostName() throws Exception {
        String name = MPI.processorName();
        assertFalse(name.isBlank());
        assertEquals(java.net.InetAddress.getLocalHost().getHostName().split("\\.")[0], name.split("\\.")[0]);
    }

    @Test
    void wtimeAdvancesAtWtickResolution() throws InterruptedException {
        double t0 = MPI.wtime();
        Thread.sleep(20);
        double dt = MPI.wtime() - t0;
        assertTrue(dt >= 0.015 && dt < 5, "elapsed " + dt);
        assertTrue(MPI.wtick() > 0 && MPI.wtick() < 1e-3, "tick " + MPI.wtick());
    }

    @Test
    void wtimeGivesTheValuesOfTheNativeMpiWtime() throws InterruptedException {
        assertNotEquals(OpenMpiAbi.NO_WTIME_ORIGIN, OpenMpiAbi.wtimeOriginNanos(),
                "Open MPI on Linux: MPI.wtime() reads CLOCK_MONOTONIC without a downcall");
        for (int i = 0; i < 5; i++) {
            double before = org.mpi4j.ffi.mpi_h.MPI_Wtime();
            double mine = MPI.wtime();
            double after = org.mpi4j.ffi.mpi_h.MPI_Wtime();
            assertTrue(mine >= before - 1e-6 && mine <= after + 1e-6, before + " <= " + mine + " <= " + after);
            Thread.sleep(3);
        }
    }

    @Test
    void worldHasThePredefinedAttributes() {
        Intracomm world = MPI.COMM_WORLD;
        assertTrue(world.getAttr(Attribute.TAG_UB).orElseThrow() >= 32767);
        assertEquals(world.getAttr(Attribute.TAG_UB).orElseThrow(), MPI.tagUpperBound());
        assertTrue(world.getAttr(Attribute.HOST).isPresent());
        int io = world.getAttr(Attribute.IO).orElseThrow();
        assertTrue(io == MPI.ANY_SOURCE || (io >= 0 && io < world.size()), "IO " + io);
        int global = world.getAttr(Attribute.WTIME_IS_GLOBAL).orElseThrow();
        assertTrue(global == 0 || global == 1);
        // Open MPI counts slots, which can be fewer than processes when oversubscribed
        world.getAttr(Attribute.UNIVERSE_SIZE).ifPresent(u -> assertTrue(u >= 1, "universe " + u));
        world.getAttr(Attribute.APPNUM).ifPresent(a -> assertEquals(0, a));
    }

    @Test
    void selfHasOneProcess() {
        assertEquals(1, MPI.COMM_SELF.size());
        assertEquals(0, MPI.COMM_SELF.rank());
    }

    @Test
    void predefinedHandlesCannotBeFreed() {
        assertThrows(IllegalStateException.class, MPI.COMM_WORLD::free);
        assertThrows(IllegalStateException.class, MPI.COMM_SELF::close);
        assertThrows(IllegalStateException.class, Datatype.DOUBLE::free);
        assertThrows(IllegalStateException.class, Op.SUM::free);
        assertThrows(IllegalStateException.class, Group.EMPTY::free);
        assertTrue(MPI.COMM_WORLD.isPredefined());
    }

    @Test
    void commNullCannotBeUsed() {
        assertTrue(MPI.COMM_NULL.isNull());
        assertThrows(IllegalStateException.class, MPI.COMM_NULL::rank);
        assertThrows(IllegalStateException.class, MPI.COMM_NULL::barrier);
    }

    @Test
    void predefinedDatatypesHaveTheirCSizes() {
        assertEquals(1, Datatype.BYTE.size());
        assertEquals(4, Datatype.INT.size());
        assertEquals(8, Datatype.LONG.size());
        assertEquals(8, Datatype.DOUBLE.size());
        assertEquals(2, Datatype.UINT16_T.size());
        assertEquals(8, Datatype.INT_INT.size());
        assertEquals("MPI_INT", Datatype.INT.getName());
        assertEquals("MPI_DOUBLE", Datatype.DOUBLE.getName());
    }
}
