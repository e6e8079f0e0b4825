package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * A 200,000-node linked chain through an object message, in one process (it takes seconds: every
 * garbage collection during it scans a stack 200,000 calls deep, so it is not repeated per rank count).
 */
class DeepGraphTest {
    @Test
    void aChainOf200000NodesArrivesWholeAndTheJvmStaysSound() {
        Intracomm self = MPI.COMM_SELF;
        ObjectMisuseTest.Node got = self.sendrecvObject(ObjectMisuseTest.chain(200_000), 0, 1, 0, 1, null);
        assertEquals(200_000, ObjectMisuseTest.length(got));
        // an overflow inside a class initializer would have left that class unusable
        assertEquals("x1", new StringBuffer("x").append(1).toString());
        assertEquals("ok", self.sendrecvObject("ok", 0, 2, 0, 2, null));
    }
}
