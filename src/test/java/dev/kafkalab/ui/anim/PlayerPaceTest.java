package dev.kafkalab.ui.anim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A long burst of events catches up; a short one plays at the learner's speed. */
class PlayerPaceTest {
    @Test
    void aBacklogQuickensPlaybackUpToEightTimes() {
        assertThat(Player.catchUp(0)).isEqualTo(1);
        assertThat(Player.catchUp(Player.CALM_QUEUE)).isEqualTo(1);
        assertThat(Player.catchUp(2 * Player.CALM_QUEUE)).isEqualTo(2);
        assertThat(Player.catchUp(80)).isEqualTo(80.0 / Player.CALM_QUEUE);
        assertThat(Player.catchUp(10_000)).isEqualTo(8);
    }
}
