package org.mpi4j.run;

import java.nio.charset.StandardCharsets;
import org.mpi4j.Intracomm;

/** Text sent between the ranks of the runner and the shell. */
final class Texts {
    private Texts() {
    }

    /**
     * Broadcasts a string from rank 0 of {@code comm} ({@code null} too: the others receive null);
     * {@code text} is ignored on the other ranks.
     */
    static String broadcast(Intracomm comm, String text) {
        int[] length = {text == null ? -1 : text.getBytes(StandardCharsets.UTF_8).length};
        comm.bcast(length, 0);
        if (length[0] < 0) {
            return null;
        }
        if (length[0] == 0) {
            return "";
        }
        byte[] bytes = comm.rank() == 0 ? text.getBytes(StandardCharsets.UTF_8) : new byte[length[0]];
        comm.bcast(bytes, 0);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
