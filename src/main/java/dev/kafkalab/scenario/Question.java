package dev.kafkalab.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A lesson step's predict-then-reveal {@code question}. The engine computes the answer after the step's
 * actions ran; the learner guesses before.
 *
 * @param ask     the question, Markdown
 * @param answer  the answer's key, e.g. {@code partition}, {@code leader}, {@code delivered}
 * @param fields  the answer's fields (a key may map to null)
 * @param choices the options as written, or empty when the answer supplies its own
 * @param hints   shown one by one after a wrong guess
 * @param explain Markdown shown with the revealed answer, or null
 */
public record Question(String ask, String answer, Map<String, Object> fields, List<String> choices,
                       List<String> hints, String explain, Location location) {
    public Question {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        choices = List.copyOf(choices);
        hints = List.copyOf(hints);
    }
}
