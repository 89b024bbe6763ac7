package dev.kafkalab.ui.model;

import dev.kafkalab.engine.KeyHashing;

import java.nio.charset.StandardCharsets;

/**
 * Which colour a record's key gets: one of the seven Okabe–Ito colours (safe for colour-blind
 * readers), the same for equal keys. Keyless records get their own grey. Colours live in the CSS as
 * {@code .key-color-0} .. {@code .key-color-6} and {@code .key-none}; the canvas also prints the key.
 */
public final class KeyColors {
    public static final int COUNT = 7;

    private KeyColors() {
    }

    /** 0..6 for a key, -1 for a keyless record. */
    public static int index(String key) {
        if (key == null) {
            return -1;
        }
        return KeyHashing.toPositive(KeyHashing.murmur2(key.getBytes(StandardCharsets.UTF_8))) % COUNT;
    }

    public static String styleClass(String key) {
        int i = index(key);
        return i < 0 ? "key-none" : "key-color-" + i;
    }
}
