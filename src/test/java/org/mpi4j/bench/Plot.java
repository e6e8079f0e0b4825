package org.mpi4j.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws a benchmark CSV (from {@code run_peers.sh}: {@code run,impl,bench,size_bytes,value,unit},
 * or the bench's own {@code impl,bench,size_bytes,value,unit}) as a PNG with two panels, latency
 * and bandwidth against message size for every impl (medians over the runs), and prints the
 * medians as a Markdown table with ratios to C and to mpi4py.
 *
 * <p>Lives in the test tree so that XChart, a test-scoped dependency, stays out of the library
 * jar. Run it with {@code bin/mpi4j-bench plot OUT.csv OUT.png}.
 */
public final class Plot {
    private Plot() {
    }

    /** One CSV line. */
    public record Row(int run, String impl, String bench, long size, double value, String unit) {
    }

    /** Medians by impl, then by (bench, size). */
    public record Medians(Map<String, Map<Key, Double>> byImpl, Map<Key, String> units, Map<Key, Integer> runs) {
        /** The median of {@code impl} at {@code key}, or null. */
        public Double get(String impl, Key key) {
            Map<Key, Double> m = byImpl.get(impl);
            return m == null ? null : m.get(key);
        }
    }

    /** A bench at one size. */
    public record Key(String bench, long size) {
    }

    /** {@code Plot IN.csv [OUT.png]}: writes the chart (default: IN with .png) and prints the table. */
    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: Plot IN.csv [OUT.png]");
            System.exit(2);
        }
        Path in = Path.of(args[0]);
        Path out = args.length > 1 ? Path.of(args[1])
                : Path.of(in.toString().replaceFirst("\\.csv$", "") + ".png");
        Medians m = medians(read(in));
        chart(m, out);
        table(m, System.out);
        System.err.println("plot: wrote " + out);
    }

    /** Reads either CSV form; header lines and lines that are not results are skipped. */
    public static List<Row> read(Path csv) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(csv)) {
            String[] f = line.strip().split(",");
            try {
                if (f.length == 6) {
                    rows.add(new Row(Integer.parseInt(f[0]), f[1], f[2], Long.parseLong(f[3]),
                            Double.parseDouble(f[4]), f[5]));
                } else if (f.length == 5) {
                    rows.add(new Row(1, f[0], f[1], Long.parseLong(f[2]), Double.parseDouble(f[3]), f[4]));
                }
            } catch (NumberFormatException e) {
                // a header line
            }
        }
        return rows;
    }

    /** Medians over the runs of every (impl, bench, size). */
    public static Medians medians(List<Row> rows) {
        Map<String, Map<Key, List<Double>>> values = new LinkedHashMap<>();
        Map<Key, String> units = new LinkedHashMap<>();
        for (Row r : rows) {
            Key k = new Key(r.bench(), r.size());
            values.computeIfAbsent(r.impl(), x -> new LinkedHashMap<>()).computeIfAbsent(k, x -> new ArrayList<>())
                    .add(r.value());
            units.putIfAbsent(k, r.unit());
        }
        Map<String, Map<Key, Double>> med = new LinkedHashMap<>();
        Map<Key, Integer> runs = new LinkedHashMap<>();
        values.forEach((impl, byKey) -> byKey.forEach((k, v) -> {
            med.computeIfAbsent(impl, x -> new LinkedHashMap<>()).put(k, median(v));
            runs.merge(k, v.size(), Math::max);
        }));
        return new Medians(med, units, runs);
    }

    static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    /** The two panels side by side; a log x axis cannot show size 0, so latency starts at 1 byte. */
    public static void chart(Medians m, Path out) throws IOException {
        XYChart lat = panel("Ping-pong latency (half round trip; lower is better)", "latency [us]", true);
        XYChart bw = panel("Bandwidth, window of 64 messages (higher is better)", "bandwidth [MB/s]", false);
        bw.getStyler().setYAxisMin(0.0).setYAxisDecimalPattern("#,##0");
        for (var e : m.byImpl().entrySet()) {
            addSeries(lat, e.getKey(), e.getValue(), "latency");
            addSeries(bw, e.getKey(), e.getValue(), "bandwidth");
        }
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        String name = out.toString();
        BitmapEncoder.BitmapFormat format = BitmapEncoder.BitmapFormat.PNG;
        if (!name.toLowerCase(Locale.ROOT).endsWith(".png")) {
            throw new IllegalArgumentException("the plot is written as PNG: name it *.png (" + name + ")");
        }
        BitmapEncoder.saveBitmap(List.of(lat, bw), 1, 2, name.substring(0, name.length() - 4), format);
    }

    private static XYChart panel(String title, String yTitle, boolean logY) {
        XYChart c = new XYChartBuilder().width(760).height(520).title(title).xAxisTitle("message size [bytes]")
                .yAxisTitle(yTitle).build();
        c.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(logY).setLegendPosition(Styler.LegendPosition.InsideNW)
                .setMarkerSize(6);
        c.getStyler().setXAxisDecimalPattern("#,##0");
        c.getStyler().setSeriesMarkers(new org.knowm.xchart.style.markers.Marker[] {SeriesMarkers.CIRCLE,
                SeriesMarkers.SQUARE, SeriesMarkers.DIAMOND, SeriesMarkers.TRIANGLE_UP, SeriesMarkers.TRIANGLE_DOWN,
                SeriesMarkers.CROSS});
        return c;
    }

    private static void addSeries(XYChart chart, String impl, Map<Key, Double> values, String bench) {
        TreeMap<Long, Double> points = new TreeMap<>();
        values.forEach((k, v) -> {
            if (k.bench().equals(bench) && k.size() > 0 && v > 0) {
                points.put(k.size(), v);
            }
        });
        if (points.isEmpty()) {
            return;
        }
        double[] x = points.keySet().stream().mapToDouble(Long::doubleValue).toArray();
        double[] y = points.values().stream().mapToDouble(Double::doubleValue).toArray();
        chart.addSeries(impl, x, y);
    }

    /** Preferred column order: the reference peers first, then the others by name. */
    static List<String> columns(Medians m) {
        List<String> cols = new ArrayList<>();
        for (String p : List.of("c", "mpi4py-buf", "ompi-java")) {
            if (m.byImpl().containsKey(p)) {
                cols.add(p);
            }
        }
        m.byImpl().keySet().stream().filter(i -> !cols.contains(i) && !i.equals("mpi4py-obj")).sorted()
                .forEach(cols::add);
        return cols;
    }

    /** Markdown: buffer benches with ratios to C and mpi4py-buf, then object benches against mpi4py-obj. */
    public static void table(Medians m, PrintStream out) {
        List<String> cols = columns(m);
        List<String> others = cols.stream().filter(c -> !c.equals("c") && !c.equals("mpi4py-buf")).toList();
        Set<Key> keys = new LinkedHashSet<>();
        Set<String> objBenches = new LinkedHashSet<>();
        for (Map<Key, Double> byKey : m.byImpl().values()) {
            for (Key k : byKey.keySet()) {
                if (k.bench().startsWith("obj_")) {
                    objBenches.add(k.bench());
                } else {
                    keys.add(k);
                }
            }
        }
        StringBuilder head = new StringBuilder("| bench | size | unit |");
        StringBuilder rule = new StringBuilder("| --- | ---: | --- |");
        for (String c : cols) {
            head.append(' ').append(c).append(" |");
            rule.append(" ---: |");
        }
        for (String o : others) {
            if (m.byImpl().containsKey("c")) {
                head.append(' ').append(o).append(" / c |");
                rule.append(" ---: |");
            }
            if (m.byImpl().containsKey("mpi4py-buf")) {
                head.append(' ').append(o).append(" / mpi4py |");
                rule.append(" ---: |");
            }
        }
        out.println(head);
        out.println(rule);
        for (Key k : keys) {
            StringBuilder line = new StringBuilder("| " + k.bench() + " | " + size(k.size()) + " | "
                    + m.units().get(k) + " |");
            for (String c : cols) {
                line.append(' ').append(value(m.get(c, k))).append(" |");
            }
            for (String o : others) {
                if (m.byImpl().containsKey("c")) {
                    line.append(' ').append(ratio(m.get(o, k), m.get("c", k))).append(" |");
                }
                if (m.byImpl().containsKey("mpi4py-buf")) {
                    line.append(' ').append(ratio(m.get(o, k), m.get("mpi4py-buf", k))).append(" |");
                }
            }
            out.println(line);
        }
        if (objBenches.isEmpty()) {
            return;
        }
        List<String> objImpls = new ArrayList<>();
        m.byImpl().forEach((impl, byKey) -> {
            if (byKey.keySet().stream().anyMatch(k -> k.bench().startsWith("obj_"))) {
                objImpls.add(impl);
            }
        });
        objImpls.sort((a, b) -> a.equals("mpi4py-obj") ? -1 : b.equals("mpi4py-obj") ? 1 : a.compareTo(b));
        out.println();
        StringBuilder oh = new StringBuilder("| object bench (us, half round trip; message bytes) |");
        StringBuilder or = new StringBuilder("| --- |");
        for (String i : objImpls) {
            oh.append(' ').append(i).append(" |");
            or.append(" ---: |");
        }
        List<String> vsPy = objImpls.stream().filter(i -> !i.equals("mpi4py-obj")).toList();
        for (String i : vsPy) {
            if (objImpls.contains("mpi4py-obj")) {
                oh.append(' ').append(i).append(" / mpi4py-obj |");
                or.append(" ---: |");
            }
        }
        out.println(oh);
        out.println(or);
        for (String b : objBenches) {
            StringBuilder line = new StringBuilder("| " + b + " |");
            Map<String, Double> v = new LinkedHashMap<>();
            for (String i : objImpls) {
                Map.Entry<Key, Double> e = m.byImpl().get(i).entrySet().stream()
                        .filter(x -> x.getKey().bench().equals(b)).findFirst().orElse(null);
                if (e == null) {
                    line.append(" - |");
                } else {
                    v.put(i, e.getValue());
                    line.append(' ').append(value(e.getValue())).append(" (").append(size(e.getKey().size()))
                            .append(" B) |");
                }
            }
            for (String i : vsPy) {
                if (objImpls.contains("mpi4py-obj")) {
                    line.append(' ').append(ratio(v.get(i), v.get("mpi4py-obj"))).append(" |");
                }
            }
            out.println(line);
        }
    }

    static String size(long n) {
        if (n >= 1 << 20 && n % (1 << 20) == 0) {
            return (n >> 20) + "M";
        }
        if (n >= 1 << 10 && n % (1 << 10) == 0) {
            return (n >> 10) + "K";
        }
        return Long.toString(n);
    }

    static String value(Double v) {
        if (v == null) {
            return "-";
        }
        return v < 100 ? String.format(Locale.ROOT, "%.3f", v) : String.format(Locale.ROOT, "%.0f", v);
    }

    static String ratio(Double a, Double b) {
        if (a == null || b == null || b == 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.2fx", a / b);
    }
}
