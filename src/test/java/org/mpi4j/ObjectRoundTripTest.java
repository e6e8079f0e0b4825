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
import java.util.HashSet;
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

    /** Every kind of record component, and one that refers to other objects. */
    record AllKinds(int i, long l, double d, float f, boolean b, short s, byte y, char c, String text, Object any) {
    }

    /** Wider than the folded method handles allow: components go through an argument array. */
    record Wide(
            long v0, long v1, long v2, long v3, long v4, long v5, long v6, long v7, long v8, long v9, long v10,
            long v11, long v12, long v13, long v14, long v15, long v16, long v17, long v18, long v19, long v20,
            long v21, long v22, long v23, long v24, long v25, long v26, long v27, long v28, long v29, long v30,
            long v31, long v32, long v33, long v34, long v35, long v36, long v37, long v38, long v39, long v40,
            long v41, long v42, long v43, long v44, long v45, long v46, long v47, long v48, long v49, long v50,
            long v51, long v52, long v53, long v54, long v55, long v56, long v57, long v58, long v59, long v60,
            long v61, long v62, long v63, long v64, long v65, long v66, long v67, long v68, long v69, long v70,
            long v71, long v72, long v73, long v74, long v75, long v76, long v77, long v78, long v79, long v80,
            long v81, long v82, long v83, long v84, long v85, long v86, long v87, long v88, long v89, long v90,
            long v91, long v92, long v93, long v94, long v95, long v96, long v97, long v98, long v99, long v100) {
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
    void recordComponentsOfEveryKindArriveEqual() throws ReflectiveOperationException {
        AllKinds a = new AllKinds(-7, Long.MIN_VALUE, -0.0, Float.NaN, true, Short.MIN_VALUE, (byte) -1, '\u20ac',
                "t\u00e9xt", List.of(new Point(7, 1)));
        assertEquals(a, trip(a));
        AllKinds nulls = new AllKinds(0, 0, 0, 0, false, (short) 0, (byte) 0, 'x', null, null);
        assertEquals(nulls, trip(nulls));
        Object[] values = new Object[Wide.class.getRecordComponents().length];
        for (int i = 0; i < values.length; i++) {
            values[i] = (long) i * 1_000_003L - 1;
        }
        Class<?>[] types = new Class<?>[values.length];
        Arrays.fill(types, long.class);
        Wide w = Wide.class.getDeclaredConstructor(types).newInstance(values);
        assertEquals(w, trip(w));
        ArrayList<Wide> ws = new ArrayList<>(List.of(w, w));
        assertEquals(ws, trip(ws));
    }

    @Test
    void collectionsOfOneClassKeepTheirElementsAndSharing() {
        ArrayList<Point> points = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            points.add(new Point(i, -i));
        }
        assertEquals(points, trip(points));
        HashSet<Point> set = new HashSet<>(points.subList(0, 10));
        HashSet<Point> setBack = trip(set);
        assertEquals(set, setBack);
        assertEquals(HashSet.class, setBack.getClass());
        // records of objects and plain objects are tracked: sharing and cycles survive in uniform lists
        Labelled l = new Labelled("l", List.of(new Point(1, 1)), Map.of());
        ArrayList<Labelled> labelled = trip(new ArrayList<>(List.of(l, l, new Labelled("m", List.of(), Map.of()))));
        assertSame(labelled.get(0), labelled.get(1));
        assertEquals(List.of(l, l, new Labelled("m", List.of(), Map.of())), labelled);
        Account a = new Account("a", 1);
        Account b = new Account("b", 2);
        a.parent = b;
        b.parent = a;
        ArrayList<Account> accounts = trip(new ArrayList<>(List.of(a, b, a)));
        assertSame(accounts.get(0), accounts.get(2));
        assertSame(accounts.get(1), accounts.get(0).parent);
        assertSame(accounts.get(0), accounts.get(1).parent);
        assertEquals("b", accounts.get(1).owner);
        assertEquals(List.of((short) 1, (short) 2), trip(new ArrayList<>(List.of((short) 1, (short) 2))));
        assertEquals(List.of(Colour.RED, Colour.BLUE), trip(new ArrayList<>(List.of(Colour.RED, Colour.BLUE))));
        assertEquals(List.of(new Point(1, 2)), trip(new ArrayList<>(List.of(new Point(1, 2)))));
        assertEquals(List.of(), trip(new ArrayList<>()));
    }

    @Test
    void mixedCollectionsOfLeafValuesAndNullsArriveEqual() {
        String longText = "x".repeat(100) + "\u4e16";
        ArrayList<Object> mixed = new ArrayList<>(Arrays.asList("s", "", "h\u00e9", longText, "ab", 7, -7L, 2.5, true,
                false, null, (short) 3, 1.5f, 'c', new Point(1, 1), List.of(1), Long.MIN_VALUE));
        assertEquals(mixed, trip(mixed));
        HashMap<Object, Object> map = new HashMap<>();
        map.put("a", 7);
        map.put("b", 3.14);
        map.put("s", "hello");
        map.put(null, null);
        map.put(1L, true);
        map.put(new Point(1, 2), new HashMap<>(Map.of("k", "v")));
        assertEquals(map, trip(map));
        HashMap<String, Object> self = new HashMap<>();
        self.put("self", self);
        self.put("n", 1);
        HashMap<String, Object> selfBack = trip(self);
        assertSame(selfBack, selfBack.get("self"));
        assertEquals(1, selfBack.get("n"));
        List<Object> wrapped = java.util.Collections.unmodifiableList(new ArrayList<>(Arrays.asList("w", 1, null, 2.0)));
        assertEquals(wrapped, trip(wrapped));
        java.util.LinkedHashMap<String, Integer> linked = new java.util.LinkedHashMap<>();
        for (String k : List.of("z", "a", "m", "b")) {
            linked.put(k, k.charAt(0) - 'a');
        }
        java.util.LinkedHashMap<String, Integer> linkedBack = trip(linked);
        assertEquals(List.of("z", "a", "m", "b"), new ArrayList<>(linkedBack.keySet()));
        assertEquals(linked, linkedBack);
        java.util.LinkedHashSet<Object> linkedSet = new java.util.LinkedHashSet<>(List.of("q", 2, new Point(0, 0), "a"));
        assertEquals(new ArrayList<>(linkedSet), new ArrayList<>(trip(linkedSet)));
        java.util.LinkedList<Object> linkedList = new java.util.LinkedList<>(Arrays.asList("l", null, 3));
        assertEquals(linkedList, trip(linkedList));
        assertEquals(java.util.LinkedList.class, trip(linkedList).getClass());
        java.util.ArrayDeque<Point> deque = new java.util.ArrayDeque<>(List.of(new Point(1, 0), new Point(2, 0)));
        assertEquals(new ArrayList<>(deque), new ArrayList<>(trip(deque)));
    }

    @Test
    void nullTravelsAsNull() {
        assertNull(trip(null));
        assertEquals(Arrays.asList(1, null), trip(Arrays.asList(1, null)));
    }
}
