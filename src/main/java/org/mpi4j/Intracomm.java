package org.mpi4j;

import static org.mpi4j.CollectiveMessage.IN_PLACE;
import static org.mpi4j.CollectiveMessage.SMALL;
import static org.mpi4j.CollectiveMessage.SMALL_BYTES;
import static org.mpi4j.CollectiveMessage.arg;
import static org.mpi4j.CollectiveMessage.checkOp;
import static org.mpi4j.CollectiveMessage.holes;
import static org.mpi4j.CollectiveMessage.inferred;
import static org.mpi4j.CollectiveMessage.opDone;
import static org.mpi4j.CollectiveMessage.recvArg;
import static org.mpi4j.CollectiveMessage.recvDone;
import static org.mpi4j.CollectiveMessage.recvSpan;
import static org.mpi4j.CollectiveMessage.sendArg;
import static org.mpi4j.CollectiveMessage.span;
import static org.mpi4j.CollectiveMessage.stageNb;
import static org.mpi4j.CollectiveMessage.started;
import static org.mpi4j.CollectiveMessage.typeHandle;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.mpi4j.ffi.mpi_h;
import org.mpi4j.internal.CollectiveDowncalls;
import org.mpi4j.internal.Downcalls;
import org.mpi4j.internal.OpenMpiAbi;
import org.mpi4j.internal.Scratch;
import org.mpi4j.internal.SmallCopy;
import org.mpi4j.internal.Staged;

/**
 * An intracommunicator: one group of processes that communicate among themselves. Adds the
 * constructors of new communicators and the collective operations to {@link Comm}.
 */
public class Intracomm extends Comm {

    Intracomm(MemorySegment handle, boolean predefined, boolean isNull) {
        super(handle, predefined, isNull);
    }

    static Intracomm predefined(String mpiName) {
        return new Intracomm(OpenMpiAbi.predefined(mpiName), true, false);
    }

    static Intracomm nullComm() {
        return new Intracomm(OpenMpiAbi.predefined("MPI_COMM_NULL"), true, true);
    }

    /**
     * Wraps the communicator a constructor left in {@code ref}: {@link MPI#COMM_NULL} or a new one, a
     * {@link Topocomm} of the right kind if it carries a topology (a dup of a {@link Cartcomm}).
     */
    static Intracomm fromRef(MemorySegment ref) {
        MemorySegment h = ref.get(java.lang.foreign.ValueLayout.ADDRESS, 0);
        if (isNullHandle(h)) {
            return MPI.COMM_NULL;
        }
        return Topocomm.ofTopology(adopt(h));
    }

    /**
     * {@link Comm#fromHandle} for a handle known to be an intracommunicator.
     *
     * @throws IllegalArgumentException if it is not a valid intracommunicator handle
     */
    public static Intracomm fromHandle(MemorySegment handle) {
        return as(Comm.fromHandle(handle), Intracomm.class);
    }

    /** {@link Comm#fromFortran} for an intracommunicator. */
    public static Intracomm fromFortran(int fortranHandle) {
        return as(Comm.fromFortran(fortranHandle), Intracomm.class);
    }

    /** {@code MPI_Comm_dup}: a new communicator with the same group and a new context. Collective. */
    public Intracomm dup() {
        Scratch s = Scratch.get();
        Errors.check(Downcalls.commDup(handle(), s.handle0), "MPI_Comm_dup");
        return fromRef(s.handle0);
    }

