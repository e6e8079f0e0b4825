import java.awt.image.BufferedImage;
import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.mpi4j.MPI;
import org.mpi4j.futures.MpiCommExecutor;

/**
 * The Mandelbrot set, one row per task: rank 0 maps the rows over the other ranks with an
 * MpiCommExecutor (mpi4py.futures' MPICommExecutor), writes the image as a PNG, and checks it
 * against a serial computation.
 *
 * <pre>
 * mpiexec -n 4 java --enable-native-access=ALL-UNNAMED -cp 'mpi4j.jar:lib/*' org.mpi4j.Run examples/Mandelbrot.java [out.png]
 * </pre>
 */
public class Mandelbrot {
    static final int WIDTH = 480;
    static final int HEIGHT = 320;
    static final int MAX_ITERATIONS = 255;

    /** A row of escape counts, and the rank that computed it. */
    record Row(int y, int rank, int[] counts) {
    }

    static int[] row(int y) {
        int[] counts = new int[WIDTH];
        double ci = -1.0 + 2.0 * y / (HEIGHT - 1);
        for (int x = 0; x < WIDTH; x++) {
            double cr = -2.0 + 3.0 * x / (WIDTH - 1);
            double zr = 0;
            double zi = 0;
            int n = 0;
            while (n < MAX_ITERATIONS && zr * zr + zi * zi <= 4) {
                double t = zr * zr - zi * zi + cr;
                zi = 2 * zr * zi + ci;
                zr = t;
                n++;
            }
            counts[x] = n;
        }
        return counts;
    }

    public static void main(String[] args) throws Exception {
        String out = args.length > 0 ? args[0] : "mandelbrot.png";
        try (MpiCommExecutor executor = MpiCommExecutor.create(MPI.COMM_WORLD, 0)) {
            if (!executor.isRoot()) {
                return; // this rank served rows until the root closed the executor
            }
            List<Integer> ys = IntStream.range(0, HEIGHT).boxed().toList();
            List<Row> rows = executor.map((Integer y) -> new Row(y, MPI.COMM_WORLD.rank(), row(y)), ys, 4).toList();

            BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
            boolean matches = true;
            TreeSet<Integer> ranks = new TreeSet<>();
            for (Row r : rows) {
                ranks.add(r.rank());
                matches &= Arrays.equals(r.counts(), row(r.y()));
                for (int x = 0; x < WIDTH; x++) {
                    int n = r.counts()[x];
                    int c = n == MAX_ITERATIONS ? 0 : (int) (255 * Math.sqrt((double) n / MAX_ITERATIONS));
                    image.setRGB(x, r.y(), (c / 3 << 16) | (c << 8) | c);
                }
            }
            ImageIO.write(image, "png", new File(out));
            System.out.println("Mandelbrot " + WIDTH + "x" + HEIGHT + ": " + rows.size() + " rows by "
                    + executor.workerCount() + " workers on ranks " + ranks + ", written to " + out);
            System.out.println("matches the serial computation: " + matches);
        }
    }
}
