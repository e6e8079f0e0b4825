package org.mpi4j.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measurements kept in memory until the run ends: printing between measurements would run (and
 * compile) formatting code in the middle of the timed phases.
 */
final class Results {
    /** One measurement: a CSV line of {@code run_peers.sh}. */
    record Result(String impl, String bench, long sizeBytes, double value, String unit) {
        String csv() {
            return String.format(Locale.ROOT, "%s,%s,%d,%.3f,%s", impl, bench, sizeBytes, value, unit);
        }
    }

    private final List<Result> results = new ArrayList<>();
    private final List<String> jitNotes = new ArrayList<>();
    private final boolean keep;
    private final boolean watchJit;
    private long jitOfLastBench;

    /**
     * @param keep false for the warm-up pass, whose numbers are thrown away
     * @param watchJit whether to note each timed bench during which the JIT compiled
     */
    Results(boolean keep, boolean watchJit) {
        this.keep = keep;
        this.watchJit = watchJit;
    }

    /** A bench method: runs the plan, returns the measurement. */
    @FunctionalInterface
    interface BenchMethod {
        double run(Plan plan);
    }

    /**
     * Runs {@code bench}: with {@code plan} in the timed pass; in the warm-up pass as {@code warm}
     * says (the result is then 0 and dropped).
     */
    double time(BenchMethod bench, Plan plan, Plan.Warm warm, double scale) {
        // the timed pass warms up again right before timing: the benches run in between can make
        // the JIT recompile this one (measured: a small allreduce then timed at 8 us instead of 0.4)
        for (int k = warm.calls(scale); k > 0; k--) {
            bench.run(warm.plan());
        }
        if (!keep) {
            return 0;
        }
        long jit = watchJit ? JitMeter.millis() : 0;
        double value = bench.run(plan);
        jitOfLastBench = watchJit ? JitMeter.millis() - jit : 0;
        return value;
    }

    void add(String impl, String bench, long sizeBytes, double value, String unit) {
        if (keep) {
            results.add(new Result(impl, bench, sizeBytes, value, unit));
            if (jitOfLastBench > 0) {
                jitNotes.add(String.format(Locale.ROOT, "%s %s %d: JIT compiled for %d ms while timed", impl, bench,
                        sizeBytes, jitOfLastBench));
            }
            jitOfLastBench = 0;
        }
    }

    /** The timed benches during which the JIT compiled (with {@code watchJit}). */
    List<String> jitNotes() {
        return List.copyOf(jitNotes);
    }

    List<Result> all() {
        return List.copyOf(results);
    }

    /** CSV lines {@code impl,bench,size_bytes,value,unit}, as pingpong.c prints them. */
    void printCsv(PrintStream out) {
        for (Result r : results) {
            out.println(r.csv());
        }
        out.flush();
    }

    /** An aligned table for people. */
    void printTable(PrintStream out) {
        out.printf(Locale.ROOT, "%-12s %-24s %12s %14s  %s%n", "# impl", "bench", "size_bytes", "value", "unit");
        for (Result r : results) {
            out.printf(Locale.ROOT, "%-12s %-24s %12d %14.3f  %s%n", r.impl(), r.bench(), r.sizeBytes(), r.value(),
                    r.unit());
        }
        out.flush();
    }
}
