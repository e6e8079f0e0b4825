import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import org.mpi4j.Comm;
import org.mpi4j.Intracomm;
import org.mpi4j.MPI;

/**
 * mpi4py's "Wrapping with F2Py" in Java: a Fortran routine receives an mpi4j communicator as a
 * Fortran integer handle. The "Fortran library" here is Open MPI's own Fortran binding
 * ({@code mpi_comm_size_} and {@code mpi_comm_rank_} in libmpi_mpifh), called as Fortran code is:
 * every argument by reference, the error code last.
 *
 * <pre>mpiexec -n 4 java --enable-native-access=ALL-UNNAMED ... org.mpi4j.Run examples/HelloF2py.java</pre>
 */
public class HelloF2py {
    /** The "Fortran library": {@code subroutine sayhello(comm)} with {@code integer comm}. */
    static void sayhello(int fcomm) throws Throwable {
        Linker linker = Linker.nativeLinker();
        SymbolLookup mpifh = SymbolLookup.libraryLookup("libmpi_mpifh.so.40", Arena.global());
        FunctionDescriptor byRef = FunctionDescriptor.ofVoid(ValueLayout.ADDRESS, ValueLayout.ADDRESS,
                ValueLayout.ADDRESS);
        MethodHandle commSize = linker.downcallHandle(mpifh.find("mpi_comm_size_").orElseThrow(), byRef);
        MethodHandle commRank = linker.downcallHandle(mpifh.find("mpi_comm_rank_").orElseThrow(), byRef);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment comm = arena.allocateFrom(ValueLayout.JAVA_INT, fcomm);
            MemorySegment size = arena.allocate(ValueLayout.JAVA_INT);
            MemorySegment rank = arena.allocate(ValueLayout.JAVA_INT);
            MemorySegment ierr = arena.allocate(ValueLayout.JAVA_INT);
            commSize.invokeExact(comm, size, ierr);
            int err1 = ierr.get(ValueLayout.JAVA_INT, 0);
            commRank.invokeExact(comm, rank, ierr);
            if (err1 != 0 || ierr.get(ValueLayout.JAVA_INT, 0) != 0) {
                throw new IllegalStateException("mpi_comm_size/rank failed");
            }
            System.out.println("Hello, World! I am process " + rank.get(ValueLayout.JAVA_INT, 0) + " of "
                    + size.get(ValueLayout.JAVA_INT, 0) + ".");
        }
    }

    public static void main(String[] args) throws Throwable {
        // a communicator of mpi4j's own making, handed to "Fortran" and rebuilt from the integer
        try (Intracomm comm = MPI.COMM_WORLD.dup()) {
            sayhello(comm.toFortran());
            Comm back = Comm.fromFortran(comm.toFortran());
            if (!back.equals(comm) || !back.isBorrowed()) {
                throw new IllegalStateException("fromFortran(toFortran()) is not the same communicator");
            }
        }
    }
}
