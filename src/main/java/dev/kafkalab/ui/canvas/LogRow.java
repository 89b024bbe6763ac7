package dev.kafkalab.ui.canvas;

/**
 * Where one drawn log sits: the left edge of its first slot, the slot width, the offsets shown
 * [{@code start}, {@code end}) and the vertical centre of its diamonds. The last of the {@code slots}
 * slots is the append position (the log end offset). Offsets outside the window
 * are clamped to its edges, so animations of records that scrolled away still go somewhere sensible.
 */
public record LogRow(double x0, double slotWidth, int slots, long start, long end, double centerY, double top,
                     double height) {
    /** x of the left edge of the slot holding {@code offset} (or of the append position). */
    public double slotLeft(long offset) {
        long i = Math.max(0, Math.min(slots - 1, offset - start));
        return x0 + i * slotWidth;
    }

    public double slotCenter(long offset) {
        return slotLeft(offset) + slotWidth / 2;
    }

    /** x of a boundary marker before {@code offset} (high watermark, log end offset). */
    public double boundary(long offset) {
        return slotLeft(offset);
    }

    public boolean shows(long offset) {
        return offset >= start && offset < end;
    }

    public double right() {
        return x0 + slots * slotWidth;
    }
}
