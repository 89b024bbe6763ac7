package dev.kafkalab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kafkalab.engine.SimEvent;

/** One engine event as one JSON object: {"type": ..., then the event's fields in declaration order}. */
final class TraceJson {
    private TraceJson() {
    }

    static ObjectNode of(SimEvent e) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("type", e.type());
        JsonNode fields = Json.MAPPER.valueToTree(e);
        fields.fields().forEachRemaining(f -> {
            if (!f.getKey().equals("type")) {
                o.set(f.getKey(), f.getValue());
            }
        });
        return o;
    }
}
