package dev.kafkalab.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Order-keeping unmodifiable copies (Map.copyOf loses the file's order and refuses nulls). */
final class Copies {
    private Copies() {
    }

    static <K, V> Map<K, V> map(Map<K, V> m) {
        return m == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }
}
