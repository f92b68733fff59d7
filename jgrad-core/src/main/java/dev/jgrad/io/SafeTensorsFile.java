package dev.jgrad.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The content of a safetensors file: tensors in header order and the free-form string metadata
 * (the {@code __metadata__} entry, empty if absent). Both maps are unmodifiable.
 */
public record SafeTensorsFile(Map<String, TensorData> tensors, Map<String, String> metadata) {

    public SafeTensorsFile {
        tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        tensors.forEach((name, data) -> {
            if (name == null || data == null) {
                throw new IllegalArgumentException("null tensor name or data");
            }
        });
        metadata.forEach((key, value) -> {
            if (key == null || value == null) {
                throw new IllegalArgumentException("null metadata key or value");
            }
        });
    }

    /**
     * The tensor called {@code name}.
     *
     * @throws IllegalArgumentException if there is none; the message lists the names present
     */
    public TensorData tensor(String name) {
        TensorData data = tensors.get(name);
        if (data == null) {
            throw new IllegalArgumentException("no tensor named '" + name + "'; the file has " + tensors.keySet());
        }
        return data;
    }
}
