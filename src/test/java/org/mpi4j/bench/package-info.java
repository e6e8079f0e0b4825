/**
 * mpi4j's benchmark command, {@code python -m mpi4py.bench} for Java: {@link org.mpi4j.bench.Bench}
 * with the subcommands {@code helloworld}, {@code ringtest}, {@code pingpong}, {@code allreduce},
 * {@code bcast}, {@code objects}, {@code alloc} and {@code peers}. The {@code peers} mode prints
 * the CSV of {@code ../shared/bench/pingpong.c} so that {@code run_peers.sh} puts mpi4j beside C
 * and mpi4py. Not exported by the module: run it from the class path or with
 * {@code -m org.mpi4j/org.mpi4j.bench.Bench}.
 */
package org.mpi4j.bench;
