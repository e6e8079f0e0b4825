package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mpi4j.testing.Mpiexec;
import org.mpi4j.testing.programs.PortPeers;

/**
 * A server job and a client job, launched separately, meet through a name published on Open
 * MPI's name server ({@code ompi-server}) and talk over the intercommunicator accept/connect give.
 */
class ClientServerAcrossJobsTest {

    static List<String> job(Path uri, int np, String role) {
        List<String> cmd = new ArrayList<>(List.of("mpiexec", "--ompi-server", "file:" + uri, "--oversubscribe",
                "--bind-to", "none", "-n", Integer.toString(np)));
        cmd.addAll(Mpiexec.java("org.mpi4j.Run", PortPeers.class.getName(), role));
        return cmd;
    }

    @Test
    void twoJobsConnectThroughAPublishedName() throws Exception {
        Path dir = Files.createTempDirectory("mpi4j-ompi-server");
        Path uri = dir.resolve("uri");
        ProcessBuilder pb = new ProcessBuilder("ompi-server", "--no-daemonize", "-r", uri.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile());
        // not a member of this JVM's own MPI job (a singleton once any test of this JVM used MPI):
        // without the job's variables, as the harness starts mpiexec; as root (CI), Open MPI's
        // tools refuse to start without the two ALLOW variables
        pb.environment().keySet().removeIf(k -> k.startsWith("OMPI_") || k.startsWith("PMIX_")
                || k.startsWith("OPAL_") || k.startsWith("ORTE_"));
        pb.environment().put("OMPI_ALLOW_RUN_AS_ROOT", "1");
        pb.environment().put("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1");
        Process nameServer = pb.start();
        try {
            for (int i = 0; i < 100 && (!Files.exists(uri) || Files.size(uri) == 0); i++) {
                Thread.sleep(100);
            }
            assertTrue(Files.exists(uri), () -> "ompi-server wrote no URI: " + readLog(dir));
            CompletableFuture<Mpiexec.Result> server = CompletableFuture.supplyAsync(
                    () -> Mpiexec.exec(job(uri, 2, "server"), 120));
            Mpiexec.Result client = Mpiexec.exec(job(uri, 3, "client"), 120);
            Mpiexec.Result s = server.get(150, TimeUnit.SECONDS);
            assertEquals(0, s.exitCode(), s.output());
            assertEquals(0, client.exitCode(), client.output());
            for (int r = 0; r < 2; r++) {
                assertEquals(1, s.count("server rank " + r + " of 2 sees remote ranks [0, 1, 2]"), s.output());
            }
            for (int r = 0; r < 3; r++) {
                assertEquals(1, client.count("client rank " + r + " of 3 sees remote ranks [0, 1]"), client.output());
            }
        } finally {
            nameServer.destroy();
            nameServer.waitFor(10, TimeUnit.SECONDS);
            try (var files = Files.list(dir)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
    }

    private static String readLog(Path dir) {
        try {
            return Files.readString(dir.resolve("log"));
        } catch (java.io.IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
