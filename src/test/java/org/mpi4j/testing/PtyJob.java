package org.mpi4j.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * An {@code mpiexec} job on a pseudo-terminal, typed into as a user types into a terminal (util-linux
 * {@code script} provides the terminal): what a test needs to prove what keys such as Ctrl-C do.
 */
public final class PtyJob implements AutoCloseable {
    private final Process process;
    private final OutputStream keys;
    private final StringBuffer output = new StringBuffer();

    private PtyJob(Process process) {
        this.process = process;
        this.keys = process.getOutputStream();
        Thread.ofPlatform().daemon().start(() -> {
            try (InputStream in = process.getInputStream()) {
                byte[] buf = new byte[4096];
                for (int n; (n = in.read(buf)) >= 0;) {
                    output.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                // the job ended
            }
        });
    }

    /** Starts {@code command} on {@code np} ranks, on a terminal of its own. */
    public static PtyJob start(int np, List<String> command) {
        List<String> cmd = new ArrayList<>(List.of("mpiexec", "--oversubscribe", "--bind-to", "none", "-n",
                Integer.toString(np)));
        cmd.addAll(command);
        String line = cmd.stream().map(a -> "'" + a.replace("'", "'\\''") + "'").collect(Collectors.joining(" "));
        ProcessBuilder pb = new ProcessBuilder("script", "-qfec", line, "/dev/null").redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("OMPI_") || k.startsWith("PMIX_") || k.startsWith("OPAL_")
                || k.startsWith("ORTE_"));
        env.put("OMPI_ALLOW_RUN_AS_ROOT", "1");
        env.put("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1");
        try {
            return new PtyJob(pb.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything the terminal showed so far. */
    public String output() {
        return output.toString();
    }

    /** Waits until the terminal has shown {@code text} {@code times} times; false on timeout. */
    public boolean await(String text, int times, int timeoutSeconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (System.nanoTime() < end) {
            if (output().split(java.util.regex.Pattern.quote(text), -1).length - 1 >= times) {
                return true;
            }
            if (!process.isAlive()) {
                return false;
            }
            Thread.sleep(50);
        }
        return false;
    }

    /** Types {@code keys} (a Ctrl-C is {@code "\u0003"}). */
    public void type(String text) throws IOException {
        keys.write(text.getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }

    /** The job's exit status once it ended within the timeout, or -1 after killing it. */
    public int waitFor(int timeoutSeconds) throws InterruptedException {
        if (process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            return process.exitValue();
        }
        close();
        return -1;
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
