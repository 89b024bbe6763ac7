package dev.kafkalab.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * One Kafka setting the engine models: its Kafka name, type, default and allowed values.
 * Mirrors one {@code ConfigDef.define(...)} line of Kafka.
 */
public record ConfigKey(String name, Type type, Object defaultValue, List<String> allowed, long min, long max,
                        String brokerDefault) {

    public enum Type { INT, LONG, DOUBLE, BOOLEAN, STRING, LIST }

    public static ConfigKey ofInt(String name, int def, long min, long max) {
        return new ConfigKey(name, Type.INT, def, List.of(), min, max, null);
    }

    public static ConfigKey ofLong(String name, long def, long min, long max) {
        return new ConfigKey(name, Type.LONG, def, List.of(), min, max, null);
    }

    /** A number with a fraction (e.g. min.cleanable.dirty.ratio), between {@code min} and {@code max}. */
    public static ConfigKey ofDouble(String name, double def, long min, long max) {
        return new ConfigKey(name, Type.DOUBLE, def, List.of(), min, max, null);
    }

    public static ConfigKey ofBoolean(String name, boolean def) {
        return new ConfigKey(name, Type.BOOLEAN, def, List.of(), 0, 0, null);
    }

    public static ConfigKey ofString(String name, String def, String... allowed) {
        return new ConfigKey(name, Type.STRING, def, List.of(allowed), 0, 0, null);
    }

    public static ConfigKey ofList(String name, List<String> def, String... allowed) {
        return new ConfigKey(name, Type.LIST, def, List.of(allowed), 0, 0, null);
    }

    /** A topic setting whose default comes from a broker setting (e.g. retention.ms from log.retention.ms). */
    public ConfigKey withBrokerDefault(String brokerKey) {
        return new ConfigKey(name, type, defaultValue, allowed, min, max, brokerKey);
    }

    /** A short description of what is accepted, for error messages. */
    public String expected() {
        return switch (type) {
            case INT, LONG -> "an integer"
                    + (min == Long.MIN_VALUE ? "" : " >= " + min)
                    + (max == Long.MAX_VALUE || (type == Type.INT && max == Integer.MAX_VALUE) ? "" : " and <= " + max);
            case DOUBLE -> "a number >= " + min + " and <= " + max;
            case BOOLEAN -> "true or false";
            case STRING -> allowed.isEmpty() ? "a string" : "one of: " + String.join(", ", allowed);
            case LIST -> allowed.isEmpty() ? "a list of strings" : "a list of: " + String.join(", ", allowed);
        };
    }

    /**
     * Parses a value as it comes from a scenario file (a number, boolean, string or list).
     *
     * @throws IllegalArgumentException with Kafka's wording when the value does not fit
     */
    public Object parse(Object raw) {
        if (raw == null) {
            throw invalid(null, "expected " + expected());
        }
        switch (type) {
            case INT, LONG -> {
                long v;
                if (raw instanceof Number n && !(raw instanceof Double) && !(raw instanceof Float)) {
                    v = n.longValue();
                } else if (raw instanceof String s) {
                    try {
                        v = Long.parseLong(s.trim());
                    } catch (NumberFormatException e) {
                        throw invalid(raw, "expected " + expected());
                    }
                } else {
                    throw invalid(raw, "expected " + expected());
                }
                if (type == Type.INT && (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE)) {
                    throw invalid(raw, "expected " + expected());
                }
                if (v < min || v > max) {
                    throw invalid(raw, "Value must be " + (v < min ? "at least " + min : "no more than " + max));
                }
                return type == Type.INT ? (Object) (int) v : (Object) v;
            }
            case DOUBLE -> {
                double v;
                if (raw instanceof Number n) {
                    v = n.doubleValue();
                } else if (raw instanceof String s) {
                    try {
                        v = Double.parseDouble(s.trim());
                    } catch (NumberFormatException e) {
                        throw invalid(raw, "expected " + expected());
                    }
                } else {
                    throw invalid(raw, "expected " + expected());
                }
                if (Double.isNaN(v)) {
                    throw invalid(raw, "expected " + expected());
                }
                if (v < min || v > max) {
                    throw invalid(raw, "Value must be " + (v < min ? "at least " + min : "no more than " + max));
                }
                return v;
            }
            case BOOLEAN -> {
                if (raw instanceof Boolean b) {
                    return b;
                }
                String s = String.valueOf(raw).trim().toLowerCase(Locale.ROOT);
                if (s.equals("true") || s.equals("false")) {
                    return Boolean.parseBoolean(s);
                }
                throw invalid(raw, "Expected value to be either true or false");
            }
            case STRING -> {
                if (raw instanceof List<?> || raw instanceof java.util.Map<?, ?>) {
                    throw invalid(raw, "expected " + expected());
                }
                String s = String.valueOf(raw).trim();
                if (!allowed.isEmpty() && !allowed.contains(s)) {
                    throw invalid(raw, "String must be one of: " + String.join(", ", allowed));
                }
                return s;
            }
            case LIST -> {
                List<String> out = new ArrayList<>();
                if (raw instanceof List<?> l) {
                    for (Object o : l) {
                        out.add(String.valueOf(o).trim());
                    }
                } else if (raw instanceof java.util.Map<?, ?>) {
                    throw invalid(raw, "expected " + expected());
                } else {
                    for (String part : String.valueOf(raw).split(",")) {
                        if (!part.isBlank()) {
                            out.add(part.trim());
                        }
                    }
                }
                for (String s : out) {
                    if (!allowed.isEmpty() && !allowed.contains(s)) {
                        throw invalid(s, "expected " + expected());
                    }
                }
                return Collections.unmodifiableList(out);
            }
            default -> throw new AssertionError(type);
        }
    }

    private IllegalArgumentException invalid(Object raw, String why) {
        return new IllegalArgumentException("Invalid value " + raw + " for configuration " + name + ": " + why);
    }
}
