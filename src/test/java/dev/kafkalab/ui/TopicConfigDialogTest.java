package dev.kafkalab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkalab.scenario.ScenarioLoader;
import dev.kafkalab.ui.lab.Lab;
import dev.kafkalab.ui.model.ClusterSnapshot;
import org.junit.jupiter.api.Test;

/** The topic settings sheet shows each value as kafka-configs writes it. */
class TopicConfigDialogTest {
    @Test
    void aListSettingReadsAsCommaSeparatedWordsAndNumbersKeepTheirType() throws Exception {
        Lab lab = new Lab(new ScenarioLoader().load("c.yaml", """
                title: c
                topics:
                  - { name: prices, config: { cleanup.policy: "compact,delete", retention.ms: 60000 } }
                """));
        ClusterSnapshot.TopicView prices = lab.snapshot().topic("prices");
        TopicConfigDialog.Setting policy = TopicConfigDialog.SETTINGS.stream()
                .filter(s -> s.name().equals("cleanup.policy")).findFirst().orElseThrow();
        TopicConfigDialog.Setting retention = TopicConfigDialog.SETTINGS.stream()
                .filter(s -> s.name().equals("retention.ms")).findFirst().orElseThrow();
        assertThat(TopicConfigDialog.current(prices, policy)).isEqualTo("compact,delete");
        assertThat(TopicConfigDialog.current(prices, retention)).isEqualTo(60000L);
    }
}
