package org.mpi4j.testing.programs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.mpi4j.futures.MpiExecutor;
import org.mpi4j.futures.Run;

/**
 * Run by org.mpi4j.futures.Run: the main method throws with tasks still queued. The runner must
 * cancel what was not sent, release the workers and end the job with a failure, quickly.
 */
public final class FuturesRootThrows {
    private FuturesRootThrows() {
    }

    static int nap() throws InterruptedException {
        Thread.sleep(200);
        return 1;
    }

    public static void main(String[] args) {
        MpiExecutor ex = Run.executor();
        List<CompletableFuture<Integer>> futures = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            futures.add(ex.submit(() -> nap()));
        }
        throw new IllegalStateException("the root fails with " + futures.size() + " tasks submitted");
    }
}
