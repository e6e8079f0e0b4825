package org.mpi4j.testing.programs;

import java.lang.ref.Reference;
import org.mpi4j.MPI;
import org.mpi4j.ObjectRequest;

/**
 * Run with a small heap ({@code -Xmx64m}) on one rank: a receive of a 24 MiB array while the
 * sender's copy is still held runs out of memory; the program catches the error, and the next
 * object exchange must get its own message (not the orphaned part) and the send must complete.
 */
public final class OutOfMemoryInRecvObject {
    private OutOfMemoryInRecvObject() {
    }

    public static void main(String[] args) {
        var self = MPI.COMM_SELF;
        byte[] big = new byte[24 << 20];
        byte[] ballast = new byte[12 << 20];
        ObjectRequest<Void> sent = self.isendObject(big, 0, 1);
        try {
            byte[] got = self.recvObject(0, 1);
            System.out.println("no OutOfMemoryError: " + got.length);
        } catch (OutOfMemoryError e) {
            System.out.println("OutOfMemoryError caught");
        }
        Reference.reachabilityFence(big);
        Reference.reachabilityFence(ballast);
        sent.waitFor();
        System.out.println("send completed");
        String next = self.sendrecvObject("next message", 0, 1, 0, 1, null);
        System.out.println("then received: " + next);
    }
}
