package dev.kafkalab.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * What brokers do with their replicas (mirrors Kafka's {@code ReplicaManager}, {@code Partition} and
 * the replica fetcher): take produce requests as leader, serve and send follower fetches, move the
 * high watermark, ask the controller to shrink or expand the ISR, and follow metadata changes.
 */
final class ReplicaManager {
    /** How long a leader parks a follower fetch that finds no new data (replica.fetch.wait.max.ms). */
    static final long FETCH_WAIT_MAX_MS = 500;
    /** How long a follower waits before fetching again after an error (replica.fetch.backoff.ms). */
    static final long FETCH_BACKOFF_MS = 1000;
    /** Most records a follower takes in one fetch (a soft limit: a batch crossing it comes whole). */
    static final int FETCH_MAX_RECORDS = 2000;

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

    static KafkaException notLeader() {
        return new KafkaException("NotLeaderOrFollowerException",
                "For requests intended only for the leader, this error indicates that the broker is not the "
                        + "current leader. For requests intended for any replica, this error indicates that the "
                        + "broker is not a replica of the topic partition.");
    }

    static KafkaException notEnoughReplicas() {
        return new KafkaException("NotEnoughReplicasException",
                "Messages are rejected since there are fewer in-sync replicas than required.");
    }

    static KafkaException notEnoughReplicasAfterAppend() {
        return new KafkaException("NotEnoughReplicasAfterAppendException",
                "Messages are written to the log, but to fewer in-sync replicas than required.");
    }

    static KafkaException requestTimedOut() {
        return new KafkaException("TimeoutException", "The request timed out.");
    }

    private int minIsr(Replica r) {
        return r.partition().topic().minInsyncReplicas();
    }

    // ---------------------------------------------------------------- produce

    /**
     * A produce request for one batch arrives at {@code brokerId}. {@code respond} gets the result
     * now (acks=0/1, errors) or once the high watermark passes the batch (acks=all).
     */
    void produce(int brokerId, TopicPartition tp, List<PartitionLog.Append> batch, String acks, long timeoutMs,
                 java.util.function.Consumer<Result> respond) {
        Broker broker = sim.cluster().broker(brokerId);
        Topic topic = sim.cluster().topic(tp.topic());
        if (topic == null || tp.partition() >= topic.partitionCount()) {
            respond.accept(Result.failed(new KafkaException("UnknownTopicOrPartitionException",
                    "This server does not host this topic-partition.")));
            return;
        }
        Partition partition = topic.partition(tp.partition());
        if (!partition.replicas().contains(brokerId) || broker.state() == Broker.State.CRASHED
                || broker.state() == Broker.State.SHUTDOWN) {
            respond.accept(Result.failed(notLeader()));
            return;
        }
        Replica leader = partition.replica(brokerId);
        if (leader.role != Replica.Role.LEADER) {
            respond.accept(Result.failed(notLeader()));
            return;
        }
        Config cfg = topic.config();
        if (topic.isCompacted()) {
            for (PartitionLog.Append r : batch) {
                if (r.key() == null) {
                    respond.accept(Result.failed(new KafkaException("InvalidRecordException",
                            "Compacted topic cannot accept message without key in topic partition " + tp + ".")));
                    return;
                }
            }
        }
        boolean allAcks = acks.equals("all") || acks.equals("-1");
        if (allAcks && leader.isr.size() < minIsr(leader)) {
            respond.accept(Result.failed(notEnoughReplicas()));
            return;
        }
        PartitionLog.Append first = batch.get(0);
        if (first.producerId() >= 0) {
            Replica.BatchSequence dup = leader.duplicateOf(first.producerId(), first.sequence(),
                    batch.get(batch.size() - 1).sequence());
            if (dup != null) {
                sim.emit(new SimEvent.DuplicateBatchDiscarded(sim.now(), tp.topic(), tp.partition(), brokerId,
                        first.producerId(), first.sequence(), dup.baseOffset()));
                awaitAcks(leader, dup.baseOffset() + batch.size(), allAcks, timeoutMs,
                        new Result(dup.baseOffset(), -1, null), respond);
                return;
            }
        }
        boolean logAppendTime = "LogAppendTime".equals(cfg.getString("message.timestamp.type"));
        List<PartitionLog.Append> toWrite = batch;
        if (logAppendTime) {
            toWrite = new ArrayList<>(batch.size());
            for (PartitionLog.Append r : batch) {
                toWrite.add(r.withTimestamp(sim.now()));
            }
        }
        int size = PartitionLog.batchSize(toWrite);
        if (size > cfg.getInt("max.message.bytes")) {
            respond.accept(Result.failed(KafkaException.recordTooLarge(
                    "The request included a message larger than the max message size the server will accept.")));
            return;
        }
        PartitionLog.AppendInfo info = leader.log().append(toWrite, leader.leaderEpoch, sim.now(),
                cfg.getInt("segment.bytes"), cfg.getLong("segment.ms"));
        if (info.rolledTo() != null) {
            sim.emit(new SimEvent.SegmentRolled(sim.now(), tp.topic(), tp.partition(), brokerId,
                    info.rolledTo().baseOffset(), info.rolledTo().fileName()));
        }
        if (sim.observed()) {
            sim.emit(new SimEvent.BatchAppended(sim.now(), tp.topic(), tp.partition(), brokerId, info.baseOffset(),
                    info.lastOffset(), info.sizeInBytes(), leader.leaderEpoch));
        }
        leader.rememberSequence(first.producerId(), first.sequence(), batch.get(batch.size() - 1).sequence(),
                info.baseOffset());
        maybeIncrementHighWatermark(leader);
        wakeParkedFetches(leader);
        awaitAcks(leader, info.lastOffset() + 1, allAcks, timeoutMs,
                new Result(info.baseOffset(), logAppendTime ? sim.now() : -1, null), respond);
    }

