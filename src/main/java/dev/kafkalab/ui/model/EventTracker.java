package dev.kafkalab.ui.model;

import dev.kafkalab.engine.SimEvent;
import dev.kafkalab.engine.TopicPartition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * What the picture needs but the engine does not expose: which brokers are fenced, what waits in each
 * producer's accumulator, and each record's lineage (who sent it, how its partition was chosen, which
 * replicas copied it, when the high watermark passed it, who read it). Fed with every engine event.
 */
public final class EventTracker implements Consumer<SimEvent> {

    /** The story of one stored record. Mutable: it grows as events arrive. */
    public static final class Lineage {
        private final SimEvent.RecordSent sent;
        private final long appendedAt;
        private final int leader;
        private final int leaderEpoch;
        private final Map<Integer, Long> replicatedAt = new LinkedHashMap<>();
        private final Map<String, Long> polledAt = new LinkedHashMap<>();
        private final Set<Integer> truncatedOn = new HashSet<>();
        private long committedAt = -1;

        Lineage(SimEvent.RecordSent sent, long appendedAt, int leader, int leaderEpoch) {
            this.sent = sent;
            this.appendedAt = appendedAt;
            this.leader = leader;
            this.leaderEpoch = leaderEpoch;
        }

        /** The producer's send, with the partitioner's choice and hashing; null when unknown. */
        public SimEvent.RecordSent sent() {
            return sent;
        }

        public long appendedAt() {
            return appendedAt;
        }

        public int leader() {
            return leader;
        }

        public int leaderEpoch() {
            return leaderEpoch;
        }

        /** Follower broker id -> virtual time it copied the record. */
        public Map<Integer, Long> replicatedAt() {
            return replicatedAt;
        }

        /** Virtual time the high watermark passed it (committed), or -1. */
        public long committedAt() {
            return committedAt;
        }

        /** Consumer id -> virtual time it first read the record. */
        public Map<String, Long> polledAt() {
            return polledAt;
        }

        /** Brokers whose copy was removed by truncation. */
        public Set<Integer> truncatedOn() {
            return truncatedOn;
        }
    }

    private record InFlight(String producer, List<SimEvent.RecordSent> records, boolean[] retrying) {
    }

    private final Set<Integer> fenced = new HashSet<>();
    private final Map<String, List<SimEvent.RecordSent>> accumulators = new LinkedHashMap<>();
    private final Map<TopicPartition, List<InFlight>> inFlight = new HashMap<>();
    private final Map<TopicPartition, NavigableMap<Long, Lineage>> lineage = new HashMap<>();
    private final Map<String, Integer> acked = new HashMap<>();
    private final Map<String, Integer> failed = new HashMap<>();
    private final Map<String, String> lastError = new HashMap<>();

    @Override
    public void accept(SimEvent e) {
        if (e instanceof SimEvent.BrokerFenced f) {
            fenced.add(f.broker());
        } else if (e instanceof SimEvent.BrokerUnfenced u) {
            fenced.remove(u.broker());
        } else if (e instanceof SimEvent.RecordSent s) {
            accumulators.computeIfAbsent(s.producer(), k -> new ArrayList<>()).add(s);
        } else if (e instanceof SimEvent.BatchRetried r) {
            for (InFlight f : inFlight.getOrDefault(new TopicPartition(r.topic(), r.partition()), List.of())) {
                if (f.producer().equals(r.producer())) {
                    f.retrying()[0] = true;
                    break;
                }
            }
        } else if (e instanceof SimEvent.BatchSent b) {
            batchSent(b);
        } else if (e instanceof SimEvent.BatchAppended a) {
            batchAppended(a);
        } else if (e instanceof SimEvent.DuplicateBatchDiscarded d) {
            List<InFlight> q = inFlight.get(new TopicPartition(d.topic(), d.partition()));
            if (q != null && !q.isEmpty()) {
                q.remove(0);
            }
        } else if (e instanceof SimEvent.RecordFailed f) {
            recordFailed(f);
        } else if (e instanceof SimEvent.BatchAcknowledged a) {
            acked.merge(a.producer(), a.records(), Integer::sum);
        } else if (e instanceof SimEvent.RecordsReplicated r) {
            for (Lineage l : range(r.topic(), r.partition(), r.fromOffset(), r.toOffset())) {
                l.replicatedAt.putIfAbsent(r.broker(), r.time());
                l.truncatedOn.remove(r.broker());
            }
        } else if (e instanceof SimEvent.HighWatermarkAdvanced h) {
            for (Lineage l : range(h.topic(), h.partition(), 0, h.highWatermark())) {
                if (l.committedAt < 0) {
                    l.committedAt = h.time();
                }
            }
        } else if (e instanceof SimEvent.RecordsPolled p) {
            for (Lineage l : range(p.topic(), p.partition(), p.fromOffset(), p.toOffset())) {
                l.polledAt.putIfAbsent(p.consumer(), p.time());
            }
        } else if (e instanceof SimEvent.LogTruncated t) {
            for (Lineage l : range(t.topic(), t.partition(), t.toOffset(), Long.MAX_VALUE)) {
                l.truncatedOn.add(t.broker());
                l.replicatedAt.remove(t.broker());
            }
        }
    }

