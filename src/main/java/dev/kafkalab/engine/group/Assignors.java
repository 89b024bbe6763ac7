package dev.kafkalab.engine.group;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finding the assignor a group uses. Classic groups: each member lists the assignors it supports
 * ({@code partition.assignment.strategy}, by protocol name or Kafka class name) in preference order and the
 * coordinator picks one all members support ({@link #selectProtocol}). KIP-848 groups: the broker's
 * assignor, {@code uniform} unless the member asks for {@code range} ({@link #server}).
 */
public final class Assignors {

    /** The consumer's default {@code partition.assignment.strategy} in Kafka 4.1. */
    public static final List<String> DEFAULT_STRATEGY = List.of("range", "cooperative-sticky");

    /** The broker's default {@code group.consumer.assignors}: the first is used unless a member asks otherwise. */
    public static final List<String> DEFAULT_SERVER_ASSIGNORS = List.of("uniform", "range");

    private Assignors() {
    }

    /**
     * The protocol name of a {@code partition.assignment.strategy} entry: a protocol name
     * ({@code range, roundrobin, sticky, cooperative-sticky}) or the class name of one of Kafka's assignors.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static String protocolName(String strategy) {
        String s = strategy.trim();
        return switch (s) {
            case "range", "org.apache.kafka.clients.consumer.RangeAssignor" -> "range";
            case "roundrobin", "org.apache.kafka.clients.consumer.RoundRobinAssignor" -> "roundrobin";
            case "sticky", "org.apache.kafka.clients.consumer.StickyAssignor" -> "sticky";
            case "cooperative-sticky", "org.apache.kafka.clients.consumer.CooperativeStickyAssignor" ->
                    "cooperative-sticky";
            default -> throw new IllegalArgumentException("Unknown partition assignment strategy: " + strategy);
        };
    }

    /** The protocol names of a strategy list, in preference order, each once. */
    public static List<String> protocols(List<String> strategyList) {
        Set<String> out = new LinkedHashSet<>();
        strategyList.forEach(s -> out.add(protocolName(s)));
        return List.copyOf(out);
    }

    /** A classic assignor by protocol name or Kafka class name. */
    public static ClassicAssignor classic(String strategy) {
        return switch (protocolName(strategy)) {
            case "range" -> new RangeAssignor();
            case "roundrobin" -> new RoundRobinAssignor();
            case "sticky" -> new StickyAssignor();
            default -> new CooperativeStickyAssignor();
        };
    }

    /**
     * The assignor of a classic group whose members all use this strategy list: the first entry (with one
     * list, every protocol is supported by all members and each member votes for its first). For the default
     * list {@code [range, cooperative-sticky]} that is range.
     */
    public static ClassicAssignor forStrategy(List<String> strategyList) {
        return forGroup(Map.of("member", strategyList));
    }

    /**
     * The assignor a classic group picks, given each member's strategy list.
     *
     * @param strategyListsInJoinOrder member id to strategy list, iterated in the order the members joined
     *                                 (e.g. a LinkedHashMap); the order only matters to break a tie
     * @throws IllegalArgumentException when no protocol is supported by every member (Kafka refuses such a
     *                                  member's JoinGroup with INCONSISTENT_GROUP_PROTOCOL)
     */
    public static ClassicAssignor forGroup(Map<String, List<String>> strategyListsInJoinOrder) {
        Map<String, List<String>> protocols = new LinkedHashMap<>();
        strategyListsInJoinOrder.forEach((member, list) -> protocols.put(member, protocols(list)));
        return classic(selectProtocol(protocols).orElseThrow(() -> new IllegalArgumentException(
                "The group member's supported protocols are incompatible with those of existing members "
                        + "or first group member tried to join with empty protocol type or empty protocol list.")));
    }

    /**
     * Kafka's {@code ClassicGroup.selectProtocol}: the candidates are the protocols every member supports;
     * each member votes for the first candidate in its own preference list; the candidate with the most votes
     * wins. A tie goes to the tied protocol that comes first when iterating the coordinator's vote table
     * (a HashMap keyed by protocol name) — replayed here with the same kind of map, fed in the same order.
     *
     * @param protocolsInJoinOrder member id to its protocol names in preference order, iterated in join order
     * @return the chosen protocol, or empty when the members have none in common (or there are no members)
     */
    public static Optional<String> selectProtocol(Map<String, List<String>> protocolsInJoinOrder) {
        // the coordinator's members map is a HashMap filled as members join
        Map<String, List<String>> members = new HashMap<>();
        protocolsInJoinOrder.forEach((member, list) -> members.put(member, List.copyOf(new LinkedHashSet<>(list))));
        if (members.isEmpty()) {
            return Optional.empty();
        }

        // candidateProtocols(): supported by as many members as there are members
        Map<String, Integer> supportedBy = new HashMap<>();
        members.values().forEach(list -> list.forEach(p -> supportedBy.merge(p, 1, Integer::sum)));
        Set<String> candidates = new HashSet<>();
        supportedBy.forEach((p, n) -> {
            if (n == members.size()) {
                candidates.add(p);
            }
        });
        if (candidates.isEmpty()) {
            return Optional.empty();
        }

        // each member votes for its most preferred candidate
        Map<String, Integer> votes = new HashMap<>();
        for (List<String> list : members.values()) {
            String vote = list.stream().filter(candidates::contains).findFirst().orElseThrow();
            votes.put(vote, votes.getOrDefault(vote, 0) + 1);
        }

        // Stream.max keeps the first of equal maxima in iteration order
        String best = null;
        int bestVotes = -1;
        for (Map.Entry<String, Integer> e : votes.entrySet()) {
            if (e.getValue() > bestVotes) {
                best = e.getKey();
                bestVotes = e.getValue();
            }
        }
        return Optional.of(best);
    }

    /**
     * A KIP-848 server-side assignor by name ({@code uniform}, {@code range}) or Kafka class name; null or
     * blank gives the broker's default, uniform.
     */
    public static ServerAssignor server(String name) {
        if (name == null || name.isBlank()) {
            return new UniformServerAssignor();
        }
        return switch (name.trim()) {
            case "uniform", "org.apache.kafka.coordinator.group.assignor.UniformAssignor" -> new UniformServerAssignor();
            case "range", "org.apache.kafka.coordinator.group.assignor.RangeAssignor" -> new RangeServerAssignor();
            default -> throw new IllegalArgumentException("Unknown assignor " + name + " (the broker has "
                    + String.join(", ", DEFAULT_SERVER_ASSIGNORS) + ")");
        };
    }

    /** All classic assignors, in the order Kafka documents them. */
    public static List<ClassicAssignor> allClassic() {
        return List.of(new RangeAssignor(), new RoundRobinAssignor(), new StickyAssignor(),
                new CooperativeStickyAssignor());
    }
}
