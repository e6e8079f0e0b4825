package org.mpi4j.testing.programs;

import java.util.List;
import org.mpi4j.ErrorClass;
import org.mpi4j.Info;
import org.mpi4j.Intercomm;
import org.mpi4j.Intracomm;
import org.mpi4j.MPI;
import org.mpi4j.MpiException;

/**
 * One side of a client/server pair in two separately launched jobs, found through a published
 * name (the jobs share Open MPI's {@code ompi-server}). {@code server}: opens a port, publishes
 * it, accepts; {@code client}: looks the name up (until the server has published it) and
 * connects. Both then exchange their world ranks and print what they got.
 */
public final class PortPeers {
    static final String SERVICE = "mpi4j-two-jobs";

    private PortPeers() {
    }

    public static void main(String[] args) throws InterruptedException {
        Intracomm world = MPI.COMM_WORLD;
        boolean server = args[0].equals("server");
        String port = null;
        if (world.rank() == 0) {
            if (server) {
                port = MPI.openPort();
                MPI.publishName(SERVICE, port);
            } else {
                port = lookUp();
            }
        }
        Intercomm other = server ? world.accept(port, Info.NULL, 0) : world.connect(port, Info.NULL, 0);
        List<Integer> ranks = other.allgatherObject(world.rank());
        System.out.println((server ? "server" : "client") + " rank " + world.rank() + " of " + world.size()
                + " sees remote ranks " + ranks);
        other.disconnect();
        if (server && world.rank() == 0) {
            MPI.unpublishName(SERVICE, port);
            MPI.closePort(port);
        }
    }

    private static String lookUp() throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            try {
                return MPI.lookupName(SERVICE);
            } catch (MpiException e) {
                if (e.errorClass() != ErrorClass.ERR_NAME || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }
}