    private void awaitAcks(Replica leader, long requiredOffset, boolean allAcks, long timeoutMs, Result ok,
                           java.util.function.Consumer<Result> respond) {
        if (!allAcks) {
            respond.accept(ok);
            return;
        }
        boolean[] done = new boolean[1];
        Replica.DelayedProduce waiting = new Replica.DelayedProduce(requiredOffset, error -> {
            if (!done[0]) {
                done[0] = true;
                respond.accept(error == null ? ok : Result.failed(error));
            }
        });
        leader.delayedProduces.add(waiting);
        tryCompleteDelayedProduces(leader);
        if (!done[0]) {
            sim.scheduler().scheduleBackground(timeoutMs, "produce timeout", () -> {
                if (leader.delayedProduces.remove(waiting)) {
                    waiting.complete().accept(requestTimedOut());
                }
            });
        }
    }

    /** Kafka's {@code checkEnoughReplicasReachOffset} for every waiting acks=all request. */
    private void tryCompleteDelayedProduces(Replica leader) {
        List<Replica.DelayedProduce> ready = new ArrayList<>();
        for (Replica.DelayedProduce d : leader.delayedProduces) {
            if (leader.role != Replica.Role.LEADER || leader.highWatermark >= d.requiredOffset()) {
                ready.add(d);
            }
        }
        leader.delayedProduces.removeAll(ready);
        for (Replica.DelayedProduce d : ready) {
            if (leader.role != Replica.Role.LEADER) {
                d.complete().accept(notLeader());
            } else if (leader.isr.size() < minIsr(leader)) {
                d.complete().accept(notEnoughReplicasAfterAppend());
            } else {
                d.complete().accept(null);
            }
        }
    }

    // ---------------------------------------------------------------- high watermark

    /**
     * HW = the lowest log end offset among the leader and the ISR; it never moves back and does not
     * advance while the ISR is smaller than min.insync.replicas.
     */
    void maybeIncrementHighWatermark(Replica leader) {
        if (leader.role != Replica.Role.LEADER || leader.isr.size() < minIsr(leader)) {
            return;
        }
        long min = leader.log().logEndOffset();
        for (int b : leader.isr) {
            if (b != leader.broker()) {
                Replica.FollowerState f = leader.followers.get(b);
                min = Math.min(min, f == null ? 0 : f.logEndOffset);
            }
        }
        if (min > leader.highWatermark) {
            leader.highWatermark = min;
            TopicPartition tp = leader.topicPartition();
            if (sim.observed()) {
                sim.emit(new SimEvent.HighWatermarkAdvanced(sim.now(), tp.topic(), tp.partition(), leader.broker(),
                        min));
            }
            tryCompleteDelayedProduces(leader);
        }
    }

    // ---------------------------------------------------------------- metadata

    /** The controller's new state for a partition reaches one of its brokers. */
    void onMetadata(Replica r, int leader, int leaderEpoch, int partitionEpoch, List<Integer> isr) {
        Broker broker = sim.cluster().broker(r.broker());
        if (broker.state() == Broker.State.CRASHED || broker.state() == Broker.State.SHUTDOWN) {
            return;
        }
        if (leaderEpoch < r.leaderEpoch) {
            return;
        }
        boolean newEpoch = leaderEpoch > r.leaderEpoch || r.leaderId != leader;
        r.alterPartitionInFlight = false;
        if (leader == r.broker()) {
            if (newEpoch || r.role != Replica.Role.LEADER) {
                becomeLeader(r, leaderEpoch, isr);
            } else {
                r.isr = List.copyOf(isr);
                maybeIncrementHighWatermark(r);
                tryCompleteDelayedProduces(r);
            }
        } else if (newEpoch || r.role != Replica.Role.FOLLOWER) {
            becomeFollower(r, leader, leaderEpoch);
        }
    }

