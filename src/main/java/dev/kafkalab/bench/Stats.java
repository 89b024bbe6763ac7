package dev.kafkalab.bench;

import java.util.Arrays;
import java.util.Locale;

/** Small helpers for benchmark figures: medians, percentiles, and numbers printed the same way everywhere. */
final class Stats {
    private Stats() {
    }

    static double median(double[] values) {
        return percentile(values, 50);
    }

    /** The nearest-rank percentile {@code p} (0..100) of {@code values}. */
    static double percentile(double[] values, double p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** 1234567.8 as "1,234,568". */
    static String count(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    static String fixed(double v, int decimals) {
        return String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }
}