    private void batchSent(SimEvent.BatchSent b) {
        TopicPartition tp = new TopicPartition(b.topic(), b.partition());
        List<InFlight> q = inFlight.computeIfAbsent(tp, k -> new ArrayList<>());
        for (InFlight f : q) {
            if (f.producer().equals(b.producer()) && f.retrying()[0]) {
                f.retrying()[0] = false;
                return;
            }
        }
        List<SimEvent.RecordSent> batch = new ArrayList<>();
        Iterator<SimEvent.RecordSent> it = accumulators.getOrDefault(b.producer(), new ArrayList<>()).iterator();
        while (it.hasNext() && batch.size() < b.records()) {
            SimEvent.RecordSent s = it.next();
            if (s.topic().equals(b.topic()) && s.partition() == b.partition()) {
                batch.add(s);
                it.remove();
            }
        }
        q.add(new InFlight(b.producer(), batch, new boolean[1]));
    }

    private void batchAppended(SimEvent.BatchAppended a) {
        TopicPartition tp = new TopicPartition(a.topic(), a.partition());
        List<InFlight> q = inFlight.getOrDefault(tp, new ArrayList<>());
        int count = (int) (a.lastOffset() - a.baseOffset() + 1);
        InFlight match = null;
        for (InFlight f : q) {
            if (f.records().size() == count) {
                match = f;
                break;
            }
        }
        if (match == null && !q.isEmpty()) {
            match = q.get(0);
        }
        if (match != null) {
            q.remove(match);
        }
        NavigableMap<Long, Lineage> byOffset = lineage.computeIfAbsent(tp, k -> new TreeMap<>());
        for (int i = 0; i < count; i++) {
            SimEvent.RecordSent s = match != null && i < match.records().size() ? match.records().get(i) : null;
            byOffset.put(a.baseOffset() + i, new Lineage(s, a.time(), a.broker(), a.leaderEpoch()));
        }
    }

    private void recordFailed(SimEvent.RecordFailed f) {
        failed.merge(f.producer(), 1, Integer::sum);
        lastError.put(f.producer(), f.error() + ": " + f.message());
        List<SimEvent.RecordSent> acc = accumulators.get(f.producer());
        if (acc != null) {
            for (Iterator<SimEvent.RecordSent> it = acc.iterator(); it.hasNext(); ) {
                SimEvent.RecordSent s = it.next();
                if (s.topic().equals(f.topic()) && s.partition() == f.partition()
                        && java.util.Objects.equals(s.key(), f.key())) {
                    it.remove();
                    return;
                }
            }
        }
        List<InFlight> q = inFlight.get(new TopicPartition(f.topic(), f.partition()));
        if (q != null) {
            for (Iterator<InFlight> it = q.iterator(); it.hasNext(); ) {
                InFlight b = it.next();
                if (b.producer().equals(f.producer())) {
                    b.records().removeIf(s -> java.util.Objects.equals(s.key(), f.key()));
                    if (b.records().isEmpty()) {
                        it.remove();
                    }
                    return;
                }
            }
        }
    }

    private Iterable<Lineage> range(String topic, int partition, long from, long to) {
        NavigableMap<Long, Lineage> m = lineage.get(new TopicPartition(topic, partition));
        return m == null || from >= to ? List.of() : m.subMap(from, true, to, false).values();
    }

    public boolean isFenced(int broker) {
        return fenced.contains(broker);
    }

    /** Records the producer sent that wait for their batch to go out, oldest first. */
    public List<SimEvent.RecordSent> accumulator(String producer) {
        return List.copyOf(accumulators.getOrDefault(producer, List.of()));
    }

    public int acked(String producer) {
        return acked.getOrDefault(producer, 0);
    }

    public int failed(String producer) {
        return failed.getOrDefault(producer, 0);
    }

    public String lastError(String producer) {
        return lastError.get(producer);
    }

    /** The lineage of the record at {@code offset}, or null when the app did not see it written. */
    public Lineage lineage(TopicPartition tp, long offset) {
        NavigableMap<Long, Lineage> m = lineage.get(tp);
        return m == null ? null : m.get(offset);
    }
}
