package dev.kafkalab.scenario;

import dev.kafkalab.engine.ConfigKey;
import dev.kafkalab.engine.Configs;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Typed readers of YAML values; each reports what it expected at the node and returns null on a problem. */
final class Values {
    /** Limits for raw values (goal), which may be nested and may share nodes through aliases. */

    private final Diagnostics d;

    Values(Diagnostics d) {
        this.d = d;
    }

    Diagnostics diagnostics() {
        return d;
    }

    /** The mapping, or null (reported) when the node is something else. */
    MappingNode mapping(Node n, String field, String hint) {
        if (n instanceof MappingNode m) {
            return m;
        }
        d.error(n, "'" + field + "': expected a mapping" + (hint == null ? "" : " of " + hint) + ", got "
                + Nodes.describe(n));
        return null;
    }

    /** The items, or null (reported) when the node is something else. */
    List<Node> sequence(Node n, String field, String hint) {
        if (n instanceof SequenceNode s) {
            return s.getValue();
        }
        d.error(n, "'" + field + "': expected a list" + (hint == null ? "" : " of " + hint) + ", got "
                + Nodes.describe(n));
        return null;
    }

    /** The text of a non-null scalar (numbers and booleans as written). */
    String text(Node n, String field) {
        if (n instanceof ScalarNode s && !Nodes.isNull(n)) {
            return s.getValue();
        }
        d.error(n, "'" + field + "': expected a string, got " + Nodes.describe(n));
        return null;
    }

    /** Like {@link #text} but null/~ is allowed; {@code ok[0]} is false when a problem was reported. */
    String nullableText(Node n, String field, boolean[] ok) {
        if (Nodes.isNull(n)) {
            return null;
        }
        if (n instanceof ScalarNode s) {
            return s.getValue();
        }
        d.error(n, "'" + field + "': expected a string or null, got " + Nodes.describe(n));
        ok[0] = false;
        return null;
    }

    Long integer(Node n, String field, long min, long max) {
        if (Nodes.is(n, Tag.INT)) {
            BigInteger v = Nodes.integer(((ScalarNode) n).getValue());
            if (v != null) {
                if (v.compareTo(BigInteger.valueOf(min)) >= 0 && v.compareTo(BigInteger.valueOf(max)) <= 0) {
                    return v.longValue();
                }
                d.error(n, "'" + field + "': expected " + range(min, max) + ", got " + v);
                return null;
            }
            d.error(n, "'" + field + "': expected " + range(min, max) + ", got '"
                    + Nodes.quote(((ScalarNode) n).getValue(), false) + "'");
            return null;
        }
        d.error(n, "'" + field + "': expected " + range(min, max) + ", got " + Nodes.describe(n));
        return null;
    }

    /** true or false, or null (reported) when the node is something else. */
    Boolean bool(Node n, String field) {
        if (Nodes.is(n, Tag.BOOL)) {
            String b = ((ScalarNode) n).getValue().toLowerCase(Locale.ROOT);
            return b.equals("true") || b.equals("yes") || b.equals("on") || b.equals("y");
        }
        d.error(n, "'" + field + "': expected true or false, got " + Nodes.describe(n));
        return null;
    }

    Integer integer(Node n, String field, int min) {
        Long v = integer(n, field, min, Integer.MAX_VALUE);
        return v == null ? null : v.intValue();
    }

    static String range(long min, long max) {
        if (min == Long.MIN_VALUE && max == Long.MAX_VALUE) {
            return "an integer";
        }
        if (max == Long.MAX_VALUE || max == Integer.MAX_VALUE) {
            return "an integer >= " + min;
        }
        return "an integer from " + min + " to " + max;
    }

    /** A list of strings (scalars' text); reported when empty and {@code nonEmpty}. */
    List<String> strings(Node n, String field, boolean nonEmpty) {
        List<Node> items = sequence(n, field, "strings");
        if (items == null) {
            return null;
        }
        if (nonEmpty && items.isEmpty()) {
            d.error(n, "'" + field + "': expected at least one entry, got an empty list");
            return null;
        }
        List<String> out = new ArrayList<>();
        boolean ok = true;
        for (Node item : items) {
            String s = text(item, field);
            ok &= s != null;
            out.add(s);
        }
        return ok ? out : null;
    }

    /** Settings of one scope, each checked against the engine's registry and parsed; in file order. */
    Map<String, Object> config(Node n, Configs.Scope scope, String field) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (n == null || Nodes.isNull(n)) {
            return out;
        }
        MappingNode m = mapping(n, field, Nodes.scopeName(scope) + " settings");
        if (m == null) {
            return out;
        }
        Fields f = new Fields(d, m, "'" + field + "'", null);
        for (String name : f.names()) {
            ConfigKey key = Configs.key(scope, name);
            if (key == null) {
                d.error(f.keyNode(name), "unknown " + Nodes.scopeName(scope) + " setting '" + name
                        + "' (the engine models: " + Nodes.join(Configs.keys(scope).keySet()) + ")");
                continue;
            }
            Node v = f.value(name);
            try {
                out.put(name, key.parse(settingValue(v, key)));
            } catch (IllegalArgumentException e) {
                d.error(v, e.getMessage());
            }
        }
        return out;
    }

    /** A setting's raw value as {@link ConfigKey#parse} takes it; strings keep their text as written. */
    private Object settingValue(Node n, ConfigKey key) {
        if (n instanceof SequenceNode s) {
            List<Object> items = new ArrayList<>();
            for (Node item : s.getValue()) {
                items.add(item instanceof ScalarNode sc ? sc.getValue() : Nodes.describe(item));
            }
            return items;
        }
        if (n instanceof MappingNode) {
            return Map.of();
        }
        ScalarNode s = (ScalarNode) n;
        if (Nodes.isNull(s)) {
            return null;
        }
        boolean numeric = key.type() == ConfigKey.Type.INT || key.type() == ConfigKey.Type.LONG;
        if (numeric && Tag.INT.equals(s.getTag())) {
            BigInteger v = Nodes.integer(s.getValue());
            return v != null && v.bitLength() < 64 ? (Object) v.longValue() : s.getValue();
        }
        if (numeric && Tag.FLOAT.equals(s.getTag())) {
            return s.getValue().toLowerCase(Locale.ROOT);
        }
        return s.getValue();
    }
}
