package org.mpi4j;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.mpi4j.internal.Scratch;

/**
 * An object message matched by {@link Comm#mprobeObject} or {@link Comm#improbeObject}
 * ({@code MPI_Mprobe}): no other receive can take it any more. Receive it once with
 * {@link #recv()} or {@link #irecv()}.
 */
public final class ObjectMessage {
    private final Comm comm;
    private MemorySegment message;
    private final MemorySegment probed;
    private final Status status = new Status();

    ObjectMessage(Comm comm, MemorySegment message, MemorySegment probedStatus) {
        this.comm = comm;
        this.message = message;
        // the probe status stays with the message: the receive reads the frame size from it
        this.probed = Arena.ofAuto().allocate(probedStatus.byteSize(), 8).copyFrom(probedStatus);
        status.fill(probedStatus);
    }

    /** The status of the probe: source, tag, and the size of the message's first part. */
    public Status status() {
        return status;
    }

    /** Whether the message has been received. */
    public boolean isReceived() {
        return message == null;
    }

    /**
     * Receives the message ({@code MPI_Mrecv}) and its out-of-band parts.
     *
     * @throws IllegalStateException if it has already been received
     * @throws SerializationException if the payload cannot be deserialized
     */
    @SuppressWarnings("unchecked")
    public <T> T recv() {
        MemorySegment m = take();
        Scratch s = Scratch.get();
        s.handle0.set(ValueLayout.ADDRESS, 0, m);
        return (T) ObjectTransport.receiveMatched(comm.handle(), s.handle0, probed, null);
    }

    /** Receives the message without waiting for its out-of-band parts (they complete with the request). */
    public <T> ObjectRequest<T> irecv() {
        return ObjectRequest.forMatched(comm, take(), probed);
    }

    private MemorySegment take() {
        MemorySegment m = message;
        if (m == null) {
            throw new IllegalStateException("this message has already been received");
        }
        message = null;
        return m;
    }

    @Override
    public String toString() {
        return "ObjectMessage[source=" + status.source() + ", tag=" + status.tag()
                + (message == null ? ", received]" : "]");
    }
}
