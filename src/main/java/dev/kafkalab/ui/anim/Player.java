package dev.kafkalab.ui.anim;

import dev.kafkalab.engine.SimEvent;
import dev.kafkalab.ui.canvas.ClusterCanvas;
import dev.kafkalab.ui.lab.Frame;
import dev.kafkalab.ui.model.ClusterSnapshot;
import dev.kafkalab.ui.model.EventWords;
import dev.kafkalab.ui.model.HashingModel;
import javafx.animation.Animation;
import javafx.animation.PauseTransition;
import javafx.animation.SequentialTransition;
import javafx.animation.Transition;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.util.Duration;

import java.text.NumberFormat;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Plays frames one event at a time. Virtual time maps to screen time through one speed factor: an
 * event's animation and the virtual time before it both run at {@code speed}× (long quiet gaps are
 * cut short, and the caption says how long they were). At high speeds events too short to see are
 * applied together, one redraw per {@link #BATCH_MS} ms.
 */
public final class Player {
    public static final double MIN_SPEED = 0.1;
    public static final double MAX_SPEED = 100;
    /** Longest screen pause for a quiet stretch of virtual time, at 1×. */
    static final double MAX_GAP_MS = 1_200;
    /** Animations shorter than this on screen are applied without animating. */
    static final double BATCH_MS = 25;
    /** The 1× length of an internal topic's event: short enough to be applied in a batch. */
    static final Duration INTERNAL = Duration.millis(5);
    private static final NumberFormat MS = NumberFormat.getIntegerInstance(Locale.ENGLISH);

    private final ClusterCanvas canvas;
    private final Animator animator;
    private final HashingModel hashing;
    private final Deque<Frame> queue = new ArrayDeque<>();
    /** Queued events the player shows at the learner's own speed; a longer backlog plays faster. */
    static final int CALM_QUEUE = 12;

    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", 1);
    private final BooleanProperty playing = new SimpleBooleanProperty(this, "playing", true);
    private final ReadOnlyIntegerWrapper pending = new ReadOnlyIntegerWrapper(this, "pending", 0);
    private final StringProperty caption = new SimpleStringProperty(this, "caption", "");
    private Consumer<Frame> onShown = f -> { };
    private Runnable onIdle = () -> { };
    private Animation running;
    private Frame runningFrame;
    private boolean stopAfterCurrent;
    private ClusterSnapshot shown;

    public Player(ClusterCanvas canvas, Animator animator, HashingModel hashing) {
        this.canvas = canvas;
        this.animator = animator;
        this.hashing = hashing;
        speed.addListener((obs, was, now) -> {
            if (running != null) {
                running.setRate(now.doubleValue());
            }
        });
        playing.addListener((obs, was, now) -> {
            if (now && running == null) {
                next();
            } else if (!now && running != null) {
                running.pause();
            } else if (now) {
                running.play();
            }
        });
    }

    /** Called with each frame once it is on screen (for the event log and the inspector). */
    public void setOnShown(Consumer<Frame> onShown) {
        this.onShown = onShown;
    }

    /** Called when the last queued frame is on screen. */
    public void setOnIdle(Runnable onIdle) {
        this.onIdle = onIdle;
    }

    /** Shows {@code s} at once: queued frames are dropped (after undo, reset or loading). */
    public void showNow(ClusterSnapshot s) {
        stopRunning();
        queue.clear();
        pending.set(0);
        shown = s;
        canvas.setSnapshot(s);
    }

    /** Queues frames; they play at once unless paused. */
    public void enqueue(Collection<Frame> frames) {
        queue.addAll(frames);
        pending.set(queue.size());
        if (playing.get() && running == null) {
            next();
        }
    }

    public void play() {
        stopAfterCurrent = false;
        playing.set(true);
    }

    public void pause() {
        playing.set(false);
    }

    public void togglePlay() {
        if (playing.get()) {
            pause();
        } else {
            play();
        }
    }

    /**
     * Shows one more event: finishes the one animating, or animates the next queued one and stops.
     * Returns false when there was nothing to show.
     */
    public boolean stepOne() {
        if (running != null) {
            playing.set(false);
            finishRunning();
            return true;
        }
        if (queue.isEmpty()) {
            return false;
        }
        playing.set(false);
        stopAfterCurrent = true;
        start(queue.poll());
        return true;
    }

    /** Skips every queued animation and shows the last frame's state. */
    public void finishAll() {
        Frame last = runningFrame;
        stopRunning();
        if (last != null) {
            onShown.accept(last);
        }
        while (!queue.isEmpty()) {
            last = queue.poll();
            reveal(last);
            onShown.accept(last);
        }
        pending.set(0);
        if (last != null) {
            shown = last.after();
            canvas.setSnapshot(shown);
            caption.set(last.after().time() + " ms: " + EventWords.describe(last.event()));
        }
        hashing.revealAll();
        onIdle.run();
    }

    private void reveal(Frame f) {
        if (f.event() instanceof SimEvent.RecordSent s) {
            hashing.show(s);
        } else if (f.event() instanceof SimEvent.StickyPartitionChanged c) {
            hashing.stickyChanged(c);
        }
    }

    private void next() {
        if (queue.isEmpty()) {
            onIdle.run();
            return;
        }
        Frame f = queue.peek();
        double rate = rate();
        if (screenMs(f) / rate < BATCH_MS && !(f.event() instanceof SimEvent.RecordSent && rate < 20)) {
            batch(rate);
            return;
        }
        start(queue.poll());
    }

    /** Applies quick frames together, then waits one beat so the picture can be seen. */
    private void batch(double rate) {
        double budget = 0;
        Frame last = null;
        while (!queue.isEmpty() && budget < BATCH_MS) {
            Frame f = queue.peek();
            double ms = screenMs(f) / rate;
            if (last != null && budget + ms > BATCH_MS * 4) {
                break;
            }
            queue.poll();
            reveal(f);
            onShown.accept(f);
            budget += ms;
            last = f;
        }
        pending.set(queue.size());
        shown = last.after();
        canvas.setSnapshot(shown);
        caption.set(last.after().time() + " ms: " + EventWords.describe(last.event()));
        hashing.revealAll();
        PauseTransition beat = new PauseTransition(Duration.millis(BATCH_MS));
        running = beat;
        beat.setOnFinished(e -> {
            running = null;
            if (playing.get()) {
                next();
            }
        });
        beat.play();
    }

    /**
     * The speed to play the next event at: the learner's, quickened while a long burst waits (thirty
     * payments, a rebalance of many members), so the first events of a burst are seen at the chosen pace
     * and the rest catches up instead of keeping the learner waiting a minute.
     */
    double rate() {
        return speed.get() * catchUp(queue.size());
    }

    /** 1 for up to {@value #CALM_QUEUE} queued events, then growing with the backlog, at most 8. */
    static double catchUp(int queued) {
        return queued <= CALM_QUEUE ? 1 : Math.min(8, (double) queued / CALM_QUEUE);
    }

    private double screenMs(Frame f) {
        double gap = shown == null ? 0 : Math.min(MAX_GAP_MS, Math.max(0, f.after().time() - shown.time()));
        return gap + durationOf(f.event()).toMillis();
    }

    /** The 1× length of an event's animation. */
    static Duration durationOf(SimEvent e) {
        if (internal(e)) {
            return INTERNAL;
        }
        if (e instanceof SimEvent.RecordSent) {
            return Animator.HASH_STEP.multiply(HashingModel.STEPS);
        }
        if (e instanceof SimEvent.BatchSent || e instanceof SimEvent.RecordsReplicated
                || e instanceof SimEvent.RecordsPolled || e instanceof SimEvent.LeaderElected
                || e instanceof SimEvent.BrokerCrashed || e instanceof SimEvent.BrokerShutDown
                || e instanceof SimEvent.LogTruncated || e instanceof SimEvent.PartitionsAssigned
                || e instanceof SimEvent.PartitionsRevoked) {
            return Animator.FLY;
        }
        if (e instanceof SimEvent.HighWatermarkAdvanced || e instanceof SimEvent.BatchAppended
                || e instanceof SimEvent.IsrChanged || e instanceof SimEvent.OffsetsCommitted) {
            return Animator.SHORT;
        }
        if (e instanceof SimEvent.TimeAdvanced || e instanceof SimEvent.FollowerHighWatermarkUpdated) {
            return Duration.millis(60);
        }
        return Animator.CAPTION;
    }

    /**
     * Housekeeping of internal topics (__consumer_offsets: 50 partitions created, elected, written on
     * each commit) is folded: it is logged, but its own animations would bury the lesson's.
     */
    static boolean internal(SimEvent e) {
        String topic = null;
        if (e instanceof SimEvent.LeaderElected l) {
            topic = l.topic();
        } else if (e instanceof SimEvent.IsrChanged i) {
            topic = i.topic();
        } else if (e instanceof SimEvent.RecordsReplicated r) {
            topic = r.topic();
        } else if (e instanceof SimEvent.FollowerHighWatermarkUpdated f) {
            topic = f.topic();
        } else if (e instanceof SimEvent.BatchAppended a) {
            topic = a.topic();
        } else if (e instanceof SimEvent.HighWatermarkAdvanced h) {
            topic = h.topic();
        } else if (e instanceof SimEvent.SegmentRolled r) {
            topic = r.topic();
        }
        return topic != null && topic.startsWith("__");
    }

    private void start(Frame f) {
        runningFrame = f;
        pending.set(queue.size());
        ClusterSnapshot before = shown == null ? f.after() : shown;
        long gapMs = Math.max(0, f.after().time() - before.time());
        String words = EventWords.describe(f.event());
        caption.set(gapMs > MAX_GAP_MS ? "» " + MS.format(gapMs) + " ms of virtual time pass. " + words
                : f.after().time() + " ms: " + words);
        Transition t = animator.animate(f.event(), before, f.after());
        Animation a = t;
        if (gapMs > 0 && !(f.event() instanceof SimEvent.TimeAdvanced)) {
            a = new SequentialTransition(new PauseTransition(Duration.millis(Math.min(MAX_GAP_MS, gapMs))), t);
        }
        runningFrame = f;
        running = a;
        a.setRate(rate());
        a.setOnFinished(e -> complete());
        a.play();
    }

    private void complete() {
        Frame f = runningFrame;
        running = null;
        runningFrame = null;
        shown = f.after();
        canvas.setSnapshot(shown);
        onShown.accept(f);
        if (stopAfterCurrent) {
            stopAfterCurrent = false;
            if (queue.isEmpty()) {
                onIdle.run();
            }
            return;
        }
        if (playing.get()) {
            next();
        }
    }

    private void finishRunning() {
        Animation a = running;
        if (a != null && runningFrame != null) {
            a.setOnFinished(null);
            a.stop();
            complete();
        } else if (a != null) {
            a.stop();
            running = null;
        }
    }

    private void stopRunning() {
        if (running != null) {
            running.setOnFinished(null);
            running.stop();
        }
        running = null;
        runningFrame = null;
        stopAfterCurrent = false;
    }

    public DoubleProperty speedProperty() {
        return speed;
    }

    public BooleanProperty playingProperty() {
        return playing;
    }

    public ReadOnlyIntegerProperty pendingProperty() {
        return pending.getReadOnlyProperty();
    }

    public StringProperty captionProperty() {
        return caption;
    }

    /** Whether an animation is on screen now. */
    public boolean isAnimating() {
        return running != null;
    }

    public ClusterSnapshot shown() {
        return shown;
    }

    /** Frames not fully shown yet, the animating one included. */
    public int pendingCount() {
        return queue.size() + (runningFrame != null ? 1 : 0);
    }
}
