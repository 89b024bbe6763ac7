package dev.kafkalab.engine.group;

import dev.kafkalab.engine.TopicPartition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Kafka's classic {@code range} assignor, topic by topic: the members subscribed to the topic are sorted by
 * member id; each gets {@code partitions / members} consecutive partitions, and the first
 * {@code partitions % members} of them get one more. Equal to kafka-clients' {@code RangeAssignor}
 * (members without rack ids), as {@code ClassicAssignorOracleTest} checks.
 */
public final class RangeAssignor implements ClassicAssignor {

    @Override
    public String name() {
        return "range";
    }

    @Override
    public boolean cooperative() {
        return false;
    }

    @Override
    public Map<String, List<TopicPartition>> assign(Map<String, Integer> partitionsPerTopic,
                                                    List<MemberSubscription> members) {
        Map<String, List<TopicPartition>> assignment = new HashMap<>();
        for (String topic : subscribedTopics(members)) {
            Integer partitions = partitionsPerTopic.get(topic);
            if (partitions == null) {
                continue; // the topic does not exist: nobody gets anything of it
            }
            List<String> consumers = subscribers(topic, members);
            int each = partitions / consumers.size();
            int withExtra = partitions % consumers.size();
            int next = 0;
            for (int i = 0; i < consumers.size(); i++) {
                int count = each + (i < withExtra ? 1 : 0);
                List<TopicPartition> mine = assignment.computeIfAbsent(consumers.get(i), k -> new ArrayList<>());
                for (int p = next; p < next + count; p++) {
                    mine.add(new TopicPartition(topic, p));
                }
                next += count;
            }
        }
        return Results.ordered(assignment, members);
    }

    /**
     * How range splits each topic, one line per subscribed topic, e.g.
     * {@code payments: 6 partitions / 4 members = 1 each, first 2 members get one extra}.
     */
    public List<String> explain(Map<String, Integer> partitionsPerTopic, List<MemberSubscription> members) {
        List<String> lines = new ArrayList<>();
        for (String topic : subscribedTopics(members)) {
            Integer partitions = partitionsPerTopic.get(topic);
            if (partitions == null) {
                lines.add(topic + ": does not exist, nothing to assign");
                continue;
            }
            List<String> consumers = subscribers(topic, members);
            int m = consumers.size();
            int each = partitions / m;
            int withExtra = partitions % m;
            StringBuilder line = new StringBuilder()
                    .append(topic).append(": ")
                    .append(plural(partitions, "partition")).append(" / ").append(plural(m, "member"))
                    .append(" = ").append(each).append(" each");
            if (withExtra > 0) {
                line.append(", first ").append(withExtra == 1 ? "member gets" : withExtra + " members get")
                        .append(" one extra");
            }
            if (each == 0 && m > withExtra) {
                line.append(" (").append(m - withExtra).append(" idle)");
            }
            line.append(" -> ");
            int next = 0;
            for (int i = 0; i < m; i++) {
                int count = each + (i < withExtra ? 1 : 0);
                if (i > 0) {
                    line.append(", ");
                }
                line.append(consumers.get(i)).append('=').append(range(next, count));
                next += count;
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** All topics some member subscribes to, in name order. */
    private static TreeSet<String> subscribedTopics(List<MemberSubscription> members) {
        TreeSet<String> topics = new TreeSet<>();
        members.forEach(m -> topics.addAll(m.topics()));
        return topics;
    }

    /** The members subscribed to the topic, sorted by member id ("c10" before "c2"). */
    private static List<String> subscribers(String topic, List<MemberSubscription> members) {
        List<String> out = new ArrayList<>();
        for (MemberSubscription m : members) {
            if (m.topics().contains(topic)) {
                out.add(m.memberId());
            }
        }
        Collections.sort(out);
        return out;
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    private static String range(int first, int count) {
        if (count == 0) {
            return "[]";
        }
        return count == 1 ? "[" + first + "]" : "[" + first + ".." + (first + count - 1) + "]";
    }
}
