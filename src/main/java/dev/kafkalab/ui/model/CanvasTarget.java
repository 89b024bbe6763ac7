package dev.kafkalab.ui.model;

/** Something on the canvas a learner can select, right-click, drag or drop onto. */
public sealed interface CanvasTarget {
    record Broker(int id) implements CanvasTarget {
    }

    record Topic(String name) implements CanvasTarget {
    }

    record Partition(String topic, int partition) implements CanvasTarget {
    }

    record Record(String topic, int partition, long offset) implements CanvasTarget {
    }

    record Group(String id) implements CanvasTarget {
    }

    record Consumer(String id) implements CanvasTarget {
    }

    record Producer(String id) implements CanvasTarget {
    }

    /** The empty canvas, for drops. */
    record Canvas() implements CanvasTarget {
    }
}
