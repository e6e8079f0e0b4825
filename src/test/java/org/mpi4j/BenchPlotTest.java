package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mpi4j.bench.Plot;

/** The plot tool reads run_peers.sh's CSV, draws a PNG and prints the medians with their ratios. */
class BenchPlotTest {
    static final String CSV = """
            run,impl,bench,size_bytes,value,unit
            1,c,latency,8,0.400,us
            2,c,latency,8,0.500,us
            3,c,latency,8,0.600,us
            1,c,latency,4096,1.000,us
            1,c,bandwidth,4096,2000.000,MB/s
            1,c,bandwidth,4194304,8000.000,MB/s
            1,mpi4py-buf,latency,8,1.000,us
            1,mpi4py-buf,latency,4096,2.000,us
            1,mpi4py-buf,bandwidth,4194304,7000.000,MB/s
            1,mpi4j,latency,8,0.550,us
            2,mpi4j,latency,8,0.450,us
            1,mpi4j,latency,4096,1.100,us
            1,mpi4j,bandwidth,4096,1900.000,MB/s
            1,mpi4j,bandwidth,4194304,8000.000,MB/s
            1,mpi4j-heap,latency,8,0.600,us
            1,mpi4py-obj,obj_dict,47,4.000,us
            1,mpi4j,obj_dict,30,1.000,us
            """;

    @Test
    void drawsAPngAndPrintsMediansWithRatios(@TempDir Path dir) throws Exception {
        System.setProperty("java.awt.headless", "true");
        Path csv = dir.resolve("peers.csv");
        Files.writeString(csv, CSV);
        Plot.Medians m = Plot.medians(Plot.read(csv));
        Path png = dir.resolve("plot/peers.png");
        Plot.chart(m, png);
        try (InputStream in = Files.newInputStream(png)) {
            assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(in.readNBytes(4), 4));
        }
        assertTrue(Files.size(png) > 10_000, "a chart, not an empty image: " + Files.size(png));

        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Plot.table(m, new PrintStream(buf, true, StandardCharsets.UTF_8));
        List<String> lines = buf.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals("| bench | size | unit | c | mpi4py-buf | mpi4j | mpi4j-heap | mpi4j / c | mpi4j / mpi4py "
                + "| mpi4j-heap / c | mpi4j-heap / mpi4py |", lines.get(0));
        // medians: c 0.5 (of 0.4, 0.5, 0.6), mpi4j 0.5 (of 0.45, 0.55)
        assertTrue(lines.contains("| latency | 8 | us | 0.500 | 1.000 | 0.500 | 0.600 | 1.00x | 0.50x | 1.20x | 0.60x |"),
                String.join("\n", lines));
        assertTrue(lines.contains("| bandwidth | 4M | MB/s | 8000 | 7000 | 8000 | - | 1.00x | 1.14x | - | - |"),
                String.join("\n", lines));
        assertTrue(lines.contains("| obj_dict | 4.000 (47 B) | 1.000 (30 B) | 0.25x |"), String.join("\n", lines));
    }

    @Test
    void readsTheBenchsOwnCsvToo(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("own.csv");
        Files.writeString(csv, "mpi4j,latency,8,0.700,us\nnot,a,result\nmpi4j,bandwidth,4096,1500.000,MB/s\n");
        List<Plot.Row> rows = Plot.read(csv);
        assertEquals(List.of(new Plot.Row(1, "mpi4j", "latency", 8, 0.7, "us"),
                new Plot.Row(1, "mpi4j", "bandwidth", 4096, 1500.0, "MB/s")), rows);
    }
}
