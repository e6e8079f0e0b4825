import org.mpi4j.MPI;

/** Every rank says who and where it is: mpiexec -n 4 java ... org.mpi4j.Run examples/HelloWorld.java */
public class HelloWorld {
    public static void main(String[] args) {
        int rank = MPI.COMM_WORLD.rank();
        int size = MPI.COMM_WORLD.size();
        // one println per line keeps the ranks' lines whole when mpiexec merges their output
        System.out.println("Hello, World! I am process " + rank + " of " + size + " on " + MPI.processorName() + ".");
    }
}
