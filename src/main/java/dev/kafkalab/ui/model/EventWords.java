package dev.kafkalab.ui.model;

import dev.kafkalab.engine.SimEvent;

/** Each engine event as one plain sentence for the event log and the canvas caption. */
public final class EventWords {
    private EventWords() {
    }

    private static String tp(String topic, int partition) {
        return topic + "-" + partition;
    }

    private static String key(String key) {
        return key == null ? "a keyless record" : "key \"" + key + "\"";
    }

    public static String describe(SimEvent e) {
        if (e instanceof SimEvent.RecordSent s) {
            String how = switch (s.choice()) {
                case "key-hash" -> "murmur2(key) % " + s.hashing().numPartitions() + " = " + s.partition();
                case "sticky" -> "the sticky partitioner's current partition";
                case "explicit" -> "the partition given with the record";
                default -> s.choice();
            };
            return "Producer " + s.producer() + " put " + key(s.key()) + " in its batch for " + tp(s.topic(),
                    s.partition()) + " (" + how + ")";
        } else if (e instanceof SimEvent.StickyPartitionChanged c) {
            return "Producer " + c.producer() + " now sticks keyless records to " + tp(c.topic(), c.to())
                    + " (" + c.reason() + ")";
        } else if (e instanceof SimEvent.BatchSent b) {
            return "Producer " + b.producer() + " sent a batch of " + b.records() + (b.records() == 1 ? " record"
                    : " records") + " to broker " + b.broker() + " (leader of " + tp(b.topic(), b.partition()) + ")";
        } else if (e instanceof SimEvent.BatchAppended a) {
            return "Broker " + a.broker() + " appended offsets " + range(a.baseOffset(), a.lastOffset()) + " to "
                    + tp(a.topic(), a.partition()) + " (leader epoch " + a.leaderEpoch() + ")";
        } else if (e instanceof SimEvent.RecordsReplicated r) {
            return "Follower broker " + r.broker() + " copied offsets " + range(r.fromOffset(), r.toOffset() - 1)
                    + " of " + tp(r.topic(), r.partition());
        } else if (e instanceof SimEvent.HighWatermarkAdvanced h) {
            return "High watermark of " + tp(h.topic(), h.partition()) + " moved to " + h.highWatermark()
                    + ": records below it are committed and readable";
        } else if (e instanceof SimEvent.FollowerHighWatermarkUpdated f) {
            return "Follower broker " + f.broker() + " learned high watermark " + f.highWatermark() + " of "
                    + tp(f.topic(), f.partition());
        } else if (e instanceof SimEvent.BatchAcknowledged a) {
            return "Producer " + a.producer() + " got its acknowledgement for " + a.records() + " record"
                    + (a.records() == 1 ? "" : "s") + (a.baseOffset() >= 0 ? " at offset " + a.baseOffset() : "");
        } else if (e instanceof SimEvent.RecordFailed f) {
            return "Producer " + f.producer() + ": " + key(f.key()) + " failed: " + f.error() + ": " + f.message();
        } else if (e instanceof SimEvent.LeaderElected l) {
            if (l.leader() < 0) {
                return tp(l.topic(), l.partition()) + " has no leader now (epoch " + l.leaderEpoch() + "): "
                        + l.reason();
            }
            return "Controller elected broker " + l.leader() + " leader of " + tp(l.topic(), l.partition())
                    + ", epoch " + l.leaderEpoch() + (l.unclean() ? " (UNCLEAN: data may be lost)" : "")
                    + " — " + l.reason();
        } else if (e instanceof SimEvent.IsrChanged i) {
            return "ISR of " + tp(i.topic(), i.partition()) + " is now " + i.isr() + " — " + i.reason();
        } else if (e instanceof SimEvent.BrokerCrashed b) {
            return "Broker " + b.broker() + " crashed";
        } else if (e instanceof SimEvent.BrokerShutDown b) {
            return "Broker " + b.broker() + " shut down cleanly";
        } else if (e instanceof SimEvent.BrokerRestarted b) {
            return "Broker " + b.broker() + " restarted";
        } else if (e instanceof SimEvent.BrokerIsolated b) {
            return "Broker " + b.broker() + " is cut off from the cluster";
        } else if (e instanceof SimEvent.BrokerHealed b) {
            return "Broker " + b.broker() + " is reconnected";
        } else if (e instanceof SimEvent.BrokerFenced b) {
            return "Controller fenced broker " + b.broker() + " (" + b.reason() + ")";
        } else if (e instanceof SimEvent.BrokerUnfenced b) {
            return "Controller unfenced broker " + b.broker();
        } else if (e instanceof SimEvent.LogTruncated t) {
            return "Broker " + t.broker() + " truncated " + tp(t.topic(), t.partition()) + " to offset " + t.toOffset()
                    + ", removing " + t.removed();
        } else if (e instanceof SimEvent.RecordsPolled p) {
            return "Consumer " + p.consumer() + " read offsets " + range(p.fromOffset(), p.toOffset() - 1) + " of "
                    + tp(p.topic(), p.partition()) + " (they stay in the log)";
        } else if (e instanceof SimEvent.OffsetsCommitted c) {
            return "Group " + c.group() + " committed " + c.offsets() + (c.auto() ? " (auto-commit)" : "");
        } else if (e instanceof SimEvent.PartitionsAssigned a) {
            return "Consumer " + a.consumer() + " now owns " + a.partitions();
        } else if (e instanceof SimEvent.PartitionsRevoked r) {
            return "Consumer " + r.member() + " gave up " + r.partitions();
        } else if (e instanceof SimEvent.RebalanceStarted r) {
            return "Group " + r.group() + " started a rebalance, generation " + r.generation() + " (" + r.reason()
                    + ")";
        } else if (e instanceof SimEvent.GroupAssignmentCompleted g) {
            return "Group " + g.group() + " generation " + g.generation() + " assignment (" + g.assignor() + "): "
                    + g.assignment();
        } else if (e instanceof SimEvent.MemberJoined m) {
            return "Consumer " + m.member() + " asked to join group " + m.group();
        } else if (e instanceof SimEvent.MemberLeft m) {
            return "Consumer " + m.member() + " left group " + m.group() + " (" + m.reason() + ")";
        } else if (e instanceof SimEvent.GroupStateChanged g) {
            return "Group " + g.group() + " is " + g.state();
        } else if (e instanceof SimEvent.SegmentRolled s) {
            return "Broker " + s.broker() + " rolled a new segment of " + tp(s.topic(), s.partition()) + " at offset "
                    + s.baseOffset();
        } else if (e instanceof SimEvent.SegmentsDeleted d) {
            return "Broker " + d.broker() + " deleted " + d.files().size() + " old segment(s) of "
                    + tp(d.topic(), d.partition()) + "; log now starts at " + d.newLogStartOffset() + " (" + d.reason()
                    + ")";
        } else if (e instanceof SimEvent.LogCompacted c) {
            return "Broker " + c.broker() + " compacted " + tp(c.topic(), c.partition()) + ", removing offsets "
                    + c.removedOffsets();
        } else if (e instanceof SimEvent.TimeAdvanced t) {
            return "Time advanced by " + t.ms() + " ms";
        } else if (e instanceof SimEvent.TopicCreated t) {
            return "Topic " + t.topic() + " created: " + t.partitions() + " partitions, replication factor "
                    + t.replicationFactor();
        } else if (e instanceof SimEvent.PartitionsAdded p) {
            return "Topic " + p.topic() + " grew from " + p.oldCount() + " to " + p.newCount() + " partitions";
        } else if (e instanceof SimEvent.RequestRefused r) {
            return "Refused " + r.request() + ": " + r.error() + ": " + r.message();
        } else if (e instanceof SimEvent.BatchRetried r) {
            return "Producer " + r.producer() + " retries its batch for " + tp(r.topic(), r.partition()) + " (attempt "
                    + r.attempt() + ", " + r.error() + ")";
        } else if (e instanceof SimEvent.ProducerStarted p) {
            return "Producer " + p.producer() + " started";
        } else if (e instanceof SimEvent.ConsumerStarted c) {
            return "Consumer " + c.consumer() + " started";
        } else if (e instanceof SimEvent.OffsetReset o) {
            return "Consumer " + o.consumer() + " reset its position on " + tp(o.topic(), o.partition()) + " to "
                    + o.offset() + " (" + o.policy() + ")";
        } else if (e instanceof SimEvent.ControllerElected c) {
            return "Node " + c.controller() + " is the KRaft controller";
        } else if (e instanceof SimEvent.BrokerStarted b) {
            return "Broker " + b.broker() + " started";
        } else if (e instanceof SimEvent.BrokerSlowed b) {
            return "Broker " + b.broker() + " now waits " + b.fetchDelayMs() + " ms before each follower fetch";
        } else if (e instanceof SimEvent.TopicConfigAltered t) {
            return "Topic " + t.topic() + " settings changed: " + t.config();
        } else if (e instanceof SimEvent.BrokerConfigAltered b) {
            return "Broker settings changed: " + b.config();
        } else if (e instanceof SimEvent.DuplicateBatchDiscarded d) {
            return "Broker " + d.broker() + " recognised a retried batch of producer id " + d.producerId()
                    + " (idempotence) and did not write it twice";
        } else if (e instanceof SimEvent.ConsumerSeeked s) {
            return "Consumer " + s.consumer() + " moved its position on " + tp(s.topic(), s.partition()) + " to "
                    + s.offset();
        }
        // an event type newer than this class: its fields, without the record syntax
        return e.type() + ": " + e.toString().replaceFirst("^[A-Za-z]+\\[", "").replaceFirst("]$", "");
    }

    private static String range(long from, long to) {
        return from == to ? Long.toString(from) : from + "–" + to;
    }
}
