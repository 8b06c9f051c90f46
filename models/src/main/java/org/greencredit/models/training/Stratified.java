package org.greencredit.models.training;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded stratified partitions of rows, so that every part keeps the table's share of positives:
 * the hold-out of {@code model train}, the folds of cross-validation and the validation split that
 * chooses a learner's settings.
 */
final class Stratified {
    private Stratified() {
    }

    /** Row indices for the rest and for the held-out share, the same share of each class in both, each sorted. */
    static int[][] split(boolean[] y, double heldOutShare, long seed) {
        return split(y, allRows(y.length), heldOutShare, seed);
    }

    /** As {@link #split(boolean[], double, long)} within the given rows: {rest, held out}, both subsets of {@code rows}. */
    static int[][] split(boolean[] y, int[] rows, double heldOutShare, long seed) {
        List<Integer> rest = new ArrayList<>();
        List<Integer> heldOut = new ArrayList<>();
        for (List<Integer> cls : shuffledClasses(y, rows, seed)) {
            int cut = (int) Math.round(cls.size() * heldOutShare);
            heldOut.addAll(cls.subList(0, cut));
            rest.addAll(cls.subList(cut, cls.size()));
        }
        return new int[][] {sorted(rest), sorted(heldOut)};
    }

    /** The fold (0 to folds - 1) of each of the given rows, in their order: each class shuffled and dealt round the folds. */
    static int[] folds(boolean[] y, int[] rows, int folds, long seed) {
        int[] position = new int[y.length];
        for (int i = 0; i < rows.length; i++) {
            position[rows[i]] = i;
        }
        int[] foldOf = new int[rows.length];
        for (List<Integer> cls : shuffledClasses(y, rows, seed)) {
            for (int i = 0; i < cls.size(); i++) {
                foldOf[position[cls.get(i)]] = i % folds;
            }
        }
        return foldOf;
    }

    /** Below this many rows a learner's settings are chosen by cross-validation: a single validation split is too noisy. */
    static final int CROSS_VALIDATION_BELOW = 5_000;
    static final int FOLDS = 5;
    static final double VALIDATION_SHARE = 0.2;

    /**
     * How a learner validates its settings on its training rows: {fit, validation} pairs, the {@value #FOLDS} folds of
     * cross-validation below {@value #CROSS_VALIDATION_BELOW} rows, one stratified fifth held back above; and how to say so.
     */
    record Validation(List<int[][]> splits, String description) {
        static Validation of(boolean[] y, int[] rows, long seed) {
            List<int[][]> splits = new ArrayList<>();
            if (rows.length < CROSS_VALIDATION_BELOW) {
                int[] foldOf = folds(y, rows, FOLDS, seed);
                for (int f = 0; f < FOLDS; f++) {
                    splits.add(new int[][] {rowsOf(rows, foldOf, f, false), rowsOf(rows, foldOf, f, true)});
                }
                return new Validation(List.copyOf(splits), FOLDS + "-fold cross-validation of the training rows");
            }
            splits.add(split(y, rows, VALIDATION_SHARE, seed));
            return new Validation(List.copyOf(splits), "a stratified validation fifth of the training rows");
        }
    }

    /** The given rows of fold {@code fold} ({@code in}) or of every other fold. */
    static int[] rowsOf(int[] rows, int[] foldOf, int fold, boolean in) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            if ((foldOf[i] == fold) == in) {
                out.add(rows[i]);
            }
        }
        return sorted(out);
    }

    static int[] allRows(int n) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        return all;
    }

    /** The positive rows, then the negative ones, each shuffled by one random sequence (positives first). */
    private static List<List<Integer>> shuffledClasses(boolean[] y, int[] rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<List<Integer>> classes = new ArrayList<>();
        for (boolean cls : new boolean[] {true, false}) {
            List<Integer> members = new ArrayList<>();
            for (int r : rows) {
                if (y[r] == cls) {
                    members.add(r);
                }
            }
            for (int i = members.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                Integer t = members.get(i);
                members.set(i, members.get(j));
                members.set(j, t);
            }
            classes.add(members);
        }
        return classes;
    }

    private static int[] sorted(List<Integer> rows) {
        return rows.stream().mapToInt(Integer::intValue).sorted().toArray();
    }
}
