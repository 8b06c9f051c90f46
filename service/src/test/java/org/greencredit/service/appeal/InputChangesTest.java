package org.greencredit.service.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class InputChangesTest {
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void changedAddedAndRemovedLeavesAreListedWithoutTheirIndices() {
        var before = json.readTree("""
                {"sme": {"id": "A", "sizeClass": "MICRO"}, "lines": [{"q": 1, "u": "kWh"}, {"q": 2, "u": "kWh"}], "old": 5, "gone": null}""");
        var after = json.readTree("""
                {"sme": {"id": "A", "sizeClass": "SMALL"}, "lines": [{"q": 1, "u": "kWh"}, {"q": 3, "u": "kWh"}, {"q": 4, "u": "kWh"}], "new": "x"}""");
        // sizeClass changed; the second line's q changed and a third line was added; "old" removed, "new" added; null to absent is no change.
        assertThat(InputChanges.between(before, after)).containsExactly("lines[]", "lines[].q", "new", "old", "sme.sizeClass");
    }

    @Test
    void anUnchangedRequestHasNoChanges() {
        var request = json.readTree("{\"sme\": {\"id\": \"A\"}, \"lines\": [{\"q\": 1}]}");
        assertThat(InputChanges.between(request, request.deepCopy())).isEmpty();
    }

    @Test
    void aContestedFieldIsCountedWithoutItsIndex() {
        assertThat(AppealFeedback.normalised("carbonAccount.lines[3].quantity")).isEqualTo("carbonAccount.lines[].quantity");
        assertThat(AppealFeedback.normalised(" ")).isEqualTo("(none given)");
    }
}
