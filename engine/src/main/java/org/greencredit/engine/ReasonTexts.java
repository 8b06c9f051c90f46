package org.greencredit.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.greencredit.core.rating.Reason;
import org.greencredit.datasets.reference.ReferenceTable;

/** The zh/en wording of reason codes, from {@code engine/reasons.csv}. */
final class ReasonTexts {
    private final Map<String, String[]> texts = new HashMap<>();

    ReasonTexts() {
        for (ReferenceTable.Row r : ReferenceTable.fromClasspath("/engine/reasons.csv", "code", "zh", "en").rows()) {
            texts.put(r.text("code"), new String[] {r.text("zh"), r.text("en")});
        }
    }

    /** Every reason code with its wording. */
    Map<String, EngineInfo.Name> names() {
        Map<String, EngineInfo.Name> names = new TreeMap<>();
        texts.forEach((code, t) -> names.put(code, new EngineInfo.Name(t[0], t[1])));
        return Map.copyOf(names);
    }

    Reason reason(String code, double impact) {
        String[] t = texts.get(code);
        if (t == null) {
            throw new IllegalStateException("reason code " + code + " has no text in engine/reasons.csv");
        }
        return new Reason(code, t[0], t[1], impact);
    }
}
