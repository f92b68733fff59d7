package dev.jgrad.cli;

import dev.jgrad.Tensor;
import dev.jgrad.io.Json;
import dev.jgrad.io.SafeTensors;
import dev.jgrad.io.SafeTensorsFile;
import dev.jgrad.io.TensorData;
import dev.jgrad.nn.Models;
import dev.jgrad.nn.Module;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The checkpoint claim, checked against real PyTorch: the same architecture built from
 * {@code torch.nn} modules loads a jgrad checkpoint with {@code load_state_dict(strict=True)} and
 * computes the same logits, and a state dict written from PyTorch loads into jgrad. The PyTorch
 * side is {@code torch_interop.py} (a test resource) run by the system Python; the class is
 * skipped unless that Python has torch and numpy (Debian's python3-torch, python3-numpy).
 */
class PyTorchInteropTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final int ROWS = 50;
    /** Both sides sum float32 products in different orders; real differences are around 1e-6. */
    private static final double RELATIVE_TOLERANCE = 1e-4;
    /** The reverse direction: an architecture other than the trained one, three Linear layers, tanh. */
    private static final String TORCH_MODEL = "in=64;hidden=48,24;classes=10;activation=tanh";

    @TempDir
    static Path dir;
    static Checkpoint trained;
    static float[] x;
    static int[] labels;
    static Path checkpoint, fromTorch;
    /** The three PyTorch runs, started together because each spends seconds importing torch. */
    static PythonRun loadJgrad, exportTorch, loadIncomplete;
    /** Why the checks cannot run here, or null; checked per test so that each reports itself skipped. */
    static String skipReason;

    @BeforeAll
    static void trainAndRunPyTorch() throws IOException, InterruptedException {
        if (!torchInstalled()) {
            skipReason = PYTHON + " has no torch or numpy (Debian packages python3-torch, python3-numpy);"
                    + " skipping the PyTorch interoperability checks";
            return;
        }
        Path script = dir.resolve("torch_interop.py");
        try (InputStream in = PyTorchInteropTest.class.getResourceAsStream("torch_interop.py")) {
            if (in == null) throw new IllegalStateException("test resource dev/jgrad/cli/torch_interop.py is missing");
            Files.copy(in, script);
        }
        checkpoint = dir.resolve("digits.safetensors");
        var training = Cli.run("train", "--epochs", "4", "--save", checkpoint.toString());
        assertEquals(0, training.code(), training.toString());

        // The first test rows, normalized by the code path of jgrad eval.
        trained = Checkpoint.load(checkpoint);
        var test = Datasets.load(trained.data(), null, 0, false).test().head(ROWS);
        x = trained.normalization().apply(test).features();
        labels = test.labels();
        Path inputs = dir.resolve("rows.f32");
        var bytes = ByteBuffer.allocate(x.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : x) bytes.putFloat(v);
        Files.write(inputs, bytes.array());

        SafeTensorsFile content = SafeTensors.read(checkpoint);
        Map<String, TensorData> tensors = new LinkedHashMap<>(content.tensors());
        assertTrue(tensors.remove("2.bias") != null, "the checkpoint holds 2.bias: " + tensors.keySet());
        Path incomplete = dir.resolve("incomplete.safetensors");
        SafeTensors.write(incomplete, tensors, content.metadata());

        fromTorch = dir.resolve("from-torch.safetensors");
        loadJgrad = PythonRun.start(script, "predict", checkpoint.toString(), inputs.toString());
        exportTorch = PythonRun.start(script, "export", TORCH_MODEL, fromTorch.toString(), inputs.toString());
        loadIncomplete = PythonRun.start(script, "predict", incomplete.toString(), inputs.toString());
        for (PythonRun run : List.of(loadJgrad, exportTorch, loadIncomplete)) {
            run.await();
            if (run.exit == PythonRun.TORCH_MISSING)
                skipReason = "torch_interop.py cannot import torch or numpy; skipping the PyTorch interoperability checks:\n" + run.output();
        }
    }

    @BeforeEach
    void requirePyTorch() {
        assumeTrue(skipReason == null, skipReason);
    }

    @AfterAll
    static void stopPython() {
        for (PythonRun run : Arrays.asList(loadJgrad, exportTorch, loadIncomplete))
            if (run != null) run.process.destroyForcibly();
    }

    @Test
    void pyTorchLoadsTheCheckpointWithStrictLoadStateDictAndPredictsTheSameClasses() {
        float[] jgradLogits = logits(trained.model());
        Prediction torch = loadJgrad.prediction();

        assertArrayEquals(argmax(jgradLogits), torch.classes(), "classes predicted by PyTorch and by jgrad");
        double maxDiff = assertClose(jgradLogits, torch.logits());
        System.out.printf(Locale.ROOT, "jgrad checkpoint (%s) in PyTorch: %d rows, same classes, max |logit difference| %.3g%n",
                trained.architecture(), ROWS, maxDiff);
        long correct = IntStream.range(0, ROWS).filter(i -> torch.classes()[i] == labels[i]).count();
        assertTrue(correct >= 0.8 * ROWS, "a trained model classifies most test rows correctly, got " + correct + "/" + ROWS);
    }

    @Test
    void aStateDictWrittenByPyTorchLoadsIntoJgradAndPredictsTheSameClasses() throws IOException {
        Prediction torch = exportTorch.prediction();
        SafeTensorsFile file = SafeTensors.read(fromTorch);
        assertEquals("pt", file.metadata().get("format"), "the metadata written on PyTorch's side");
        Module model = Models.fromDescription(TORCH_MODEL, 12345);
        model.loadStateDict(Checkpoint.toTensors(file.tensors()));
        model.eval();
        float[] jgradLogits = logits(model);

        assertArrayEquals(torch.classes(), argmax(jgradLogits), "classes predicted by jgrad with PyTorch's weights");
        double maxDiff = assertClose(jgradLogits, torch.logits());
        System.out.printf(Locale.ROOT, "PyTorch state dict (%s) in jgrad: %d rows, same classes, max |logit difference| %.3g%n",
                TORCH_MODEL, ROWS, maxDiff);
    }

    @Test
    void strictLoadingInPyTorchRejectsACheckpointWithATensorMissing() {
        assertTrue(loadIncomplete.exit != 0 && loadIncomplete.output().contains("Missing key")
                && loadIncomplete.output().contains("2.bias"), loadIncomplete.output());
    }

    // ---------------------------------------------------------------- helpers

    private record Prediction(int[] classes, float[] logits) {}

    /** One run of the script; its output goes to files so that a full pipe cannot stall it. */
    private static final class PythonRun {
        static final int TORCH_MISSING = 3;
        final String what;
        final Process process;
        final Path stdout, stderr;
        int exit;

        private PythonRun(String what, Process process, Path stdout, Path stderr) {
            this.what = what;
            this.process = process;
            this.stdout = stdout;
            this.stderr = stderr;
        }

        static PythonRun start(Path script, String... args) throws IOException {
            List<String> command = new ArrayList<>(List.of(PYTHON.toString(), script.toString()));
            command.addAll(List.of(args));
            Path out = Files.createTempFile(dir, "stdout", ".txt"), err = Files.createTempFile(dir, "stderr", ".txt");
            var process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            return new PythonRun("torch_interop.py " + String.join(" ", args), process, out, err);
        }

        void await() throws InterruptedException {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail(what + " did not finish within 120 s");
            }
            exit = process.exitValue();
        }

        String output() {
            try {
                return Files.readString(stdout, StandardCharsets.UTF_8) + Files.readString(stderr, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new AssertionError(what + ": cannot read its output", e);
            }
        }

        /** The {"classes": [...], "logits": [[...], ...]} object the script prints. */
        Prediction prediction() {
            if (exit != 0) fail(what + " exited with " + exit + ":\n" + output());
            String text;
            try {
                text = Files.readString(stdout, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new AssertionError(what + ": cannot read its output", e);
            }
            if (!(Json.parse(text) instanceof Map<?, ?> json)
                    || !(json.get("classes") instanceof List<?> classes) || !(json.get("logits") instanceof List<?> rows))
                throw new AssertionError(what + " printed no {classes, logits} object:\n" + output());
            int[] c = classes.stream().mapToInt(v -> ((Number) v).intValue()).toArray();
            // JSON carries the float32 logits as exact doubles; narrowing gives back PyTorch's values.
            List<?> values = rows.stream().flatMap(row -> ((List<?>) row).stream()).toList();
            float[] logits = new float[values.size()];
            for (int i = 0; i < logits.length; i++) logits[i] = ((Number) values.get(i)).floatValue();
            return new Prediction(c, logits);
        }
    }

    private static int classes() {
        return trained.classes().size();
    }

    private static float[] logits(Module model) {
        int width = trained.featureSize();
        try (var g = Tensor.noGrad()) {
            return model.forward(Tensor.of(x, x.length / width, width)).toFloatArray();
        }
    }

    private static int[] argmax(float[] logits) {
        int k = classes();
        int[] out = new int[logits.length / k];
        for (int i = 0; i < out.length; i++)
            for (int c = 1; c < k; c++)
                if (logits[i * k + c] > logits[i * k + out[i]]) out[i] = c;
        return out;
    }

    /** Every logit within the tolerance, relative to the largest logit of its row; returns the largest difference. */
    private static double assertClose(float[] expected, float[] actual) {
        int k = classes();
        assertEquals(expected.length, actual.length, "logit count");
        double maxDiff = 0;
        for (int i = 0; i < expected.length / k; i++) {
            double scale = 1;
            for (int c = 0; c < k; c++) scale = Math.max(scale, Math.abs(expected[i * k + c]));
            for (int c = 0; c < k; c++) {
                double diff = Math.abs(expected[i * k + c] - actual[i * k + c]);
                maxDiff = Math.max(maxDiff, diff);
                if (diff > RELATIVE_TOLERANCE * scale)
                    fail(String.format(Locale.ROOT, "row %d, class %d: jgrad %s, PyTorch %s", i, c,
                            Arrays.toString(Arrays.copyOfRange(expected, i * k, (i + 1) * k)),
                            Arrays.toString(Arrays.copyOfRange(actual, i * k, (i + 1) * k))));
            }
        }
        return maxDiff;
    }

    /** Asks Python whether the modules are installed without importing torch (which takes seconds). */
    private static boolean torchInstalled() throws InterruptedException {
        if (!Files.isExecutable(PYTHON)) return false;
        try {
            Process p = new ProcessBuilder(PYTHON.toString(), "-c",
                    "import importlib.util as u, sys; sys.exit(0 if u.find_spec('torch') and u.find_spec('numpy') else 1)")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
