package dev.kafkalab.cli;

import dev.kafkalab.engine.Delivery;
import dev.kafkalab.engine.Partition;
import dev.kafkalab.engine.Producer;
import dev.kafkalab.engine.Simulation;
import dev.kafkalab.engine.Topic;
import dev.kafkalab.scenario.RunFailure;
import dev.kafkalab.scenario.ScenarioRunner;

/** A short human-readable summary of a run's final state. */
final class StateText {
    private StateText() {
    }

    static String of(ScenarioRunner runner) {
        Simulation sim = runner.simulation();
        StringBuilder sb = new StringBuilder();
        sb.append(runner.scenario().title()).append(" — virtual time ").append(sim.now()).append(" ms\n");
        sb.append("brokers: ").append(sim.cluster().brokers().size()).append(", controller ")
                .append(sim.cluster().controllerId()).append('\n');
        for (Topic t : sim.cluster().topics().values()) {
            sb.append("topic ").append(t.name()).append('\n');
            for (Partition p : t.partitions()) {
                sb.append(String.format("  partition %d  leader %d  replicas %s  isr %s  log %d..%d  hw %d%n",
                        p.index(), p.leader(), p.replicas(), p.isr(), p.leaderLog().logStartOffset(),
                        p.leaderLog().logEndOffset(), p.highWatermark()));
            }
        }
        for (Producer p : sim.producers().values()) {
            long acked = p.deliveries().stream().filter(Delivery::acked).count();
            sb.append("producer ").append(p.id()).append(": ").append(acked).append(" acked, ")
                    .append(p.deliveries().size() - acked).append(" failed\n");
        }
        for (RunFailure f : runner.failures()) {
            sb.append("step ").append(f.step()).append(" action ").append(f.action()).append(" (").append(f.name())
                    .append("): ").append(f.error()).append(": ").append(f.message()).append('\n');
        }
        return sb.toString();
    }
}
