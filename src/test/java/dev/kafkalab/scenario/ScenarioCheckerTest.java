package dev.kafkalab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ScenarioCheckerTest {
    private static final String TEXT = """
            title: x
            cluster: { brokers: 2 }
            producers: [ { id: p1 } ]
            consumers:
              - { id: c1, topics: [t] }
              - { id: c2, group: g, topics: [t] }
            steps:
              - do:
                  - produce: { producer: p1, topic: t }
                  - crash: { broker: 1 }
              - do:
                  - join: { consumer: c3, group: g2, topics: [t] }
                  - poll: { consumer: c1 }
                  - seek: { consumer: c1, topic: t, partition: 0, offset: 0 }
            """;

    @Test
    void reportsActionsThatAreNotSupported() throws ScenarioException {
        Scenario s = new ScenarioLoader().load("s.yaml", TEXT);
        assertThat(ScenarioChecker.unsupported(s, Set.of("poll", "produce", "flush")))
                .extracting(Problem::toString).containsExactly(
                        "s.yaml:10:9: action 'crash' is not supported yet by this version of Kafka Lab"
                                + " (supported: produce, flush, poll)",
                        "s.yaml:12:9: action 'join' is not supported yet by this version of Kafka Lab"
                                + " (supported: produce, flush, poll)",
                        "s.yaml:14:9: action 'seek' is not supported yet by this version of Kafka Lab"
                                + " (supported: produce, flush, poll)");
        assertThat(ScenarioChecker.unsupported(s, Set.copyOf(Action.NAMES))).isEmpty();
    }
}
