package dev.kafkalab.scenario;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Loads and validates scenario files (contract: scenario-format.md). Every failure, whatever the input,
 * is a {@link ScenarioException} listing all problems found, each located at {@code file:line:column}.
 * Stateless and thread-safe.
 */
public final class ScenarioLoader {
    /** Largest file accepted, in bytes (and in code points for text). */
    public static final int MAX_SIZE = 4 * 1024 * 1024;
    private static final int MAX_ALIASES = 50;
    private static final int MAX_NESTING = 50;

    /** Reads and validates a file; its path as given names it in problems. */
    public Scenario load(Path file) throws ScenarioException {
        String name = file.toString();
        String text;
        try {
            long size = Files.size(file);
            if (size > MAX_SIZE) {
                throw fail(name, "the file is too large (" + size + " bytes; at most " + MAX_SIZE + ")");
            }
            byte[] bytes = Files.readAllBytes(file);
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            throw fail(name, "no such file");
        } catch (AccessDeniedException e) {
            throw fail(name, "cannot read the file: permission denied");
        } catch (CharacterCodingException e) {
            throw fail(name, "the file is not UTF-8 text");
        } catch (IOException | RuntimeException e) {
            throw fail(name, "cannot read the file: " + e.getMessage());
        }
        return parse(name, text, file);
    }

    /** Validates YAML text; {@code displayName} names it in problems. The scenario's source is null. */
    public Scenario load(String displayName, String yamlText) throws ScenarioException {
        return parse(displayName, yamlText == null ? "" : yamlText, null);
    }

    private static ScenarioException fail(String file, String message) {
        return new ScenarioException(List.of(new Problem(Location.start(file), message)));
    }

    private Scenario parse(String name, String text, Path source) throws ScenarioException {
        Diagnostics d = new Diagnostics(name);
        if (text.length() > MAX_SIZE) {
            throw fail(name, "the text is too large (" + text.length() + " characters; at most " + MAX_SIZE + ")");
        }
        Node root;
        try {
            root = compose(text);
        } catch (MarkedYAMLException e) {
            d.error(d.at(e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark()), syntax(e));
            throw new ScenarioException(d.sorted());
        } catch (ReaderException e) {
            d.error(locate(name, text, e.getPosition()), "the character "
                    + String.format("U+%04X", e.getCodePoint()) + " is not allowed in YAML");
            throw new ScenarioException(d.sorted());
        } catch (YAMLException e) {
            throw fail(name, "cannot read the YAML: " + e.getMessage());
        } catch (StackOverflowError e) {
            throw fail(name, "cannot read the YAML: nested too deeply");
        }
        Scenario scenario;
        try {
            duplicateKeys(root, d);
            scenario = new ScenarioReader(d).read(root, source);
        } catch (RuntimeException | StackOverflowError e) {
            d.error(d.start(), "internal error while checking this file (" + e + "); please report it");
            throw new ScenarioException(d.sorted());
        }
        if (scenario == null || d.hasErrors()) {
            throw new ScenarioException(d.sorted());
        }
        return scenario;
    }

    private static Node compose(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit(MAX_SIZE);
        StreamReader reader = new StreamReader(new StringReader(text));
        return new Composer(new ParserImpl(reader, options), new Resolver(), options).getSingleNode();
    }

    /** SnakeYAML's description on one line, e.g. "while scanning a quoted scalar, found unexpected end of stream". */
    private static String syntax(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem().strip();
        String context = e.getContext() == null ? "" : e.getContext().strip() + ", ";
        return ("YAML syntax error: " + context + problem).replace('\n', ' ');
    }

    /** The 1-based line and column of a code point index in the text. */
    private static Location locate(String file, String text, int codePointIndex) {
        int line = 1;
        int column = 1;
        int i = 0;
        for (int cp = 0; i < text.length() && cp < codePointIndex; cp++) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new Location(file, line, column);
    }

    /** Reports every repeated key of every mapping, at the repetition. */
    private static void duplicateKeys(Node root, Diagnostics d) {
        if (root == null) {
            return;
        }
        Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Node> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            if (!seen.add(n)) {
                continue;
            }
            if (n instanceof MappingNode m) {
                Map<String, Node> first = new HashMap<>();
                for (NodeTuple t : m.getValue()) {
                    if (t.getKeyNode() instanceof ScalarNode k) {
                        Node prev = first.putIfAbsent(k.getValue(), k);
                        if (prev != null) {
                            d.error(k, "duplicate key '" + Nodes.quote(k.getValue(), false)
                                    + "' (first given at line " + d.at(prev).line() + ")");
                        }
                    }
                    todo.push(t.getValueNode());
                    todo.push(t.getKeyNode());
                }
            } else if (n instanceof SequenceNode s) {
                s.getValue().forEach(todo::push);
            }
        }
    }
}
