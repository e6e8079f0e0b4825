package org.mpi4j.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.mpi4j.Intracomm;
import org.mpi4j.ObjectMessage;
import org.mpi4j.ObjectRequest;

/**
 * {@code objectmemory}: the peak resident memory of one large object message per rank. Every rank
 * sends a {@code long[]} of {@code --mb} MiB (default 512) to the next with {@code isendObject} and
 * receives the previous one's with {@code recvObject} ({@code --recv=blocking}, the default) or
 * {@code mprobeObject} + {@code irecv} ({@code --recv=mprobe}), then reports its peak resident set
 * ({@code VmHWM}) above what it had before the array existed, in multiples of the array's size:
 * 2 means the array sent plus the array received, nothing else. It also reports the time of the
 * exchange (serialization, transfer and decoding included; the array's allocation and filling not).
 */
final class ObjectMemoryBench {
    private ObjectMemoryBench() {
    }

    static long kib(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new IllegalStateException("no " + field + " in /proc/self/status");
    }

    static int run(Intracomm comm, Bench.Args a, PrintStream out) {
        int rank = comm.rank();
        int size = comm.size();
        long mib = a.intOption("mb", 512);
        String recv = a.options().getOrDefault("recv", "blocking");
        System.gc();
        comm.barrier();
        long before = kib("VmRSS");
        long[] data = new long[(int) (mib * 1024 * 1024 / 8)];
        java.util.Arrays.fill(data, rank + 1);
        comm.barrier();
        long start = System.nanoTime();
        ObjectRequest<Void> sent = comm.isendObject(data, (rank + 1) % size, 7);
        long[] got;
        if (recv.equals("mprobe")) {
            ObjectMessage m = comm.mprobeObject((rank + size - 1) % size, 7);
            got = m.<long[]>irecv().waitFor();
        } else {
            got = comm.recvObject((rank + size - 1) % size, 7);
        }
        sent.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        boolean ok = got.length == data.length && got[got.length - 1] == (rank + size - 1) % size + 1;
        double ratio = (kib("VmHWM") - before) / (mib * 1024.0);
        double[] all = new double[size];
        comm.allgather(new double[] {ratio}, all);
        double[] times = new double[size];
        comm.allgather(new double[] {seconds}, times);
        int[] okInt = {ok ? 1 : 0};
        int[] allOk = new int[1];
        comm.allreduce(okInt, allOk, org.mpi4j.Op.MIN);
        if (rank == 0) {
            double max = 0;
            double slowest = 0;
            for (int i = 0; i < size; i++) {
                max = Math.max(max, all[i]);
                slowest = Math.max(slowest, times[i]);
            }
            out.printf(Locale.ROOT, "# objectmemory: long[] of %d MiB, isendObject + %s, %d ranks%n", mib,
                    recv.equals("mprobe") ? "mprobeObject + irecv" : "recvObject", size);
            out.printf(Locale.ROOT, "peak RSS above start, max over ranks: %.2f x the array (data %s)%n", max,
                    allOk[0] == 1 ? "correct" : "WRONG");
            out.printf(Locale.ROOT, "exchange (isendObject to waitFor of both), slowest rank: %.3f s%n", slowest);
        }
        return allOk[0] == 1 ? 0 : 1;
    }
}
