package dev.kafkalab.engine.group;

import dev.kafkalab.engine.TopicPartition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Shared plumbing of the assignors: Kafka's member order and the shape of every result. */
final class Results {
    private Results() {
    }

    /**
     * Member ids in Kafka's order: plain string order, so "c10" comes before "c2" (Kafka's MemberInfo sorts by
     * member id when no member has a group.instance.id).
     */
    static List<String> sortedMemberIds(List<MemberSubscription> members) {
        List<String> ids = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (MemberSubscription m : members) {
            if (!seen.add(m.memberId())) {
                throw new IllegalArgumentException("duplicate member id " + m.memberId());
            }
            ids.add(m.memberId());
        }
        Collections.sort(ids);
        return ids;
    }

    /** Every member in member-id order, each with its partitions sorted (an empty list when it got none). */
    static Map<String, List<TopicPartition>> ordered(Map<String, ? extends Collection<TopicPartition>> raw,
                                                     List<MemberSubscription> members) {
        Map<String, List<TopicPartition>> out = new LinkedHashMap<>();
        for (String id : sortedMemberIds(members)) {
            Collection<TopicPartition> got = raw.get(id);
            List<TopicPartition> list = got == null ? new ArrayList<>() : new ArrayList<>(got);
            Collections.sort(list);
            out.put(id, Collections.unmodifiableList(list));
        }
        return Collections.unmodifiableMap(out);
    }
}
