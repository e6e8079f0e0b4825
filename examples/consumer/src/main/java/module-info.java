/** The consumer as a module: it reads org.mpi4j, and exports its main class to the runner. */
module com.example {
    requires org.mpi4j;
    exports com.example;
}
