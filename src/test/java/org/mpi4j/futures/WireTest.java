package org.mpi4j.futures;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The executors' message format, without MPI. */
class WireTest {

    @Test
    void aMessageStaysIntactWhileTheNextOneIsEncoded() {
        // every size, so that one message fills the thread's buffer exactly at some point
        for (int n = 0; n < 700; n++) {
            byte[] body = new byte[n];
            Arrays.fill(body, (byte) 7);
            byte[] first = Wire.encode(n, Wire.CALL, body);
            byte[] copy = first.clone();
            byte[] second = Wire.encode(n + 1000, Wire.RUN, new byte[n + 1]);
            assertArrayEquals(copy, first, "size " + n);
            assertEquals(n, Wire.id(first));
            assertEquals(Wire.CALL, Wire.kind(first));
            assertArrayEquals(body, (byte[]) Wire.body(first));
            assertEquals(n + 1000, Wire.id(second));
        }
    }

    @Test
    void aMessageWithoutBodyIsItsHeader() {
        byte[] stop = Wire.encode(Long.MAX_VALUE, Wire.STOP, null);
        assertEquals(Wire.HEADER, stop.length);
        assertEquals(Long.MAX_VALUE, Wire.id(stop));
        assertEquals(null, Wire.body(stop));
    }
}
