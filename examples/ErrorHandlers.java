import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mpi4j.AccessMode;
import org.mpi4j.Errhandler;
import org.mpi4j.File;
import org.mpi4j.Intracomm;
import org.mpi4j.Keyval;
import org.mpi4j.MPI;
import org.mpi4j.MpiException;
import org.mpi4j.Win;

/**
 * Error handlers written in Java for a window and for files, and a Java object cached on the
 * window (an attribute): a library built on MPI labels its window, reports its own error code
 * through the window's handler, and logs the files it fails to open.
 *
 * <pre>mpiexec -n 2 java --enable-native-access=ALL-UNNAMED ... org.mpi4j.Run examples/ErrorHandlers.java</pre>
 */
public class ErrorHandlers {
    public static void main(String[] args) throws Exception {
        Intracomm world = MPI.COMM_WORLD;
        int rank = world.rank();

        // the library's own error: a class, a code in it, and its text
        int widgetBroke = MPI.addErrorCode(MPI.addErrorClass());
        MPI.addErrorString(widgetBroke, "mylib: the widget broke");

        // a window labelled through a keyval; its handler reads the label back from the window
        try (Keyval<String> label = Keyval.forWin(v -> System.out.println("rank " + rank + ": label '" + v
                + "' deleted with its window"));
                Errhandler logWin = Errhandler.forWin((win, code) -> System.out.println("rank " + rank
                        + ": error on window '" + win.getAttr(label).orElse("?") + "': " + MPI.errorString(code)));
                Win win = Win.allocate(1024, 8, world)) {
            win.setAttr(label, "halo");
            win.setErrhandler(logWin);
            win.callErrhandler(widgetBroke); // as MPI does on an error in a call on the window
            win.setErrhandler(Errhandler.ERRORS_RETURN);
        }

        // files that cannot be opened are reported to the default file handler, then the call throws
        List<Integer> seen = new ArrayList<>();
        Path missing = Files.createTempDirectory("mpi4j-example").resolve("missing-" + rank);
        try (Errhandler logFiles = Errhandler.forFile((file, code) -> seen.add(code))) {
            File.setDefaultErrhandler(logFiles);
            try {
                File.open(MPI.COMM_SELF, missing, AccessMode.RDONLY).close();
            } catch (MpiException e) {
                System.out.println("rank " + rank + ": open failed with " + e.errorClass() + ", the file handler saw "
                        + (seen.equals(List.of(e.errorCode())) ? "it" : "something else: " + seen));
            } finally {
                File.setDefaultErrhandler(Errhandler.ERRORS_RETURN);
                Files.delete(missing.getParent());
            }
        }
    }
}
