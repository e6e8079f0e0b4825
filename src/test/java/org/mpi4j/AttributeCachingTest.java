package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mpi4j.testing.MpiTest;

/** Keyvals holding Java objects on communicators, datatypes and windows, with copy and delete callbacks. */
@MpiTest
class AttributeCachingTest {
    private final Intracomm world = MPI.COMM_WORLD;

    record Config(String name, int rank) {
    }

    @Test
    void aCommunicatorCachesAJavaObject() {
        try (Keyval<Config> key = Keyval.forComm(); Intracomm comm = world.dup()) {
            assertEquals(Optional.empty(), comm.getAttr(key));
            Config c = new Config("solver", world.rank());
            comm.setAttr(key, c);
            assertSame(c, comm.getAttr(key).orElseThrow());
            assertEquals(1, key.inUse());
            comm.deleteAttr(key);
            assertEquals(Optional.empty(), comm.getAttr(key));
            assertEquals(0, key.inUse());
        }
    }

    @Test
    void dupCopiesThroughTheCopierAndFreeDeletesThroughTheDeleter() {
        List<String> deleted = new ArrayList<>();
        try (Keyval<String> copied = Keyval.forComm(v -> v + "'", deleted::add);
                Keyval<String> notCopied = Keyval.forComm(null, deleted::add);
                Keyval<List<Integer>> shared = Keyval.forComm(Keyval.Copier.share(), null)) {
            List<Integer> list = new ArrayList<>();
            try (Intracomm a = world.dup()) {
                a.setAttr(copied, "a" + world.rank());
                a.setAttr(notCopied, "n");
                a.setAttr(shared, list);
                try (Intracomm b = a.dup()) {
                    assertEquals(Optional.of("a" + world.rank() + "'"), b.getAttr(copied));
                    assertEquals(Optional.empty(), b.getAttr(notCopied));
                    assertSame(list, b.getAttr(shared).orElseThrow());
                    assertEquals(List.of(), deleted);
                }
                assertEquals(List.of("a" + world.rank() + "'"), deleted);
                a.setAttr(copied, "replaced"); // the old value is deleted
                assertEquals(List.of("a" + world.rank() + "'", "a" + world.rank()), deleted);
            }
            assertEquals(4, deleted.size());
            assertTrue(deleted.containsAll(List.of("replaced", "n")));
            assertEquals(0, copied.inUse());
            assertEquals(0, shared.inUse());
        }
    }

    @Test
    void datatypesCacheObjectsAndCopyThemOnDup() {
        List<String> deleted = new ArrayList<>();
        try (Keyval<String> key = Keyval.forDatatype(v -> "copy of " + v, deleted::add)) {
            try (Datatype pair = Datatype.INT.contiguous(2).commit()) {
                pair.setAttr(key, "pair");
                try (Datatype dup = pair.dup()) {
                    assertEquals(Optional.of("copy of pair"), dup.getAttr(key));
                }
                assertEquals(List.of("copy of pair"), deleted);
                assertEquals(Optional.of("pair"), pair.getAttr(key));
                // arrays still reduce correctly while a datatype keyval exists
                int[] sum = new int[20_000];
                int[] ones = new int[sum.length];
                java.util.Arrays.fill(ones, 1);
                world.allreduce(ones, sum, Op.SUM);
                assertEquals(world.size(), sum[sum.length - 1]);
            }
            assertEquals(List.of("copy of pair", "pair"), deleted);
        }
    }

    @Test
    void freeingAKeyvalInUseIsRefused() {
        Keyval<String> key = Keyval.forComm();
        try (Intracomm comm = world.dup()) {
            comm.setAttr(key, "x");
            IllegalStateException e = assertThrows(IllegalStateException.class, key::free);
            assertTrue(e.getMessage().contains("in use"), e.getMessage());
            assertFalse(key.isFreed());
        }
        key.free(); // the communicator's free deleted the attribute
        assertTrue(key.isFreed());
        key.free();
        assertThrows(IllegalStateException.class, () -> world.getAttr(key));
    }

