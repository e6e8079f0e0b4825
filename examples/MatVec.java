import org.mpi4j.Intracomm;
import org.mpi4j.MPI;
import org.mpi4j.Op;

/**
 * The mpi4py tutorial's parallel matrix-vector product y = A x. Each of the p ranks owns m rows
 * of the (m p) x (m p) matrix A and the matching m entries of x; an allgather assembles the whole
 * x everywhere, then each rank multiplies its rows locally. Here A[i][j] = (i + 2 j) % 5 and
 * x[j] = j, so every entry of y can be checked against a serial computation.
 */
public class MatVec {
    static double[] matvec(Intracomm comm, double[] a, int m, double[] x) {
        int p = comm.size();
        double[] xg = new double[m * p];
        comm.allgather(x, xg);
        double[] y = new double[m];
        for (int i = 0; i < m; i++) {
            double s = 0;
            for (int j = 0; j < xg.length; j++) {
                s += a[i * xg.length + j] * xg[j];
            }
            y[i] = s;
        }
        return y;
    }

    public static void main(String[] args) {
        Intracomm comm = MPI.COMM_WORLD;
        int p = comm.size();
        int rank = comm.rank();
        int m = 50;
        int n = m * p;
        double[] a = new double[m * n];
        double[] x = new double[m];
        for (int i = 0; i < m; i++) {
            int gi = rank * m + i;
            for (int j = 0; j < n; j++) {
                a[i * n + j] = (gi + 2 * j) % 5;
            }
            x[i] = gi;
        }
        double[] y = matvec(comm, a, m, x);
        double local = 0;
        for (int i = 0; i < m; i++) {
            int gi = rank * m + i;
            double expected = 0;
            for (int j = 0; j < n; j++) {
                expected += ((gi + 2 * j) % 5) * (double) j;
            }
            if (y[i] != expected) {
                throw new AssertionError("y[" + gi + "] = " + y[i] + ", expected " + expected);
            }
            local += y[i];
        }
        double[] total = new double[1];
        comm.allreduce(new double[] {local}, total, Op.SUM);
        if (rank == 0) {
            double expected = 0;
            for (int gi = 0; gi < n; gi++) {
                for (int j = 0; j < n; j++) {
                    expected += ((gi + 2 * j) % 5) * (double) j;
                }
            }
            System.out.printf("y = A x for n = %d on %d processes: sum(y) = %.1f (expected %.1f)%n", n, p, total[0],
                    expected);
        }
    }
}
