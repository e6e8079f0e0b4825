import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import org.mpi4j.Comm;
import org.mpi4j.MPI;

/**
 * mpi4py's "Wrapping with SWIG" in Java: a native routine (here MPI's own C functions, called
 * through this program's own FFM downcalls, as any native library would call them) receives an
 * mpi4j communicator's raw handle.
 *
 * <pre>mpiexec -n 4 java --enable-native-access=ALL-UNNAMED ... org.mpi4j.Run examples/HelloSwig.java</pre>
 */
public class HelloSwig {
    /** The "native library": {@code void sayhello(MPI_Comm comm)} written against MPI's C API. */
    static void sayhello(MemorySegment comm) throws Throwable {
        Linker linker = Linker.nativeLinker();
        SymbolLookup libmpi = SymbolLookup.libraryLookup("libmpi.so.40", Arena.global());
        FunctionDescriptor intOut = FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS);
        MethodHandle commSize = linker.downcallHandle(libmpi.find("MPI_Comm_size").orElseThrow(), intOut);
        MethodHandle commRank = linker.downcallHandle(libmpi.find("MPI_Comm_rank").orElseThrow(), intOut);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment size = arena.allocate(ValueLayout.JAVA_INT);
            MemorySegment rank = arena.allocate(ValueLayout.JAVA_INT);
            if ((int) commSize.invokeExact(comm, size) != 0 || (int) commRank.invokeExact(comm, rank) != 0) {
                throw new IllegalStateException("MPI_Comm_size/rank failed");
            }
            System.out.println("Hello, World! I am process " + rank.get(ValueLayout.JAVA_INT, 0) + " of "
                    + size.get(ValueLayout.JAVA_INT, 0) + ".");
        }
    }

    public static void main(String[] args) throws Throwable {
        Comm world = MPI.COMM_WORLD;
        sayhello(world.toHandle());
        // and back: the raw handle names the same communicator
        if (Comm.fromHandle(world.toHandle()) != world) {
            throw new IllegalStateException("fromHandle(toHandle()) is not COMM_WORLD");
        }
    }
}
