package org.greencredit.models.series;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.greencredit.models.tabular.TabularReader;

/**
 * Reads labelled series in the UCR archive layout: one series per line, the class label first,
 * then equally spaced values, no header; tab-, comma- or whitespace-separated. Missing values
 * (NaN, NA, ?, empty) are filled by linear interpolation from their neighbours; series of other
 * lengths are resampled linearly to the most common length. A line that has a label but no
 * numbers is an error naming the line.
 */
public final class SeriesReader {
    private SeriesReader() {
    }

    public static LabelledSeries read(Path file) {
        return read(file, -1);
    }

    /** @param length the length to resample to, or -1 for the most common length in the file */
    public static LabelledSeries read(Path file, int length) {
        return read(file, length, false);
    }

    /**
     * Series with a numeric target after the label (label, target, then the values), such as a
     * crop, its yield and its NDVI curve. A missing or unreadable target is an error naming the line.
     */
    public static LabelledSeries readWithTarget(Path file) {
        return read(file, -1, true);
    }

    private static LabelledSeries read(Path file, int length, boolean withTarget) {
        int first = withTarget ? 2 : 1;
        List<String> labels = new ArrayList<>();
        List<Double> targets = new ArrayList<>();
        List<double[]> raw = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                // Tab- and comma-separated lines keep trailing empty fields: readings missing at the end of a
                // series (a season cut short) are gaps to fill, not a shorter series.
                boolean delimited = line.indexOf('\t') >= 0 || line.indexOf(',') >= 0;
                String[] fields = (delimited ? line : line.trim()).split(line.indexOf('\t') >= 0 ? "\t" : delimited ? "," : "\\s+", -1);
                if (fields.length < first + 2) {
                    throw new IllegalArgumentException(file + ": line " + number + ": expected a label" + (withTarget ? ", a target" : "")
                            + " and at least two values, found " + fields.length + " field(s)");
                }
                if (withTarget) {
                    Double target = TabularReader.parseNumber(fields[1].trim());
                    if (target == null || !Double.isFinite(target)) {
                        throw new IllegalArgumentException(file + ": line " + number + ": the target (second field) must be a number, got '"
                                + fields[1].trim() + "'");
                    }
                    targets.add(target);
                }
                double[] values = new double[fields.length - first];
                int present = 0;
                for (int i = first; i < fields.length; i++) {
                    String f = fields[i].trim();
                    Double v = f.isEmpty() || TabularReader.isMissing(f) ? null : TabularReader.parseNumber(f);
                    values[i - first] = v == null ? Double.NaN : v;
                    present += v == null ? 0 : 1;
                }
                if (present < 2) {
                    throw new IllegalArgumentException(file + ": line " + number + ": fewer than two numeric values");
                }
                labels.add(normaliseLabel(fields[0].trim()));
                raw.add(fillGaps(values));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (labels.isEmpty()) {
            throw new IllegalArgumentException(file + ": no series");
        }
        int common = length > 0 ? length : mostCommonLength(raw);
        List<double[]> values = new ArrayList<>(raw.size());
        for (double[] r : raw) {
            values.add(r.length == common ? r : resample(r, common));
        }
        return new LabelledSeries(List.copyOf(labels), values, common, withTarget ? List.copyOf(targets) : List.of());
    }

    /** "1", "1.0" and "1.00" are the same class, as UCR files write labels either way. */
    static String normaliseLabel(String label) {
        Double d = TabularReader.parseNumber(label);
        if (d != null && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) (double) d);
        }
        return label;
    }

    /** Linear interpolation across missing values; ends take the nearest present value. */
    public static double[] fillGaps(double[] v) {
        double[] out = Arrays.copyOf(v, v.length);
        int previous = -1;
        for (int i = 0; i < out.length; i++) {
            if (Double.isNaN(out[i])) {
                continue;
            }
            if (previous < 0) {
                Arrays.fill(out, 0, i, out[i]);
            } else if (i - previous > 1) {
                for (int k = previous + 1; k < i; k++) {
                    out[k] = out[previous] + (out[i] - out[previous]) * (k - previous) / (i - previous);
                }
            }
            previous = i;
        }
        if (previous >= 0 && previous < out.length - 1) {
            Arrays.fill(out, previous + 1, out.length, out[previous]);
        }
        return out;
    }

    static double[] resample(double[] v, int length) {
        double[] out = new double[length];
        for (int i = 0; i < length; i++) {
            double x = length == 1 ? 0 : (double) i * (v.length - 1) / (length - 1);
            int lo = (int) Math.floor(x);
            int hi = Math.min(v.length - 1, lo + 1);
            out[i] = v[lo] + (v[hi] - v[lo]) * (x - lo);
        }
        return out;
    }

    private static int mostCommonLength(List<double[]> series) {
        java.util.Map<Integer, Integer> counts = new java.util.HashMap<>();
        series.forEach(s -> counts.merge(s.length, 1, Integer::sum));
        return counts.entrySet().stream().max(java.util.Map.Entry.<Integer, Integer>comparingByValue()
                .thenComparing(java.util.Map.Entry.comparingByKey())).orElseThrow().getKey();
    }
}