    @Test
    void aKeyvalOfAnotherKindOrANullValueIsRefused() {
        try (Keyval<String> typeKey = Keyval.forDatatype(null, null); Keyval<String> commKey = Keyval.forComm()) {
            assertThrows(IllegalArgumentException.class, () -> world.setAttr(typeKey, "x"));
            assertThrows(IllegalArgumentException.class, () -> Datatype.INT.getAttr(commKey));
            assertThrows(NullPointerException.class, () -> world.setAttr(commKey, null));
            assertThrows(NullPointerException.class, () -> world.getAttr((Keyval<String>) null));
        }
    }

    @Test
    void whatACallbackThrowsSurfacesFromTheCallThatRanIt() {
        try (Keyval<String> key = Keyval.forComm(v -> {
            throw new IllegalStateException("no copies of " + v);
        }, null); Intracomm comm = world.dup()) {
            comm.setAttr(key, "secret");
            MpiException e = assertThrows(MpiException.class, comm::dup);
            assertInstanceOf(IllegalStateException.class, e.getCause());
            assertEquals("no copies of secret", e.getCause().getMessage());
            comm.deleteAttr(key);
        }
    }

    @Test
    void predefinedAttributesKeepWorking() {
        assertTrue(world.getAttr(Attribute.TAG_UB).getAsInt() >= 32767);
        try (Keyval<Integer> key = Keyval.forComm()) {
            world.setAttr(key, 5);
            assertEquals(Optional.of(5), world.getAttr(key));
            assertTrue(world.getAttr(Attribute.TAG_UB).getAsInt() >= 32767);
            world.deleteAttr(key);
        }
    }

    @Test
    void aWindowCachesAJavaObjectAndItsFreeDeletesIt() {
        List<String> deleted = new ArrayList<>();
        try (Keyval<String> key = Keyval.forWin(deleted::add)) {
            Win win = Win.allocate(64, 8, world);
            try {
                assertEquals(Optional.empty(), win.getAttr(key));
                win.setAttr(key, "w" + world.rank());
                assertEquals(Optional.of("w" + world.rank()), win.getAttr(key));
                assertEquals(1, key.inUse());
                win.setAttr(key, "second"); // the old value is deleted
                assertEquals(List.of("w" + world.rank()), deleted);
                // the predefined window attributes keep working beside it
                assertEquals(64, win.size());
                assertEquals(8, win.dispUnit());
                assertEquals(win.segment().address(), win.base());
                assertEquals(WinFlavor.ALLOCATE, win.createFlavor());
                IllegalStateException e = assertThrows(IllegalStateException.class, key::free);
                assertTrue(e.getMessage().contains("in use") && e.getMessage().contains("window"), e.getMessage());
            } finally {
                win.free();
            }
            assertEquals(List.of("w" + world.rank(), "second"), deleted);
            assertEquals(0, key.inUse());
        }
        try (Keyval<Integer> key = Keyval.forWin(); Win win = Win.allocate(8, 1, world)) {
            win.setAttr(key, 7);
            win.deleteAttr(key);
            assertEquals(Optional.empty(), win.getAttr(key));
        }
    }

    @Test
    void aWindowKeyvalFitsWindowsOnly() {
        try (Keyval<String> winKey = Keyval.forWin(); Keyval<String> commKey = Keyval.forComm();
                Win win = Win.allocate(8, 1, world)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> world.setAttr(winKey, "x"));
            assertTrue(e.getMessage().contains("window") && e.getMessage().contains("communicator"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> win.setAttr(commKey, "x"));
            assertThrows(IllegalArgumentException.class, () -> Datatype.INT.getAttr(winKey));
            assertThrows(NullPointerException.class, () -> win.setAttr(winKey, null));
            assertThrows(NullPointerException.class, () -> win.getAttr((Keyval<String>) null));
        }
    }

    @Test
    void whatAWindowDeleterThrowsSurfacesFromDeleteAttr() {
        try (Keyval<String> key = Keyval.forWin(v -> {
            throw new IllegalStateException("cannot drop " + v);
        }); Win win = Win.allocate(8, 1, world)) {
            win.setAttr(key, "w");
            MpiException e = assertThrows(MpiException.class, () -> win.deleteAttr(key));
            assertInstanceOf(IllegalStateException.class, e.getCause());
            assertEquals("cannot drop w", e.getCause().getMessage());
        }
    }
}
