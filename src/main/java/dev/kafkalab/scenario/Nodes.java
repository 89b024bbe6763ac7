package dev.kafkalab.scenario;

import java.math.BigInteger;
import java.util.Collection;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Small helpers over SnakeYAML nodes. */
final class Nodes {
    private static final int QUOTE_LIMIT = 40;

    private Nodes() {
    }

    static boolean isNull(Node n) {
        return n instanceof ScalarNode s && Tag.NULL.equals(s.getTag());
    }

    /** A scalar's tag is one of YAML's core types, e.g. {@link Tag#INT}. */
    static boolean is(Node n, Tag tag) {
        return n instanceof ScalarNode && tag.equals(n.getTag());
    }

    /** What a node is, for "expected X, got Y" messages. */
    static String describe(Node n) {
        if (n == null) {
            return "nothing";
        }
        if (n instanceof MappingNode) {
            return "a mapping";
        }
        if (n instanceof SequenceNode) {
            return "a list";
        }
        ScalarNode s = (ScalarNode) n;
        Tag t = s.getTag();
        if (Tag.NULL.equals(t)) {
            return "null";
        }
        if (Tag.INT.equals(t)) {
            return "an integer " + quote(s.getValue(), false);
        }
        if (Tag.FLOAT.equals(t)) {
            return "a number " + quote(s.getValue(), false);
        }
        if (Tag.BOOL.equals(t)) {
            return "a boolean " + quote(s.getValue(), false);
        }
        return "a string " + quote(s.getValue(), true);
    }

    static String quote(String s, boolean marks) {
        String v = s.length() > QUOTE_LIMIT ? s.substring(0, QUOTE_LIMIT) + "..." : s;
        v = v.replace("\n", "\\n").replace("\t", "\\t");
        return marks ? "'" + v + "'" : v;
    }

    /** An integer in YAML 1.1 syntax (sign, underscores, 0x, 0b, leading-0 octal), or null. */
    static BigInteger integer(String text) {
        String s = text.replace("_", "");
        boolean negative = s.startsWith("-");
        if (negative || s.startsWith("+")) {
            s = s.substring(1);
        }
        int radix = 10;
        if (s.startsWith("0x")) {
            radix = 16;
            s = s.substring(2);
        } else if (s.startsWith("0b")) {
            radix = 2;
            s = s.substring(2);
        } else if (s.startsWith("0o")) {
            radix = 8;
            s = s.substring(2);
        } else if (s.length() > 1 && s.startsWith("0")) {
            radix = 8;
            s = s.substring(1);
        }
        if (s.isEmpty() || !s.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return null;
        }
        try {
            BigInteger v = new BigInteger(s, radix);
            return negative ? v.negate() : v;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String scopeName(dev.kafkalab.engine.Configs.Scope scope) {
        return scope.name().toLowerCase(java.util.Locale.ROOT);
    }

    static String join(Collection<String> names) {
        return String.join(", ", names);
    }
}
