package org.mpi4j.run;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a program given as source (a {@code .java} file, {@code -c} code or standard input)
 * into a temporary directory and loads the class with its main method.
 *
 * <p>Code that declares no type is taken as the statements of a main method, the way
 * {@code python -c} takes statements: it is wrapped in a class that imports what the shell
 * imports ({@link #AUTO_IMPORTS}), with {@code String[] args} in scope; leading {@code import}
 * declarations of the code stay imports. Line numbers in diagnostics and stack traces are those of
 * the code as given.
 */
final class SourceCompiler {
    private SourceCompiler() {
    }

    /** The program does not compile; the message holds javac's diagnostics. */
    static final class CompileError extends Exception {
        private static final long serialVersionUID = 1L;

        CompileError(String diagnostics) {
            super(diagnostics);
        }
    }

    /**
     * The imports code given to the runner ({@code -c}, {@code -}) or typed into the shell starts
     * with: jshell's default imports (its DEFAULT start-up), then mpi4j's.
     */
    static final List<String> AUTO_IMPORTS = List.of("java.io.*", "java.math.*", "java.net.*",
            "java.nio.file.*", "java.util.*", "java.util.concurrent.*", "java.util.function.*",
            "java.util.prefs.*", "java.util.regex.*", "java.util.stream.*", "org.mpi4j.*",
            "java.lang.foreign.*",
            // org.mpi4j.File over java.io.File, which the on-demand imports would make ambiguous
            "org.mpi4j.File");

    /** The class that wraps statements. */
    static final String WRAPPER = "Main";

    /** A top-level type declaration, or a top-level main method (a compact source file). */
    private static final Pattern DECLARES_TYPE = Pattern.compile(
            "(?m)^\\s*(?:(?:public|final|abstract|sealed|non-sealed|strictfp|static)\\s+)*"
                    + "(?:class|record|interface|enum|@interface)\\s+\\w+"
                    + "|(?m)^\\s*(?:public\\s+|static\\s+)*void\\s+main\\s*\\(");
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "(?m)^\\s*public\\s+(?:(?:final|abstract|sealed|non-sealed|strictfp)\\s+)*"
                    + "(?:class|record|interface|enum)\\s+(\\w+)");
    private static final Pattern LEADING_IMPORTS = Pattern.compile(
            "\\A(?:\\s*import\\s+(?:static\\s+)?[\\w.]+(?:\\.\\*)?\\s*;)+");

    /** Compiles the single-file program {@code source}. */
    static Class<?> compileFile(Path source) throws CompileError {
        if (!Files.isRegularFile(source)) {
            throw new IllegalArgumentException("no such file: " + source);
        }
        return compile(source, source.getFileName().toString().replaceFirst("\\.java$", ""), source.toString(), 0);
    }

    /**
     * Compiles {@code code}: a compilation unit if it declares a type or a top-level main method,
     * else statements wrapped in a main method.
     */
    static Class<?> compileText(String code, String origin) throws CompileError {
        String unit;
        String name;
        int shift = 0;
        if (DECLARES_TYPE.matcher(code).find()) {
            unit = code;
            Matcher m = PUBLIC_TYPE.matcher(code);
            name = m.find() ? m.group(1) : WRAPPER;
        } else {
            unit = wrapStatements(code);
            name = WRAPPER;
            shift = unit.indexOf(HEAD_END) + HEAD_END.length();
        }
        try {
            Path dir = Files.createTempDirectory("mpi4j-src");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
            Path file = dir.resolve(name + ".java");
            Files.writeString(file, unit, StandardCharsets.UTF_8);
            return compile(file, name, origin, shift);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String HEAD_END = " { public static void main(String[] args) throws Throwable { ";

    /**
     * javac's diagnostics as javac prints them, but named after where the code came from and,
     * for wrapped statements, with the columns of the code as given ({@code shift}: the length
     * of wrapper before the first line's code).
     */
    private static String format(List<Diagnostic<? extends JavaFileObject>> diagnostics, String origin, int shift) {
        StringBuilder out = new StringBuilder();
        int errors = 0;
        for (Diagnostic<? extends JavaFileObject> d : diagnostics) {
            if (d.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            errors++;
            long line = d.getLineNumber();
            out.append(origin).append(':').append(line).append(": error: ").append(d.getMessage(null)).append('\n');
            if (d.getSource() != null && line > 0) {
                try {
                    String text = d.getSource().getCharContent(true).toString().lines().skip(line - 1).findFirst()
                            .orElse("");
                    long col = d.getColumnNumber() - 1;
                    if (line == 1 && shift > 0) {
                        text = text.substring(Math.min(shift, text.length()));
                        col -= shift;
                    }
                    out.append(text).append('\n');
                    if (col >= 0) {
                        out.append(" ".repeat((int) col)).append("^\n");
                    }
                } catch (IOException e) {
                    // the message alone
                }
            }
        }
        return out.append(errors).append(errors == 1 ? " error" : " errors").toString();
    }

    /** The statements as the body of {@code Main.main(String[] args)}, on their own line numbers. */
    static String wrapStatements(String code) {
        StringBuilder head = new StringBuilder();
        AUTO_IMPORTS.forEach(i -> head.append("import ").append(i).append("; "));
        String body = code;
        Matcher m = LEADING_IMPORTS.matcher(code);
        if (m.find()) {
            String imports = m.group();
            head.append(imports.replace('\n', ' ').replace('\r', ' ')).append(' ');
            // the imports' lines stay lines, so that the statements keep their numbers
            body = "\n".repeat((int) imports.chars().filter(c -> c == '\n').count()) + code.substring(m.end());
        }
        return head + "public class " + WRAPPER + HEAD_END + body + "\n} }\n";
    }

    private static Class<?> compile(Path source, String preferred, String origin, int shift) throws CompileError {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("compiling a program needs a JDK (javac), not a JRE");
        }
        try {
            Path out = Files.createTempDirectory("mpi4j-run");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(out)));
            List<String> options = new ArrayList<>(List.of("-d", out.toString(), "-proc:none", "-nowarn",
                    "-Xlint:none", "-g", "-implicit:none"));
            String cp = System.getProperty("java.class.path", "");
            options.addAll(List.of("-cp", cp.isEmpty() ? "." : cp));
            String mp = System.getProperty("jdk.module.path", "");
            if (!mp.isEmpty()) {
                options.addAll(List.of("--module-path", mp, "--add-modules", "ALL-MODULE-PATH"));
            }
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            boolean ok;
            try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, null)) {
                ok = javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjects(source)).call();
            }
            if (!ok) {
                throw new CompileError(format(diagnostics.getDiagnostics(), origin, shift));
            }
            URLClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()},
                    SourceCompiler.class.getClassLoader());
            Thread.currentThread().setContextClassLoader(loader);
            if (Files.exists(out.resolve(preferred + ".class"))) {
                return loader.loadClass(preferred);
            }
            try (Stream<Path> classes = Files.walk(out)) {
                for (Path p : (Iterable<Path>) classes.filter(p -> p.toString().endsWith(".class"))
                        .filter(p -> !p.getFileName().toString().contains("$")).sorted()::iterator) {
                    String name = out.relativize(p).toString().replace(File.separatorChar, '.')
                            .replaceFirst("\\.class$", "");
                    Class<?> c = loader.loadClass(name);
                    if (Arrays.stream(c.getDeclaredMethods()).anyMatch(mm -> mm.getName().equals("main"))) {
                        return c;
                    }
                }
            }
            throw new IllegalArgumentException(source.getFileName() + " declares no class with a main method");
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot load the compiled program: " + e, e);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
