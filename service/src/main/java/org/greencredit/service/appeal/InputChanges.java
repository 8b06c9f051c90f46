package org.greencredit.service.appeal;

import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * The inputs a correction changed: the paths of the leaves of a request that differ between the
 * appealed and the corrected version (added, removed or changed), list indices written {@code []}
 * so that the same input of different months or plots counts as one, e.g.
 * {@code carbonAccount.lines[].quantity}.
 */
final class InputChanges {
    private InputChanges() {
    }

    static Set<String> between(JsonNode before, JsonNode after) {
        Set<String> paths = new TreeSet<>();
        walk("", before, after, paths);
        return paths;
    }

    private static void walk(String path, JsonNode a, JsonNode b, Set<String> paths) {
        boolean aMissing = a == null || a.isNull() || a.isMissingNode();
        boolean bMissing = b == null || b.isNull() || b.isMissingNode();
        if (aMissing && bMissing) {
            return;
        }
        if (!aMissing && !bMissing && a.isObject() && b.isObject()) {
            Set<String> names = new TreeSet<>();
            a.propertyNames().forEach(names::add);
            b.propertyNames().forEach(names::add);
            for (String name : names) {
                walk(path.isEmpty() ? name : path + "." + name, a.get(name), b.get(name), paths);
            }
            return;
        }
        if (!aMissing && !bMissing && a.isArray() && b.isArray()) {
            for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
                walk(path + "[]", i < a.size() ? a.get(i) : null, i < b.size() ? b.get(i) : null, paths);
            }
            return;
        }
        if (aMissing || bMissing || !a.equals(b)) {
            paths.add(path.isEmpty() ? "(request)" : path);
        }
    }
}
