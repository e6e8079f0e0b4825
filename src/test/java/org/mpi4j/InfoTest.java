package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mpi4j.testing.MpiTest;

@MpiTest
class InfoTest {
    private final Intracomm world = MPI.COMM_WORLD;

    @Test
    void setGetDeleteAndKeysInOrder() {
        try (Info info = Info.create()) {
            assertEquals(0, info.size());
            info.set("alpha", "1");
            info.set("beta", "two");
            info.set("gamma", "3");
            info.set("beta", "2");
            assertEquals(List.of("alpha", "beta", "gamma"), info.keys());
            assertEquals(Optional.of("2"), info.get("beta"));
            assertEquals(Optional.empty(), info.get("delta"));
            assertTrue(info.delete("alpha"));
            assertFalse(info.delete("alpha"));
            assertEquals(Map.of("beta", "2", "gamma", "3"), info.toMap());
        }
    }

    @Test
    void ofMapKeepsTheMapsOrderAndDupCopies() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("z", "last");
        m.put("a", "first");
        try (Info info = Info.of(m); Info copy = info.dup()) {
            assertEquals(List.of("z", "a"), info.keys());
            copy.set("extra", "x");
            assertEquals(2, info.size());
            assertEquals(3, copy.size());
            assertEquals(Optional.of("first"), copy.get("a"));
        }
    }

    @Test
    void badKeysAndValuesAreRefusedClearly() {
        try (Info info = Info.create()) {
            assertThrows(NullPointerException.class, () -> info.set(null, "v"));
            assertThrows(NullPointerException.class, () -> info.set("k", null));
            assertThrows(IllegalArgumentException.class, () -> info.set("", "v"));
            assertThrows(IllegalArgumentException.class, () -> info.set("k".repeat(Info.MAX_KEY + 1), "v"));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> info.set("k", "v".repeat(Info.MAX_VALUE + 1)));
            assertTrue(e.getMessage().contains(String.valueOf(Info.MAX_VALUE)), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> Info.of(Map.of("", "v")));
        }
    }

    @Test
    void predefinedInfosCannotBeFreedOrChanged() {
        assertThrows(IllegalStateException.class, Info.NULL::free);
        assertThrows(IllegalStateException.class, Info.ENV::free);
        assertThrows(IllegalStateException.class, () -> Info.ENV.set("k", "v"));
        assertThrows(IllegalStateException.class, () -> Info.NULL.get("k"));
        assertTrue(Info.NULL.isNull());
        // MPI_INFO_ENV is readable; Open MPI fills it with the command and maxprocs at least
        assertTrue(Info.ENV.size() >= 0);
    }

    @Test
    void useAfterFreeThrows() {
        Info info = Info.create();
        info.free();
        info.free();
        assertThrows(IllegalStateException.class, () -> info.get("k"));
        assertThrows(IllegalStateException.class, info::keys);
    }

    @Test
    void communicatorInfoCanBeSetAndRead() {
        try (Intracomm c = world.dup(); Info hints = Info.of(Map.of("mpi_assert_no_any_tag", "true"))) {
            c.setInfo(hints);
            try (Info used = c.getInfo()) {
                // MPI may drop hints it does not know; what it returns is a readable info object
                assertTrue(used.size() >= 0);
                for (String k : used.keys()) {
                    assertTrue(used.get(k).isPresent(), k);
                }
            }
            c.barrier();
        }
    }

    @Test
    void allocMemIsUsableUntilItsArenaClosesAndFailsAfter() {
        MemorySegment seg;
        try (Arena arena = Arena.ofConfined()) {
            seg = MPI.allocMem(arena, 1024);
            assertEquals(1024, seg.byteSize());
            assertTrue(seg.isNative());
            for (int i = 0; i < 128; i++) {
                seg.setAtIndex(ValueLayout.JAVA_LONG, i, i * (long) world.rank());
            }
            assertEquals(127L * world.rank(), seg.getAtIndex(ValueLayout.JAVA_LONG, 127));
            assertNotEquals(0, seg.address());
        }
        MemorySegment freed = seg;
        assertThrows(IllegalStateException.class, () -> freed.get(ValueLayout.JAVA_LONG, 0));
        try (Arena arena = Arena.ofConfined()) {
            assertThrows(IllegalArgumentException.class, () -> MPI.allocMem(arena, -1));
            assertEquals(0, MPI.allocMem(arena, 0).byteSize());
        }
    }
}