    private void becomeLeader(Replica r, int epoch, List<Integer> isr) {
        r.role = Replica.Role.LEADER;
        r.leaderEpoch = epoch;
        r.leaderId = r.broker();
        r.isr = List.copyOf(isr);
        r.fetchSession++;
        r.log().assignEpochStart(epoch, r.log().logEndOffset());
        r.followers.clear();
        for (int b : r.partition().replicas()) {
            if (b != r.broker()) {
                // Kafka resets what it knows of followers: in-sync ones count as caught up just now
                Replica.FollowerState f = new Replica.FollowerState(isr.contains(b) ? sim.now() : 0);
                r.followers.put(b, f);
            }
        }
        r.pendingFetches.clear();
        maybeIncrementHighWatermark(r);
    }

    private void becomeFollower(Replica r, int leader, int epoch) {
        r.role = leader < 0 ? Replica.Role.OFFLINE : Replica.Role.FOLLOWER;
        r.leaderEpoch = epoch;
        r.leaderId = leader;
        r.fetchSession++;
        r.followers.clear();
        r.pendingFetches.clear();
        tryCompleteDelayedProduces(r);
        if (leader >= 0) {
            int session = r.fetchSession;
            sim.scheduler().scheduleBackground(0, "start fetching", () -> fetch(r, session));
        }
    }

    // ---------------------------------------------------------------- follower fetching

    private boolean fetching(Replica r, int session) {
        return r.fetchSession == session && r.role == Replica.Role.FOLLOWER
                && sim.cluster().broker(r.broker()).isServing();
    }

    /** One round of the follower's fetch loop: wait (slow brokers), then fetch from the leader. */
    private void fetch(Replica r, int session) {
        if (!fetching(r, session)) {
            return;
        }
        long delay = sim.cluster().broker(r.broker()).fetchDelayMs();
        sim.scheduler().scheduleBackground(delay, "fetch delay", () -> {
            if (!fetching(r, session)) {
                return;
            }
            int round = ++r.fetchRound;
            long fetchOffset = r.log().logEndOffset();
            int lastFetchedEpoch = r.log().latestEpoch();
            int leaderId = r.leaderId;
            int epoch = r.leaderEpoch;
            sim.network().send(r.broker(), leaderId, "fetch", true,
                    () -> handleFetch(leaderId, r, fetchOffset, lastFetchedEpoch, epoch, session, round));
            // a request or answer lost on the way (crash, isolation) is sent again
            sim.scheduler().scheduleBackground(FETCH_WAIT_MAX_MS * 4, "fetch watchdog", () -> {
                if (fetching(r, session) && r.fetchRound == round && r.answeredRound != round) {
                    fetch(r, session);
                }
            });
        });
    }

