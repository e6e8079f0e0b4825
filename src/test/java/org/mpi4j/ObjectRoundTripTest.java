package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mpi4j.testing.MpiTest;

/** Every kind of value the issue lists survives a trip to the next rank (to itself on one rank). */
@MpiTest
class ObjectRoundTripTest {
    private final Intracomm world = MPI.COMM_WORLD;
    private final int rank = world.rank();
    private final int size = world.size();
    private final int next = (rank + 1) % size;
    private final int prev = (rank + size - 1) % size;

    record Point(int x, int y) {
    }

    record Labelled(String label, List<Point> points, Map<String, Integer> counts) {
    }

    enum Colour { RED, GREEN, BLUE }

    static final class Node {
        String name;
        Node next;
        final List<Node> children = new ArrayList<>();

        Node(String name) {
            this.name = name;
        }
    }

    static class Account {
        private final String owner;
        private long balance;
        private Account parent;

        Account(String owner, long balance) {
            this.owner = owner;
            this.balance = balance;
        }
    }

    /** Sends {@code value} to the next rank and returns what the previous rank sent (the same value). */
    private <T> T trip(T value) {
        return world.sendrecvObject(value, next, 3, prev, 3, null);
    }

    @Test
    void recordsEnumsAndNestedRecordsArriveEqual() {
        Labelled l = new Labelled("rank", List.of(new Point(1, 2), new Point(3, 4)), Map.of("a", 1, "b", 2));
        assertEquals(l, trip(l));
        assertEquals(new Point(prev, -prev), world.sendrecvObject(new Point(rank, -rank), next, 4, prev, 4, null));
        assertSame(Colour.GREEN, trip(Colour.GREEN));
        assertEquals(List.of(Colour.RED, Colour.BLUE), trip(List.of(Colour.RED, Colour.BLUE)));
    }

    @Test
    void primitiveAndObjectArraysArriveEqual() {
        assertArrayEquals(new int[] {1, 2, 3}, trip(new int[] {1, 2, 3}));
        assertArrayEquals(new double[] {0.5, -1e300}, trip(new double[] {0.5, -1e300}));
        assertArrayEquals(new long[] {Long.MIN_VALUE, 0}, trip(new long[] {Long.MIN_VALUE, 0}));
        assertArrayEquals(new byte[] {1, -1}, trip(new byte[] {1, -1}));
        assertArrayEquals(new short[] {7, -7}, trip(new short[] {7, -7}));
        assertArrayEquals(new char[] {'x', '\u20ac'}, trip(new char[] {'x', '\u20ac'}));
        assertArrayEquals(new float[] {1.5f}, trip(new float[] {1.5f}));
        assertArrayEquals(new boolean[] {true, false}, trip(new boolean[] {true, false}));
        assertArrayEquals(new String[] {"a", null, "c"}, trip(new String[] {"a", null, "c"}));
        Object[] mixed = {1, "two", new Point(3, 3), new int[] {4}};
        Object[] back = trip(mixed);
        assertEquals(Arrays.asList(1, "two", new Point(3, 3)), Arrays.asList(back).subList(0, 3));
        assertArrayEquals(new int[] {4}, (int[]) back[3]);
        int[][] grid = {{1, 2}, {3}};
        assertTrue(Arrays.deepEquals(grid, trip(grid)));
    }

    @Test
    void mutableCollectionsKeepTheirClassAndOrder() {
        ArrayList<String> list = new ArrayList<>(List.of("x", "y"));
        HashMap<String, List<Integer>> map = new HashMap<>(Map.of("k", List.of(1, 2)));
        TreeMap<String, Integer> tree = new TreeMap<>(java.util.Comparator.reverseOrder());
        tree.putAll(Map.of("a", 1, "b", 2, "c", 3));
        assertEquals(list, trip(list));
        assertEquals(ArrayList.class, trip(list).getClass());
        assertEquals(map, trip(map));
        TreeMap<String, Integer> t = trip(tree);
        assertEquals(List.of("c", "b", "a"), new ArrayList<>(t.keySet()));
    }

