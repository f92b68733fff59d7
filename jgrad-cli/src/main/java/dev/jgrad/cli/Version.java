package dev.jgrad.cli;

import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The project version, filtered into a resource at build time. */
final class Version implements IVersionProvider {
    private static final String VERSION = load();

    static String get() {
        return VERSION;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"jgrad " + VERSION};
    }

    private static String load() {
        try (var in = Version.class.getResourceAsStream("jgrad.properties")) {
            if (in == null) return "unknown";
            var props = new Properties();
            props.load(in);
            return props.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException("reading the bundled jgrad.properties", e);
        }
    }
}
