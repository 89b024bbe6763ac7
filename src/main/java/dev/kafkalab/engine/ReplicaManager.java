package dev.kafkalab.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * What a broker does with a produce request (mirrors Kafka's {@code ReplicaManager.appendRecords}
 * and {@code LogValidator}): checks, appends to the leader's log, then replicates and moves the
 * high watermark. In this version followers copy the leader's append at once.
 */
final class ReplicaManager {
    private final Simulation sim;

    ReplicaManager(Simulation sim) {
        this.sim = sim;
    }

    /** A batch's answer: its base offset and the timestamp the log gave it, or an error. */
    record Result(long baseOffset, long logAppendTime, KafkaException error) {
        static Result failed(KafkaException e) {
            return new Result(-1, -1, e);
        }
    }

    Result append(int brokerId, TopicPartition tp, List<PartitionLog.Append> batch) {
        Broker broker = sim.cluster().broker(brokerId);
        Topic topic = sim.cluster().topic(tp.topic());
        if (topic == null || tp.partition() >= topic.partitionCount()) {
            return Result.failed(new KafkaException("UnknownTopicOrPartitionException",
                    "This server does not host this topic-partition."));
        }
        Partition partition = topic.partition(tp.partition());
        if (!broker.isUp() || partition.leader() != brokerId) {
            return Result.failed(new KafkaException("NotLeaderOrFollowerException",
                    "For requests intended only for the leader, this error indicates that the broker is not the "
                            + "current leader. For requests intended for any replica, this error indicates that the "
                            + "broker is not a replica of the topic partition."));
        }
        Config cfg = topic.config();
        if (topic.isCompacted()) {
            for (PartitionLog.Append r : batch) {
                if (r.key() == null) {
                    return Result.failed(new KafkaException("InvalidRecordException",
                            "Compacted topic cannot accept message without key in topic partition " + tp + "."));
                }
            }
        }
        boolean logAppendTime = "LogAppendTime".equals(cfg.getString("message.timestamp.type"));
        List<PartitionLog.Append> toWrite = batch;
        if (logAppendTime) {
            toWrite = new ArrayList<>(batch.size());
            for (PartitionLog.Append r : batch) {
                toWrite.add(new PartitionLog.Append(r.key(), r.value(), r.headers(), sim.now()));
            }
        }
        int size = PartitionLog.batchSize(toWrite);
        if (size > cfg.getInt("max.message.bytes")) {
            return Result.failed(KafkaException.recordTooLarge(
                    "The request included a message larger than the max message size the server will accept."));
        }
        PartitionLog leaderLog = partition.log(brokerId);
        PartitionLog.AppendInfo info = leaderLog.append(toWrite, partition.leaderEpoch(), sim.now(),
                cfg.getInt("segment.bytes"), cfg.getLong("segment.ms"));
        if (info.rolledTo() != null) {
            sim.emit(new SimEvent.SegmentRolled(sim.now(), tp.topic(), tp.partition(), brokerId,
                    info.rolledTo().baseOffset(), info.rolledTo().fileName()));
        }
        sim.emit(new SimEvent.BatchAppended(sim.now(), tp.topic(), tp.partition(), brokerId, info.baseOffset(),
                info.lastOffset(), info.sizeInBytes(), partition.leaderEpoch()));
        for (int follower : partition.followers()) {
            PartitionLog log = partition.log(follower);
            PartitionLog.AppendInfo copy = log.append(toWrite, partition.leaderEpoch(), sim.now(),
                    cfg.getInt("segment.bytes"), cfg.getLong("segment.ms"));
            if (copy.rolledTo() != null) {
                sim.emit(new SimEvent.SegmentRolled(sim.now(), tp.topic(), tp.partition(), follower,
                        copy.rolledTo().baseOffset(), copy.rolledTo().fileName()));
            }
            sim.emit(new SimEvent.BatchAppended(sim.now(), tp.topic(), tp.partition(), follower, copy.baseOffset(),
                    copy.lastOffset(), copy.sizeInBytes(), partition.leaderEpoch()));
        }
        if (partition.maybeAdvanceHighWatermark(cfg.getInt("min.insync.replicas"))) {
            sim.emit(new SimEvent.HighWatermarkAdvanced(sim.now(), tp.topic(), tp.partition(),
                    partition.highWatermark()));
        }
        return new Result(info.baseOffset(), logAppendTime ? sim.now() : -1, null);
    }
}
