package dev.jgrad.nn;

import dev.jgrad.tensor.DType;
import dev.jgrad.tensor.Generator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Ready-made classifiers and their textual descriptions, for the CLI and for checkpoints.
 *
 * <p>A spec names a model: {@code "softmax"} (or {@code "linear"}) is one Linear layer (softmax
 * regression once paired with cross-entropy); {@code "mlp:256,128"} is
 * Linear-activation-Linear-activation-Linear with hidden widths 256 and 128. A description such as
 * {@code "in=784;hidden=256,128;classes=10;activation=relu"} captures a built model completely, so
 * it can be stored in checkpoint metadata and rebuilt with {@link #fromDescription} before loading
 * the weights.
 *
 * <p>Hidden layers use He initialization after ReLU-like activations and Xavier after sigmoid and
 * tanh; the output layer uses Xavier.
 */
public final class Models {
    private Models() {}

    private static final Set<String> KEYS = Set.of("in", "hidden", "classes", "activation", "dropout");

    /** The full architecture of a model built here; {@link #toString} is its description. */
    public record Architecture(int in, List<Integer> hidden, int classes, String activation, double dropout) {
        public Architecture {
            if (in <= 0) throw new IllegalArgumentException("model: input size must be positive, got " + in);
            if (classes <= 0) throw new IllegalArgumentException("model: class count must be positive, got " + classes);
            hidden = List.copyOf(hidden);
            for (int h : hidden)
                if (h <= 0) throw new IllegalArgumentException("model: hidden sizes must be positive, got " + hidden);
            if (!(dropout >= 0 && dropout < 1)) throw new IllegalArgumentException("model: dropout must be in [0, 1), got " + dropout);
            if (hidden.isEmpty()) {
                if (dropout > 0) throw new IllegalArgumentException("model: dropout " + dropout + " needs at least one hidden layer");
                activation = "none";
            } else {
                activation = activationName(Models.activation(activation));
            }
        }

        /** A freshly initialized model with this architecture. */
        public Module build(long seed) {
            Generator gen = new Generator(seed);
            if (hidden.isEmpty()) return new Linear(in, classes, true, Init.XAVIER, DType.FLOAT32, gen);
            Init init = activation.startsWith("leakyrelu") || activation.equals("relu") ? Init.HE : Init.XAVIER;
            Sequential net = new Sequential();
            int prev = in;
            for (int i = 0; i < hidden.size(); i++) {
                net.add(new Linear(prev, hidden.get(i), true, init, DType.FLOAT32, gen));
                net.add(Models.activation(activation));
                if (dropout > 0) net.add(new Dropout(dropout, seed + 0x9E3779B97F4A7C15L * (i + 1)));
                prev = hidden.get(i);
            }
            return net.add(new Linear(prev, classes, true, Init.XAVIER, DType.FLOAT32, gen));
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("in=").append(in).append(";hidden=");
            for (int i = 0; i < hidden.size(); i++) sb.append(i == 0 ? "" : ",").append(hidden.get(i));
            sb.append(";classes=").append(classes).append(";activation=").append(activation);
            if (dropout > 0) sb.append(";dropout=").append(dropout);
            return sb.toString();
        }
    }

    // ---------------------------------------------------------------- building

    /** An MLP with the given hidden widths; no hidden layers gives a single Linear. */
    public static Module mlp(int in, int[] hidden, int classes, String activation, long seed) {
        return mlp(in, hidden, classes, activation, 0, seed);
    }

    /** An MLP with dropout after every hidden activation. */
    public static Module mlp(int in, int[] hidden, int classes, String activation, double dropout, long seed) {
        List<Integer> h = new ArrayList<>();
        for (int x : hidden) h.add(x);
        return new Architecture(in, h, classes, activation, dropout).build(seed);
    }

    public static Module fromSpec(String spec, int in, int classes, String activation, long seed) {
        return fromSpec(spec, in, classes, activation, 0, seed);
    }

    /** Builds from a spec: {@code "softmax"}, {@code "linear"} or {@code "mlp:H1,H2,..."}. */
    public static Module fromSpec(String spec, int in, int classes, String activation, double dropout, long seed) {
        return parseSpec(spec, in, classes, activation, dropout).build(seed);
    }

    /** The architecture a spec stands for, without building it. */
    public static Architecture parseSpec(String spec, int in, int classes, String activation, double dropout) {
        if (spec == null) throw new IllegalArgumentException("model spec is null");
        String s = spec.strip().toLowerCase(Locale.ROOT);
        if (s.equals("softmax") || s.equals("linear"))
            return new Architecture(in, List.of(), classes, "none", dropout);
        if (s.startsWith("mlp:")) {
            List<Integer> hidden = parseSizes(s.substring(4), "model spec '" + spec + "'");
            if (hidden.isEmpty()) throw new IllegalArgumentException("model spec '" + spec + "': an mlp needs hidden sizes, e.g. mlp:256,128");
            return new Architecture(in, hidden, classes, activation, dropout);
        }
        throw new IllegalArgumentException("unknown model spec '" + spec + "': expected 'softmax', 'linear' or 'mlp:H1,H2,...' (e.g. mlp:256,128)");
    }

    // ---------------------------------------------------------------- descriptions

    /** The description of a model built by this class, e.g. "in=784;hidden=256;classes=10;activation=relu". */
    public static String describe(Module module) {
        return architecture(module).toString();
    }

    /** Rebuilds a model from {@link #describe}'s text (weights freshly initialized; load them next). */
    public static Module fromDescription(String description) {
        return fromDescription(description, 0);
    }

    public static Module fromDescription(String description, long seed) {
        return parseDescription(description).build(seed);
    }

    public static Architecture parseDescription(String description) {
        if (description == null) throw new IllegalArgumentException("model description is null");
        String where = "model description '" + description + "'";
        Map<String, String> kv = new LinkedHashMap<>();
        for (String part : description.strip().split(";")) {
            if (part.isBlank()) continue;
            int eq = part.indexOf('=');
            if (eq < 0) throw new IllegalArgumentException(where + ": '" + part + "' is not key=value");
            String key = part.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            if (!KEYS.contains(key)) throw new IllegalArgumentException(where + ": unknown key '" + key + "' (known: in, hidden, classes, activation, dropout)");
            if (kv.put(key, part.substring(eq + 1).strip()) != null) throw new IllegalArgumentException(where + ": key '" + key + "' appears twice");
        }
        for (String required : List.of("in", "hidden", "classes"))
            if (!kv.containsKey(required)) throw new IllegalArgumentException(where + ": missing '" + required + "'");
        List<Integer> hidden = parseSizes(kv.get("hidden"), where);
        if (!hidden.isEmpty() && !kv.containsKey("activation"))
            throw new IllegalArgumentException(where + ": missing 'activation' for the hidden layers");
        return new Architecture(parseInt(kv.get("in"), where), hidden, parseInt(kv.get("classes"), where),
                kv.getOrDefault("activation", "none"), parseDouble(kv.getOrDefault("dropout", "0"), where));
    }

    /** Reads back the architecture of a model with the structure {@link Architecture#build} makes. */
    public static Architecture architecture(Module module) {
        if (module instanceof Linear l) {
            if (!l.hasBias()) throw new IllegalArgumentException("describe: " + l + " has no bias; models built here always have one");
            return new Architecture(l.inFeatures(), List.of(), l.outFeatures(), "none", 0);
        }
        if (!(module instanceof Sequential seq))
            throw new IllegalArgumentException("describe: " + module.getClass().getSimpleName()
                    + " is not a model built by Models (a Linear or a Sequential MLP)");
        List<Module> layers = seq.layers();
        List<Integer> hidden = new ArrayList<>();
        String activation = null;
        Double dropout = null;
        int in = -1, prev = -1, i = 0;
        while (true) {
            Linear lin = expect(layers, i, Linear.class, "Linear");
            if (!lin.hasBias()) throw new IllegalArgumentException("describe: layer " + i + " " + lin + " has no bias");
            if (in < 0) in = lin.inFeatures();
            else if (lin.inFeatures() != prev)
                throw new IllegalArgumentException("describe: layer " + i + " " + lin + " does not take the " + prev + " outputs of the layer before");
            prev = lin.outFeatures();
            if (++i == layers.size()) break;
            hidden.add(prev);
            String act = activationName(layers.get(i));
            if (act == null) throw new IllegalArgumentException("describe: layer " + i + " is " + layers.get(i) + ", expected an activation");
            if (activation != null && !activation.equals(act))
                throw new IllegalArgumentException("describe: layer " + i + " is " + act + " but earlier layers use " + activation);
            activation = act;
            i++;
            double p = i < layers.size() && layers.get(i) instanceof Dropout d ? d.p() : 0;
            if (p > 0) i++;
            if (dropout != null && dropout != p)
                throw new IllegalArgumentException("describe: hidden layers use different dropout (" + dropout + " and " + p + ")");
            dropout = p;
        }
        if (hidden.isEmpty())
            throw new IllegalArgumentException("describe: a Sequential holding only a Linear is not built by Models (use the Linear itself)");
        return new Architecture(in, hidden, prev, activation, dropout);
    }

    private static <T extends Module> T expect(List<Module> layers, int i, Class<T> type, String what) {
        if (i >= layers.size()) throw new IllegalArgumentException("describe: the Sequential ends after layer " + (i - 1) + ", expected a final " + what);
        Module m = layers.get(i);
        if (!type.isInstance(m)) throw new IllegalArgumentException("describe: layer " + i + " is " + m + ", expected " + what);
        return type.cast(m);
    }

    // ---------------------------------------------------------------- activations

    /** An activation layer by name: relu, leakyrelu (or leakyrelu:SLOPE), sigmoid, tanh. */
    public static Module activation(String name) {
        if (name == null) throw new IllegalArgumentException("activation name is null");
        String s = name.strip().toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        if (s.startsWith("leakyrelu:")) {
            String slope = s.substring("leakyrelu:".length());
            try {
                return new LeakyReLU(Double.parseDouble(slope));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("activation '" + name + "': slope '" + slope + "' is not a number");
            }
        }
        return switch (s) {
            case "relu" -> new ReLU();
            case "leakyrelu" -> new LeakyReLU();
            case "sigmoid" -> new Sigmoid();
            case "tanh" -> new Tanh();
            default -> throw new IllegalArgumentException("unknown activation '" + name
                    + "': expected relu, leakyrelu, leakyrelu:SLOPE, sigmoid or tanh");
        };
    }

    /** The canonical name of an activation layer, or null for any other module. */
    public static String activationName(Module m) {
        if (m instanceof ReLU) return "relu";
        if (m instanceof LeakyReLU l) return l.slope() == LeakyReLU.DEFAULT_SLOPE ? "leakyrelu" : "leakyrelu:" + l.slope();
        if (m instanceof Sigmoid) return "sigmoid";
        if (m instanceof Tanh) return "tanh";
        return null;
    }

    // ---------------------------------------------------------------- parsing

    private static List<Integer> parseSizes(String text, String where) {
        List<Integer> out = new ArrayList<>();
        if (text.isBlank()) return out;
        for (String part : text.split(",")) out.add(parseInt(part.strip(), where));
        return out;
    }

    private static int parseInt(String text, String where) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": '" + text + "' is not an integer");
        }
    }

    private static double parseDouble(String text, String where) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": '" + text + "' is not a number");
        }
    }
}
