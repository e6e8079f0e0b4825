import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import org.mpi4j.AccessMode;
import org.mpi4j.Intracomm;
import org.mpi4j.MPI;

/**
 * The mpi4py tutorial's "Collective I/O with NumPy arrays": every rank writes 10 ints holding its
 * rank, collectively, at offset rank * 40 bytes of one file. Then every rank reads the whole file
 * back and checks it byte by byte. Argument: the directory for the file.
 */
public class IoContiguous {
    public static void main(String[] args) {
        Intracomm comm = MPI.COMM_WORLD;
        int rank = comm.rank();
        int size = comm.size();
        Path path = Path.of(args.length > 0 ? args[0] : ".", "datafile.contig");

        int[] buffer = new int[10];
        java.util.Arrays.fill(buffer, rank);
        MemorySegment seg = MemorySegment.ofArray(buffer);
        long offset = rank * seg.byteSize();
        // org.mpi4j.File, not java.io.File
        try (org.mpi4j.File fh = org.mpi4j.File.open(comm, path, AccessMode.WRONLY, AccessMode.CREATE)) {
            fh.writeAtAll(offset, seg);
        }

        int[] all = new int[10 * size];
        try (org.mpi4j.File fh = org.mpi4j.File.open(comm, path, AccessMode.RDONLY)) {
            fh.readAtAll(0, MemorySegment.ofArray(all));
        }
        for (int i = 0; i < all.length; i++) {
            if (all[i] != i / 10) {
                throw new AssertionError("rank " + rank + ": int " + i + " of the file is " + all[i]);
            }
        }
        comm.barrier();
        if (rank == 0) {
            org.mpi4j.File.delete(path);
            System.out.println("contiguous: " + size + " ranks wrote " + all.length * 4 + " bytes, read back: ok");
        }
    }
}
