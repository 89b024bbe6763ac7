package dev.kafkalab.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A lesson step's {@code goal}: what the learner must do before going on.
 *
 * @param text      what to do, Markdown
 * @param condition the condition's key, e.g. {@code bind}, {@code produce}, {@code crash}
 * @param fields    the condition's fields (strings, integers, booleans; a key may map to null)
 * @param hints     shown one by one after a try that did not meet the goal
 */
public record Goal(String text, String condition, Map<String, Object> fields, List<String> hints,
                   Location location) {
    public Goal {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        hints = List.copyOf(hints);
    }
}
