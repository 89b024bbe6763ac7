package dev.kafkalab.scenario;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The entries of one YAML mapping by key name. Reports keys that are not names and, when given the
 * allowed keys, unknown keys. Duplicate keys are reported by {@link ScenarioLoader}; the first one wins.
 */
final class Fields {
    private final Diagnostics diagnostics;
    private final MappingNode node;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

    Fields(Diagnostics diagnostics, MappingNode node, String where, Collection<String> allowed) {
        this.diagnostics = diagnostics;
        this.node = node;
        for (NodeTuple t : node.getValue()) {
            Node k = t.getKeyNode();
            if (!(k instanceof ScalarNode s) || Nodes.isNull(k)) {
                diagnostics.error(k, "expected a name as key in " + where + ", got " + Nodes.describe(k));
                continue;
            }
            String name = s.getValue();
            if (entries.containsKey(name)) {
                continue;
            }
            entries.put(name, t);
            if (allowed != null && !allowed.contains(name)) {
                diagnostics.error(k, "unknown key '" + name + "' in " + where + " (allowed: "
                        + Nodes.join(allowed) + ")");
            }
        }
    }

    MappingNode node() {
        return node;
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    /** The value node, or null when the key is absent. */
    Node value(String key) {
        NodeTuple t = entries.get(key);
        return t == null ? null : t.getValueNode();
    }

    Node keyNode(String key) {
        NodeTuple t = entries.get(key);
        return t == null ? null : t.getKeyNode();
    }

    List<String> names() {
        return new ArrayList<>(entries.keySet());
    }

    /** The value node of a required key; reports it missing at {@code at} when absent. */
    Node required(String key, Node at, String what) {
        Node v = value(key);
        if (v == null) {
            diagnostics.error(at, what + " needs '" + key + "'");
        }
        return v;
    }
}
