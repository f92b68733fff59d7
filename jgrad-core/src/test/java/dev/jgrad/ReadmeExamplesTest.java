package dev.jgrad;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Compiles and runs every Java example of the README, so the documentation cannot rot. */
class ReadmeExamplesTest {

    @TempDir
    static Path work;

    static Path readme() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("README.md"))) p = p.getParent();
        assertNotNull(p, "README.md not found above " + Path.of("").toAbsolutePath());
        return p.resolve("README.md");
    }

    /** Splits a snippet into imports, local classes and statements, and wraps it in a main. */
    static String wrap(String className, String snippet) {
        StringBuilder imports = new StringBuilder(), classes = new StringBuilder(), body = new StringBuilder();
        List<String> lines = snippet.lines().toList();
        int depth = 0;
        boolean inClass = false;
        for (String line : lines) {
            if (!inClass && line.startsWith("import ")) { imports.append(line).append('\n'); continue; }
            boolean starts = !inClass && (line.startsWith("class ") || line.startsWith("record "));
            if (starts) inClass = true;
            if (inClass) {
                classes.append(starts ? "static " : "").append(line).append('\n');
                for (char ch : line.toCharArray()) depth += ch == '{' ? 1 : ch == '}' ? -1 : 0;
                if (depth == 0) inClass = false;
                continue;
            }
            body.append("        ").append(line).append('\n');
        }
        return imports + "public class " + className + " {\n" + classes
                + "    public static void main(String[] args) throws Exception {\n" + body + "    }\n}\n";
    }

    @TestFactory
    Stream<DynamicTest> readmeJavaExamplesCompileAndRun() throws Exception {
        String text = Files.readString(readme());
        Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(text);
        List<String> snippets = new ArrayList<>();
        while (m.find()) snippets.add(m.group(1));
        assertTrue(snippets.size() >= 4, "README has Java examples");
        Path classes = Path.of(Tensor.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < snippets.size(); i++) {
            String name = "ReadmeExample" + i, source = wrap(name, snippets.get(i));
            tests.add(DynamicTest.dynamicTest("example " + i, () -> compileAndRun(name, source, classes)));
        }
        return tests.stream();
    }

    private static void compileAndRun(String name, String source, Path classpath) throws Exception {
        Path dir = Files.createDirectory(work.resolve(name));
        Path file = dir.resolve(name + ".java");
        Files.writeString(file, source);
        var compiler = ToolProvider.getSystemJavaCompiler();
        var diagnostics = new DiagnosticCollector<JavaFileObject>();
        try (var fm = compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            var units = fm.getJavaFileObjects(file);
            boolean ok = compiler.getTask(null, fm, diagnostics,
                    List.of("-classpath", classpath.toString(), "-d", dir.toString(), "-proc:none"), null, units).call();
            assertTrue(ok, "README example does not compile:\n" + source + "\n" + diagnostics.getDiagnostics());
        }
        PrintStream old = System.out;
        var out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try (var loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, ReadmeExamplesTest.class.getClassLoader())) {
            loader.loadClass(name).getMethod("main", String[].class).invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(old);
        }
        if (source.contains("// -4.0 -4.0 3.0")) assertTrue(out.toString().contains("-4.0 -4.0 3.0"), out.toString());
        Matcher acc = Pattern.compile("train accuracy ([0-9.]+)").matcher(out.toString());
        if (acc.find()) assertTrue(Double.parseDouble(acc.group(1)) >= 0.93, "README training example: " + acc.group());
        if (source.contains("// 0.5\n")) assertTrue(out.toString().contains("\n0.5\n"), out.toString());
        if (source.contains("d(x^3)/dx")) assertTrue(out.toString().contains("tensor([6.7500, 12.0000], dtype=float64)"), out.toString());
        checkLectureExample(source, out.toString());
    }

    /** The lecture examples: the numbers their comments promise, or agreement between the ways of computing them. */
    private static void checkLectureExample(String source, String printed) {
        if (source.contains("fan-out: dx"))
            for (String line : List.of("add: da = 2.0, db = 2.0", "mul: da = -2.0, db = 6.0", "max: da = 2.0, db = 0.0", "fan-out: dx = 14.0"))
                assertTrue(printed.contains(line + "\n"), "gates example should print '" + line + "':\n" + printed);
        if (source.contains("max relative error"))
            assertTrue(printedNumber(printed, "max relative error") < 1e-6, "numerical vs analytic gradient:\n" + printed);
        if (source.contains("largest difference")) {
            assertTrue(printedNumber(printed, "largest difference") < 1e-12, "hand-derived vs autograd regression:\n" + printed);
            for (String way : List.of("by hand:  w =", "autograd: w ="))
                assertTrue(Math.abs(printedNumber(printed, way) - 3.04325) < 1e-6, "regression slope:\n" + printed);
        }
        if (source.contains("largest |hand - autograd|")) {
            assertTrue(printedNumber(printed, "largest |hand - autograd|") < 1e-12, "hand-derived vs autograd neuron:\n" + printed);
            assertTrue(printedNumber(printed, "training accuracy") >= 0.9, "sigmoid neuron should separate the blobs:\n" + printed);
        }
        if (source.contains("manual %.10f")) {
            double[] ways = Stream.of("manual", "symbolic", "numerical", "automatic")
                    .mapToDouble(way -> printedNumber(printed, way)).toArray();
            for (double d : ways) assertTrue(Math.abs(d - 1.0412941543) < 1e-9, "four derivatives of x sigmoid(x):\n" + printed);
        }
    }

    /** The number printed right after {@code label}; a decimal comma (from the default locale) is accepted. */
    private static double printedNumber(String printed, String label) {
        Matcher m = Pattern.compile(Pattern.quote(label) + " (-?\\d+(?:[.,]\\d+)?(?:E-?\\d+)?)").matcher(printed);
        assertTrue(m.find(), "README example should print '" + label + " <number>':\n" + printed);
        return Double.parseDouble(m.group(1).replace(',', '.'));
    }
}
