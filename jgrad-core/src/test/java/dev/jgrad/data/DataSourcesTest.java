package dev.jgrad.data;

import static dev.jgrad.data.TestFiles.idx;
import static dev.jgrad.data.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.data.DataSources.Split;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataSourcesTest {

    @TempDir
    Path root;

    @Test
    void findsRawAndDottedFileNamesUnderTheRootOrTheDatasetDirectory() throws IOException {
        Path fashion = Files.createDirectory(root.resolve("fashion-mnist"));
        write(fashion.resolve("t10k-images.idx3-ubyte"), idx(IdxReader.IMAGES_MAGIC, new int[] {2, 1, 1}, new byte[] {0, -1}));
        write(fashion.resolve("t10k-labels-idx1-ubyte"), idx(IdxReader.LABELS_MAGIC, new int[] {2}, new byte[] {9, 0}));
        LabeledSamples fromRoot = DataSources.fashionMnist(root, Split.TEST);
        assertArrayEquals(new int[] {9, 0}, fromRoot.labels());
        assertArrayEquals(new float[] {0, 1}, fromRoot.features());
        assertEquals(DataSources.FASHION_MNIST_CLASSES, fromRoot.classNames());
        assertEquals(fromRoot, DataSources.fashionMnist(fashion, Split.TEST));
    }

    @Test
    void missingFilesListWhereTheyWereLookedFor() {
        var e = assertThrows(NoSuchFileException.class, () -> DataSources.mnist(root, Split.TRAIN));
        String message = e.getMessage();
        assertTrue(message.startsWith(root + ": no MNIST train images file; looked for ["), message);
        assertTrue(message.contains(root.resolve("mnist").resolve("train-images-idx3-ubyte.gz").toString()), message);
        assertTrue(message.contains(root.resolve("train-images.idx3-ubyte").toString()), message);
        e = assertThrows(NoSuchFileException.class, () -> DataSources.iris(root));
        assertTrue(e.getMessage().contains("no iris file"), e.getMessage());
    }
}
