package dev.kafkalab.scenario;

import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

/** Collects the problems of one file, located at YAML nodes. */
final class Diagnostics {
    private final String file;
    private final List<Problem> problems = new ArrayList<>();

    Diagnostics(String file) {
        this.file = file;
    }

    Location at(Node node) {
        return node == null ? Location.start(file) : at(node.getStartMark());
    }

    Location at(Mark mark) {
        return mark == null ? Location.start(file) : new Location(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    Location start() {
        return Location.start(file);
    }

    void error(Node node, String message) {
        error(at(node), message);
    }

    void error(Location location, String message) {
        Problem p = new Problem(location, message);
        if (!problems.contains(p)) {
            problems.add(p);
        }
    }

    /** How many problems so far; compare two counts to see whether a part of the file added any. */
    int count() {
        return problems.size();
    }

    boolean hasErrors() {
        return !problems.isEmpty();
    }

    /** The problems in file order (stable for problems at the same position). */
    List<Problem> sorted() {
        List<Problem> out = new ArrayList<>(problems);
        out.sort(null);
        return out;
    }
}
