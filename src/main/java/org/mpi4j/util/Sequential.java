package org.mpi4j.util;

import java.lang.foreign.MemorySegment;
import org.mpi4j.Datatype;
import org.mpi4j.Intracomm;

/**
 * A section that the processes of a communicator run one after the other, in rank order, like
 * {@code mpi4py.util.sync.Sequential}:
 *
 * <pre>{@code
 * try (Sequential turn = new Sequential(MPI.COMM_WORLD)) {
 *     System.out.println("rank " + rank + " goes now");
 * }
 * }</pre>
 *
 * <p>Creating it waits until the previous rank has closed its own (a zero-byte receive); closing it
 * lets the next rank in (a zero-byte send). Every process of the communicator must take part. The
 * messages use the communicator itself with the given tag (0 unless said otherwise): inside the
 * section, do not receive with {@code ANY_TAG} from the next or previous rank.
 */
public final class Sequential implements AutoCloseable {
    private final Intracomm comm;
    private final int tag;
    private boolean closed;

    /** Waits for this rank's turn (tag 0). */
    public Sequential(Intracomm comm) {
        this(comm, 0);
    }

    /** Waits for this rank's turn, the turns passed on as messages with {@code tag}. */
    public Sequential(Intracomm comm, int tag) {
        if (comm == null) {
            throw new NullPointerException("communicator is null");
        }
        this.comm = comm;
        this.tag = tag;
        int rank = comm.rank();
        if (rank > 0) {
            comm.recv(MemorySegment.NULL, 0, Datatype.BYTE, rank - 1, tag, null);
        }
    }

    /** Runs {@code block} on each process of {@code comm} in turn, rank 0 first. Collective. */
    public static void run(Intracomm comm, Runnable block) {
        try (Sequential s = new Sequential(comm)) {
            block.run();
        }
    }

    /** Ends this rank's turn: the next rank goes on. Closing twice does nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        int rank = comm.rank();
        if (rank < comm.size() - 1) {
            comm.send(MemorySegment.NULL, 0, Datatype.BYTE, rank + 1, tag);
        }
    }
}