    @Test
    void immutableCollectionsStayImmutable() {
        List<Integer> l = trip(List.of(1, 2, 3));
        assertEquals(List.of(1, 2, 3), l);
        assertThrows(UnsupportedOperationException.class, () -> l.add(4));
        assertEquals(List.of(), trip(List.of()));
        assertEquals(List.of("one"), trip(List.of("one")));
        assertEquals(Set.of("a", "b", "c"), trip(Set.of("a", "b", "c")));
        assertEquals(Map.of("k", 1), trip(Map.of("k", 1)));
        assertEquals(Map.of("k", 1, "j", 2, "i", 3), trip(Map.of("k", 1, "j", 2, "i", 3)));
        assertEquals(List.of(1, 2), trip(Arrays.asList(1, 2)));
        assertEquals(List.of(1, 2), trip(java.util.Collections.unmodifiableList(new ArrayList<>(List.of(1, 2)))));
    }

    @Test
    void optionalsStringsBoxesAndNumbers() {
        assertEquals(Optional.of("x"), trip(Optional.of("x")));
        assertEquals(Optional.empty(), trip(Optional.empty()));
        assertEquals("h\u00e9llo \u4e16\u754c", trip("h\u00e9llo \u4e16\u754c"));
        assertEquals("", trip(""));
        assertEquals(42, (Integer) trip(42));
        assertEquals(Long.MAX_VALUE, (Long) trip(Long.MAX_VALUE));
        assertEquals(2.5, (Double) trip(2.5));
        assertEquals(Boolean.TRUE, trip(Boolean.TRUE));
        assertEquals('c', (Character) trip('c'));
        assertEquals((byte) 3, (Byte) trip((byte) 3));
        assertEquals(new BigInteger("123456789012345678901234567890"), trip(new BigInteger("123456789012345678901234567890")));
        assertEquals(new BigDecimal("1.000000000000000000001"), trip(new BigDecimal("1.000000000000000000001")));
        UUID u = new UUID(0x0123456789abcdefL, -42L);
        assertEquals(u, trip(u));
    }

    @Test
    void javaTimeValuesArriveEqual() {
        Instant i = Instant.ofEpochSecond(1_700_000_000L, 123);
        assertEquals(i, trip(i));
        assertEquals(Duration.ofMillis(1234), trip(Duration.ofMillis(1234)));
        assertEquals(LocalDate.of(2024, 2, 29), trip(LocalDate.of(2024, 2, 29)));
        LocalDateTime ldt = LocalDateTime.of(2020, 1, 2, 3, 4, 5, 6);
        assertEquals(ldt, trip(ldt));
        ZonedDateTime z = ZonedDateTime.of(ldt, ZoneId.of("Europe/Paris"));
        assertEquals(z, trip(z));
    }

    @Test
    void plainClassesWithoutNoArgConstructorsArriveField_by_field() {
        Account a = new Account("ada", 100);
        a.parent = new Account("root", 7);
        Account b = trip(a);
        assertEquals("ada", b.owner);
        assertEquals(100, b.balance);
        assertEquals("root", b.parent.owner);
        assertNull(b.parent.parent);
    }

    @Test
    void cyclicAndSharedGraphsKeepTheirShape() {
        Node a = new Node("a");
        Node b = new Node("b");
        a.next = b;
        b.next = a;
        a.children.add(b);
        a.children.add(b);
        a.children.add(a);
        Node c = trip(a);
        assertEquals("a", c.name);
        assertSame(c, c.next.next);
        assertSame(c.next, c.children.get(0));
        assertSame(c.children.get(0), c.children.get(1));
        assertSame(c, c.children.get(2));
        List<Object> self = new ArrayList<>();
        self.add(self);
        List<Object> selfBack = trip(self);
        assertSame(selfBack, selfBack.get(0));
    }

    @Test
    void nullTravelsAsNull() {
        assertNull(trip(null));
        assertEquals(Arrays.asList(1, null), trip(Arrays.asList(1, null)));
    }
}
