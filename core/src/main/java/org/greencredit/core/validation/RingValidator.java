package org.greencredit.core.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.List;

/**
 * Checks a ring and reports the first problem found in words. Self-intersection is tested
 * edge against edge, which is quadratic; the vertex limit on a ring keeps that bounded.
 */
public final class RingValidator implements ConstraintValidator<ValidRing, List<List<Double>>> {

    @Override
    public boolean isValid(List<List<Double>> ring, ConstraintValidatorContext context) {
        if (ring == null) {
            return true;
        }
        String problem = problemOf(ring);
        if (problem == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
        return false;
    }

    /** Returns a description of what is wrong with the ring, or null when it is valid. */
    static String problemOf(List<List<Double>> ring) {
        if (ring.size() < 4) {
            return "a ring needs at least 4 positions (a closed triangle), got " + ring.size();
        }
        for (int i = 0; i < ring.size(); i++) {
            List<Double> p = ring.get(i);
            if (p == null || p.size() < 2 || p.get(0) == null || p.get(1) == null) {
                return "position " + i + " must be [longitude, latitude]";
            }
            double lon = p.get(0);
            double lat = p.get(1);
            if (!(lon >= -180 && lon <= 180)) {
                return "position " + i + ": longitude " + lon + " is outside [-180, 180]";
            }
            if (!(lat >= -90 && lat <= 90)) {
                return "position " + i + ": latitude " + lat + " is outside [-90, 90]";
            }
        }
        List<Double> first = ring.get(0);
        List<Double> last = ring.get(ring.size() - 1);
        if (!first.get(0).equals(last.get(0)) || !first.get(1).equals(last.get(1))) {
            return "ring is open: the last position must repeat the first";
        }
        int edges = ring.size() - 1;
        for (int i = 0; i < edges; i++) {
            for (int j = i + 1; j < edges; j++) {
                boolean adjacent = j == i + 1 || (i == 0 && j == edges - 1);
                if (!adjacent && segmentsIntersect(ring.get(i), ring.get(i + 1), ring.get(j), ring.get(j + 1))) {
                    return "ring intersects itself: edge " + i + " crosses edge " + j;
                }
            }
        }
        return null;
    }

    private static boolean segmentsIntersect(List<Double> a, List<Double> b, List<Double> c, List<Double> d) {
        double d1 = cross(c, d, a);
        double d2 = cross(c, d, b);
        double d3 = cross(a, b, c);
        double d4 = cross(a, b, d);
        if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) {
            return true;
        }
        return (d1 == 0 && onSegment(c, d, a)) || (d2 == 0 && onSegment(c, d, b))
                || (d3 == 0 && onSegment(a, b, c)) || (d4 == 0 && onSegment(a, b, d));
    }

    private static double cross(List<Double> o, List<Double> p, List<Double> q) {
        return (p.get(0) - o.get(0)) * (q.get(1) - o.get(1)) - (p.get(1) - o.get(1)) * (q.get(0) - o.get(0));
    }

    private static boolean onSegment(List<Double> p, List<Double> q, List<Double> r) {
        return Math.min(p.get(0), q.get(0)) <= r.get(0) && r.get(0) <= Math.max(p.get(0), q.get(0))
                && Math.min(p.get(1), q.get(1)) <= r.get(1) && r.get(1) <= Math.max(p.get(1), q.get(1));
    }
}
