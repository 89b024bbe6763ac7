package dev.kafkalab.scenario;

import dev.kafkalab.engine.Simulation;
import java.util.Map;

/** What lesson goals and answers are judged on: the simulation, and which producer is bound to which topic. */
public interface LessonWorld {
    Simulation simulation();

    /** producer id -> topic it was dragged onto (or bound by the {@code bind} action). */
    Map<String, String> bindings();
}
