package org.greencredit.models.series;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Random convolutional kernel features of a series, after MiniRocket (Dempster, Schmidt and Webb, "MiniRocket: a very
 * fast (almost) deterministic transform for time series classification", KDD 2021): the 84 kernels of length 9 with
 * six weights of -1 and three of 2, each at dilations spread exponentially up to the series length, and for each
 * kernel and dilation a few biases drawn from the quantiles of its convolution output on training series; a feature is
 * the proportion of positive values (PPV) of the output minus a bias. Half the kernel-dilation pairs pad the series with
 * zeros (outputs over its whole length), half do not (outputs where the kernel fits). Features come standardised by
 * their mean and standard deviation on the training series, as a linear head needs. Immutable and thread-safe once
 * fitted; the fitted biases and standardisation are its whole state, saved as text beside the classifier.
 */
public final class MiniRocket {
    static final int KERNEL_LENGTH = 9;
    /** The positions of the three weights of 2 in each of the 84 kernels: every 3 of the 9 positions. */
    private static final int[][] KERNELS = kernels();
    /** MiniRocket's own cap on dilations per series length. */
    private static final int MAX_DILATIONS = 32;

    private final int length;
    private final int[] dilations;
    /** biases[d][k]: the biases of kernel k at dilation d. */
    private final double[][][] biases;
    /** Each feature's mean and standard deviation (1 where it does not vary) on the training series. */
    private final double[] mean;
    private final double[] scale;

    private MiniRocket(int length, int[] dilations, double[][][] biases, double[] mean, double[] scale) {
        this.length = length;
        this.dilations = dilations;
        this.biases = biases;
        this.mean = mean;
        this.scale = scale;
    }

    private static int[][] kernels() {
        List<int[]> out = new ArrayList<>();
        for (int a = 0; a < KERNEL_LENGTH; a++) {
            for (int b = a + 1; b < KERNEL_LENGTH; b++) {
                for (int c = b + 1; c < KERNEL_LENGTH; c++) {
                    out.add(new int[] {a, b, c});
                }
            }
        }
        return out.toArray(int[][]::new);
    }

    /** Dilations 2^x for x spread evenly from 0 to log2((length - 1) / 8), rounded down and without repeats. */
    static int[] dilations(int length) {
        double maxExponent = Math.log((length - 1) / (double) (KERNEL_LENGTH - 1)) / Math.log(2);
        if (maxExponent < 0) {
            return new int[] {1};
        }
        int n = Math.min(MAX_DILATIONS, (int) Math.floor(maxExponent) + 1);
        return Arrays.stream(java.util.stream.IntStream.range(0, n).mapToDouble(i -> n == 1 ? 0 : maxExponent * i / (n - 1)).toArray())
                .mapToInt(x -> (int) Math.floor(Math.pow(2, x))).distinct().toArray();
    }

    /**
     * Fits the biases on training series: for each dilation and kernel, {@code biasesPerKernel} quantiles (at the
     * low-discrepancy positions (i + 1) x golden ratio mod 1) of its output on one training series drawn at random.
     */
    public static MiniRocket fit(List<double[]> training, int biasesPerKernel, long seed) {
        if (training.isEmpty()) {
            throw new IllegalArgumentException("MiniRocket needs training series to fit its biases");
        }
        int length = training.get(0).length;
        int[] dilations = dilations(length);
        Random random = new Random(seed);
        double golden = (Math.sqrt(5) + 1) / 2;
        double[][][] biases = new double[dilations.length][KERNELS.length][biasesPerKernel];
        for (int d = 0; d < dilations.length; d++) {
            for (int k = 0; k < KERNELS.length; k++) {
                double[] output = convolve(training.get(random.nextInt(training.size())), k, dilations[d], padded(d, k));
                Arrays.sort(output);
                for (int q = 0; q < biasesPerKernel; q++) {
                    double quantile = ((q + 1) * golden) % 1;
                    biases[d][k][q] = output[Math.min(output.length - 1, (int) Math.floor(quantile * output.length))];
                }
            }
        }
        MiniRocket raw = new MiniRocket(length, dilations, biases, null, null);
        int n = raw.features();
        double[] sum = new double[n];
        double[] sumSq = new double[n];
        for (double[] series : training) {
            double[] f = raw.proportions(series);
            for (int i = 0; i < n; i++) {
                sum[i] += f[i];
                sumSq[i] += f[i] * f[i];
            }
        }
        double[] mean = new double[n];
        double[] scale = new double[n];
        for (int i = 0; i < n; i++) {
            mean[i] = sum[i] / training.size();
            double sd = Math.sqrt(Math.max(0, sumSq[i] / training.size() - mean[i] * mean[i]));
            scale[i] = sd > 1e-9 ? sd : 1;
        }
        return new MiniRocket(length, dilations, biases, mean, scale);
    }

    /** Whether kernel {@code k} at the {@code d}-th dilation pads the series: every other pair, as MiniRocket does. */
    private static boolean padded(int d, int k) {
        return (d + k) % 2 == 0;
    }

    /**
     * The kernel's output: sum of weight x value over the nine taps, centred, the taps {@code dilation} apart; weights are
     * -1 except 2 at the kernel's three positions. Padded, taps outside the series read 0 and every position has an
     * output; otherwise only positions where all taps fall inside (at least one position: the centre of the series).
     */
    static double[] convolve(double[] x, int kernel, int dilation, boolean padded) {
        int half = (KERNEL_LENGTH - 1) / 2 * dilation;
        int from = padded ? 0 : Math.min(half, x.length / 2);
        int to = padded ? x.length : Math.max(from + 1, x.length - half);
        int[] twos = KERNELS[kernel];
        double[] out = new double[to - from];
        for (int t = from; t < to; t++) {
            double sum = 0;
            for (int j = 0; j < KERNEL_LENGTH; j++) {
                int i = t + (j - KERNEL_LENGTH / 2) * dilation;
                if (i >= 0 && i < x.length) {
                    sum -= x[i];
                }
            }
            for (int j : twos) {
                int i = t + (j - KERNEL_LENGTH / 2) * dilation;
                if (i >= 0 && i < x.length) {
                    sum += 3 * x[i];
                }
            }
            out[t - from] = sum;
        }
        return out;
    }

    public int length() {
        return length;
    }

    /** How many features {@link #transform} gives. */
    public int features() {
        return dilations.length * KERNELS.length * biases[0][0].length;
    }

    /** The standardised PPV features of one series of {@link #length} values. */
    public double[] transform(double[] x) {
        if (x.length != length) {
            throw new IllegalArgumentException("MiniRocket was fitted on series of " + length + " values, got " + x.length);
        }
        double[] f = proportions(x);
        for (int i = 0; i < f.length; i++) {
            f[i] = (f[i] - mean[i]) / scale[i];
        }
        return f;
    }

    /** The proportions of positive values, before standardisation. */
    private double[] proportions(double[] x) {
        double[] f = new double[features()];
        int i = 0;
        for (int d = 0; d < dilations.length; d++) {
            for (int k = 0; k < KERNELS.length; k++) {
                double[] output = convolve(x, k, dilations[d], padded(d, k));
                for (double bias : biases[d][k]) {
                    int positive = 0;
                    for (double o : output) {
                        positive += o > bias ? 1 : 0;
                    }
                    f[i++] = positive / (double) output.length;
                }
            }
        }
        return f;
    }

    /** The fitted state as lines of text: the length, the dilations, then one line of biases per dilation and kernel. */
    public List<String> toLines() {
        List<String> lines = new ArrayList<>();
        lines.add("length " + length);
        lines.add("dilations " + String.join(" ", Arrays.stream(dilations).mapToObj(Integer::toString).toList()));
        for (double[][] byKernel : biases) {
            for (double[] b : byKernel) {
                lines.add(String.join(" ", Arrays.stream(b).mapToObj(Double::toString).toList()));
            }
        }
        lines.add("mean " + String.join(" ", Arrays.stream(mean).mapToObj(Double::toString).toList()));
        lines.add("scale " + String.join(" ", Arrays.stream(scale).mapToObj(Double::toString).toList()));
        return lines;
    }

    /** The transform {@link #toLines} wrote. */
    public static MiniRocket fromLines(List<String> lines, String where) {
        try {
            int length = Integer.parseInt(lines.get(0).substring("length ".length()).strip());
            int[] dilations = Arrays.stream(lines.get(1).substring("dilations ".length()).strip().split(" ")).mapToInt(Integer::parseInt).toArray();
            if (lines.size() != 4 + dilations.length * KERNELS.length) {
                throw new IllegalArgumentException(where + ": expected " + dilations.length * KERNELS.length + " lines of biases and the"
                        + " mean and scale lines, found " + (lines.size() - 2) + " lines");
            }
            double[][][] biases = new double[dilations.length][KERNELS.length][];
            int line = 2;
            for (int d = 0; d < dilations.length; d++) {
                for (int k = 0; k < KERNELS.length; k++) {
                    biases[d][k] = Arrays.stream(lines.get(line++).strip().split(" ")).mapToDouble(Double::parseDouble).toArray();
                }
            }
            double[] mean = numbers(lines.get(line++), "mean ");
            double[] scale = numbers(lines.get(line), "scale ");
            MiniRocket rocket = new MiniRocket(length, dilations, biases, mean, scale);
            if (mean.length != rocket.features() || scale.length != rocket.features()) {
                throw new IllegalArgumentException("mean and scale need " + rocket.features() + " values each");
            }
            return rocket;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(where + " is not a MiniRocket transform: " + e.getMessage(), e);
        }
    }

    private static double[] numbers(String line, String prefix) {
        if (!line.startsWith(prefix)) {
            throw new IllegalArgumentException("expected a line starting '" + prefix.strip() + "'");
        }
        return Arrays.stream(line.substring(prefix.length()).strip().split(" ")).mapToDouble(Double::parseDouble).toArray();
    }
}
