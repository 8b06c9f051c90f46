package org.greencredit.datasets.synthetic;

import java.util.SplittableRandom;

/** Standard normal draws for the generators: SplittableRandom has no nextGaussian on Java 17. */
final class Gaussian {
    private Gaussian() {
    }

    /** Box-Muller from two uniforms. */
    static double next(SplittableRandom random) {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
