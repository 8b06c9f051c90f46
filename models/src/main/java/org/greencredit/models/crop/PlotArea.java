package org.greencredit.models.crop;

import java.util.List;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.PolygonArea;
import net.sf.geographiclib.PolygonResult;
import org.greencredit.core.request.PolygonGeometry;

/** Geodesic area of a GeoJSON polygon on the WGS84 ellipsoid (GeographicLib), holes subtracted. */
public final class PlotArea {
    /** 1 mu (亩) = 10,000 / 15 m2 by the Chinese statutory definition. */
    public static final double SQUARE_METRES_PER_MU = 10_000.0 / 15.0;

    private PlotArea() {
    }

    public static double squareMetres(PolygonGeometry geometry) {
        List<List<List<Double>>> rings = geometry.coordinates();
        double area = ringArea(rings.get(0));
        for (int i = 1; i < rings.size(); i++) {
            area -= ringArea(rings.get(i));
        }
        return Math.max(0, area);
    }

    public static double mu(PolygonGeometry geometry) {
        return squareMetres(geometry) / SQUARE_METRES_PER_MU;
    }

    private static double ringArea(List<List<Double>> ring) {
        PolygonArea polygon = new PolygonArea(Geodesic.WGS84, false);
        // GeoJSON repeats the first position at the end; GeographicLib closes the ring itself.
        for (int i = 0; i < ring.size() - 1; i++) {
            polygon.AddPoint(ring.get(i).get(1), ring.get(i).get(0));
        }
        PolygonResult result = polygon.Compute(false, true);
        return Math.abs(result.area);
    }
}
