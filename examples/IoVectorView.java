import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import org.mpi4j.AccessMode;
import org.mpi4j.Datatype;
import org.mpi4j.Intracomm;
import org.mpi4j.MPI;

/**
 * The mpi4py tutorial's "Non-contiguous Collective I/O with NumPy arrays and datatypes": every rank
 * writes 10 ints holding its rank through a file view whose file type is a vector (one int every
 * {@code size} ints) displaced by rank ints, so the ranks' ints interleave in the file:
 * 0 1 2 .. 0 1 2 ... Then every rank reads the whole file back and checks it byte by byte.
 * Argument: the directory for the file.
 */
public class IoVectorView {
    public static void main(String[] args) {
        Intracomm comm = MPI.COMM_WORLD;
        int rank = comm.rank();
        int size = comm.size();
        Path path = Path.of(args.length > 0 ? args[0] : ".", "datafile.noncontig");

        int itemCount = 10;
        int[] buffer = new int[itemCount];
        java.util.Arrays.fill(buffer, rank);
        try (org.mpi4j.File fh = org.mpi4j.File.open(comm, path, AccessMode.WRONLY, AccessMode.CREATE);
                Datatype filetype = Datatype.INT.vector(itemCount, 1, size).commit()) {
            long displacement = Datatype.INT.size() * rank;
            fh.setView(displacement, Datatype.INT, filetype, org.mpi4j.File.NATIVE);
            fh.writeAll(MemorySegment.ofArray(buffer), itemCount, Datatype.INT);
        }

        byte[] bytes = new byte[4 * itemCount * size];
        try (org.mpi4j.File fh = org.mpi4j.File.open(comm, path, AccessMode.RDONLY)) {
            fh.readAtAll(0, MemorySegment.ofArray(bytes));
        }
        for (int i = 0; i < bytes.length; i++) {
            // int i/4 of the file holds rank (i/4) % size, in native byte order
            int value = (i / 4) % size;
            byte expected = (byte) (java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.LITTLE_ENDIAN
                    ? value >>> (8 * (i % 4)) : value >>> (8 * (3 - i % 4)));
            if (bytes[i] != expected) {
                throw new AssertionError("rank " + rank + ": byte " + i + " of the file is " + bytes[i]);
            }
        }
        comm.barrier();
        if (rank == 0) {
            org.mpi4j.File.delete(path);
            System.out.println("vector view: " + size + " ranks interleaved " + itemCount
                    + " ints each, read back: ok");
        }
    }
}
