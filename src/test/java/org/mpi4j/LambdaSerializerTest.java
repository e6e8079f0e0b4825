package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Serializable lambdas and method references survive Kryo, without --add-opens. */
class LambdaSerializerTest {
    interface SerializableFunction<T, R> extends Function<T, R>, Serializable {
    }

    private static Object roundTrip(Object o) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        KryoSerializer k = new KryoSerializer();
        k.serialize(o, out);
        return k.deserialize(new ByteArrayInputStream(out.toByteArray()));
    }

    static int twice(int x) {
        return 2 * x;
    }

    @Test
    @SuppressWarnings("unchecked")
    void serializableLambdaKeepsItsCapturedValues() throws Exception {
        int k = 7;
        List<String> names = List.of("a", "b");
        SerializableFunction<Integer, String> f = i -> names.get(i) + k;
        SerializableFunction<Integer, String> back = (SerializableFunction<Integer, String>) roundTrip(f);
        assertEquals("b7", back.apply(1));
    }

    @Test
    @SuppressWarnings("unchecked")
    void methodReferencesAndIntersectionCastsTravelToo() throws Exception {
        SerializableFunction<Integer, Integer> ref = LambdaSerializerTest::twice;
        assertEquals(42, ((Function<Integer, Integer>) roundTrip(ref)).apply(21));
        Callable<String> c = (Callable<String> & Serializable) () -> "called";
        assertEquals("called", ((Callable<String>) roundTrip(c)).call());
        // a lambda inside a message, twice: both arrive usable
        List<Object> two = (List<Object>) roundTrip(List.of(ref, ref));
        assertEquals(4, ((Function<Integer, Integer>) two.get(1)).apply(2));
    }

    @Test
    void plainLambdaIsRefusedWithAClearMessage() {
        Function<Integer, Integer> plain = x -> x;
        Exception e = assertThrows(Exception.class, () -> roundTrip(plain));
        String text = e.toString() + (e.getCause() == null ? "" : e.getCause().toString());
        assertTrue(text.contains("is not serializable"), text);
    }
}
