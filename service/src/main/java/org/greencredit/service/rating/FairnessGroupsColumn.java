package org.greencredit.service.rating;

import java.util.LinkedHashMap;
import java.util.Map;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.engine.reports.FairnessReport;

/**
 * A rated firm's groups of the fairness report (region, size class, thin file, farm) as one column,
 * {@code region=more-developed;sizeClass=MICRO;thinFile=full;farm=non-farm}: comparisons and fairness by group read it
 * without opening the request.
 */
public final class FairnessGroupsColumn {
    private FairnessGroupsColumn() {
    }

    public static String of(RatingRequest request) {
        StringBuilder out = new StringBuilder();
        FairnessReport.groupsOf(request).forEach((dimension, group) -> {
            if (out.length() > 0) {
                out.append(';');
            }
            out.append(dimension).append('=').append(group);
        });
        return out.toString();
    }

    /** The groups a column holds; empty for a rating stored before the column existed (null). */
    public static Map<String, String> parse(String column) {
        Map<String, String> groups = new LinkedHashMap<>();
        if (column == null || column.isEmpty()) {
            return groups;
        }
        for (String pair : column.split(";")) {
            int eq = pair.indexOf('=');
            groups.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return groups;
    }
}
