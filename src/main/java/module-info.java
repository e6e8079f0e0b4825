/**
 * mpi4j: the Message Passing Interface for Java, built on the Foreign Function &amp; Memory API.
 *
 * <p>The API lives in {@code org.mpi4j}; the jextract bindings in {@code org.mpi4j.ffi} are an
 * implementation detail and are not exported. Run with {@code --enable-native-access=org.mpi4j}
 * on the module path (or {@code --enable-native-access=ALL-UNNAMED} on the class path).
 */
module org.mpi4j {
    requires java.compiler;
    // MPI call events for Flight Recorder (MpiCallEvent, on with -Dmpi4j.jfr=true)
    requires jdk.jfr;
    // ExitWatch: the JDK reports Runtime.exit(status) to the system logger java.lang.Runtime
    requires java.logging;
    // only org.mpi4j.Shell uses it; resolved by default on the class path, --add-modules jdk.jshell on the module path
    requires static jdk.jshell;
    // object messaging: Kryo's types appear in KryoSerializer's API; Objenesis creates objects
    // without calling constructors
    requires transitive com.esotericsoftware.kryo;
    requires org.objenesis;

    // org.mpi4j.junit: the JUnit 5 extension for users' multi-rank tests (JUnit is optional)
    requires static org.junit.jupiter.api;
    requires static org.junit.platform.launcher;

    exports org.mpi4j;
    exports org.mpi4j.util;
    exports org.mpi4j.futures;
    exports org.mpi4j.junit;
}
