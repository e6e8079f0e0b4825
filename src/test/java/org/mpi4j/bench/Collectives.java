package org.mpi4j.bench;

import org.mpi4j.Intracomm;
import org.mpi4j.Op;

/** What the collective benches share with pingpong.c: the mean over ranks and the result check. */
final class Collectives {
    private Collectives() {
    }

    /** pingpong.c's {@code mean_over_ranks}: the per-rank mean call time in us, averaged over ranks. */
    static double meanOverRanks(Intracomm comm, double totalSeconds, int iters) {
        double[] mine = {totalSeconds * 1e6 / iters};
        double[] sum = new double[1];
        comm.allreduce(mine, sum, Op.SUM);
        return sum[0] / comm.size();
    }

    /** Element 1234 of the large allreduce is {@code n * 234 + n(n-1)/2}; warns on stderr if not. */
    static void checkSum(Intracomm comm, double got, String impl) {
        int n = comm.size();
        double want = n * (1234 % 1000) + n * (n - 1) / 2.0;
        if (comm.rank() == 0 && got != want) {
            System.err.printf("bench %s: allreduce result looks wrong (%g, expected %g)%n", impl, got, want);
        }
    }
}
