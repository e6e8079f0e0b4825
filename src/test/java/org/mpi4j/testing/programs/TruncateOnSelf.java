package org.mpi4j.testing.programs;

import java.lang.foreign.Arena;
import org.mpi4j.MPI;
import org.mpi4j.MpiException;

/** Makes one MPI error that only MPI detects (a truncated message), for the -Dmpi4j.errors modes. */
public final class TruncateOnSelf {
    private TruncateOnSelf() {
    }

    public static void main(String[] args) {
        var comm = MPI.COMM_WORLD;
        try (Arena arena = Arena.ofConfined()) {
            var send = comm.isend(arena.allocate(8), comm.rank(), 3);
            comm.recv(arena.allocate(4), comm.rank(), 3, null);
            send.waitFor();
            System.out.println("no error");
        } catch (MpiException e) {
            System.out.println("caught " + e.errorClass());
        }
    }
}
