package org.mpi4j.testing;

import java.util.ArrayList;
import java.util.List;
import org.mpi4j.junit.RankRunner;

/**
 * The main class each rank runs under {@code mpiexec} in the multi-rank test runs: the library's
 * {@link RankRunner} (the one {@code @org.mpi4j.junit.MpiTest} uses) over the {@link MpiTest}
 * classes of {@code org.mpi4j} (tag {@code mpi}), or those named in the arguments, appending one
 * line per event to {@code DIR/rank-R.txt} as it goes, so a hang still shows where each rank was.
 *
 * <p>Usage: {@code RankLauncher DIR [class ...]}. Exit status: 0 if every test passed.
 */
public final class RankLauncher {
    private RankLauncher() {
    }

    public static void main(String[] args) throws Exception {
        List<String> runner = new ArrayList<>(List.of(args[0], "--tag=mpi"));
        if (args.length == 1) {
            runner.add("--package=org.mpi4j");
        }
        runner.addAll(List.of(args).subList(1, args.length));
        RankRunner.main(runner.toArray(String[]::new));
    }
}