    /** The leader serves a follower's fetch, or parks it until new data arrives. */
    private void handleFetch(int leaderId, Replica follower, long fetchOffset, int lastFetchedEpoch,
                             int followerEpoch, int session, int round) {
        Replica leader = follower.partition().replica(leaderId);
        if (leader.role != Replica.Role.LEADER || leader.leaderEpoch != followerEpoch
                || !sim.cluster().broker(leaderId).isServing()) {
            respond(leaderId, follower, round, () -> retryLater(follower, session));
            return;
        }
        // at or below the leader's log start offset there is nothing left to compare epochs against
        if (lastFetchedEpoch >= 0 && fetchOffset > leader.log().logStartOffset()) {
            long[] end = leader.log().endOffsetForEpoch(lastFetchedEpoch);
            if (end[0] < lastFetchedEpoch || end[1] < fetchOffset) {
                respond(leaderId, follower, round, () -> truncate(follower, end[0], end[1], session));
                return;
            }
        }
        Replica.FollowerState state = leader.followers.computeIfAbsent(follower.broker(),
                b -> new Replica.FollowerState(sim.now()));
        long leaderEnd = leader.log().logEndOffset();
        if (fetchOffset >= leaderEnd) {
            state.lastCaughtUpTimeMs = Math.max(state.lastCaughtUpTimeMs, sim.now());
        } else if (fetchOffset >= state.lastFetchLeaderLogEndOffset) {
            state.lastCaughtUpTimeMs = Math.max(state.lastCaughtUpTimeMs, state.lastFetchTimeMs);
        }
        state.lastFetchLeaderLogEndOffset = leaderEnd;
        state.lastFetchTimeMs = sim.now();
        state.logEndOffset = fetchOffset;
        maybeExpandIsr(leader, follower.broker(), fetchOffset);
        maybeIncrementHighWatermark(leader);
        if (fetchOffset < leaderEnd) {
            PartitionLog.Slice records = leader.log().sliceBatches(fetchOffset, leaderEnd, FETCH_MAX_RECORDS);
            long hw = leader.highWatermark;
            long logStart = leader.log().logStartOffset();
            respond(leaderId, follower, round, () -> appendFetched(follower, records, hw, logStart, session));
            return;
        }
        Replica.PendingFetch[] self = new Replica.PendingFetch[1];
        self[0] = new Replica.PendingFetch(follower.broker(), () -> {
            if (leader.pendingFetches.remove(self[0])) {
                handleFetch(leaderId, follower, fetchOffset, lastFetchedEpoch, followerEpoch, session, round);
            }
        });
        leader.pendingFetches.add(self[0]);
        sim.scheduler().scheduleBackground(FETCH_WAIT_MAX_MS, "fetch wait", () -> {
            if (leader.pendingFetches.remove(self[0])) {
                long hw = leader.highWatermark;
                long logStart = leader.log().logStartOffset();
                respond(leaderId, follower, round,
                        () -> appendFetched(follower, PartitionLog.Slice.EMPTY, hw, logStart, session));
            }
        });
    }

    private void respond(int leaderId, Replica follower, int round, Runnable onArrival) {
        sim.network().send(leaderId, follower.broker(), "fetch response", true, () -> {
            if (follower.fetchRound == round) {
                follower.answeredRound = round;
                onArrival.run();
            }
        });
    }

    private void wakeParkedFetches(Replica leader) {
        List<Replica.PendingFetch> parked = new ArrayList<>(leader.pendingFetches);
        for (Replica.PendingFetch f : parked) {
            f.retry().run();
        }
    }

    private void retryLater(Replica r, int session) {
        sim.scheduler().scheduleBackground(FETCH_BACKOFF_MS, "fetch backoff", () -> fetch(r, session));
    }

    private void appendFetched(Replica r, PartitionLog.Slice records, long leaderHw, long leaderLogStartOffset,
                               int session) {
        if (!fetching(r, session)) {
            return;
        }
        TopicPartition tp = r.topicPartition();
        sim.logCleaner().maybeStartAtLeaderLogStart(r, leaderLogStartOffset);
        // compaction leaves gaps: the first record fetched may lie past the fetch offset
        if (!records.isEmpty() && records.offset(0) >= r.log().logEndOffset()) {
            Config cfg = r.partition().topic().config();
            long from = r.log().logEndOffset();
            LogSegment rolled = r.log().appendAsFollower(records, sim.now(), cfg.getInt("segment.bytes"),
                    cfg.getLong("segment.ms"));
            if (rolled != null) {
                sim.emit(new SimEvent.SegmentRolled(sim.now(), tp.topic(), tp.partition(), r.broker(),
                        rolled.baseOffset(), rolled.fileName()));
            }
            r.rememberBatches(records);
            if (sim.observed()) {
                sim.emit(new SimEvent.RecordsReplicated(sim.now(), tp.topic(), tp.partition(), r.broker(), from,
                        r.log().logEndOffset()));
            }
        }
        long hw = Math.min(leaderHw, r.log().logEndOffset());
        if (hw > r.highWatermark) {
            r.highWatermark = hw;
            if (sim.observed()) {
                sim.emit(new SimEvent.FollowerHighWatermarkUpdated(sim.now(), tp.topic(), tp.partition(), r.broker(),
                        hw));
            }
        }
        sim.logCleaner().followLeaderLogStart(r, leaderLogStartOffset);
        fetch(r, session);
    }

    /**
     * The leader said where the logs diverge: drop what the leader does not have, then fetch again
     * (mirrors {@code AbstractFetcherThread.getOffsetTruncationState}).
     */
    private void truncate(Replica r, long leaderEpoch, long leaderEndOffset, int session) {
        if (!fetching(r, session)) {
            return;
        }
        long end = r.log().logEndOffset();
        long to;
        if (leaderEpoch < 0) {
            to = r.highWatermark;
        } else {
            long[] mine = r.log().endOffsetForEpoch((int) leaderEpoch);
            if (mine[0] < 0) {
                to = leaderEndOffset;
            } else if (mine[0] != leaderEpoch) {
                to = mine[1];
            } else {
                to = Math.min(mine[1], leaderEndOffset);
            }
        }
        truncateTo(r, Math.max(r.log().logStartOffset(), Math.min(to, end)));
        fetch(r, session);
    }

