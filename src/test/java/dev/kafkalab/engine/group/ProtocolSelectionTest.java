package dev.kafkalab.engine.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.apache.kafka.common.message.JoinGroupRequestData.JoinGroupRequestProtocol;
import org.apache.kafka.common.message.JoinGroupRequestData.JoinGroupRequestProtocolCollection;
import org.apache.kafka.common.utils.LogContext;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.coordinator.group.classic.ClassicGroup;
import org.apache.kafka.coordinator.group.classic.ClassicGroupMember;
import org.apache.kafka.coordinator.group.classic.ClassicGroupState;
import org.junit.jupiter.api.Test;

/** How a classic group picks its assignor; the oracle is the group coordinator's own ClassicGroup. */
class ProtocolSelectionTest {
    static final List<String> ALL = List.of("range", "roundrobin", "sticky", "cooperative-sticky");

    @Test
    void defaultStrategyListPicksRange() {
        assertThat(Assignors.DEFAULT_STRATEGY).containsExactly("range", "cooperative-sticky");
        assertThat(Assignors.forStrategy(Assignors.DEFAULT_STRATEGY)).isInstanceOf(RangeAssignor.class);
        Map<String, List<String>> group = new LinkedHashMap<>();
        for (String id : List.of("c1", "c2", "c3")) {
            group.put(id, Assignors.DEFAULT_STRATEGY);
        }
        assertThat(Assignors.forGroup(group).name()).isEqualTo("range");
    }

    @Test
    void classNamesMapToProtocolNames() {
        assertThat(Assignors.forStrategy(List.of("org.apache.kafka.clients.consumer.CooperativeStickyAssignor",
                "org.apache.kafka.clients.consumer.RangeAssignor"))).isInstanceOf(CooperativeStickyAssignor.class);
        assertThat(Assignors.protocols(List.of("org.apache.kafka.clients.consumer.RoundRobinAssignor",
                "org.apache.kafka.clients.consumer.StickyAssignor", "sticky")))
                .containsExactly("roundrobin", "sticky");
        assertThatThrownBy(() -> Assignors.protocolName("com.example.MyAssignor"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyAProtocolEveryMemberSupportsCanWin() {
        // the usual upgrade path: one member already moved to cooperative-sticky only
        Map<String, List<String>> group = new LinkedHashMap<>();
        group.put("c1", List.of("range", "cooperative-sticky"));
        group.put("c2", List.of("range", "cooperative-sticky"));
        group.put("c3", List.of("cooperative-sticky"));
        assertThat(Assignors.selectProtocol(group)).contains("cooperative-sticky");
    }

    @Test
    void mostVotesWin() {
        Map<String, List<String>> group = new LinkedHashMap<>();
        group.put("c1", List.of("roundrobin", "range"));
        group.put("c2", List.of("range", "roundrobin"));
        group.put("c3", List.of("range", "roundrobin"));
        assertThat(Assignors.selectProtocol(group)).contains("range");
    }

    @Test
    void tieGoesToTheFirstInTheCoordinatorsVoteTable() {
        Map<String, List<String>> group = new LinkedHashMap<>();
        group.put("c1", List.of("roundrobin", "range"));
        group.put("c2", List.of("range", "roundrobin"));
        assertThat(Assignors.selectProtocol(group)).isEqualTo(Optional.ofNullable(kafkaSelect(group)));
    }

    @Test
    void noCommonProtocol() {
        Map<String, List<String>> group = new LinkedHashMap<>();
        group.put("c1", List.of("range"));
        group.put("c2", List.of("roundrobin"));
        assertThat(Assignors.selectProtocol(group)).isEmpty();
        assertThatThrownBy(() -> Assignors.forGroup(group)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void equalsKafkasClassicGroupOnRandomGroups() {
        int compared = 0;
        for (int seed = 0; seed < 1000; seed++) {
            Random r = new Random(seed);
            Map<String, List<String>> group = new LinkedHashMap<>();
            for (String id : KafkaOracle.randomMemberIds(r, 1 + r.nextInt(12))) {
                List<String> mine = new ArrayList<>(ALL);
                java.util.Collections.shuffle(mine, r);
                // usually a common protocol exists; keep the first member's favourite in everyone's list
                int keep = 1 + r.nextInt(mine.size());
                List<String> list = new ArrayList<>(mine.subList(0, keep));
                if (!group.isEmpty() && r.nextInt(10) != 0) {
                    String common = group.values().iterator().next().get(0);
                    if (!list.contains(common)) {
                        list.add(r.nextInt(list.size() + 1), common);
                    }
                }
                group.put(id, list);
            }
            String kafka = kafkaSelect(group);
            if (kafka != null) {
                compared++;
            }
            assertThat(Assignors.selectProtocol(group)).as("case seed %d, group %s", seed, group)
                    .isEqualTo(Optional.ofNullable(kafka));
        }
        assertThat(compared).isGreaterThan(500);
    }

    /**
     * Kafka's ClassicGroup fed with the members in join order; null when a member would be refused for
     * having no protocol in common with the group.
     */
    static String kafkaSelect(Map<String, List<String>> protocolsInJoinOrder) {
        ClassicGroup group = new ClassicGroup(new LogContext(), "g", ClassicGroupState.EMPTY, Time.SYSTEM);
        for (Map.Entry<String, List<String>> e : protocolsInJoinOrder.entrySet()) {
            JoinGroupRequestProtocolCollection protocols = new JoinGroupRequestProtocolCollection();
            e.getValue().forEach(p -> protocols.add(new JoinGroupRequestProtocol().setName(p).setMetadata(new byte[0])));
            if (!group.isEmpty() && !group.supportsProtocols("consumer", protocols)) {
                return null;
            }
            group.add(new ClassicGroupMember(e.getKey(), Optional.empty(), "client", "host", 300000, 45000,
                    "consumer", protocols));
            if (group.isInState(ClassicGroupState.EMPTY)) {
                group.transitionTo(ClassicGroupState.PREPARING_REBALANCE); // later joiners are checked
            }
        }
        return group.selectProtocol();
    }
}
