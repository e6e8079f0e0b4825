package org.mpi4j;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * A Java Flight Recorder event for one MPI call: what JDK Mission Control shows in its event
 * browser and thread lanes, so a user sees where a rank waits. Emitted only when the JVM starts
 * with {@code -Dmpi4j.jfr=true}: {@link #ENABLED} is read once into a constant, so with events off
 * the JIT drops the {@code ENABLED ? start() : null} at each call site and the hot paths do no
 * extra work and allocate nothing.
 *
 * <p>Call sites read {@code MpiCallEvent ev = MpiCallEvent.ENABLED ? MpiCallEvent.start() : null;}
 * before the call and {@code if (ev != null) ev.done(...)} after it succeeded.
 */
@Name("org.mpi4j.MpiCall")
@Label("MPI Call")
@Category({"MPI"})
@Description("One MPI call of mpi4j: operation, communicator, peer or root, tag, bytes and duration")
@StackTrace(false)
final class MpiCallEvent extends Event {
    /** Whether MPI calls emit events ({@code -Dmpi4j.jfr=true}); constant for the JIT. */
    static final boolean ENABLED = Boolean.getBoolean("mpi4j.jfr");

    /** No peer: collectives without a root, and calls that name none (-1, as MPI_ANY_SOURCE). */
    static final int NO_PEER = -1;

    /** No tag: collectives. */
    static final int NO_TAG = -1;

    @Label("Operation")
    @Description("The MPI function, e.g. MPI_Send")
    String operation;

    @Label("Communicator")
    @Description("The communicator's name (MPI_Comm_get_name)")
    String communicator;

    @Label("Peer")
    @Description("Destination, source or root rank as the call named it; -1: MPI_ANY_SOURCE, or none (a"
            + " collective without a root, a wait); -2: MPI_PROC_NULL")
    int peer;

    @Label("Tag")
    @Description("The message tag; -1 for collectives and MPI_ANY_TAG")
    int tag;

    @Label("Bytes")
    @Description("Bytes of this process's buffers the call sends and receives (their spans, summed)")
    @DataAmount
    long bytes;

    private MpiCallEvent() {
    }

    /** A started event (its clock running). */
    static MpiCallEvent start() {
        MpiCallEvent e = new MpiCallEvent();
        e.begin();
        return e;
    }

    /** Stops the clock and records the call if the recording wants it. */
    void done(String operation, Comm comm, int peer, int tag, long bytes) {
        end();
        if (shouldCommit()) {
            this.operation = operation;
            this.communicator = comm == null ? null : comm.eventName();
            this.peer = peer;
            this.tag = tag;
            this.bytes = bytes;
            commit();
        }
    }
}
