package org.greencredit.service.rating;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import java.util.TreeMap;
import org.greencredit.core.request.Crop;
import org.greencredit.datasets.reference.ReferenceData;
import org.greencredit.engine.RatingEngine;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Names in Chinese and English for the codes a rating uses, so that pages can show words instead of codes. */
@RestController
@Tag(name = "Ratings")
public class VocabularyController {
    /** A code's name in both languages. */
    public record Name(String zh, String en) {
    }

    /** Names of the credit features (contributions) and of the crops. */
    public record Vocabulary(Map<String, Name> features, Map<String, Name> crops) {
    }

    private final Vocabulary vocabulary;

    public VocabularyController(RatingEngine engine) {
        Map<String, Name> features = new TreeMap<>();
        engine.creditFeatures().forEach((code, info) -> features.put(code, new Name(info.nameZh(), info.nameEn())));
        Map<String, Name> crops = new TreeMap<>();
        ReferenceData reference = ReferenceData.shipped();
        for (Crop crop : Crop.values()) {
            crops.put(crop.name(), new Name(reference.crop(crop).nameZh(), reference.crop(crop).nameEn()));
        }
        this.vocabulary = new Vocabulary(Map.copyOf(features), Map.copyOf(crops));
    }

    @GetMapping(path = "/api/v1/vocabulary", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Names in Chinese and English of credit features and crops (public)")
    public Vocabulary vocabulary() {
        return vocabulary;
    }
}
