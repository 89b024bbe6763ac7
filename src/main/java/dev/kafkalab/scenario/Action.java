package dev.kafkalab.scenario;

import java.util.List;

/** One item of a step's {@code do} list. */
public sealed interface Action
        permits Produce, Flush, Advance, BrokerAction, Slow, CreateTopic, AddPartitions, AlterConfig, Join, Leave,
        Kill, Poll, Commit, Seek, Bind {

    /** Every action name of the contract, in the contract's order, then our extensions. */
    List<String> NAMES = List.of("produce", "flush", "advance", "crash", "shutdown", "restart", "isolate", "heal",
            "slow", "createTopic", "addPartitions", "alterConfig", "join", "leave", "kill", "poll", "commit", "seek",
            "bind");

    /** 1-based step number. */
    int step();

    /** 1-based position in the step's {@code do} list. */
    int index();

    /** Where the action's key is in the file. */
    Location location();

    /** The action key as written in the file, e.g. {@code produce}. */
    String name();
}