    /**
     * {@code MPI_Comm_dup_with_info}: {@link #dup()}, with {@code info}'s hints (null or
     * {@link Info#NULL}: none) instead of this communicator's. Collective.
     */
    public Intracomm dupWithInfo(Info info) {
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Comm_dup_with_info(handle(), Info.handleOf(info), s.handle0), "MPI_Comm_dup_with_info");
        return fromRef(s.handle0);
    }

    /**
     * The result of {@link #idup()}: the new communicator, usable once {@code request} has
     * completed (before that, using it throws {@link IllegalStateException}).
     */
    public record Duplicate(Intracomm comm, Request request) {
    }

    /**
     * {@code MPI_Comm_idup}: starts duplicating this communicator without waiting. Collective;
     * complete the request like any other (wait, test, {@code toCompletableFuture}). Attribute copy
     * callbacks ({@link Keyval}) may run during any call that progresses it.
     */
    public Duplicate idup() {
        MemorySegment c = handle();
        MemorySegment out = java.lang.foreign.Arena.ofAuto().allocate(ValueLayout.ADDRESS);
        Intracomm comm = new Intracomm(null, false, false);
        comm.setPending(true);
        Scratch s = Scratch.get();
        // copy callbacks may run in whatever call progresses the duplication: no critical calls meanwhile
        Downcalls.upcallSourceAdded();
        int rc = mpi_h.MPI_Comm_idup(c, out, s.handle0);
        if (rc != mpi_h.MPI_SUCCESS()) {
            Downcalls.upcallSourceRemoved();
        }
        Errors.check(rc, "MPI_Comm_idup");
        Request request = new Request(s.handle0(), false, out, () -> {
            Downcalls.upcallSourceRemoved();
            comm.setHandle(adopt(out.get(ValueLayout.ADDRESS, 0)));
            comm.setPending(false);
        });
        return new Duplicate(comm, request);
    }

    /**
     * {@code MPI_Comm_split}: one new communicator per {@code color}, ranked by {@code key} (ties by
     * the old rank). Collective.
     *
     * @param color a non-negative color, or {@link MPI#UNDEFINED} to join none
     * @return the new communicator, or {@link MPI#COMM_NULL} for color {@link MPI#UNDEFINED}
     */
    public Intracomm split(int color, int key) {
        if (color < 0 && color != MPI.UNDEFINED) {
            throw new IllegalArgumentException("color must be non-negative or MPI.UNDEFINED: " + color);
        }
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Comm_split(handle(), color, key, s.handle0), "MPI_Comm_split");
        return fromRef(s.handle0);
    }

    /**
     * {@code MPI_Comm_split_type}: splits by a property of the processes, e.g. {@link SplitType#SHARED}
     * for those that can share memory. Collective.
     */
    public Intracomm splitType(SplitType type, int key) {
        Errors.checkNotNull(type, "split type");
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Comm_split_type(handle(), type.value(), key, OpenMpiAbi.predefined("MPI_INFO_NULL"),
                s.handle0), "MPI_Comm_split_type");
        return fromRef(s.handle0);
    }

    /**
     * {@code MPI_Comm_create}: a communicator for the members of {@code group}, a subgroup of this
     * one. Collective over this communicator; every process passes the same group.
     *
     * @return the new communicator, or {@link MPI#COMM_NULL} on processes outside {@code group}
     */
    public Intracomm create(Group group) {
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Comm_create(handle(), Errors.checkNotNull(group, "group").handle(), s.handle0),
                "MPI_Comm_create");
        return fromRef(s.handle0);
    }

    /**
     * {@code MPI_Comm_create_group}: like {@link #create(Group)} but collective only over the members
     * of {@code group}, which alone call it.
     */
    public Intracomm createGroup(Group group, int tag) {
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Comm_create_group(handle(), Errors.checkNotNull(group, "group").handle(),
                checkSendTag(tag), s.handle0), "MPI_Comm_create_group");
        return fromRef(s.handle0);
    }

    // ---- process topologies (Cartcomm, Graphcomm, Distgraphcomm do the work) ------------------

    /**
     * {@code MPI_Cart_create}: a Cartesian grid of {@code dims} processes over this communicator's
     * first ones, periodic along the dimensions where {@code periods} is true. Collective.
     *
     * @param reorder whether MPI may renumber the processes to fit the machine
     * @return the grid, or a null communicator ({@link Comm#isNull()}) on the processes it leaves out
     * @throws IllegalArgumentException if an extent is not positive or the grid needs more processes
     *                                  than this communicator has (see {@link Cartcomm#dimsCreate})
     */
    public final Cartcomm createCart(int[] dims, boolean[] periods, boolean reorder) {
        return Cartcomm.create(this, dims, periods, reorder);
    }

    /**
     * {@code MPI_Graph_create}: a graph of {@code index.length} nodes, node {@code i}'s neighbours
     * being {@code edges[index[i-1] .. index[i])}. Collective; every process passes the whole graph.
     *
     * @return the graph, or a null communicator ({@link Comm#isNull()}) on the processes it leaves out
     */
    public final Graphcomm createGraph(int[] index, int[] edges, boolean reorder) {
        return Graphcomm.create(this, index, edges, reorder);
    }

    /**
     * {@code MPI_Dist_graph_create_adjacent}: a distributed graph in which each process names its own
     * in-neighbours ({@code sources}) and out-neighbours ({@code destinations}) with their weights.
     * Collective.
     *
     * @param sourceWeights a weight per source, or null (with {@code destWeights}) for an unweighted
     *                      graph ({@code MPI_UNWEIGHTED}); an empty array when a weighted graph has no
     *                      sources here ({@code MPI_WEIGHTS_EMPTY})
     * @param info          hints, or null ({@link Info#NULL})
     */
    public final Distgraphcomm createDistGraphAdjacent(int[] sources, int[] sourceWeights, int[] destinations,
            int[] destWeights, Info info, boolean reorder) {
        return Distgraphcomm.createAdjacent(this, sources, sourceWeights, destinations, destWeights,
                Info.handleOf(info), reorder);
    }

    /** {@code MPI_Dist_graph_create_adjacent} of an unweighted graph, without hints. */
    public final Distgraphcomm createDistGraphAdjacent(int[] sources, int[] destinations, boolean reorder) {
        return createDistGraphAdjacent(sources, null, destinations, null, null, reorder);
    }

    /**
     * {@code MPI_Dist_graph_create}: a distributed graph in which this process names any edges: from
     * each {@code sources[i]} to the next {@code degrees[i]} entries of {@code destinations}. Collective.
     *
     * @param weights a weight per edge, or null for an unweighted graph ({@code MPI_UNWEIGHTED}); an
     *                empty array when a weighted graph has no edges here ({@code MPI_WEIGHTS_EMPTY})
     * @param info    hints, or null ({@link Info#NULL})
     */
    public final Distgraphcomm createDistGraph(int[] sources, int[] degrees, int[] destinations, int[] weights,
            Info info, boolean reorder) {
        return Distgraphcomm.create(this, sources, degrees, destinations, weights, Info.handleOf(info), reorder);
    }

    /** {@code MPI_Dist_graph_create} of an unweighted graph, without hints. */
    public final Distgraphcomm createDistGraph(int[] sources, int[] degrees, int[] destinations, boolean reorder) {
        return createDistGraph(sources, degrees, destinations, null, null, reorder);
    }

    // ---- end of process topologies -----------------------------------------------------------

    // ---- intercommunicators and dynamic processes -----------------------------------------------

    /**
     * {@code MPI_Intercomm_create}: an intercommunicator between this communicator's group and
     * another, disjoint one. Collective over both groups: each calls it on its own intracommunicator,
     * naming its leader and, at the leaders only, the other group's leader's rank in a communicator
     * both leaders belong to.
     *
     * @param localLeader  the rank, in this communicator, of this group's leader (the same everywhere in the group)
     * @param peerComm     a communicator holding both leaders; read at the local leader only (may be null elsewhere)
     * @param remoteLeader the rank of the other group's leader in {@code peerComm}; read at the local leader only
     * @param tag          a tag for the leaders' messages in {@code peerComm}
     */
    public Intercomm createIntercomm(int localLeader, Comm peerComm, int remoteLeader, int tag) {
        checkSendTag(tag);
        // the leader's arguments are checked at the leader and the verdict shared, so that a bad one
        // makes the whole group throw instead of leaving it waiting for its leader
        DynamicProcesses.agree(this, localLeader, "MPI_Intercomm_create", () -> {
            Errors.checkNotNull(peerComm, "peer communicator");
            if (remoteLeader < 0 || remoteLeader >= peerComm.size()) {
                throw new IllegalArgumentException("invalid remote leader " + remoteLeader + " (peer communicator of "
                        + peerComm.size() + " processes)");
            }
            if (remoteLeader == peerComm.rank()) {
                throw new IllegalArgumentException("the remote leader is this group's own leader: the groups must be"
                        + " disjoint");
            }
            return 0;
        });
        MemorySegment peer = localLeader == rank() ? peerComm.handle() : MPI.COMM_NULL.rawHandle();
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Intercomm_create(handle(), localLeader, peer, remoteLeader, tag, s.handle0),
                "MPI_Intercomm_create");
        return Intercomm.fromRef(s.handle0);
    }

    /**
     * {@code MPI_Comm_spawn}: starts {@code maxprocs} processes running {@code command} (an MPI
     * program, found on {@code PATH} or in the {@code wdir}/{@code path} info keys) and returns
     * the intercommunicator to them; they find theirs with {@link MPI#parent()}. Collective over
     * this communicator; the arguments are read at {@code root} only. Under {@code mpiexec}, more
     * processes than the job's slots need {@code --oversubscribe} (or a hostfile with more slots).
     *
     * @param args the command's arguments (null for none)
     * @param info hints such as {@code wdir}, {@code host}, {@code path} ({@link Info#NULL} or null for none)
     * @throws IllegalArgumentException if the command names no executable file or {@code maxprocs < 1}
     *                                  (every process throws, nothing is started)
     * @throws SpawnException           if MPI could not start the processes (with their error codes).
     *                                  Open MPI 4.1 reports such a failure (too few slots, an unknown
     *                                  host) at the root only and leaves the other processes of the
     *                                  communicator in the call: spawn from {@link MPI#COMM_SELF} when
     *                                  that can happen.
     */
    public Intercomm spawn(String command, String[] args, int maxprocs, Info info, int root) {
        return spawn(command, args, maxprocs, info, root, null);
    }

    /**
     * {@link #spawn(String, String[], int, Info, int)} that also stores one MPI error code per
     * process to start in {@code errcodes} (as many as fit), as mpi4py's {@code errcodes} list.
     */
    public Intercomm spawn(String command, String[] args, int maxprocs, Info info, int root, int[] errcodes) {
        return DynamicProcesses.spawn(this, new String[] {command}, new String[][] {args}, new int[] {maxprocs},
                new Info[] {info}, root, errcodes, false);
    }

    /**
     * {@code MPI_Comm_spawn_multiple}: starts {@code maxprocs[i]} processes of {@code commands[i]}
     * for every i, all in one new job with one intercommunicator; the arrays are read at
     * {@code root} only.
     *
     * @param args  one argument list per command (null, or null entries, for none)
     * @param infos one info per command (null, or null entries, for none)
     * @param errcodes null, or receives one error code per process to start
     */
    public Intercomm spawnMultiple(String[] commands, String[][] args, int[] maxprocs, Info[] infos, int root,
            int[] errcodes) {
        return DynamicProcesses.spawn(this, commands, args, maxprocs, infos, root, errcodes, true);
    }

    /**
     * Spawns {@code maxprocs} Java workers, each running {@code mainClassOrJavaFile} (a main class
     * on this JVM's class or module path, or a single-file {@code .java} program) through the
     * runner {@link Run}, with this JVM's {@code java} launcher, class path or module path,
     * {@code --enable-native-access} flag and {@code mpi4j.*} system properties. A worker that ends
     * with an uncaught exception aborts the job, as any runner program does. More JVM options for the
     * workers go in the system property {@code mpi4j.spawn.javaOptions} (e.g. {@code "-Xmx1g"}). Collective over this
     * communicator; the arguments are read at {@code root} only.
     *
     * @see #spawn(String, String[], int, Info, int)
     */
    public Intercomm spawnJava(String mainClassOrJavaFile, String[] args, int maxprocs, Info info, int root) {
        String command = null;
        String[] argv = null;
        if (root == rank() && mainClassOrJavaFile != null) {
            // a null program reaches the root's checks as a null command, which every process reports
            command = DynamicProcesses.javaExecutable();
            argv = DynamicProcesses.runnerArguments(mainClassOrJavaFile, args).toArray(String[]::new);
        }
        return spawn(command, argv, maxprocs, info, root, null);
    }

    /**
     * {@code MPI_Comm_accept}: waits for a client's {@link #connect} to {@code port} (from
     * {@link MPI#openPort()}) and returns the intercommunicator to the client's processes.
     * Collective over this communicator; {@code port} and {@code info} are read at {@code root} only.
     *
     * @throws IllegalArgumentException if {@code port} is not a port name (at every process)
     */
    public Intercomm accept(String port, Info info, int root) {
        return DynamicProcesses.acceptOrConnect(this, port, info, root, true);
    }

    /**
     * {@code MPI_Comm_connect}: connects to a server waiting in {@link #accept} on {@code port}
     * and returns the intercommunicator to the server's processes. Collective over this
     * communicator; {@code port} and {@code info} are read at {@code root} only. (Open MPI 4.1
     * reports a port nobody listens on at the root only; the root's partners stay in the call.)
     *
     * @throws IllegalArgumentException if {@code port} is not a port name (at every process)
     */
    public Intercomm connect(String port, Info info, int root) {
        return DynamicProcesses.acceptOrConnect(this, port, info, root, false);
    }

    // ---- collectives only intracommunicators have: in place (MPI_IN_PLACE), scan, exscan ----
    // (the collectives every communicator has are in Comm)


    /**
     * {@code MPI_Gather} with {@code MPI_IN_PLACE}: at the root, {@code buf} holds {@code size()}
     * blocks of {@code count} elements, its own block already in place; elsewhere {@code buf} holds
     * the {@code count} elements to send.
     */
    public final void gatherInPlace(MemorySegment buf, long count, Datatype type, int root) {
        checkRoot(root);
        if (root != rank()) {
            gather(buf, count, type, null, 0, null, root);
            return;
        }
        if (CollectiveChecks.on(this)) {
            // the root's side of what gather checks on the others
            CollectiveChecks.verify(this, CollectiveChecks.GATHER, root, () -> recvSpan(buf, count * size(), type),
                    () -> CollectiveChecks.same(size(), P2pMessage.dataBytes(count, type)), -1);
        }
        long rb = recvSpan(buf, count * size(), type);
        MemorySegment ra = recvArg(buf, rb, true);
        MpiCallEvent ev = MpiCallEvent.ENABLED ? MpiCallEvent.start() : null;
        int rc = CollectiveDowncalls.gather(IN_PLACE, 0, typeHandle(null), ra, (int) count, type.handle(), root,
                handle());
        recvDone(ra, buf, rb);
        Errors.check(rc, "MPI_Gather");
        if (ev != null) {
            ev.done("MPI_Gather", this, root, MpiCallEvent.NO_TAG, rb);
        }
    }

    /** {@code MPI_Igather} with {@code MPI_IN_PLACE} (see {@link #gatherInPlace}). */
    public final Request igatherInPlace(MemorySegment buf, long count, Datatype type, int root) {
        checkRoot(root);
        if (root != rank()) {
            return igather(buf, count, type, null, 0, null, root);
        }
        return igather(IN_PLACE, 0, null, buf, count, type, root);
    }

    /**
     * {@code MPI_Gatherv} with {@code MPI_IN_PLACE}: at the root, its own block is already at
     * {@code displs[root]} of {@code buf}; elsewhere {@code buf} holds the {@code count} elements to send.
     */
    public final void gathervInPlace(MemorySegment buf, long count, int[] recvCounts, int[] displs, Datatype type,
            int root) {
        if (!isRoot(checkRoot(root))) {
            gatherv(buf, count, type, null, null, null, null, root);
        } else {
            gatherv(IN_PLACE, 0, null, buf, recvCounts, displs, type, root);
        }
    }

    /** {@code MPI_Igatherv} with {@code MPI_IN_PLACE} (see {@link #gathervInPlace}). */
    public final Request igathervInPlace(MemorySegment buf, long count, int[] recvCounts, int[] displs,
            Datatype type, int root) {
        if (!isRoot(checkRoot(root))) {
            return igatherv(buf, count, type, null, null, null, null, root);
        }
        return igatherv(IN_PLACE, 0, null, buf, recvCounts, displs, type, root);
    }

    /**
     * {@code MPI_Scatter} with {@code MPI_IN_PLACE}: at the root {@code buf} holds all blocks and
     * keeps its own; elsewhere {@code buf} receives {@code count} elements.
     */
    public final void scatterInPlace(MemorySegment buf, long count, Datatype type, int root) {
        if (isRoot(checkRoot(root))) {
            scatter(buf, count, type, IN_PLACE, 0, null, root);
        } else {
            scatter(null, 0, null, buf, count, type, root);
        }
    }

    /** {@code MPI_Iscatter} with {@code MPI_IN_PLACE} (see {@link #scatterInPlace}). */
    public final Request iscatterInPlace(MemorySegment buf, long count, Datatype type, int root) {
        if (isRoot(checkRoot(root))) {
            return iscatter(buf, count, type, IN_PLACE, 0, null, root);
        }
        return iscatter(null, 0, null, buf, count, type, root);
    }

    /** {@code MPI_Scatterv} with {@code MPI_IN_PLACE}: the root keeps its own block in {@code buf}. */
    public final void scattervInPlace(MemorySegment buf, int[] sendCounts, int[] displs, long count, Datatype type,
            int root) {
        if (isRoot(checkRoot(root))) {
            scatterv(buf, sendCounts, displs, type, IN_PLACE, 0, null, root);
        } else {
            scatterv(null, null, null, null, buf, count, type, root);
        }
    }

    /** {@code MPI_Iscatterv} with {@code MPI_IN_PLACE} (see {@link #scattervInPlace}). */
    public final Request iscattervInPlace(MemorySegment buf, int[] sendCounts, int[] displs, long count,
            Datatype type, int root) {
        if (isRoot(checkRoot(root))) {
            return iscatterv(buf, sendCounts, displs, type, IN_PLACE, 0, null, root);
        }
        return iscatterv(null, null, null, null, buf, count, type, root);
    }

    /**
     * {@code MPI_Allgather} with {@code MPI_IN_PLACE}: {@code buf} holds {@code size()} blocks of
     * {@code count} elements, this process's block already at index {@code rank()}.
     */
    public final void allgatherInPlace(MemorySegment buf, long count, Datatype type) {
        allgather(IN_PLACE, 0, null, buf, count, type);
    }

    /** {@code MPI_Iallgather} with {@code MPI_IN_PLACE} (see {@link #allgatherInPlace}). */
    public final Request iallgatherInPlace(MemorySegment buf, long count, Datatype type) {
        return iallgather(IN_PLACE, 0, null, buf, count, type);
    }

    /** {@code MPI_Allgatherv} with {@code MPI_IN_PLACE}: this process's block is already at {@code displs[rank()]}. */
    public final void allgathervInPlace(MemorySegment buf, int[] recvCounts, int[] displs, Datatype type) {
        allgatherv(IN_PLACE, 0, null, buf, recvCounts, displs, type);
    }

    /** {@code MPI_Iallgatherv} with {@code MPI_IN_PLACE} (see {@link #allgathervInPlace}). */
    public final Request iallgathervInPlace(MemorySegment buf, int[] recvCounts, int[] displs, Datatype type) {
        return iallgatherv(IN_PLACE, 0, null, buf, recvCounts, displs, type);
    }

    /** {@code MPI_Alltoall} with {@code MPI_IN_PLACE}: {@code buf}'s blocks are sent and replaced. */
    public final void alltoallInPlace(MemorySegment buf, long count, Datatype type) {
        alltoall(IN_PLACE, 0, null, buf, count, type);
    }

    /** {@code MPI_Ialltoall} with {@code MPI_IN_PLACE}. */
    public final Request ialltoallInPlace(MemorySegment buf, long count, Datatype type) {
        return ialltoall(IN_PLACE, 0, null, buf, count, type);
    }

    /** {@code MPI_Alltoallv} with {@code MPI_IN_PLACE}: {@code buf} is sent from and received into. */
    public final void alltoallvInPlace(MemorySegment buf, int[] counts, int[] displs, Datatype type) {
        alltoallv(IN_PLACE, null, null, null, buf, counts, displs, type);
    }

    /** {@code MPI_Ialltoallv} with {@code MPI_IN_PLACE}. */
    public final Request ialltoallvInPlace(MemorySegment buf, int[] counts, int[] displs, Datatype type) {
        return ialltoallv(IN_PLACE, null, null, null, buf, counts, displs, type);
    }

    /**
     * {@code MPI_Reduce} with {@code MPI_IN_PLACE}: at the root {@code buf} is both its contribution
     * and the result; elsewhere it is the contribution.
     */
    public final void reduceInPlace(MemorySegment buf, long count, Datatype type, Op op, int root) {
        if (isRoot(checkRoot(root))) {
            reduce(IN_PLACE, buf, count, type, op, root);
        } else {
            reduce(buf, null, count, type, op, root);
        }
    }

    /** {@code MPI_Ireduce} with {@code MPI_IN_PLACE} (see {@link #reduceInPlace}). */
    public final Request ireduceInPlace(MemorySegment buf, long count, Datatype type, Op op, int root) {
        if (isRoot(checkRoot(root))) {
            return ireduce(IN_PLACE, buf, count, type, op, root);
        }
        return ireduce(buf, null, count, type, op, root);
    }

    /** {@code MPI_Allreduce} with {@code MPI_IN_PLACE}: {@code buf} is the contribution and receives the result. */
    public final void allreduceInPlace(MemorySegment buf, long count, Datatype type, Op op) {
        allreduce(IN_PLACE, buf, count, type, op);
    }

    /** {@code MPI_Allreduce} in place over a whole segment, its datatype inferred. */
    public final void allreduceInPlace(MemorySegment buf, Op op) {
        Datatype t = inferred(buf);
        allreduce(IN_PLACE, buf, Buffers.countOf(buf, t), t, op);
    }

    /** {@code MPI_Iallreduce} with {@code MPI_IN_PLACE}. */
    public final Request iallreduceInPlace(MemorySegment buf, long count, Datatype type, Op op) {
        return iallreduce(IN_PLACE, buf, count, type, op);
    }

    /**
     * {@code MPI_Reduce_scatter} with {@code MPI_IN_PLACE}: {@code buf} holds the whole contribution
     * and receives this process's block at its start.
     */
    public final void reduceScatterInPlace(MemorySegment buf, int[] recvCounts, Datatype type, Op op) {
        reduceScatter(IN_PLACE, buf, recvCounts, type, op);
    }

    /** {@code MPI_Ireduce_scatter} with {@code MPI_IN_PLACE}. */
    public final Request ireduceScatterInPlace(MemorySegment buf, int[] recvCounts, Datatype type, Op op) {
        return ireduceScatter(IN_PLACE, buf, recvCounts, type, op);
    }

    /** {@code MPI_Reduce_scatter_block} with {@code MPI_IN_PLACE}: this process's block lands at the start of {@code buf}. */
    public final void reduceScatterBlockInPlace(MemorySegment buf, long recvCount, Datatype type, Op op) {
        reduceScatterBlock(IN_PLACE, buf, recvCount, type, op);
    }

    /** {@code MPI_Ireduce_scatter_block} with {@code MPI_IN_PLACE}. */
    public final Request ireduceScatterBlockInPlace(MemorySegment buf, long recvCount, Datatype type, Op op) {
        return ireduceScatterBlock(IN_PLACE, buf, recvCount, type, op);
    }

    /** {@code MPI_Scan}: process {@code i} receives the combination of the contributions of processes 0..i. */
    public final void scan(MemorySegment sendBuf, MemorySegment recvBuf, long count, Datatype type, Op op) {
        scanImpl(false, sendBuf, recvBuf, count, type, op);
    }

    /** {@code MPI_Scan} of whole segments, count and datatype inferred from {@code sendBuf}. */
    public final void scan(MemorySegment sendBuf, MemorySegment recvBuf, Op op) {
        Datatype t = inferred(sendBuf);
        scanImpl(false, sendBuf, recvBuf, Buffers.countOf(sendBuf, t), t, op);
    }

    /** {@code MPI_Scan} with {@code MPI_IN_PLACE}. */
    public final void scanInPlace(MemorySegment buf, long count, Datatype type, Op op) {
        scanImpl(false, IN_PLACE, buf, count, type, op);
    }

    /**
     * {@code MPI_Exscan}: process {@code i} receives the combination of the contributions of
     * processes 0..i-1; process 0's {@code recvBuf} is left unchanged.
     */
    public final void exscan(MemorySegment sendBuf, MemorySegment recvBuf, long count, Datatype type, Op op) {
        scanImpl(true, sendBuf, recvBuf, count, type, op);
    }

    /** {@code MPI_Exscan} of whole segments, count and datatype inferred from {@code sendBuf}. */
    public final void exscan(MemorySegment sendBuf, MemorySegment recvBuf, Op op) {
        Datatype t = inferred(sendBuf);
        scanImpl(true, sendBuf, recvBuf, Buffers.countOf(sendBuf, t), t, op);
    }

    /** {@code MPI_Exscan} with {@code MPI_IN_PLACE}. */
    public final void exscanInPlace(MemorySegment buf, long count, Datatype type, Op op) {
        scanImpl(true, IN_PLACE, buf, count, type, op);
    }

    private void scanImpl(boolean exclusive, MemorySegment sendBuf, MemorySegment recvBuf, long count, Datatype type,
            Op op) {
        checkOp(op);
        boolean inPlace = sendBuf == IN_PLACE;
        long sb = inPlace ? 0 : span(sendBuf, count, type);
        long rb = recvSpan(recvBuf, count, type);
        MemorySegment sa = inPlace ? IN_PLACE : sendArg(sendBuf, sb);
        // exscan leaves rank 0's buffer alone: a staged copy must carry the old contents
        MemorySegment ra = recvArg(recvBuf, rb, inPlace || exclusive || holes(type));
        MpiCallEvent ev = MpiCallEvent.ENABLED ? MpiCallEvent.start() : null;
        int rc;
        boolean javaOp = Downcalls.userOpStarted(op.isUserDefined());
        try {
            rc = exclusive
                    ? CollectiveDowncalls.exscan(sa, ra, (int) count, type.handle(), op.handle(), handle())
                    : CollectiveDowncalls.scan(sa, ra, (int) count, type.handle(), op.handle(), handle());
        } finally {
            Downcalls.userOpDone(javaOp);
        }
        recvDone(ra, recvBuf, rb);
        opDone(op);
        Errors.check(rc, exclusive ? "MPI_Exscan" : "MPI_Scan");
        if (ev != null) {
            ev.done(exclusive ? "MPI_Exscan" : "MPI_Scan", this, MpiCallEvent.NO_PEER, MpiCallEvent.NO_TAG, sb + rb);
        }
    }

    /** {@code MPI_Iscan}: nonblocking {@link #scan(MemorySegment, MemorySegment, long, Datatype, Op)}. */
    public final Request iscan(MemorySegment sendBuf, MemorySegment recvBuf, long count, Datatype type, Op op) {
        return iscanImpl(false, sendBuf, recvBuf, count, type, op);
    }

    /** {@code MPI_Iscan} with {@code MPI_IN_PLACE}. */
    public final Request iscanInPlace(MemorySegment buf, long count, Datatype type, Op op) {
        return iscanImpl(false, IN_PLACE, buf, count, type, op);
    }

    /** {@code MPI_Iexscan}: nonblocking {@link #exscan(MemorySegment, MemorySegment, long, Datatype, Op)}. */
    public final Request iexscan(MemorySegment sendBuf, MemorySegment recvBuf, long count, Datatype type, Op op) {
        return iscanImpl(true, sendBuf, recvBuf, count, type, op);
    }

    /** {@code MPI_Iexscan} with {@code MPI_IN_PLACE}. */
    public final Request iexscanInPlace(MemorySegment buf, long count, Datatype type, Op op) {
        return iscanImpl(true, IN_PLACE, buf, count, type, op);
    }

    private Request iscanImpl(boolean exclusive, MemorySegment sendBuf, MemorySegment recvBuf, long count,
            Datatype type, Op op) {
        checkOp(op);
        boolean inPlace = sendBuf == IN_PLACE;
        long sb = inPlace ? 0 : span(sendBuf, count, type);
        long rb = recvSpan(recvBuf, count, type);
        Staged ss = inPlace ? null : stageNb(sendBuf, sb, true);
        Staged rs = stageNb(recvBuf, rb, inPlace || exclusive || holes(type));
        Scratch s = Scratch.get();
        MemorySegment sa = inPlace ? IN_PLACE : arg(sendBuf, ss);
        int rc = exclusive
                ? mpi_h.MPI_Iexscan(sa, arg(recvBuf, rs), (int) count, type.handle(), op.handle(), handle(), s.handle0)
                : mpi_h.MPI_Iscan(sa, arg(recvBuf, rs), (int) count, type.handle(), op.handle(), handle(), s.handle0);
        return started(rc, exclusive ? "MPI_Iexscan" : "MPI_Iscan", s, new Object[] {sendBuf, recvBuf, type, op}, ss,
                rs, op);
    }

    /** {@code MPI_Allreduce} in place over a whole {@code byte[]}. */
    public final void allreduceInPlace(byte[] buf, Op op) {
        Errors.checkNotNull(buf, "buf");
        int n = buf.length;
        if (n <= SMALL_BYTES / 1 && op.isPredefined()) {
            MemorySegment st = SMALL.get()[1];
            SmallCopy.in(buf, st, n);
            MpiCallEvent ev = MpiCallEvent.ENABLED ? MpiCallEvent.start() : null;
            int rc = CollectiveDowncalls.allreduce(IN_PLACE, st, n, Datatype.INT8_T.handle(), op.handle(), handle());
            SmallCopy.out(st, buf, n);
            Errors.check(rc, "MPI_Allreduce");
            if (ev != null) {
                ev.done("MPI_Allreduce", this, MpiCallEvent.NO_PEER, MpiCallEvent.NO_TAG, 2L * n * 1);
            }
            return;
        }
        allreduce(IN_PLACE, MemorySegment.ofArray(buf), n, Datatype.INT8_T, op);
    }

    /** {@code MPI_Scan} of whole {@code byte[]}s. */
    public final void scan(byte[] sendBuf, byte[] recvBuf, Op op) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        Errors.checkNotNull(recvBuf, "recvBuf");
        scan(MemorySegment.ofArray(sendBuf), MemorySegment.ofArray(recvBuf), sendBuf.length, Datatype.INT8_T, op);
    }

    /** {@code MPI_Exscan} of whole {@code byte[]}s (rank 0's {@code recvBuf} is left unchanged). */
    public final void exscan(byte[] sendBuf, byte[] recvBuf, Op op) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        Errors.checkNotNull(recvBuf, "recvBuf");
        exscan(MemorySegment.ofArray(sendBuf), MemorySegment.ofArray(recvBuf), sendBuf.length, Datatype.INT8_T, op);
    }

    /** {@code MPI_Allreduce} in place over a whole {@code int[]}. */
    public final void allreduceInPlace(int[] buf, Op op) {
        Errors.checkNotNull(buf, "buf");
        int n = buf.length;
        if (n <= SMALL_BYTES / 4 && op.isPredefined()) {
            MemorySegment st = SMALL.get()[1];
            SmallCopy.in(buf, st, n);
            MpiCallEvent ev = MpiCallEvent.ENABLED ? MpiCallEvent.start() : null;
            int rc = CollectiveDowncalls.allreduce(IN_PLACE, st, n, Datatype.INT32_T.handle(), op.handle(), handle());
            SmallCopy.out(st, buf, n);
            Errors.check(rc, "MPI_Allreduce");
            if (ev != null) {
                ev.done("MPI_Allreduce", this, MpiCallEvent.NO_PEER, MpiCallEvent.NO_TAG, 2L * n * 4);
            }
            return;
        }
        allreduce(IN_PLACE, MemorySegment.ofArray(buf), n, Datatype.INT32_T, op);
    }

    /** {@code MPI_Scan} of whole {@code int[]}s. */
    public final void scan(int[] sendBuf, int[] recvBuf, Op op) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        Errors.checkNotNull(recvBuf, "recvBuf");
        scan(MemorySegment.ofArray(sendBuf), MemorySegment.ofArray(recvBuf), sendBuf.length, Datatype.INT32_T, op);
    }

    /** {@code MPI_Exscan} of whole {@code int[]}s (rank 0's {@code recvBuf} is left unchanged). */
    public final void exscan(int[] sendBuf, int[] recvBuf, Op op) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        Errors.checkNotNull(recvBuf, "recvBuf");
        exscan(MemorySegment.ofArray(sendBuf), MemorySegment.ofArray(recvBuf), sendBuf.length, Datatype.INT32_T, op);
    }

    /** {@code MPI_Allreduce} in place over a whole {@code long[]}. */
    public final void allreduceInPlace(long[] buf, Op op) {
        Errors.checkNotNull(buf, "buf");
        int n = buf.length;
        if (n <= SMALL_BYTES / 8 && op.isPredefined()) {
            MemorySegment st = SMALL.get()[1];
            SmallCopy.in(buf, st, n);
            MpiCallEvent ev = MpiCallEvent.ENABLED ? MpiCallEvent.start() : null;
            int rc = CollectiveDowncalls.allreduce(IN_PLACE, st, n, Datatype.INT64_T.handle(), op.handle(), handle());
            SmallCopy.out(st, buf, n);
            Errors.check(rc, "MPI_Allreduce");
            if (ev != null) {
                ev.done("MPI_Allreduce", this, MpiCallEvent.NO_PEER, MpiCallEvent.NO_TAG, 2L * n * 8);
            }
            return;
        }
        allreduce(IN_PLACE, MemorySegment.ofArray(buf), n, Datatype.INT64_T, op);
    }

    /** {@code MPI_Scan} of whole {@code long[]}s. */
    public final void scan(long[] sendBuf, long[] recvBuf, Op op) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        Errors.checkNotNull(recvBuf, "recvBuf");
        scan(MemorySegment.ofArray(sendBuf), MemorySegment.ofArray(recvBuf), sendBuf.length, Datatype.INT64_T, op);
    }

    /** {@code MPI_Exscan} of whole {@code long[]}s (rank 0's {@code recvBuf} is left unchanged). */
    public final void exscan(long[] sendBuf, long[] recvBuf, Op op) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        Errors.checkNotNull(recvBuf, "recvBuf");
        exscan(MemorySegment.ofArray(sendBuf), MemorySegment.ofArray(recvBuf), sendBuf.length, Datatype.INT64_T, op);
    }

    /** {@code MPI_Allreduce} in place over a whole {@code float[]}. */
    public final void allreduceInPlace(float[] buf, Op op) {
        Errors.checkNotNull(buf, "buf");
        int n = buf.length;
        if (n <= SMALL_BYTES / 4 && op.isPredefined()) {
            MemorySegment st = SMALL.get()[1];
            SmallCopy.in(buf, st, n);
            MpiCallEvent ev = MpiCallEvent.ENABLED ? MpiCallEvent.start() : null;
            int rc = CollectiveDowncalls.allreduce(IN_PLACE, st, n, Datatype.FLOAT.handle(), op.handle(), handle());
            SmallCopy.out(st, buf, n);
            Errors.check(rc, "MPI_Allreduce");
            if (ev != null) {
                ev.done("MPI_Allreduce", this, MpiCallEvent.NO_PEER, MpiCallEvent.NO_TAG, 2L * n * 4);
            }
            return;
        }
        allreduce(IN_PLACE, MemorySegment.ofArray(buf), n, Datatype.FLOAT, op);
    }

    /** {@code MPI_Scan} of whole {@code float[]}s. */
    public final void scan(float[] sendBuf, float[] recvBuf, Op op) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        Errors.checkNotNull(recvBuf, "recvBuf");
        scan(MemorySegment.ofArray(sendBuf), MemorySegment.ofArray(recvBuf), sendBuf.length, Datatype.FLOAT, op);
    }

    /** {@code MPI_Exscan} of whole {@code float[]}s (rank 0's {@code recvBuf} is left unchanged). */
    public final void exscan(float[] sendBuf, float[] recvBuf, Op op) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        Errors.checkNotNull(recvBuf, "recvBuf");
        exscan(MemorySegment.ofArray(sendBuf), MemorySegment.ofArray(recvBuf), sendBuf.length, Datatype.FLOAT, op);
    }

    /** {@code MPI_Allreduce} in place over a whole {@code double[]}. */
    public final void allreduceInPlace(double[] buf, Op op) {
        Errors.checkNotNull(buf, "buf");
        int n = buf.length;
        if (n <= SMALL_BYTES / 8 && op.isPredefined()) {
            MemorySegment st = SMALL.get()[1];
            SmallCopy.in(buf, st, n);
            MpiCallEvent ev = MpiCallEvent.ENABLED ? MpiCallEvent.start() : null;
            int rc = CollectiveDowncalls.allreduce(IN_PLACE, st, n, Datatype.DOUBLE.handle(), op.handle(), handle());
            SmallCopy.out(st, buf, n);
            Errors.check(rc, "MPI_Allreduce");
            if (ev != null) {
                ev.done("MPI_Allreduce", this, MpiCallEvent.NO_PEER, MpiCallEvent.NO_TAG, 2L * n * 8);
            }
            return;
        }
        allreduce(IN_PLACE, MemorySegment.ofArray(buf), n, Datatype.DOUBLE, op);
    }

    /** {@code MPI_Scan} of whole {@code double[]}s. */
    public final void scan(double[] sendBuf, double[] recvBuf, Op op) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        Errors.checkNotNull(recvBuf, "recvBuf");
        scan(MemorySegment.ofArray(sendBuf), MemorySegment.ofArray(recvBuf), sendBuf.length, Datatype.DOUBLE, op);
    }

    /** {@code MPI_Exscan} of whole {@code double[]}s (rank 0's {@code recvBuf} is left unchanged). */
    public final void exscan(double[] sendBuf, double[] recvBuf, Op op) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        Errors.checkNotNull(recvBuf, "recvBuf");
        exscan(MemorySegment.ofArray(sendBuf), MemorySegment.ofArray(recvBuf), sendBuf.length, Datatype.DOUBLE, op);
    }

    /** {@code MPI_Allreduce} in place over a whole {@code short[]}. */
    public final void allreduceInPlace(short[] buf, Op op) {
        Errors.checkNotNull(buf, "buf");
        int n = buf.length;
        if (n <= SMALL_BYTES / 2 && op.isPredefined()) {
            MemorySegment st = SMALL.get()[1];
            SmallCopy.in(buf, st, n);
            MpiCallEvent ev = MpiCallEvent.ENABLED ? MpiCallEvent.start() : null;
            int rc = CollectiveDowncalls.allreduce(IN_PLACE, st, n, Datatype.INT16_T.handle(), op.handle(), handle());
            SmallCopy.out(st, buf, n);
            Errors.check(rc, "MPI_Allreduce");
            if (ev != null) {
                ev.done("MPI_Allreduce", this, MpiCallEvent.NO_PEER, MpiCallEvent.NO_TAG, 2L * n * 2);
            }
            return;
        }
        allreduce(IN_PLACE, MemorySegment.ofArray(buf), n, Datatype.INT16_T, op);
    }

    /** {@code MPI_Allreduce} in place over a whole {@code char[]}. */
    public final void allreduceInPlace(char[] buf, Op op) {
        Errors.checkNotNull(buf, "buf");
        int n = buf.length;
        if (n <= SMALL_BYTES / 2 && op.isPredefined()) {
            MemorySegment st = SMALL.get()[1];
            SmallCopy.in(buf, st, n);
            MpiCallEvent ev = MpiCallEvent.ENABLED ? MpiCallEvent.start() : null;
            int rc = CollectiveDowncalls.allreduce(IN_PLACE, st, n, Datatype.UINT16_T.handle(), op.handle(), handle());
            SmallCopy.out(st, buf, n);
            Errors.check(rc, "MPI_Allreduce");
            if (ev != null) {
                ev.done("MPI_Allreduce", this, MpiCallEvent.NO_PEER, MpiCallEvent.NO_TAG, 2L * n * 2);
            }
            return;
        }
        allreduce(IN_PLACE, MemorySegment.ofArray(buf), n, Datatype.UINT16_T, op);
    }

    /** {@code MPI_Scan} of whole {@code short[]}s. */
    public final void scan(short[] sendBuf, short[] recvBuf, Op op) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        Errors.checkNotNull(recvBuf, "recvBuf");
        scan(MemorySegment.ofArray(sendBuf), MemorySegment.ofArray(recvBuf), sendBuf.length, Datatype.INT16_T, op);
    }

    /** {@code MPI_Scan} of whole {@code char[]}s. */
    public final void scan(char[] sendBuf, char[] recvBuf, Op op) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        Errors.checkNotNull(recvBuf, "recvBuf");
        scan(MemorySegment.ofArray(sendBuf), MemorySegment.ofArray(recvBuf), sendBuf.length, Datatype.UINT16_T, op);
    }

    /** {@code MPI_Exscan} of whole {@code short[]}s (rank 0's {@code recvBuf} is left unchanged). */
    public final void exscan(short[] sendBuf, short[] recvBuf, Op op) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        Errors.checkNotNull(recvBuf, "recvBuf");
        exscan(MemorySegment.ofArray(sendBuf), MemorySegment.ofArray(recvBuf), sendBuf.length, Datatype.INT16_T, op);
    }

    /** {@code MPI_Exscan} of whole {@code char[]}s (rank 0's {@code recvBuf} is left unchanged). */
    public final void exscan(char[] sendBuf, char[] recvBuf, Op op) {
        Errors.checkNotNull(sendBuf, "sendBuf");
        Errors.checkNotNull(recvBuf, "recvBuf");
        exscan(MemorySegment.ofArray(sendBuf), MemorySegment.ofArray(recvBuf), sendBuf.length, Datatype.UINT16_T, op);
    }

    @Override
    public String toString() {
        if (isNull()) {
            return "COMM_NULL";
        }
        return isFreed() ? "Intracomm[freed]" : "Intracomm[" + getName() + ", rank " + rank() + " of " + size() + "]";
    }

    // ---- object collectives -------------------------------------------------------------------
    // mpi4py's lowercase collectives for any Java object (see Comm#sendObject). A process whose
    // object cannot be serialized throws; the others throw too, and no process is left waiting.

    /**
     * Broadcasts an object from {@code root}; every process returns it (the root its own object,
     * the others a copy). Large arrays inside it are broadcast straight from and into the arrays.
     */
    @SuppressWarnings("unchecked")
    public final <T> T bcastObject(T obj, int root) {
        return (T) ObjectTransport.bcast(this, obj, root);
    }

    /**
     * Gathers one object from every process at {@code root}.
     *
     * @return at the root, the objects in rank order; null elsewhere
     */
    public final <T> java.util.List<T> gatherObject(T obj, int root) {
        return ObjectTransport.gather(this, obj, root);
    }

    /** Gathers one object from every process at every process, in rank order. */
    public final <T> java.util.List<T> allgatherObject(T obj) {
        return ObjectTransport.allgather(this, obj);
    }

    /**
     * Sends {@code items.get(i)} from {@code root} to process i.
     *
     * @param items one object per process, read at the root only (may be null elsewhere)
     * @return this process's object
     */
    public final <T> T scatterObject(java.util.List<? extends T> items, int root) {
        return ObjectTransport.scatter(this, items, root);
    }

    /** Sends {@code items.get(j)} to process j and returns what every process sent here, in rank order. */
    public final <T> java.util.List<T> alltoallObject(java.util.List<? extends T> items) {
        return ObjectTransport.alltoall(this, items);
    }

    /**
     * Combines the objects of all processes with {@code op} at {@code root}, in rank order:
     * {@code op(...op(op(x0, x1), x2)..., xn-1)}, so {@code op} need not be commutative. The objects
     * are combined up a binomial tree (log2 p rounds, each process applying {@code op} to what the
     * processes above it reduced), on a private duplicate of this communicator made on first use.
     * If {@code op} or the serializer fails on a process, that process and the root throw, and none
     * waits for ever.
     *
     * @return the result at the root, null elsewhere
     */
    public final <T> T reduceObject(T obj, java.util.function.BinaryOperator<T> op, int root) {
        return ObjectTree.reduce(this, obj, op, root);
    }

    /** {@link #reduceObject} with the result on every process (a failure anywhere fails every process). */
    public final <T> T allreduceObject(T obj, java.util.function.BinaryOperator<T> op) {
        return ObjectTree.allreduce(this, obj, op);
    }

    /** Inclusive prefix reduction: process i gets {@code op} over the objects of processes 0..i. */
    public final <T> T scanObject(T obj, java.util.function.BinaryOperator<T> op) {
        Errors.checkNotNull(op, "operator");
        java.util.List<T> all = allgatherObject(obj);
        return fold(all, rank() + 1, op);
    }

    /** Exclusive prefix reduction: process i gets {@code op} over processes 0..i-1; process 0 gets null. */
    public final <T> T exscanObject(T obj, java.util.function.BinaryOperator<T> op) {
        Errors.checkNotNull(op, "operator");
        java.util.List<T> all = allgatherObject(obj);
        return rank() == 0 ? null : fold(all, rank(), op);
    }

    private static <T> T fold(java.util.List<T> values, int count, java.util.function.BinaryOperator<T> op) {
        T acc = values.get(0);
        for (int i = 1; i < count; i++) {
            acc = op.apply(acc, values.get(i));
        }
        return acc;
    }
    // ---- end of object collectives ------------------------------------------------------------
}
