package dev.jgrad.data;

import static dev.jgrad.data.TestFiles.gzip;
import static dev.jgrad.data.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jgrad.io.FileFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {

    @TempDir
    Path dir;

    private Path csv(String name, String content) throws IOException {
        return write(dir.resolve(name), content.getBytes(StandardCharsets.UTF_8));
    }

    private String problem(String content) throws IOException {
        Path file = csv("digits.csv", content);
        var e = assertThrows(FileFormatException.class, () -> CsvReader.create().read(file));
        assertEquals(file + ": " + ((FileFormatException) e).problem(), e.getMessage());
        return e.problem();
    }

    @Test
    void readsFeaturesAndLastColumnLabels() throws IOException {
        LabeledSamples data = CsvReader.create().read(csv("a.csv", "1,2,0\n3, 4.5 ,2\n-1e-2,+6,1.0\n"));
        assertArrayEquals(new float[] {1, 2, 3, 4.5f, -0.01f, 6}, data.features());
        assertArrayEquals(new int[] {0, 2, 1}, data.labels());
        assertArrayEquals(new int[] {2}, data.sampleShape());
        assertEquals(List.of("0", "1", "2"), data.classNames());
    }

    @Test
    void labelColumnIsConfigurable() throws IOException {
        Path file = csv("first.csv", "1,10,20\n0,30,40\n");
        LabeledSamples first = CsvReader.create().labelColumn(0).read(file);
        assertArrayEquals(new float[] {10, 20, 30, 40}, first.features());
        assertArrayEquals(new int[] {1, 0}, first.labels());
        LabeledSamples middle = CsvReader.create().labelColumn(-2).read(file);
        assertArrayEquals(new float[] {1, 20, 0, 40}, middle.features());
        assertArrayEquals(new int[] {10, 30}, middle.labels());
        var e = assertThrows(FileFormatException.class, () -> CsvReader.create().labelColumn(3).read(file));
        assertEquals(file + ": label column 3 does not exist in rows of 3 columns", e.getMessage());
    }

    @Test
    void gzipIsDetectedByContentAndLineEndingsAndBlankLinesAreTolerated() throws IOException {
        Path file = write(dir.resolve("plain-name.csv"), gzip("1,2,1\r\n\r\n3,4,0\r\n\n".getBytes(StandardCharsets.UTF_8)));
        LabeledSamples data = CsvReader.create().read(file);
        assertArrayEquals(new float[] {1, 2, 3, 4}, data.features());
        assertArrayEquals(new int[] {1, 0}, data.labels());
    }

    @Test
    void genericHeaderIsSkipped() throws IOException {
        LabeledSamples data = CsvReader.create().read(csv("h.csv", "width,height,class\n1,2,1\n3,4,0\n"));
        assertEquals(2, data.count());
        assertEquals(List.of("0", "1"), data.classNames());
        assertEquals("row 2 has 2 columns but the header has 3", problem("a,b,c\n1,2\n"));
    }

    @Test
    void sklearnHeaderGivesClassNamesAndIsChecked() throws IOException {
        LabeledSamples data = CsvReader.create().read(csv("iris.csv", "3,2,setosa,versicolor,virginica\n1,2,0\n3,4,2\n5,6,1\n"));
        assertEquals(List.of("setosa", "versicolor", "virginica"), data.classNames());
        assertArrayEquals(new int[] {0, 2, 1}, data.labels());
        assertEquals("header declares 4 rows but the file has 3", problem("4,2,a,b\n1,2,0\n3,4,1\n5,6,1\n"));
        assertEquals("header declares 3 features but rows have 2", problem("1,3,a,b\n1,2,0\n"));
        assertEquals("label 2 has no class name; the header names 2 classes [a, b]", problem("1,2,a,b\n1,2,2\n"));
    }

    @Test
    void nonNumericCellsNameFileRowAndColumn() throws IOException {
        String rows = "0,1,2,3,4,0\n".repeat(10);
        assertEquals("row 12, column 5: 'abc' is not a number", problem(rows + "\n0,1,2,3,abc,0\n"));
        assertEquals("row 2, column 1: 'NaN' is not a number", problem("1,2,0\nNaN,2,0\n"));
        assertEquals("row 2, column 2: '' is not a number", problem("1,2,0\n1,,0\n"));
        assertEquals("row 2, column 1: '0x10' is not a number", problem("1,2,0\n0x10,2,0\n"));
        assertEquals("row 2, column 2: '1e999' is not a number", problem("1,2,0\n1,1e999,0\n"));
    }

    @Test
    void labelsMustBeNonNegativeIntegers() throws IOException {
        assertEquals("row 2, column 3: label '2.5' is not a non-negative integer", problem("1,2,0\n1,2,2.5\n"));
        assertEquals("row 1, column 3: label '-1' is not a non-negative integer", problem("1,2,-1\n"));
        assertEquals("row 2, column 3: label 'cat' is not a non-negative integer", problem("1,2,0\n1,2,cat\n"));
        assertEquals("row 1, column 3: label '1e9' is too large (at most 65536 classes); is the label column right?",
                problem("1,2,1e9\n"));
    }

    @Test
    void raggedEmptyAndMalformedFiles() throws IOException {
        assertEquals("row 3 has 2 columns, expected 3 like the first data row", problem("1,2,0\n1,2,0\n1,2\n"));
        assertEquals("row 2 has 4 columns, expected 3 like the first data row", problem("1,2,0\n1,2,0,0\n"));
        assertEquals("empty file", problem(""));
        assertEquals("no data rows", problem("\n\n  \n"));
        assertEquals("no data rows", problem("a,b,label\n"));
        assertEquals("row 1 has 1 column; need at least one feature column and a label column", problem("1\n2\n"));
        Path latin1 = write(dir.resolve("latin1.csv"), new byte[] {'1', ',', (byte) 0xE9, ',', '0', '\n'});
        var e = assertThrows(FileFormatException.class, () -> CsvReader.create().read(latin1));
        assertEquals(latin1 + ": not valid UTF-8 text", e.getMessage());
    }
}
