package dev.kafkalab.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Resolved settings of one scope: explicit values over defaults (and, for topics, over broker values). */
public final class Config {
    private final Configs.Scope scope;
    private final Map<String, Object> explicit;
    private final Config fallback;

    private Config(Configs.Scope scope, Map<String, Object> explicit, Config fallback) {
        this.scope = scope;
        this.explicit = explicit;
        this.fallback = fallback;
    }

    /**
     * Parses raw values (numbers, strings, booleans, lists).
     *
     * @param fallback the broker config a topic config falls back to, or null
     * @throws KafkaException ConfigException naming the setting when a name or value is bad
     */
    public static Config parse(Configs.Scope scope, Map<String, ?> raw, Config fallback) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (raw != null) {
            for (Map.Entry<String, ?> e : raw.entrySet()) {
                ConfigKey key = Configs.key(scope, e.getKey());
                if (key == null) {
                    throw new KafkaException("ConfigException", "Unknown " + scope.name().toLowerCase()
                            + " setting '" + e.getKey() + "'");
                }
                try {
                    values.put(key.name(), key.parse(e.getValue()));
                } catch (IllegalArgumentException ex) {
                    throw new KafkaException("ConfigException", ex.getMessage());
                }
            }
        }
        return new Config(scope, Collections.unmodifiableMap(values), fallback);
    }

    public static Config defaults(Configs.Scope scope) {
        return new Config(scope, Map.of(), null);
    }

    /** A copy with {@code changes} applied on top. */
    public Config with(Map<String, ?> changes) {
        Config delta = parse(scope, changes, fallback);
        Map<String, Object> merged = new LinkedHashMap<>(explicit);
        merged.putAll(delta.explicit);
        return new Config(scope, Collections.unmodifiableMap(merged), fallback);
    }

    public Object get(String name) {
        ConfigKey key = Configs.key(scope, name);
        if (key == null) {
            throw new IllegalArgumentException("not a " + scope + " setting: " + name);
        }
        Object v = explicit.get(name);
        if (v != null) {
            return v;
        }
        if (fallback != null && key.brokerDefault() != null) {
            return fallback.get(key.brokerDefault());
        }
        return key.defaultValue();
    }

    public int getInt(String name) {
        return (Integer) get(name);
    }

    public long getLong(String name) {
        Object v = get(name);
        return v instanceof Integer i ? i : (Long) v;
    }

    public double getDouble(String name) {
        return ((Number) get(name)).doubleValue();
    }

    public boolean getBoolean(String name) {
        return (Boolean) get(name);
    }

    public String getString(String name) {
        return (String) get(name);
    }

    @SuppressWarnings("unchecked")
    public List<String> getList(String name) {
        return (List<String>) get(name);
    }

    /** Only the settings given explicitly, in the order given. */
    public Map<String, Object> explicitValues() {
        return explicit;
    }
}
