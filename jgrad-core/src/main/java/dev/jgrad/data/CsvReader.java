package dev.jgrad.data;

import dev.jgrad.io.FileFormatException;
import dev.jgrad.io.InputFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads numeric CSV files (comma-separated, UTF-8, raw or gzipped) into {@link LabeledSamples}:
 * every column but one is a feature, the label column holds non-negative integer class indices.
 * Samples have shape {@code [features]}. Blank lines are skipped.
 *
 * <p>A first row that is not entirely numeric is a header. The scikit-learn header
 * {@code n_samples,n_features,class names...} (e.g. iris: {@code 150,4,setosa,versicolor,virginica})
 * supplies class names and is checked against the data; any other header is ignored. Without
 * class names from a header, classes are named "0", "1", ... up to the largest label.
 *
 * <p>Errors name the file, the row (1-based line number in the file) and the column (1-based):
 * {@code digits.csv: row 12, column 5: 'abc' is not a number}.
 */
public final class CsvReader {

    /** Guards against a wrong label column turning values like 1e9 into a billion class names. */
    static final int MAX_CLASSES = 1 << 16;

    private final int labelColumn;

    private CsvReader(int labelColumn) {
        this.labelColumn = labelColumn;
    }

    /** A reader that takes the last column as the label. */
    public static CsvReader create() {
        return new CsvReader(-1);
    }

    /**
     * The same reader with the label in column {@code index}: 0-based from the left, or negative
     * to count from the right (-1 is the last column).
     */
    public CsvReader labelColumn(int index) {
        return new CsvReader(index);
    }

    /** Reads {@code file}. */
    public LabeledSamples read(Path file) throws IOException {
        try (var reader = new BufferedReader(new InputStreamReader(InputFiles.open(file), StandardCharsets.UTF_8.newDecoder()))) {
            return parse(file, reader);
        } catch (MalformedInputException e) {
            throw new FileFormatException(file, "not valid UTF-8 text", e);
        }
    }

    /** What the scikit-learn header line declares. */
    private record SklearnHeader(int rows, int features, List<String> classNames) {
    }

    private LabeledSamples parse(Path file, BufferedReader reader) throws IOException {
        int lineNumber = 0;
        int columns = -1;
        int labelIndex = -1;
        int headerColumns = -1;
        SklearnHeader sklearn = null;
        boolean first = true;
        List<float[]> rows = new ArrayList<>();
        int[] labels = new int[256];
        int maxLabel = -1;

        for (String line; (line = reader.readLine()) != null; ) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (first) {
                first = false;
                if (!Arrays.stream(cells).allMatch(CsvReader::isNumber)) {
                    sklearn = sklearnHeader(cells);
                    headerColumns = cells.length;
                    continue;
                }
            }
            if (columns < 0) {
                columns = cells.length;
                if (sklearn == null && headerColumns >= 0 && headerColumns != columns) {
                    throw new FileFormatException(file, "row " + lineNumber + " has " + columns
                            + " columns but the header has " + headerColumns);
                }
                if (columns < 2) {
                    throw new FileFormatException(file, "row " + lineNumber + " has " + columns
                            + " column; need at least one feature column and a label column");
                }
                labelIndex = labelColumn < 0 ? columns + labelColumn : labelColumn;
                if (labelIndex < 0 || labelIndex >= columns) {
                    throw new FileFormatException(file, "label column " + labelColumn + " does not exist in rows of "
                            + columns + " columns");
                }
            } else if (cells.length != columns) {
                throw new FileFormatException(file, "row " + lineNumber + " has " + cells.length
                        + " columns, expected " + columns + " like the first data row");
            }
            float[] features = new float[columns - 1];
            int label = -1;
            for (int c = 0, f = 0; c < columns; c++) {
                String cell = cells[c].strip();
                if (c == labelIndex) {
                    label = parseLabel(cell, file, lineNumber, c);
                } else {
                    features[f++] = (float) parseNumber(cell, file, lineNumber, c);
                }
            }
            if (rows.size() == labels.length) {
                labels = Arrays.copyOf(labels, labels.length * 2);
            }
            labels[rows.size()] = label;
            rows.add(features);
            maxLabel = Math.max(maxLabel, label);
        }

        if (rows.isEmpty()) {
            throw new FileFormatException(file, lineNumber == 0 ? "empty file" : "no data rows");
        }
        List<String> classNames;
        if (sklearn != null) {
            if (sklearn.rows() != rows.size()) {
                throw new FileFormatException(file, "header declares " + sklearn.rows() + " rows but the file has " + rows.size());
            }
            if (sklearn.features() != columns - 1) {
                throw new FileFormatException(file, "header declares " + sklearn.features() + " features but rows have "
                        + (columns - 1));
            }
            if (maxLabel >= sklearn.classNames().size()) {
                throw new FileFormatException(file, "label " + maxLabel + " has no class name; the header names "
                        + sklearn.classNames().size() + " classes " + sklearn.classNames());
            }
            classNames = sklearn.classNames();
        } else {
            var names = new ArrayList<String>(maxLabel + 1);
            for (int i = 0; i <= maxLabel; i++) {
                names.add(Integer.toString(i));
            }
            classNames = names;
        }

        int featureCount = columns - 1;
        float[] features = new float[Math.multiplyExact(rows.size(), featureCount)];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, features, i * featureCount, featureCount);
        }
        return new LabeledSamples(features, Arrays.copyOf(labels, rows.size()), new int[] {featureCount}, classNames);
    }

    /** {@code rows,features,name,name,...} with two non-negative integers first; else null. */
    private static SklearnHeader sklearnHeader(String[] cells) {
        if (cells.length < 3) {
            return null;
        }
        try {
            int rows = Integer.parseInt(cells[0].strip());
            int features = Integer.parseInt(cells[1].strip());
            if (rows < 0 || features < 0) {
                return null;
            }
            var names = Arrays.stream(cells, 2, cells.length).map(String::strip).toList();
            return names.stream().anyMatch(String::isEmpty) ? null : new SklearnHeader(rows, features, names);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Decimal numbers only: Double.parseDouble alone would also accept "NaN", "Infinity", hex
     * floats and a trailing "d"/"f", none of which belong in a numeric CSV.
     */
    private static boolean isNumber(String cell) {
        String s = cell.strip();
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9') && c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') {
                return false;
            }
        }
        try {
            return Double.isFinite(Double.parseDouble(s));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static double parseNumber(String cell, Path file, int row, int column) throws FileFormatException {
        if (!isNumber(cell)) {
            throw new FileFormatException(file, "row " + row + ", column " + (column + 1) + ": '" + abbreviate(cell)
                    + "' is not a number");
        }
        return Double.parseDouble(cell);
    }

    private static int parseLabel(String cell, Path file, int row, int column) throws FileFormatException {
        double value = isNumber(cell) ? Double.parseDouble(cell) : Double.NaN;
        // Labels written as "3.0" are accepted: float-formatted CSV exports are common.
        if (!(value >= 0) || value != Math.rint(value)) {
            throw new FileFormatException(file, "row " + row + ", column " + (column + 1) + ": label '" + abbreviate(cell)
                    + "' is not a non-negative integer");
        }
        if (value >= MAX_CLASSES) {
            throw new FileFormatException(file, "row " + row + ", column " + (column + 1) + ": label '" + abbreviate(cell)
                    + "' is too large (at most " + MAX_CLASSES + " classes); is the label column right?");
        }
        return (int) value;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
