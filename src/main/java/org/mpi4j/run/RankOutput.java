package org.mpi4j.run;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mpi4j.Intracomm;
import org.mpi4j.Status;

/**
 * Shows what every rank's snippet produced, on rank 0, in rank order: each line prefixed with the
 * rank ({@code [1] x ==> 1}); text that several ranks produced alike is shown once, prefixed with
 * those ranks ({@code [0-3] error: cannot find symbol}).
 */
final class RankOutput {
    private RankOutput() {
    }

    private static final int TAG = 0;

    /** Collective over {@code comm}: sends each rank's text to rank 0, which prints it. */
    static void gatherAndPrint(Intracomm comm, String text, PrintStream console) {
        if (comm.rank() != 0) {
            comm.send(text.getBytes(StandardCharsets.UTF_8), 0, TAG);
            return;
        }
        Map<String, List<Integer>> ranksByText = new LinkedHashMap<>();
        ranksByText.computeIfAbsent(text, t -> new ArrayList<>()).add(0);
        for (int r = 1; r < comm.size(); r++) {
            Status st = comm.probe(r, TAG);
            byte[] bytes = new byte[(int) st.byteCount()];
            comm.recv(bytes, r, TAG, null);
            ranksByText.computeIfAbsent(new String(bytes, StandardCharsets.UTF_8), t -> new ArrayList<>()).add(r);
        }
        ranksByText.forEach((t, ranks) -> {
            String prefix = "[" + ranges(ranks) + "] ";
            t.lines().forEach(l -> console.println(prefix + l));
        });
        console.flush();
    }

    /** Ascending ranks as ranges: 0-3, or 0,2-3. */
    static String ranges(List<Integer> ranks) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < ranks.size();) {
            int j = i;
            while (j + 1 < ranks.size() && ranks.get(j + 1) == ranks.get(j) + 1) {
                j++;
            }
            s.append(s.isEmpty() ? "" : ",").append(ranks.get(i));
            if (j > i) {
                s.append('-').append(ranks.get(j));
            }
            i = j + 1;
        }
        return s.toString();
    }
}