    void truncateTo(Replica r, long offset) {
        List<LogRecord> removed = r.log().truncateTo(offset);
        if (removed.isEmpty()) {
            return;
        }
        r.highWatermark = Math.min(r.highWatermark, r.log().logEndOffset());
        r.rebuildProducerState();
        List<String> desc = new ArrayList<>();
        for (LogRecord rec : removed) {
            desc.add(rec.offset() + ":" + rec.keyString() + "=" + rec.valueString());
        }
        TopicPartition tp = r.topicPartition();
        sim.emit(new SimEvent.LogTruncated(sim.now(), tp.topic(), tp.partition(), r.broker(), offset, desc));
    }

    // ---------------------------------------------------------------- ISR

    private void maybeExpandIsr(Replica leader, int follower, long fetchOffset) {
        if (leader.isr.contains(follower) || leader.alterPartitionInFlight) {
            return;
        }
        long epochStart = leader.log().epochStartOffset(leader.leaderEpoch);
        if (fetchOffset >= leader.highWatermark && fetchOffset >= epochStart) {
            List<Integer> isr = new ArrayList<>(leader.isr);
            isr.add(follower);
            sendAlterPartition(leader, isr, "broker " + follower + " caught up with the leader");
        }
    }

    /** Kafka's ISR expiration: drop followers that have not caught up within replica.lag.time.max.ms. */
    void checkIsrExpiration(int brokerId) {
        long lagMax = sim.cluster().brokerConfig().getLong("replica.lag.time.max.ms");
        for (Replica leader : replicasOn(brokerId)) {
            if (leader.role != Replica.Role.LEADER || leader.alterPartitionInFlight) {
                continue;
            }
            List<Integer> lagging = new ArrayList<>();
            for (int b : leader.isr) {
                Replica.FollowerState f = leader.followers.get(b);
                if (b != brokerId && f != null && sim.now() - f.lastCaughtUpTimeMs > lagMax) {
                    lagging.add(b);
                }
            }
            if (!lagging.isEmpty()) {
                List<Integer> isr = new ArrayList<>(leader.isr);
                isr.removeAll(lagging);
                sendAlterPartition(leader, isr, "broker(s) " + lagging
                        + " did not catch up within replica.lag.time.max.ms (" + lagMax + " ms)");
            }
        }
    }

    private void sendAlterPartition(Replica leader, List<Integer> isr, String reason) {
        leader.alterPartitionInFlight = true;
        int epoch = leader.leaderEpoch;
        Partition p = leader.partition();
        sim.network().send(leader.broker(), Cluster.CONTROLLER_ID, "AlterPartition", false, () -> {
            boolean accepted = sim.controller().alterPartition(p, leader.broker(), epoch, isr, reason);
            if (!accepted) {
                sim.network().send(Cluster.CONTROLLER_ID, leader.broker(), "AlterPartition refused", false,
                        () -> leader.alterPartitionInFlight = false);
            }
        });
    }

    // ---------------------------------------------------------------- broker life

    /** A broker stops: its replicas stop leading and fetching; waiting requests are dropped. */
    void stopReplicas(int brokerId) {
        for (Replica r : replicasOn(brokerId)) {
            r.fetchSession++;
            r.role = Replica.Role.OFFLINE;
            r.leaderId = -2;
            r.delayedProduces.clear();
            r.pendingFetches.clear();
            r.followers.clear();
            r.alterPartitionInFlight = false;
        }
    }

    /** A broker (re)joins the cluster: it learns the current state of each of its partitions. */
    void resumeReplicas(int brokerId) {
        for (Replica r : replicasOn(brokerId)) {
            Partition p = r.partition();
            int leader = p.leader();
            int epoch = p.leaderEpoch();
            int pe = p.partitionEpoch();
            List<Integer> isr = p.isr();
            sim.network().send(Cluster.CONTROLLER_ID, brokerId, "metadata to " + brokerId, false,
                    () -> onMetadata(r, leader, epoch, pe, isr));
        }
    }

    private List<Replica> replicasOn(int brokerId) {
        List<Replica> out = new ArrayList<>();
        for (Topic t : sim.cluster().topics().values()) {
            for (Partition p : t.partitions()) {
                if (p.replicas().contains(brokerId)) {
                    out.add(p.replica(brokerId));
                }
            }
        }
        return out;
    }
}
