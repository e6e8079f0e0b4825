package com.example;

import org.mpi4j.Intracomm;
import org.mpi4j.MPI;
import org.mpi4j.Op;

/** Passes each rank's number to the right, and sums the ranks: a program that depends on mpi4j. */
public class Main {
    public static void main(String[] args) {
        Intracomm world = MPI.COMM_WORLD;
        int rank = world.rank(), size = world.size();
        int[] mine = {rank}, fromLeft = new int[1], sum = new int[1];
        // two buffers: MPI forbids one array as both the send and the receive buffer
        world.sendrecv(mine, (rank + 1) % size, 0, fromLeft, (rank + size - 1) % size, 0, null);
        world.allreduce(mine, sum, Op.SUM);
        Module m = Main.class.getModule();
        System.out.println("rank " + rank + " of " + size + " (" + (m.isNamed() ? "module " + m.getName() : "class path")
                + "): left neighbour " + fromLeft[0] + ", ranks sum to " + sum[0]);
    }
}
