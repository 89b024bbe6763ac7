package dev.kafkalab.ui.anim;

import dev.kafkalab.engine.SimEvent;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How long events take on screen: a lesson's own events are seen, internal housekeeping is folded. */
class PlayerTimingTest {
    private static SimEvent.LeaderElected elected(String topic) {
        return new SimEvent.LeaderElected(0, topic, 0, 1, -1, 0, List.of(1, 2), List.of(), false, "new partition");
    }

    @Test
    void aLeaderElectionOfALessonTopicFliesTheBadge() {
        assertThat(Player.durationOf(elected("payments"))).isEqualTo(Animator.FLY);
    }

    @Test
    void fiftyConsumerOffsetsElectionsAreAppliedInBatchesNotAnimatedOneByOne() {
        SimEvent e = elected("__consumer_offsets");
        assertThat(Player.internal(e)).isTrue();
        assertThat(Player.durationOf(e).toMillis()).isLessThan(Player.BATCH_MS);
        assertThat(Player.internal(new SimEvent.HighWatermarkAdvanced(0, "__consumer_offsets", 3, 1, 5))).isTrue();
        assertThat(Player.internal(new SimEvent.HighWatermarkAdvanced(0, "payments", 3, 1, 5))).isFalse();
    }
}
